import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { request } from 'node:http';
import { test } from 'node:test';
import { BIN } from './runCli.js';

/** Starts `unmangle serve` on a free port and resolves once it says where it listens. */
async function startCli(args: string[] = []) {
  const child = spawn(process.execPath, [BIN, 'serve', '--port', '0', ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.setEncoding('utf8');
  const url = await new Promise<string>((resolve, reject) => {
    child.stderr.on('data', (chunk: string) => {
      stderr += chunk;
      const m = /listening on (http:\/\/\S+)/.exec(stderr);
      if (m) resolve(m[1]!);
    });
    child.once('exit', (code) => reject(new Error(`exited ${code}: ${stderr}`)));
  });
  return { child, url, stderr: () => stderr };
}

test('unmangle serve: SIGTERM lets the request in flight finish, then exits 0', async () => {
  const { child, url, stderr } = await startCli();
  const req = request(`${url}/v1/batch`, { method: 'POST', headers: { 'content-type': 'application/x-ndjson' } });
  req.write('{"text":"one & nbsp; two"}\n');
  const [res] = (await once(req, 'response')) as [import('node:http').IncomingMessage];
  res.setEncoding('utf8');
  let body = '';
  res.on('data', (chunk: string) => (body += chunk));
  const firstLine = new Promise<void>((resolve) => res.on('data', () => body.includes('\n') && resolve()));
  await firstLine;
  assert.deepEqual(JSON.parse(body.split('\n')[0]!).text, 'one two');

  const exited = once(child, 'exit');
  child.kill('SIGTERM');
  await new Promise((r) => setTimeout(r, 300));
  assert.equal(child.exitCode, null, 'still running while a request is in flight');
  // New connections are no longer accepted.
  await assert.rejects(fetch(`${url}/healthz`));

  req.end('{"text":"three & hellip;"}\n');
  await once(res, 'end');
  const ended = Date.now();
  const lines = body.trimEnd().split('\n').map((l) => JSON.parse(l) as { text: string });
  assert.deepEqual(
    lines.map((l) => l.text),
    ['one two', 'three…'],
  );
  const [code] = await exited;
  assert.equal(code, 0, stderr());
  assert.ok(Date.now() - ended < 2000, 'exits soon after the last answer, not after the keep-alive timeout');
  assert.match(stderr(), /SIGTERM, finishing requests in flight/);
  assert.match(stderr(), /stopped/);
});

test('unmangle serve: a bad flag is a usage error', async () => {
  const child = spawn(process.execPath, [BIN, 'serve', '--port', 'eighty'], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (c: string) => (stderr += c));
  const [code] = await once(child, 'exit');
  assert.equal(code, 2);
  assert.match(stderr, /not a whole number/);
});
