import type { FixCounts } from '../repair/index.js';

/**
 * How broken a record was: repairs made per 1,000 characters of input (UTF-16 units), rounded to
 * two decimals. 0 means clean; one `& nbsp;` in a 2,000-character article scores 0.5. It counts
 * what the pipeline already counts, so scoring costs nothing, and it does not grow with length,
 * so one threshold filters short and long records alike.
 */
export function damageScore(counts: FixCounts, inputLength: number): number {
  let total = 0;
  for (const n of Object.values(counts)) total += n ?? 0;
  if (total === 0) return 0;
  return Math.round((total * 1000 * 100) / Math.max(inputLength, 1)) / 100;
}
