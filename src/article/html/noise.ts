import type { DomNode } from '../../repair/index.js';

/**
 * Parts of class and id names that mark page furniture around an article: share bars, related
 * lists, newsletter and cookie boxes, comment sections, ads. Names are split on `-`, `_` and case
 * changes so that `share-bar`, `relatedLinks` and `newsletter_signup` match but `shared-content`
 * (a word that merely starts the same) does not.
 */
const NOISE_PARTS = new Set(
  (
    'share sharing sharebar social socials related relatedlinks recirc recirculation newsletter newsletters ' +
    'subscribe subscription signup cookie cookies consent gdpr promo promotion advert advertisement ads ad ' +
    'sponsored outbrain taboola comments comment disqus recommended recommendations trending popular mostread ' +
    'breadcrumb breadcrumbs byline toolbar paywall'
  ).split(' '),
);

/** Roles and tags that never hold body text inside an extracted article. */
const NOISE_ROLES = new Set(['navigation', 'banner', 'complementary', 'contentinfo', 'dialog', 'alertdialog', 'search']);
const NOISE_TAGS = new Set(['nav', 'aside', 'footer', 'form', 'dialog']);

function parts(value: string): string[] {
  return value
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[\s\-_]+/)
    .filter(Boolean);
}

export type NoiseReason = 'share' | 'related' | 'newsletter' | 'cookies' | 'comments' | 'tags' | 'furniture';

const REASON: Record<string, NoiseReason> = {
  share: 'share', sharing: 'share', sharebar: 'share', social: 'share', socials: 'share', toolbar: 'share',
  related: 'related', relatedlinks: 'related', recirc: 'related', recirculation: 'related', recommended: 'related',
  recommendations: 'related', trending: 'related', popular: 'related', mostread: 'related', outbrain: 'related', taboola: 'related',
  newsletter: 'newsletter', newsletters: 'newsletter', subscribe: 'newsletter', subscription: 'newsletter', signup: 'newsletter',
  cookie: 'cookies', cookies: 'cookies', consent: 'cookies', gdpr: 'cookies',
  comments: 'comments', comment: 'comments', disqus: 'comments',
};

/** Captions and photo credits describe pictures; they are not the article's text. */
const CAPTION_PARTS = new Set(['caption', 'captions', 'credit', 'credits', 'figcaption']);

export function isCaption(el: DomNode): boolean {
  const tag = el.nodeName.toLowerCase();
  if (tag === 'figcaption') return true;
  const names = `${el.getAttribute?.('class') ?? ''} ${el.getAttribute?.('id') ?? ''}`;
  return names.trim() !== '' && parts(names).some((p) => CAPTION_PARTS.has(p));
}

/** Why an element inside the extracted article is furniture, or null when it may be content. */
export function noiseReason(el: DomNode): NoiseReason | null {
  const tag = el.nodeName.toLowerCase();
  if (NOISE_TAGS.has(tag)) return 'furniture';
  const role = el.getAttribute?.('role');
  if (role && NOISE_ROLES.has(role)) return 'furniture';
  if (el.getAttribute?.('aria-hidden') === 'true') return 'furniture';
  const names = `${el.getAttribute?.('class') ?? ''} ${el.getAttribute?.('id') ?? ''}`;
  if (names.trim() === '') return null;
  for (const part of parts(names)) {
    if (NOISE_PARTS.has(part)) return REASON[part] ?? 'furniture';
  }
  return null;
}
