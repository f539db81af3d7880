/**
 * Binary search over anything in order: the first index in [0, count) at which `before(i)` no longer holds
 * (`before` holds for a prefix of the indexes), or `count`.
 */
export function firstNotBefore(count: number, before: (i: number) => boolean): number {
  let lo = 0;
  let hi = count;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (before(mid)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
