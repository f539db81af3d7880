import { eld } from 'eld/small';

/** Enough text for a reliable guess; detection time grows with length. */
const SAMPLE = 2000;

/**
 * The body's language (ISO 639-1) from its text, with the page's declared language as the fallback
 * for short or mixed bodies. The n-gram data ships inside the `eld` package: nothing is downloaded.
 */
export function detectLanguage(text: string, declared: string | null): string | null {
  const sample = text.length > SAMPLE ? text.slice(0, SAMPLE) : text;
  if (sample.trim().length < 20) return declared;
  const result = eld.detect(sample);
  if (result.language && (result.isReliable() || !declared)) return result.language;
  return declared ?? (result.language || null);
}
