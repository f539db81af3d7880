import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { describe, test } from 'node:test';
import { toArticle } from '../../src/article/index.js';
import { ARTICLE_MAX_NESTING } from '../../src/article/html/parseDocument.js';
import { applyPlan, fixAndExplain, fixText } from '../../src/index.js';
import { capNesting, MAX_NESTING } from '../../src/repair/html/depth.js';
import { fixLegacyCjkAsLatin1 } from '../../src/repair/mojibake/doubleByte.js';
import { runCli } from '../interfaces/runCli.js';
import { HOSTILE_MARKUP, HOSTILE_TEXT, repeatTo } from '../support/hostile.js';

/*
 * One line of a megabyte of each shape that used to cost quadratic time. The budget is generous: a
 * linear pass takes a second or two on a loaded machine, the quadratic code took minutes at this size
 * (`& nbsp; ` 512 kB: 32 s, `"` 256 kB: 26 s, 13,000 nested `<div>` in an article: 33 s). Growth is
 * measured by `npm run bench:growth`, never timed here.
 */
const MB = 1 << 20;
const BUDGET = { timeout: 120_000 };

type LinkedomModule = typeof import('linkedom');
const { DOMParser } = createRequire(import.meta.url)('linkedom') as LinkedomModule;

function checkRepair(input: string): string {
  const once = fixText(input);
  assert.equal(fixText(once), once, 'not idempotent');
  const { text, steps } = fixAndExplain(input);
  assert.equal(text, once, 'fixAndExplain disagrees with fixText');
  assert.equal(applyPlan(input, steps), once, 'the plan does not replay');
  return once;
}

describe('hostile text: one line of 1 MB, repaired in linear time', () => {
  for (const shape of HOSTILE_TEXT) {
    test(shape.name, BUDGET, () => {
      const input = repeatTo(shape.unit, MB);
      const out = checkRepair(input);
      if (shape.expect === 'clean') assert.equal(out, input, 'clean text changed');
      else if (shape.expect === 'empty') assert.equal(out, '');
      else {
        // The repair of the whole line is the repair of one unit, repeated (or joined, where spaces at
        // the line's end go): the pipeline judges each unit by what is around it, never by the line.
        const unitOut = fixText(shape.unit);
        assert.notEqual(unitOut, shape.unit, 'the unit is damage and must be repaired');
        const count = input.length / shape.unit.length;
        const expected = shape.expect === 'join' ? Array.from({ length: count }, () => unitOut).join(' ') : unitOut.repeat(count);
        assert.equal(out, expected);
      }
    });
  }

  test('ten million high characters in one stretch do not overflow the double-byte scan', BUDGET, () => {
    // Regular expressions with a repeated group threw "Maximum call stack size exceeded" here.
    assert.deepEqual(fixLegacyCjkAsLatin1('“'.repeat(10_000_000)), []);
    assert.deepEqual(fixLegacyCjkAsLatin1('“a'.repeat(5_000_000)), []);
    // …and a real run after the long stretch is still found (用户密码 in GBK, read as windows-1252).
    const repairs = fixLegacyCjkAsLatin1(`${'“a'.repeat(2_000_000)} x ÓÃ»§ÃÜÂë`);
    assert.equal(repairs.at(-1)?.text, '用户密码');
  });

  test('a megabyte-long chain of escaped ampersands is one ampersand', BUDGET, () => {
    const input = '&' + 'amp;'.repeat(MB / 4);
    assert.equal(checkRepair(input), '&');
  });

  test('a line of escaped-twice no-break spaces and nothing else is an empty line', BUDGET, () => {
    assert.equal(checkRepair(repeatTo('&amp; nbsp; ', MB)), '');
  });

  test('every shape mixed on one line: idempotent, replayed, nothing of the damage left', BUDGET, () => {
    const mix = HOSTILE_TEXT.map((s) => s.unit.repeat(200)).join('') + 'in & nbsp; in & nbsp; ';
    const input = repeatTo(mix, MB);
    const out = checkRepair(input);
    assert.doesNotMatch(out, /& ?nbsp|& quot;|&amp;|»/);
  });
});

/** How deep elements nest under `root`. */
function depthOf(root: { children?: ArrayLike<unknown> }): number {
  let max = 0;
  const stack: Array<[{ children?: ArrayLike<unknown> }, number]> = [[root, 0]];
  while (stack.length > 0) {
    const [node, d] = stack.pop()!;
    max = Math.max(max, d);
    for (const child of Array.from(node.children ?? [])) stack.push([child as { children?: ArrayLike<unknown> }, d + 1]);
  }
  return max;
}

interface Body {
  textContent: string;
  children: ArrayLike<unknown>;
  querySelectorAll(selector: string): ArrayLike<{ remove(): void }>;
}

function bodyOf(markup: string): Body {
  return new DOMParser().parseFromString(`<!doctype html><html><body>${markup}</body></html>`, 'text/html').body as unknown as Body;
}

/** The text a reader sees: scripts past the cap go with their tags. */
function visibleText(body: Body): string {
  for (const script of Array.from(body.querySelectorAll('script'))) script.remove();
  return body.textContent;
}

const PARAGRAPH = 'The minister said on Monday that talks would resume next week in Brussels, officials confirmed.';

/** Deep markup of several kinds: unclosed, closed, table cells, foreign content, raw text, quoted `>`. */
const DEEP: ReadonlyArray<[string, (n: number) => string, string]> = [
  ['unclosed div', (n) => '<div>'.repeat(n) + PARAGRAPH, 'Brussels'],
  ['closed div', (n) => '<div class="a">'.repeat(n) + PARAGRAPH + '</div>'.repeat(n) + ' after', 'after'],
  ['table in cell', (n) => '<table><tr><td>'.repeat(n) + PARAGRAPH, 'Brussels'],
  ['span with attribute holding >', (n) => '<span title="a>b">x '.repeat(n), 'x x'],
  ['div/ outside svg', (n) => '<div/>'.repeat(n) + PARAGRAPH, 'Brussels'],
  ['script among divs', (n) => ('<div><script>if (a<b) document.write("<div>")</script>').repeat(n) + PARAGRAPH, 'Brussels'],
  ['li and p mixed', (n) => ('<p>one <li>two ').repeat(n), 'one'],
];

describe('nesting is capped as browsers cap it', () => {
  test('markup that stays under the cap comes out as the same string', () => {
    const shallow = [
      ('<p>' + PARAGRAPH).repeat(2000),
      '<ul>' + '<li>item '.repeat(3000) + '</ul>',
      '<table>' + '<tr><td>a<td>b'.repeat(2000) + '</table>',
      '<svg>' + '<g/>'.repeat(3000) + '</svg><p>after',
      ('<div><span>x</span><!-- <div><div> --><script>"<div>"</script></div>').repeat(2000),
      ('<div>'.repeat(400) + '</div>'.repeat(400)).repeat(3),
    ];
    for (const markup of shallow) assert.equal(capNesting(markup), markup);
  });

  for (const [name, make] of DEEP) {
    test(`${name}: the tree is no deeper than the cap and keeps all its text`, () => {
      const markup = make(3000);
      const capped = capNesting(markup);
      assert.notEqual(capped, markup);
      const body = bodyOf(capped);
      assert.ok(depthOf(body) <= MAX_NESTING + 1, `depth ${depthOf(body)}`);
      assert.equal(visibleText(body), visibleText(bodyOf(markup)));
    });
  }

  test('fix --html on 1 MB of unclosed nested <div> gives the text', BUDGET, () => {
    const r = runCli(['fix', '--html'], '<div>'.repeat(MB / 5) + PARAGRAPH);
    assert.equal(r.status, 0, r.stderr);
    assert.equal(r.stdout.trim(), PARAGRAPH);
  });

  test('fixText from HTML: every deep shape at 1 MB keeps its text, idempotent', BUDGET, () => {
    for (const [name, make, marker] of DEEP) {
      const unit = make(1).length;
      const markup = make(Math.floor(MB / unit));
      const out = fixText(markup, { from: 'html' });
      assert.ok(out.includes(marker), name);
      assert.equal(fixText(out), out, name);
    }
  });

  test('an article under 13,000 nested <div> is found, and under 1 MB of them', BUDGET, () => {
    for (const n of [13_000, MB / 5]) {
      const page = `<html><head><title>Talks</title></head><body>${'<div>'.repeat(n)}<p>${PARAGRAPH}</p></body></html>`;
      const article = toArticle(page);
      assert.deepEqual(article.paragraphs, [PARAGRAPH]);
    }
  });

  test('the article layer caps lower, for Readability: deeper markup reads as markup at the cap', BUDGET, () => {
    const page = (n: number) =>
      `<html><body>${'<div>'.repeat(n)}<p>${PARAGRAPH}</p><p>${PARAGRAPH}</p>${'</div>'.repeat(n)}<p>${PARAGRAPH}</p></body></html>`;
    const atCap = toArticle(page(ARTICLE_MAX_NESTING - 2)).paragraphs;
    assert.ok(atCap.length >= 2);
    assert.deepEqual(toArticle(page(ARTICLE_MAX_NESTING * 4)).paragraphs, atCap);
  });
});
