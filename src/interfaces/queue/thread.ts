import { writePart, type PartMeta } from '../../corpus/parts.js';
import type { ChunkJob } from './redis.js';

/** A worker thread's task: one described chunk, read from the shared file system, processed, written as its part. */
export default async function run(job: Pick<ChunkJob, 'chunk' | 'partPath'>): Promise<PartMeta> {
  return writePart(job.chunk, job.partPath);
}
