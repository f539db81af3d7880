import assert from 'node:assert/strict';
import { connect, type Socket } from 'node:net';
import { after, before, describe, test } from 'node:test';
import { post, startServer, type Running } from './httpServer.js';

/** Everything the server sends on a raw connection until it closes it (or `giveUpMs` passes). */
function answerOf(socket: Socket, giveUpMs: number): Promise<{ text: string; closed: boolean }> {
  return new Promise((resolve) => {
    let text = '';
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => (text += chunk));
    const timer = setTimeout(() => resolve({ text, closed: false }), giveUpMs);
    socket.on('close', () => {
      clearTimeout(timer);
      resolve({ text, closed: true });
    });
    socket.on('error', () => {});
  });
}

/** Writes `bytes` one at a time, every `everyMs`, until the socket closes. */
function trickle(socket: Socket, bytes: string, everyMs: number): void {
  let i = 0;
  const timer = setInterval(() => {
    if (socket.destroyed || i >= bytes.length) return clearInterval(timer);
    socket.write(bytes[i++]!);
  }, everyMs);
}

function open(url: string): Socket {
  const { port } = new URL(url);
  return connect(Number(port), '127.0.0.1');
}

function jsonBody(raw: string): any {
  return JSON.parse(raw.slice(raw.indexOf('\r\n\r\n') + 4));
}

describe('HTTP service: slow and wrong requests', { timeout: 120_000 }, () => {
  let s: Running;
  before(async () => {
    s = await startServer({ bodyTimeoutMs: 1_000, headersTimeoutMs: 1_000 });
  });
  after(() => s.close());

  test('a body that trickles in is cut off with a JSON 408 and the connection closed', async () => {
    const socket = open(s.url);
    socket.write('POST /v1/fix HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 200\r\n\r\n{"text":"');
    trickle(socket, 'a'.repeat(190), 250);
    const { text, closed } = await answerOf(socket, 20_000);
    assert.ok(closed, 'the server kept the connection open');
    assert.match(text, /^HTTP\/1\.1 408 /);
    const body = jsonBody(text);
    assert.equal(body.error, 'body_timeout');
    assert.match(body.message, /1000 ms \(--body-timeout\)/);
  });

  test('headers that trickle in get a JSON 408 soon after --headers-timeout, not a minute later', async () => {
    const socket = open(s.url);
    const started = Date.now();
    socket.write('POST /v1/fix HTTP/1.1\r\nHost: x\r\n');
    trickle(socket, 'X-Padding: ' + 'a'.repeat(200), 250);
    const { text, closed } = await answerOf(socket, 20_000);
    assert.ok(closed);
    assert.match(text, /^HTTP\/1\.1 408 /);
    assert.equal(jsonBody(text).error, 'headers_timeout');
    // Node checks its header deadline on a timer (30 s by default); here it must be about a second.
    assert.ok(Date.now() - started < 10_000, `answered after ${Date.now() - started} ms`);
  });

  test('a batch whose next line trickles in gets its earlier records, then an error line naming the late one', async () => {
    const socket = open(s.url);
    const first = '{"id":1,"text":"a & amp; b"}\n';
    socket.write(`POST /v1/batch HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-ndjson\r\nTransfer-Encoding: chunked\r\n\r\n`);
    socket.write(`${first.length.toString(16)}\r\n${first}\r\n`);
    const slow = '{"id":2,"text":"' + 'b'.repeat(100) + '"}\n';
    socket.write(`${slow.length.toString(16)}\r\n`);
    trickle(socket, slow, 250);
    const { text, closed } = await answerOf(socket, 20_000);
    assert.ok(closed);
    assert.match(text, /^HTTP\/1\.1 200 /);
    const lines = text
      .split('\r\n')
      .filter((l) => l.startsWith('{'))
      .map((l) => JSON.parse(l));
    assert.deepEqual(lines[0], { id: 1, text: 'a & b', fixes: { total: 1, mangledEntities: 1 } });
    assert.equal(lines[1].line, 2);
    assert.equal(lines[1].error, 'body_timeout');
    assert.match(lines[1].message, /a line of the body/);
  });

  test('a wrong method on an existing path is 405 with Allow; an unknown path stays 404', async () => {
    const r = await post(`${s.url}/healthz`, 'x', 'text/plain');
    assert.equal(r.status, 405);
    assert.equal(r.json.error, 'method_not_allowed');
    assert.equal(r.headers.get('allow'), 'GET, HEAD');
    assert.match(r.json.message, /^POST is not allowed on \/healthz; use GET, HEAD$/);
    const g = await fetch(`${s.url}/v1/fix?lang=en`);
    assert.equal(g.status, 405);
    assert.equal(g.headers.get('allow'), 'POST');
    assert.equal(((await g.json()) as { error: string }).error, 'method_not_allowed');
    const n = await fetch(`${s.url}/v1/nothing`, { method: 'DELETE' });
    assert.equal(n.status, 404);
  });

  test('a prompt body is not cut off, however slow its repair', async () => {
    const r = await post(`${s.url}/v1/fix`, JSON.stringify({ text: 'a & nbsp; b' }), 'application/json');
    assert.equal(r.status, 200);
    assert.equal(r.json.text, 'a b');
  });
});

describe('HTTP service: a small request while hostile ones run', () => {
  let s: Running;
  let slow: Running;
  before(async () => {
    // Two workers, as on the CI machine; the deadlines are long so that only the pool decides (a
    // loaded machine may take seconds to send the large bodies).
    s = await startServer({ concurrency: 2, bodyLimit: 32 * 1024 * 1024, timeoutMs: 300_000, bodyTimeoutMs: 120_000 });
    slow = await startServer({ concurrency: 2, bodyTimeoutMs: 1_000, headersTimeoutMs: 1_000 });
  });
  after(() => Promise.all([s.close(), slow.close()]));

  async function whileHostile(hostile: Array<(signal: AbortSignal) => Promise<string>>, inPool: number) {
    const stop = new AbortController();
    let finished: string | undefined;
    const running = hostile.map((h) =>
      h(stop.signal).then(
        (answer) => (finished ??= `a hostile request was answered before both were in the pool: ${answer.slice(0, 200)}`),
        () => undefined,
      ),
    );
    const pool = s.server.context.pool;
    while (pool.running + pool.queued < inPool) {
      if (finished) {
        stop.abort();
        await Promise.all(running);
        assert.fail(finished);
      }
      await new Promise((r) => setTimeout(r, 20));
    }
    const small = await post(`${s.url}/v1/fix`, JSON.stringify({ text: 'Caf\u00c3\u00a9 & nbsp; ouvert' }), 'application/json');
    // Both hostile tasks are still in the pool (one at work, one waiting) when the small one is answered.
    const hostileInPool = pool.running + pool.queued;
    stop.abort();
    await Promise.all(running);
    return { small, hostileInPool };
  }

  test('two large hostile bodies do not hold up a one-line repair', { timeout: 240_000 }, async () => {
    // Each takes seconds: dense entity damage, quote marks and mojibake, several MB.
    const hostileText = 'He & nbsp; said “ yes & raquo; & mdash; CafÃ© \n'.repeat(170_000);
    const send = (signal: AbortSignal) =>
      fetch(`${s.url}/v1/fix`, { method: 'POST', body: hostileText, headers: { 'content-type': 'text/plain' }, signal }).then((r) => r.text());
    const { small, hostileInPool } = await whileHostile([send, send], 2);
    assert.equal(small.status, 200);
    assert.equal(small.json.text, 'Café ouvert');
    assert.equal(hostileInPool, 2, 'the small request waited for a hostile one to finish');
  });

  test('two slow-loris clients do not hold up a one-line repair', async () => {
    const sockets = [open(slow.url), open(slow.url)];
    sockets[0]!.write('POST /v1/fix HTTP/1.1\r\nHost: x\r\nContent-Type: text/plain\r\nContent-Length: 1000\r\n\r\n');
    trickle(sockets[0]!, 'x'.repeat(1000), 200);
    sockets[1]!.write('POST /v1/article HTTP/1.1\r\nHost: x\r\n');
    trickle(sockets[1]!, 'X-Slow: ' + 'y'.repeat(1000), 200);
    const r = await post(`${slow.url}/v1/fix`, JSON.stringify({ text: 'a & nbsp; b' }), 'application/json');
    assert.equal(r.status, 200);
    assert.equal(r.json.text, 'a b');
    const answers = await Promise.all(sockets.map((socket) => answerOf(socket, 20_000)));
    for (const a of answers) assert.match(a.text, /^HTTP\/1\.1 408 /);
  });
});
