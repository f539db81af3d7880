/**
 * The corpus engine beside Python ftfy, in one run, on named corpora:
 * - nlp-corpus ×10: the package's 100,000 sentences, one per line, written ten times (89 MB, 1M lines),
 *   as `--lines` text and as JSON lines (`{"text": …}`), through `batch --workers 1`;
 * - ftfy's `fix_text` on the same lines (one core, `uncurl_quotes=False, fix_character_width=False`, as
 *   a user cleaning a corpus would call it), on the first copy of them (8.9 MB: ftfy at ~3 MB/s);
 * - `unmangle fix` of the same lines as one large text file (streamed through the engine);
 * - cost against input size: the JSON lines at 1×, 2× and 4×;
 * - memory: UNMANGLE_BENCH_HUGE_GB=10 generates an input of that size and reports the peak RSS (opt in:
 *   it takes minutes and needs the disk space).
 * Each batch figure is the fastest of UNMANGLE_BENCH_REPEAT runs (default 3): on a shared machine the
 * least disturbed run is the closest to what the program itself does. Wall time includes start-up.
 */
import { spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { nlpCorpusSentences } from '../test/support/corpus.js';
import type { BatchSummary } from '../src/corpus/summary.js';
import { byteScreen, fixText, passesScreen } from '../src/repair/index.js';

const BIN = fileURLToPath(new URL('../../bin/unmangle', import.meta.url));
const FTFY = fileURLToPath(new URL('../../../shared/peers/ftfy', import.meta.url));
const REPEAT = Math.max(1, Number(process.env.UNMANGLE_BENCH_REPEAT ?? 3));
const HUGE_GB = Number(process.env.UNMANGLE_BENCH_HUGE_GB ?? 0);
const dir = join(tmpdir(), 'unmangle-bench-corpus');
mkdirSync(dir, { recursive: true });

/** Writes `copies` copies of `content` to `name` once (renamed into place when complete). */
function generate(name: string, content: string, copies: number): string {
  const path = join(dir, name);
  if (existsSync(path)) return path;
  const fd = openSync(`${path}.tmp`, 'w');
  const bytes = Buffer.from(content);
  for (let i = 0; i < copies; i++) writeSync(fd, bytes);
  closeSync(fd);
  renameSync(`${path}.tmp`, path);
  return path;
}

interface Timed {
  seconds: number;
  summary: BatchSummary | null;
  stderr: string;
}

function unmangle(args: string[], summary = true): Timed {
  const summaryFile = join(dir, 'summary.json');
  const t0 = process.hrtime.bigint();
  const r = spawnSync(process.execPath, [BIN, ...args, ...(summary ? ['--quiet', '--summary', summaryFile] : [])], { encoding: 'utf8', stdio: ['ignore', 'ignore', 'pipe'] });
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  if (r.status !== 0) throw new Error(`unmangle ${args.join(' ')} failed (${r.status}): ${r.stderr}`);
  return { seconds, summary: summary ? (JSON.parse(readFileSync(summaryFile, 'utf8')) as BatchSummary) : null, stderr: r.stderr };
}

function best(args: string[], summary = true): Timed {
  let fastest: Timed | null = null;
  for (let i = 0; i < REPEAT; i++) {
    const t = unmangle(args, summary);
    if (!fastest || t.seconds < fastest.seconds) fastest = t;
  }
  return fastest!;
}

const mb = (bytes: number) => bytes / 1e6;
const row = (name: string, bytes: number, t: Timed, extra = '') =>
  `${name.padEnd(52)} ${(mb(bytes) / t.seconds).toFixed(1).padStart(7)} MB/s ${t.summary ? `${Math.round(t.summary.records.in / t.seconds).toLocaleString('en-US').padStart(10)} records/s` : ''.padStart(20)}  (${t.seconds.toFixed(2)} s wall${t.summary ? `, ${t.summary.cpuSeconds.toFixed(1)} s CPU, peak RSS ${Math.round(t.summary.peakRss / 1e6)} MB` : ''})${extra}`;

const sentences = nlpCorpusSentences();
// A sentence with a line break inside would be two records: one line each, as a corpus file would have them.
const lines = sentences.map((s) => s.replace(/[\r\n]+/g, ' '));
const linesText = lines.join('\n') + '\n';
const jsonText = lines.map((s) => JSON.stringify({ text: s })).join('\n') + '\n';
const linesFile = generate('nlp-corpus-x10.txt', linesText, 10);
const linesOnce = generate('nlp-corpus-x1.txt', linesText, 1);
const jsonFile = generate('nlp-corpus-x10.jsonl', jsonText, 10);
const jsonFiles = [1, 2, 4].map((k) => generate(`nlp-corpus-x${10 * k}.jsonl`, jsonText, 10 * k));
const out = join(dir, 'out');

console.log(`corpus engine, node ${process.version}, ${availableParallelism()} cores; load average before ${loadavg().map((l) => l.toFixed(2)).join(' ')}; best of ${REPEAT} runs each`);
console.log(`corpus: nlp-corpus ×10 = ${lines.length.toLocaleString('en-US')} sentences ×10, one per line (${mb(statSync(linesFile).size).toFixed(1)} MB text, ${mb(statSync(jsonFile).size).toFixed(1)} MB JSON lines)`);

// ftfy on the first copy of the lines: the same text, a tenth of it, so that it finishes in seconds.
const py = `
import sys, time, ftfy
lines = open(sys.argv[1], encoding='utf-8').read().split('\\n')
t0 = time.perf_counter()
for line in lines:
    ftfy.fix_text(line, uncurl_quotes=False, fix_character_width=False)
print(time.perf_counter() - t0)
`;
const ftfyRun = spawnSync('python3', ['-c', py, linesOnce], { encoding: 'utf8', env: { ...process.env, PYTHONPATH: FTFY } });
const ftfySeconds = ftfyRun.status === 0 ? Number(ftfyRun.stdout.trim()) : NaN;
const ftfyRate = mb(statSync(linesOnce).size) / ftfySeconds;
if (Number.isFinite(ftfyRate)) {
  console.log(`${'ftfy 6.3 fix_text per line (one core), nlp-corpus ×1'.padEnd(52)} ${ftfyRate.toFixed(1).padStart(7)} MB/s ${Math.round(lines.length / ftfySeconds).toLocaleString('en-US').padStart(10)} records/s  (${ftfySeconds.toFixed(2)} s)`);
} else {
  console.log(`ftfy: could not run (${ftfyRun.stderr.trim().split('\n').pop()})`);
}
screenReport();
const vsFtfy = (rate: number) => (Number.isFinite(ftfyRate) ? `  = ${(rate / ftfyRate).toFixed(1)}× ftfy` : '');

const linesRun = best(['batch', '--lines', '--workers', '1', linesFile, '-o', '/dev/null']);
console.log(row('batch --lines --workers 1, nlp-corpus ×10', statSync(linesFile).size, linesRun, vsFtfy(mb(statSync(linesFile).size) / linesRun.seconds)) + ' (target ≥ 55 MB/s, ≥ 20× ftfy)');
const jsonRun = best(['batch', '--workers', '1', jsonFile, '-o', '/dev/null']);
console.log(row('batch --workers 1, nlp-corpus ×10 as JSON lines', statSync(jsonFile).size, jsonRun, vsFtfy(mb(statSync(jsonFile).size) / jsonRun.seconds)) + ' (target ≥ 50 MB/s)');
const metaNone = best(['batch', '--workers', '1', '--meta', 'none', jsonFile, '-o', '/dev/null']);
console.log(row('  the same with --meta none', statSync(jsonFile).size, metaNone));
const fixRun = best(['fix', linesFile], false);
console.log(row('fix, nlp-corpus ×10 as one text file (all cores)', statSync(linesFile).size, fixRun));

console.log('cost against input size (batch --workers 1, JSON lines):');
const base = best(['batch', '--workers', '1', jsonFiles[0]!, '-o', '/dev/null']);
for (const [k, path] of jsonFiles.entries()) {
  const t = k === 0 ? base : best(['batch', '--workers', '1', path, '-o', '/dev/null']);
  const size = statSync(path).size;
  // CPU time as well as wall time: on a shared machine the CPU time is what the program itself spends.
  console.log(row(`  ${2 ** k}× (${mb(size).toFixed(0)} MB)`, size, t, `  wall ${(t.seconds / base.seconds).toFixed(2)}×, CPU ${(t.summary!.cpuSeconds / base.summary!.cpuSeconds).toFixed(2)}× the 1× run`));
}

if (HUGE_GB > 0) {
  // Generated, not committed: the JSON lines repeated up to the size asked for, written once.
  const copies = Math.ceil((HUGE_GB * 1e9) / Buffer.byteLength(jsonText));
  const huge = generate(`nlp-corpus-${HUGE_GB}gb.jsonl`, jsonText, copies);
  const t = unmangle(['batch', '--workers', '1', huge, '-o', '/dev/null']);
  console.log(row(`memory: ${mb(statSync(huge).size).toFixed(0)} MB of JSON lines, 1 worker`, statSync(huge).size, t) + ' (target < 500 MB RSS)');
  rmSync(huge, { force: true });
} else {
  console.log('memory: set UNMANGLE_BENCH_HUGE_GB=10 to run a 10 GB input (minutes) and report its peak RSS');
}
rmSync(out, { force: true });

/**
 * What the byte screen passes on the lines (a record it passes is written through without repair)
 * and why the others go to the pipeline: the byte classes that stopped them, and how many of those
 * the pipeline then changed. The rest of a clean corpus's cost is in these lines.
 */
function screenReport(): void {
  const screen = byteScreen()!;
  const reasons = new Map<string, { lines: number; bytes: number; changed: number }>();
  let passed = 0;
  let passedBytes = 0;
  for (const line of lines) {
    const bytes = Buffer.from(line);
    if (passesScreen(screen, bytes)) {
      passed++;
      passedBytes += bytes.length;
      continue;
    }
    const why = new Set<string>();
    for (const b of bytes) if (screen[b] === 1) why.add(b >= 0x80 ? 'non-ASCII' : b === 0x26 ? '&' : b === 0x3b ? ';' : 'control');
    const key = [...why].sort().join(' + ');
    const r = reasons.get(key) ?? { lines: 0, bytes: 0, changed: 0 };
    r.lines++;
    r.bytes += bytes.length;
    if (fixText(line) !== line) r.changed++;
    reasons.set(key, r);
  }
  const total = lines.length;
  const pct = (n: number) => `${((100 * n) / total).toFixed(1)}%`;
  console.log(`byte screen on nlp-corpus ×1: ${pct(passed)} of lines pass (${((100 * passedBytes) / Buffer.byteLength(linesText)).toFixed(1)}% of bytes) and are written through; the others go to the pipeline, stopped by:`);
  for (const [key, r] of [...reasons].sort((a, b) => b[1].lines - a[1].lines)) {
    console.log(`  ${key.padEnd(28)} ${pct(r.lines).padStart(6)} of lines, ${r.changed.toLocaleString('en-US')} of ${r.lines.toLocaleString('en-US')} changed by the pipeline`);
  }
}

