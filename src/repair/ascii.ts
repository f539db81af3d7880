const NON_ASCII = /[^\u0000-\u007f]/;

const hasBuffer = typeof Buffer !== 'undefined';

let lastText: string | undefined;
let lastResult = false;

/**
 * True when `text` is all ASCII, which most text is and which no encoding fixer has business with.
 * Several fixers ask about the same string in a row (the pipeline hands each the same text until one
 * changes it), so the last answer is kept: comparing a string with itself is immediate.
 */
export function isAscii(text: string): boolean {
  if (text === lastText) return lastResult;
  lastText = text;
  // Node's native UTF-8 length is twice as fast as the fastest regex scan: equal lengths mean ASCII.
  lastResult = hasBuffer ? Buffer.byteLength(text, 'utf8') === text.length : !NON_ASCII.test(text);
  return lastResult;
}
