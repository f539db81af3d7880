import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { applyPlan, fixAndExplain, fixText } from '../../src/index.js';

/** The repair, checked to be idempotent and to replay from its plan. */
function fix(input: string, options?: Parameters<typeof fixText>[1]): string {
  const out = fixText(input, options);
  const { from: _from, ...asText } = options ?? {};
  assert.equal(fixText(out, asText), out, `not idempotent on ${JSON.stringify(input)}`);
  if (options?.from !== 'html') assert.equal(applyPlan(input, fixAndExplain(input, options).steps), out);
  return out;
}

/**
 * A clean sentence with a no-break space or a dash written as a reference, and the same sentence as a
 * translator left it: the `&` became the language's "and" (or `+`, or went). The repair must give the
 * clean sentence back.
 */
const TRANSLATED: ReadonlyArray<[lang: string, damaged: string, clean: string]> = [
  ['en', 'The fee was waived +nbsp; Call us today.', 'The fee was waived Call us today.'],
  ['en', 'The fee was waived  nbsp; Call us today.', 'The fee was waived Call us today.'],
  ['de', 'Der Vertrag wurde am 5. und nbsp; Mai unterzeichnet.', 'Der Vertrag wurde am 5. Mai unterzeichnet.'],
  ['de', 'Die Preise stiegen und mdash; ohne Vorwarnung.', 'Die Preise stiegen — ohne Vorwarnung.'],
  ['fr', 'Le traité a été signé le 5 et nbsp; mai.', 'Le traité a été signé le 5 mai.'],
  ['es', 'Los precios subieron y mdash; sin aviso.', 'Los precios subieron — sin aviso.'],
  ['es', 'El tratado se firmó el 5 y nbsp; de mayo.', 'El tratado se firmó el 5 de mayo.'],
  ['pt', 'O tratado foi assinado em 5 e nbsp; de maio.', 'O tratado foi assinado em 5 de maio.'],
  ['it', 'Il trattato è stato firmato il 5 e nbsp; maggio.', 'Il trattato è stato firmato il 5 maggio.'],
  ['ru', 'Перезагрузка не требуется и нбсп; Сервер работает.', 'Перезагрузка не требуется Сервер работает.'],
  ['ru', 'Договор подписан 5 и nbsp; мая.', 'Договор подписан 5 мая.'],
  ['uk', 'Договір підписано 5 та nbsp; травня.', 'Договір підписано 5 травня.'],
  ['uk', 'Ціни зросли і мдаш; без попередження.', 'Ціни зросли — без попередження.'],
  ['el', 'Η συμφωνία υπεγράφη στις 5 και nbsp; Μαΐου.', 'Η συμφωνία υπεγράφη στις 5 Μαΐου.'],
  ['zh', '价格上涨和mdash;成本下降。', '价格上涨—成本下降。'],
  ['ja', '価格とmdash;コストの問題。', '価格—コストの問題。'],
  ['ko', '가격 및 mdash; 비용 문제.', '가격 — 비용 문제.'],
];

/** Spaces that stand only because the damage put them there, in each language that has them. */
const SPACING: ReadonlyArray<[lang: string, damaged: string, clean: string]> = [
  ['en', 'Prices rose & hellip; Still, nobody sold.', 'Prices rose… Still, nobody sold.'],
  ['en', 'the agency & rsquo;s office', 'the agency’s office'],
  ['en', 'approved by the board &nbsp. Next item.', 'approved by the board. Next item.'],
  ['en', 'Click & lsquo; save all & rsquo;.', 'Click ‘save all’.'],
  ['en', 'He said & ldquo; hello & rdquo; and left.', 'He said “hello” and left.'],
  ['en', 'He said & quot; hello & quot; and left.', 'He said "hello" and left.'],
  ['en', 'See the note & nbsp;: it is short ( & nbsp;really).', 'See the note: it is short (really).'],
  ['de', 'Er sagte & bdquo; hallo & ldquo; und ging nicht mit der Frau.', 'Er sagte „hallo“ und ging nicht mit der Frau.'],
  ['fr', 'Les gens disent & laquo; bonjour & raquo; dans la rue.', 'Les gens disent « bonjour » dans la rue.'],
  ['fr', 'Quoi & nbsp;? Les gens sont dans la rue pour une fois.', 'Quoi ? Les gens sont dans la rue pour une fois.'],
  ['es', 'Los precios subieron & hellip; Luego bajaron.', 'Los precios subieron… Luego bajaron.'],
  ['pt', 'Os preços subiram & hellip; Depois caíram.', 'Os preços subiram… Depois caíram.'],
  ['it', 'Ha detto & laquo; ciao & raquo; e se ne è andato.', 'Ha detto «ciao» e se ne è andato.'],
  ['ru', 'Он сказал & laquo; привет & raquo; и ушёл.', 'Он сказал «привет» и ушёл.'],
  ['uk', 'Він сказав & laquo; привіт & raquo; і пішов.', 'Він сказав «привіт» і пішов.'],
  ['el', 'Είπε & laquo; γεια & raquo; και έφυγε.', 'Είπε «γεια» και έφυγε.'],
  ['zh', '价格上涨 & hellip; 然后下跌。', '价格上涨… 然后下跌。'],
  ['ja', '価格が上がった & hellip; それから下がった。', '価格が上がった… それから下がった。'],
  ['ko', '가격이 올랐다 & hellip; 그리고 내렸다.', '가격이 올랐다… 그리고 내렸다.'],
];

/** Padding inside inline elements, before punctuation or a closing mark and after an opening one. */
const INLINE: ReadonlyArray<[lang: string, html: string, text: string]> = [
  ['en', '<p>See the <em> report </em>, then sign.</p>', 'See the report, then sign.'],
  ['en', '<p>He said <a href="#">this </a>. Next.</p>', 'He said this. Next.'],
  ['uk', '<p>Натисніть «<i> Зберегти </i>».</p>', 'Натисніть «Зберегти».'],
  ['de', '<p>Klicken Sie auf „<b> Speichern </b>“ und dann auf die Taste.</p>', 'Klicken Sie auf „Speichern“ und dann auf die Taste.'],
  ['ru', '<p>Нажмите «<b> Сохранить </b>».</p>', 'Нажмите «Сохранить».'],
  ['es', '<p>Pulse «<b> Guardar </b>».</p>', 'Pulse «Guardar».'],
];

/** Correct text of every language and script, with the characters the rules above look at. */
const CLEAN: ReadonlyArray<[lang: string, text: string]> = [
  ['en', 'AT&T and R&D bought fish & chips; the price : 5. He said “hello” and "bye".'],
  ['en', 'nbsp; is the name of an HTML entity, and so is mdash.'],
  ['en', 'const quot = 1; let nbsp = x && y; if (a < b & c > d) { s = "y"; }'],
  ['en', 'Emoji 😀 & 🎉 ; math a + b ; x : y … and (a) [b].'],
  ['de', 'Müller & Söhne GmbH; Preis: 5 €. Er sagte „Hallo“ und ging.'],
  ['fr', '« Bonjour » ; ça va ? Oui ! Prix : 5 €. Les gens & moi.'],
  ['es', 'Dijo «hola» y se fue; Pérez & Hijos. ¿Qué? ¡Sí!'],
  ['pt', 'NÃO ALTERAR. Ele disse “olá” e saiu; Silva & Filhos.'],
  ['it', 'Ha detto «ciao» e se ne è andato; Rossi & C.'],
  ['ru', 'Он сказал: «Мы „готовы“ к переговорам». Ромео & Джульетта; и т. д.'],
  ['uk', 'Він сказав «привіт» і пішов; Петренко & Ко.'],
  ['el', 'Είπε «γεια» και έφυγε· Παπαδόπουλος & Υιοί.'],
  ['zh', '他说：“你好。”然后走了；A&B公司和C公司。'],
  ['ja', '彼は「こんにちは」と言った。A&B株式会社と取引；'],
  ['ko', '그는 “안녕”이라고 말했다. A&B 주식회사 및 기타; 끝.'],
];

describe('entity names whose & was translated, replaced or dropped', () => {
  for (const [lang, damaged, clean] of TRANSLATED) {
    test(`${lang}: ${damaged}`, () => assert.equal(fix(damaged), clean));
  }

  test('the issue examples', () => {
    assert.equal(fix('subieron y mdash; sin aviso'), 'subieron — sin aviso');
    assert.equal(fix('waived +nbsp; Call'), 'waived Call');
    assert.equal(fix('waived  nbsp; Call'), 'waived Call');
    assert.equal(fix('не требуется и нбсп; Сервер'), 'не требуется Сервер');
  });

  test('a bare name alone is left, the same damage twice is repaired', () => {
    assert.equal(fix('The value nbsp; is a name.'), 'The value nbsp; is a name.');
    assert.equal(fix('Talks in nbsp; Geneva and nbsp; Vienna'), 'Talks in Geneva and Vienna');
  });

  test('in markup the name is written back as a reference, not decoded', () => {
    assert.equal(fix('<p>subieron y mdash; sin aviso</p>'), '<p>subieron &mdash; sin aviso</p>');
  });

  test('can be switched off with the mangled-entity fixer', () => {
    assert.equal(fix('waived +nbsp; Call', { fixers: { mangledEntities: false } }), 'waived +nbsp; Call');
  });
});

describe('spacing left by the damage', () => {
  for (const [lang, damaged, clean] of SPACING) {
    test(`${lang}: ${damaged}`, () => assert.equal(fix(damaged), clean));
  }

  test('the seed sentence: the ellipsis closes the words before it', () => {
    assert.equal(fix("Russia's concerns & hellip; However, the risk"), "Russia's concerns… However, the risk");
  });

  for (const [lang, html, text] of INLINE) {
    test(`HTML ${lang}: ${html}`, () => assert.equal(fix(html, { from: 'html' }), text));
  }

  test('French keeps its spaces inside guillemets and before ; : ! ? in HTML', () => {
    assert.equal(fix('<p>Les gens disent «<i> bonjour </i>» dans la rue.</p>', { from: 'html' }), 'Les gens disent « bonjour » dans la rue.');
    assert.equal(fix('<p>Les gens disent <b>oui </b>! Et les autres <i>non </i>; pour une fois.</p>', { from: 'html' }), 'Les gens disent oui ! Et les autres non ; pour une fois.');
  });
});

describe('quotes after damage', () => {
  test('an opening mark used as the closing one', () => {
    assert.equal(fix('“Great show. “ A. Critic'), '“Great show.” A. Critic');
    assert.equal(fix('<p><b>“Great show. “</b> A. Critic</p>', { from: 'html' }), '“Great show.” A. Critic');
    assert.equal(fix('„Tolle Show. „ Ein Kritiker', { lang: 'de' }), '„Tolle Show.“ Ein Kritiker');
  });

  test('a broken entity after an opening mark used as the closing one keeps its space', () => {
    // The space after an opening mark goes (`“ & nbsp; No` → `“No`), but this mark closes the pair before it.
    assert.equal(fix('“Great show. “ & nbsp; A. Critic'), '“Great show.” A. Critic');
    assert.equal(fix('<b>“Great show. “</b> &nbsp; A. Critic', { from: 'html' }), '“Great show.” A. Critic');
    assert.equal(fix('“Gran espectáculo. “ & nbsp; A. Crítico'), '“Gran espectáculo.” A. Crítico');
    // Controls: after a closed pair the mark opens, and the damage space after it goes.
    assert.equal(fix('He said “yes.” “ & nbsp; No,” she said.'), 'He said “yes.” “No,” she said.');
    assert.equal(fix('He said & nbsp; “ & nbsp; hello,” and left.'), 'He said “hello,” and left.');
  });

  test('ASCII quotes padded by the translator, only where the text shows translation damage', () => {
    assert.equal(fix('the option " verbose " must & nbsp; be set'), 'the option "verbose" must be set');
    assert.equal(fix('the option " verbose " must be set'), 'the option " verbose " must be set');
    assert.equal(fix('Il dit « oui » et & nbsp; les gens « non » dans la rue.'), 'Il dit « oui » et les gens « non » dans la rue.');
  });
});

describe('clean text of every language is left alone', () => {
  for (const [lang, text] of CLEAN) {
    test(`${lang}: ${text}`, () => {
      assert.equal(fixText(text), text);
      assert.equal(fixText(`<p>${text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')}</p>`, { from: 'html' }), text);
    });
  }

  test('inline elements without padding, and padding away from punctuation, stay as written', () => {
    assert.equal(fixText('<p>See <em>the report</em>, then <b> sign </b> here.</p>', { from: 'html' }), 'See the report, then sign here.');
    assert.equal(fixText('<p>« <i>Bonjour</i> » ; dit-il.</p>', { from: 'html' }), '« Bonjour » ; dit-il.');
  });
});
