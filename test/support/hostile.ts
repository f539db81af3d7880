/**
 * Inputs shaped to defeat a repair that is not linear: one long line, dense with what the fixers look
 * at (quote marks, entities, ampersands) or with markup that nests. The tests repair them at 1 MB; the
 * growth benchmark times them at growing sizes.
 */
export interface HostileShape {
  name: string;
  /** Repeated without line breaks to the size wanted. */
  unit: string;
  /**
   * `clean`: must come out unchanged; `repeat`: the line's repair is the unit's repair repeated;
   * `join`: the same, joined by single spaces (the spaces at the line's end go); `empty`: nothing left.
   */
  expect: 'clean' | 'repeat' | 'join' | 'empty';
}

export const HOSTILE_TEXT: readonly HostileShape[] = [
  { name: 'prose with a quote pair every 60 characters', unit: 'The minister said “we will not move” and left. ', expect: 'clean' },
  { name: 'curly quotes “', unit: '“', expect: 'clean' },
  { name: 'ASCII quotes "', unit: '"', expect: 'clean' },
  { name: 'guillemets «', unit: '«', expect: 'clean' },
  { name: "two apostrophes ''", unit: "''", expect: 'clean' },
  { name: 'clean ampersands: AT&T R&D fish & chips;', unit: 'AT&T R&D fish & chips; ', expect: 'clean' },
  { name: 'mixed pairs say “hi»', unit: 'say “hi» ', expect: 'repeat' },
  { name: 'broken entity & nbsp;', unit: '& nbsp; ', expect: 'empty' },
  { name: 'broken entity without semicolon & nbsp', unit: '& nbsp ', expect: 'empty' },
  { name: 'doubled word around a broken space: in & nbsp; in', unit: 'in & nbsp; in ', expect: 'repeat' },
  { name: 'broken quote entities & quot;x& quot;', unit: '& quot;x& quot; ', expect: 'join' },
  { name: 'broken ellipsis a & hellip; b', unit: 'a & hellip; b ', expect: 'repeat' },
  { name: 'escaped ampersands &amp;', unit: '&amp;', expect: 'repeat' },
  { name: 'spaced escaped ampersands & amp;', unit: '& amp; ', expect: 'join' },
  { name: 'mojibake cafÃ©', unit: 'cafÃ© ', expect: 'repeat' },
  { name: 'translated ampersand: subieron y mdash; sin', unit: 'subieron y mdash; sin ', expect: 'repeat' },
  { name: 'ampersand as plus: waived +nbsp; Call', unit: 'waived +nbsp; Call ', expect: 'repeat' },
  { name: 'bare names nbsp;', unit: 'nbsp; ', expect: 'empty' },
  { name: 'padded ASCII pair next to damage', unit: 'the " verbose " & nbsp; x ', expect: 'repeat' },
  { name: 'opening mark misused as closing', unit: '“Great show. “ A. ', expect: 'repeat' },
  { name: 'lone surrogates \\ud800', unit: '\ud800', expect: 'repeat' },
  { name: 'replacement characters after a letter é\ufffd', unit: 'é\ufffd', expect: 'clean' },
  { name: 'mojibake with a lost byte Ã\ufffd', unit: 'Ã\ufffd', expect: 'repeat' },
  { name: 'lost byte in a quotation mark â€\ufffd', unit: 'â€\ufffd ', expect: 'repeat' },
  { name: 'question marks after a lead byte Ã?', unit: 'Ã?', expect: 'clean' },
];

export const HOSTILE_MARKUP: ReadonlyArray<{ name: string; make: (n: number) => string }> = [
  { name: 'unclosed nested <div>', make: (n) => '<div>'.repeat(n) + 'The end.' },
  { name: 'nested table cells', make: (n) => '<table><tr><td>'.repeat(n) + 'The end.' },
  { name: 'unclosed <span> with text', make: (n) => '<span>x '.repeat(n) },
  { name: '<div/> (not self-closing in HTML)', make: (n) => '<div/>'.repeat(n) + 'The end.' },
  { name: 'padded inline elements <em> x </em>,', make: (n) => '<p>' + 'See the <em> report </em>, '.repeat(n) + '</p>' },
];

/** `unit` repeated to at most `size` characters (a whole number of units). */
export function repeatTo(unit: string, size: number): string {
  return unit.repeat(Math.max(1, Math.floor(size / unit.length)));
}

/** Article text shaped to defeat an attribution layer that is not linear: one paragraph of what it looks at. */
export interface HostileArticle {
  name: string;
  /** Repeated without line breaks to the size wanted. */
  unit: string;
}

export const HOSTILE_ARTICLES: readonly HostileArticle[] = [
  { name: 'short quotations with "he said"', unit: '“We will not move,” he said. ' },
  { name: 'signed quotations “…” — Name', unit: '“We will not move on this at all.” — Anna Berg ' },
  { name: 'capitalised names, no cue', unit: 'Anna Berg met Carl Dahl and Mary Jones. ' },
  { name: 'reporting cues, no full stop', unit: 'officials said analysts argued critics claimed ' },
  { name: 'one sentence with no full stop', unit: 'the minister said that the talks would resume and ' },
];
