import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { fixText } from '../../src/index.js';
import { tempDir } from '../support/tempDir.js';
import { runCli, SEED } from './runCli.js';

const dir = tempDir('unmangle-fix-large-');
const seed = readFileSync(SEED, 'utf8');

describe('unmangle fix on a large file (streamed through the corpus engine)', () => {
  test('gives the text the whole-document path gives, in order, when the file is one piece', () => {
    const path = join(dir, 'seed.txt');
    writeFileSync(path, seed);
    // --stream-from makes this small file take the streaming path.
    const r = runCli(['fix', path, '--stream-from', '1000']);
    assert.equal(r.status, 0, r.stderr);
    assert.equal(r.stdout, fixText(seed));
    assert.equal(r.stderr, '');
  });

  test('many pieces come out in input order, line breaks (CRLF too) kept', () => {
    const lines = Array.from({ length: 20_000 }, (_, i) => (i % 7 === 0 ? `line ${i} & nbsp; here` : `line ${i}, clean`));
    const path = join(dir, 'many.txt');
    writeFileSync(path, lines.join('\r\n'));
    const r = runCli(['fix', path, '--stream-from', '1000']);
    assert.equal(r.status, 0, r.stderr);
    const out = r.stdout.split('\r\n');
    assert.equal(out.length, lines.length);
    out.forEach((line, i) => assert.equal(line, fixText(lines[i]!), `line ${i + 1}`));
  });

  test('invalid UTF-8 after the first piece stops with file, line and column; what came before is written', () => {
    const good = Array.from({ length: 10_000 }, (_, i) => `clean line ${i}`).join('\n') + '\n';
    const path = join(dir, 'bad.txt');
    writeFileSync(path, Buffer.concat([Buffer.from(good), Buffer.from('ab'), Buffer.from([0xff]), Buffer.from('\nmore\n')]));
    const r = runCli(['fix', path, '--stream-from', '1000']);
    assert.equal(r.status, 1);
    assert.match(r.stderr.trimEnd(), /^unmangle: .*bad\.txt:10001:3: invalid UTF-8 \(byte 0xFF\); not UTF-8 text$/);
    assert.ok(good.startsWith(r.stdout) && r.stdout.length > 0, 'the pieces before the bad one are written');
  });
});
