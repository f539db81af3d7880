import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { fileLineBlocks } from '../../src/corpus/fileLineBlocks.js';
import { lineBlocks } from '../../src/corpus/lineBlocks.js';
import { InputError } from '../../src/corpus/io/errors.js';
import { readLines } from '../../src/corpus/io/lines.js';
import { seededRandom } from '../support/random.js';
import { scratch } from './batchSupport.js';

async function* parts(bytes: Buffer, rng: () => number): AsyncGenerator<Buffer> {
  let i = 0;
  while (i < bytes.length) {
    const n = 1 + Math.floor(rng() * 12);
    yield bytes.subarray(i, i + n);
    i += n;
  }
}

async function* one(bytes: Buffer): AsyncGenerator<Buffer> {
  yield bytes;
}

async function linesOf(stream: AsyncIterable<Buffer>): Promise<Array<[number, string]>> {
  const out: Array<[number, string]> = [];
  for await (const line of readLines(stream, Infinity)) out.push([line.number, line.bytes.toString()]);
  return out;
}

describe('lineBlocks', () => {
  test('blocks hold the same numbered lines as readLines, after the skipped ones, however the stream is cut', async () => {
    const rng = seededRandom(7);
    for (let round = 0; round < 300; round++) {
      const pieces = ['', 'a', 'bb', 'ccc\r', 'dddd'];
      let text = '';
      const count = Math.floor(rng() * 12);
      for (let i = 0; i < count; i++) text += pieces[Math.floor(rng() * pieces.length)] + '\n';
      if (rng() < 0.5) text += 'tail';
      const bytes = Buffer.from(text);
      const all = await linesOf(one(bytes));
      const skip = Math.floor(rng() * (all.length + 2));
      const maxLines = 1 + Math.floor(rng() * 4);
      const maxBytes = 1 + Math.floor(rng() * 10);
      const got: Array<[number, string]> = [];
      for await (const block of lineBlocks(parts(bytes, rng), maxBytes, maxLines, skip)) {
        const lines = await linesOf(one(block.bytes));
        assert.equal(lines.length, block.lines, JSON.stringify({ text, skip, block: block.bytes.toString() }));
        assert.ok(block.lines <= maxLines);
        for (const [n, s] of lines) got.push([block.firstN + n - 1, s]);
      }
      assert.deepEqual(got, all.filter(([n]) => n > skip), JSON.stringify({ text, skip, maxLines, maxBytes }));
    }
  });
});

describe('fileLineBlocks', () => {
  const files = scratch('unmangle-fileblocks-');

  test('blocks hold the same numbered lines as readLines, after the skipped ones, whatever the read size', async () => {
    const rng = seededRandom(11);
    for (let round = 0; round < 300; round++) {
      const pieces = ['', 'a', 'bb', 'ccc\r', 'dddd', 'é€😀', 'x'.repeat(40)];
      let text = '';
      const count = Math.floor(rng() * 12);
      for (let i = 0; i < count; i++) text += pieces[Math.floor(rng() * pieces.length)] + '\n';
      if (rng() < 0.5) text += 'tail';
      const bytes = Buffer.from(text);
      const path = files.file(`r${round}.jsonl`, bytes);
      const all = await linesOf(one(bytes));
      const skip = Math.floor(rng() * (all.length + 2));
      const maxLines = 1 + Math.floor(rng() * 4);
      const readBytes = 1 + Math.floor(rng() * 10);
      const counter = { bytes: 0, decompressed: 0 };
      const got: Array<[number, string]> = [];
      const context = JSON.stringify({ text, skip, maxLines, readBytes });
      for await (const block of fileLineBlocks(path, 'r.jsonl', counter, readBytes, maxLines, skip)) {
        const lines = await linesOf(one(block.bytes));
        assert.equal(lines.length, block.lines, context);
        assert.ok(block.lines <= maxLines, context);
        // A block handed over without a copy must start its memory and end with a whole line.
        if (block.owned) assert.equal(block.bytes.byteOffset, 0, context);
        for (const [n, s] of lines) got.push([block.firstN + n - 1, s]);
      }
      assert.deepEqual(got, all.filter(([n]) => n > skip), context);
      assert.equal(counter.bytes, bytes.length, context);
    }
  });

  test('a whole read of whole lines is handed over without a copy; a line longer than a read is kept whole', async () => {
    const long = 'y'.repeat(5000);
    const path = files.file('long.jsonl', `a\nb\n${long}\nc\n`);
    const blocks = [];
    for await (const block of fileLineBlocks(path, 'long.jsonl', { bytes: 0, decompressed: 0 }, 64, 100, 0)) blocks.push(block);
    assert.deepEqual(
      blocks.map((b) => [b.firstN, b.lines, b.owned, b.bytes.length]),
      // The read that finishes the long line is as long as the line so far, so it takes `c` with it.
      [[1, 2, true, 4], [3, 2, true, 5003]],
    );
  });

  test('an empty file has no blocks; a missing file is an InputError naming it', async () => {
    const empty = files.file('empty.jsonl', '');
    for await (const block of fileLineBlocks(empty, 'empty.jsonl', { bytes: 0, decompressed: 0 }, 16, 4, 0)) assert.fail(`unexpected block ${block.bytes.toString()}`);
    await assert.rejects(
      async () => {
        for await (const block of fileLineBlocks(`${files.dir}/missing.jsonl`, 'missing.jsonl', { bytes: 0, decompressed: 0 }, 16, 4, 0)) void block;
      },
      (err: unknown) => err instanceof InputError && err.message.includes('missing.jsonl') && err.message.includes('no such file'),
    );
  });
});
