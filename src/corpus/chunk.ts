import type { FixOptions } from '../repair/index.js';

/**
 * What the main thread sends a worker: many records of one input file at once, so that the cost of
 * a message is spread over a megabyte of work. Everything here survives structured cloning.
 */
/**
 * `pieces`: one long text cut at line breaks into chunks, each repaired as a text of its own and
 * written as plain text, in order (`unmangle fix` on a large file).
 */
export type RecordFormat = 'jsonl' | 'lines' | 'text' | 'warc' | 'pieces';
export type Mode = 'fix' | 'article';
/** What a worker writes per record: JSON lines, or the repaired text itself (`--out-dir` of text files). */
export type OutputShape = 'jsonl' | 'raw';

/** What each output record carries under `unmangle`: nothing, the fixes and damage, or also where it came from. */
export type MetaLevel = 'none' | 'counts' | 'full';
export const META_LEVELS: readonly MetaLevel[] = ['none', 'counts', 'full'];
/** `fixes`: the service's records, which carry their counts as a top-level `fixes` member. */
export type MetaShape = MetaLevel | 'fixes';

export interface TaskSettings {
  mode: Mode;
  meta: MetaShape;
  /** Bad records become error lines in the output, in their place (the service), instead of rejects. */
  inlineRejects?: boolean;
  field: string;
  idField: string;
  options: FixOptions;
  maxLineBytes: number;
  shard: { index: number; count: number } | null;
  strict: boolean;
  output: OutputShape;
}

/** Where a record came from, for messages and for the output's `unmangle` field. */
export interface RecordOrigin {
  /** Line number (JSON lines, `--lines`), or record number within a WARC file; 1 for a whole document. */
  n: number;
  /** Byte offset of a WARC record in its (decompressed) file. */
  offset?: number;
  /** WARC headers worth keeping. */
  url?: string;
  warcId?: string;
  date?: string;
  /** The HTTP charset and content type of a WARC payload. */
  charset?: string;
  contentType?: string;
}

export interface ChunkTask {
  seq: number;
  format: RecordFormat;
  settings: TaskSettings;
  /** The source name in messages (`file` or `<stdin>`). */
  source: string;
  /** The name sharding hashes: stable across machines (relative path or base name). */
  shardName: string;
  /**
   * The records' bytes, one after another, `lengths[i]` bytes each; for JSON lines and `--lines`,
   * whole lines (`lineCount` of them, line breaks included) that the worker splits.
   */
  bytes: Uint8Array;
  lengths: number[];
  lineCount?: number;
  /** Per record, for WARC; line-based chunks hold consecutive records numbered from `firstN`. */
  origins?: RecordOrigin[];
  firstN: number;
  /** Set when (the rest of) the file could not be read: one rejected record with this message. */
  unreadable?: { where: string; problem: string };
  /** An earlier chunk's output buffer, moved back by the driver, for this chunk's output (see `ChunkRunner.recycle`). */
  spare?: ArrayBuffer;
}

export interface Rejected {
  where: string;
  problem: string;
  /** The record as it was in the input, for `--rejects`; none when the file could not be read. */
  bytes: Uint8Array | null;
}

export interface ChunkStats {
  /** Records of this shard read (all records when not sharding); in = out + rejected. */
  in: number;
  out: number;
  repaired: number;
  unchanged: number;
  rejected: number;
  /** Records that belong to other shards. */
  otherShards: number;
  fixes: Record<string, number>;
  /** Characters (UTF-16 units) of the repaired fields, in and out. */
  charsIn: number;
  charsOut: number;
}

export interface ChunkResult {
  seq: number;
  /** The output for this chunk's records, whole lines only (or whole documents for `raw`). */
  out: Uint8Array;
  rejects: Rejected[];
  stats: ChunkStats;
  /** With --strict: the first reject stopped the chunk; `out` holds the records before it. */
  stopped: boolean;
}

/** What a queue run's chunks are cut to: large enough that a queue's cost per job is small beside the work. */
export const PIECE_BYTES = 2 << 20;

export function emptyStats(): ChunkStats {
  return { in: 0, out: 0, repaired: 0, unchanged: 0, rejected: 0, otherShards: 0, fixes: {}, charsIn: 0, charsOut: 0 };
}

export function addStats(into: ChunkStats, from: ChunkStats): void {
  into.in += from.in;
  into.out += from.out;
  into.repaired += from.repaired;
  into.unchanged += from.unchanged;
  into.rejected += from.rejected;
  into.otherShards += from.otherShards;
  into.charsIn += from.charsIn;
  into.charsOut += from.charsOut;
  for (const [name, n] of Object.entries(from.fixes)) into.fixes[name] = (into.fixes[name] ?? 0) + n;
}
