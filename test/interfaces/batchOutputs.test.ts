import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, test } from 'node:test';
import { jsonlRecords, parseJsonl, scratch } from './batchSupport.js';
import { BIN, runCli } from './runCli.js';

const { dir, file } = scratch('unmangle-batch-out-');

describe('unmangle batch: where the output goes', () => {
  test('-o /dev/null works: no fsync, no journal beside a device', () => {
    const input = file('a.jsonl', jsonlRecords(50));
    const r = runCli(['batch', input, '--workers', '1', '-o', '/dev/null']);
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stderr, /50 records in, 50 out/);
    assert.equal(existsSync('/dev/null.journal'), false);
  });

  test('-o a named pipe: the records arrive through it in order', async () => {
    const input = file('b.jsonl', jsonlRecords(300));
    const fifo = join(dir, 'pipe');
    assert.equal(spawnSync('mkfifo', [fifo]).status, 0);
    const reader = spawn('cat', [fifo]);
    const readerDone = once(reader, 'exit');
    let got = '';
    reader.stdout.setEncoding('utf8').on('data', (c: string) => (got += c));
    const batch = spawn(process.execPath, [BIN, 'batch', input, '--workers', '1', '--chunk-records', '7', '-o', fifo]);
    let stderr = '';
    batch.stderr.setEncoding('utf8').on('data', (c: string) => (stderr += c));
    const [code] = await once(batch, 'exit');
    await readerDone;
    assert.equal(code, 0, stderr);
    assert.deepEqual(parseJsonl(got).map((o) => o.id), Array.from({ length: 300 }, (_, i) => i));
    assert.equal(existsSync(`${fifo}.journal`), false);
  });

  test('-o into a directory that does not exist creates it', () => {
    const input = file('c.jsonl', jsonlRecords(5));
    const output = join(dir, 'new', 'deeper', 'out.jsonl');
    const r = runCli(['batch', input, '--workers', '1', '-o', output]);
    assert.equal(r.status, 0, r.stderr);
    assert.equal(parseJsonl(readFileSync(output, 'utf8')).length, 5);
  });

  test('-o naming a directory is a one-line error', () => {
    const input = file('d.jsonl', jsonlRecords(5));
    const r = runCli(['batch', input, '--workers', '1', '-o', dir]);
    assert.notEqual(r.status, 0);
    assert.match(r.stderr.trimEnd(), /^unmangle: .*: is a directory, not a file to write$/);
  });

  test('--meta counts and --meta none trim the metadata; the text is the same', () => {
    const input = file('e.jsonl', '{"id":1,"text":"a & nbsp; b"}\n{"id":2,"text":"clean"}\n');
    const full = parseJsonl(runCli(['batch', input, '--workers', '1']).stdout);
    const counts = parseJsonl(runCli(['batch', input, '--workers', '1', '--meta', 'counts']).stdout);
    const none = runCli(['batch', input, '--workers', '1', '--meta', 'none']).stdout.trimEnd().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    assert.deepEqual(counts.map((r) => r.unmangle), full.map((r) => ({ fixes: r.unmangle.fixes, damage: r.unmangle.damage })));
    assert.deepEqual(none, [{ id: 1, text: 'a b' }, { id: 2, text: 'clean' }]);
    const lines = file('f.txt', 'one\n"two" \\ three\n');
    const noneLines = runCli(['batch', lines, '--lines', '--workers', '1', '--meta', 'none']).stdout;
    assert.equal(noneLines, '{"text":"one"}\n{"text":"\\"two\\" \\\\ three"}\n');
  });

  test('the summary counts decompressed bytes for .gz, with the compressed size beside', () => {
    const content = jsonlRecords(2000);
    const input = file('g.jsonl.gz', gzipSync(content));
    const summaryFile = join(dir, 'g-summary.json');
    const r = runCli(['batch', input, '--workers', '1', '--summary', summaryFile]);
    assert.equal(r.status, 0, r.stderr);
    const s = JSON.parse(readFileSync(summaryFile, 'utf8')) as { bytesRead: number; bytesDecompressed: number };
    assert.equal(s.bytesDecompressed, Buffer.byteLength(content));
    assert.ok(s.bytesRead < s.bytesDecompressed / 2, `${s.bytesRead} compressed`);
    assert.match(r.stderr, new RegExp(`${(Buffer.byteLength(content) / 1e6).toFixed(1)} MB \\(${(s.bytesRead / 1e6).toFixed(1)} MB compressed\\) in`));
  });

  test('on one terminal, the progress line is cleared before records are written', { skip: !existsSync('/usr/bin/script') && 'needs script(1) for a terminal' }, () => {
    const input = file('h.jsonl', jsonlRecords(3000));
    // script(1) runs the command on a pseudo-terminal: standard output and error are the same terminal.
    const cmd = `${process.execPath} ${BIN} batch ${input} --workers 1 --chunk-records 5 --progress --progress-ms 0`;
    const r = spawnSync('script', ['-qec', cmd, '/dev/null'], { encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
    const screen = r.stdout.replace(/\r\n/g, '\n');
    const records = screen.split(/\n|\r\x1b\[K/).filter((l) => l.startsWith('{'));
    assert.equal(records.length, 3000);
    assert.match(screen, /records\/s/, 'the progress line was shown');
    // A record never follows progress text on the same line.
    assert.doesNotMatch(screen, /records\/s[^\n\r]*\{"id"/);
    for (const line of records) JSON.parse(line);
  });
});
