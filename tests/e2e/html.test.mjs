// Conformance: every page the build wrote, and the DOM the app renders for
// every kind of page in every language, checked by the W3C Nu HTML checker
// (npm vnu-jar, run with Java from Debian).

import { before, after, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { startPortal, openInApp, heading, everyKindOfPage, apiDocument } from './harness.mjs';

const ROOT = resolve(new URL('../..', import.meta.url).pathname);
const VNU = resolve(ROOT, 'node_modules/vnu-jar/build/dist/vnu.jar');

/** The checker's errors for the HTML files under `dir`, one line each, paths relative to it. */
function errorsIn(dir) {
  try {
    execFileSync('java', ['-jar', VNU, '--errors-only', '--skip-non-html', '--format', 'gnu', dir], { stdio: ['ignore', 'pipe', 'pipe'] });
    return [];
  } catch (failed) {
    if (failed.status === null || !failed.stderr) throw failed;
    return String(failed.stderr).trim().split('\n').filter(Boolean).map((line) => line.replace(`"file:${dir}/`, '"'));
  }
}

let portal;
before(async () => { portal = await startPortal(); });
after(async () => { await portal?.close(); });

test('every HTML file of the build is valid', () => {
  const errors = errorsIn(resolve(ROOT, 'dist'));
  assert.deepEqual(errors.slice(0, 20), [], `${errors.length} errors`);
});

test('the DOM the app renders for every kind of page, in every language, is valid', async () => {
  const out = resolve(ROOT, 'target/html-check');
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  const page = await portal.open(null);
  for (const lang of ['kk', 'ru', 'en']) {
    // Rendered by the app itself: pages reached inside it, and the pages only it renders.
    const addresses = [...everyKindOfPage(lang), `/${lang}/search?q=passport`, `/${lang}/news?period=${apiDocument(`${lang}/news.json`).months[0].period}`, `/${lang}/no-such-page`];
    for (const path of addresses) {
      await openInApp(page, portal.base, path);
      await heading(page);
      await page.waitForFunction(() => !document.querySelector('main .loading'));
      const html = await page.evaluate(() => `<!DOCTYPE html>\n${document.documentElement.outerHTML}`);
      writeFileSync(resolve(out, `${path.replace(/[^a-z0-9]+/gi, '_')}.html`), html);
    }
  }
  await page.context().close();
  const errors = errorsIn(out);
  assert.deepEqual(errors.slice(0, 20), [], `${errors.length} errors`);
});
