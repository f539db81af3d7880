import assert from 'node:assert/strict';
import { test } from 'node:test';
import { flatRecord } from '../../src/corpus/io/flatRecord.js';
import { nlpCorpusSentences } from '../support/corpus.js';
import { pick, seededRandom } from '../support/random.js';

const FIELD = Buffer.from('text');
const META = Buffer.from('unmangle');

/** What the parser says of a line: null when it is not a record with a string `text`, else that string and whether it has `unmangle`. */
function byParser(line: string): { textLength: number; hasMetaKey: boolean } | null {
  let record: unknown;
  try {
    record = JSON.parse(line);
  } catch {
    return null;
  }
  if (record === null || typeof record !== 'object' || Array.isArray(record)) return null;
  const text = (record as Record<string, unknown>).text;
  if (!Object.prototype.hasOwnProperty.call(record, 'text') || typeof text !== 'string') return null;
  return { textLength: text.length, hasMetaKey: Object.prototype.hasOwnProperty.call(record, 'unmangle') };
}

/** A line checked inside a larger buffer, as the chunk processor does: bytes around it must not count. */
function check(line: string): ReturnType<typeof flatRecord> {
  const buffer = Buffer.from(`"\\u00\n${line}\r\n{"text":1}`, 'latin1');
  const start = 6;
  return flatRecord(buffer, start, start + Buffer.byteLength(line, 'latin1'), FIELD, META);
}

test('flatRecord: whatever it accepts, JSON.parse reads the same way (text length, own metadata member)', () => {
  const rng = seededRandom(7);
  const ascii = nlpCorpusSentences(3000).filter((s) => /^[\x20-\x7e]*$/.test(s));
  const lines: string[] = [];
  const values = ['1', '-0.5e+3', '0', 'true', 'false', 'null', '"x"', '"a\\"b\\\\c\\/\\u0041\\n"', '[1]', '{"a":1}', '01', '1.', '-', '1e', 'tru', 'nul', '"\\x"', '"\\u12"'];
  for (const s of ascii) {
    lines.push(JSON.stringify({ text: s }));
    lines.push(JSON.stringify({ id: Math.floor(rng() * 1e6), text: s, lang: 'en' }));
    lines.push(` { "text" : ${JSON.stringify(s)} , "n": ${pick(rng, values)} }\t`);
    lines.push(`{"text":${JSON.stringify(s)},"unmangle":${pick(rng, values)}}`);
  }
  lines.push('{}', '{"text":1}', '{"text":null}', '{"text":"a","text":"bb"}', '{"te\\u0078t":"a"}', '[{"text":"a"}]', '{"text":"a"} x', '{"text":"a",}', '{"text":"a"', '{"text":"a\tb"}', '"text"');
  // Mutations: a byte changed, dropped or doubled anywhere, from JSON's own alphabet.
  const alphabet = '{}[]:,"\\ 0123456789.eE+-tfnulrasx/';
  const base = lines.slice(0, 2000);
  for (let k = 0; k < 20_000; k++) {
    const line = pick(rng, base);
    const at = Math.floor(rng() * line.length);
    const r = rng();
    lines.push(r < 0.4 ? line.slice(0, at) + pick(rng, [...alphabet]) + line.slice(at + 1) : r < 0.7 ? line.slice(0, at) + line.slice(at + 1) : line.slice(0, at) + line[at] + line.slice(at));
  }
  let accepted = 0;
  for (const line of lines) {
    const flat = check(line);
    if (flat === null) continue;
    accepted++;
    assert.deepEqual(flat, byParser(line), line);
  }
  // It must take the common records, or it saves nothing.
  assert.ok(accepted > ascii.length * 3, `accepted only ${accepted} of ${lines.length}`);
});

test('flatRecord: refuses what it leaves to the parser', () => {
  for (const line of ['{}', '{"text":1}', '{"text":"a","text":"b"}', '{"te\\u0078t":"a"}', '{"text":"a","x":{"y":1}}', '{"text":"a","x":[1]}', '{"text":"a\tb"}', '{"text":"a"}}', ' ', '{"text":"\\u00zz"}', '{"text":"a","n":01}']) {
    assert.equal(check(line), null, line);
  }
  assert.deepEqual(check('{"id":7,"text":"a\\"b","unmangle":null}'), { textLength: 3, hasMetaKey: true });
});
