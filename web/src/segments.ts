/**
 * Turns the steps of a repair into a list of segments that covers the input and the output at
 * once: unchanged text, and changed regions with what they were and what they became. The page
 * highlights the changed ones; it needs no DOM, so it is tested under Node too.
 */

export interface StepLike {
  pass: number;
  start: number;
  end: number;
  after: string;
}

export interface Segment {
  before: string;
  after: string;
  /** Indexes into the steps that made this change; empty for unchanged text. */
  steps: number[];
}

export function isChange(segment: Segment): boolean {
  return segment.steps.length > 0;
}

/** Replays the steps pass by pass, as `applyPlan` does, keeping track of where each change lands. */
export function toSegments(input: string, steps: readonly StepLike[]): Segment[] {
  let segments: Segment[] = input === '' ? [] : [{ before: input, after: input, steps: [] }];
  const order = steps.map((_, i) => i);
  // Within a pass all offsets refer to the text before the pass, so apply from the right.
  order.sort((a, b) => steps[a]!.pass - steps[b]!.pass || steps[b]!.start - steps[a]!.start);
  let k = 0;
  while (k < order.length) {
    const pass = steps[order[k]!]!.pass;
    for (; k < order.length && steps[order[k]!]!.pass === pass; k++) {
      const i = order[k]!;
      segments = applyEdit(segments, steps[i]!, i);
    }
  }
  return segments;
}

function applyEdit(segments: Segment[], edit: StepLike, index: number): Segment[] {
  const { start: s, end: e } = edit;
  const starts: number[] = [];
  let pos = 0;
  for (const seg of segments) {
    starts.push(pos);
    pos += seg.after.length;
  }
  if (s < 0 || e < s || e > pos) throw new RangeError(`step ${index} (${s}-${e}) lies outside the text (${pos})`);
  const endOf = (k: number) => starts[k]! + segments[k]!.after.length;
  let i = segments.findIndex((_, k) => endOf(k) > s);
  if (i < 0) i = segments.length - 1;
  let j = i;
  if (e > s) while (j < segments.length - 1 && endOf(j) < e) j++;

  if (i < 0) return [{ before: '', after: edit.after, steps: [index] }];

  const pieces: Segment[] = [];
  let before = '';
  let current = '';
  let from = 0;
  const merged = new Set<number>([index]);
  for (let k = i; k <= j; k++) {
    const seg = segments[k]!;
    const base = starts[k]!;
    if (isChange(seg)) {
      if (k === i) from = base;
      before += seg.before;
      current += seg.after;
      for (const st of seg.steps) merged.add(st);
      continue;
    }
    // Unchanged text outside [s, e) stays a segment of its own, so highlights stay tight.
    const lo = k === i ? Math.max(s, base) : base;
    const hi = k === j ? Math.min(Math.max(e, lo), base + seg.after.length) : base + seg.after.length;
    if (k === i) {
      from = lo;
      if (lo > base) pieces.push({ before: seg.after.slice(0, lo - base), after: seg.after.slice(0, lo - base), steps: [] });
    }
    before += seg.after.slice(lo - base, hi - base);
    current += seg.after.slice(lo - base, hi - base);
  }
  const after = current.slice(0, s - from) + edit.after + current.slice(e - from);
  pieces.push({ before, after, steps: [...merged].sort((a, b) => a - b) });
  const tail = segments[j]!;
  const tailEnd = endOf(j);
  if (!isChange(tail) && e < tailEnd && e >= starts[j]!) {
    const rest = tail.after.slice(Math.max(e, s) - starts[j]!);
    if (rest) pieces.push({ before: rest, after: rest, steps: [] });
  }
  return [...segments.slice(0, i), ...pieces, ...segments.slice(j + 1)];
}
