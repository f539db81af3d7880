import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { fixText } from '../../src/index.js';
import { tempDir } from '../support/tempDir.js';
import { runCli, SEED } from './runCli.js';

const dir = tempDir('unmangle-cli-');
const file = (name: string, content: string | Buffer) => {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
};
const seed = readFileSync(SEED, 'utf8');

/** One line on stderr, no stack trace. */
function assertOneLineError(stderr: string, pattern: RegExp) {
  assert.match(stderr.trimEnd(), pattern);
  assert.equal(stderr.trimEnd().split('\n').length, 1, stderr);
  assert.doesNotMatch(stderr, /\n\s+at /);
}

describe('unmangle fix', () => {
  test('repairs a file to standard output', () => {
    const r = runCli(['fix', SEED]);
    assert.equal(r.status, 0, r.stderr);
    assert.equal(r.stdout, fixText(seed));
    assert.equal(r.stderr, '');
  });

  test('reads standard input, with - or no argument', () => {
    assert.equal(runCli(['fix'], 'a & nbsp; b').stdout, 'a b');
    assert.equal(runCli(['fix', '-'], 'a & mdash; b').stdout, 'a — b');
  });

  test('several files are written one after another', () => {
    const a = file('a.txt', 'one & nbsp; two\n');
    const b = file('b.txt', 'three & hellip;\n');
    assert.equal(runCli(['fix', a, b]).stdout, 'one two\nthree…\n');
  });

  test('--explain prints the steps to stderr, --explain=json as JSON', () => {
    const r = runCli(['fix', '--explain', SEED]);
    assert.equal(r.status, 0);
    assert.equal(r.stdout, fixText(seed));
    assert.match(r.stderr, /000_7569a4d67b0f746e\.txt:3:12 mangledEntities "& nbsp;" → " "/);
    const j = runCli(['fix', '--explain=json', SEED]);
    const parsed = JSON.parse(j.stderr.trim()) as { source: string; steps: Array<{ fixer: string; before: string; after: string }> };
    assert.ok(parsed.source.endsWith('000_7569a4d67b0f746e.txt'));
    assert.ok(parsed.steps.some((s) => s.fixer === 'quotes'));
  });

  test('--explain lists the steps in the order of the text, several fixers interleaved', () => {
    const lines = runCli(['fix', '--explain', SEED]).stderr.trim().split('\n');
    const positions = lines.map((l) => {
      const m = /\.txt:(\d+):(\d+) (\w+)/.exec(l);
      assert.ok(m, `not a step line: ${l}`);
      return { line: Number(m[1]), column: Number(m[2]), fixer: m[3]! };
    });
    for (let i = 1; i < positions.length; i++) {
      const [a, b] = [positions[i - 1]!, positions[i]!];
      assert.ok(a.line < b.line || (a.line === b.line && a.column <= b.column), `${lines[i - 1]} before ${lines[i]}`);
    }
    // The pipeline runs mangledEntities before collateral and quotes; in text order they alternate.
    const fixers = positions.map((p) => p.fixer);
    const firstQuotes = fixers.indexOf('quotes');
    assert.ok(firstQuotes > 0 && fixers.lastIndexOf('mangledEntities') > firstQuotes);
  });

  test('options reach the pipeline', () => {
    assert.equal(runCli(['fix', '--disable', 'collateral'], 'in & nbsp; in particular').stdout, 'in   in particular');
    assert.equal(runCli(['fix', '--keep-nbsp'], '10&nbsp;km').stdout, '10\u00a0km');
    assert.equal(runCli(['fix', '--html-entities', 'always'], '<p>&lt;</p>').stdout, '<p><</p>');
    assert.equal(runCli(['fix', '--lang', 'ru'], 'он “сказал»').stdout, 'он «сказал»');
  });

  test('an empty file gives empty output', () => {
    const r = runCli(['fix', file('empty.txt', '')]);
    assert.equal(r.status, 0);
    assert.equal(r.stdout, '');
  });

  test('bad input: one line naming the file (and line), exit code 1', () => {
    let r = runCli(['fix', join(dir, 'missing.txt')]);
    assert.equal(r.status, 1);
    assertOneLineError(r.stderr, /^unmangle: .*missing\.txt: no such file$/);
    r = runCli(['fix', dir]);
    assert.equal(r.status, 1);
    assertOneLineError(r.stderr, /is a directory/);
    // Files that are not UTF-8 are decoded in a detected encoding; strict UTF-8 is asked for by name.
    r = runCli(['fix', '--input-encoding', 'utf-8', file('latin1.txt', Buffer.from('ok line\nna\xefve caf\xe9\n', 'latin1'))]);
    assert.equal(r.status, 1);
    assertOneLineError(r.stderr, /latin1\.txt:2:3: invalid UTF-8 \(byte 0xEF\)/);
    r = runCli(['fix', file('binary.bin', Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0x0a, 0xff]))]);
    assert.equal(r.status, 1);
    assertOneLineError(r.stderr, /binary\.bin:1: binary data/);
  });

  test('usage errors exit with 2', () => {
    assert.equal(runCli(['fix', '--disable', 'nosuch'], 'x').status, 2);
    assert.equal(runCli(['fix', '--html-entities', 'sometimes'], 'x').status, 2);
    assert.equal(runCli(['fix', '--explain=xml'], 'x').status, 2);
    assert.equal(runCli(['nosuch']).status, 2);
  });

  test('--help documents every option and the exit codes', () => {
    const r = runCli(['fix', '--help']);
    assert.equal(r.status, 0);
    for (const flag of ['--explain', '--jsonl', '--field', '--skip-bad', '--max-line-bytes', '--html-entities', '--keep-nbsp', '--lang', '--disable', '--enable']) {
      assert.ok(r.stdout.includes(flag), flag);
    }
    assert.match(runCli(['--help']).stdout, /Exit codes: 0 done, 1 bad input/);
  });
});

describe('unmangle fix --jsonl', () => {
  const lines = [
    { id: 'a', text: 'Russia and & nbsp; NATO', lang: 'en' },
    { id: 'b', text: 'clean text' },
    { text: 'in & nbsp; in particular', id: 3, nested: { keep: [1, 2] } },
  ];
  const input = lines.map((l) => JSON.stringify(l)).join('\n') + '\n';

  test('one line per input line, same order, every field kept, the field repaired, fixes added', () => {
    const r = runCli(['fix', '--jsonl'], input);
    assert.equal(r.status, 0, r.stderr);
    const out = r.stdout.trimEnd().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    assert.equal(out.length, 3);
    assert.deepEqual(out.map((o) => o.id), ['a', 'b', 3]);
    assert.equal(out[0]!.text, 'Russia and NATO');
    assert.equal(out[0]!.lang, 'en');
    assert.deepEqual(out[0]!.fixes, { total: 2, mangledEntities: 1, collateral: 1 });
    assert.deepEqual(out[1]!.fixes, { total: 0 });
    assert.equal(out[1]!.text, 'clean text');
    assert.deepEqual(out[2]!.nested, { keep: [1, 2] });
    assert.equal(out[2]!.text, 'in particular');
  });

  test('--field names the field; a file without a final newline works', () => {
    const r = runCli(['fix', '--jsonl', '--field', 'body', file('f.jsonl', '{"body":"a & mdash; b"}')]);
    assert.equal(r.status, 0);
    assert.equal(JSON.parse(r.stdout).body, 'a — b');
  });

  test('a bad line stops the run with its line number', () => {
    const bad = `${JSON.stringify(lines[0])}\n{"text": oops}\n${JSON.stringify(lines[1])}\n`;
    const r = runCli(['fix', '--jsonl', file('bad.jsonl', bad)]);
    assert.equal(r.status, 1);
    assertOneLineError(r.stderr, /bad\.jsonl:2: malformed JSON/);
  });

  test('--skip-bad passes bad lines through unchanged, reports each, and goes on', () => {
    const badLines = [
      JSON.stringify(lines[0]),
      '{"text": oops}',
      '{"id": 9}',
      '{"text": 42}',
      '[1,2]',
      Buffer.from('{"text":"caf\xe9"}', 'latin1').toString('latin1'),
      JSON.stringify(lines[2]),
    ];
    const bytes = Buffer.concat(badLines.map((l, i) => Buffer.concat([i === 5 ? Buffer.from(l, 'latin1') : Buffer.from(l), Buffer.from('\n')])));
    const r = runCli(['fix', '--jsonl', '--skip-bad', file('mixed.jsonl', bytes)]);
    assert.equal(r.status, 0, r.stderr);
    const out = r.stdout.split('\n');
    assert.equal(out.length, 8);
    assert.equal(JSON.parse(out[0]!).text, 'Russia and NATO');
    assert.equal(out[1], '{"text": oops}');
    assert.equal(out[2], '{"id": 9}');
    assert.equal(out[3], '{"text": 42}');
    assert.equal(out[4], '[1,2]');
    assert.equal(JSON.parse(out[6]!).text, 'in particular');
    const err = r.stderr.trimEnd().split('\n');
    assert.match(err[0]!, /mixed\.jsonl:2: malformed JSON/);
    assert.match(err[1]!, /mixed\.jsonl:3: no field "text"/);
    assert.match(err[2]!, /mixed\.jsonl:4: field "text" is number, not a string/);
    assert.match(err[3]!, /mixed\.jsonl:5: not a JSON object/);
    assert.match(err[4]!, /mixed\.jsonl:6:\d+: invalid UTF-8/);
    assert.match(err[5]!, /2 records, 2 repaired, 5 bad lines passed through unchanged/);
    // The invalid UTF-8 line comes back byte for byte.
    const raw = runCli(['fix', '--jsonl', '--skip-bad', join(dir, 'mixed.jsonl')]);
    assert.ok(raw.stdout.length > 0);
  });

  test('huge lines: accepted up to the limit, reported beyond it', () => {
    const big = 'alpha & nbsp; beta '.repeat(300_000);
    const r = runCli(['fix', '--jsonl'], JSON.stringify({ text: big }) + '\n');
    assert.equal(r.status, 0);
    // assert.ok, not equal: a failure should not print 6 MB of diff.
    assert.ok(JSON.parse(r.stdout).text === 'alpha beta '.repeat(300_000), 'huge line repaired');
    const limited = runCli(['fix', '--jsonl', '--max-line-bytes', '100'], JSON.stringify({ text: 'x'.repeat(200) }) + '\n');
    assert.equal(limited.status, 1);
    assertOneLineError(limited.stderr, /<stdin>:1: line is longer than 100 bytes/);
  });

  test('blank lines are kept in place and not counted as records', () => {
    const r = runCli(['fix', '--jsonl'], '{"text":"a"}\n\n{"text":"b"}\n');
    assert.deepEqual(r.stdout.split('\n').map((l) => (l ? JSON.parse(l).text : '')), ['a', '', 'b', '']);
  });
});
