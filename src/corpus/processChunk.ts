import type { FixCounts } from '../repair/index.js';
import { InputError, where } from './io/errors.js';
import { isBlank, parseTextRecord, type JsonObject } from './io/jsonRecord.js';
import { linesIn, type Line } from './io/lines.js';
import { decodeDocument } from './io/readDocument.js';
import { describeInvalidUtf8, decodeUtf8, findInvalidUtf8 } from './io/utf8.js';
import { damageScore } from './damage.js';
import { OutputBytes } from './outputBytes.js';
import { PROCESSORS } from './modes.js';
import { RecordError, type ProcessInput, type Processed, type Processor } from './modeTypes.js';
import { inShard } from './shard.js';
import { emptyStats, type ChunkResult, type ChunkTask, type RecordOrigin } from './chunk.js';

/**
 * The chunk processor: repairs every record of a chunk and returns the output lines as one buffer,
 * the rejects and the counts. It depends on nothing but the chunk, so any thread or machine that
 * runs it gets the same bytes. Parsing, repair and serialisation all happen here, so whoever hands
 * out chunks only moves bytes.
 */
export async function processChunk(task: ChunkTask): Promise<ChunkResult> {
  const stats = emptyStats();
  const rejects: ChunkResult['rejects'] = [];
  const out = new OutputBytes(Math.max(4096, task.bytes.byteLength + (task.bytes.byteLength >> 2)));
  const processor = await loadProcessor(task.settings.mode);
  let stopped = false;
  // Synchronous from here: an async iteration per record cost promises and microtasks for nothing.
  for (const { bytes, origin } of recordsOf(task)) {
    const outcome = processRecord(task, bytes, origin, processor);
    if (outcome === 'other-shard') {
      stats.otherShards++;
      continue;
    }
    if (outcome === 'blank') continue;
    stats.in++;
    if (outcome instanceof InputError) {
      stats.rejected++;
      rejects.push({ where: outcome.where, problem: outcome.problem, bytes: task.unreadable ? null : new Uint8Array(bytes) });
      if (task.settings.strict) {
        stopped = true;
        break;
      }
      continue;
    }
    stats.out++;
    const { processed, line } = outcome;
    if (processed.changed) stats.repaired++;
    else stats.unchanged++;
    stats.charsIn += processed.inputLength;
    stats.charsOut += processed.text.length;
    for (const [name, n] of Object.entries(processed.counts)) stats.fixes[name] = (stats.fixes[name] ?? 0) + (n ?? 0);
    if (typeof line === 'string') out.text(line);
    else {
      if (typeof line.head === 'string') out.openObject(line.head);
      else out.bytes(line.head);
      out.text(line.tail);
    }
  }
  return { seq: task.seq, out: out.result(), rejects, stats, stopped };
}


/** The chunk's records with where each came from: lines of a block, or records laid end to end. */
function* recordsOf(task: ChunkTask): Generator<{ bytes: Buffer; origin: RecordOrigin }> {
  const all = Buffer.from(task.bytes.buffer, task.bytes.byteOffset, task.bytes.byteLength);
  if (task.lineCount !== undefined) {
    // No length limit here: an oversize line is kept whole so that it can be rejected verbatim.
    let n = task.firstN;
    for (const bytes of linesIn(all)) yield { bytes, origin: { n: n++ } };
    return;
  }
  let offset = 0;
  for (let i = 0; i < task.lengths.length; i++) {
    const bytes = all.subarray(offset, offset + task.lengths[i]!);
    offset += task.lengths[i]!;
    yield { bytes, origin: task.origins?.[i] ?? { n: task.firstN + i } };
  }
}

const loaded = new Map<string, Processor>();

async function loadProcessor(mode: ChunkTask['settings']['mode']): Promise<Processor> {
  let processor = loaded.get(mode);
  if (!processor) {
    processor = await PROCESSORS[mode]();
    loaded.set(mode, processor);
  }
  return processor;
}

interface Done {
  processed: Processed;
  /**
   * The output for this record, line break included: text, or an object's start and its ending. The start is
   * the input line's bytes up to its closing brace, or a JSON object's text written without its brace.
   */
  line: string | { head: Buffer | string; tail: string };
}

type Outcome = Done | InputError | 'other-shard' | 'blank';

function processRecord(task: ChunkTask, bytes: Buffer, origin: RecordOrigin, processor: (i: ProcessInput, o: ChunkTask['settings']['options']) => Processed): Outcome {
  const { settings, source } = task;
  // The key is built only when sharding: most runs do not need it.
  const lineKey = settings.shard ? `${task.shardName}:${origin.n}` : '';
  if (task.unreadable !== undefined) {
    return inShard(lineKey, settings.shard) ? new InputError(task.unreadable.where, task.unreadable.problem) : 'other-shard';
  }
  try {
    switch (task.format) {
      case 'jsonl': {
        const line: Line = { number: origin.n, bytes, oversize: bytes.length > settings.maxLineBytes };
        if (isBlank(line)) return 'blank';
        let parsed;
        try {
          parsed = parseTextRecord(line, source, settings.field, settings.maxLineBytes);
        } catch (err) {
          if (err instanceof InputError && !inShard(lineKey, settings.shard)) return 'other-shard';
          throw err;
        }
        if (settings.shard) {
          const id = parsed.record[settings.idField];
          if (!inShard(typeof id === 'string' || typeof id === 'number' ? `id:${id}` : lineKey, settings.shard)) return 'other-shard';
        }
        const processed = processor({ text: parsed.text, source }, settings.options);
        const record: JsonObject = parsed.record;
        record[settings.field] = processed.text;
        return finish(task, record, processed, origin, bytes);
      }
      case 'lines': {
        if (!inShard(lineKey, settings.shard)) return 'other-shard';
        if (bytes.length > settings.maxLineBytes) {
          throw new InputError(where(source, origin.n), `line is longer than ${settings.maxLineBytes} bytes (--max-line-bytes)`);
        }
        const text = decodeUtf8(bytes);
        if (text === null) {
          const problem = findInvalidUtf8(bytes)!;
          throw new InputError(where(source, origin.n, problem.column), describeInvalidUtf8(problem));
        }
        if (text.includes('\0')) throw new InputError(where(source, origin.n), 'binary data (NUL byte), not text');
        const processed = processor({ text, source }, settings.options);
        return finish(task, { [settings.field]: processed.text }, processed, origin);
      }
      case 'text': {
        if (!inShard(task.shardName, settings.shard)) return 'other-shard';
        const text = decodeDocument(bytes, source);
        const processed = processor({ text, source }, settings.options);
        return finish(task, { [settings.field]: processed.text }, processed, origin);
      }
      case 'warc': {
        const key = origin.warcId ? `warc:${origin.warcId}` : lineKey;
        if (!inShard(key, settings.shard)) return 'other-shard';
        const input: ProcessInput = { bytes, source };
        if (origin.charset) input.charset = origin.charset;
        if (origin.url) input.url = origin.url;
        const processed = processor(input, settings.options);
        const record: JsonObject = { [settings.field]: processed.text };
        if (origin.url) record.url = origin.url;
        if (origin.date) record.date = origin.date;
        if (origin.warcId) record.warcRecordId = origin.warcId;
        return finish(task, record, processed, origin);
      }
    }
  } catch (err) {
    if (err instanceof InputError) return err;
    if (err instanceof RecordError) return new InputError(where(source, origin.n), err.message);
    throw err;
  }
}

/** `raw`: the JSON line as read, written through (with the metadata added) when nothing changed. */
function finish(task: ChunkTask, record: JsonObject, processed: Processed, origin: RecordOrigin, raw?: Buffer): Done {
  if (task.settings.output === 'raw') {
    return { processed, line: task.format === 'lines' ? processed.text + '\n' : processed.text };
  }
  if (processed.extra) record.article = processed.extra;
  // The input's own `unmangle` field is replaced, in its place, as JSON.stringify would.
  const replacing = 'unmangle' in record;
  const meta = metaJson(task, origin, processed);
  const close = raw && !processed.changed && !processed.extra && !replacing ? closingBrace(raw) : -1;
  if (close > 0) {
    // Most records are clean: appending the metadata to the line as it came saves serialising the text again.
    return { processed, line: { head: raw!.subarray(0, close), tail: `,"unmangle":${meta}}\n` } };
  }
  if (replacing) {
    record.unmangle = JSON.parse(meta) as unknown;
    return { processed, line: JSON.stringify(record) + '\n' };
  }
  // The serialised record is written as it is, not joined to its ending: that would copy the text once more.
  const json = JSON.stringify(record);
  return { processed, line: { head: json, tail: `${json.length > 2 ? ',' : ''}"unmangle":${meta}}\n` } };
}

const sourceJson = new WeakMap<ChunkTask, string>();

/**
 * The record's `unmangle` field as JSON, written directly: it is built for every record, and
 * JSON.stringify of a fresh object each time cost more than the repair of a clean record.
 * Key order: source, line or offset, fixes (total first), damage.
 */
function metaJson(task: ChunkTask, origin: RecordOrigin, processed: Processed): string {
  let source = sourceJson.get(task);
  if (source === undefined) {
    source = JSON.stringify(task.source);
    sourceJson.set(task, source);
  }
  let json = `{"source":${source}`;
  if (task.format === 'warc') json += origin.offset === undefined ? '' : `,"offset":${origin.offset}`;
  else if (task.format !== 'text') json += `,"line":${origin.n}`;
  let total = 0;
  let fixes = '';
  for (const name in processed.counts) {
    const n = processed.counts[name as keyof FixCounts] ?? 0;
    total += n;
    fixes += `,${JSON.stringify(name)}:${n}`;
  }
  return `${json},"fixes":{"total":${total}${fixes}},"damage":${damageScore(processed.counts, processed.inputLength)}}`;
}

/** Where the object's closing brace is (trailing blanks allowed), or -1 when the line is not that simple. */
function closingBrace(line: Buffer): number {
  if (line[0] === 0xef) return -1; // a byte-order mark, which the parser dropped and the output must not repeat
  let i = line.length - 1;
  while (i > 0 && (line[i] === 0x20 || line[i] === 0x09 || line[i] === 0x0d)) i--;
  return line[i] === 0x7d ? i : -1;
}

