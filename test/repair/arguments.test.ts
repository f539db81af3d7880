import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  applyPlan,
  attribute,
  attributeArticle,
  decodePage,
  fixAndCount,
  fixAndExplain,
  fixText,
  formatArticle,
  htmlFragmentToText,
  toArticle,
} from '../../src/index.js';

/** Calls as a JavaScript caller (or parsed data) might make them, past the type checker. */
const loose = <F extends (...args: never[]) => unknown>(f: F) => f as unknown as (...args: unknown[]) => unknown;

function throwsTypeError(call: () => unknown, message: RegExp): void {
  assert.throws(call, (err: unknown) => {
    assert.ok(err instanceof TypeError, `not a TypeError: ${String(err)}`);
    assert.match(err.message, message);
    assert.doesNotMatch(err.message, /\n/);
    return true;
  });
}

describe('public functions name a wrong argument and what was expected', () => {
  test('fixText, fixAndExplain, fixAndCount: text and options', () => {
    for (const [name, f] of [['fixText', fixText], ['fixAndExplain', fixAndExplain], ['fixAndCount', fixAndCount]] as const) {
      throwsTypeError(() => loose(f)(null), new RegExp(`^${name}: text must be a string, got null$`));
      throwsTypeError(() => loose(f)(123), new RegExp(`^${name}: text must be a string, got number \\(123\\)$`));
      throwsTypeError(() => loose(f)(undefined), /text must be a string, got undefined$/);
      throwsTypeError(() => loose(f)(Buffer.from('x')), /text must be a string, got an object \(Uint8Array\)$/);
      throwsTypeError(() => loose(f)('x', 'en'), new RegExp(`^${name}: options must be an object or undefined, got string$`));
      throwsTypeError(() => loose(f)('x', null), /options must be an object or undefined, got null$/);
    }
  });

  test('applyPlan: text and steps', () => {
    throwsTypeError(() => loose(applyPlan)(null, []), /^applyPlan: text must be a string, got null$/);
    throwsTypeError(() => loose(applyPlan)('x', { steps: [] }), /^applyPlan: steps must be an array, got an object \(Object\)$/);
  });

  test('article functions', () => {
    throwsTypeError(() => loose(toArticle)(null), /^toArticle: input must be a string or a Uint8Array \(Buffer\), got null$/);
    throwsTypeError(() => loose(toArticle)(42), /got number \(42\)$/);
    throwsTypeError(() => loose(toArticle)('<p>x</p>', 'html'), /^toArticle: options must be an object or undefined, got string$/);
    throwsTypeError(() => loose(decodePage)('<p>x</p>'), /^decodePage: bytes must be a Uint8Array \(Buffer\), got string$/);
    throwsTypeError(() => loose(decodePage)(Buffer.from('x'), 5), /^decodePage: headerCharset must be a string, got number \(5\)$/);
    throwsTypeError(() => loose(htmlFragmentToText)(['<p>']), /^htmlFragmentToText: html must be a string, got an array$/);
    const article = toArticle('Title\n\nBody text of the article.', { input: 'text' });
    throwsTypeError(() => loose(formatArticle)(null, 'md'), /^formatArticle: article must be an object with a string "text", got null$/);
    throwsTypeError(() => loose(formatArticle)(article, 'html'), /^formatArticle: format must be one of json, md, text, got "html"$/);
  });

  test('attribution functions', () => {
    throwsTypeError(() => loose(attribute)(null), /^attribute: text must be a string, got null$/);
    throwsTypeError(() => loose(attribute)('He said.', 'en'), /^attribute: options must be an object or undefined, got string$/);
    throwsTypeError(() => loose(attributeArticle)({ title: 'x' }), /^attributeArticle: article\.text must be a string, got undefined$/);
  });

  test('right arguments still work, options left out or given', () => {
    assert.equal(fixText('a & nbsp; b'), 'a b');
    assert.equal(fixText('a & nbsp; b', undefined), 'a b');
    assert.equal(fixText('a & nbsp; b', { lang: 'en' }), 'a b');
    const { text, steps } = fixAndExplain('CafÃ©');
    assert.equal(applyPlan('CafÃ©', steps), text);
    assert.equal(toArticle(Buffer.from('<p>x</p>')).input, 'html');
  });
});
