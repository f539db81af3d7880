import { InputError, where } from './errors.js';
import { describeInvalidUtf8, decodeUtf8, findInvalidUtf8 } from './utf8.js';
import type { Line } from './lines.js';

export type JsonObject = Record<string, unknown>;

export interface TextRecord {
  record: JsonObject;
  text: string;
}

/**
 * Parses one JSON line and finds the text field to repair. Everything that makes the line unusable
 * is an InputError naming the source and line.
 */
export function parseTextRecord(line: Line, source: string, field: string, maxLineBytes: number): TextRecord {
  // Built only on the error paths: this runs for every record of a batch.
  const at = () => where(source, line.number);
  if (line.oversize) throw new InputError(at(), `line is longer than ${maxLineBytes} bytes (--max-line-bytes)`);
  const json = decodeUtf8(line.bytes);
  if (json === null) {
    const problem = findInvalidUtf8(line.bytes)!;
    throw new InputError(where(source, line.number, problem.column), describeInvalidUtf8(problem));
  }
  let record: unknown;
  try {
    record = JSON.parse(json);
  } catch (err) {
    throw new InputError(at(), `malformed JSON (${(err as Error).message})`);
  }
  if (record === null || typeof record !== 'object' || Array.isArray(record)) {
    throw new InputError(at(), 'not a JSON object');
  }
  const obj = record as JsonObject;
  if (!Object.prototype.hasOwnProperty.call(obj, field)) throw new InputError(at(), `no field "${field}"`);
  const text = obj[field];
  if (typeof text !== 'string') throw new InputError(at(), `field "${field}" is ${text === null ? 'null' : typeof text}, not a string`);
  return { record: obj, text };
}

/** A line that holds only whitespace carries no record; it is passed through, not counted. */
export function isBlank(line: Line): boolean {
  for (const b of line.bytes) if (b !== 0x20 && b !== 0x09 && b !== 0x0d) return false;
  return true;
}
