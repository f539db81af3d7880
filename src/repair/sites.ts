import type { DamageSite } from './types.js';

/*
 * Every list of damage sites has the same array shape (packed, of objects), empty or not. An empty `[]`
 * literal is an array of small integers to V8, and code optimised for one shape was thrown away and
 * compiled again when the other turned up, in every worker of a batch.
 */

const A_SITE: DamageSite = { start: 0, end: 0, fixer: '', tag: undefined };

/** An empty list of sites, shaped like a filled one. */
export function noSites(): DamageSite[] {
  const sites = [A_SITE];
  sites.pop();
  return sites;
}

/** Both lists are sorted by start (then end); merging keeps that order without sorting again. */
export function mergeSites(a: DamageSite[], b: DamageSite[]): DamageSite[] {
  if (a.length === 0) return b;
  if (b.length === 0) return a;
  const merged = noSites();
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const x = a[i]!;
    const y = b[j]!;
    merged.push(y.start < x.start || (y.start === x.start && y.end < x.end) ? b[j++]! : a[i++]!);
  }
  while (i < a.length) merged.push(a[i++]!);
  while (j < b.length) merged.push(b[j++]!);
  return merged;
}

/** The sites a predicate keeps, in a list of the same shape. */
export function sitesWhere(sites: readonly DamageSite[], keep: (site: DamageSite) => boolean): DamageSite[] {
  const kept = noSites();
  for (let i = 0; i < sites.length; i++) if (keep(sites[i]!)) kept.push(sites[i]!);
  return kept;
}
