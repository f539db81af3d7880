export interface Shard {
  index: number;
  count: number;
}

/**
 * 32-bit FNV-1a over the key's UTF-16 units: the same key falls in the same shard on every machine,
 * whatever the worker count or timing, so the shards of one corpus partition it exactly.
 */
export function shardOf(key: string, count: number): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) {
    h ^= key.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return (h % count) + 1;
}

export function inShard(key: string, shard: Shard | null): boolean {
  return shard === null || shard.count === 1 || shardOf(key, shard.count) === shard.index;
}
