import iconv from 'iconv-lite';
import { LOST_BYTE } from './utf8.js';

/**
 * Single-byte code pages as mojibake sees them. Tables are derived from iconv-lite at load time, never
 * typed by hand. They are "sloppy": a byte the code page leaves undefined decodes to the code point with
 * the same number (U+0081 for byte 0x81), which is what browsers and most web stacks show, so such text
 * can still be encoded back. U+FFFD encodes as byte 0x1A (SUB), marking a byte lost before we saw the
 * text, so that lossy sequences can be recognised after encoding.
 */
export interface ByteCodec {
  /** The name used in explanations, e.g. `windows-1252`. */
  readonly name: string;
  /** `decode[b]` is the character byte `b` stands for. */
  readonly decode: readonly string[];
  /** Character code → byte; characters absent here cannot be encoded. */
  readonly encode: ReadonlyMap<number, number>;
  /**
   * The same for characters outside ASCII as a table by code unit, 0 for none (no such character
   * encodes as a byte below 0x80): encoding looks up every character, often under several code pages.
   */
  readonly encodeHigh: Uint8Array;
}

export { LOST_BYTE };

function buildCodec(name: string, iconvName: string, fillUndefined: boolean): ByteCodec {
  const bytes = Buffer.alloc(256);
  for (let b = 0; b < 256; b++) bytes[b] = b;
  const chars = [...iconv.decode(bytes, iconvName)];
  if (chars.length !== 256) throw new Error(`codec ${iconvName} does not map one byte to one character`);
  const decode: string[] = [];
  const encode = new Map<number, number>();
  for (let b = 0; b < 256; b++) {
    let ch = chars[b]!;
    if (ch === '\ufffd') {
      if (!fillUndefined) {
        decode.push(ch);
        continue;
      }
      ch = String.fromCharCode(b);
    }
    decode.push(ch);
    if (!encode.has(ch.charCodeAt(0))) encode.set(ch.charCodeAt(0), b);
  }
  const encodeHigh = new Uint8Array(0x10000);
  for (const [c, b] of encode) {
    if (c < 0x80) continue;
    if (b < 0x80) throw new Error(`codec ${iconvName} encodes U+${c.toString(16)} below 0x80`);
    encodeHigh[c] = b;
  }
  return { name, decode, encode, encodeHigh };
}

/**
 * In the order candidates are tried: the first code page under which the whole text turns back into
 * valid UTF-8 wins, so the most common confusions come first. Latin-1 precedes windows-1252 because
 * text that encodes in both decodes the same way, and Latin-1 also covers C1 controls. MacRoman's one
 * undefined byte is left undefined: filling it would make `ð` encodable in MacRoman.
 */
export const SINGLE_BYTE_CODECS: readonly ByteCodec[] = [
  buildCodec('latin-1', 'latin1', false),
  buildCodec('windows-1252', 'windows-1252', true),
  buildCodec('windows-1251', 'windows-1251', true),
  buildCodec('windows-1250', 'windows-1250', true),
  buildCodec('windows-1253', 'windows-1253', true),
  buildCodec('windows-1254', 'windows-1254', true),
  buildCodec('windows-1257', 'windows-1257', true),
  buildCodec('iso-8859-2', 'iso-8859-2', true),
  buildCodec('macroman', 'macintosh', false),
  buildCodec('cp437', 'cp437', true),
  buildCodec('koi8-r', 'koi8-r', true),
  buildCodec('koi8-u', 'koi8-u', true),
  buildCodec('cp866', 'cp866', true),
];

/**
 * Code pages that legacy 8-bit text was written in besides those above; they take no part in UTF-8
 * repair, where their characters would make correct text look like mojibake.
 */
const OTHER_CODECS: readonly ByteCodec[] = [buildCodec('cp850', 'cp850', true), buildCodec('iso-8859-7', 'iso-8859-7', true)];

export function codecByName(name: string): ByteCodec {
  const codec = SINGLE_BYTE_CODECS.find((c) => c.name === name) ?? OTHER_CODECS.find((c) => c.name === name);
  if (!codec) throw new Error(`unknown codec ${name}`);
  return codec;
}

/**
 * Encodes `text` in `codec`, or returns null when a character has no byte there. With `lostAllowed`,
 * U+FFFD becomes byte 0x1A (a lost byte); text that also holds a real U+001A cannot be told apart then.
 */
export function encodeBytes(text: string, codec: ByteCodec, lostAllowed: boolean): Uint8Array | null {
  const out = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) {
      if (c === LOST_BYTE && lostAllowed && text.includes('\ufffd')) return null;
      out[i] = c;
      continue;
    }
    if (c === 0xfffd && lostAllowed) {
      out[i] = LOST_BYTE;
      continue;
    }
    const b = codec.encodeHigh[c]!;
    if (b === 0) return null;
    out[i] = b;
  }
  return out;
}

/** Characters that some code page here produces for bytes 0x80–0xFF: the only ones mojibake is made of. */
export function highByteChars(range: [number, number], codecs: readonly ByteCodec[] = SINGLE_BYTE_CODECS): Set<string> {
  const set = new Set<string>();
  for (const codec of codecs) {
    for (let b = range[0]; b <= range[1]; b++) {
      const ch = codec.decode[b]!;
      if (ch !== '\ufffd') set.add(ch);
    }
  }
  return set;
}

/** A regex character class body for a set of BMP characters. */
export function charClass(chars: Iterable<string>): string {
  let out = '';
  for (const ch of chars) out += `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`;
  return out;
}
