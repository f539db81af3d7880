import { availableParallelism } from 'node:os';
import { Piscina } from 'piscina';
import { HttpError } from './errors.js';
import { Gate } from './gate.js';
import type { Outcome, Task, TaskResult } from './worker.js';

export interface PoolLimits {
  /** Worker threads, i.e. documents processed at once. */
  concurrency: number;
  /** Requests waiting for a worker beyond that; more are turned away with 503. */
  queue: number;
  /** Milliseconds from arrival to answer, waiting included. */
  timeoutMs: number;
  /** Inputs up to this size are small: they may use the worker that larger inputs never get. */
  smallInput: number;
}

export const defaultConcurrency = (): number => Math.max(1, availableParallelism());

/**
 * Worker threads that run the layers, with a bounded queue and a deadline per task.
 *
 * Large inputs may hold every worker but one: with two workers, two large hostile requests (which may
 * run until `--timeout`) would otherwise leave a one-line repair waiting behind them. A large task
 * first takes a place among the `concurrency - 1` large ones, then a worker; a small task takes a
 * worker at once, so at least one worker is always free or busy with small tasks.
 */
export class WorkPool {
  private readonly piscina: Piscina;
  private readonly gate: Gate;
  private readonly largeGate: Gate;

  constructor(readonly limits: PoolLimits) {
    // The gates do the queueing: piscina's own queue limit also lets tasks pile onto busy threads.
    this.gate = new Gate(limits.concurrency, limits.queue);
    this.largeGate = new Gate(Math.max(1, limits.concurrency - 1), limits.queue);
    this.piscina = new Piscina({
      filename: new URL('./worker.js', import.meta.url).href,
      minThreads: limits.concurrency,
      maxThreads: limits.concurrency,
      // Idle workers stay: starting one costs more than most requests.
      idleTimeout: Number.POSITIVE_INFINITY,
    });
  }

  get queued(): number {
    return this.gate.queued + this.largeGate.queued;
  }

  /** Tasks in the workers now. */
  get running(): number {
    return this.gate.active;
  }

  async run<T extends Task>(task: T, signal?: AbortSignal): Promise<TaskResult<T>> {
    const deadline = AbortSignal.timeout(this.limits.timeoutMs);
    const abort = signal ? AbortSignal.any([deadline, signal]) : deadline;
    let outcome: Outcome;
    let release: (() => void) | undefined;
    let releaseLarge: (() => void) | undefined;
    try {
      if (sizeOf(task) > this.limits.smallInput) releaseLarge = await this.largeGate.enter(abort);
      release = await this.gate.enter(abort);
      outcome = (await this.piscina.run(task, { signal: abort })) as Outcome;
    } catch (err) {
      if (deadline.aborted) {
        throw new HttpError(503, 'timeout', `gave up after ${this.limits.timeoutMs} ms (--timeout)`);
      }
      if (signal?.aborted) throw new HttpError(499, 'client_closed', 'the client went away');
      if (err === Gate.FULL) {
        throw new HttpError(503, 'busy', `too many requests waiting (--queue ${this.limits.queue}); retry later`, { 'retry-after': '1' });
      }
      throw err;
    } finally {
      release?.();
      releaseLarge?.();
    }
    if (outcome.ok) return outcome.value as TaskResult<T>;
    if (outcome.name === 'InputError') throw new HttpError(422, 'unprocessable', outcome.message);
    const bug = new Error(outcome.message);
    bug.stack = outcome.stack;
    throw bug;
  }

  async close(): Promise<void> {
    await this.piscina.close();
  }
}


/** UTF-16 units of a text, bytes of a page or a batch chunk as sent: either way proportional to the work. */
function sizeOf(task: Task): number {
  switch (task.kind) {
    case 'article':
      return task.input.length;
    case 'chunk':
      return task.task.bytes.length;
    default:
      return task.text.length;
  }
}
