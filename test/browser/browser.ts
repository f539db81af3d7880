import { existsSync } from 'node:fs';
import { chromium, type BrowserContext } from 'playwright-core';
import { tempDir } from '../support/tempDir.js';

/** Debian's package; UNMANGLE_CHROMIUM points elsewhere (and lets the skip path be tried). */
export const CHROMIUM = process.env.UNMANGLE_CHROMIUM ?? '/usr/bin/chromium';

/** Why the browser tests cannot run here, or null when they can. */
export function browserMissing(): string | null {
  return existsSync(CHROMIUM) ? null : `${CHROMIUM} is missing and could not be installed (scripts/ensure-chromium.sh); browser tests skipped`;
}

/** Debian's Chromium, headless, with a fresh profile and nothing that talks to the network by itself. */
export async function launchChromium(viewport = { width: 1280, height: 900 }): Promise<BrowserContext> {
  return chromium.launchPersistentContext(tempDir('unmangle-chromium-'), {
    executablePath: CHROMIUM,
    headless: true,
    viewport,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/**
 * Polls from Node until `check` holds. Playwright's waitForFunction polls by evaluating its predicate inside the
 * page, which the page's Content-Security-Policy (no 'unsafe-eval') forbids, so it only worked when the first try
 * already succeeded.
 */
export async function waitUntil(check: () => Promise<boolean>, what: string, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting until ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}
