/**
 * The article-extraction-benchmark metric (scrapinghub/article-extraction-benchmark, evaluate.py),
 * reimplemented so that scores here compare with the published ones: `\w+` words, overlapping
 * 4-word shingles counted with multiplicity, per-page true/false positives and false negatives
 * normalised to sum 1, precision and recall averaged over pages, F1 of the two averages.
 */

/** Python's `\w` with re.UNICODE: letters, digits (any script) and the underscore. */
const WORD = /[\p{L}\p{N}_]+/gu;

export function words(text: string): string[] {
  return text.match(WORD) ?? [];
}

/** Like the original, a text shorter than n words still yields one (shorter) shingle. */
function shingles(tokens: readonly string[], n: number): Map<string, number> {
  const counts = new Map<string, number>();
  const last = Math.max(1, tokens.length - n + 1);
  for (let i = 0; i < last; i++) {
    const shingle = tokens.slice(i, i + n);
    if (shingle.length === 0) continue;
    const key = shingle.join('\u0000');
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

export interface Matching {
  tp: number;
  fp: number;
  fn: number;
}

export function shingleMatching(truth: string, predicted: string, n = 4): Matching {
  const t = shingles(words(truth), n);
  const p = shingles(words(predicted), n);
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const [key, tc] of t) {
    const pc = p.get(key) ?? 0;
    tp += Math.min(tc, pc);
    fn += Math.max(0, tc - pc);
  }
  for (const [key, pc] of p) fp += Math.max(0, pc - (t.get(key) ?? 0));
  const sum = tp + fp + fn;
  return sum > 0 ? { tp: tp / sum, fp: fp / sum, fn: fn / sum } : { tp, fp, fn };
}

function precisionScore({ tp, fp, fn }: Matching): number {
  if (fp === 0 && fn === 0) return 1;
  if (tp === 0 && fp === 0) return 0;
  return tp / (tp + fp);
}

function recallScore({ tp, fp, fn }: Matching): number {
  if (fp === 0 && fn === 0) return 1;
  if (tp === 0 && fn === 0) return 0;
  return tp / (tp + fn);
}

function mean(values: readonly number[]): number {
  return values.length === 0 ? 0 : values.reduce((a, b) => a + b, 0) / values.length;
}

export interface Scores {
  f1: number;
  precision: number;
  recall: number;
  /** Share of pages whose predicted word sequence equals the truth's. */
  accuracy: number;
  pages: number;
}

/** Pages without output are left out of the precision average, as in the original. */
export function score(pairs: ReadonlyArray<{ truth: string; predicted: string }>): Scores {
  const matchings = pairs.map((p) => shingleMatching(p.truth, p.predicted));
  const precision = mean(matchings.filter((m) => m.tp + m.fp > 0).map(precisionScore));
  const recall = mean(matchings.filter((m) => m.tp + m.fn > 0).map(recallScore));
  const f1 = precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0;
  const identical = pairs.filter((p) => words(p.truth).join(' ') === words(p.predicted).join(' ')).length;
  return { f1, precision, recall, accuracy: pairs.length ? identical / pairs.length : 0, pages: pairs.length };
}
