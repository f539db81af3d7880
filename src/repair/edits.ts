/** Applying edit lists and carrying positions across them. All edit lists are sorted and disjoint. */

export interface Span {
  start: number;
  end: number;
}

export interface Replacement extends Span {
  after: string;
}

export function applyEdits(text: string, edits: readonly Replacement[]): string {
  if (edits.length === 0) return text;
  const parts: string[] = [];
  let last = 0;
  for (const e of edits) {
    parts.push(text.slice(last, e.start), e.after);
    last = e.end;
  }
  parts.push(text.slice(last));
  return parts.join('');
}

/** Throws when a fixer's edits are not sorted, disjoint and inside the text: a bug, never input. */
export function assertWellFormed(edits: readonly Replacement[], length: number, who: string): void {
  let last = 0;
  for (const e of edits) {
    if (e.start < last || e.end < e.start || e.end > length) {
      throw new Error(`fixer ${who} produced an invalid edit at ${e.start}-${e.end}`);
    }
    last = e.end;
  }
}

/**
 * Moves spans of the old text into the new text, in place, and returns them: callers own their spans,
 * and updating two numbers keeps every span's object shape, where copying them (`{ ...span }`) made the
 * copies' shapes multiply until property access went megamorphic. A span that touches an edit grows to
 * cover the replacement, so a site never points into the middle of new text. Spans must be sorted by
 * start.
 */
export function moveSpans<T extends Span>(spans: T[], edits: readonly Replacement[]): T[] {
  if (edits.length === 0) return spans;
  let before = 0; // edits wholly before the current span
  let deltaBefore = 0;
  for (const span of spans) {
    while (before < edits.length && edits[before]!.end < span.start) {
      const e = edits[before]!;
      deltaBefore += e.after.length - (e.end - e.start);
      before++;
    }
    let start = span.start;
    let end = span.end;
    let delta = deltaBefore;
    for (let j = before; j < edits.length && edits[j]!.start <= span.end; j++) {
      const e = edits[j]!;
      if (e.start < start) start = e.start;
      if (e.end > end) end = e.end;
      delta += e.after.length - (e.end - e.start);
    }
    span.start = start + deltaBefore;
    span.end = end + delta;
  }
  return spans;
}

/**
 * A running account of how the current text derives from the original input: disjoint regions,
 * sorted, where input [inStart, inEnd) became current [curStart, curEnd); text between regions is
 * unchanged.
 */
export interface Region {
  inStart: number;
  inEnd: number;
  curStart: number;
  curEnd: number;
}

/** Maps non-decreasing current positions back to the input in one forward walk over the regions. */
class InputMapper {
  private i = 0;
  private delta = 0; // (current - input) after the regions passed
  constructor(private readonly regions: readonly Region[]) {}

  private advance(p: number, asEnd: boolean): Region | undefined {
    const rs = this.regions;
    while (this.i < rs.length) {
      const r = rs[this.i]!;
      const inside = asEnd ? r.curStart < p && p <= r.curEnd : r.curStart <= p && p < r.curEnd;
      if (inside) return r;
      const passed = asEnd ? r.curEnd < p || (r.curEnd === p && r.curStart === p) : r.curEnd <= p;
      if (!passed) return undefined;
      this.delta = r.curEnd - r.inEnd;
      this.i++;
    }
    return undefined;
  }

  start(p: number): number {
    const r = this.advance(p, false);
    return r ? r.inStart : p - this.delta;
  }

  end(p: number): number {
    const r = this.advance(p, true);
    return r ? r.inEnd : p - this.delta;
  }
}

/** Folds one pass of edits (in current coordinates) into the regions; returns the new regions. */
export function composeRegions(
  regions: readonly Region[],
  edits: readonly Replacement[],
): { regions: Region[]; inputSpans: Span[] } {
  if (edits.length === 0) return { regions: regions.slice(), inputSpans: [] };
  const mapper = new InputMapper(regions);
  const inputSpans = edits.map((e) => {
    const start = mapper.start(e.start);
    const end = Math.max(start, mapper.end(e.end));
    return { start, end };
  });
  const toSpan = (r: Region) => ({ start: r.curStart, end: r.curEnd, inStart: r.inStart, inEnd: r.inEnd });
  const moved = moveSpans(regions.map(toSpan), edits);
  const fresh = moveSpans(
    edits.map((e, k) => ({ start: e.start, end: e.end, inStart: inputSpans[k]!.start, inEnd: inputSpans[k]!.end })),
    edits,
  );
  const all = [...moved, ...fresh].sort((a, b) => a.start - b.start || a.inStart - b.inStart);
  const merged: Region[] = [];
  for (const r of all) {
    const prev = merged[merged.length - 1];
    if (prev && (r.start < prev.curEnd || r.inStart < prev.inEnd)) {
      prev.curEnd = Math.max(prev.curEnd, r.end);
      prev.inStart = Math.min(prev.inStart, r.inStart);
      prev.inEnd = Math.max(prev.inEnd, r.inEnd);
    } else {
      merged.push({ inStart: r.inStart, inEnd: r.inEnd, curStart: r.start, curEnd: r.end });
    }
  }
  return { regions: merged, inputSpans };
}
