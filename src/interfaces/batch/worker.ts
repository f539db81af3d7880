import { move, transferableSymbol, valueSymbol } from 'piscina';
import type { ChunkTask } from '../../corpus/chunk.js';
import { processChunk } from '../../corpus/processChunk.js';

/** The local pool's task: the corpus layer's chunk processor, its output moved back instead of copied. */
export default async function run(task: ChunkTask): Promise<unknown> {
  const result = await processChunk(task);
  return move({ [transferableSymbol]: [result.out.buffer], [valueSymbol]: result } as unknown as Parameters<typeof move>[0]);
}
