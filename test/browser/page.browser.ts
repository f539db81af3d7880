import assert from 'node:assert/strict';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { BrowserContext, Page } from 'playwright-core';
import { fixText } from '../../src/index.js';
import { startServer, type Running } from '../interfaces/httpServer.js';
import { ROOT, SEED } from '../interfaces/runCli.js';
import { browserMissing, launchChromium, waitUntil } from './browser.js';

const ARTIFACTS = join(ROOT, 'test-artifacts');
const seed = readFileSync(SEED, 'utf8');
const missing = browserMissing();
if (missing) process.stdout.write(`# SKIP: ${missing}\n`);

describe('web page in Chromium', { skip: missing ?? false }, () => {
  let server: Running;
  let browser: BrowserContext;
  let page: Page;
  const foreign: string[] = [];

  before(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    server = await startServer();
    browser = await launchChromium();
    page = await browser.newPage();
    // The page must work offline: anything not from the service itself is recorded and blocked.
    await page.route('**/*', (route) => {
      const url = route.request().url();
      if (url.startsWith(server.url)) return route.continue();
      foreign.push(url);
      return route.abort();
    });
    page.on('pageerror', (err) => foreign.push(`page error: ${err.message}`));
    page.on('console', (message) => {
      if (message.type() === 'error') foreign.push(`console error: ${message.text()}`);
    });
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  test('paste the seed, press Repair: the repaired text appears with its changes highlighted', async () => {
    await page.goto(`${server.url}/`);
    await page.getByLabel('Text or HTML').fill(seed);
    await page.getByRole('button', { name: 'Repair', exact: true }).click();
    const marks = page.locator('#inline mark.change');
    await marks.first().waitFor();
    assert.equal(await page.locator('#inline').innerText(), fixText(seed));
    assert.ok((await marks.count()) > 20, `${await marks.count()} highlights`);
    assert.match(await page.getByRole('status').innerText(), /^\d+ changes \(mangledEntities \d+/);
    assert.equal(await page.locator('#split').isVisible(), false, 'one view at a time');
    // The original is there on hover and for assistive technology.
    const first = marks.first();
    assert.equal(await first.getAttribute('data-before'), '␣&␣nbsp;␣');
    assert.match((await first.getAttribute('aria-label')) ?? '', /was “␣&␣nbsp;␣”/);
    await first.hover();
    await page.screenshot({ path: join(ARTIFACTS, 'serve-page.png'), fullPage: true });
    assert.ok((await page.locator('#steps li').count()) >= (await marks.count()));
    // A step in the list leads to its change in the text.
    await page.getByText(/^Steps/).click();
    await page.getByRole('button', { name: 'show step 3 in the text' }).click();
    const focused = (await page.evaluate('document.activeElement && document.activeElement.dataset.steps')) as string;
    assert.ok(focused.split(' ').includes('2'), focused);
    assert.deepEqual(foreign, []);
  });

  test('the page names its icon and the service serves it', async () => {
    const href = await page.locator('link[rel="icon"]').getAttribute('href');
    assert.equal(href, '/favicon.svg');
    const icon = await page.request.get(`${server.url}${href}`);
    assert.equal(icon.status(), 200);
    assert.match(icon.headers()['content-type'] ?? '', /^image\/svg\+xml/);
    assert.match(await icon.text(), /^<svg /);
  });

  test('side by side shows the original with deletions and the repair with insertions', async () => {
    await page.getByLabel('Side by side').check();
    assert.equal(await page.locator('#inline').isVisible(), false);
    assert.equal(await page.locator('#original').innerText(), seed);
    assert.equal(await page.locator('#repaired-split').innerText(), fixText(seed));
    assert.ok((await page.locator('#original del').count()) > 20);
    await page.screenshot({ path: join(ARTIFACTS, 'serve-page-split.png'), fullPage: true });
    await page.getByLabel('Highlighted').check();
  });

  test('the article view shows the seed as an article, with quotes and speakers', async () => {
    const article = page.locator('#article-body');
    await article.getByRole('heading', { name: /^Quotes \(\d+\)$/ }).waitFor();
    const text = await article.innerText();
    assert.match(text, /Stoltenberg did not rule out a political solution/);
    assert.match(text, /— Jens Stoltenberg/);
    assert.match(text, /People[\s\S]*Anthony Blinken/);
    assert.doesNotMatch(text, /& nbsp;/);
    await page.locator('#article').screenshot({ path: join(ARTIFACTS, 'serve-article-seed.png') });
  });

  test('the article view shows title, paragraphs, boilerplate, quotes with speakers and entities', async () => {
    // The page's rendering of an article, independent of whether the article layer is in this build.
    const sample = {
      title: 'Stoltenberg did not rule out a political solution',
      byline: 'Staff',
      published: '2022-01-09',
      siteName: 'Example News',
      url: null,
      lang: 'en',
      text: 'Russia and NATO may find a political solution.',
      paragraphs: ['Russia and NATO may find a political solution.', 'Next week there will be negotiations.'],
      boilerplate: [{ kind: 'comments', text: 'Leave a Reply', lang: 'en', line: 20, beforeParagraph: 2 }],
      fixes: [],
      source: null,
      quotes: [
        { text: 'You can find a solution', start: 0, end: 10, kind: 'direct', cue: 'said', speaker: { mention: 'he', name: 'Jens Stoltenberg', start: 0, end: 2 } },
        { text: 'draft agreements', start: 0, end: 16, kind: 'indirect', cue: 'announced', speaker: { mention: 'the Foreign Ministry', name: 'Foreign Ministry', start: 0, end: 20, type: 'organization', role: null } },
      ],
      entities: [
        { name: 'Jens Stoltenberg', type: 'person', roles: ['NATO Secretary General'], mentions: [], count: 3 },
        { name: 'NATO', type: 'organization', roles: [], mentions: [], count: 5 },
        { name: 'Russia', type: 'place', roles: [], mentions: [], count: 7 },
      ],
    };
    await page.route('**/v1/article', (route) => route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify(sample) }));
    try {
      await page.getByRole('button', { name: 'Repair', exact: true }).click();
      const article = page.locator('#article-body');
      await article.getByRole('heading', { name: sample.title, exact: true }).waitFor();
      const text = await article.innerText();
      for (const expected of ['Staff · 2022-01-09 · Example News', 'Next week there will be negotiations.', 'Removed boilerplate (1)', 'You can find a solution', '— Jens Stoltenberg', 'direct quote', 'draft agreements', 'reported (indirect)', 'People', 'NATO Secretary General', 'Organisations', 'Places']) {
        assert.ok(text.includes(expected), `${expected} in ${text}`);
      }
      await page.locator('#article').screenshot({ path: join(ARTIFACTS, 'serve-article-view.png') });
    } finally {
      await page.unroute('**/v1/article');
    }
  });

  test('keyboard only: Ctrl+Enter repairs, Tab reaches the highlights', async () => {
    await page.getByRole('button', { name: 'Clear' }).click();
    await page.keyboard.type('a & nbsp; b');
    await page.keyboard.press('Control+Enter');
    await page.locator('#inline mark.change').first().waitFor();
    assert.equal(await page.locator('#inline').innerText(), 'a b');
    const mark = page.locator('#inline mark.change').first();
    await mark.focus();
    // Page code is passed as strings: the Node tsconfig has no DOM types, on purpose.
    assert.equal(await page.evaluate('document.activeElement && document.activeElement.tagName'), 'MARK');
    // Every form control has a label.
    const unlabelled = await page.evaluate(
      "[...document.querySelectorAll('input, textarea, select')].filter((e) => e.labels.length === 0).map((e) => e.id)",
    );
    assert.deepEqual(unlabelled, []);
  });

  test('a chosen file fills the box', async () => {
    await page.locator('#file').setInputFiles({ name: 'seed.txt', mimeType: 'text/plain', buffer: Buffer.from(seed) });
    const box = page.getByLabel('Text or HTML');
    await waitUntil(async () => (await box.inputValue()).length > 1000, 'the file is in the box');
    assert.equal(await box.inputValue(), seed);
  });

  test('bad input gets a readable message, not a broken page', async () => {
    await page.getByLabel('Text or HTML').fill('');
    await page.getByRole('button', { name: 'Repair', exact: true }).click();
    assert.match(await page.getByRole('alert').innerText(), /Paste some text/);
  });

  test('usable at phone width: nothing scrolls sideways', async () => {
    const phone = await browser.newPage();
    await phone.setViewportSize({ width: 375, height: 812 });
    await phone.goto(`${server.url}/`);
    await phone.getByLabel('Text or HTML').fill(seed);
    await phone.getByRole('button', { name: 'Repair', exact: true }).click();
    await phone.locator('#inline mark.change').first().waitFor();
    await phone.getByLabel('Side by side').check();
    const overflow = (await phone.evaluate('document.documentElement.scrollWidth - window.innerWidth')) as number;
    assert.ok(overflow <= 0, `page is ${overflow}px wider than the screen`);
    await phone.screenshot({ path: join(ARTIFACTS, 'serve-page-phone.png'), fullPage: true });
    await phone.close();
  });
});
