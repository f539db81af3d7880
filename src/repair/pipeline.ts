import { applyEdits, assertWellFormed, composeRegions, moveSpans, type Region } from './edits.js';
import { c1Controls } from './fixers/c1Controls.js';
import { characterWidth } from './fixers/characterWidth.js';
import { collateral } from './fixers/collateral.js';
import { controlChars } from './fixers/controlChars.js';
import { htmlEntities } from './fixers/htmlEntities.js';
import { latinLigatures } from './fixers/latinLigatures.js';
import { lineBreaks } from './fixers/lineBreaks.js';
import { mangledEntities } from './fixers/mangledEntities.js';
import { mojibake } from './fixers/mojibake.js';
import { normalization } from './fixers/normalization.js';
import { quotes } from './fixers/quotes.js';
import { surrogates } from './fixers/surrogates.js';
import { terminalEscapes } from './fixers/terminalEscapes.js';
import { uncurlQuotes } from './fixers/uncurlQuotes.js';
import { htmlFragmentToText } from './html/index.js';
import { looksLikeMarkup } from './markup.js';
import { expectArray, expectOptions, expectString } from './arguments.js';
import { resolveOptions, settingsKey } from './options.js';
import { splitIntoPieces } from './pieces.js';
import { proseScreenFor, screenText, type FirstEdits, type ProseScreen } from './proseScreen.js';
import { mergeSites, noSites } from './sites.js';
import type { ExplainResult, FixCounts, FixerEdit, FixerName, FixOptions, Fixer, ResolvedOptions, Step } from './types.js';

/**
 * The order matters. Terminal escapes and lone surrogates go first: they would hide mojibake from the
 * badness check. Mojibake is reversed before entity repair, because entity repair turns no-break spaces
 * into spaces and would break the byte sequences mojibake repair reads (an entity revealed later is
 * handled in the next round). C1 controls that mojibake repair left are windows-1252 characters. Entity
 * repair must see the text before anything else decodes it, collateral damage is found next to the
 * sites the entity fixers leave, and quote pairs can only be judged once the quote entities are
 * characters. The ftfy-style changes to correct text come last, in ftfy's order, ending with
 * normalization so that nothing after it can denormalize the text.
 */
export const PIPELINE: readonly Fixer[] = [
  terminalEscapes,
  surrogates,
  mojibake,
  c1Controls,
  mangledEntities,
  htmlEntities,
  collateral,
  quotes,
  latinLigatures,
  characterWidth,
  uncurlQuotes,
  lineBreaks,
  controlChars,
  normalization,
];

/**
 * Fixers are written to be idempotent, but a repair can reveal a defect that was not visible before
 * (a decoded `&lt;` next to a quote, say); rounds are repeated until nothing changes, so that
 * `fixText(fixText(x)) === fixText(x)`. Two rounds almost always suffice.
 */
const MAX_ROUNDS = 4;

type Record_ = 'none' | 'counts' | 'steps';

interface RunResult extends ExplainResult {
  counts: FixCounts;
}

function run(input: string, resolved: ResolvedOptions, record: Record_, screened = true): RunResult {
  const pieces = splitIntoPieces(input);
  const screen = screened ? proseScreenFor(resolved, PIPELINE) : null;
  if (pieces.length === 1) return runPiece(input, resolved, record, 0, screen);
  const texts: string[] = [];
  const steps: Step[] = [];
  const counts: FixCounts = {};
  let inputOffset = 0;
  let outputOffset = 0;
  let pass = 0;
  for (const piece of pieces) {
    const result = runPiece(piece, resolved, record, pass, screen);
    // Later pieces are still untouched when this one is repaired, earlier ones already final.
    for (const step of result.steps) {
      steps.push({ ...step, start: step.start + outputOffset, end: step.end + outputOffset, inputStart: step.inputStart + inputOffset, inputEnd: step.inputEnd + inputOffset });
      pass = Math.max(pass, step.pass + 1);
    }
    for (const [name, n] of Object.entries(result.counts)) counts[name as FixerName] = (counts[name as FixerName] ?? 0) + n;
    texts.push(result.text);
    inputOffset += piece.length;
    outputOffset += result.text.length;
  }
  return { text: texts.join(''), steps, counts };
}

function runPiece(input: string, resolved: ResolvedOptions, record: Record_, firstPass: number, screen: ProseScreen | null): RunResult {
  const counts: FixCounts = {};
  const enabled = enabledFixers(resolved);
  // Most text is ASCII, or prose with curly quotes and dashes, which only a few fixers read. What the
  // screen asked a fixer is not asked again: the first round goes on from the first fixer with edits.
  let first: FirstEdits | undefined;
  if (screen !== null) {
    const verdict = screenText(input, screen, { options: resolved, sites: noSites(), isMarkup: looksLikeMarkup(input), explain: record === 'steps' });
    if (verdict === null) return { text: input, steps: [], counts };
    first = verdict;
  }
  let text = input;
  let regions: Region[] = [];
  const steps: Step[] = [];
  let pass = firstPass;
  for (let round = 0; round < MAX_ROUNDS; round++) {
    // Each round sees its text as a fresh call would, so that a second call has nothing left to do.
    let sites = noSites();
    // One context per round, its sites replaced as fixers change the text.
    const ctx = { options: resolved, sites, isMarkup: looksLikeMarkup(text), explain: record === 'steps' };
    let changed = false;
    for (const fixer of enabled) {
      let edits: FixerEdit[];
      if (first !== undefined) {
        if (fixer !== first.fixer) continue;
        edits = first.edits;
        first = undefined;
      } else {
        edits = fixer.apply(text, ctx);
      }
      if (edits.length === 0) continue;
      assertWellFormed(edits, text.length, fixer.name);
      const effective = edits.some((e) => replacesWithItself(text, e)) ? edits.filter((e) => !replacesWithItself(text, e)) : edits;
      if (effective.length === 0) continue;
      if (record !== 'none') counts[fixer.name] = (counts[fixer.name] ?? 0) + effective.length;
      if (record === 'steps') {
        const composed = composeRegions(regions, effective);
        effective.forEach((e, k) => {
          const step: Step = {
            fixer: fixer.name,
            pass,
            start: e.start,
            end: e.end,
            before: text.slice(e.start, e.end),
            after: e.after,
            inputStart: composed.inputSpans[k]!.start,
            inputEnd: composed.inputSpans[k]!.end,
          };
          if (e.note) step.note = e.note;
          steps.push(step);
        });
        regions = composed.regions;
      }
      const next = applyEdits(text, effective);
      // The fixers of this pass are done with `sites`, so they can be moved in place.
      const moved = moveSpans(sites, effective);
      const fresh = noSites();
      for (const e of effective) fresh.push({ start: e.start, end: e.end, fixer: fixer.name, tag: e.tag });
      moveSpans(fresh, effective);
      sites = mergeSites(moved, fresh);
      ctx.sites = sites;
      text = next;
      pass++;
      changed = true;
    }
    if (!changed) break;
  }
  return { text, steps, counts };
}

const enabledBySettings = new Map<number, readonly Fixer[]>();

/** The pipeline's fixers these options switch on, in order: listed once per set of settings, not per fixer and round. */
function enabledFixers(resolved: ResolvedOptions): readonly Fixer[] {
  const key = settingsKey(resolved);
  let enabled = enabledBySettings.get(key);
  if (!enabled) {
    enabled = PIPELINE.filter((fixer) => resolved.fixers[fixer.name]);
    enabledBySettings.set(key, enabled);
  }
  return enabled;
}

/** An edit that would write back what is already there (compared in place: no slice per edit). */
function replacesWithItself(text: string, e: FixerEdit): boolean {
  return e.end - e.start === e.after.length && text.startsWith(e.after, e.start);
}

/** Repairs `text` and returns the repaired text. */
export function fixText(text: string, options?: FixOptions): string {
  checkArguments('fixText', text, options);
  return run(prepare(text, options), resolveOptions(options), 'none').text;
}

/**
 * `fixText` with every fixer run, without the prose screen's shortcut: what the screen is tested
 * against (not part of the package's interface).
 */
export function fixTextUnscreened(text: string, options?: FixOptions): string {
  checkArguments('fixTextUnscreened', text, options);
  return run(prepare(text, options), resolveOptions(options), 'none', false).text;
}

/** Repairs `text` and returns the repaired text with every change as a step. */
export function fixAndExplain(text: string, options?: FixOptions): ExplainResult {
  checkArguments('fixAndExplain', text, options);
  const { text: out, steps } = run(prepare(text, options), resolveOptions(options), 'steps');
  return { text: out, steps };
}

/** Repairs `text` and counts the changes per fixer, without the cost of recording each step. */
export function fixAndCount(text: string, options?: FixOptions): { text: string; counts: FixCounts } {
  checkArguments('fixAndCount', text, options);
  const { text: out, counts } = run(prepare(text, options), resolveOptions(options), 'counts');
  return { text: out, counts };
}

function checkArguments(fn: string, text: unknown, options: unknown): void {
  expectString(text, fn, 'text');
  expectOptions(options, fn);
}

/**
 * `fixAndCount` with the options resolved once: for a corpus run, which repairs millions of texts
 * with the same options.
 */
export function counterFor(options?: FixOptions): (text: string) => { text: string; counts: FixCounts } {
  expectOptions(options, 'counterFor');
  const resolved = resolveOptions(options);
  return (text) => run(prepare(text, options), resolved, 'counts');
}

/** Markup becomes its plain text first; the fixers then work on text, where entities are decoded. */
function prepare(text: string, options: FixOptions | undefined): string {
  return options?.from === 'html' ? htmlFragmentToText(text, { keepNbsp: options.keepNbsp ?? false }) : text;
}

/**
 * Replays steps from `fixAndExplain` on its input and returns its output. Steps of one pass share
 * the coordinates of the text that pass was given, so they are applied together.
 */
export function applyPlan(text: string, steps: readonly Step[]): string {
  expectString(text, 'applyPlan', 'text');
  expectArray(steps, 'applyPlan', 'steps');
  let out = text;
  let i = 0;
  while (i < steps.length) {
    const pass = steps[i]!.pass;
    const group: Step[] = [];
    while (i < steps.length && steps[i]!.pass === pass) group.push(steps[i++]!);
    group.sort((a, b) => a.start - b.start);
    for (const step of group) {
      if (out.slice(step.start, step.end) !== step.before) {
        throw new Error(
          `plan does not fit this text: step at ${step.start}-${step.end} (${step.fixer}) expected ${JSON.stringify(step.before)}`,
        );
      }
    }
    assertWellFormed(group, out.length, 'plan');
    out = applyEdits(out, group);
  }
  return out;
}
