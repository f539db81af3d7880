import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { fixText } from '../../src/index.js';

describe('quote pairs', () => {
  test('mixed pairs take the English style, with the damage spaces removed', () => {
    assert.equal(fixText('“ You can & hellip; persists & raquo;, he said'), '“You can… persists”, he said');
    assert.equal(fixText('it “ put a weapon to the & nbsp; head of Ukraine \'\' and'), 'it “put a weapon to the head of Ukraine” and');
    assert.equal(fixText('means to & quot; intimidation of opponents & raquo; and'), 'means to “intimidation of opponents” and');
    assert.equal(fixText('He said “hello» to me'), 'He said “hello” to me');
  });

  test('the style follows the language', () => {
    assert.equal(fixText('Он сказал: “привет» и ушёл'), 'Он сказал: «привет» и ушёл');
    assert.equal(fixText('Er sagte “hallo» und ging', { lang: 'de' }), 'Er sagte „hallo“ und ging');
    assert.equal(fixText('Il a dit “ bonjour » et', { lang: 'fr' }), 'Il a dit « bonjour » et');
  });

  test('consistent pairs and unpaired marks stay as they are', () => {
    for (const clean of [
      'He said “hello” and „hallo“ and «bonjour» and »hej« and ”hej” and "hi".',
      '« Bonjour » ; ça va ? Oui !',
      'Он сказал: «Мы „готовы“ к переговорам».',
      "I said ''Did you get my drift?''.",
      'A 12" pipe and a 5\' 10" man said “ok”.',
      'print("\'\'") and x = \'\' if y else "z"',
      '“Unclosed quote running into the next paragraph\n\n“Second paragraph.”',
      "''Life is beautiful\".-.. :-)",
      'She wrote “hello" without damage.',
    ]) {
      assert.equal(fixText(clean), clean);
    }
  });

  test('sloppy mixes without guillemets are repaired only in damaged text', () => {
    assert.equal(fixText('She wrote “hello" & nbsp; twice.'), 'She wrote “hello” twice.');
  });

  test('can be switched off', () => {
    assert.equal(fixText('He said “hello» to me', { fixers: { quotes: false } }), 'He said “hello» to me');
  });
});
