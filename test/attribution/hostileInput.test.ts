import assert from 'node:assert/strict';
import { test } from 'node:test';
import { attribute } from '../../src/index.js';
import { HOSTILE_ARTICLES, repeatTo } from '../support/hostile.js';

// 1 MB of one paragraph, the size the repair layer's hostile tests use. Before the scans that restarted per
// quotation, mention or cue were made linear, one of these took 7–38 s here and grew 8–14× per 4× size (see
// `npm run bench:growth`); now each takes a few seconds. The timeout is the only clock.
const SIZE = 1024 * 1024;
const TIMEOUT = 120_000;
const shape = (name: string) => HOSTILE_ARTICLES.find((s) => s.name.startsWith(name))!;

function offsetsHold(text: string, r: ReturnType<typeof attribute>): void {
  for (const q of r.quotes) {
    assert.equal(text.slice(q.start, q.end), q.text);
    if (q.speaker) assert.equal(text.slice(q.speaker.start, q.speaker.end), q.speaker.mention);
  }
}

test('every short quotation with "he said" in one long paragraph is found, with its speaker', { timeout: TIMEOUT }, () => {
  const { unit } = shape('short quotations');
  const text = repeatTo(unit, SIZE);
  const r = attribute(text);
  assert.equal(r.quotes.length, text.length / unit.length);
  assert.ok(r.quotes.every((q) => q.text === 'We will not move' && q.kind === 'direct' && q.speaker?.mention === 'he'));
  offsetsHold(text, r);
});

test('every signed quotation “…” — Name is attributed to the name under it', { timeout: TIMEOUT }, () => {
  const { unit } = shape('signed quotations');
  const text = repeatTo(unit, SIZE);
  const units = text.length / unit.length;
  const r = attribute(text);
  assert.equal(r.quotes.length, units);
  assert.ok(r.quotes.every((q) => q.speaker?.name === 'Anna Berg'));
  assert.equal(r.entities.find((e) => e.name === 'Anna Berg')?.count, units);
  offsetsHold(text, r);
});

test('a paragraph of names and no cue gives the people and no attribution', { timeout: TIMEOUT }, () => {
  const { unit } = shape('capitalised names');
  const text = repeatTo(unit, SIZE);
  const r = attribute(text);
  assert.equal(r.quotes.length, 0);
  for (const name of ['Anna Berg', 'Carl Dahl', 'Mary Jones']) assert.equal(r.entities.find((e) => e.name === name)?.count, text.length / unit.length);
});

test('one sentence without a full stop: each "the minister said that …" is a statement of the minister', { timeout: TIMEOUT }, () => {
  const { unit } = shape('one sentence');
  const text = repeatTo(unit, SIZE);
  const r = attribute(text);
  assert.equal(r.quotes.length, text.length / unit.length);
  assert.ok(r.quotes.every((q) => q.kind === 'indirect' && q.speaker?.mention === 'the minister' && q.text.startsWith('that the talks would resume')));
  offsetsHold(text, r);
});

test('a run of reporting cues without a full stop ends, with offsets that hold', { timeout: TIMEOUT }, () => {
  const text = repeatTo(shape('reporting cues').unit, SIZE);
  const r = attribute(text);
  offsetsHold(text, r);
  assert.ok(r.quotes.every((q) => q.speaker !== null && q.end <= text.length));
});
