import { randomBytes } from 'node:crypto';
import { mkdir, readdir, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import type { Chunk } from './chunks.js';
import type { RejectNote } from './journal.js';
import { readPart, readPartMeta } from './partFiles.js';
import type { RunPlan } from './plan.js';
import { outputName } from './outputName.js';
import { FileSink, TreeSink, type Sink } from './sinks.js';
import { makeSummary, REJECT_NOTES_KEPT, type BatchSummary } from './summary.js';
import { addStats, emptyStats } from './chunk.js';

/** Where a run's output goes: a tree as `batch --out-dir` writes it, or one file as `batch -o`. */
export interface RunOutputs {
  outDir: string | null;
  output: string | null;
  rejects: string | null;
  summaryFile: string | null;
}

export interface AssemblyAccount {
  /** Seconds the run took so far (for the summary's rate). */
  seconds(): number;
  workers: number;
  shard: string | null;
}

/**
 * Joins the parts of a run, in input order, into the output the local run writes: the same files
 * with the same bytes, the rejects file, and the summary. `ready(seq)` resolves when part `seq` is
 * complete, so that the output can be written while later chunks are still being processed. The
 * output is written under temporary names and renamed into place at the end: a reader never sees
 * half of it, and an assembly done twice writes the same bytes.
 */
export async function assembleRun(plan: RunPlan, outputs: RunOutputs, workDir: string, partPath: (seq: number) => string, ready: (seq: number) => Promise<void>, account: AssemblyAccount): Promise<BatchSummary> {
  const token = `${process.pid}-${randomBytes(4).toString('hex')}`;
  const tree = outputs.outDir ? join(workDir, `assembly-${token}`) : null;
  const fileTmp = outputs.output ? `${outputs.output}.partial-${token}` : null;
  const rejectsTmp = outputs.rejects ? `${outputs.rejects}.partial-${token}` : null;
  if (tree) await mkdir(tree, { recursive: true });
  const sink: Sink = tree ? new TreeSink(tree, plan.files, outputName) : await FileSink.open(fileTmp!, null);
  const rejectsSink = rejectsTmp ? await FileSink.open(rejectsTmp, null) : null;
  const stats = emptyStats();
  const notes: RejectNote[] = [];
  let warcSkipped = 0;
  let bytesRead = 0;
  let bytesDecompressed = 0;
  // The last chunk of each file closes it in the tree.
  const lastOfFile = new Map<number, number>();
  for (const c of plan.chunks) lastOfFile.set(c.fileIndex, c.seq);
  const recordsOut = new Map<number, number>();
  try {
    for (const c of plan.chunks) {
      await ready(c.seq);
      const path = partPath(c.seq);
      const meta = await readPartMeta(path);
      const fileOut = (recordsOut.get(c.fileIndex) ?? 0) + meta.stats.out;
      recordsOut.set(c.fileIndex, fileOut);
      const endOfFile = lastOfFile.get(c.fileIndex) === c.seq;
      const file = plan.files[c.fileIndex]!;
      // What the tree sink looks at to leave out a file that was rejected whole, as in the local run.
      const stub = (last: boolean) => ({ fileIndex: c.fileIndex, endOfFile: last, body: { lengths: file.format === 'text' ? [0] : [] } }) as unknown as Chunk;
      let left = meta.outBytes;
      if (left === 0) {
        if (endOfFile) await sink.write(stub(true), EMPTY, fileOut > 0);
      } else {
        for await (const bytes of readPart(path, 0, meta.outBytes)) {
          left -= bytes.length;
          await sink.write(stub(endOfFile && left === 0), bytes, true);
        }
      }
      if (rejectsSink && meta.rejectsBytes > 0) {
        for await (const bytes of readPart(path, meta.outBytes, meta.rejectsBytes)) await rejectsSink.write(null, bytes);
      }
      addStats(stats, meta.stats);
      for (const note of meta.notes) if (notes.length < REJECT_NOTES_KEPT) notes.push(note);
      warcSkipped += meta.warcSkipped;
      bytesRead += meta.bytesRead;
      bytesDecompressed += meta.bytesDecompressed;
    }
    await sink.commit();
    await rejectsSink?.commit();
  } finally {
    await sink.close().catch(() => undefined);
    await rejectsSink?.close().catch(() => undefined);
  }
  const summary = makeSummary(stats, {
    bytesRead,
    bytesDecompressed,
    seconds: account.seconds(),
    workers: account.workers,
    shard: account.shard,
    resumed: false,
    rejects: notes,
    warcSkipped,
  });
  if (tree) {
    await moveTree(tree, outputs.outDir!);
    await rm(tree, { recursive: true, force: true });
  }
  if (fileTmp) await rename(fileTmp, outputs.output!);
  if (rejectsTmp) await rename(rejectsTmp, outputs.rejects!);
  if (outputs.summaryFile) {
    const tmp = `${outputs.summaryFile}.partial-${token}`;
    await mkdir(dirname(outputs.summaryFile), { recursive: true });
    await writeFile(tmp, JSON.stringify(summary, null, 2) + '\n');
    await rename(tmp, outputs.summaryFile);
  }
  return summary;
}

const EMPTY = new Uint8Array(0);

/** Every file of the assembled tree renamed to its place in the output directory. */
async function moveTree(from: string, to: string): Promise<void> {
  for (const entry of await readdir(from, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    const target = join(to, relative(from, path));
    await mkdir(dirname(target), { recursive: true });
    await rename(path, target);
  }
}
