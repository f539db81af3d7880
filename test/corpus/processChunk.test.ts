import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { ChunkTask, MetaLevel, RecordFormat, TaskSettings } from '../../src/corpus/chunk.js';
import { processChunk } from '../../src/corpus/processChunk.js';
import { fixAndCount, type FixOptions } from '../../src/repair/index.js';
import { nlpCorpusSentences } from '../support/corpus.js';
import { seededRandom } from '../support/random.js';
import { damageLikeTranslation } from '../support/translationDamage.js';

function settings(over: Partial<TaskSettings> = {}): TaskSettings {
  return { mode: 'fix', meta: 'full', field: 'text', idField: 'id', options: {}, maxLineBytes: 1 << 20, shard: null, strict: false, output: 'jsonl', ...over };
}

function chunkOf(lines: readonly string[], format: RecordFormat, s: TaskSettings): ChunkTask {
  const bytes = Buffer.from(lines.join('\n') + '\n');
  return { seq: 0, format, settings: s, source: 'in.jsonl', shardName: 'in.jsonl', bytes, lengths: [], lineCount: lines.length, firstN: 1 };
}

/** Texts clean and damaged, with what the screen and the JSON escapes must get right. */
function samples(): string[] {
  const rng = seededRandom(7);
  const clean = nlpCorpusSentences(3000);
  return [
    ...clean,
    ...clean.slice(0, 1000).map((s) => damageLikeTranslation(s, rng, 0.4)),
    'say "hi" \\ back\tslash', 'AT&T and R&D', 'x\u0001y', 'a\rb', '« Bonjour » ; dit-il', 'café', '\u001b[31mred', 'fish & chips;', '',
  ];
}

describe('chunk processor', () => {
  test('an earlier output buffer handed back is written into, and the output is the same as in fresh memory', async () => {
    const lines = samples().map((t, i) => JSON.stringify({ id: i, text: t }));
    for (const format of ['jsonl', 'lines'] as RecordFormat[]) {
      const fresh = await processChunk(chunkOf(lines, format, settings()));
      // A spare full of what an earlier chunk left in it: nothing of that may show through.
      const spare = new ArrayBuffer(fresh.out.buffer.byteLength);
      new Uint8Array(spare).fill(0x7b);
      const reused = await processChunk({ ...chunkOf(lines, format, settings()), spare });
      assert.equal(reused.out.buffer, spare, `${format}: the spare is used`);
      assert.deepEqual(Buffer.from(reused.out), Buffer.from(fresh.out), format);
      // Too small a spare is left alone: the output gets fresh memory.
      const small = await processChunk({ ...chunkOf(lines, format, settings()), spare: new ArrayBuffer(16) });
      assert.deepEqual(Buffer.from(small.out), Buffer.from(fresh.out), format);
    }
  });

  for (const meta of ['full', 'counts', 'none'] as MetaLevel[]) {
    test(`JSON lines: every record is what fixAndCount makes of it, screened or not (--meta ${meta})`, async () => {
      const texts = samples();
      // Escapes written by hand: the screen must read `\u0026` as `&` and `\r` as a carriage return.
      const lines = texts.map((t, i) => (i % 3 === 0 ? JSON.stringify({ id: i, text: t }).replace(/&/g, '\\u0026').replace(/e/g, '\\u0065') : JSON.stringify({ text: t, id: i })));
      const result = await processChunk(chunkOf(lines, 'jsonl', settings({ meta })));
      const out = Buffer.from(result.out).toString('utf8').split('\n').slice(0, -1).map((l) => JSON.parse(l) as Record<string, unknown>);
      assert.equal(out.length, texts.length);
      let repaired = 0;
      texts.forEach((t, i) => {
        const expected = fixAndCount(t);
        if (expected.text !== t) repaired++;
        assert.equal(out[i]!.text, expected.text, `record ${i}: ${JSON.stringify(t)}`);
        assert.equal(out[i]!.id, i);
        const m = out[i]!.unmangle as { source?: string; line?: number; fixes: Record<string, number> } | undefined;
        if (meta === 'none') return assert.equal(m, undefined);
        const total = Object.values(expected.counts).reduce((a, b) => a + (b ?? 0), 0);
        assert.equal(m!.fixes.total, total, `record ${i}`);
        assert.equal(m!.line, meta === 'full' ? i + 1 : undefined);
        assert.equal(m!.source, meta === 'full' ? 'in.jsonl' : undefined);
      });
      assert.equal(result.stats.repaired, repaired);
      assert.equal(result.stats.in, texts.length);
      assert.ok(repaired > 100, 'the samples hold damage');
    });
  }

  test('--lines: JSON records and raw text are the repaired lines, byte for byte', async () => {
    const texts = samples().map((t) => t.replace(/[\r\n]/g, ' '));
    const asJson = await processChunk(chunkOf(texts, 'lines', settings()));
    const records = Buffer.from(asJson.out).toString('utf8').split('\n').slice(0, -1).map((l) => JSON.parse(l) as { text: string; unmangle: { line: number } });
    assert.deepEqual(records.map((r) => r.text), texts.map((t) => fixAndCount(t).text));
    assert.deepEqual(records.map((r) => r.unmangle.line), texts.map((_, i) => i + 1));
    const raw = await processChunk(chunkOf(texts, 'lines', settings({ output: 'raw' })));
    assert.equal(Buffer.from(raw.out).toString('utf8'), texts.map((t) => fixAndCount(t).text + '\n').join(''));
  });

  test('with the screen off (markup input) the output is the same as the pipeline gives', async () => {
    const options: FixOptions = { from: 'html' };
    const texts = ['a &amp; b', 'clean words', '<p>x</p>'];
    const r = await processChunk(chunkOf(texts.map((t) => JSON.stringify({ text: t })), 'jsonl', settings({ options })));
    const out = Buffer.from(r.out).toString('utf8').split('\n').slice(0, -1).map((l) => (JSON.parse(l) as { text: string }).text);
    assert.deepEqual(out, texts.map((t) => fixAndCount(t, options).text));
  });

  test('bad JSON lines that pass the screen are still rejected with their line', async () => {
    const r = await processChunk(chunkOf(['{"text":"ok"}', '{"text":"ok"', '{"body":"x"}', '[1]', '{"text":1}'], 'jsonl', settings()));
    assert.deepEqual(r.rejects.map((x) => x.where), ['in.jsonl:2', 'in.jsonl:3', 'in.jsonl:4', 'in.jsonl:5']);
    assert.match(r.rejects[1]!.problem, /no field "text"/);
    assert.equal(r.stats.out, 1);
  });
});
