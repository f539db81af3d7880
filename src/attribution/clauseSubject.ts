import type { Span } from './types.js';

// A clause's subject is at most this far before its cue; further back is another sentence's business.
const SUBJECT_REACH = 200;
const CLAUSE_OPENER = /^(?:but|and|so|yet|or|when|as|while|then|also|however|still|now|instead|meanwhile|indeed|here|there)\s+/iu;
// Auxiliaries, adverbs and a time ("on Tuesday", "last week") between a subject and its cue.
const SUBJECT_TAIL =
  /(?:\s+(?:is|are|was|were|has|have|had|will|would|could|can|may|might|should|must|does|did|do|not|also|been|being|still|just|even|already|never|now|then|\p{Ll}+ly|(?:on|last|this|early|late|on\s+the)?\s*(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|week|month|year|night|morning|evening|afternoon|day)))+$/u;
const NOT_A_SUBJECT = /^(?:in|on|at|after|before|during|for|from|with|without|by|to|of|according|if|because|although|though|since|until|unless|whether|what|how|why|where|who|which|that|this|it|there|here|instead|more|shortly|outside|inside|long|no|not|even|only|just|all|monday|tuesday|wednesday|thursday|friday|saturday|sunday)$/u;
// A subject opens with a capital, a determiner or a pronoun: a lower-case word is a verb phrase ("urging voters").
const LOWER_SUBJECT_START = /^(?:the|a|an|some|many|most|several|few|both|each|every|his|her|their|its|our|my|your|he|she|they|we|i|you|one|two|three|four|five|officials|sources|critics|voters|experts|analysts|people|aides|democrats|republicans)$/u;
// Where the noun phrase of a source ends and its clause goes on ("Bernie Sanders [is struggling to]").
const PHRASE_END = /\s(?:is|are|was|were|will|would|can|could|may|might|should|must|has|have|had|do|does|did|to|and|or|but|after|as|who|which|went|got|took|made)\b/iu;
const SENTENCE_END = /[.!?]["”’)]?$/u;

/** Where the sentence holding `pos` starts, when it starts within reach and no quotation mark comes between. */
function sentenceBefore(text: string, pos: number): Span | null {
  const floor = Math.max(0, pos - SUBJECT_REACH);
  let start = -1;
  for (let i = pos - 1; i >= floor; i--) {
    const c = text[i]!;
    if (c === '\n') {
      start = i + 1;
      break;
    }
    if (/["“”«»]/u.test(c)) return null;
    if (/\s/u.test(c) && SENTENCE_END.test(text.slice(Math.max(0, i - 2), i)) && !/\b(?:\p{Lu}\p{Ll}{0,3}|\p{L})[.]$/u.test(text.slice(Math.max(0, i - 6), i))) {
      start = i + 1;
      break;
    }
  }
  if (start < 0 && floor === 0) start = 0;
  return start < 0 ? null : { start, end: pos };
}

/** The subject at the head of a clause that runs up to its cue, or null. */
function subjectOf(text: string, clause: Span): Span | null {
  let body = text.slice(clause.start, clause.end);
  // A dateline or an aside set off by a dash, colon or semicolon ends before the clause.
  const cut = Math.max(body.lastIndexOf('—'), body.lastIndexOf('–'), body.lastIndexOf(':'), body.lastIndexOf(';'), body.lastIndexOf(' -'));
  let start = clause.start;
  if (cut >= 0) {
    start += cut + 1;
    body = body.slice(cut + 1);
  }
  const pieces = body.split(',');
  const last = pieces[pieces.length - 1]!;
  // "X, who has …, cue" or "X is sticking to its message, hoping …": nothing but an apposition's close stands
  // before the cue, so the subject heads the first piece that has one ("Instead, the senator …, hoping").
  if (pieces.length > 1 && last.trimEnd().replace(SUBJECT_TAIL, '').trim() === '') {
    let at = start;
    for (const piece of pieces.slice(0, -1)) {
      const subject = headOf(piece, at);
      if (subject) return subject;
      at += piece.length + 1;
    }
    return null;
  }
  return headOf(last, start + body.length - last.length);
}

/** The noun phrase heading `piece` (which starts at `start` in the text), or null. */
function headOf(piece: string, start: number): Span | null {
  const lead = /^\s*/u.exec(piece)![0].length + (CLAUSE_OPENER.exec(piece.trimStart())?.[0].length ?? 0);
  start += lead;
  piece = piece.slice(lead).trimEnd().replace(SUBJECT_TAIL, '').replace(/[\s\p{P}]+$/u, '');
  const end = PHRASE_END.exec(piece);
  if (end) piece = piece.slice(0, end.index).replace(/[\s\p{P}]+$/u, '');
  const words = piece.match(/[\p{L}\p{N}][\p{L}\p{N}'’.-]*/gu) ?? [];
  const first = words[0];
  if (!first || words.length > 8 || NOT_A_SUBJECT.test(first.toLowerCase()) || /^(?:\p{L}+ing|\p{Lu}\p{Ll}+ed)$/u.test(first)) return null;
  if (/^\p{Ll}/u.test(first) && !LOWER_SUBJECT_START.test(first)) return null;
  return { start, end: start + piece.length };
}

/**
 * The subject at the head of the clause whose cue starts at `cue` ("In a statement, [the Kentucky Republican] on
 * Tuesday dismissed …", "[Obama], who has …, reiterated …"), or null when the clause opens otherwise or
 * its start is out of reach. Costs at most the 200 characters before the cue.
 */
export function clauseSubject(text: string, cue: number): Span | null {
  const sentence = sentenceBefore(text, cue);
  return sentence ? subjectOf(text, sentence) : null;
}
