/**
 * Trains the attribution tagger on PolNeAR's train split and writes models/attribution-en.json.
 *
 *   npm run train:attribution                      (= node dist/scripts/trainAttribution.js --data ../shared/data/polnear)
 *   node dist/scripts/trainAttribution.js --data DIR [--epochs N] [--min-count N] [--folds K] [--out FILE]
 *
 * Deterministic: articles in file-name order, shuffled each epoch by a fixed-seed generator, so the same data,
 * Node and compromise versions rebuild the same file byte for byte. `--folds K` cross-validates on train instead
 * of writing (content F1 at token Jaccard ≥ 0.5 and exact, over the held-out folds).
 */
import { writeFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { assemble } from '../src/attribution/model/assemble.js';
import { cueLemma, setLearnedCues } from '../src/attribution/model/cueWords.js';
import { stackedFeatures, tokenFeatures, viewOf, type FeatureKeys, type TokenView } from '../src/attribution/model/features.js';
import { featureRows, KeyIndex, T, TAGS, viterbi, type PassFile, type WeightsFile } from '../src/attribution/model/sequenceModel.js';
import { paragraphStarts, tokenize, type TokenTable } from '../src/attribution/model/tokens.js';
import { goldTags } from './goldTags.js';
import { readSplit, type GoldArticle } from './polnear.js';

interface Options {
  data: string;
  split: string;
  epochs: number;
  minCount: number;
  folds: number;
  jackknife: number;
  /** Learn cue words marked as cues in at least this share of their occurrences; 0 learns none. */
  cueShare: number;
  out: string;
}

function parseArgs(argv: string[]): Options {
  const o: Options = { data: '../shared/data/polnear', split: 'train', epochs: 30, minCount: 5, folds: 0, jackknife: 4, cueShare: 0.5, out: 'models/attribution-en.json' };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const v = (): string => {
      const x = argv[++i];
      if (x === undefined) throw new Error(`${a} needs a value`);
      return x;
    };
    if (a === '--data') o.data = v();
    else if (a === '--split') o.split = v();
    else if (a === '--epochs') o.epochs = Number(v());
    else if (a === '--min-count') o.minCount = Number(v());
    else if (a === '--folds') o.folds = Number(v());
    else if (a === '--out') o.out = v();
    else if (a === '--jackknife') o.jackknife = Number(v());
    else if (a === '--cue-share') o.cueShare = Number(v());
    else throw new Error(`unknown argument ${a}`);
  }
  return o;
}

interface Example {
  article: GoldArticle;
  tokens: TokenTable;
  view: TokenView;
  features: FeatureKeys;
  gold: Uint8Array;
  starts: Uint8Array;
}

/** Words too common in cue phrases ("also said", "still thinks") to anchor a content themselves. */
const NOT_CUES = new Set(['also', 'still', 'even', 'just', 'then', 'again', 'later', 'never', 'always', 'both', 'each', 'been', 'were', 'have', 'does']);

/**
 * Cue words of the training split that the built-in lexicon lacks: marked as (part of) a cue at least
 * `minCount` times and in at least `minShare` of their occurrences, four letters or more, not an adverb in -ly.
 */
function learnCues(articles: readonly GoldArticle[], minCount: number, minShare: number): string[] {
  const asCue = new Map<string, number>();
  const seen = new Map<string, number>();
  for (const a of articles) {
    for (const m of a.text.matchAll(/\p{L}+/gu)) {
      const w = m[0].toLowerCase();
      seen.set(w, (seen.get(w) ?? 0) + 1);
    }
    for (const at of a.attributions) {
      for (const [s, e] of at.cue) {
        for (const m of a.text.slice(s, e).matchAll(/\p{L}+/gu)) {
          const w = m[0].toLowerCase();
          asCue.set(w, (asCue.get(w) ?? 0) + 1);
        }
      }
    }
  }
  setLearnedCues([]);
  return [...asCue]
    .filter(([w, c]) => c >= minCount && c >= minShare * seen.get(w)! && w.length >= 4 && !w.endsWith('ly') && !NOT_CUES.has(w) && cueLemma(w) === null)
    .map(([w]) => w)
    .sort();
}

function prepare(articles: GoldArticle[]): Example[] {
  return articles.map((article) => {
    const tokens = tokenize(article.text);
    const view = viewOf(tokens);
    return { article, tokens, view, features: tokenFeatures(tokens, view), gold: goldTags(article.text, tokens, article.attributions), starts: paragraphStarts(tokens) };
  });
}

/** A small fixed-seed generator (mulberry32), so that every run shuffles the same way. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Model {
  keys: Int32Array;
  emission: Float64Array;
  transition: Float64Array;
}

function train(examples: Example[], features: FeatureKeys[], epochs: number, minCount: number): Model {
  const counts = new Map<number, number>();
  for (const f of features) for (const x of f.keys) counts.set(x, (counts.get(x) ?? 0) + 1);
  const keys = Int32Array.from([...counts].filter(([, c]) => c >= minCount).map(([f]) => f)).sort();
  const index = new KeyIndex(keys);
  const rows = features.map((f) => featureRows(f, index));
  const F = keys.length;
  // Averaged perceptron: w is the current weight, u the sum of step × update; the average is w - u / step.
  const w = new Float64Array(F * T);
  const u = new Float64Array(F * T);
  const tw = new Float64Array((T + 1) * T);
  const tu = new Float64Array((T + 1) * T);
  let step = 1;
  const rnd = random(16);
  const order = examples.map((_, i) => i);
  for (let epoch = 0; epoch < epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(rnd() * (i + 1));
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
    let errors = 0;
    let total = 0;
    const t0 = performance.now();
    for (const k of order) {
      const r = rows[k]!;
      const gold = examples[k]!.gold;
      const pred = viterbi(r, w, tw, examples[k]!.starts);
      for (let i = 0; i < gold.length; i++) {
        total++;
        const g = gold[i]!;
        const p = pred[i]!;
        if (g !== p) {
          errors++;
          for (let f = r.offsets[i]!, end = r.offsets[i + 1]!; f < end; f++) {
            const base = r.rows[f]! * T;
            w[base + g]! += 1;
            u[base + g]! += step;
            w[base + p]! -= 1;
            u[base + p]! -= step;
          }
        }
        const gp = i === 0 ? T : gold[i - 1]!;
        const pp = i === 0 ? T : pred[i - 1]!;
        if (g !== p || gp !== pp) {
          tw[gp * T + g]! += 1;
          tu[gp * T + g]! += step;
          tw[pp * T + p]! -= 1;
          tu[pp * T + p]! -= step;
        }
      }
      step++;
    }
    console.error(`epoch ${epoch + 1}: ${(errors / total * 100).toFixed(2)}% tokens wrong, ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  }
  for (let i = 0; i < w.length; i++) w[i] = w[i]! - u[i]! / step;
  for (let i = 0; i < tw.length; i++) tw[i] = tw[i]! - tu[i]! / step;
  return { keys, emission: w, transition: tw };
}

/**
 * Integer weights at the largest scale that fits 16 bits; features whose weights are all tiny are left out:
 * at 96 (of 32767) the file is 5.7 MB instead of 7.6, and no PolNeAR dev figure moves by more than 0.001.
 */
const PRUNE = 96;

function toPass(model: Model): PassFile {
  let max = 0;
  for (const x of model.emission) max = Math.max(max, Math.abs(x));
  for (const x of model.transition) max = Math.max(max, Math.abs(x));
  const scale = Math.floor(32767 / max);
  const keys: number[] = [];
  const weights: number[] = [];
  for (let row = 0; row < model.keys.length; row++) {
    const q = Array.from({ length: T }, (_, t) => Math.round(model.emission[row * T + t]! * scale));
    if (q.every((x) => Math.abs(x) <= PRUNE)) continue;
    keys.push(model.keys[row]!);
    weights.push(...q);
  }
  const keyBytes = Buffer.alloc(keys.length * 4);
  keys.forEach((k, i) => keyBytes.writeInt32LE(k, i * 4));
  const weightBytes = Buffer.alloc(weights.length * 2);
  weights.forEach((x, i) => weightBytes.writeInt16LE(x, i * 2));
  return { scale, transition: [...model.transition].map((x) => Math.round(x * scale)), keys: keyBytes.toString('base64'), weights: weightBytes.toString('base64') };
}

function predict(model: Model, features: FeatureKeys, starts: Uint8Array): Uint8Array {
  return viterbi(featureRows(features, new KeyIndex(model.keys)), model.emission, model.transition, starts);
}

/**
 * Two passes. The second learns from the first pass's tags, which on the training articles come from models
 * that did not see them (jackknifed over `folds` parts), so that it learns from errors like those it will meet.
 */
function buildModel(examples: Example[], o: Options): Model[] {
  const first = train(examples, examples.map((e) => e.features), o.epochs, o.minCount);
  const firstTags: Uint8Array[] = new Array(examples.length);
  for (let k = 0; k < o.jackknife; k++) {
    const rest = examples.filter((_, i) => i % o.jackknife !== k);
    const m = train(rest, rest.map((e) => e.features), o.epochs, o.minCount);
    examples.forEach((e, i) => {
      if (i % o.jackknife === k) firstTags[i] = predict(m, e.features, e.starts);
    });
  }
  const stacked = examples.map((e, i) => stackedFeatures(e.tokens, e.view, e.features, firstTags[i]!));
  const second = train(examples, stacked, o.epochs, o.minCount);
  return [first, second];
}

function tagWith(models: Model[], e: Example): Uint8Array {
  let tags = predict(models[0]!, e.features, e.starts);
  for (const m of models.slice(1)) tags = predict(m, stackedFeatures(e.tokens, e.view, e.features, tags), e.starts);
  return tags;
}

/** Content F1 on word tokens (Jaccard ≥ 0.5, one-to-one greedy) and exact token ranges: a quick check for folds. */
function score(examples: Example[], models: Model[]): { j50: number; exact: number } {
  let tp = 0;
  let ex = 0;
  let np = 0;
  let ng = 0;
  for (const e of examples) {
    const pred = assemble(e.tokens, tagWith(models, e));
    const goldUnits = assemble(e.tokens, e.gold);
    const set = (a: (typeof pred)[number]): Set<number> => {
      const s = new Set<number>();
      for (const c of a.content) for (let i = c.first; i <= c.last; i++) if (/[\p{L}\p{N}]/u.test(e.tokens.word[i]!)) s.add(i);
      return s;
    };
    const P = pred.map(set);
    const G = goldUnits.map(set);
    np += P.length;
    ng += G.length;
    const pairs: [number, number, number][] = [];
    G.forEach((g, gi) => P.forEach((p, pi) => {
      let inter = 0;
      for (const x of p) if (g.has(x)) inter++;
      const jac = inter / (g.size + p.size - inter || 1);
      if (jac >= 0.5) pairs.push([jac, gi, pi]);
    }));
    pairs.sort((a, b) => b[0] - a[0] || a[1] - b[1] || a[2] - b[2]);
    const gu = new Set<number>();
    const pu = new Set<number>();
    for (const [jac, gi, pi] of pairs) {
      if (gu.has(gi) || pu.has(pi)) continue;
      gu.add(gi);
      pu.add(pi);
      tp++;
      if (jac === 1) ex++;
    }
  }
  const f1 = (k: number): number => (2 * k) / (np + ng || 1);
  return { j50: f1(tp), exact: f1(ex) };
}

function main(): void {
  const o = parseArgs(process.argv.slice(2));
  const t0 = performance.now();
  const articles = readSplit(o.data, o.split);
  const cues = o.cueShare > 0 ? learnCues(articles, 3, o.cueShare) : [];
  setLearnedCues(cues);
  const examples = prepare(articles);
  console.error(`${examples.length} articles, ${examples.reduce((n, e) => n + e.tokens.length, 0)} tokens prepared in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  if (o.folds > 1) {
    const results: { j50: number; exact: number }[] = [];
    for (let k = 0; k < o.folds; k++) {
      const held = examples.filter((_, i) => i % o.folds === k);
      const rest = examples.filter((_, i) => i % o.folds !== k);
      const r = score(held, buildModel(rest, o));
      console.log(`fold ${k + 1}/${o.folds}: content F1 Jaccard≥0.5 ${r.j50.toFixed(3)}, exact tokens ${r.exact.toFixed(3)}`);
      results.push(r);
    }
    const mean = (f: (r: { j50: number; exact: number }) => number): string => (results.reduce((s, r) => s + f(r), 0) / results.length).toFixed(3);
    console.log(`mean over ${o.folds} folds: Jaccard≥0.5 ${mean((r) => r.j50)}, exact ${mean((r) => r.exact)}`);
    return;
  }
  const models = buildModel(examples, o);
  const passes = models.map(toPass);
  const file: WeightsFile = {
    format: 'unmangle-attribution-perceptron/4',
    tags: TAGS,
    cues,
    training: {
    command: `node dist/scripts/trainAttribution.js --data <PolNeAR> --split ${o.split} --epochs ${o.epochs} --min-count ${o.minCount} --jackknife ${o.jackknife} --cue-share ${o.cueShare}`,
    corpus: 'PolNeAR v1.0 (networkdynamics/PolNeAR), first annotator per article',
    split: o.split,
    articles: examples.length,
    epochs: o.epochs,
    minCount: o.minCount,
    jackknife: o.jackknife,
    features: passes.map((p) => Buffer.from(p.keys, 'base64').length / 4),
    learnedCues: `words marked as cues ≥ 3 times and in ≥ ${o.cueShare * 100}% of their occurrences in the split`,
    },
    passes,
  };
  writeFileSync(o.out, JSON.stringify(file) + '\n');
  console.error(`${String(file.training.features)} features written to ${o.out} in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
}

main();
