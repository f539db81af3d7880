import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
export const BIN = fileURLToPath(new URL('../../../bin/unmangle', import.meta.url));
export const SEED = fileURLToPath(new URL('../../../../shared/seed/000_7569a4d67b0f746e.txt', import.meta.url));

export interface CliResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `bin/unmangle` as a user would, with optional standard input. */
export function runCli(args: string[], input?: string | Buffer, cwd = ROOT): CliResult {
  const stdin = typeof input === 'string' ? Buffer.from(input) : input;
  const r = spawnSync(process.execPath, [BIN, ...args], { input: stdin, cwd, encoding: 'buffer', maxBuffer: 1 << 30 });
  return { status: r.status, stdout: r.stdout.toString('utf8'), stderr: r.stderr.toString('utf8') };
}
