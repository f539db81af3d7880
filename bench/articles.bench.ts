/**
 * Article extraction quality and speed on the article-extraction-benchmark pages in
 * `../shared/data/aeb-dev/`, read in place (they belong to their publishers and are never copied into
 * the project). Prints F1, precision, recall and accuracy for Unmangle and for Readability alone
 * (over linkedom, as the benchmark runs it: `textContent` of its result), and pages per second on
 * one thread. `--compare` adds Readability over jsdom and Defuddle over linkedom; `--worst N` lists the N lowest-scoring pages.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { toArticle } from '../src/index.js';
import { score, shingleMatching, type Scores } from './shingles.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const dataDir = join(root, '..', 'shared', 'data', 'aeb-dev');

interface Page {
  id: string;
  bytes: Buffer;
  truth: string;
  url: string;
}

function loadPages(): Page[] {
  const truth = JSON.parse(readFileSync(join(dataDir, 'ground-truth.json'), 'utf8')) as Record<string, { articleBody: string; url: string }>;
  const files = new Set(readdirSync(join(dataDir, 'html')));
  return Object.keys(truth)
    .filter((id) => files.has(`${id}.html.gz`))
    .map((id) => ({ id, bytes: readFileSync(join(dataDir, 'html', `${id}.html.gz`)), truth: truth[id]!.articleBody, url: truth[id]!.url }));
}

type Extract = (page: Page) => Promise<string> | string;

const extractors: Record<string, Extract> = {
  unmangle: (p) => toArticle(p.bytes, { url: p.url }).text,
  'readability+linkedom': (p) => {
    const { document } = parseHTML(gunzipSync(p.bytes).toString('utf8'));
    return new Readability(document as never).parse()?.textContent ?? '';
  },
};

/** The other extractor and the other DOM, measured for comparison (dev dependencies only). */
async function addComparisons(): Promise<void> {
  const { JSDOM, VirtualConsole } = await import('jsdom');
  extractors['readability+jsdom'] = (p) => {
    const dom = new JSDOM(gunzipSync(p.bytes).toString('utf8'), { url: p.url, virtualConsole: new VirtualConsole() });
    const text = new Readability(dom.window.document as never).parse()?.textContent ?? '';
    dom.window.close();
    return text;
  };
  const { Defuddle } = await import('defuddle/node');
  extractors['defuddle+linkedom'] = async (p) => {
    const { document } = parseHTML(gunzipSync(p.bytes).toString('utf8'));
    const quiet = console.error;
    console.error = () => {};
    try {
      const r = await Defuddle(document as never, p.url);
      return (parseHTML(`<html><body>${r.content}</body></html>`).document.body.textContent as string | null) ?? '';
    } finally {
      console.error = quiet;
    }
  };
}

function fmt(s: Scores): string {
  return `F1 ${s.f1.toFixed(3)}  precision ${s.precision.toFixed(3)}  recall ${s.recall.toFixed(3)}  accuracy ${s.accuracy.toFixed(3)}`;
}

async function main(): Promise<void> {
  if (!existsSync(join(dataDir, 'ground-truth.json'))) {
    console.log(`articles bench skipped: ${dataDir} is absent`);
    return;
  }
  const args = process.argv.slice(2);
  if (args.includes('--compare')) await addComparisons();
  const worstIdx = args.indexOf('--worst');
  const worst = worstIdx >= 0 ? Number(args[worstIdx + 1] ?? 10) : 0;
  const pages = loadPages();
  console.log(`${pages.length} pages from ${dataDir}`);
  for (const [name, extract] of Object.entries(extractors)) {
    // One untimed pass first: a corpus run is measured in its steady state, not while V8 compiles.
    for (const p of pages) await extract(p);
    const outputs: string[] = [];
    const start = performance.now();
    const cpuStart = process.cpuUsage();
    for (const p of pages) outputs.push(await extract(p));
    const seconds = (performance.now() - start) / 1000;
    const cpu = process.cpuUsage(cpuStart);
    // CPU time is what one thread costs even when other processes share the machine.
    const cpuSeconds = (cpu.user + cpu.system) / 1e6;
    const pairs = pages.map((p, i) => ({ truth: p.truth, predicted: outputs[i]! }));
    console.log(
      `${name.padEnd(22)} ${fmt(score(pairs))}  ${(pages.length / seconds).toFixed(1)} pages/s wall, ${(pages.length / cpuSeconds).toFixed(1)} pages/s of CPU time`,
    );
    if (worst > 0 && name === 'unmangle') {
      const ranked = pages
        .map((p, i) => {
          const m = shingleMatching(p.truth, outputs[i]!);
          return { id: p.id.slice(0, 12), p: m.tp / (m.tp + m.fp || 1), r: m.tp / (m.tp + m.fn || 1), url: p.url };
        })
        .sort((a, b) => Math.min(a.p, a.r) - Math.min(b.p, b.r))
        .slice(0, worst);
      for (const w of ranked) console.log(`  ${w.id} P ${w.p.toFixed(2)} R ${w.r.toFixed(2)} ${w.url}`);
    }
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
