import type { Step } from './api.js';
import { el, visible } from './dom.js';
import { isChange, type Segment } from './segments.js';

function describe(segment: Segment, steps: readonly Step[]): string {
  const fixers = [...new Set(segment.steps.map((i) => steps[i]!.fixer))].join(', ');
  return `was “${visible(segment.before)}” (${fixers})`;
}

/** The repaired text with each change marked; the original shows on hover and on keyboard focus. */
export function renderInline(target: HTMLElement, segments: readonly Segment[], steps: readonly Step[]): void {
  target.replaceChildren(
    ...segments.map((segment, n) => {
      if (!isChange(segment)) return document.createTextNode(segment.after);
      const label = describe(segment, steps);
      const mark = el('mark', {
        class: segment.after === '' ? 'change removed' : 'change',
        tabindex: '0',
        title: label,
        'data-before': visible(segment.before),
        'data-change': String(n),
        'aria-label': `${segment.after === '' ? 'removed' : `“${segment.after}”`}, ${label}`,
      });
      mark.append(segment.after);
      return mark;
    }),
  );
}

/** The original and the repaired text next to each other (one above the other on narrow screens). */
export function renderSplit(original: HTMLElement, repaired: HTMLElement, segments: readonly Segment[]): void {
  const side = (pick: 'before' | 'after', tag: 'del' | 'ins') =>
    segments.map((segment, n) =>
      isChange(segment) ? el(tag, { 'data-change': String(n), class: segment[pick] === '' ? 'empty' : '' }, segment[pick]) : document.createTextNode(segment[pick]),
    );
  original.replaceChildren(...side('before', 'del'));
  repaired.replaceChildren(...side('after', 'ins'));
}

export function renderSteps(list: HTMLElement, steps: readonly Step[]): void {
  list.replaceChildren(
    ...steps.map((step) =>
      el(
        'li',
        {},
        el('span', { class: 'fixer' }, step.fixer),
        ' ',
        el('code', {}, visible(step.before)),
        ' → ',
        el('code', {}, visible(step.after)),
        step.note ? el('span', { class: 'note' }, ` ${step.note}`) : null,
        el('span', { class: 'where' }, ` at ${step.inputStart}–${step.inputEnd}`),
      ),
    ),
  );
}
