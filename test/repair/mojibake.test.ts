import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import iconv from 'iconv-lite';
import { applyPlan, fixAndExplain, fixText, FIXER_NAMES, type FixOptions } from '../../src/index.js';
import { mojibake } from '../../src/repair/fixers/mojibake.js';
import { resolveOptions } from '../../src/repair/options.js';

const ONLY_MOJIBAKE: FixOptions = { fixers: Object.fromEntries(FIXER_NAMES.map((n) => [n, n === 'mojibake'])) };

/** What a UTF-8 text looks like after being read in `encoding` (iconv-lite's name). */
const misread = (text: string, encoding: string): string => iconv.decode(Buffer.from(text, 'utf8'), encoding);

const SAMPLES: Record<string, string> = {
  french: 'Le barème forfaitaire permet l’évaluation des frais de déplacement — « déjà vu »',
  german: 'Zürich, Straße, Größe und Übermut',
  portuguese: 'NÃO, atenção às crianças e àquele pão',
  russian: 'Привет, как дела? Всё хорошо, спасибо.',
  ukrainian: 'Україна — держава у Східній Європі; їжак і ґанок.',
  greek: 'Ελληνικά γράμματα: αβγδ, ΆΈΉ',
  czech: 'Příliš žluťoučký kůň úpěl ďábelské ódy',
  turkish: 'Türkçe karakterler: ğüşıöç İĞÜŞ, İstanbul',
  vietnamese: 'Tiếng Việt có dấu: Tại sao giá hạt sầu riêng lại lên giá?',
  japanese: '日本語のテキストです。',
  chinese: '简体中文，正體中文',
  korean: '한국어 텍스트',
  emoji: 'He said “hi” 😀👍🏽 and left ❤',
  math: 'For x ≥ 0, √π ≈ 1.772, ∑ 2⁻ⁿ = 1, 5 × 3 ± ½',
  kaomoji: '(╯°□°)╯︵ ┻━┻ and ¯\\_(ツ)_/¯ and ( ͡° ͜ʖ ͡°)',
};

describe('mojibake: correct text in any language is left alone', () => {
  for (const [name, text] of Object.entries(SAMPLES)) {
    it(name, () => {
      assert.equal(fixText(text), text);
      assert.deepEqual(mojibake.apply(text, { options: resolveOptions(), sites: [], isMarkup: false, explain: false }), []);
    });
  }
  it('suspicious but correct: Portuguese capitals, stylised capitals, box drawing, ¬ and ´', () => {
    for (const text of [
      'C O N C L U S Ã O',
      'NÃO SEI, SÓ…',
      'MISUTÂ AJIKKO',
      '├┤a┼┐a┼┐a┼┐a',
      'OK??:(   `¬´    ):',
      '(-1/2)! = √π',
      'ВІКІ is Ukrainian for WIKI',
      'Offering 5×£35 pin ups',
      'Connect with Āø on Facebook',
      'a radius of 10 Å—',
      'Join ZZAJÉ’s Official Fan List',
      'Bremer/Mccoy – DrÃ¥ber',
    ]) {
      assert.equal(fixText(text), text, text);
    }
  });
});

describe('mojibake: UTF-8 read in a single-byte code page', () => {
  const pages = ['latin1', 'windows-1252', 'windows-1250', 'windows-1251', 'windows-1253', 'windows-1254', 'windows-1257', 'iso-8859-2', 'macintosh', 'cp437', 'koi8-r', 'koi8-u', 'cp866'];
  for (const page of pages) {
    it(page, () => {
      let tried = 0;
      for (const [name, text] of Object.entries(SAMPLES)) {
        const bad = misread(text, page);
        if (bad.includes('\ufffd') || name === 'math' || name === 'kaomoji') continue;
        tried++;
        assert.equal(fixText(bad), text, `${name}: ${bad}`);
      }
      assert.ok(tried >= 1);
    });
  }
});

describe('mojibake: layers, mixtures and damaged bytes', () => {
  it('repairs several layers and names the chain', () => {
    const twice = misread(misread('doesn’t', 'windows-1252'), 'windows-1252');
    assert.equal(twice, 'doesnÃ¢â‚¬â„¢t');
    const out = fixAndExplain(`The Mona Lisa ${twice} have eyebrows.`, ONLY_MOJIBAKE);
    assert.equal(out.text, 'The Mona Lisa doesn’t have eyebrows.');
    assert.equal(out.steps.length, 1);
    assert.equal(out.steps[0]!.before, 'Ã¢â‚¬â„¢');
    assert.equal(out.steps[0]!.note, 'encode windows-1252 → decode utf-8 → encode windows-1252 → decode utf-8');
  });

  it('fixes bad segments and keeps correct text around them', () => {
    const text = `Le café est ${misread('très', 'windows-1252')} bon, l’${misread('été', 'windows-1252')} aussi — et ça reste.`;
    assert.equal(fixText(text), 'Le café est très bon, l’été aussi — et ça reste.');
  });

  it('edits only what changed, with the decoded text as `after`, and the plan replays', () => {
    const input = 'Hôtel: HÃ´tel de Police, rÃ©gime Ã©quilibrÃ©.';
    const out = fixAndExplain(input);
    assert.equal(out.text, 'Hôtel: Hôtel de Police, régime équilibré.');
    assert.deepEqual(
      out.steps.map((s) => [s.before, s.after]),
      [['Ã´', 'ô'], ['Ã©', 'é'], ['Ã©', 'é'], ['Ã©', 'é']],
    );
    assert.ok(out.steps.every((s) => s.note === 'encode latin-1 → decode utf-8'));
    assert.equal(applyPlan(input, out.steps), out.text);
  });

  it('decodes CESU-8 and Java modified UTF-8', () => {
    // 😍 as two encoded surrogates (ED A0 BD ED B8 8D), read as Latin-1.
    const cesu = Buffer.from([0xed, 0xa0, 0xbd, 0xed, 0xb8, 0x8d]).toString('latin1');
    assert.equal(fixText(`Hi guys ${cesu}`), 'Hi guys 😍');
    const javaNul = Buffer.from([0x41, 0xc0, 0x80, 0xc3, 0xa9]).toString('latin1');
    assert.equal(fixText(`x ${javaNul}tÃ© y`, ONLY_MOJIBAKE), 'x A\u0000été y');
  });

  it('puts back a no-break space lost to a space, or swallowed with the space after it', () => {
    assert.equal(fixText('voilÃ le travail'), 'voilà le travail');
    assert.equal(fixText('com especial atenÃ§Ã£o Ã s crianÃ§as'), 'com especial atenção às crianças');
    assert.equal(fixText('Ð ÑƒÑÑÐºÐ¸Ð¹'.replace('ÑÑ', 'Ñ\u0081Ñ\u0081')), 'Русский');
    assert.equal(fixText('semelhante Ã quele observado'), 'semelhante àquele observado');
  });

  it('turns sequences with a lost byte into U+FFFD, and can be told not to', () => {
    assert.equal(fixText('â€œlossy decodingâ€�', { guessLostBytes: false }), '“lossy decoding�');
    assert.equal(fixText('SlovenÄ�ina'), 'Sloven�ina');
    assert.equal(fixText('SlovenÄ�ina', { replaceLossySequences: false }), 'SlovenÄ�ina');
  });

  it('puts back a lost byte where it can only have been one thing (not in the ftfy profile)', () => {
    const out = fixAndExplain('â€œlossy decodingâ€�');
    assert.equal(out.text, '“lossy decoding”');
    assert.match(out.steps[0]!.note!, /guessing lost bytes/);
    // Between emoji, the lost byte was the zero-width joiner of an emoji sequence.
    assert.equal(fixText('family ðŸ‘¨â€�ðŸ‘©â€�ðŸ‘§ here'), 'family 👨\u200d👩\u200d👧 here');
    // A question mark may have replaced any byte: no guess.
    assert.equal(fixText('upgraded to â€œbb+â€? from'), 'upgraded to “bb+� from');
    assert.equal(fixText('â€œlossy decodingâ€�', { profile: 'ftfy' }), '"lossy decoding�');
  });

  it('can be told not to restore byte A0', () => {
    assert.equal(fixText('voilÃ le travail', { restoreByteA0: false }), 'voilÃ le travail');
  });

  it('switches off', () => {
    assert.equal(fixText('HÃ´tel', { fixers: { mojibake: false } }), 'HÃ´tel');
  });
});

describe('mojibake: East Asian double-byte confusions', () => {
  /** Legacy double-byte text read as windows-1252, as a browser shows it (undefined bytes as C1). */
  const asWindows1252 = (text: string, encoding: string): string =>
    [...iconv.encode(text, encoding)]
      .map((b) => {
        const ch = iconv.decode(Buffer.from([b]), 'windows-1252');
        return ch === '\ufffd' ? String.fromCharCode(b) : ch;
      })
      .join('');

  const legacy: Array<[string, string]> = [
    ['gbk', '你好世界，这是一个测试。'],
    ['gbk', '他们在北京的大学里学习中文和数学'],
    ['big5', '你好世界，這是一個測試。'],
    ['shift_jis', '日本語のテキストです。'],
    ['shift_jis', '東京都の天気は晴れです'],
    ['euc-kr', '대한민국의 수도는 서울입니다'],
    ['euc-kr', '한국어 텍스트입니다'],
  ];
  for (const [encoding, text] of legacy) {
    it(`${encoding} read as windows-1252: ${text}`, () => {
      const out = fixAndExplain(`Title: ${asWindows1252(text, encoding)} (2024)`, ONLY_MOJIBAKE);
      assert.equal(out.text, `Title: ${text} (2024)`);
      assert.equal(out.steps[0]!.note, `encode windows-1252 → decode ${encoding}`);
    });
  }

  it('UTF-8 read as GBK, including a last character that lost a byte', () => {
    assert.equal(fixText(`mixed ${misread('你好世界', 'gbk')} and text`), 'mixed 你好世界 and text');
    assert.equal(fixText(misread('这是一个测试，我们来看看。', 'gbk')), '这是一个测试，我们来看看�');
    assert.equal(fixText(misread('日本語のテキストです。', 'gbk')), '日本語のテキストです�');
  });

  it('leaves correct CJK text and runs of Latin-1 letters alone', () => {
    for (const text of [
      '中华人民共和国成立于一九四九年，首都北京。',
      '简体中文，正體中文，日本語のテキスト，한국어',
      'ÄÖÜß àéèê ÆØÅ æøå',
      '©®±²³µ¶·¸¹º»¼½¾¿',
    ]) {
      assert.equal(fixText(text), text, text);
    }
  });
});
