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
  const bom = bomCharset(data);
  if (bom) return { text: iconv.decode(data, bom), charset: bom, charsetSource: 'bom', gzipped };
  const fromHeader = known(headerCharset);
  if (fromHeader) return { text: iconv.decode(data, fromHeader), charset: fromHeader, charsetSource: 'header', gzipped };
  const head = data.subarray(0, 4096).toString('latin1');
  const fromMeta = known(META_CHARSET.exec(head)?.[1]);
  const utf8 = asUtf8(data);
  if (fromMeta) {
    // Pages saved as UTF-8 often keep their old meta tag; valid UTF-8 with non-ASCII bytes is UTF-8.
    if (utf8 !== null && (fromMeta === 'utf-8' || hasNonAscii(data))) return { text: utf8, charset: 'utf-8', charsetSource: 'meta', gzipped };
    return { text: iconv.decode(data, fromMeta), charset: fromMeta, charsetSource: 'meta', gzipped };
  }
  if (utf8 !== null) return { text: utf8, charset: 'utf-8', charsetSource: hasNonAscii(data) ? 'detected' : 'default', gzipped };
  const detected = known(chardet.detect(data) ?? undefined) ?? 'windows-1252';
  return { text: iconv.decode(data, detected), charset: detected, charsetSource: 'detected', gzipped };
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

const STRICT_UTF8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

/** The text when the bytes are valid UTF-8, else null: one pass both checks and decodes. */
function asUtf8(data: Buffer): string | null {
  try {
    return STRICT_UTF8.decode(data);
  } catch {
    return null;
  }
}

function hasNonAscii(data: Buffer): boolean {
  for (let i = 0; i < data.length; i++) if (data[i]! >= 0x80) return true;
  return false;
}
