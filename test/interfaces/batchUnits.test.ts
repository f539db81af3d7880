import assert from 'node:assert/strict';
import { gzipSync } from 'node:zlib';
import { describe, test } from 'node:test';
import { damageScore } from '../../src/corpus/damage.js';
import { duration, progressLine } from '../../src/interfaces/batch/progress.js';
import { shardOf } from '../../src/corpus/shard.js';
import { charsetOf, parseHttpResponse, readWarc } from '../../src/corpus/warc.js';
import { makeWarc } from '../support/warc.js';

describe('batch pieces', () => {
  test('damage: repairs per 1,000 characters, two decimals, 0 when clean', () => {
    assert.equal(damageScore({}, 500), 0);
    assert.equal(damageScore({ mangledEntities: 1 }, 2000), 0.5);
    assert.equal(damageScore({ mangledEntities: 1, collateral: 1 }, 15), 133.33);
    assert.equal(damageScore({ quotes: 1 }, 0), 1000);
  });

  test('progress line: records, MB, rates, and percent and ETA when the total is known', () => {
    assert.equal(progressLine(1500, 3e6, 2, null), '1,500 records · 3.0 MB · 750 records/s · 1.5 MB/s');
    assert.equal(progressLine(1500, 3e6, 2, 12e6), '1,500 records · 3.0/12.0 MB (25%) · 750 records/s · 1.5 MB/s · ETA 0:06');
    assert.equal(duration(3725), '1:02:05');
  });

  test('shards spread keys evenly and never depend on anything but the key', () => {
    const counts = [0, 0, 0, 0];
    for (let i = 0; i < 40000; i++) counts[shardOf(`id:${i}`, 4) - 1]!++;
    for (const c of counts) assert.ok(c > 9500 && c < 10500, String(counts));
    assert.equal(shardOf('corpus.jsonl:17', 7), shardOf('corpus.jsonl:17', 7));
  });

  test('WARC records and HTTP responses: headers, charset, chunked and gzip bodies', async () => {
    const warc = makeWarc([{ url: 'https://example.com/', contentType: 'text/html; charset="Windows-1252"', body: 'x' }]);
    const records = [];
    for await (const r of readWarc((async function* () { yield warc.subarray(0, 50); yield warc.subarray(50); })())) records.push(r);
    assert.deepEqual(records.map((r) => r.headers.get('warc-type')), ['warcinfo', 'request', 'response']);
    const http = parseHttpResponse(records[2]!.block);
    assert.equal(http.status, 200);
    assert.equal(http.charset, 'windows-1252');
    assert.equal(http.body.toString(), 'x');
    const body = gzipSync('hello');
    const chunked = Buffer.concat([Buffer.from('HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\nContent-Encoding: gzip\r\n\r\n'), Buffer.from(`${body.length.toString(16)}\r\n`), body, Buffer.from('\r\n0\r\n\r\n')]);
    assert.equal(parseHttpResponse(chunked).body.toString(), 'hello');
    assert.equal(charsetOf('text/html'), undefined);
  });
});
