import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { test } from 'node:test';
import { attribute } from '../../src/index.js';

const PAGES = new URL('../../../../shared/data/aeb-dev/ground-truth.json', import.meta.url);
const skip = existsSync(PAGES) ? false : '../shared/data/aeb-dev is absent';

test('on every benchmark page, offsets point at the text they report', { skip }, () => {
  const pages = JSON.parse(readFileSync(PAGES, 'utf8')) as Record<string, { articleBody: string }>;
  let quotes = 0;
  for (const [id, { articleBody: text }] of Object.entries(pages)) {
    const r = attribute(text);
    for (const q of r.quotes) {
      quotes++;
      assert.equal(text.slice(q.start, q.end), q.text, id);
      assert.ok(q.text.trim().length > 0, id);
      if (q.speaker) assert.equal(text.slice(q.speaker.start, q.speaker.end), q.speaker.mention, id);
    }
    for (let i = 1; i < r.quotes.length; i++) assert.ok(r.quotes[i - 1]!.start <= r.quotes[i]!.start, id);
    for (const e of r.entities) {
      assert.equal(e.count, e.mentions.length);
      for (const m of e.mentions) assert.ok(text.slice(m.start, m.end).length > 0 && m.end <= text.length, id);
    }
  }
  assert.ok(quotes > 300, `only ${quotes} quotes over the pages`);
});
