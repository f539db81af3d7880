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

  test('mojibake inside a UTF-8 file and the ftfy profile', () => {
    const r = runCli(['fix', '--profile', 'ftfy'], '“HÃ´tel” ＡＢ\n');
    assert.equal(r.status, 0);
    assert.equal(r.stdout, '"Hôtel" AB\n');
  });
});
