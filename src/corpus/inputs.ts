import { readdir, stat } from 'node:fs/promises';
import { basename, join, relative, sep } from 'node:path';
import { glob, isDynamicPattern } from 'tinyglobby';
import { sourceName } from './io/readDocument.js';
import type { RecordFormat } from './chunk.js';

export type Compression = 'none' | 'gzip' | 'zstd';

/** One input file as the run will read it. */
export interface InputFile {
  /** `-` for standard input. */
  path: string;
  /** The name in messages and in the output's `unmangle.source`. */
  source: string;
  /**
   * The path below the argument that named it (the base name for a file named directly), with `/`:
   * where `--out-dir` puts its output, and the name sharding hashes, so that machines that mount a
   * corpus at different places still agree on the shards.
   */
  relative: string;
  format: RecordFormat;
  compression: Compression;
  /** Bytes on disk, when known (for the ETA). */
  size: number | null;
  /** Set when the argument cannot be read: the file becomes one rejected record. */
  unreadable?: string;
}

export type FormatChoice = 'auto' | RecordFormat;

/**
 * Expands the command line's paths, directories (walked recursively, hidden names skipped) and globs
 * into files, each in a sorted, stable order so that every run and every shard sees the same list.
 */
export async function expandInputs(args: readonly string[], format: FormatChoice): Promise<InputFile[]> {
  const files: InputFile[] = [];
  for (const arg of args.length === 0 ? ['-'] : args) {
    if (arg === '-') {
      files.push({ path: '-', source: sourceName('-'), relative: 'stdin', format: format === 'auto' ? 'jsonl' : format, compression: 'none', size: null });
      continue;
    }
    const info = await stat(arg).catch((err: NodeJS.ErrnoException) => err);
    if (info instanceof Error) {
      if (isDynamicPattern(arg)) {
        const matches = (await glob(arg, { onlyFiles: true, expandDirectories: false })).sort();
        if (matches.length === 0) files.push(unreadable(arg, 'no file matches this pattern'));
        const base = globBase(arg);
        for (const m of matches) files.push(await describe(m, toSlashes(relative(base, m)), format));
        continue;
      }
      files.push(unreadable(arg, fileProblem(info)));
      continue;
    }
    if (info.isDirectory()) {
      for (const path of await walk(arg)) files.push(await describe(path, toSlashes(relative(arg, path)), format));
    } else {
      files.push(await describe(arg, basename(arg), format, info.size));
    }
  }
  return files;
}

async function describe(path: string, rel: string, format: FormatChoice, size?: number): Promise<InputFile> {
  const { compression, inner } = compressionOf(path);
  return {
    path,
    source: path,
    relative: rel,
    format: format === 'auto' ? formatOf(inner) : format,
    compression,
    size: size ?? (await stat(path).then((s) => s.size, () => null)),
  };
}

function unreadable(arg: string, problem: string): InputFile {
  return { path: arg, source: arg, relative: basename(arg), format: 'text', compression: 'none', size: 0, unreadable: problem };
}

export function compressionOf(path: string): { compression: Compression; inner: string } {
  if (/\.gz$/i.test(path)) return { compression: 'gzip', inner: path.slice(0, -3) };
  if (/\.zst$/i.test(path)) return { compression: 'zstd', inner: path.slice(0, -4) };
  return { compression: 'none', inner: path };
}

function formatOf(name: string): RecordFormat {
  if (/\.(jsonl|ndjson|jsonlines)$/i.test(name)) return 'jsonl';
  if (/\.warc$/i.test(name)) return 'warc';
  return 'text';
}

async function walk(dir: string): Promise<string[]> {
  const out: string[] = [];
  const entries = (await readdir(dir, { withFileTypes: true })).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    if (entry.name.startsWith('.')) continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await walk(path)));
    else if (entry.isFile()) out.push(path);
  }
  return out;
}

/** The directory part of a glob before its first wildcard: `data/2024/*.jsonl` → `data/2024`. */
function globBase(pattern: string): string {
  const parts = pattern.split(/[\\/]/);
  const fixed: string[] = [];
  for (const part of parts) {
    if (isDynamicPattern(part)) break;
    fixed.push(part);
  }
  return fixed.length === 0 ? '.' : fixed.join(sep) || sep;
}

function toSlashes(path: string): string {
  return path.split(sep).join('/');
}

export function fileProblem(err: NodeJS.ErrnoException): string {
  const code = err.code;
  return code === 'ENOENT' ? 'no such file' : code === 'EACCES' ? 'permission denied' : `cannot read (${code ?? err.message})`;
}
