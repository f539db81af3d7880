import { Redis } from 'ioredis';
import type { RunOutputs } from '../../corpus/assemble.js';
import type { DescribedChunk, PlannedFile } from '../../corpus/plan.js';
import type { BatchSummary } from '../../corpus/summary.js';

/** A setting or a state that makes the command impossible (no Redis, a clashing run); one line for the user. */
export class QueueSetupError extends Error {
  override readonly name = 'QueueSetupError';
}

/** Where a set of runs lives: a Redis server and a queue name (teams sharing a server pick their own). */
export interface QueuePlace {
  redis: string;
  queue: string;
}

/** BullMQ's key prefix; the run records sit beside the queues under it. */
export const PREFIX = 'unmangle';
export const chunkQueueName = (place: QueuePlace) => place.queue;
export const assemblyQueueName = (place: QueuePlace) => `${place.queue}-assembly`;
export const runKey = (place: QueuePlace, run: string) => `${PREFIX}:runs:${place.queue}:${run}`;
export const doneKey = (place: QueuePlace, run: string) => `${runKey(place, run)}:done`;
export const runsKey = (place: QueuePlace) => `${PREFIX}:runs:${place.queue}`;
export const chunkJobId = (run: string, seq: number) => `${run}.${seq}`;

/** A run's name is part of job ids and of a directory name. */
export function checkRunName(name: string): string {
  if (!/^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/.test(name)) throw new QueueSetupError(`--run wants letters, digits, '.', '_' or '-' (at most 100), not "${name}"`);
  return name;
}

/** What a chunk job carries: the described chunk and where its part goes. Nothing else is needed to do it. */
export interface ChunkJob {
  run: string;
  partPath: string;
  chunk: DescribedChunk;
  /** Input bytes the chunk covers, for progress. */
  bytes: number;
}

export interface AssemblyJob {
  run: string;
}

/** What `submit` records for a run; the assembler works from it alone. */
export interface RunSpec {
  name: string;
  fingerprint: string;
  /** The options as given, for the message when a different set comes under the same name. */
  settings: Record<string, unknown>;
  inputs: string[];
  outputs: RunOutputs;
  /** Where the parts are written until the output is assembled (below the output directory). */
  workDir: string;
  files: PlannedFile[];
  /** Per chunk, in order: the index of its file. */
  chunkFiles: number[];
  shard: string | null;
  submittedAt: number;
}

/** The run record's state as `status` reads it. */
export interface RunState {
  spec: RunSpec;
  total: number;
  bytesTotal: number;
  submitted: boolean;
  startedAt: number | null;
  completedAt: number | null;
  recordsDone: number;
  bytesDone: number;
  summary: BatchSummary | null;
}

/** A client for short commands (submit, status, retry): a missing server is an error at once, not a wait. */
export async function connectOnce(place: QueuePlace): Promise<Redis> {
  const client = new Redis(place.redis, { maxRetriesPerRequest: null, lazyConnect: true, retryStrategy: () => null, enableOfflineQueue: false });
  client.on('error', () => undefined); // reported by connect() below
  try {
    await client.connect();
  } catch (err) {
    client.disconnect();
    throw new QueueSetupError(`cannot reach Redis at ${place.redis} (${(err as Error).message}); start one with: redis-server --port 6379 --appendonly yes`);
  }
  return client;
}

/** A client for workers: it reconnects for as long as it takes (a Redis restart is waited out). */
export function connectForever(place: QueuePlace, onProblem: (message: string) => void): Redis {
  const client = new Redis(place.redis, { maxRetriesPerRequest: null, retryStrategy: (times) => Math.min(times * 200, 2000) });
  let reported = false;
  client.on('error', (err: Error) => {
    if (!reported) onProblem(`cannot reach Redis at ${place.redis} (${err.message}); retrying`);
    reported = true;
  });
  client.on('ready', () => {
    if (reported) onProblem(`connected to Redis at ${place.redis} again`);
    reported = false;
  });
  return client;
}

export async function readRun(client: Redis, place: QueuePlace, run: string): Promise<RunState | null> {
  const h = await client.hgetall(runKey(place, run));
  if (!h.spec) return null;
  const num = (v: string | undefined) => (v === undefined ? null : Number(v));
  return {
    spec: JSON.parse(h.spec) as RunSpec,
    total: Number(h.total ?? 0),
    bytesTotal: Number(h.bytesTotal ?? 0),
    submitted: h.submitted === '1',
    startedAt: num(h.startedAt),
    completedAt: num(h.completedAt),
    recordsDone: Number(h.recordsDone ?? 0),
    bytesDone: Number(h.bytesDone ?? 0),
    summary: h.summary ? (JSON.parse(h.summary) as BatchSummary) : null,
  };
}

/**
 * Marks a chunk done (its part is in place) and counts its records and bytes once however often it
 * was done; returns how many chunks of the run are done.
 */
export const MARK_DONE = `
if redis.call('SADD', KEYS[2], ARGV[1]) == 1 then
  redis.call('HINCRBY', KEYS[1], 'recordsDone', ARGV[2])
  redis.call('HINCRBY', KEYS[1], 'bytesDone', ARGV[3])
end
return redis.call('SCARD', KEYS[2])`;

export async function markDone(client: Redis, place: QueuePlace, run: string, seq: number, records: number, bytes: number): Promise<number> {
  return (await client.eval(MARK_DONE, 2, runKey(place, run), doneKey(place, run), String(seq), String(records), String(bytes))) as number;
}
