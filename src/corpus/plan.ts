import { open, stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { InputError } from './io/errors.js';
import { expandInputs, fileProblem, type InputFile } from './inputs.js';
import { CHUNK_RECORDS } from './chunks.js';
import { BatchSetupError, checkOutDirNames, settingsFor, type BatchConfig } from './run.js';
import { PIECE_BYTES, type TaskSettings } from './chunk.js';

/**
 * A chunk as a plain description that any thread or machine can process on its own, reading the
 * input from a file system it shares with the others: the input file, which part of it, and the
 * settings. Nothing in it is bytes of a record; it is small enough to be a queue job.
 */
export interface DescribedChunk {
  seq: number;
  fileIndex: number;
  file: PlannedFile;
  piece: Piece;
  settings: TaskSettings;
  /** Records per processor call at most, as in the local run. */
  chunkRecords: number;
}

/** An input file as planned, with what must still hold when a worker reads it. */
export interface PlannedFile extends InputFile {
  /** Modification time when planned: a file changed since then would give other records. */
  mtimeMs: number | null;
}

/**
 * `range`: bytes `start`..`end` of a plain line-based file, whole lines (`lines` of them) numbered from
 * `firstN`. `file`: the whole file, where no cut can be made without reading all before it (compressed
 * files, WARC, one-record text files, files that cannot be read).
 */
export type Piece = { kind: 'range'; start: number; end: number; firstN: number; lines: number } | { kind: 'file' };

export { PIECE_BYTES };

const SCAN_BYTES = 4 << 20;

/**
 * The pieces of one input, in order. A plain line-based file is read once to find line breaks (the
 * line numbers that records carry need them); every other file is one piece.
 */
export async function* piecesOf(file: InputFile, targetBytes = PIECE_BYTES): AsyncGenerator<Piece> {
  const cuttable = file.unreadable === undefined && file.path !== '-' && file.compression === 'none' && (file.format === 'jsonl' || file.format === 'lines');
  if (!cuttable || file.size === 0) {
    yield { kind: 'file' };
    return;
  }
  let handle;
  try {
    handle = await open(file.path, 'r');
  } catch (err) {
    throw new InputError(file.source, fileProblem(err as NodeJS.ErrnoException));
  }
  try {
    const buf = Buffer.allocUnsafe(SCAN_BYTES);
    let position = 0; // of buf[0] in the file
    let start = 0;
    let firstN = 1;
    let lines = 0;
    let afterBreak = 0; // where the last line break so far ends
    for (;;) {
      const { bytesRead } = await handle.read(buf, 0, SCAN_BYTES, position);
      if (bytesRead === 0) break;
      const view = buf.subarray(0, bytesRead);
      for (let nl = view.indexOf(0x0a, 0); nl >= 0; nl = view.indexOf(0x0a, nl + 1)) {
        lines++;
        const end = position + nl + 1;
        afterBreak = end;
        if (end - start >= targetBytes) {
          yield { kind: 'range', start, end, firstN, lines };
          start = end;
          firstN += lines;
          lines = 0;
        }
      }
      position += bytesRead;
    }
    // A last line without a line break counts, as in the local run.
    if (position > start) yield { kind: 'range', start, end: position, firstN, lines: position > afterBreak ? lines + 1 : lines };
  } catch (err) {
    if (err instanceof InputError) throw err;
    throw new InputError(file.source, fileProblem(err as NodeJS.ErrnoException));
  } finally {
    await handle.close();
  }
}

/** The file with its modification time, so that a worker can tell it is still the file that was planned. */
export async function plannedFile(file: InputFile): Promise<PlannedFile> {
  if (file.unreadable !== undefined || file.path === '-') return { ...file, mtimeMs: null };
  const info = await stat(file.path).catch(() => null);
  return { ...file, size: info?.size ?? file.size, mtimeMs: info?.mtimeMs ?? null };
}

/** The input still is what was planned; otherwise the chunk would give other records than its neighbours expect. */
export async function checkUnchanged(file: PlannedFile): Promise<void> {
  if (file.unreadable !== undefined || file.mtimeMs === null) return;
  let info;
  try {
    info = await stat(file.path);
  } catch (err) {
    throw new InputError(file.source, `${fileProblem(err as NodeJS.ErrnoException)} (it was there when the run was submitted; is the shared file system mounted here?)`);
  }
  if (info.size !== file.size || info.mtimeMs !== file.mtimeMs) {
    throw new InputError(file.source, `changed since the run was submitted (size or modification time differs); submit it as a new run`);
  }
}

export interface RunPlan {
  files: PlannedFile[];
  chunks: DescribedChunk[];
}

/**
 * The inputs of a run expanded exactly as the local run expands them and cut into described chunks,
 * in input order. Output names are checked first, as the local run checks them.
 */
export async function planRun(config: BatchConfig, targetBytes = PIECE_BYTES): Promise<RunPlan> {
  const expanded = await expandInputs(config.inputs, config.format);
  if (expanded.some((f) => f.path === '-')) throw new BatchSetupError('a described chunk is read from a file; standard input cannot be');
  if (config.outDir) checkOutDirNames(expanded);
  const files: PlannedFile[] = [];
  const chunks: DescribedChunk[] = [];
  for (const [fileIndex, input] of expanded.entries()) {
    // Read by absolute path wherever the worker runs; named as given, so that the output is the local run's.
    const file = await plannedFile(input.unreadable === undefined ? { ...input, path: resolve(input.path) } : input);
    files.push(file);
    const settings = settingsFor(config, file);
    for await (const piece of piecesOf(file, targetBytes)) {
      chunks.push({ seq: chunks.length, fileIndex, file, piece, settings, chunkRecords: config.chunkRecords ?? CHUNK_RECORDS });
    }
  }
  return { files, chunks };
}
