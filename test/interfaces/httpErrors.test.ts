import assert from 'node:assert/strict';
import { request } from 'node:http';
import { after, before, describe, test } from 'node:test';
import { post, startServer, type Running } from './httpServer.js';

/** Every refusal is JSON with a code and a one-line message. */
function assertError(r: { status: number; json: any }, status: number, code: string, message?: RegExp) {
  assert.equal(r.status, status, JSON.stringify(r.json));
  assert.equal(r.json.error, code);
  assert.equal(typeof r.json.message, 'string');
  assert.doesNotMatch(r.json.message, /\n/);
  if (message) assert.match(r.json.message, message);
}

describe('HTTP API: bad input', () => {
  let s: Running;
  before(async () => {
    s = await startServer({ bodyLimit: 4096 });
  });
  after(() => s.close());
  const fix = (body: string | Buffer, type?: string) => post(`${s.url}/v1/fix`, body, type);

  test('invalid JSON', async () => {
    assertError(await fix('{"text": ', 'application/json'), 400, 'invalid_json', /not valid JSON/);
    assertError(await fix('', 'application/json'), 400, 'invalid_json', /empty/);
  });

  test('JSON that does not match the schema names the fields', async () => {
    assertError(await fix('[1,2]', 'application/json'), 400, 'invalid_request', /^body: /);
    assertError(await fix('{"text": 5}', 'application/json'), 400, 'invalid_request', /body\.text: .*expected string/);
    assertError(await fix('{"text": "x", "colour": 1}', 'application/json'), 400, 'invalid_request', /Unrecognized key: "colour"/);
    assertError(
      await fix(JSON.stringify({ text: 'x', options: { fixers: { nosuch: true } } }), 'application/json'),
      400,
      'invalid_request',
      /body\.options\.fixers/,
    );
    assertError(await fix(JSON.stringify({ text: 'x', options: { htmlEntities: 'sometimes' } }), 'application/json'), 400, 'invalid_request', /htmlEntities/);
  });

  test('invalid UTF-8 and binary bodies', async () => {
    const bytes = Buffer.concat([Buffer.from('{"text":"caf'), Buffer.from([0xe9]), Buffer.from('"}')]);
    assertError(await fix(bytes, 'application/json'), 400, 'invalid_utf8', /byte 0xE9.*line 1, column 13/);
    assertError(await fix(Buffer.from([0x61, 0xc3]), 'text/plain'), 400, 'invalid_utf8');
    assertError(await fix(Buffer.from('a\0b'), 'text/plain'), 400, 'binary_body', /NUL/);
  });

  test('wrong content type or charset', async () => {
    assertError(await fix('x', 'image/png'), 415, 'unsupported_media_type', /image\/png/);
    // A Buffer body makes fetch send no Content-Type at all.
    assertError(await fix(Buffer.from('{"text":"x"}')), 415, 'unsupported_media_type', /no Content-Type/);
    assertError(await fix('x', 'text/plain; charset=latin1'), 415, 'unsupported_charset', /latin1/);
    assertError(await fix('<p>x</p>', 'text/html'), 415, 'unsupported_media_type', /application\/json or text\/plain/);
    assertError(await post(`${s.url}/v1/batch`, '{"text":"x"}', 'application/json'), 415, 'unsupported_media_type', /x-ndjson/);
  });

  test('too large', async () => {
    assertError(await fix(JSON.stringify({ text: 'x'.repeat(5000) }), 'application/json'), 413, 'too_large', /4096 bytes/);
  });

  test('a batch line longer than the limit is an error line, the others are repaired', async () => {
    const body = `{"text":"${'y'.repeat(5000)}"}\n{"text":"a & amp; b"}\n`;
    const res = await fetch(`${s.url}/v1/batch`, { method: 'POST', body, headers: { 'content-type': 'application/x-ndjson' } });
    const lines = (await res.text()).trimEnd().split('\n').map((l) => JSON.parse(l));
    assert.equal(lines[0].line, 1);
    assert.match(lines[0].message, /longer than 4096 bytes/);
    assert.equal(lines[1].text, 'a & b');
  });

  test('unknown endpoints are JSON 404s', async () => {
    const r = await fetch(`${s.url}/v2/nothing`);
    assert.equal(r.status, 404);
    assert.equal(((await r.json()) as { error: string }).error, 'not_found');
    assertError(await post(`${s.url}/v1/nothing`, 'x', 'text/plain'), 404, 'not_found');
  });

  test('a client that hangs up mid-body does not hurt the server', async () => {
    await new Promise<void>((resolve) => {
      const req = request(`${s.url}/v1/fix`, { method: 'POST', headers: { 'content-type': 'application/json', 'content-length': '1000' } });
      req.on('error', () => resolve());
      req.write('{"text": "abc');
      setTimeout(() => {
        req.destroy();
        resolve();
      }, 50);
    });
    const health = await fetch(`${s.url}/healthz`);
    assert.equal(health.status, 200);
  });

  test('after all that, the server still works', async () => {
    const r = await fix('a & nbsp; b', 'text/plain');
    assert.equal(r.status, 200);
    assert.equal(r.json.text, 'a b');
  });
});

describe('HTTP API: limits', () => {
  test('a request over the time limit gets 503 timeout and the server goes on', async () => {
    const s = await startServer({ timeoutMs: 500, concurrency: 1, bodyLimit: 64 * 1024 * 1024 });
    try {
      // Takes seconds to repair.
      const big = 'He & nbsp; said “ yes & raquo; & mdash; '.repeat(20_000);
      const started = Date.now();
      const r = await post(`${s.url}/v1/fix`, big, 'text/plain');
      assertError(r, 503, 'timeout', /500 ms/);
      assert.ok(Date.now() - started < 2500, `answered after ${Date.now() - started} ms`);
      // The worker that was stopped is replaced; until the new one has started, requests may time out.
      let ok = await post(`${s.url}/v1/fix`, 'a & nbsp; b', 'text/plain');
      for (let tries = 0; ok.status === 503 && tries < 20; tries++) ok = await post(`${s.url}/v1/fix`, 'a & nbsp; b', 'text/plain');
      assert.equal(ok.status, 200, JSON.stringify(ok.json));
      assert.equal(ok.json.text, 'a b');
    } finally {
      await s.close();
    }
  });

  test('when every worker is busy and the queue is full, 503 busy with Retry-After', async () => {
    const s = await startServer({ concurrency: 1, queue: 1, bodyLimit: 64 * 1024 * 1024 });
    try {
      const big = 'He & nbsp; said “ yes & raquo; & mdash; '.repeat(3_000);
      const answers = await Promise.all(Array.from({ length: 6 }, () => post(`${s.url}/v1/fix`, big, 'text/plain')));
      const statuses = answers.map((a) => a.status);
      assert.ok(statuses.includes(200), statuses.join());
      const busy = answers.find((a) => a.status === 503);
      assert.ok(busy, statuses.join());
      assertError(busy, 503, 'busy', /--queue 1/);
      assert.equal(busy.headers.get('retry-after'), '1');
    } finally {
      await s.close();
    }
  });
});
