import { pick } from './random.js';

/**
 * Damage of the kind machine translation does to scraped HTML text, applied to clean text so that
 * the clean text is the expected repair. Only places where the repair is unambiguous are damaged:
 * a single space between two words, an em dash or ellipsis, one “…” pair.
 */
const SPACE_FORMS = [' & nbsp; ', ' & nbsp; ', ' & nbsp; ', ' & nbsp ; ', '&nbsp ; ', ' & NBSP; ', ' & Nbsp; ', ' &amp;nbsp; ', ' & amp; nbsp; ', ' &amp;amp;nbsp; ', ' & #160; '];
const DOUBLE_OK = /^[a-z]{1,4}$/;

export function damageLikeTranslation(clean: string, rng: () => number, rate = 0.15): string {
  let text = clean.replace(/(?<=[\p{L}\p{N}])( )(?=[\p{L}\p{N}])/gu, (space, _g, offset: number) => {
    if (rng() >= rate) return space;
    const before = /[\p{L}\p{N}]+$/u.exec(clean.slice(Math.max(0, offset - 20), offset))?.[0] ?? '';
    if (DOUBLE_OK.test(before) && rng() < 0.3) return ` & nbsp; ${before} `;
    return pick(rng, SPACE_FORMS);
  });
  text = text.replace(/ — /g, () => (rng() < 0.5 ? ' & mdash; ' : ' & nbsp; & mdash; '));
  text = text.replace(/…/g, () => pick(rng, ['& hellip;', '& hellip ;', '&amp;hellip;']));
  const quoted = /“([^“”]+)”/g;
  if ((text.match(quoted) ?? []).length === 1) {
    text = text.replace(quoted, (_m, inner: string) =>
      pick(rng, [`“ ${inner} & raquo;`, `“ ${inner} ''`, `& quot; ${inner} & raquo;`, `“${inner}»`]),
    );
  }
  return text;
}
