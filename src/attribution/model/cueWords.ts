/**
 * Lemmas of attribution cues: speech, but also thought, intention, finding and evidence ("a poll shows", "she
 * wants", "the study found", "voters believe"). The model learns which uses attribute; this list lets it
 * generalise from a verb's frequent forms to its rare ones.
 */
const LEMMAS = [
  'say', 'tell', 'add', 'write', 'ask', 'note', 'report', 'announce', 'suggest', 'show', 'find', 'describe',
  'argue', 'think', 'seem', 'continue', 'explain', 'believe', 'accuse', 'acknowledge', 'endorse', 'criticize',
  'appear', 'declare', 'expect', 'refer', 'call', 'want', 'urge', 'cite', 'recall', 'support', 'see', 'conclude',
  'defend', 'claim', 'respond', 'praise', 'agree', 'propose', 'hope', 'state', 'know', 'refuse', 'warn',
  'promise', 'insist', 'tweet', 'plan', 'predict', 'deny', 'confirm', 'indicate', 'reveal', 'admit', 'point',
  'emphasize', 'stress', 'insist', 'testify', 'reply', 'remark', 'observe', 'comment', 'reiterate', 'assert',
  'concede', 'caution', 'estimate', 'complain', 'joke', 'assure', 'boast', 'muse', 'recount', 'allege',
  'question', 'dispute', 'object', 'protest', 'vow', 'pledge', 'threaten', 'demand', 'feel', 'worry', 'fear',
  'doubt', 'wonder', 'consider', 'view', 'regard', 'hold', 'maintain', 'contend', 'mention', 'discuss', 'recommend',
  'advise', 'inform', 'notify', 'remind', 'assume', 'imagine', 'suspect', 'understand', 'learn', 'discover',
  'notice', 'realize', 'recognize', 'accept', 'prefer', 'intend', 'seek', 'aim', 'wish', 'need', 'demonstrate',
  'prove', 'suggest', 'imply', 'mean', 'signal', 'highlight', 'illustrate', 'reflect', 'confirm', 'condemn',
  'blame', 'attack', 'slam', 'blast', 'dismiss', 'reject', 'oppose', 'favor', 'back', 'push', 'lead', 'quote',
  'label', 'dub', 'brand', 'term', 'characterize', 'portray', 'frame', 'predict', 'forecast', 'project',
  'speculate', 'guess', 'reckon', 'figure', 'decide', 'choose', 'vote', 'pray', 'chant', 'shout', 'yell',
  'scream', 'cry', 'whisper', 'sing', 'post', 'publish', 'release', 'issue', 'list', 'rate', 'rank', 'poll',
  'survey', 'interview', 'speak', 'talk', 'answer', 'counter', 'rebut', 'retort', 'quip', 'concur', 'echo',
  'repeat', 'elaborate', 'clarify', 'specify', 'detail', 'outline', 'summarize', 'conclude', 'determine',
  'judge', 'rule', 'order', 'instruct', 'direct', 'request', 'invite', 'encourage', 'challenge', 'dare', 'beg',
  'plead', 'appeal', 'press', 'lobby', 'campaign', 'pitch', 'sell', 'tout', 'hail', 'applaud', 'celebrate',
  'welcome', 'lament', 'regret', 'apologize', 'thank', 'congratulate', 'concede', 'grant', 'allow', 'confess',
].filter((w, i, all) => all.indexOf(w) === i);

const IRREGULAR: Record<string, string> = {
  said: 'say', told: 'tell', wrote: 'write', written: 'write', thought: 'think', found: 'find', saw: 'see',
  seen: 'see', knew: 'know', known: 'know', held: 'hold', felt: 'feel', meant: 'mean', spoke: 'speak',
  spoken: 'speak', sang: 'sing', sung: 'sing', led: 'lead', understood: 'understand', learnt: 'learn',
  chose: 'choose', chosen: 'choose', sold: 'sell', cried: 'cry', implied: 'imply', replied: 'reply',
  testified: 'testify', clarified: 'clarify', specified: 'specify', notified: 'notify', according: 'according',
};

const LEMMA_SET = new Set([...LEMMAS, 'according']);

/**
 * Cue words learned from the training data (the weights file carries them): words PolNeAR's annotators mark as
 * cues often enough ("declined", "expressed", "statement", "denounced") that the list above lacks. Each is its
 * own lemma.
 */
const learned = new Set<string>();
let learnedVersion = 0;

/** Replaces the learned cue words; features computed before hold the old ones. */
export function setLearnedCues(words: readonly string[]): void {
  learned.clear();
  for (const w of words) learned.add(w);
  learnedVersion++;
}

export function learnedCues(): string[] {
  return [...learned];
}

/** Changes whenever the learned cue words do, so that caches of per-word readings know to start again. */
export function learnedCuesVersion(): number {
  return learnedVersion;
}

/** The cue lemma of a lower-case word ("shows" → "show", "believed" → "believe"), or null. */
export function cueLemma(lower: string): string | null {
  const irregular = IRREGULAR[lower];
  if (irregular) return irregular;
  if (LEMMA_SET.has(lower)) return lower;
  const candidates: string[] = [];
  if (lower.endsWith('ies')) candidates.push(lower.slice(0, -3) + 'y');
  if (lower.endsWith('es')) candidates.push(lower.slice(0, -2));
  if (lower.endsWith('s')) candidates.push(lower.slice(0, -1));
  if (lower.endsWith('ied')) candidates.push(lower.slice(0, -3) + 'y');
  if (lower.endsWith('ed')) candidates.push(lower.slice(0, -2), lower.slice(0, -1), lower.slice(0, -3));
  if (lower.endsWith('ing')) candidates.push(lower.slice(0, -3), lower.slice(0, -3) + 'e', lower.slice(0, -4));
  for (const c of candidates) if (LEMMA_SET.has(c)) return c;
  return learned.has(lower) ? lower : null;
}
