import { byteScreen, type ByteScreen } from '../repair/index.js';
import { damageScore } from './damage.js';
import { InputError, where } from './io/errors.js';
import { flatRecord } from './io/flatRecord.js';
import { parseTextRecord, type JsonObject } from './io/jsonRecord.js';
import { decodeDocument } from './io/readDocument.js';
import { describeInvalidUtf8, decodeUtf8, findInvalidUtf8 } from './io/utf8.js';
import { PROCESSORS } from './modes.js';
import { RecordError, type ProcessInput, type Processed, type Processor } from './modeTypes.js';
import { OutputBytes } from './outputBytes.js';
import { inShard } from './shard.js';
import { emptyStats, type ChunkResult, type ChunkStats, type ChunkTask, type RecordOrigin, type TaskSettings } from './chunk.js';

/**
 * The chunk processor: repairs every record of a chunk and returns the output lines as one buffer,
 * the rejects and the counts. It depends on nothing but the chunk, so any thread or machine that
 * runs it gets the same bytes. Parsing, repair and serialisation all happen here, so whoever hands
 * out chunks only moves bytes.
 *
 * Most records of a corpus are clean. A record whose bytes pass the repair layer's byte screen
 * cannot be changed by any enabled fixer, so it is not decoded for repair at all: a JSON line is
 * still parsed (it must be valid and its field a string), then written through as its input bytes.
 */
export async function processChunk(task: ChunkTask): Promise<ChunkResult> {
  const run = await runFor(task.settings);
  const chunk = new ChunkWork(task, run);
  chunk.processAll();
  return { seq: task.seq, out: chunk.out.result(), rejects: chunk.rejects, stats: chunk.stats, stopped: chunk.stopped };
}

/** What a run's settings make once per worker: the processor, the screens and the metadata's fixed parts. */
interface RunTools {
  process: Processor;
  /** Null when records cannot be screened (article mode, markup input). */
  screen: ByteScreen | null;
  /** The screen plus what a `--lines` record needs decoded anyway: NUL (binary) and non-ASCII (UTF-8 validation). */
  lineScreen: ByteScreen | null;
  /** Whether the screen flags every non-ASCII byte: a line it passes is ASCII, so latin1 is its UTF-8. */
  asciiOnly: boolean;
  /** The screens as `LineTable`s, for the loop over a chunk's bytes: a JSON line's and a `--lines` line's. */
  jsonTable: LineTable | null;
  lineTable: LineTable | null;
}

/**
 * Per byte value, what the loop over a line-based chunk does with it (see `ChunkWork.lines`): one
 * table lookup per byte screens the line, finds its end and, for `--lines`, whether it needs a JSON
 * escape. In issue #13 the screen's own loop, a second loop for the line breaks and the escape test
 * were the largest cost of a clean corpus after the output.
 */
interface LineTable {
  codes: Uint8Array;
  /** What a carriage return inside a line is. */
  cr: number;
}
const PASS = 0;
/** The screen flags it: the record goes through the pipeline. */
const FLAGGED = 1;
/** `--lines`: needs an escape in a JSON string (a quote, a backslash, a control character); a bit beside FLAGGED. */
const ESCAPE = 2;
const LINE_FEED = 4;
/** A carriage return: the line's end when a line feed (or the chunk's end) follows, else `cr`. */
const RETURN = 5;
/** JSON lines: an escape, screened as the character it stands for. */
const BACKSLASH_ESCAPE = 6;

function lineTable(screen: ByteScreen, json: boolean): LineTable {
  const codes = new Uint8Array(256);
  for (let b = 0; b < 256; b++) {
    // Both bits where both hold: a line the pipeline leaves as it is is written from its bytes, escaped or not.
    codes[b] = (screen[b] === 1 ? FLAGGED : PASS) | (!json && (b < 0x20 || b === QUOTE || b === BACKSLASH) ? ESCAPE : PASS);
  }
  const cr = codes[0x0d]!;
  codes[0x0d] = RETURN;
  codes[0x0a] = LINE_FEED;
  if (json && codes[BACKSLASH] !== FLAGGED) codes[BACKSLASH] = BACKSLASH_ESCAPE;
  return { codes, cr };
}

const tools = new Map<string, RunTools>();

async function runFor(settings: TaskSettings): Promise<RunTools> {
  // Chunks arrive structured-cloned, each with its own settings object: the key is their content.
  const key = `${settings.mode}\u0000${JSON.stringify(settings.options)}`;
  let made = tools.get(key);
  if (!made) {
    const process = (await PROCESSORS[settings.mode]())(settings.options);
    const screen = settings.mode === 'fix' ? byteScreen(settings.options) : null;
    let lineScreen: ByteScreen | null = null;
    if (screen) {
      lineScreen = Uint8Array.from(screen);
      lineScreen[0] = 1;
      lineScreen.fill(1, 0x80);
    }
    made = {
      process,
      screen,
      lineScreen,
      asciiOnly: screen !== null && screen[0x80] === 1,
      jsonTable: screen ? lineTable(screen, true) : null,
      lineTable: lineScreen ? lineTable(lineScreen, false) : null,
    };
    tools.set(key, made);
  }
  return made;
}

/**
 * Pieces of a long text (`fix` of a large file): small enough that most of the repair stays in the
 * young generation and clean stretches pass the screen whole (issue #13 measured pieces of about 2 KB
 * of lines at 136–141 MB/s against 27–47 MB/s for 64 K-character pieces), large enough to give the
 * fixers a paragraph of context.
 */
const PIECE_BYTES = 2048;
const BACKSLASH = 0x5c;
const QUOTE = 0x22;
const CLOSING_FIXES = Buffer.from(',"fixes":{"total":0},"damage":0}}\n');
const CLOSING_COUNTS = Buffer.from('{"fixes":{"total":0},"damage":0}}\n');
const CLOSING_TOTAL = Buffer.from('{"total":0}}\n');
const CLOSING_NONE = Buffer.from('}\n');
const QUOTE_BYTE = Buffer.from('"');
const EMPTY = Buffer.alloc(0);
const NEWLINE = Buffer.from('\n');
const LINE_KEY = Buffer.from(',"line":');

/** One chunk's processing: its output buffer, rejects and counts, and the per-record steps for each format. */
class ChunkWork {
  readonly out: OutputBytes;
  readonly stats: ChunkStats = emptyStats();
  readonly rejects: ChunkResult['rejects'] = [];
  stopped = false;
  private readonly all: Buffer;
  private readonly settings: TaskSettings;
  private readonly sourceJson: string;
  /** `,"unmangle":{"source":…` up to where the line number goes (full metadata), or up to the fixes. */
  private readonly metaOpen: Buffer;
  /** The member the metadata goes in: `unmangle`, or `fixes` for the service's records. */
  private readonly metaKey: string;
  /** The text field's and the metadata member's names as bytes, for `flatRecord`. */
  private readonly fieldBytes: Buffer;
  private readonly metaKeyBytes: Buffer;
  /** `{"text":` for `--lines` records. */
  private readonly fieldOpen: Buffer;
  /** `{"text":"`, for a `--lines` record that needs no escape. */
  private readonly fieldOpenQuoted: Buffer;
  /** What follows a clean record's own bytes up to its line number (full metadata) or its end, and the same after a closing quote. */
  private readonly cleanTail: Buffer;
  private readonly cleanTailQuoted: Buffer;

  constructor(
    private readonly task: ChunkTask,
    private readonly tools: RunTools,
  ) {
    this.settings = task.settings;
    this.all = Buffer.from(task.bytes.buffer, task.bytes.byteOffset, task.bytes.byteLength);
    this.sourceJson = JSON.stringify(task.source);
    this.fieldOpen = Buffer.from(`{${JSON.stringify(this.settings.field)}:`);
    this.fieldBytes = Buffer.from(this.settings.field);
    this.metaKeyBytes = Buffer.from(this.settings.meta === 'fixes' ? 'fixes' : 'unmangle');
    this.fieldOpenQuoted = Buffer.from(`{${JSON.stringify(this.settings.field)}:"`);
    this.metaKey = this.settings.meta === 'fixes' ? 'fixes' : 'unmangle';
    this.metaOpen = Buffer.from(this.settings.meta === 'full' ? `,"unmangle":{"source":${this.sourceJson}` : `,"${this.metaKey}":`);
    const meta = this.settings.meta;
    this.cleanTail = meta === 'none' ? CLOSING_NONE : Buffer.concat([this.metaOpen, meta === 'full' ? LINE_KEY : meta === 'fixes' ? CLOSING_TOTAL : CLOSING_COUNTS]);
    this.cleanTailQuoted = Buffer.concat([QUOTE_BYTE, this.cleanTail]);
    // Room for every record's metadata too: growing the buffer would copy all of it (a tenth of a
    // clean run's time when the metadata outweighed the records). Pages not written cost nothing.
    const records = task.lineCount ?? task.lengths.length;
    const perRecord = this.fieldOpenQuoted.length + this.cleanTailQuoted.length + CLOSING_FIXES.length + 16;
    this.out = new OutputBytes(4096 + task.bytes.byteLength * 2 + records * perRecord, task.spare);
  }

  processAll(): void {
    const task = this.task;
    if (task.unreadable !== undefined) {
      if (inShard(this.settings.shard ? `${task.shardName}:${task.firstN}` : '', this.settings.shard)) this.reject(new InputError(task.unreadable.where, task.unreadable.problem), null, task.firstN);
      else this.stats.otherShards++;
      return;
    }
    if (task.format === 'pieces') {
      this.piece();
      return;
    }
    if (task.lineCount !== undefined) {
      this.lines(task.format === 'jsonl' ? this.tools.jsonTable : this.tools.lineTable);
      return;
    }
    let offset = 0;
    for (let i = 0; i < task.lengths.length && !this.stopped; i++) {
      const length = task.lengths[i]!;
      const origin = task.origins?.[i] ?? { n: task.firstN + i };
      this.document(this.all.subarray(offset, offset + length), origin);
      offset += length;
    }
  }

  /**
   * Every line of the chunk, screened on the way: synchronous and without an object per line, as
   * this loop runs for every byte of a corpus. No length limit here: an oversize line is kept whole
   * so that it can be rejected verbatim. Without a table (nothing can be screened), each line just
   * goes to the pipeline.
   */
  private lines(table: LineTable | null): void {
    const { all, task } = this;
    const json = task.format === 'jsonl';
    const end = all.length;
    let n = task.firstN;
    let start = 0;
    if (table === null) {
      while (start < end && !this.stopped) {
        let nl = all.indexOf(0x0a, start);
        if (nl < 0) nl = end;
        const lineEnd = nl > start && all[nl - 1] === 0x0d ? nl - 1 : nl;
        if (json) this.jsonLine(start, lineEnd, n, false);
        else this.textLine(start, lineEnd, n, false, false);
        n++;
        start = nl + 1;
      }
      return;
    }
    const codes = table.codes;
    const screen = this.tools.screen!;
    // What the line so far holds: FLAGGED and ESCAPE bits.
    let seen = 0;
    // The hot loop only looks bytes up; the chunk's last line, if it has no line feed, is done after it.
    for (let i = 0; i < end; i++) {
      const code = codes[all[i]!]!;
      if (code === PASS) continue;
      if (code === LINE_FEED) {
        this.line(json, start, i, n, seen);
        if (this.stopped) return;
        n++;
        start = i + 1;
        seen = 0;
      } else if (code === RETURN) {
        if (i + 1 < end && all[i + 1] !== 0x0a) seen |= table.cr;
      } else if (code === BACKSLASH_ESCAPE) {
        const length = escapeLength(screen, all, i);
        if (length < 0) seen |= FLAGGED;
        else i += length - 1;
      } else {
        seen |= code;
      }
    }
    if (start < end) this.line(json, start, end, n, seen);
  }

  /** The line that ends at `end` (its line feed, or the chunk's end), with what the screen saw in it. */
  private line(json: boolean, start: number, end: number, n: number, seen: number): void {
    const lineEnd = end > start && this.all[end - 1] === 0x0d ? end - 1 : end;
    if (json) this.jsonLine(start, lineEnd, n, (seen & FLAGGED) === 0);
    else this.textLine(start, lineEnd, n, (seen & FLAGGED) === 0, (seen & ESCAPE) !== 0);
  }

  private jsonLine(start: number, end: number, n: number, screened: boolean): void {
    const { settings, all } = this;
    if (isBlank(all, start, end)) return;
    // A screened line is ASCII when the screen flags non-ASCII bytes: no need to validate it as UTF-8,
    // and a flat record (most are) need not even be parsed to be written through.
    const ascii = screened && this.tools.asciiOnly && end - start <= settings.maxLineBytes;
    if (ascii && !settings.shard) {
      const flat = flatRecord(all, start, end, this.fieldBytes, this.metaKeyBytes);
      if (flat !== null && this.writtenThrough(flat.hasMetaKey, start, end, n, flat.textLength)) return;
    }
    const bytes = all.subarray(start, end);
    const lineKey = settings.shard ? `${this.task.shardName}:${n}` : '';
    let parsed = ascii ? parseAscii(all.toString('latin1', start, end), settings.field) : null;
    if (!parsed) {
      try {
        parsed = parseTextRecord({ number: n, bytes, oversize: bytes.length > settings.maxLineBytes }, this.task.source, settings.field, settings.maxLineBytes);
      } catch (err) {
        if (!(err instanceof InputError)) throw err;
        if (!inShard(lineKey, settings.shard)) this.stats.otherShards++;
        else this.reject(err, bytes, n);
        return;
      }
    }
    const { record, text } = parsed;
    if (settings.shard) {
      const id = record[settings.idField];
      if (!inShard(typeof id === 'string' || typeof id === 'number' ? `id:${id}` : lineKey, settings.shard)) {
        this.stats.otherShards++;
        return;
      }
    }
    if (screened && this.writtenThrough(this.metaKey in record, start, end, n, text.length)) return;
    const processed = this.repaired(text, n, bytes);
    if (processed === null) return;
    // Without metadata a record the pipeline went through is written as JSON.stringify writes it, as before.
    if (untouched(processed) && settings.meta !== 'none' && this.writtenThrough(this.metaKey in record, start, end, n, processed.inputLength)) return;
    record[settings.field] = processed.text;
    this.finish(record, processed, { n }, bytes);
  }

  private textLine(start: number, end: number, n: number, screened: boolean, escape: boolean): void {
    const { settings, all } = this;
    const source = this.task.source;
    if (settings.shard && !inShard(`${this.task.shardName}:${n}`, settings.shard)) {
      this.stats.otherShards++;
      return;
    }
    if (end - start > settings.maxLineBytes) {
      this.reject(new InputError(where(source, n), `line is longer than ${settings.maxLineBytes} bytes (--max-line-bytes)`), all.subarray(start, end), n);
      return;
    }
    if (screened) {
      // ASCII: latin1 is its text.
      this.unchangedLine(start, end, n, end - start, escape ? all.toString('latin1', start, end) : null);
      return;
    }
    const bytes = all.subarray(start, end);
    const text = decodeUtf8(bytes);
    if (text === null) {
      const problem = findInvalidUtf8(bytes)!;
      this.reject(new InputError(where(source, n, problem.column), describeInvalidUtf8(problem)), bytes, n);
      return;
    }
    if (text.includes('\0')) {
      this.reject(new InputError(where(source, n), 'binary data (NUL byte), not text'), bytes, n);
      return;
    }
    const processed = this.repaired(text, n, bytes);
    if (processed === null) return;
    if (untouched(processed)) this.unchangedLine(start, end, n, processed.inputLength, escape ? text : null);
    else this.finish({ [settings.field]: processed.text }, processed, { n });
  }

  /**
   * A JSON line nothing was done to: the line as it came, with the metadata appended inside its
   * braces. False when the line is not that simple (a byte-order mark, its own metadata member).
   */
  private writtenThrough(hasMetaKey: boolean, start: number, end: number, n: number, length: number): boolean {
    if (this.settings.output !== 'jsonl' || hasMetaKey) return false;
    const close = closingBrace(this.all, start, end);
    if (close <= start) return false;
    this.counted(length);
    this.out.record(EMPTY, this.all, start, close, this.cleanTail, this.settings.meta === 'full' ? n : -1, CLOSING_FIXES);
    return true;
  }

  /**
   * A `--lines` record nothing was done to, from its bytes: `escaped` is its text when it holds a
   * character a JSON string escapes (a quote, a backslash, a control character), else null.
   */
  private unchangedLine(start: number, end: number, n: number, length: number, escaped: string | null): void {
    this.counted(length);
    const out = this.out;
    if (this.settings.output === 'raw') {
      out.range(this.all, start, end);
      out.bytes(NEWLINE);
    } else if (escaped !== null) {
      out.bytes(this.fieldOpen);
      out.text(JSON.stringify(escaped));
      this.cleanMeta(n, this.cleanTail);
    } else {
      out.record(this.fieldOpenQuoted, this.all, start, end, this.cleanTailQuoted, this.settings.meta === 'full' ? n : -1, CLOSING_FIXES);
    }
  }

  /**
   * The chunk's lines as text, written as repaired text (the line breaks are the text's own). It is
   * repaired in pieces of whole lines of about `PIECE_BYTES`, as the library cuts a long document into
   * pieces: a piece the screen passes is written as its bytes, the others go through the pipeline.
   */
  private piece(): void {
    const { all, task } = this;
    const screen = this.tools.lineScreen;
    let line = task.firstN;
    let start = 0;
    while (start < all.length && !this.stopped) {
      let end = start + PIECE_BYTES >= all.length ? all.length : all.indexOf(0x0a, start + PIECE_BYTES) + 1;
      if (end === 0) end = all.length;
      const bytes = all.subarray(start, end);
      if (screen && passesScreenAll(screen, bytes)) {
        this.counted(bytes.length);
        this.out.bytes(bytes);
      } else {
        this.textPiece(bytes, line);
      }
      line += linesBefore(bytes, bytes.length);
      start = end;
    }
  }

  private textPiece(bytes: Buffer, n: number): void {
    const source = this.task.source;
    const nul = bytes.indexOf(0);
    if (nul >= 0) {
      this.reject(new InputError(where(source, n + linesBefore(bytes, nul)), 'binary data (NUL byte), not text'), null, n);
      return;
    }
    const text = decodeUtf8(bytes);
    if (text === null) {
      const problem = findInvalidUtf8(bytes)!;
      this.reject(new InputError(where(source, n + problem.line - 1, problem.column), `${describeInvalidUtf8(problem)}; not UTF-8 text`), null, n);
      return;
    }
    const processed = this.repaired(text, n, bytes);
    if (processed === null) return;
    if (untouched(processed) && this.settings.output === 'raw') {
      // Nearly every piece that failed the byte screen comes back as it went: its bytes are its output.
      this.counted(processed.inputLength);
      this.out.bytes(bytes);
      return;
    }
    this.finish({}, processed, { n });
  }

  /** A whole text file or a WARC payload. */
  private document(bytes: Buffer, origin: RecordOrigin): void {
    const { settings, task } = this;
    const source = task.source;
    const key = task.format === 'text' ? task.shardName : origin.warcId ? `warc:${origin.warcId}` : settings.shard ? `${task.shardName}:${origin.n}` : '';
    if (!inShard(key, settings.shard)) {
      this.stats.otherShards++;
      return;
    }
    let processed: Processed;
    try {
      if (task.format === 'text') {
        const text = decodeDocument(bytes, source);
        processed = this.tools.lineScreen && passesScreenAll(this.tools.lineScreen, bytes) ? unchanged(text) : this.tools.process({ text, source });
      } else {
        const input: ProcessInput = { bytes, source };
        if (origin.charset) input.charset = origin.charset;
        if (origin.url) input.url = origin.url;
        processed = this.tools.process(input);
      }
    } catch (err) {
      this.failed(err, origin.n, bytes);
      return;
    }
    const record: JsonObject = { [settings.field]: processed.text };
    if (task.format === 'warc') {
      if (origin.url) record.url = origin.url;
      if (origin.date) record.date = origin.date;
      if (origin.warcId) record.warcRecordId = origin.warcId;
    }
    this.finish(record, processed, origin);
  }

  private counted(length: number): void {
    const stats = this.stats;
    stats.in++;
    stats.out++;
    stats.unchanged++;
    stats.charsIn += length;
    stats.charsOut += length;
  }

  /**
   * The metadata of a record nothing was done to, and the line's end (the object has its text field
   * before it): `tail` is all of it but the line number and what follows it under full metadata.
   */
  private cleanMeta(n: number, tail: Buffer): void {
    const out = this.out;
    out.bytes(tail);
    if (this.settings.meta === 'full') {
      out.decimal(n);
      out.bytes(CLOSING_FIXES);
    }
  }

  /** The record after processing: its output line(s), counts and metadata. */
  private finish(record: JsonObject, processed: Processed, origin: RecordOrigin, raw?: Buffer): void {
    const { stats, out, settings, task } = this;
    stats.in++;
    stats.out++;
    if (processed.changed) stats.repaired++;
    else stats.unchanged++;
    stats.charsIn += processed.inputLength;
    stats.charsOut += processed.text.length;
    for (const name in processed.counts) stats.fixes[name] = (stats.fixes[name] ?? 0) + (processed.counts[name as keyof typeof processed.counts] ?? 0);
    if (settings.output === 'raw') {
      out.text(processed.text);
      if (task.format === 'lines') out.bytes(NEWLINE);
      return;
    }
    if (processed.extra) record.article = processed.extra;
    const key = this.metaKey;
    const replacing = key in record;
    const meta = settings.meta === 'none' ? null : this.metaJson(origin, processed);
    if (meta === null) {
      if (replacing) delete record[key];
      out.text(JSON.stringify(record));
      out.bytes(NEWLINE);
      return;
    }
    const close = raw && !processed.changed && !processed.extra && !replacing ? closingBrace(raw, 0, raw.length) : -1;
    if (close > 0) {
      // Written through as it came, with the metadata appended: no need to serialise the text again.
      out.bytes(raw!.subarray(0, close));
      out.text(`,"${key}":${meta}}\n`);
      return;
    }
    if (replacing) {
      // The input's own `unmangle` field is replaced, in its place, as JSON.stringify would.
      record[key] = JSON.parse(meta) as unknown;
      out.text(JSON.stringify(record));
      out.bytes(NEWLINE);
      return;
    }
    // The serialised record is written as it is, not joined to its ending: that would copy the text once more.
    const json = JSON.stringify(record);
    out.openObject(json);
    out.text(`${json.length > 2 ? ',' : ''}"${key}":${meta}}\n`);
  }

  /**
   * The record's `unmangle` field as JSON, written directly: JSON.stringify of a fresh object for
   * every record cost more than the repair of a clean one. Key order: source, line or offset, fixes
   * (total first), damage.
   */
  private metaJson(origin: RecordOrigin, processed: Processed): string {
    const { task, settings } = this;
    let json = '{';
    if (settings.meta === 'full') {
      json += `"source":${this.sourceJson}`;
      if (task.format === 'warc') json += origin.offset === undefined ? '' : `,"offset":${origin.offset}`;
      else if (task.format !== 'text') json += `,"line":${origin.n}`;
      json += ',';
    }
    let total = 0;
    let fixes = '';
    for (const name in processed.counts) {
      const n = processed.counts[name as keyof typeof processed.counts] ?? 0;
      total += n;
      fixes += `,${JSON.stringify(name)}:${n}`;
    }
    if (settings.meta === 'fixes') return `{"total":${total}${fixes}}`;
    return `${json}"fixes":{"total":${total}${fixes}},"damage":${damageScore(processed.counts, processed.inputLength)}}`;
  }

  /** The text through the pipeline, or null when it was rejected (a bad record, not a bug). */
  private repaired(text: string, n: number, bytes: Buffer): Processed | null {
    try {
      return this.tools.process({ text, source: this.task.source });
    } catch (err) {
      this.failed(err, n, bytes);
      return null;
    }
  }

  private failed(err: unknown, n: number, bytes: Buffer): void {
    if (err instanceof InputError) this.reject(err, bytes, n);
    else if (err instanceof RecordError) this.reject(new InputError(where(this.task.source, n), err.message), bytes, n);
    else throw err;
  }

  private reject(err: InputError, bytes: Buffer | null, n: number): void {
    this.stats.in++;
    this.stats.rejected++;
    if (this.settings.inlineRejects) {
      // The service answers a bad line in its place in the output, and the stream goes on.
      this.out.text(`{"line":${n},"error":"bad_record","message":${JSON.stringify(err.message)}}\n`);
      return;
    }
    this.rejects.push({ where: err.where, problem: err.problem, bytes: bytes ? new Uint8Array(bytes) : null });
    if (this.settings.strict) this.stopped = true;
  }
}

/** A JSON line known to be ASCII, parsed without decoding; null when it is not a usable record (the full parser then says why). */
function parseAscii(json: string, field: string): { record: JsonObject; text: string } | null {
  let record: unknown;
  try {
    record = JSON.parse(json);
  } catch {
    return null;
  }
  if (record === null || typeof record !== 'object' || Array.isArray(record)) return null;
  const text = (record as JsonObject)[field];
  if (typeof text !== 'string' || !Object.prototype.hasOwnProperty.call(record, field)) return null;
  return { record: record as JsonObject, text };
}

function linesBefore(bytes: Buffer, end: number): number {
  let lines = 0;
  for (let i = bytes.indexOf(0x0a); i >= 0 && i < end; i = bytes.indexOf(0x0a, i + 1)) lines++;
  return lines;
}

/** The pipeline changed nothing and counted nothing: the record's output is its input's, with empty metadata. */
function untouched(processed: Processed): boolean {
  if (processed.changed || processed.extra) return false;
  for (const _ in processed.counts) return false;
  return true;
}

function unchanged(text: string): Processed {
  return { text, counts: {}, changed: false, inputLength: text.length };
}

function passesScreenAll(screen: ByteScreen, bytes: Uint8Array): boolean {
  for (let i = 0; i < bytes.length; i++) if (screen[bytes[i]!] === 1) return false;
  return true;
}

/** Escaped characters in a JSON line; each is screened as the character it stands for. */
const ESCAPED: Record<number, number> = { 0x6e: 0x0a, 0x72: 0x0d, 0x74: 0x09, 0x62: 0x08, 0x66: 0x0c, 0x22: 0x22, 0x5c: 0x5c, 0x2f: 0x2f };

/**
 * The JSON escape at `at` (a backslash) screened as the character it stands for (`\u0026` is `&`,
 * `\r` a carriage return): its length, or -1 when the screen flags it or it is not valid JSON (the
 * parser will then say so). Keys and other fields are screened too, which only makes it stricter.
 */
function escapeLength(screen: ByteScreen, bytes: Uint8Array, at: number): number {
  const e = bytes[at + 1];
  if (e === 0x75) {
    let code = 0;
    for (let k = 0; k < 4; k++) {
      const h = bytes[at + 2 + k];
      const d = h === undefined ? -1 : h >= 0x30 && h <= 0x39 ? h - 0x30 : h >= 0x61 && h <= 0x66 ? h - 0x57 : h >= 0x41 && h <= 0x46 ? h - 0x37 : -1;
      if (d < 0) return -1;
      code = code * 16 + d;
    }
    return screen[code < 0x80 ? code : 0x80] === 1 ? -1 : 6;
  }
  return e === undefined || ESCAPED[e] === undefined || screen[ESCAPED[e]!] === 1 ? -1 : 2;
}

/** A line that holds only whitespace carries no record; it is passed through, not counted. */
function isBlank(bytes: Uint8Array, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    const b = bytes[i]!;
    if (b !== 0x20 && b !== 0x09 && b !== 0x0d) return false;
  }
  return true;
}

/** Where the object's closing brace is (trailing blanks allowed), or -1 when the line is not that simple. */
function closingBrace(line: Uint8Array, start: number, end: number): number {
  if (line[start] === 0xef) return -1; // a byte-order mark, which the parser dropped and the output must not repeat
  let i = end - 1;
  while (i > start && (line[i] === 0x20 || line[i] === 0x09 || line[i] === 0x0d)) i--;
  return line[i] === 0x7d ? i : -1;
}
