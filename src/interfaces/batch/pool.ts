import { Piscina } from 'piscina';
import type { ChunkResult, ChunkTask } from '../../corpus/chunk.js';
import type { ChunkRunner } from '../../corpus/run.js';

/** Chunks on worker threads (piscina); a chunk's bytes move to the worker and its output back, without a copy. */
export class LocalPool implements ChunkRunner {
  private readonly piscina: Piscina;
  /** Chunks in flight: being read, repaired or waiting for their turn to be written. */
  readonly concurrency: number;

  constructor(workers: number) {
    this.concurrency = Math.max(4, workers * 3);
    this.piscina = new Piscina({
      filename: new URL('./worker.js', import.meta.url).href,
      minThreads: workers,
      maxThreads: workers,
      idleTimeout: 60_000,
      // A worker holds its next chunk while it repairs one: otherwise it idled for each round trip through
      // the main thread (about 0.8 ms per chunk, 3% of the run). Chunks still run one at a time.
      concurrentTasksPerWorker: 2,
    });
  }

  private readonly pending = new Set<Promise<unknown>>();

  /** Output buffers written out, waiting to go back to a worker with the next chunk. */
  private readonly spares: ArrayBuffer[] = [];

  recycle(buffer: ArrayBuffer): void {
    if (this.spares.length < this.concurrency) this.spares.push(buffer);
  }

  run(task: ChunkTask): Promise<ChunkResult> {
    const transferList = [task.bytes.buffer as ArrayBuffer];
    const spare = this.spares.pop();
    if (spare) {
      task.spare = spare;
      transferList.push(spare);
    }
    const job = this.piscina.run(task, { transferList }) as Promise<ChunkResult>;
    this.pending.add(job);
    const forget = () => this.pending.delete(job);
    job.then(forget, forget);
    return job;
  }

  /** After the chunks still being processed (a stopped run leaves some): a worker must not answer a pool that is gone. */
  async destroy(): Promise<void> {
    await Promise.allSettled([...this.pending]);
    await this.piscina.destroy();
  }
}
