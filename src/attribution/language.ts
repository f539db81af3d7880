const SUPPORTED = new Set(['en']);

export function primaryLanguage(tag: string): string {
  return tag.trim().toLowerCase().split(/[-_]/)[0] ?? '';
}

export function unsupportedReason(tag: string): string | null {
  const primary = primaryLanguage(tag);
  if (SUPPORTED.has(primary)) return null;
  return `attribution supports English only (lang "en"); got "${tag}": its reporting verbs, role nouns and pronouns are not in the lexicon`;
}
