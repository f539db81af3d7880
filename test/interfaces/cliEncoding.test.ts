import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import iconv from 'iconv-lite';
import { runCli } from './runCli.js';

describe('unmangle fix: files that are not UTF-8', () => {
  const dir = mkdtempSync(join(tmpdir(), 'unmangle-enc-'));
  after(() => rmSync(dir, { recursive: true, force: true }));
  const file = (name: string, bytes: Buffer): string => {
    const path = join(dir, name);
    writeFileSync(path, bytes);
    return path;
  };
  const RUSSIAN = 'Привет, как дела? Всё хорошо, спасибо. Это текст на русском языке.\n';

  test('detects the encoding, says which on standard error, and repairs the text', () => {
    const r = runCli(['fix', file('ru.txt', iconv.encode(RUSSIAN, 'windows-1251'))]);
    assert.equal(r.status, 0);
    assert.equal(r.stdout, RUSSIAN);
    assert.match(r.stderr, /^unmangle: .*ru\.txt: not UTF-8; read as windows-1251 \(detected, \d+% confidence\)\n$/);
  });

  test('UTF-16 with and without a byte-order mark', () => {
    const withBom = runCli(['fix', file('bom.txt', Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode('Привет мир\n', 'utf-16le')]))]);
    assert.equal(withBom.stdout, 'Привет мир\n');
    assert.match(withBom.stderr, /read as utf-16le \(byte-order mark\)/);
    const without = runCli(['fix', file('nobom.txt', iconv.encode('Hello “world” — naïve café\n', 'utf-16be'))]);
    assert.equal(without.stdout, 'Hello “world” — naïve café\n');
    assert.match(without.stderr, /read as utf-16be \(NUL bytes every other byte\)/);
  });

  test('--input-encoding overrides detection and is not reported', () => {
    const r = runCli(['fix', '--input-encoding', 'koi8-r', file('koi.txt', iconv.encode(RUSSIAN, 'koi8-r'))]);
    assert.equal(r.status, 0);
    assert.equal(r.stdout, RUSSIAN);
    assert.equal(r.stderr, '');
  });

  test('an unknown --input-encoding, or one with --jsonl, is a usage error', () => {
    assert.equal(runCli(['fix', '--input-encoding', 'no-such-encoding'], 'x').status, 2);
    const r = runCli(['fix', '--jsonl', '--input-encoding', 'latin1'], '{"text":"x"}\n');
    assert.equal(r.status, 2);
    assert.match(r.stderr, /--input-encoding applies to text files/);
  });

  test('a guess below the stated confidence is refused, naming the file, the guess and --input-encoding', () => {
    const cases: Array<[string, Buffer, string]> = [
      ['moscow.txt', iconv.encode('Москва\n', 'windows-1251'), 'windows-1251'],
      ['cafe.txt', iconv.encode('Café\n', 'latin1'), 'latin1'],
      ['greek.txt', iconv.encode('Καλημέρα, πώς είστε σήμερα;\n', 'iso-8859-7'), 'iso-8859-7'],
      ['czech.txt', iconv.encode('Příliš žluťoučký kůň úpěl ďábelské ódy.\n', 'windows-1250'), 'windows-1250'],
      ['ukrainian.txt', iconv.encode('Київ — столиця України, найбільше місто країни.\n', 'windows-1251'), 'windows-1251'],
    ];
    for (const [name, bytes, encoding] of cases) {
      const path = file(name, bytes);
      const r = runCli(['fix', path]);
      assert.equal(r.status, 1, `${name}: ${r.stdout}`);
      assert.equal(r.stdout, '', `${name}: nothing is written`);
      assert.match(
        r.stderr,
        new RegExp(`^unmangle: ${path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: not UTF-8, and its encoding cannot be told \\((best guess \\S+ at \\d+% confidence|no guess but windows-1252), below 30%\\); name it: --input-encoding \\S+ if that is right, or e\\.g\\. --input-encoding windows-1251\\n$`),
      );
      // Named, it is read as it was written.
      const forced = runCli(['fix', '--input-encoding', encoding, path]);
      assert.equal(forced.status, 0, forced.stderr);
      assert.equal(forced.stdout, iconv.decode(bytes, encoding));
    }
  });

  test('binary data without NUL bytes is refused, not printed as text', () => {
    // Bytes of a fixed pseudo-random sequence (no NUL, so the binary check alone would let it through).
    let x = 12345;
    const bytes = Buffer.from(Buffer.alloc(4000, 0).map(() => {
      x = (x * 1103515245 + 12345) % 2 ** 31;
      return 1 + (x % 255);
    }));
    const r = runCli(['fix', file('noise.bin', bytes)]);
    assert.equal(r.status, 1);
    assert.equal(r.stdout, '');
    assert.match(r.stderr, /noise\.bin: not UTF-8, and its encoding cannot be told \(best guess \S+ at \d+% confidence, below 30%\)/);
    assert.equal(r.stderr.split('\n').length, 2, 'one line');
  });

  test('a paragraph in a legacy code page is still read without being named', () => {
    for (const [text, encoding, name] of [
      ['Le café est très bon, à côté de la gare, et la crème brûlée aussi.\n', 'latin1', 'windows-1252'],
      ['Die Bürger von München können sich über schöne Straßen freuen.\n', 'latin1', 'windows-1252'],
      ['Zażółć gęślą jaźń, proszę pana, to jest zdanie po polsku.\n', 'windows-1250', 'windows-1250'],
      ['Η Αθήνα είναι η πρωτεύουσα της Ελλάδας και η μεγαλύτερη πόλη της.\n', 'iso-8859-7', 'ISO-8859-7'],
    ] as const) {
      const r = runCli(['fix', file(`${name}-${text.length}.txt`, iconv.encode(text, encoding))]);
      assert.equal(r.status, 0, r.stderr);
      assert.equal(r.stdout, text);
      assert.match(r.stderr, new RegExp(`read as ${name} \\(detected, \\d+% confidence\\)`));
    }
  });

  test('mojibake inside a UTF-8 file and the ftfy profile', () => {
    const r = runCli(['fix', '--profile', 'ftfy'], '“HÃ´tel” ＡＢ\n');
    assert.equal(r.status, 0);
    assert.equal(r.stdout, '"Hôtel" AB\n');
  });
});
