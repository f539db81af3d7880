import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { gzipSync } from 'node:zlib';
import { describe, test } from 'node:test';
import { assembleRun, type RunOutputs } from '../../src/corpus/assemble.js';
import { writePart } from '../../src/corpus/parts.js';
import { piecesOf, planRun, type Piece } from '../../src/corpus/plan.js';
import { processChunk } from '../../src/corpus/processChunk.js';
import { runCorpus, type BatchConfig } from '../../src/corpus/run.js';
import type { BatchSummary } from '../../src/corpus/summary.js';
import { expandInputs } from '../../src/corpus/inputs.js';
import { tempDir } from '../support/tempDir.js';
import { fileTree } from '../support/tree.js';
import { makeWarc } from '../support/warc.js';

const root = tempDir('unmangle-described-');

/** A corpus with every kind of input and of trouble the local run handles. */
function corpus(): string {
  const dir = join(root, 'in');
  mkdirSync(join(dir, 'sub'), { recursive: true });
  let jsonl = '\ufeff{"id":0,"text":"one & nbsp; two"}\r\n';
  for (let i = 1; i < 200; i++) jsonl += i % 17 === 0 ? `{"id":${i},"text":"broken\n` : JSON.stringify({ id: i, text: i % 3 ? `clean ${i}` : `Caf\u00c3\u00a9 & amp; ${i}`, ...(i % 50 === 0 ? { unmangle: 'old' } : {}) }) + '\n';
  jsonl += '\n   \n{"text":"last line without a break & hellip;"}';
  writeFileSync(join(dir, 'a.jsonl'), jsonl);
  writeFileSync(join(dir, 'b.jsonl.gz'), gzipSync('{"text":"zipped & mdash; fine"}\n{"text":1}\n'));
  writeFileSync(join(dir, 'empty.jsonl'), '');
  writeFileSync(join(dir, 'sub', 'page.txt'), 'He said & laquo; hello & raquo; & nbsp; and left.\nAT&T stays.\n');
  writeFileSync(join(dir, 'sub', 'binary.txt'), Buffer.from([0x41, 0x00, 0x42, 0xff]));
  writeFileSync(join(dir, 'sub', 'bad-utf8.jsonl'), Buffer.concat([Buffer.from('{"text":"ok"}\n{"text":"'), Buffer.from([0xc3, 0x28]), Buffer.from('"}\n')]));
  writeFileSync(join(dir, 'crawl.warc'), makeWarc([
    { url: 'http://example.com/a', contentType: 'text/html; charset=utf-8', body: '<html><title>A</title><body><p>Caf\u00c3\u00a9 & amp; more</p></body></html>' },
    { url: 'http://example.com/i.png', contentType: 'image/png', body: Buffer.from([1, 2, 3]) },
  ]));
  return dir;
}

function linesCorpus(): string {
  const dir = join(root, 'lines');
  mkdirSync(dir, { recursive: true });
  let text = '';
  for (let i = 0; i < 300; i++) text += i % 41 === 0 ? 'bad \u0000 nul\n' : i % 5 ? `line ${i} & nbsp; here\r\n` : `\u00c3\u00a9t\u00c3\u00a9 ${i}\n`;
  writeFileSync(join(dir, 'one.txt'), text + 'no break at the end');
  writeFileSync(join(dir, 'two.txt'), Buffer.concat([Buffer.from('fine\n'), Buffer.from([0xe2, 0x28, 0xa1, 0x0a]), Buffer.from('après\n')]));
  writeFileSync(join(dir, 'empty.txt'), '');
  return dir;
}

function config(inputs: string[], over: Partial<BatchConfig>): BatchConfig {
  return {
    inputs,
    format: 'auto',
    mode: 'fix',
    meta: 'full',
    field: 'text',
    idField: 'id',
    options: {},
    maxLineBytes: 64 * 1024 * 1024,
    shard: null,
    strict: false,
    workers: 1,
    unordered: false,
    output: null,
    outDir: null,
    rejects: null,
    summaryFile: null,
    resume: false,
    quiet: true,
    chunkRecords: 3,
    ...over,
  };
}

const quiet = { progress: () => undefined, message: () => undefined };
const nowhere = new Writable({ write: (_c, _e, done) => done() });

/** The local run, its chunks processed in this thread. */
async function local(c: BatchConfig): Promise<BatchSummary> {
  return runCorpus(c, { run: (task) => processChunk(task), concurrency: 3 }, nowhere, quiet);
}

/** The same run as a queue makes it: planned into described chunks, each written as a part, then assembled. */
async function described(c: BatchConfig, workDir: string, pieceBytes: number): Promise<BatchSummary> {
  const plan = await planRun(c, pieceBytes);
  mkdirSync(workDir, { recursive: true });
  const partPath = (seq: number) => join(workDir, `${seq}.part`);
  // Parts done out of order, one of them twice, as at-least-once delivery may do.
  for (const chunk of [...plan.chunks].reverse()) await writePart(chunk, partPath(chunk.seq));
  if (plan.chunks.length > 0) await writePart(plan.chunks[0]!, partPath(0));
  const outputs: RunOutputs = { outDir: c.outDir, output: c.output, rejects: c.rejects, summaryFile: c.summaryFile };
  return assembleRun(plan, outputs, workDir, partPath, async () => undefined, { seconds: () => 1, workers: 1, shard: null });
}


function sameAccount(a: BatchSummary, b: BatchSummary): void {
  assert.deepEqual(b.records, a.records);
  assert.deepEqual(b.fixes, a.fixes);
  assert.equal(b.damage, a.damage);
  assert.deepEqual(b.rejects, a.rejects);
  assert.equal(b.bytesRead, a.bytesRead);
  assert.equal(b.bytesDecompressed, a.bytesDecompressed);
  assert.ok(b.balanced);
}

describe('described chunks: planned, processed alone and assembled, the same bytes as the local run', () => {
  test('--meta none and counts: the same bytes too', async () => {
    const input = corpus();
    for (const meta of ['none', 'counts'] as const) {
      const base = join(root, `meta-${meta}`);
      await local(config([input], { meta, output: join(base, 'local.jsonl') }));
      await described(config([input], { meta, output: join(base, 'queued.jsonl') }), join(base, 'work'), 100);
      assert.ok(readFileSync(join(base, 'local.jsonl')).equals(readFileSync(join(base, 'queued.jsonl'))), meta);
    }
  });

  for (const pieceBytes of [40, 1000, 1 << 20]) {
    test(`one JSON lines file (-o) with rejects, pieces of ${pieceBytes} bytes`, async () => {
      const input = corpus();
      const base = join(root, `o-${pieceBytes}`);
      const a = config([input], { output: join(base, 'local.jsonl'), rejects: join(base, 'local.rejects'), summaryFile: join(base, 'local.json') });
      const b = config([input], { output: join(base, 'queued.jsonl'), rejects: join(base, 'queued.rejects'), summaryFile: join(base, 'queued.json') });
      const sa = await local(a);
      const sb = await described(b, join(base, 'work'), pieceBytes);
      assert.ok(sa.records.rejected >= 5 && sa.records.repaired >= 50, JSON.stringify(sa.records));
      assert.ok(readFileSync(a.output!).equals(readFileSync(b.output!)));
      assert.ok(readFileSync(a.rejects!).equals(readFileSync(b.rejects!)));
      sameAccount(sa, sb);
      assert.deepEqual(JSON.parse(readFileSync(b.summaryFile!, 'utf8')).records, sa.records);
    });

    test(`--out-dir trees of JSON lines, text and line files, pieces of ${pieceBytes} bytes`, async () => {
      for (const [input, format] of [[corpus(), 'auto'], [linesCorpus(), 'lines']] as const) {
        const base = join(root, `t-${format}-${pieceBytes}`);
        const sa = await local(config([input], { format, outDir: join(base, 'local') }));
        const sb = await described(config([input], { format, outDir: join(base, 'queued') }), join(base, 'queued', '.work'), pieceBytes);
        const want = fileTree(join(base, 'local'));
        const got = fileTree(join(base, 'queued'));
        assert.deepEqual([...got.keys()].sort(), [...want.keys()].sort());
        for (const [name, bytes] of want) assert.ok(bytes.equals(got.get(name)!), `${format}: ${name} differs`);
        // the files rejected whole have no output file, the empty one an empty file, as in the local run
        if (format === 'auto') {
          assert.ok(!got.has(join('sub', 'binary.txt')) && got.get('empty.jsonl')!.length === 0);
        }
        sameAccount(sa, sb);
      }
    });
  }

  test('a plain line file is cut at line breaks, with line numbers; other files are one piece each', async () => {
    const input = linesCorpus();
    const [one] = await expandInputs([join(input, 'one.txt')], 'lines');
    const pieces: Piece[] = [];
    for await (const p of piecesOf(one!, 500)) pieces.push(p);
    const bytes = readFileSync(join(input, 'one.txt'));
    assert.ok(pieces.length > 5);
    let start = 0;
    let n = 1;
    for (const p of pieces) {
      assert.equal(p.kind, 'range');
      if (p.kind !== 'range') continue;
      assert.equal(p.start, start);
      assert.equal(p.firstN, n);
      assert.ok(p.end === bytes.length || bytes[p.end - 1] === 0x0a);
      start = p.end;
      n += p.lines;
    }
    assert.equal(start, bytes.length);
    assert.equal(n - 1, bytes.toString('latin1').split('\n').length);
    const [gz] = await expandInputs([join(corpus(), 'b.jsonl.gz')], 'auto');
    const gzPieces: Piece[] = [];
    for await (const p of piecesOf(gz!, 10)) gzPieces.push(p);
    assert.deepEqual(gzPieces, [{ kind: 'file' }]);
  });

  test('a chunk whose input changed after planning fails with a clear message instead of giving other records', async () => {
    const dir = join(root, 'changing');
    mkdirSync(dir, { recursive: true });
    const path = join(dir, 'c.jsonl');
    writeFileSync(path, '{"text":"a"}\n{"text":"b"}\n');
    const plan = await planRun(config([path], { output: join(dir, 'out.jsonl') }), 1 << 20);
    writeFileSync(path, '{"text":"a"}\n{"text":"b"}\n{"text":"c"}\n');
    await assert.rejects(writePart(plan.chunks[0]!, join(dir, '0.part')), /c\.jsonl: changed since the run was submitted/);
  });
});
