import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { readabilityContent, READABILITY_INTERNALS } from '../../src/article/html/readability.js';

type Helpers = Record<string, (this: unknown, ...args: unknown[]) => unknown>;

/** The replacements must give Readability's own answers: checked element by element against its methods. */
describe('Readability helpers replaced for speed', () => {
  const original = Readability.prototype as unknown as Helpers;

  it('still exist in Readability under the names replaced', () => {
    for (const name of READABILITY_INTERNALS) assert.equal(typeof original[name], 'function', name);
  });

  const markup = `<html><body>
    <div style="display:none">a</div><div style="DISPLAY: none">b</div><div style="display: none !important">c</div>
    <div style="visibility:hidden">d</div><div style="color:red;display:block;display:none">e</div><div style="display:">f</div>
    <div hidden>g</div><div aria-hidden="true">h</div><div aria-hidden="true" class="x fallback-image">i</div>
    <div aria-hidden="false">j</div><p>k</p>
    <span class="byline">By Jane Doe</span><a rel="author" href="/j">Jane</a><span itemprop="author name">J. Doe</span>
    <div class="author-bio">${'A very long biography. '.repeat(10)}</div><div class="byline"></div><p class="plain">Text</p>
  </body></html>`;

  it('agree with Readability on every element', () => {
    const { document } = parseHTML(markup);
    const reader = new Readability(document as never) as unknown as Helpers;
    // Install the replacements on a second instance to call them with Readability's `this`.
    const replaced = new Readability(parseHTML('<html><body><p>x</p></body></html>').document as never) as unknown as Helpers;
    captureHelpers(replaced);
    const elements = Array.from(document.querySelectorAll('body *')) as Array<{ className: string; id: string }>;
    assert.ok(elements.length > 15);
    for (const el of elements) {
      const matchString = `${el.className} ${el.id}`;
      // Readability only tests the answer for truth; its own is sometimes '' rather than false.
      assert.equal(Boolean(replaced._isProbablyVisible!.call(reader, el)), Boolean(original._isProbablyVisible!.call(reader, el)), `visible: ${String(el)}`);
      assert.equal(replaced._isValidByline!.call(reader, el, matchString), original._isValidByline!.call(reader, el, matchString), `byline: ${String(el)}`);
    }
  });

  it('find the same elements by name, in the same order, including those Readability creates in upper case', () => {
    const { document } = parseHTML(
      '<html><body><div><h2>a</h2><p>b <img src="x.png"></p><figure><picture></picture></figure></div><h1>c</h1><ul><li>d</li></ul><ol></ol></body></html>',
    );
    const created = document.createElement('P');
    created.appendChild(document.createElement('H1'));
    document.body.insertBefore(created, document.body.firstChild);
    const reader = new Readability(document as never) as unknown as Helpers;
    const replaced = {} as Helpers;
    captureHelpers(replaced);
    for (const names of [['p'], ['h1'], ['h1', 'h2'], ['img', 'picture', 'figure'], ['ul', 'ol'], ['table']]) {
      const ours = Array.from(replaced._getAllNodesWithTag!.call(reader, document.body, names) as ArrayLike<unknown>);
      const theirs = Array.from(original._getAllNodesWithTag!.call(reader, document.body, names) as ArrayLike<unknown>);
      assert.equal(ours.length, theirs.length, names.join());
      ours.forEach((el, i) => assert.equal(el, theirs[i], `${names.join()} #${i}`));
      assert.ok(names[0] === 'table' || ours.length > 0, names.join());
    }
  });

  it('unwrap javascript: links as Readability does, and leave other links', () => {
    const { document } = parseHTML(
      `<html><body><article><p>${'Words of the article, which go on for a while. '.repeat(15)}<a href="javascript:void(0)">menu</a> and <a href="javascript:x()"><b>bold</b> link</a> and <a href="/next">next</a></p></article></body></html>`,
    );
    const result = readabilityContent(() => document);
    assert.ok(result?.content);
    const html = String(result.content);
    assert.doesNotMatch(html, /javascript:/);
    assert.match(html, /menu and <span><b>bold<\/b> link<\/span> and <a href="\/next">next<\/a>/);
  });
});

describe('readabilityContent', () => {
  const long = 'The committee heard evidence from residents, engineers and the city council about the bridge. '.repeat(8);
  // The first pass drops the sidebar as an unlikely candidate and finds too little; Readability then
  // retries with the page as it was before that pass.
  const page = `<html><head><title>Bridge</title></head><body><div class="sidebar"><p>${long}</p><p>${long}</p></div><br><br>Short note, with a comma.<p>A line.</p></body></html>`;

  it('gives what Readability gives, also when Readability retries', () => {
    const plain = new Readability(parseHTML(page).document as never).parse();
    assert.ok(plain && plain.textContent!.includes('The committee heard'));
    let loads = 0;
    const ours = readabilityContent(() => {
      loads++;
      return parseHTML(page).document;
    });
    assert.ok(loads > 1, 'parsed again for the retry');
    assert.equal(normalise(ours!.content!.textContent), normalise(plain.textContent));
  });

  it('runs Readability as it comes when not tuned (a release without the replaced members), with the same text', () => {
    let loads = 0;
    const plain = readabilityContent(() => {
      loads++;
      return parseHTML(page).document;
    }, false);
    assert.equal(loads, 1, 'Readability restores its own copy of the body for the retry');
    const tuned = readabilityContent(() => parseHTML(page).document);
    assert.ok(plain?.content && tuned?.content);
    assert.equal(normalise(plain.content.textContent), normalise(tuned.content.textContent));
    assert.equal(plain.title, tuned.title);
  });

  it('leaves the body and the article serialisable as usual afterwards', () => {
    const documents: Array<ReturnType<typeof parseHTML>['document']> = [];
    const ours = readabilityContent(() => documents[documents.push(parseHTML(page).document) - 1]);
    const document = documents[0]!;
    assert.doesNotMatch(document.body.innerHTML, /\u0000/);
    document.body.innerHTML = '<p>new</p>';
    assert.equal(document.body.innerHTML, '<p>new</p>');
    assert.match((ours!.content as unknown as { innerHTML: string }).innerHTML, /The committee heard/);
  });
});

function normalise(text: string | null | undefined): string {
  return (text ?? '').replace(/\s+/g, ' ').trim();
}

/** The helper functions `readabilityContent` installs, taken from an instance it configured. */
function captureHelpers(target: Helpers): void {
  const seen: Helpers = {};
  const parse = Readability.prototype.parse;
  Readability.prototype.parse = function (this: Helpers) {
    for (const name of ['_isProbablyVisible', '_isValidByline', '_fixRelativeUris', '_getAllNodesWithTag']) seen[name] = this[name]!;
    return null;
  } as never;
  try {
    readabilityContent(() => parseHTML('<html><body><p>x</p></body></html>').document);
  } finally {
    Readability.prototype.parse = parse;
  }
  Object.assign(target, seen);
}
