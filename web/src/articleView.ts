import type { ArticleAnswer, Entity, Quote } from './api.js';
import { el } from './dom.js';

const ENTITY_HEADINGS: Record<Entity['type'], string> = { person: 'People', organization: 'Organisations', place: 'Places' };

/** Title, metadata, paragraphs, what was removed, quotes with speakers, and named entities. */
export function renderArticle(target: HTMLElement, article: ArticleAnswer): void {
  const meta = [article.byline, article.published, article.siteName].filter((x): x is string => Boolean(x));
  const parts: Node[] = [el('h3', { class: 'article-title' }, article.title ?? '(no title found)')];
  if (meta.length > 0) parts.push(el('p', { class: 'meta' }, meta.join(' · ')));
  parts.push(el('div', { class: 'paragraphs' }, ...article.paragraphs.map((p) => el('p', {}, p))));

  if (article.boilerplate.length > 0) {
    parts.push(
      el(
        'details',
        {},
        el('summary', {}, `Removed boilerplate (${article.boilerplate.length})`),
        el('ul', { class: 'boilerplate' }, ...article.boilerplate.map((b) => el('li', {}, boilerplateText(b)))),
      ),
    );
  }

  if (article.attribution && !article.attribution.supported) {
    parts.push(el('p', { class: 'help' }, `Quotes and names were not looked for: ${article.attribution.reason ?? 'this language is not supported'}.`));
    target.replaceChildren(...parts);
    return;
  }

  parts.push(el('h3', {}, `Quotes (${article.quotes.length})`));
  parts.push(
    article.quotes.length === 0
      ? el('p', { class: 'help' }, 'No quotations found.')
      : el(
          'ul',
          { class: 'quotes' },
          ...article.quotes.map((q) =>
            el(
              'li',
              {},
              el('blockquote', {}, q.text),
              el('p', { class: 'speaker' }, q.speaker ? `— ${q.speaker.name}` : '— speaker unknown', el('span', { class: 'cue' }, ` (${quoteDetails(q).join('; ')})`)),
            ),
          ),
        ),
  );

  const groups = el('div', { class: 'entities' });
  for (const type of ['person', 'organization', 'place'] as const) {
    const of = article.entities.filter((e) => e.type === type);
    groups.append(
      el(
        'div',
        {},
        el('h4', {}, ENTITY_HEADINGS[type]),
        of.length === 0
          ? el('p', { class: 'help' }, 'none')
          : el('ul', {}, ...of.map((e) => el('li', {}, e.name, e.roles.length ? el('span', { class: 'roles' }, ` (${e.roles.join(', ')})`) : null, el('span', { class: 'count' }, ` ×${e.count}`)))),
      ),
    );
  }
  parts.push(el('h3', {}, 'Who is mentioned'), groups);
  target.replaceChildren(...parts);
}

const KIND_LABELS: Record<string, string> = {
  direct: 'direct quote',
  indirect: 'reported (indirect)',
  mixed: 'reported with quoted words (mixed)',
};

function quoteDetails(q: Quote): string[] {
  const details: string[] = [];
  if (q.speaker?.role && !q.speaker.name.includes(q.speaker.role)) details.push(q.speaker.role);
  if (q.speaker && q.speaker.mention !== q.speaker.name) details.push(`“${q.speaker.mention}”`);
  if (q.cue) details.push(q.cue);
  details.push(KIND_LABELS[q.kind] ?? `${q.kind} quote`);
  return details;
}

function boilerplateText(item: unknown): string {
  if (typeof item === 'string') return item;
  if (item && typeof item === 'object') {
    const o = item as Record<string, unknown>;
    const text = typeof o.text === 'string' ? o.text : JSON.stringify(o);
    const why = typeof o.kind === 'string' ? o.kind : typeof o.reason === 'string' ? o.reason : null;
    return why ? `${text} (${why})` : text;
  }
  return String(item);
}
