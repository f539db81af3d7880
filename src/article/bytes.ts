import { expectBytes, expectString } from '../repair/arguments.js';
import { isAscii, isUtf8 } from 'node:buffer';
import { gunzipSync } from 'node:zlib';
import chardet from 'chardet';
import iconv from 'iconv-lite';

export type CharsetSource = 'bom' | 'header' | 'meta' | 'detected' | 'default';

export interface DecodedPage {
  text: string;
  charset: string;
  charsetSource: CharsetSource;
  gzipped: boolean;
}

/** Thrown for bytes that cannot be read as a page (a corrupt gzip stream, say). */
export class PageDecodeError extends Error {}

const META_CHARSET = /<meta\b[^>]*?\bcharset\s*=\s*["']?\s*([-\w.:]+)/i;

/**
 * Bytes of a page (or of a `.html.gz`, recognised by its magic bytes) to text. The charset comes
 * from a byte-order mark, then the HTTP header (a WARC record's `Content-Type`), then the page's
 * meta tag, then detection; a charset iconv does not know is skipped, not trusted.
 */
export function decodePage(bytes: Uint8Array, headerCharset?: string): DecodedPage {
  expectBytes(bytes, 'decodePage', 'bytes');
  if (headerCharset !== undefined) expectString(headerCharset, 'decodePage', 'headerCharset');
  const { utf8Bytes, ...page } = readPage(bytes, headerCharset);
  return utf8Bytes ? { ...page, text: textOfUtf8Bytes(page.text) } : page;
}

/**
 * A page as `decodePage` reads it, except that a UTF-8 page (most of them) stays in its bytes, one
 * character per byte (`utf8Bytes`). Decoding a page costs as much as gunzipping it, and most of it
 * is scripts and styles that are cut before parsing: markup is cut by its ASCII tags and attributes,
 * which read the same in the bytes, so only what is left needs decoding (`textOfUtf8Bytes`). Byte
 * strings also hold one byte per character where decoded pages hold two, and search faster.
 */
export function readPage(bytes: Uint8Array, headerCharset?: string): DecodedPage & { utf8Bytes: boolean } {
  let data = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let gzipped = false;
  if (data.length >= 2 && data[0] === 0x1f && data[1] === 0x8b) {
    try {
      data = gunzipSync(data);
    } catch (e) {
      throw new PageDecodeError(`not a valid gzip stream (${(e as Error).message})`);
    }
    gzipped = true;
  }
  const decoded = (charset: string, charsetSource: CharsetSource) => ({ text: iconv.decode(data, charset), charset, charsetSource, gzipped, utf8Bytes: false });
  const undecoded = (charsetSource: CharsetSource) => ({ text: data.toString('latin1'), charset: 'utf-8', charsetSource, gzipped, utf8Bytes: true });
  const bom = bomCharset(data);
  if (bom) return decoded(bom, 'bom');
  const fromHeader = known(headerCharset);
  if (fromHeader === 'utf-8') return undecoded('header');
  if (fromHeader) return decoded(fromHeader, 'header');
  const head = data.subarray(0, 4096).toString('latin1');
  const fromMeta = known(META_CHARSET.exec(head)?.[1]);
  const utf8 = isUtf8(data);
  if (fromMeta) {
    // Pages saved as UTF-8 often keep their old meta tag; valid UTF-8 with non-ASCII bytes is UTF-8.
    if (utf8 && (fromMeta === 'utf-8' || !isAscii(data))) return undecoded('meta');
    return decoded(fromMeta, 'meta');
  }
  if (utf8) return undecoded(isAscii(data) ? 'default' : 'detected');
  const detected = known(chardet.detect(data) ?? undefined) ?? 'windows-1252';
  return decoded(detected, 'detected');
}

/** The text of UTF-8 bytes held one character per byte (see `readPage`). */
export function textOfUtf8Bytes(bytes: string): string {
  return Buffer.from(bytes, 'latin1').toString('utf8');
}

/** The charset parameter of a Content-Type header value, if any. */
export function charsetFromContentType(contentType: string | undefined): string | undefined {
  return contentType ? /charset\s*=\s*["']?([-\w.:]+)/i.exec(contentType)?.[1] : undefined;
}

function known(name: string | undefined): string | undefined {
  if (!name) return undefined;
  let n = name.trim().toLowerCase();
  // HTML treats these labels as windows-1252 and the UTF-8 aliases as UTF-8.
  if (n === 'iso-8859-1' || n === 'latin1' || n === 'us-ascii' || n === 'ascii') n = 'windows-1252';
  if (n === 'utf8' || n === 'unicode-1-1-utf-8') n = 'utf-8';
  return iconv.encodingExists(n) ? n : undefined;
}

function bomCharset(data: Buffer): string | undefined {
  if (data[0] === 0xef && data[1] === 0xbb && data[2] === 0xbf) return 'utf-8';
  if (data[0] === 0xff && data[1] === 0xfe) return 'utf-16le';
  if (data[0] === 0xfe && data[1] === 0xff) return 'utf-16be';
  return undefined;
}
