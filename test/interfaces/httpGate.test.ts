import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { Gate } from '../../src/interfaces/http/gate.js';

describe('HTTP concurrency gate', () => {
  test('lets `concurrency` in, queues `queue` more, refuses the rest', async () => {
    const gate = new Gate(1, 1);
    const never = new AbortController().signal;
    const first = await gate.enter(never);
    let secondIn = false;
    const second = gate.enter(never).then((release) => {
      secondIn = true;
      return release;
    });
    await assert.rejects(gate.enter(never), (err) => err === Gate.FULL);
    assert.equal(secondIn, false);
    first();
    const release = await second;
    assert.equal(secondIn, true);
    release();
    release(); // twice is harmless
    (await gate.enter(never))();
  });

  test('a waiter whose deadline passes leaves the queue', async () => {
    const gate = new Gate(1, 1);
    const held = await gate.enter(new AbortController().signal);
    const deadline = new AbortController();
    const waiting = gate.enter(deadline.signal);
    deadline.abort(new Error('deadline'));
    await assert.rejects(waiting, /deadline/);
    assert.equal(gate.queued, 0);
    held();
    (await gate.enter(new AbortController().signal))();
  });
});
