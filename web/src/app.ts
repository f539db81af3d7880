import { extractArticle, fixText, ServiceError, type FixAnswer } from './api.js';
import { renderArticle } from './articleView.js';
import { $, el } from './dom.js';
import { toSegments } from './segments.js';
import { renderInline, renderSplit, renderSteps, showStep } from './textView.js';

const input = $('input') as HTMLTextAreaElement;
const form = $('form') as HTMLFormElement;
const button = $('repair') as HTMLButtonElement;
const status = $('status');
const error = $('error');
const results = $('results');
const articleSection = $('article');
let lastFix: FixAnswer | null = null;

function showError(message: string | null): void {
  error.hidden = message === null;
  error.textContent = message ?? '';
}

function summary(fix: FixAnswer): string {
  if (!fix.changed) return 'Nothing to repair: the text came back unchanged.';
  const per = Object.entries(fix.fixes)
    .filter(([name]) => name !== 'total')
    .map(([name, n]) => `${name} ${n}`)
    .join(', ');
  return `${fix.fixes.total} change${fix.fixes.total === 1 ? '' : 's'} (${per}).`;
}

async function repair(): Promise<void> {
  const text = input.value;
  showError(null);
  if (text.trim() === '') {
    showError('Paste some text or HTML first, or drop a file on the box.');
    input.focus();
    return;
  }
  button.disabled = true;
  status.textContent = 'Repairing…';
  try {
    const [fix, article] = await Promise.allSettled([fixText(text), extractArticle(text)]);
    if (fix.status === 'rejected') throw fix.reason;
    lastFix = fix.value;
    const segments = toSegments(text, fix.value.steps);
    renderInline($('inline'), segments, fix.value.steps);
    renderSplit($('original'), $('repaired-split'), segments);
    renderSteps($('steps'), fix.value.steps, (step) => {
      (document.querySelector<HTMLInputElement>('input[name="view"][value="inline"]')!).checked = true;
      setView('inline');
      showStep($('inline'), step);
    });
    $('step-count').textContent = `(${fix.value.steps.length})`;
    results.hidden = false;
    status.textContent = summary(fix.value);
    showArticle(article);
  } catch (err) {
    status.textContent = '';
    showError(err instanceof ServiceError ? `The service refused: ${err.message}` : `Something went wrong: ${String(err)}`);
  } finally {
    button.disabled = false;
  }
}

function showArticle(result: PromiseSettledResult<Awaited<ReturnType<typeof extractArticle>>>): void {
  const body = $('article-body');
  articleSection.hidden = false;
  if (result.status === 'fulfilled') {
    renderArticle(body, result.value);
    return;
  }
  const err = result.reason;
  const message =
    err instanceof ServiceError && err.status === 501
      ? 'Article extraction (title, paragraphs, quotes, people and places) is not available in this build of the service.'
      : `The article could not be extracted: ${err instanceof Error ? err.message : String(err)}`;
  body.replaceChildren(el('p', { class: 'help' }, message));
}

async function loadFile(file: File): Promise<void> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  try {
    input.value = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    status.textContent = `Loaded ${file.name}.`;
    showError(null);
  } catch {
    showError(`${file.name} is not UTF-8 text.`);
  }
}

function setView(view: string): void {
  $('inline').hidden = view !== 'inline';
  $('split').hidden = view !== 'split';
}

form.addEventListener('submit', (event) => {
  event.preventDefault();
  void repair();
});
input.addEventListener('keydown', (event) => {
  // Ctrl+Enter repairs without leaving the keyboard.
  if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
    event.preventDefault();
    void repair();
  }
});
$('clear').addEventListener('click', () => {
  input.value = '';
  results.hidden = true;
  articleSection.hidden = true;
  status.textContent = '';
  showError(null);
  input.focus();
});
($('file') as HTMLInputElement).addEventListener('change', (event) => {
  const file = (event.target as HTMLInputElement).files?.[0];
  if (file) void loadFile(file);
});
input.addEventListener('dragover', (event) => {
  event.preventDefault();
  input.classList.add('dropping');
});
input.addEventListener('dragleave', () => input.classList.remove('dropping'));
input.addEventListener('drop', (event) => {
  event.preventDefault();
  input.classList.remove('dropping');
  const file = event.dataTransfer?.files[0];
  if (file) void loadFile(file);
});
for (const radio of document.querySelectorAll<HTMLInputElement>('input[name="view"]')) {
  radio.addEventListener('change', () => setView(radio.value));
}
$('copy').addEventListener('click', async () => {
  if (!lastFix) return;
  try {
    await navigator.clipboard.writeText(lastFix.text);
    status.textContent = 'Repaired text copied.';
  } catch {
    status.textContent = 'Copying is not allowed here; select the text instead.';
  }
});
