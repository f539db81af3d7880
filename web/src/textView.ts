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
        'data-steps': segment.steps.join(' '),
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

/** One line per step; choosing one shows its change in the text. */
export function renderSteps(list: HTMLElement, steps: readonly Step[], show: (step: number) => void): void {
  list.replaceChildren(
    ...steps.map((step, i) =>
      el(
        'li',
        {},
        button(`show step ${i + 1} in the text`, () => show(i)),
        ' ',
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

function button(label: string, onClick: () => void): HTMLButtonElement {
  const b = el('button', { type: 'button', class: 'show', 'aria-label': label, title: label }, '↑');
  b.addEventListener('click', onClick);
  return b;
}

/** Brings the highlighted change that contains a step into view and gives it the focus. */
export function showStep(container: HTMLElement, step: number): void {
  const marks = container.querySelectorAll<HTMLElement>('mark.change');
  for (const mark of marks) {
    if ((mark.dataset.steps ?? '').split(' ').includes(String(step))) {
      mark.scrollIntoView({ block: 'center' });
      mark.focus();
      return;
    }
  }
}
