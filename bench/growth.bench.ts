/**
 * `npm run bench:growth`: how the cost of repair and attribution grows with the size of hostile inputs (one line, no
 * breaks: see test/support/hostile.ts), next to plain prose. Each shape is timed at 1×, 2× and 4×
 * a base size; linear cost shows ratios near 2 and 4, quadratic cost near 4 and 16. The best of three
 * runs per size after a warm-up at the base size, so that a pause of the collector or a busy neighbour
 * does not pass for growth: growth, not throughput, is the figure. Part of `npm run bench`.
 */
import { loadavg } from 'node:os';
import { toArticle } from '../src/article/index.js';
import { attribute } from '../src/attribution/index.js';
import { fixAndExplain, fixText } from '../src/index.js';
import { HOSTILE_ARTICLES, HOSTILE_MARKUP, HOSTILE_TEXT, repeatTo } from '../test/support/hostile.js';

const BASE = 128 * 1024;
const FACTORS = [1, 2, 4];
const PROSE = 'The minister said on Monday that talks would resume next week in Brussels, officials confirmed. ';

function time(fn: () => unknown): number {
  const t0 = process.hrtime.bigint();
  fn();
  return Number(process.hrtime.bigint() - t0) / 1e6;
}

function row(name: string, make: (size: number) => string, run: (input: string) => unknown, base = BASE): void {
  run(make(base));
  const ms = FACTORS.map((f) => {
    const input = make(base * f);
    return Math.min(...[0, 1, 2].map(() => time(() => run(input))));
  });
  const cells = FACTORS.map((f, i) => `${f}× ${ms[i]!.toFixed(0).padStart(6)} ms (${(ms[i]! / ms[0]!).toFixed(1).padStart(4)})`);
  console.log(`${name.padEnd(52)} ${cells.join('  ')}`);
}

console.log(`growth of cost with input size, node ${process.version}; base ${BASE / 1024} kB, one line; best of 3; (ratio to 1×); load average ${loadavg().map((l) => l.toFixed(2)).join(' ')}`);
console.log('fixText:');
row('plain prose (reference)', (n) => repeatTo(PROSE, n), (s) => fixText(s));
for (const shape of HOSTILE_TEXT) row(shape.name, (n) => repeatTo(shape.unit, n), (s) => fixText(s));
console.log('fixAndExplain (steps and input positions):');
for (const shape of HOSTILE_TEXT.filter((s) => s.expect !== 'clean')) row(shape.name, (n) => repeatTo(shape.unit, n), (s) => fixAndExplain(s));
console.log('fixText from HTML (fix --html):');
row('plain paragraphs (reference)', (n) => repeatTo(`<p>${PROSE}</p>`, n), (s) => fixText(s, { from: 'html' }));
for (const shape of HOSTILE_MARKUP) row(shape.name, (n) => shape.make(Math.floor(n / shape.make(1).length)), (s) => fixText(s, { from: 'html' }));
console.log('article (toArticle), base 64 kB:');
const page = (body: string) => `<html><head><title>Talks</title></head><body>${body}<p>${PROSE}</p></body></html>`;
row('plain paragraphs (reference)', (n) => page(repeatTo(`<p>${PROSE}</p>`, n)), (s) => toArticle(s), 64 * 1024);
for (const shape of HOSTILE_MARKUP) row(shape.name, (n) => page(shape.make(Math.floor(n / shape.make(1).length))), (s) => toArticle(s), 64 * 1024);
console.log('attribution (attribute), base 32 kB, one paragraph:');
for (const shape of HOSTILE_ARTICLES) row(shape.name, (n) => repeatTo(shape.unit, n), (s) => attribute(s), 32 * 1024);
