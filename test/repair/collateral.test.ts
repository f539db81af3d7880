import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { fixText } from '../../src/index.js';

describe('collateral damage at entity sites', () => {
  test('a word translated on both sides of a destroyed no-break space is kept once', () => {
    assert.equal(fixText('in & nbsp; in particular'), 'in particular');
    assert.equal(fixText('and & nbsp; and & nbsp; deterring'), 'and deterring');
    assert.equal(fixText('for & nbsp; for centuries'), 'for centuries');
    assert.equal(fixText('In & nbsp; in December'), 'In December');
  });

  test('spaces left where an entity stood collapse to one', () => {
    assert.equal(fixText('said & nbsp; he'), 'said he');
    assert.equal(fixText('to & nbsp; & nbsp; other means'), 'to other means');
    assert.equal(fixText('persists, & nbsp; & mdash; said'), 'persists, — said');
    // At a line's start the entities were indentation and keep their width; at its end they go.
    assert.equal(fixText('& nbsp; & nbsp; start\nend & nbsp;\n'), '  start\nend\n');
  });

  test('nothing changes away from the damage', () => {
    const clean = 'He said that that was fine.  Two spaces here stay, and  so do these.';
    assert.equal(fixText(clean), clean);
    assert.equal(fixText(`${clean} Then & nbsp; more.`), `${clean} Then more.`);
  });

  test('a word that differs, a longer word containing the other, or a long word is not a double', () => {
    assert.equal(fixText('Choo & nbsp; Choo'), 'Choo');
    assert.equal(fixText('Berlin & nbsp; Berlin'), 'Berlin');
    assert.equal(fixText('Hamburg & nbsp; Hamburg'), 'Hamburg Hamburg');
    assert.equal(fixText('in & nbsp; inside'), 'in inside');
    assert.equal(fixText('on & nbsp; one'), 'on one');
  });

  test('can be switched off', () => {
    assert.equal(fixText('in & nbsp; in particular', { fixers: { collateral: false } }), 'in   in particular');
  });
});
