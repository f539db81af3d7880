/**
 * Attribution on PolNeAR's dev split, measured by the corpus evaluator (../shared/tools/polnear-eval.mjs) with
 * its exact command, then the steady speed of `attribute` on the same articles (one core, after a warm-up pass;
 * the evaluator's own figure includes the first calls). Skips when ../shared is absent.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { attribute } from '../src/attribution/index.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const TOOL = '../shared/tools/polnear-eval.mjs';
const DATA = '../shared/data/polnear';
const ARGS = [TOOL, '--sut', '.', '--split', 'dev', '--data', DATA];

if (!existsSync(join(ROOT, TOOL)) || !existsSync(join(ROOT, DATA))) {
  console.log(`polnear bench skipped: ${TOOL} or ${DATA} is absent`);
  process.exit(0);
}

console.log(`$ node ${ARGS.join(' ')}`);
console.log(execFileSync(process.execPath, ARGS, { cwd: ROOT, encoding: 'utf8' }).trimEnd());

const dir = join(ROOT, DATA, 'dev', 'text');
const texts = readdirSync(dir).sort().map((f) => readFileSync(join(dir, f), 'utf8'));
const bytes = texts.reduce((n, t) => n + Buffer.byteLength(t), 0);
for (const tagger of [true, false]) {
  for (const t of texts) attribute(t, { tagger });
  let best = Infinity;
  for (let run = 0; run < 3; run++) {
    const t0 = performance.now();
    for (const t of texts) attribute(t, { tagger });
    best = Math.min(best, performance.now() - t0);
  }
  const s = best / 1000;
  console.log(`steady speed, tagger ${tagger ? 'on ' : 'off'}: ${texts.length} PolNeAR dev articles (${(bytes / 1e6).toFixed(2)} MB) in ${s.toFixed(2)} s = ${(texts.length / s).toFixed(0)} articles/s, ${(bytes / 1e6 / s).toFixed(2)} MB/s (best of 3, one core)`);
}
