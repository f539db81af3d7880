/**
 * One status line on a terminal, redrawn in place at most a few times a second:
 * records, MB read, records/s, MB/s and, when the total size is known, percent and ETA.
 */
export class Progress {
  private last = 0;
  private readonly started = Date.now();
  private shown = false;
  constructor(
    private readonly stream: NodeJS.WriteStream,
    private readonly totalBytes: number | null,
    private readonly everyMs = 200,
  ) {}

  update(records: number, bytes: number, force = false): void {
    const now = Date.now();
    if (!force && now - this.last < this.everyMs) return;
    this.last = now;
    this.shown = true;
    this.stream.write(`\r\x1b[K${progressLine(records, bytes, (now - this.started) / 1000, this.totalBytes)}`);
  }

  /** Clears the line so that the summary starts on a clean one. */
  finish(): void {
    if (this.shown) this.stream.write('\r\x1b[K');
    this.shown = false;
  }
}

export function progressLine(records: number, bytes: number, seconds: number, totalBytes: number | null): string {
  const mb = bytes / 1e6;
  const rate = seconds > 0 ? bytes / seconds : 0;
  const parts = [`${records.toLocaleString('en-US')} records`, `${mb.toFixed(1)} MB`, `${Math.round(records / Math.max(seconds, 1e-3)).toLocaleString('en-US')} records/s`, `${(rate / 1e6).toFixed(1)} MB/s`];
  if (totalBytes && totalBytes > 0) {
    parts[1] = `${mb.toFixed(1)}/${(totalBytes / 1e6).toFixed(1)} MB (${Math.min(100, (100 * bytes) / totalBytes).toFixed(0)}%)`;
    if (rate > 0) parts.push(`ETA ${duration(Math.max(0, totalBytes - bytes) / rate)}`);
  }
  return parts.join(' · ');
}

export function duration(seconds: number): string {
  const s = Math.round(seconds);
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const rest = String(s % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${rest}` : `${m}:${rest}`;
}
