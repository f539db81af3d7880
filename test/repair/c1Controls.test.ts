import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fixAndExplain, fixText } from '../../src/index.js';

describe('c1Controls', () => {
  it('reads C1 controls as windows-1252', () => {
    assert.equal(fixText('\u0084Handwerk\u0093 and \u0093quoted\u0094 text\u0085'), '„Handwerk“ and “quoted” text…');
    const out = fixAndExplain('a\u0097b');
    assert.equal(out.text, 'a—b');
    assert.equal(out.steps[0]!.note, 'decode latin-1 as windows-1252: U+0097 → —');
  });
  it('reads them as MacRoman when every one is a letter inside a word there and punctuation in windows-1252', () => {
    assert.equal(fixText('barco tur\u0092stico en Acapulco'), 'barco turístico en Acapulco');
    assert.equal(fixText('Coatl\u0087n conf\u0092an'), 'Coatlán confían');
  });
  it('keeps windows-1252 for apostrophes, dashes and ellipses between letters', () => {
    assert.equal(fixText('don\u0092t'), 'don’t');
    assert.equal(fixText('l\u0092eau'), 'l’eau');
    assert.equal(fixText('film\u0097familiar'), 'film—familiar');
  });
  it('leaves the five bytes windows-1252 does not define, and clean text', () => {
    assert.equal(fixText('x \u0081 y'), 'x \u0081 y');
    for (const text of ['plain text', 'Ünïcödé “quotes” — dashes…', 'Привет']) assert.equal(fixText(text), text);
  });
  it('switches off', () => {
    assert.equal(fixText('a\u0097b', { fixers: { c1Controls: false } }), 'a\u0097b');
  });
});
