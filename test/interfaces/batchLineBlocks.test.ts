import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { lineBlocks } from '../../src/interfaces/batch/lineBlocks.js';
import { readLines } from '../../src/interfaces/io/lines.js';
import { seededRandom } from '../support/random.js';

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
