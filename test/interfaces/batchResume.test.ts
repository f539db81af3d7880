import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { appendFileSync, existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { jsonlRecords, parseJsonl, scratch } from './batchSupport.js';
import { BIN, runCli } from './runCli.js';

const { dir, file } = scratch('unmangle-batch-resume-');

describe('unmangle batch --resume', () => {
  const records = 40000;
  const input = file('corpus.jsonl', jsonlRecords(records));
  const slow = ['--workers', '1', '--chunk-records', '25', '--checkpoint-ms', '1'];

  test('continues a run killed with SIGKILL: nothing lost, nothing duplicated', async () => {
    const reference = join(dir, 'reference.jsonl');
    assert.equal(runCli(['batch', input, '-o', reference, '--workers', '2']).status, 0);

    const output = join(dir, 'out.jsonl');
    const journal = `${output}.journal`;
    const child = spawn(process.execPath, [BIN, 'batch', input, '-o', output, ...slow], { stdio: 'ignore' });
    const exited = new Promise((resolve) => child.once('exit', resolve));
    // Kill once a few checkpoints are on disk, well before the end.
    for (let i = 0; i < 500; i++) {
      if (existsSync(journal) && readFileSync(journal, 'utf8').split('\n').length > 4) break;
      await sleep(5);
    }
    child.kill('SIGKILL');
    await exited;
    const journalText = readFileSync(journal, 'utf8');
    assert.doesNotMatch(journalText, /"done":true/, 'the run finished before it could be killed; make the corpus bigger');
    const partial = readFileSync(output, 'utf8');
    assert.ok(parseJsonl(partial.slice(0, partial.lastIndexOf('\n') + 1)).length < records);
    // A torn line at the end, as a kill in the middle of a write can leave.
    appendFileSync(output, '{"id":12345,"te');

    const resumed = runCli(['batch', input, '-o', output, '--resume', ...slow]);
    assert.equal(resumed.status, 0, resumed.stderr);
    assert.match(resumed.stderr, new RegExp(`${records.toLocaleString('en-US')} records in, ${records.toLocaleString('en-US')} out .*resumed`, 's'));
    assert.equal(readFileSync(output, 'utf8'), readFileSync(reference, 'utf8'));

    // Resuming a finished run does nothing and says the same.
    const again = runCli(['batch', input, '-o', output, '--resume', ...slow]);
    assert.equal(again.status, 0, again.stderr);
    assert.equal(readFileSync(output, 'utf8'), readFileSync(reference, 'utf8'));
  });

  test('refuses to resume with other options, or without an output file', () => {
    const output = join(dir, 'other.jsonl');
    assert.equal(runCli(['batch', input, '-o', output, '--workers', '2']).status, 0);
    const r = runCli(['batch', input, '-o', output, '--resume', '--field', 'body']);
    assert.equal(r.status, 2);
    assert.match(r.stderr, /cannot resume: .*other\.jsonl\.journal belongs to a run with other inputs or options/);
    const s = runCli(['batch', input, '--resume']);
    assert.equal(s.status, 2);
    assert.match(s.stderr, /--resume needs --output FILE or --out-dir DIR/);
    const u = runCli(['batch', input, '-o', output, '--resume', '--unordered']);
    assert.equal(u.status, 2);
    assert.match(u.stderr, /--resume needs ordered output/);
    const i = runCli(['batch', '-o', output, '--resume'], '{"text":"x"}\n');
    assert.equal(i.status, 2);
    assert.match(i.stderr, /--resume cannot re-read standard input/);
  });
});

describe('unmangle batch --shard', () => {
  // Records with ids shard by id, those without by file and line.
  const content = jsonlRecords(600) + jsonlRecords(300, false);
  const input = file('shard.jsonl', content);

  test('the shards partition the records: union is the whole, no overlap, whatever the workers', () => {
    const seen: string[] = [];
    for (let i = 1; i <= 3; i++) {
      const r = runCli(['batch', input, '--shard', `${i}/3`, '--workers', String(1 + (i % 2)), '--chunk-records', '50']);
      assert.equal(r.status, 0, r.stderr);
      const keys = parseJsonl(r.stdout).map((o) => `${o.unmangle.line}`);
      assert.ok(keys.length > 200 && keys.length < 400, `shard ${i} has ${keys.length} records`);
      assert.match(r.stderr, new RegExp(`${keys.length} records in, ${keys.length} out.*${900 - keys.length} left to other shards \\(shard ${i}/3\\)`, 's'));
      seen.push(...keys);
      // the same shard again, with another worker count, is the same records
      const again = runCli(['batch', input, '--shard', `${i}/3`, '--workers', String(2 - (i % 2))]);
      assert.deepEqual(parseJsonl(again.stdout).map((o) => `${o.unmangle.line}`), keys);
    }
    assert.equal(seen.length, 900);
    assert.equal(new Set(seen).size, 900);
  });

  test('a bad shard is a usage error', () => {
    const r = runCli(['batch', input, '--shard', '4/3']);
    assert.equal(r.status, 2);
    assert.match(r.stderr, /--shard.*wants I\/N/);
  });
});

describe('unmangle batch --out-dir --resume', () => {
  test('redoes only the files after the last checkpoint', () => {
    const tree = scratch('unmangle-batch-tree-resume-');
    for (let i = 0; i < 4; i++) tree.file(`doc${i}.txt`, `text ${i} & nbsp; here\n`);
    const outDir = join(dir, 'tree-out');
    assert.equal(runCli(['batch', tree.dir, '--out-dir', outDir, '--workers', '1']).status, 0);
    // As if killed while writing the last file: its checkpoint and the final one never made it.
    const journal = join(outDir, '.unmangle-journal');
    const lines = readFileSync(journal, 'utf8').trimEnd().split('\n');
    writeFileSync(journal, lines.slice(0, -2).join('\n') + '\n');
    rmSync(join(outDir, 'doc3.txt'));
    writeFileSync(join(outDir, 'doc3.txt.partial'), 'text 3');
    const r = runCli(['batch', tree.dir, '--out-dir', outDir, '--workers', '1', '--resume']);
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stderr, /4 records in, 4 out .*resumed/s);
    assert.deepEqual(readdirSync(outDir).sort(), ['.unmangle-journal', 'doc0.txt', 'doc1.txt', 'doc2.txt', 'doc3.txt']);
    assert.equal(readFileSync(join(outDir, 'doc3.txt'), 'utf8'), 'text 3 here\n');
  });
});
