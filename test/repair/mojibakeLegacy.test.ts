import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import iconv from 'iconv-lite';
import { applyPlan, fixAndExplain, fixText } from '../../src/index.js';
import { nlpCorpusSentences } from '../support/corpus.js';
import { udhrParagraphs } from '../support/udhr.js';

/**
 * `text` written in code page `written` and read in code page `read` (iconv-lite names). A byte that
 * `read` leaves undefined shows as the C1 character of the same number, as browsers and most web
 * stacks show it.
 */
function misread(text: string, written: string, read: string): string {
  let out = '';
  for (const b of iconv.encode(text, written)) {
    const ch = b < 0x80 ? String.fromCharCode(b) : iconv.decode(Buffer.from([b]), read);
    out += ch === '\ufffd' ? String.fromCharCode(b) : ch;
  }
  return out;
}

/** Whether `text` survives code page `page` (it has no character the page lacks). */
const encodable = (text: string, page: string): boolean => iconv.decode(iconv.encode(text, page), page) === text;

const SENTENCES: Record<string, string> = {
  de: 'Die Größe der Brücke über den Fluss ist für alle Bürger schön.',
  fr: 'La crème brûlée de ma grand-mère était délicieuse à Noël, et nous avons mangé tout le gâteau pendant la soirée.',
  es: 'El niño pequeño comió una manzana en el jardín después de la lección.',
  pt: 'A população da região não aceitou a decisão do governo português, e a questão será discutida na reunião de amanhã.',
  it: 'La città è più bella quando la gente può passeggiare lungo il fiume, perché il traffico è già finito e tutto è più tranquillo.',
  sv: 'Vädret är vackert och barnen leker på ängen bakom skolan.',
  nl: 'Het weer is prachtig en de kinderen spelen op het grasveld achter de school, ook al is het vrijdag en zijn ze moe. Één café, twee ideeën.',
  ca: 'La població de la ciutat va créixer molt després de la guerra, però els habitants més vells encara recorden què hi havia abans.',
  pl: 'Wszyscy ludzie rodzą się wolni i równi pod względem swej godności i swych praw.',
  cs: 'Všichni lidé rodí se svobodní a sobě rovní co do důstojnosti a práv. Jsou nadáni rozumem a svědomím a mají spolu jednat v duchu bratrství.',
  hu: 'Minden emberi lény szabadnak születik és egyenlő méltósága és joga van.',
  sk: 'Všetci ľudia sa rodia slobodní a sú si rovní v dôstojnosti a právach. Sú obdarení rozumom a svedomím a majú spolu jednať v duchu bratstva.',
  sl: 'Vsi ljudje se rodijo svobodni in imajo enako dostojanstvo in enake pravice. Obdarjeni so z razumom in vestjo in bi morali ravnati drug z drugim kakor bratje v duhu bratovščine. Življenje je že čudno.',
  da: 'Alle mennesker er født frie og lige i værdighed og rettigheder. De er udstyret med fornuft og samvittighed, og de bør handle mod hverandre i en broderskabets ånd.',
  fi: 'Kaikki ihmiset syntyvät vapaina ja tasavertaisina arvoltaan ja oikeuksiltaan. Heille on annettu järki ja omatunto, ja heidän on toimittava toisiaan kohtaan veljeyden hengessä.',
  ru: 'Москва является столицей России и крупнейшим городом страны.',
  uk: 'Київ є столицею України та найбільшим містом держави.',
  bg: 'София е столицата и най-големият град на България.',
  sr: 'Београд је главни и највећи град Србије, на ушћу Саве у Дунав.',
  be: 'Усе людзі нараджаюцца свабоднымі і роўнымі ў сваёй годнасці і правах. Яны надзелены розумам і сумленнем і павінны ставіцца адзін да аднаго ў духу брацтва.',
  mk: 'Сите човечки суштества се раѓаат слободни и еднакви по достоинство и права. Тие се обдарени со разум и совест и треба да се однесуваат еден кон друг во духот на братството.',
  el: 'Η Αθήνα είναι η πρωτεύουσα και η μεγαλύτερη πόλη της Ελλάδας.',
};

/** Edit distance in UTF-16 code units, row by row. */
function distance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      row[j] = Math.min(previous[j]! + 1, row[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = row;
  }
  return previous[b.length]!;
}

function assertRepaired(bad: string, good: string): void {
  const out = fixAndExplain(bad);
  assert.equal(out.text, good, bad);
  assert.equal(applyPlan(bad, out.steps), good, `plan of ${bad}`);
}

describe('mojibake, issue #15: the examples', () => {
  const examples: Array<[string, string]> = [
    ['Jo‹o', 'João'],
    ['╔TAT', 'ÉTAT'],
    ['crθme', 'crème'],
    ['CafÅ½', 'Café'],
    ['Ìîñêâà', 'Москва'],
    [misread('Москва', 'koi8-r', 'latin1'), 'Москва'],
    ['Ã¥ret', 'året'],
    ['Le cafĂŠ', 'Le café'],
    ['Ph·∫°m', 'Phạm'],
    [misread('من', 'utf8', 'windows-1252'), 'من'],
    ['ÓÃ»§ÃÜÂë', '用户密码'],
    ['Ç0ü0¿0', 'データ'],
    ['NoĂŤl', 'Noël'],
  ];
  for (const [bad, good] of examples) it(`${bad} → ${good}`, () => assertRepaired(bad, good));

  it('a short Arabic word read as windows-1252', () => {
    for (const word of ['من', 'سلام', 'مرحبا']) assertRepaired(misread(word, 'utf8', 'windows-1252'), word);
  });
});

/**
 * Each confusion of legacy code pages, with the languages its written code page serves (at least five
 * where it serves five; ISO-8859-7 and windows-1253 serve Greek alone, KOI8-R Russian and Bulgarian).
 */
const CONFUSIONS: Array<[written: string, read: string, languages: string[]]> = [
  ['windows-1252', 'macintosh', ['de', 'fr', 'es', 'pt', 'it']],
  ['macintosh', 'windows-1252', ['de', 'fr', 'es', 'pt', 'it', 'ca']],
  ['latin1', 'cp437', ['de', 'fr', 'es', 'pt', 'it']],
  ['cp437', 'windows-1252', ['de', 'es', 'sv', 'nl', 'fi']],
  ['windows-1252', 'cp850', ['de', 'fr', 'es', 'pt', 'it']],
  ['cp850', 'windows-1252', ['de', 'es', 'sv', 'nl', 'ca', 'da', 'fi']],
  ['latin1', 'iso-8859-7', ['de', 'fr', 'es', 'pt', 'sv']],
  ['windows-1252', 'windows-1250', ['fr', 'es', 'pt', 'sv', 'da']],
  ['latin1', 'iso-8859-2', ['fr', 'es', 'pt', 'sv', 'da']],
  ['windows-1250', 'windows-1252', ['pl', 'cs', 'hu', 'sk', 'sl']],
  ['iso-8859-2', 'latin1', ['pl', 'cs', 'hu', 'sk']],
  ['iso-8859-7', 'latin1', ['el']],
  ['windows-1253', 'windows-1252', ['el']],
  ['windows-1251', 'windows-1252', ['ru', 'uk', 'bg', 'sr', 'be', 'mk']],
  ['windows-1251', 'koi8-r', ['ru', 'bg', 'sr']],
  ['koi8-r', 'windows-1252', ['ru', 'bg']],
  ['koi8-r', 'latin1', ['ru', 'bg']],
  ['koi8-r', 'windows-1251', ['ru', 'bg']],
  ['koi8-u', 'windows-1252', ['uk']],
];

describe('mojibake: legacy 8-bit text read in another single-byte code page', () => {
  for (const [written, read, languages] of CONFUSIONS) {
    it(`${written} read as ${read}: ${languages.join(', ')}`, () => {
      for (const lang of languages) {
        const good = SENTENCES[lang]!;
        assert.ok(encodable(good, written), `${lang} in ${written}`);
        const bad = misread(good, written, read);
        assert.notEqual(bad, good);
        assertRepaired(bad, good);
      }
    });
  }

  // Languages whose sentences above read the same through a confusion (German, Dutch and Finnish letters
  // are the same bytes in windows-1252 and windows-1250) or are not among the five: sentences that show it,
  // from the declaration (udhr), and for Dutch one with the ï that the two code pages put apart.
  const MORE: Array<[written: string, read: string, lang: string, sentence: string]> = [
    ['windows-1252', 'windows-1250', 'nl', 'De ruïne van het kasteel werd door geïnteresseerde bezoekers bekeken, en de naïeve gids vertelde over de egoïstische graaf.'],
    ['cp850', 'windows-1252', 'fr', 'Tous les êtres humains naissent libres et égaux en dignité et en droits. Ils sont doués de raison et de conscience et doivent agir les uns envers les autres dans un esprit de fraternité.'],
    ['cp850', 'windows-1252', 'fr', 'Nul ne peut être arbitrairement arrêté, détenu ni exilé.'],
    ['cp850', 'windows-1252', 'pt', 'Considerando que é essencial encorajar o desenvolvimento de relações amistosas entre as nações;'],
    ['cp850', 'windows-1252', 'it', 'Nessun individuo potrà essere arbitrariamente privato della sua cittadinanza, né del diritto di mutare cittadinanza.'],
    ['koi8-u', 'windows-1252', 'be', 'Кожны чалавека мае права на жыццё, на свабоду і на асабістую недатыкальнасць.'],
    ['koi8-u', 'windows-1252', 'mk', 'Тие се обдарени со разум и совест и треба да се однесуваат еден кон друг во духот на општо човечката припадност.'],
  ];
  for (const [written, read, lang, good] of MORE) {
    it(`${written} read as ${read}: ${lang}, ${good.slice(0, 30)}…`, () => {
      assert.ok(encodable(good, written));
      const bad = misread(good, written, read);
      assert.notEqual(bad, good);
      assertRepaired(bad, good);
    });
  }

  it('the declaration of human rights through each confusion: no paragraph made worse, most repaired exactly', () => {
    const udhr = udhrParagraphs();
    const CODES: Record<string, string> = {
      de: 'deu_1996', fr: 'fra', es: 'spa', pt: 'por_PT', it: 'ita', sv: 'swe', nl: 'nld', ca: 'cat', pl: 'pol', cs: 'ces',
      hu: 'hun', sk: 'slk', sl: 'slv', hr: 'hrv', ru: 'rus', uk: 'ukr', bg: 'bul', be: 'bel', sr: 'srp_cyrl', mk: 'mkd', el: 'ell_monotonic',
    };
    // Every language the written code page can hold, not only those above.
    const SERVES: Record<string, string[]> = {
      latin: ['de', 'fr', 'es', 'pt', 'it', 'sv', 'nl', 'ca'],
      central: ['pl', 'cs', 'hu', 'sk', 'sl', 'hr'],
      cyrillic: ['ru', 'uk', 'bg', 'be', 'sr', 'mk'],
      koi8: ['ru', 'bg'],
      greek: ['el'],
    };
    const served = (written: string): string[] =>
      /1250|8859-2/.test(written) ? SERVES.central! : /1251/.test(written) ? SERVES.cyrillic! : /koi8/.test(written) ? SERVES.koi8! : /1253|8859-7/.test(written) ? SERVES.greek! : SERVES.latin!;
    let cases = 0;
    let exact = 0;
    const worse: string[] = [];
    for (const [written, read] of CONFUSIONS) {
      for (const lang of served(written)) {
        const paragraphs = (udhr.get(CODES[lang]!) ?? []).filter((p) => p.length >= 60 && encodable(p, written)).slice(0, 6);
        for (const good of paragraphs) {
          const bad = misread(good, written, read);
          if (bad === good) continue;
          cases++;
          const out = fixText(bad);
          if (out === good) exact++;
          else if (distance(out, good) > distance(bad, good)) worse.push(`${written} read as ${read}, ${lang}:\n${bad}\n${out}`);
        }
      }
    }
    assert.ok(cases > 500, `${cases} cases`);
    // Measured: 368 of 535 (69%); what is left is listed in docs/mojibake.md. One paragraph is made
    // worse, Swedish windows-1252 read as MacRoman, where the UTF-8 pass takes `Â` and a no-break
    // space for one character before the legacy pass sees the text.
    assert.ok(exact >= cases * 0.66, `${exact} of ${cases} repaired exactly`);
    assert.ok(worse.length <= 1, worse.join('\n\n'));
  });

  it('signs at the edges of a word that are letters in the written code page: Ukrainian і, ї; Polish ż', () => {
    assertRepaired(misread('визнання гідності, яка властива всім членам людської сім’ї', 'windows-1251', 'windows-1252'), 'визнання гідності, яка властива всім членам людської сім’ї');
    assertRepaired(misread('Zważywszy, że uznanie przyrodzonej godności oraz równych praw jest podstawą wolności', 'windows-1250', 'windows-1252'), 'Zważywszy, że uznanie przyrodzonej godności oraz równych praw jest podstawą wolności');
  });

  it('words split by a letter that became a separator are joined (MacRoman í, ñ, ó read as ’, –, —)', () => {
    const good = 'El niño pequeño comió una manzana en el jardín después de la lección.';
    const bad = misread(good, 'macintosh', 'windows-1252');
    assert.match(bad, /jard’n/);
    assertRepaired(bad, good);
    // The same separators in correct text of a damaged text stay: `l’homme` is no word as `líhomme`.
    const french = 'Considérant que la méconnaissance et le mépris des droits de l’homme ont conduit à des actes de barbarie.';
    const damaged = misread(french.replace('l’homme', "l'homme"), 'windows-1252', 'macintosh').replace("l'homme", 'l’homme');
    assertRepaired(damaged, french);
  });

  it('a letter that became a separator standing alone follows when it is a frequent word of the text: à read as …', () => {
    const french = 'Tout individu a droit à la vie, à la liberté et à la sûreté de sa personne.';
    for (const [written, read] of [['cp850', 'windows-1252'], ['latin1', 'cp437']] as const) {
      assertRepaired(misread(french, written, read), french);
      assertRepaired(misread(SENTENCES.fr!, written, read), SENTENCES.fr!);
    }
    // An ellipsis or dash between spaces in correct text stays, in French and in English.
    for (const clean of ['Il attendait … puis partit. Très bien, à demain.', 'Et alors … rien. Le café était froid — très froid.', 'Wait … what? Café – later.']) {
      assert.equal(fixText(clean), clean);
    }
  });

  it('KOI8-R and windows-1251 read as each other: case swapped, short words follow the text', () => {
    for (const [written, read] of [['windows-1251', 'koi8-r'], ['koi8-r', 'windows-1251']] as const) {
      const good = SENTENCES.ru!;
      assertRepaired(misread(good, written, read), good);
    }
  });

  it('such a layer under a UTF-8 one', () => {
    for (const word of ['Café', 'São']) assertRepaired(misread(misread(word, 'macintosh', 'windows-1252'), 'utf8', 'windows-1252'), word);
  });

  it('names the confusion', () => {
    assert.equal(fixAndExplain('Jo‹o').steps[0]!.note, 'encode windows-1252 → decode macroman');
  });
});

describe('mojibake: short UTF-8 mojibake with little evidence', () => {
  it('repairs it when all of the text is consistent with it', () => {
    assertRepaired('Det var Ã¥ret', 'Det var året');
    assertRepaired(misread('Le café noir', 'utf8', 'iso-8859-2'), 'Le café noir');
    assertRepaired(misread('Phạm Thị', 'utf8', 'macintosh'), 'Phạm Thị');
    assertRepaired(misread('Trần Văn', 'utf8', 'macintosh'), 'Trần Văn');
  });
  it('leaves it when a correct character elsewhere says the text is not mojibake', () => {
    assert.equal(fixText('Bremer/Mccoy – DrÃ¥ber'), 'Bremer/Mccoy – DrÃ¥ber');
  });
});

describe('mojibake: East Asian double-byte text', () => {
  it('a code page found for long runs is tried on the short ones (EUC-KR)', () => {
    for (const line of ['제목: 서울 날씨 맑음, 기온 20도', '사용자 이름: 홍길동 (관리자)', '오류 코드 404: 페이지를 찾을 수 없음']) {
      assertRepaired(misread(line, 'euc-kr', 'windows-1252'), line);
    }
  });
  it('a code page carried to a short run must fit it there: typography stays, rare extension characters are not taken', () => {
    // GBK found for the long run would read `““` as 摀 and `ŸŸ` as a character of its extension.
    for (const marks of ['““““', '””', '——', '‘‘’’', '…•…', 'ŸŸ', '««««']) {
      assert.equal(fixText(`${marks} x ÓÃ»§ÃÜÂë`), `${marks} x 用户密码`, marks);
      assert.equal(fixText(`${marks} x`), `${marks} x`, marks);
    }
    // The same with a Korean line read as windows-1252: the quotes are the writer's.
    const korean = misread('제목: 서울 날씨 맑음, 기온 20도', 'euc-kr', 'windows-1252');
    assert.equal(fixText(`““““ ${korean}`), '““““ 제목: 서울 날씨 맑음, 기온 20도');
    // A short run that is a common character of the code page still follows it.
    assertRepaired(misread('用户名或密码错误: 中', 'gbk', 'windows-1252'), '用户名或密码错误: 中');
  });
  it('GBK read as Latin-1 or windows-1252', () => {
    for (const line of ['用户名或密码错误, 请重试', '文件未找到: 请检查路径']) assertRepaired(misread(line, 'gbk', 'windows-1252'), line);
  });
  it('UTF-8 read as GBK with GBK symbols in the damage', () => {
    // Strings of an even number of UTF-8 bytes, so that GBK loses none of them.
    for (const text of ['表格线╁连接', '价格▼下降了', '气温℃很高吗']) {
      assert.equal(Buffer.byteLength(text) % 2, 0);
      assertRepaired(misread(text, 'utf8', 'gbk'), text);
    }
  });
  it('UTF-16LE read as Latin-1: kana with their 0 byte, Latin letters with their NUL', () => {
    for (const text of ['データ', 'ファイル', 'コンピューター']) assertRepaired(iconv.decode(iconv.encode(text, 'utf16le'), 'latin1'), text);
    for (const text of ['Café', 'Größe']) assertRepaired(iconv.decode(iconv.encode(text, 'utf16le'), 'latin1'), text);
    assert.equal(fixText('10000 and 3000 0x30303030'), '10000 and 3000 0x30303030');
    // Digits and dashes before a 0 would read as CJK marks (〲〰ゖ), not kana: numbers, left alone.
    for (const clean of ['Early in the 2000–01 season', 'in 2000—05', '2000–01–02', 'Saison 2000–01 und 2010–11', 'temporada 1990–2000–2010', 'сезон 2000–01 годов', 'scores of 1–0, 2–0 and 3–0', 'pages 100–200 and 3000–4000']) {
      assert.equal(fixText(clean), clean);
    }
  });
});

describe('mojibake: repaired spans in NFC, wrong decodes rejected', () => {
  it('a name written on macOS (decomposed) comes back composed; correct decomposed text stays', () => {
    for (const name of ['José', 'Müller', 'François', 'Ibáñez', 'João']) {
      assertRepaired(Buffer.from(name.normalize('NFD'), 'utf8').toString('latin1'), name);
    }
    const decomposed = 'Jose\u0301 and Zu\u0308rich';
    assert.equal(fixText(decomposed), decomposed);
  });
  it('ISO-8859-2 where windows-1250 would give a capital inside a word', () => {
    assertRepaired('NoĂŤl', 'Noël');
  });
  it('a lone word: no decode that puts a rare Cyrillic letter into a Latin word (`GrӇe`)', () => {
    for (const word of ['Größe', 'Grüße', 'schön']) {
      const bad = misread(word, 'cp437', 'windows-1252');
      const out = fixText(bad);
      assert.doesNotMatch(out, /[\u0460-\u052f]/, `${bad} → ${out}`);
    }
    assertRepaired(misread('Größe', 'cp437', 'windows-1252'), 'Größe');
  });
  it('no code page is chosen for the rest of a character whose first byte was lost to `?` (`Tha?±kful`)', () => {
    for (const lost of ['Wonderf??l Wednesday, Tha?±kful Thursday', 'Fr?¶hliche Weihnachten und ein gutes neues Jahr', 'S?£o Paulo e Bras?\ufffdlia']) {
      assert.doesNotMatch(fixText(lost), /[ąĄśŚźŹ]/u, lost);
    }
  });
  it('a lone word that windows-1250 and ISO-8859-2 both make plausible: the more common confusion (Slovak `ľudia`)', () => {
    for (const word of ['ľudia', 'ľud', 'ľahko']) assertRepaired(misread(word, 'windows-1250', 'windows-1252'), word);
  });
});

/** Clean text of the languages of #15 and of every script. */
const CLEAN: Record<string, string> = {
  ...SENTENCES,
  en: 'The café served crème brûlée; the naïve fiancée said “thanks” — and left…',
  ja: '日本語のテキストです。データベースに接続できません。',
  zh: '简体中文，正體中文：用户名或密码错误。',
  ko: '한국어 텍스트: 데이터베이스 연결 실패.',
  portugueseCapitals: 'NÃO SEI, SÓ… C O N C L U S Ã O',
  frenchTypography: '« Bonjour » ; dit-il : « ça va ? » — oui !',
  polish: 'Zażółć gęślą jaźń. Łódź, Kraków i Gdańsk.',
  czech: 'Příliš žluťoučký kůň úpěl ďábelské ódy.',
  icelandic: 'Þjóðin og frelsið: ævintýri á Íslandi.',
  turkish: 'İstanbul’da ağaçlar ve çiçekler güzeldir.',
  vietnamese: 'Tiếng Việt có dấu: Nguyễn Phạm.',
  arabic: 'مرحبا بالعالم، هذا نص عربي.',
  hebrew: 'שלום עולם, זה טקסט בעברית.',
  emoji: 'He said “hi” 😀👍🏽 and left ❤',
  math: 'For x ≥ 0, √π ≈ 1.772, 5 × 3 ± ½, 10°C, m², note¹',
  code: 'if (a && b) { x = y["é"] ?? 0; } // ©2024 Smith™ — Microsoft®',
  boxDrawing: '╔═══╗\n║ A ║\n╚═══╝',
  nul: 'a\u0000b',
};

describe('mojibake: clean text is left alone', () => {
  for (const [name, text] of Object.entries(CLEAN)) {
    it(name, () => assert.equal(fixText(text), text));
  }

  it('property: the whole pipeline leaves nlp-corpus sentences and the declaration of human rights in the languages of #15 (and those of the code pages above) unchanged', () => {
    for (const s of nlpCorpusSentences(5000)) {
      if (/[\u0080-\u009f]|&[#a-z0-9]+;/i.test(s)) continue;
      const out = fixAndExplain(s).steps.filter((step) => step.fixer === 'mojibake');
      assert.deepEqual(out, [], s);
    }
    const udhr = udhrParagraphs();
    const codes = ['eng', 'deu_1996', 'fra', 'spa', 'por_PT', 'por_BR', 'ita', 'rus', 'ukr', 'ell_monotonic', 'cmn_hans', 'cmn_hant', 'jpn', 'kor', 'pol', 'ces', 'hun', 'slk', 'slv', 'hrv', 'swe', 'nld', 'cat', 'bul', 'bel', 'srp_cyrl', 'mkd', 'tur', 'vie', 'arb', 'heb', 'hin', 'tha', 'kat', 'hye', 'amh'];
    let paragraphs = 0;
    for (const code of codes) {
      for (const p of udhr.get(code) ?? []) {
        paragraphs++;
        assert.equal(fixText(p), p, `${code}: ${p}`);
      }
    }
    assert.ok(paragraphs > 3000, `${paragraphs} paragraphs`);
  });

  it('property: in all 500+ languages of the declaration, mojibake repair changes next to no paragraph', () => {
    let paragraphs = 0;
    const changed: string[] = [];
    for (const [code, list] of udhrParagraphs()) {
      for (const p of list) {
        paragraphs++;
        if (fixAndExplain(p).steps.some((s) => s.fixer === 'mojibake')) changed.push(`${code}: ${p.slice(0, 60)}`);
      }
    }
    assert.ok(paragraphs > 40000);
    // Measured: 8 of 47,543, in orthographies outside the model (Ladin, Dendi, Franco-Provençal, Yagua
    // `£` inside words) where the letters are those of another code page's damage.
    assert.ok(changed.length <= paragraphs / 2000, changed.join('\n'));
  });
});
