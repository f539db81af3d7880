import type { RejectNote } from './journal.js';
import type { ChunkStats } from './chunk.js';

/** The final account of a run, printed on stderr and written as JSON by `--summary FILE`. */
export interface BatchSummary {
  records: { in: number; out: number; repaired: number; unchanged: number; rejected: number; otherShards: number; warcSkipped: number };
  fixes: Record<string, number>;
  /** Repairs per 1,000 input characters over the whole run (the per-record damage score, pooled). */
  damage: number;
  /** Bytes read from the inputs as stored (compressed, for .gz/.zst). */
  bytesRead: number;
  /** Bytes of the inputs' content (decompressed): what the records were cut from and what MB/s counts. */
  bytesDecompressed: number;
  seconds: number;
  workers: number;
  /** Peak resident memory of the process (main thread and workers), in bytes. */
  peakRss: number;
  /** CPU time of the process, all threads, user and system. */
  cpuSeconds: number;
  shard: string | null;
  resumed: boolean;
  /** The first rejects, with where and why (all are counted in `records.rejected`). */
  rejects: RejectNote[];
  /** in = out + rejected: no record is dropped silently. */
  balanced: boolean;
}

export const REJECT_NOTES_KEPT = 100;

export function makeSummary(stats: ChunkStats, extra: Omit<BatchSummary, 'records' | 'fixes' | 'damage' | 'balanced' | 'peakRss' | 'cpuSeconds'> & { warcSkipped: number }): BatchSummary {
  const { warcSkipped, ...rest } = extra;
  const total = Object.values(stats.fixes).reduce((a, b) => a + b, 0);
  return {
    records: { in: stats.in, out: stats.out, repaired: stats.repaired, unchanged: stats.unchanged, rejected: stats.rejected, otherShards: stats.otherShards, warcSkipped },
    fixes: { ...stats.fixes },
    damage: stats.charsIn > 0 ? Math.round((total * 1000 * 100) / stats.charsIn) / 100 : 0,
    ...rest,
    peakRss: process.resourceUsage().maxRSS * 1024,
    cpuSeconds: Math.round(((u) => u.user + u.system)(process.cpuUsage()) / 1e4) / 100,
    balanced: stats.in === stats.out + stats.rejected,
  };
}

const n = (x: number) => x.toLocaleString('en-US');

/** `command` names what ran (`unmangle batch`, `unmangle queue`), as the line's first words. */
export function formatSummary(s: BatchSummary, command: string): string {
  const r = s.records;
  const lines = [
    `${command}: ${n(r.in)} records in, ${n(r.out)} out (${n(r.repaired)} repaired, ${n(r.unchanged)} unchanged), ${n(r.rejected)} rejected` +
      (s.shard ? `; ${n(r.otherShards)} left to other shards (shard ${s.shard})` : '') +
      (r.warcSkipped > 0 ? `; ${n(r.warcSkipped)} WARC records not text responses` : ''),
  ];
  const fixes = Object.entries(s.fixes).filter(([, c]) => c > 0);
  lines.push(`  fixes: ${fixes.length === 0 ? 'none' : fixes.map(([name, c]) => `${name} ${n(c)}`).join(', ')}; damage ${s.damage} repairs per 1,000 characters`);
  const mb = s.bytesDecompressed / 1e6;
  const secs = Math.max(s.seconds, 1e-3);
  // Compressed inputs: the rate counts the content; what was read from disk is shown beside it.
  const stored = s.bytesRead !== s.bytesDecompressed ? ` (${(s.bytesRead / 1e6).toFixed(1)} MB compressed)` : '';
  lines.push(`  ${mb.toFixed(1)} MB${stored} in ${s.seconds.toFixed(1)} s (${(mb / secs).toFixed(1)} MB/s, ${n(Math.round(r.in / secs))} records/s) on ${s.workers} worker${s.workers === 1 ? '' : 's'}, peak memory ${Math.round(s.peakRss / 1e6)} MB${s.resumed ? ', resumed' : ''}`);
  if (!s.balanced) lines.push(`  internal error: records in ≠ out + rejected`);
  return lines.join('\n') + '\n';
}
