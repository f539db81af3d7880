import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import { applyPlan, FIXER_NAMES, fixAndExplain, fixText } from '../../src/index.js';
import { post, startServer, type Running } from './httpServer.js';
import { SEED } from './runCli.js';

const seed = readFileSync(SEED, 'utf8');

describe('HTTP API', () => {
  let s: Running;
  before(async () => {
    s = await startServer();
  });
  after(() => s.close());

  test('POST /v1/fix repairs JSON and answers with the steps of fixAndExplain', async () => {
    const r = await post(`${s.url}/v1/fix`, JSON.stringify({ text: seed }), 'application/json');
    assert.equal(r.status, 200);
    assert.match(r.headers.get('content-type') ?? '', /^application\/json/);
    const expected = fixAndExplain(seed);
    assert.equal(r.json.text, expected.text);
    assert.equal(r.json.text, fixText(seed));
    assert.deepEqual(r.json.steps, expected.steps);
    assert.equal(r.json.changed, true);
    assert.equal(r.json.fixes.total, expected.steps.length);
    assert.equal(applyPlan(seed, r.json.steps), r.json.text);
    for (const step of r.json.steps) assert.ok(step.inputStart <= step.inputEnd && step.inputEnd <= seed.length);
  });

  test('POST /v1/fix takes text/plain and options', async () => {
    const plain = await post(`${s.url}/v1/fix`, 'a & nbsp; b', 'text/plain; charset=utf-8');
    assert.equal(plain.status, 200);
    assert.equal(plain.json.text, 'a b');
    const opts = await post(`${s.url}/v1/fix`, JSON.stringify({ text: '10&nbsp;km', options: { keepNbsp: true } }), 'application/json');
    assert.equal(opts.json.text, '10\u00a0km');
    const off = await post(
      `${s.url}/v1/fix`,
      JSON.stringify({ text: 'in & nbsp; in particular', options: { fixers: { collateral: false } } }),
      'application/json',
    );
    assert.equal(off.json.text, 'in   in particular');
    const query = await post(`${s.url}/v1/fix?disable=collateral&keepNbsp=true`, 'in & nbsp; in 10&nbsp;km', 'text/plain');
    assert.equal(query.json.text, 'in \u00a0 in 10\u00a0km');
    const lang = await post(`${s.url}/v1/fix?lang=ru`, 'он “сказал»', 'text/plain');
    assert.equal(lang.json.text, 'он «сказал»');
  });

  test('query options are validated too', async () => {
    const r = await post(`${s.url}/v1/fix?disable=nosuch&colour=red`, 'x', 'text/plain');
    assert.equal(r.status, 400);
    assert.equal(r.json.error, 'invalid_request');
    assert.match(r.json.message, /query\.disable: .*comma-separated list/);
    assert.match(r.json.message, /Unrecognized key: "colour"/);
  });

  test('clean text comes back unchanged, with no steps', async () => {
    const r = await post(`${s.url}/v1/fix`, JSON.stringify({ text: 'Rock & Roll, “quoted”, NÃO, 東京 🙂' }), 'application/json');
    assert.equal(r.json.text, 'Rock & Roll, “quoted”, NÃO, 東京 🙂');
    assert.equal(r.json.changed, false);
    assert.deepEqual(r.json.steps, []);
    assert.deepEqual(r.json.fixes, { total: 0 });
  });

  test('POST /v1/batch streams JSON lines; bad lines become error lines and the rest go on', async () => {
    const body = [
      JSON.stringify({ id: 1, text: 'a & amp; b' }),
      'not json',
      '',
      JSON.stringify({ id: 3, body: 'no text field' }),
      JSON.stringify({ id: 4, text: seed }),
    ].join('\n');
    const res = await fetch(`${s.url}/v1/batch`, { method: 'POST', body, headers: { 'content-type': 'application/x-ndjson' } });
    assert.equal(res.status, 200);
    assert.match(res.headers.get('content-type') ?? '', /application\/x-ndjson/);
    const lines = (await res.text()).trimEnd().split('\n').map((l) => JSON.parse(l));
    assert.equal(lines.length, 4);
    assert.deepEqual(lines[0], { id: 1, text: 'a & b', fixes: { total: 1, mangledEntities: 1 } });
    assert.equal(lines[1].line, 2);
    assert.equal(lines[1].error, 'bad_record');
    assert.match(lines[1].message, /^batch:2: malformed JSON/);
    assert.equal(lines[2].line, 4);
    assert.match(lines[2].message, /no field "text"/);
    assert.equal(lines[3].id, 4);
    assert.equal(lines[3].text, fixText(seed));
  });

  test('POST /v1/batch ?field= picks the field; invalid UTF-8 in one line is reported for that line', async () => {
    const body = Buffer.concat([Buffer.from('{"body":"x & hellip;"}\n{"body":"'), Buffer.from([0xff]), Buffer.from('"}\n')]);
    const res = await fetch(`${s.url}/v1/batch?field=body&lang=ru`, { method: 'POST', body: Uint8Array.from(body), headers: { 'content-type': 'application/x-ndjson' } });
    const lines = (await res.text()).trimEnd().split('\n').map((l) => JSON.parse(l));
    assert.equal(lines[0].body, 'x…');
    assert.equal(lines[1].line, 2);
    assert.match(lines[1].message, /invalid UTF-8 \(byte 0xFF\)/);
  });

  test('GET /healthz, /metrics and /openapi.json', async () => {
    const health = (await (await fetch(`${s.url}/healthz`)).json()) as { status: string };
    assert.equal(health.status, 'ok');
    const metrics = await (await fetch(`${s.url}/metrics`)).text();
    assert.match(metrics, /^unmangle_http_requests_total\{route="\/v1\/fix",method="POST",status="200"\} \d+$/m);
    assert.match(metrics, /^unmangle_http_request_duration_seconds_bucket\{le="0.005",route="\/v1\/fix"\} \d+$/m);
    assert.match(metrics, /^unmangle_http_request_bytes_total\{route="\/v1\/fix"\} [1-9]\d*$/m);
    assert.match(metrics, /^unmangle_http_response_bytes_total\{route="\/v1\/fix"\} [1-9]\d*$/m);
    assert.match(metrics, /^unmangle_fixes_applied_total\{fixer="mangledEntities"\} [1-9]\d*$/m);
    assert.match(metrics, /^unmangle_fixes_applied_total\{fixer="quotes"\} [1-9]\d*$/m);
    const doc = (await (await fetch(`${s.url}/openapi.json`)).json()) as any;
    assert.equal(doc.openapi, '3.1.0');
    for (const path of ['/v1/fix', '/v1/article', '/v1/batch', '/healthz', '/metrics']) assert.ok(doc.paths[path], path);
    const fixBody = doc.paths['/v1/fix'].post.requestBody.content['application/json'].schema;
    assert.deepEqual(fixBody.required, ['text']);
    assert.equal(fixBody.additionalProperties, false);
    assert.deepEqual(Object.keys(fixBody.properties.options.properties).sort(), ['fixers', 'htmlEntities', 'keepNbsp', 'lang']);
    assert.deepEqual(fixBody.properties.options.properties.fixers.propertyNames.enum, [...FIXER_NAMES]);
  });

  test('GET / serves the page with its script and style, from this origin only', async () => {
    const res = await fetch(`${s.url}/`);
    assert.equal(res.status, 200);
    assert.match(res.headers.get('content-type') ?? '', /^text\/html/);
    assert.match(res.headers.get('content-security-policy') ?? '', /default-src 'self'/);
    const html = await res.text();
    assert.doesNotMatch(html, /https?:\/\//, 'no external resources');
    for (const [, src] of html.matchAll(/(?:src|href)="\/?([^"]+)"/g)) {
      const asset = await fetch(`${s.url}/${src}`);
      assert.equal(asset.status, 200, src);
    }
  });
});
