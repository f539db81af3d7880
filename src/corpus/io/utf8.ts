import { isUtf8 } from 'node:buffer';

const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

export interface Utf8Problem {
  offset: number;
  line: number;
  column: number;
  byte: number;
}

/** Decodes strict UTF-8 (dropping a byte-order mark); null when the bytes are not valid UTF-8. */
export function decodeUtf8(bytes: Uint8Array): string | null {
  if (!isUtf8(bytes)) return null;
  return decoder.decode(bytes);
}

/** Where the first invalid sequence is, for the error message (only called on the error path). */
export function findInvalidUtf8(bytes: Uint8Array): Utf8Problem | null {
  let line = 1;
  let lineStart = 0;
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    if (b === 0x0a) {
      line++;
      lineStart = i + 1;
      i++;
      continue;
    }
    const need = b < 0x80 ? 0 : b >= 0xc2 && b <= 0xdf ? 1 : b >= 0xe0 && b <= 0xef ? 2 : b >= 0xf0 && b <= 0xf4 ? 3 : -1;
    let ok = need >= 0 && i + need < bytes.length;
    for (let k = 1; ok && k <= need; k++) ok = (bytes[i + k]! & 0xc0) === 0x80;
    if (ok && need === 2) {
      const c = bytes[i + 1]!;
      ok = !(b === 0xe0 && c < 0xa0) && !(b === 0xed && c > 0x9f);
    }
    if (ok && need === 3) {
      const c = bytes[i + 1]!;
      ok = !(b === 0xf0 && c < 0x90) && !(b === 0xf4 && c > 0x8f);
    }
    if (!ok) return { offset: i, line, column: utf8Column(bytes, lineStart, i), byte: b };
    i += need + 1;
  }
  return null;
}

function utf8Column(bytes: Uint8Array, lineStart: number, offset: number): number {
  let column = 1;
  for (let i = lineStart; i < offset; i++) if ((bytes[i]! & 0xc0) !== 0x80) column++;
  return column;
}

export function describeInvalidUtf8(problem: Utf8Problem): string {
  return `invalid UTF-8 (byte 0x${problem.byte.toString(16).toUpperCase().padStart(2, '0')})`;
}
