import { readFileSync } from 'node:fs';
import { assemble, type TaggedAttribution } from './assemble.js';
import { setLearnedCues } from './cueWords.js';
import { stackedFeatures, tokenFeatures, viewOf } from './features.js';
import { featureRows, viterbi, weightsFromFile, type Weights, type WeightsFile } from './sequenceModel.js';
import { paragraphStarts, tokenize, type TokenTable } from './tokens.js';

export type { TaggedAttribution, TokenSpan } from './assemble.js';
export type { TokenTable } from './tokens.js';

// Shipped with the package (models/ at its root) and read when the module loads; nothing is fetched.
const WEIGHTS_URL = new URL('../../../../models/attribution-en.json', import.meta.url);
const file = JSON.parse(readFileSync(WEIGHTS_URL, 'utf8')) as WeightsFile;
const passes: Weights[] = weightsFromFile(file);
setLearnedCues(file.cues);

/** The attributions the model tags in a text, as token spans over its tokens. */
export function tagAttributions(text: string): { tokens: TokenTable; tags: Uint8Array; attributions: TaggedAttribution[] } {
  const tokens = tokenize(text);
  const view = viewOf(tokens);
  const base = tokenFeatures(tokens, view);
  const starts = paragraphStarts(tokens);
  let tags: Uint8Array = new Uint8Array(0);
  passes.forEach((w, k) => {
    const features = k === 0 ? base : stackedFeatures(tokens, view, base, tags);
    tags = viterbi(featureRows(features, w.index), w.emission, w.transition, starts);
  });
  return { tokens, tags, attributions: assemble(tokens, tags) };
}
