// Shared set-up of the end-to-end tests: the release build in dist/ served
// on loopback by scripts/serve.mjs, and Debian's Chromium driven by Playwright.

import { chromium } from 'playwright-core';
import { startServer } from '../../scripts/serve.mjs';
import { existsSync } from 'node:fs';
import assert from 'node:assert/strict';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Starts the server and the browser; returns helpers and a close function. */
export async function startPortal() {
  if (!existsSync('dist/index.html')) {
    throw new Error('dist/ is missing: run `make dist` (make test-e2e does it first)');
  }
  const server = await startServer({ root: 'dist', port: 0 });
  const base = `http://127.0.0.1:${server.address().port}`;
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  return {
    base,
    browser,
    /** A fresh browser profile with the given browser language; records uncaught errors. */
    async open(path, { locale = 'kk-KZ' } = {}) {
      const context = await browser.newContext({ locale });
      const page = await context.newPage();
      page.errors = [];
      page.on('pageerror', (e) => page.errors.push(e.message));
      if (path !== null) await page.goto(base + path);
      return page;
    },
    async close() {
      await browser.close();
      await new Promise((ok) => server.close(ok));
    },
  };
}

/** The page's main heading once the app has rendered it. */
export async function heading(page) {
  const h1 = page.locator('main h1');
  await h1.waitFor();
  return (await h1.textContent()).trim();
}

/** Asserts that nothing was thrown uncaught in the page (a panic shows up here). */
export function assertNoPageErrors(page) {
  assert.deepEqual(page.errors, [], `uncaught errors in the page: ${page.errors.join('; ')}`);
}
