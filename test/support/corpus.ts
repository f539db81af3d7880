import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The nlp-corpus package's sentences (clean English, MIT), in the package's own order. */
export function nlpCorpusSentences(limit = Infinity): string[] {
  // The package exports only its loader (src/server/index.js); the data sits in builds/ beside src/.
  const dir = fileURLToPath(new URL('../../builds/', import.meta.resolve('nlp-corpus')));
  const out: string[] = [];
  for (let i = 0; i < 100 && out.length < limit; i++) {
    const doc = JSON.parse(readFileSync(join(dir, `doc-${i}.json`), 'utf8')) as string[];
    for (const s of doc) {
      if (out.length >= limit) break;
      out.push(s);
    }
  }
  return out;
}

/** Sentences grouped into documents of `size` sentences, joined by spaces, like paragraphs. */
export function asDocuments(sentences: readonly string[], size: number): string[] {
  const docs: string[] = [];
  for (let i = 0; i < sentences.length; i += size) docs.push(sentences.slice(i, i + size).join(' '));
  return docs;
}
