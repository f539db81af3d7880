/** Throughput of a function over a list of documents: warm up, then the median of several rounds. */
export interface Throughput {
  mbPerSecond: number;
  docsPerSecond: number;
  bytes: number;
  docs: number;
}

export function measure(docs: readonly string[], fn: (doc: string) => unknown, rounds = 5): Throughput {
  const bytes = docs.reduce((sum, d) => sum + Buffer.byteLength(d), 0);
  for (const d of docs) fn(d);
  const times: number[] = [];
  for (let r = 0; r < rounds; r++) {
    const t0 = process.hrtime.bigint();
    for (const d of docs) fn(d);
    times.push(Number(process.hrtime.bigint() - t0) / 1e9);
  }
  times.sort((a, b) => a - b);
  const seconds = times[Math.floor(times.length / 2)]!;
  return { mbPerSecond: bytes / 1e6 / seconds, docsPerSecond: docs.length / seconds, bytes, docs: docs.length };
}

export function formatRow(name: string, t: Throughput): string {
  return `${name.padEnd(58)} ${t.mbPerSecond.toFixed(1).padStart(8)} MB/s ${Math.round(t.docsPerSecond).toString().padStart(9)} docs/s   (${t.docs} docs, ${(t.bytes / 1e6).toFixed(1)} MB)`;
}
