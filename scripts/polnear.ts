/** Reads PolNeAR (brat standoff, one annotator per article) for training the attribution model. */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export type Segments = [number, number][];

export interface GoldAttribution {
  content: Segments;
  source: Segments;
  cue: Segments;
}

export interface GoldArticle {
  name: string;
  text: string;
  attributions: GoldAttribution[];
}

/** brat offsets count code points; JavaScript strings count UTF-16 units. */
function codePointMap(text: string): (i: number) => number {
  if (!/[\uD800-\uDFFF]/.test(text)) return (i) => i;
  const map: number[] = [];
  let u = 0;
  for (const ch of text) {
    map.push(u);
    u += ch.length;
  }
  map.push(u);
  return (i) => map[i] ?? u;
}

function parseAnn(ann: string, text: string): GoldAttribution[] {
  const cp = codePointMap(text);
  const spans = new Map<string, Segments>();
  const out: GoldAttribution[] = [];
  const events: [string, string][][] = [];
  for (const line of ann.split('\n')) {
    const t = /^(T\d+)\t\S+ ([\d ;]+)\t?/.exec(line);
    if (t) {
      spans.set(t[1]!, t[2]!.split(';').map((s) => s.trim().split(/\s+/).map(Number)).map(([a, b]) => [cp(a!), cp(b!)] as [number, number]));
      continue;
    }
    const e = /^E\d+\t(.*)$/.exec(line);
    if (e) events.push(e[1]!.trim().split(/\s+/).slice(1).map((p) => p.split(':') as [string, string]));
  }
  for (const roles of events) {
    const get = (re: RegExp): Segments => roles.filter(([r]) => re.test(r)).flatMap(([, id]) => spans.get(id) ?? []).sort((a, b) => a[0] - b[0]);
    const content = get(/^Content\d*$/);
    if (content.length) out.push({ content, source: get(/^Source\d*$/), cue: get(/^Cue\d*$/) });
  }
  return out;
}

/** The articles of one split, each with its first annotator in sorted order (as the evaluator takes them). */
export function readSplit(dataDir: string, split: string): GoldArticle[] {
  const root = existsSync(join(dataDir, 'data', 'metadata.tsv')) ? join(dataDir, 'data') : dataDir;
  const lines = readFileSync(join(root, 'metadata.tsv'), 'utf8').split('\n').filter((l) => l.trim());
  const head = lines[0]!.split('\t');
  const col = (name: string): number => head.indexOf(name);
  const annDir = join(root, split, 'attributions');
  const annFiles = new Set(readdirSync(annDir));
  const out: GoldArticle[] = [];
  const rows = lines.slice(1).map((l) => l.split('\t')).filter((r) => r[col('compartment')] === split);
  rows.sort((a, b) => (a[col('filename')]! < b[col('filename')]! ? -1 : 1));
  for (const r of rows) {
    const name = r[col('filename')]!;
    const annotator = r[col('annotators')]!.split('|').filter((a) => annFiles.has(`${name}_${a}.ann`)).sort()[0];
    const textPath = join(root, split, 'text', `${name}.txt`);
    if (!annotator || !existsSync(textPath)) continue;
    const text = readFileSync(textPath, 'utf8');
    out.push({ name, text, attributions: parseAnn(readFileSync(join(annDir, `${name}_${annotator}.ann`), 'utf8'), text) });
  }
  return out;
}
