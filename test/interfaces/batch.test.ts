import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { spawnSync } from 'node:child_process';
import { describe, test } from 'node:test';
import { fixText } from '../../src/index.js';
import { jsonlRecords, parseJsonl, scratch } from './batchSupport.js';
import { runCli } from './runCli.js';

const { dir, file } = scratch('unmangle-batch-');

describe('unmangle batch: JSON lines', () => {
  test('repairs the field, keeps the record, adds source, line, fixes and damage', () => {
    const input = file('small.jsonl', '{"id":"a","text":"one & nbsp; two","lang":"en"}\n{"id":"b","text":"clean"}\n');
    const r = runCli(['batch', input, '--workers', '1']);
    assert.equal(r.status, 0, r.stderr);
    const [a, b] = parseJsonl(r.stdout);
    assert.equal(a!.text, 'one two');
    assert.equal(a!.lang, 'en');
    assert.equal(a!.unmangle.source, input);
    assert.equal(a!.unmangle.line, 1);
    assert.equal(a!.unmangle.fixes.total, 2);
    assert.equal(a!.unmangle.fixes.mangledEntities, 1);
    // two repairs in 15 characters
    assert.equal(a!.unmangle.damage, 133.33);
    assert.deepEqual(b!.unmangle.fixes, { total: 0 });
    assert.equal(b!.unmangle.damage, 0);
  });

  test('an unchanged record is written as it came, with the metadata appended', () => {
    const input = file('verbatim.jsonl', '{ "text" : "clean caf\\u00e9", "n": 1.50 } \n\ufeff{"text":"bom"}\n{"text":"x","unmangle":1}\n');
    const r = runCli(['batch', input, '--workers', '1']);
    assert.equal(r.status, 0, r.stderr);
    const lines = r.stdout.split('\n');
    assert.equal(lines[0], `{ "text" : "clean caf\\u00e9", "n": 1.50 ,"unmangle":{"source":${JSON.stringify(input)},"line":1,"fixes":{"total":0},"damage":0}}`);
    // a byte-order mark is not repeated, and a record's own "unmangle" field is replaced, not duplicated
    assert.equal(lines[1], `{"text":"bom","unmangle":{"source":${JSON.stringify(input)},"line":2,"fixes":{"total":0},"damage":0}}`);
    assert.equal(JSON.parse(lines[2]!).unmangle.line, 3);
    assert.equal((lines[2]!.match(/"unmangle"/g) ?? []).length, 1);
  });

  test('a repaired record gets its metadata last, or in the place of its own "unmangle" field', () => {
    const input = file('repaired.jsonl', '{"id":1,"text":"a & nbsp; b"}\n{"unmangle":"old","text":"a & mdash; b","z":[1]}\n');
    const r = runCli(['batch', input, '--workers', '1']);
    assert.equal(r.status, 0, r.stderr);
    const meta = (line: number) => `{"source":${JSON.stringify(input)},"line":${line},"fixes":{"total":2,"mangledEntities":1,"collateral":1},"damage":`;
    const [first, second] = r.stdout.split('\n');
    assert.ok(first!.startsWith(`{"id":1,"text":"a b","unmangle":${meta(1)}`), first);
    assert.ok(second!.startsWith(`{"unmangle":{"source":${JSON.stringify(input)},"line":2,"fixes":{"total":1,"mangledEntities":1},"damage":`), second);
    assert.ok(second!.endsWith('},"text":"a — b","z":[1]}'), second);
  });

  test('output keeps input order over many chunks and workers; --unordered keeps the set', () => {
    const input = file('many.jsonl', jsonlRecords(3000));
    const r = runCli(['batch', input, '--workers', '2', '--chunk-records', '7']);
    assert.equal(r.status, 0, r.stderr);
    const out = parseJsonl(r.stdout);
    assert.deepEqual(out.map((o) => o.id), [...Array(3000).keys()]);
    const expected = parseJsonl(jsonlRecords(3000)).map((o) => fixText(o.text));
    assert.deepEqual(out.map((o) => o.text), expected);
    const u = runCli(['batch', input, '--workers', '2', '--chunk-records', '7', '--unordered']);
    assert.equal(u.status, 0, u.stderr);
    assert.deepEqual(parseJsonl(u.stdout).map((o) => o.id!).sort((x, y) => x - y), [...Array(3000).keys()]);
  });

  test('--field names the text field; standard input works', () => {
    const r = runCli(['batch', '--field', 'body', '--workers', '1'], '{"body":"a & mdash; b"}\n');
    assert.equal(r.status, 0, r.stderr);
    const [rec] = parseJsonl(r.stdout) as unknown as Array<{ body: string; unmangle: { source: string } }>;
    assert.equal(rec!.body, 'a — b');
    assert.equal(rec!.unmangle.source, '<stdin>');
  });

  test('.gz and .zst inputs are read transparently', () => {
    const content = jsonlRecords(200);
    const plain = runCli(['batch', file('c.jsonl', content), '--workers', '1']).stdout;
    const gz = runCli(['batch', file('c2.jsonl.gz', gzipSync(content)), '--workers', '1']);
    assert.equal(gz.status, 0, gz.stderr);
    const strip = (s: string) => parseJsonl(s).map((o) => ({ ...o, unmangle: { ...o.unmangle, source: '' } }));
    assert.deepEqual(strip(gz.stdout), strip(plain));
    const zstd = spawnSync('zstd', ['-q', '-f', join(dir, 'c.jsonl'), '-o', join(dir, 'c3.jsonl.zst')]);
    if (zstd.error || zstd.status !== 0) return; // no zstd tool to make the file with
    const zst = runCli(['batch', join(dir, 'c3.jsonl.zst'), '--workers', '1']);
    assert.equal(zst.status, 0, zst.stderr);
    assert.deepEqual(strip(zst.stdout), strip(plain));
  });

  test('summary: in = out + rejected, per fixer, also as JSON', () => {
    const input = file('sum.jsonl', '{"text":"a & nbsp; b"}\n{"text":"clean"}\nnot json\n\n{"text":"x & hellip;"}\n');
    const summaryFile = join(dir, 'summary.json');
    const r = runCli(['batch', input, '--workers', '1', '--summary', summaryFile]);
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stderr, /4 records in, 3 out \(2 repaired, 1 unchanged\), 1 rejected/);
    assert.match(r.stderr, /fixes: mangledEntities 2/);
    const s = JSON.parse(readFileSync(summaryFile, 'utf8')) as { records: Record<string, number>; fixes: Record<string, number>; balanced: boolean; rejects: Array<{ where: string }> };
    assert.deepEqual([s.records.in, s.records.out, s.records.repaired, s.records.unchanged, s.records.rejected], [4, 3, 2, 1, 1]);
    assert.equal(s.fixes.mangledEntities, 2);
    assert.equal(s.balanced, true);
    assert.equal(s.rejects[0]!.where, `${input}:3`);
  });

  test('progress is off when stderr is not a terminal, on with --progress', () => {
    const input = file('p.jsonl', jsonlRecords(50));
    const quietish = runCli(['batch', input, '--workers', '1']);
    assert.doesNotMatch(quietish.stderr, /\r|records\/s ·/);
    assert.equal(quietish.stderr.split('\n').filter(Boolean).length, 3, quietish.stderr);
    const forced = runCli(['batch', input, '--workers', '1', '--progress']);
    assert.match(forced.stderr, /\r\x1b\[K50 records · /);
  });

  test('an empty file gives no records and a summary', () => {
    const r = runCli(['batch', file('empty.jsonl', ''), '--workers', '1']);
    assert.equal(r.status, 0, r.stderr);
    assert.equal(r.stdout, '');
    assert.match(r.stderr, /0 records in, 0 out/);
  });
});

describe('unmangle batch: bad records', () => {
  const bad = Buffer.concat([
    Buffer.from('{"id":1,"text":"good & nbsp; one"}\n'),
    Buffer.from('{"id":2,"text":"broken\n'),
    Buffer.from('{"id":3}\n'),
    Buffer.from('{"id":4,"text":"caf'),
    Buffer.from([0xe9]),
    Buffer.from('"}\n[1,2]\n'),
    Buffer.from(`{"id":6,"text":"${'x'.repeat(5000)}"}\n`),
    Buffer.from('{"id":7,"text":"good two"}\n'),
  ]);

  test('are reported with file and line, written verbatim to --rejects, and the run goes on', () => {
    const input = file('bad.jsonl', bad);
    const rejects = join(dir, 'rejects.jsonl');
    const r = runCli(['batch', input, '--workers', '1', '--rejects', rejects, '--max-line-bytes', '1000']);
    assert.equal(r.status, 0, r.stderr);
    assert.deepEqual(parseJsonl(r.stdout).map((o) => o.id), [1, 7]);
    assert.match(r.stderr, /bad\.jsonl:2: malformed JSON .*\(rejected\)/);
    assert.match(r.stderr, /bad\.jsonl:3: no field "text" \(rejected\)/);
    assert.match(r.stderr, /bad\.jsonl:4:\d+: invalid UTF-8 \(byte 0xE9\) \(rejected\)/);
    assert.match(r.stderr, /bad\.jsonl:5: not a JSON object \(rejected\)/);
    assert.match(r.stderr, /bad\.jsonl:6: line is longer than 1000 bytes/);
    assert.match(r.stderr, /7 records in, 2 out .*, 5 rejected/);
    const lines = bad.toString('latin1').split('\n');
    assert.equal(readFileSync(rejects).toString('latin1'), [lines[1], lines[2], lines[3], lines[4], lines[5]].join('\n') + '\n');
  });

  test('--strict stops at the first, after writing the records before it (exit 1, one line)', () => {
    const r = runCli(['batch', file('bad2.jsonl', bad), '--workers', '1', '--strict']);
    assert.equal(r.status, 1);
    assert.deepEqual(parseJsonl(r.stdout).map((o) => o.id), [1]);
    const last = r.stderr.trimEnd().split('\n').pop()!;
    assert.match(last, /^unmangle: .*bad2\.jsonl:2: malformed JSON/);
    assert.doesNotMatch(r.stderr, /\n\s+at /);
  });

  test('unreadable and binary files are rejects, not the end of the run', () => {
    const good = file('good.txt', 'fine & nbsp; text\n');
    const binary = file('blob.txt', Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0x0a, 0xff]));
    const r = runCli(['batch', join(dir, 'missing.jsonl'), binary, good, '--workers', '1']);
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stderr, /missing\.jsonl: no such file \(rejected\)/);
    assert.match(r.stderr, /blob\.txt:1: binary data \(NUL byte\), not text \(rejected\)/);
    assert.match(r.stderr, /3 records in, 1 out .*2 rejected/);
    assert.equal(parseJsonl(r.stdout)[0]!.text, 'fine text\n');
  });

  test('a truncated .gz keeps the records before the damage; the rest is one reject naming the line', () => {
    const whole = gzipSync(jsonlRecords(30000));
    const rejects = join(dir, 'rejects-gz.jsonl');
    const r = runCli(['batch', file('cut.jsonl.gz', whole.subarray(0, Math.floor(whole.length * 0.7))), '--workers', '1', '--rejects', rejects]);
    assert.equal(r.status, 0, r.stderr);
    const out = parseJsonl(r.stdout);
    assert.ok(out.length > 5000 && out.length < 30000, String(out.length));
    assert.deepEqual(out.map((o) => o.id), [...Array(out.length).keys()]);
    assert.match(r.stderr, new RegExp(`cut\\.jsonl\\.gz:${out.length + 1}: corrupt gzip data \\(unexpected end of file\\) \\(rejected\\)`));
    assert.match(r.stderr, new RegExp(`${(out.length + 1).toLocaleString('en-US')} records in, ${out.length.toLocaleString('en-US')} out .*1 rejected`));
    // nothing of an unreadable rest can be written verbatim
    assert.equal(readFileSync(rejects, 'utf8'), '');
  });

  test('a huge line is rejected without stopping the others', () => {
    const huge = `{"text":"${'y'.repeat(3 * 1024 * 1024)}"}\n`;
    const r = runCli(['batch', file('huge.jsonl', `{"text":"a & nbsp; b"}\n${huge}{"text":"c"}\n`), '--workers', '1', '--max-line-bytes', String(1024 * 1024)]);
    assert.equal(r.status, 0, r.stderr);
    assert.deepEqual(parseJsonl(r.stdout).map((o) => o.text), ['a b', 'c']);
    assert.match(r.stderr, /huge\.jsonl:2: line is longer than 1048576 bytes/);
  });
});

describe('unmangle batch: text files, directories, globs, --out-dir', () => {
  const tree = scratch('unmangle-batch-tree-');
  tree.file('a.txt', 'one & nbsp; two\n');
  mkdirSync(join(tree.dir, 'sub'));
  tree.file('sub/b.txt', 'three & hellip;\nfour\n');
  tree.file('sub/c.md', '');

  test('a directory is walked in sorted order, one record per file', () => {
    const r = runCli(['batch', tree.dir, '--workers', '2']);
    assert.equal(r.status, 0, r.stderr);
    const out = parseJsonl(r.stdout);
    assert.deepEqual(out.map((o) => o.text), ['one two\n', 'three…\nfour\n', '']);
    assert.deepEqual(out.map((o) => o.unmangle.source), [join(tree.dir, 'a.txt'), join(tree.dir, 'sub/b.txt'), join(tree.dir, 'sub/c.md')]);
  });

  test('--lines makes each line a record; globs are expanded', () => {
    const r = runCli(['batch', '--lines', join(tree.dir, '**/*.txt'), '--workers', '1']);
    assert.equal(r.status, 0, r.stderr);
    assert.deepEqual(parseJsonl(r.stdout).map((o) => [o.text, o.unmangle.line]), [['one two', 1], ['three…', 1], ['four', 2]]);
  });

  test('--out-dir mirrors the tree with repaired files', () => {
    const outDir = join(dir, 'mirror');
    const r = runCli(['batch', tree.dir, '--out-dir', outDir, '--workers', '2']);
    assert.equal(r.status, 0, r.stderr);
    assert.equal(r.stdout, '');
    assert.equal(readFileSync(join(outDir, 'a.txt'), 'utf8'), 'one two\n');
    assert.equal(readFileSync(join(outDir, 'sub/b.txt'), 'utf8'), 'three…\nfour\n');
    assert.equal(readFileSync(join(outDir, 'sub/c.md'), 'utf8'), '');
    assert.equal(existsSync(join(outDir, 'sub/b.txt.partial')), false);
  });
});
