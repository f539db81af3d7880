import { readFile, stat } from 'node:fs/promises';
import { decodeAs, detectLegacyEncoding, encodingFromBom, MIN_CONFIDENCE, utf16WithoutBom, type EncodingChoice } from './detectEncoding.js';
import { InputError, where } from './errors.js';
import { describeInvalidUtf8, decodeUtf8, findInvalidUtf8 } from './utf8.js';

/** A whole document must fit in one JavaScript string (about 512 M UTF-16 units), with room to work. */
export const MAX_DOCUMENT_BYTES = 256 * 1024 * 1024;

export interface Document {
  source: string;
  text: string;
  /** Set when the document was not UTF-8: the encoding it was read in, and why. */
  decodedAs?: EncodingChoice;
}

/** `-` is standard input; its name in messages is `<stdin>`. */
export function sourceName(path: string): string {
  return path === '-' ? '<stdin>' : path;
}

export async function readBytes(path: string): Promise<Buffer> {
  const name = sourceName(path);
  if (path === '-') return readStream(process.stdin, name);
  const info = await statFile(path);
  if (info.size > MAX_DOCUMENT_BYTES) {
    throw new InputError(name, `is ${mib(info.size)}, more than one document may be (${mib(MAX_DOCUMENT_BYTES)}); use --jsonl or split it`);
  }
  try {
    return await readFile(path);
  } catch (err) {
    throw fileError(name, err);
  }
}

/** The file's metadata, or an InputError saying in plain words why it cannot be read as a file. */
export async function statFile(path: string): Promise<import('node:fs').Stats> {
  const name = sourceName(path);
  let info;
  try {
    info = await stat(path);
  } catch (err) {
    throw fileError(name, err);
  }
  if (info.isDirectory()) throw new InputError(name, 'is a directory, not a file');
  return info;
}

async function readStream(stream: NodeJS.ReadableStream, name: string): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream) {
    const buf = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
    size += buf.length;
    if (size > MAX_DOCUMENT_BYTES) throw new InputError(name, `is more than one document may be (${mib(MAX_DOCUMENT_BYTES)}); use --jsonl or split it`);
    chunks.push(buf);
  }
  return Buffer.concat(chunks);
}

/**
 * Decodes a document that must be UTF-8 text. Binary data (NUL bytes) and invalid UTF-8 are
 * rejected with the line and column where they start.
 */
export function decodeDocument(bytes: Buffer, source: string): string {
  return decodeStrictUtf8(bytes, source);
}

/**
 * Decodes a document in `inputEncoding` when given (`utf-8` means strictly UTF-8), else as UTF-8 when it
 * is valid UTF-8, else in the encoding its byte-order mark, NUL pattern or statistics point to. Binary
 * data (NUL bytes that are not UTF-16) is rejected, and so is a statistical guess below `MIN_CONFIDENCE`.
 */
export function decodeAnyDocument(bytes: Buffer, source: string, inputEncoding?: string): Document {
  if (inputEncoding !== undefined && !/^utf-?8$/i.test(inputEncoding)) {
    return { source, text: decodeAs(bytes, inputEncoding), decodedAs: { encoding: inputEncoding, reason: '--input-encoding' } };
  }
  if (inputEncoding !== undefined) return { source, text: decodeStrictUtf8(bytes, source) };
  // UTF-16 and UTF-32 come first: their NUL bytes would otherwise look like binary data.
  const wide = encodingFromBom(bytes) ?? utf16WithoutBom(bytes);
  if (wide) return { source, text: decodeAs(bytes, wide.encoding), decodedAs: wide };
  rejectBinary(bytes, source);
  const text = decodeUtf8(bytes);
  if (text !== null) return { source, text };
  const guess = detectLegacyEncoding(bytes);
  if (guess.confidence < MIN_CONFIDENCE) {
    // Garbage with exit status 0 would be worse than no answer: the person must say what the file is.
    const best = guess.confidence > 0 ? `best guess ${guess.encoding} at ${guess.confidence}% confidence` : `no guess but ${guess.encoding}`;
    throw new InputError(
      source,
      `not UTF-8, and its encoding cannot be told (${best}, below ${MIN_CONFIDENCE}%); name it: --input-encoding ${guess.encoding} if that is right, or e.g. --input-encoding windows-1251`,
    );
  }
  const { confidence: _, ...decodedAs } = guess;
  return { source, text: decodeAs(bytes, guess.encoding), decodedAs };
}

function rejectBinary(bytes: Buffer, source: string): void {
  const nul = bytes.indexOf(0);
  if (nul >= 0) {
    const line = countLines(bytes, nul);
    throw new InputError(where(source, line), 'binary data (NUL byte), not text');
  }
}

function decodeStrictUtf8(bytes: Buffer, source: string): string {
  const nul = bytes.indexOf(0);
  if (nul >= 0) {
    const line = countLines(bytes, nul);
    throw new InputError(where(source, line), 'binary data (NUL byte), not text');
  }
  const text = decodeUtf8(bytes);
  if (text !== null) return text;
  const problem = findInvalidUtf8(bytes)!;
  throw new InputError(where(source, problem.line, problem.column), `${describeInvalidUtf8(problem)}; not UTF-8 text`);
}

/** Reads a document; see `decodeAnyDocument` for how its encoding is decided. */
export async function readDocument(path: string, inputEncoding?: string): Promise<Document> {
  const source = sourceName(path);
  return decodeAnyDocument(await readBytes(path), source, inputEncoding);
}

function countLines(bytes: Buffer, end: number): number {
  let line = 1;
  for (let i = bytes.indexOf(0x0a); i >= 0 && i < end; i = bytes.indexOf(0x0a, i + 1)) line++;
  return line;
}

function fileError(name: string, err: unknown): InputError {
  const code = (err as NodeJS.ErrnoException).code;
  const problem =
    code === 'ENOENT' ? 'no such file' : code === 'EACCES' ? 'permission denied' : code === 'EISDIR' ? 'is a directory, not a file' : `cannot read (${code ?? String(err)})`;
  return new InputError(name, problem);
}

function mib(bytes: number): string {
  return `${Math.round(bytes / 1024 / 1024)} MiB`;
}
