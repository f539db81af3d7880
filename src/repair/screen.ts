import { resolveOptions } from './options.js';
import { PIPELINE } from './pipeline.js';
import type { FixOptions } from './types.js';

/**
 * A byte screen: per byte value, 1 when that byte may begin something an enabled fixer repairs.
 * A UTF-8 text whose bytes all screen 0 is one the pipeline returns unchanged, so a corpus run can
 * write such a record through as its input bytes without decoding it. Derived from the fixers'
 * declared triggers; with `from: 'html'` there is no screen (the markup is always converted).
 */
export type ByteScreen = Uint8Array;

export function byteScreen(options?: FixOptions): ByteScreen | null {
  if (options?.from === 'html') return null;
  const resolved = resolveOptions(options);
  const screen = new Uint8Array(256);
  for (const fixer of PIPELINE) {
    if (!resolved.fixers[fixer.name]) continue;
    for (const b of fixer.triggers.ascii) screen[b] = 1;
    if (fixer.triggers.nonAscii) screen.fill(1, 0x80);
  }
  return screen;
}

/** Whether `bytes[start, end)` holds no byte the screen flags: then no enabled fixer can change it. */
export function passesScreen(screen: ByteScreen, bytes: Uint8Array, start = 0, end = bytes.length): boolean {
  for (let i = start; i < end; i++) if (screen[bytes[i]!] === 1) return false;
  return true;
}
