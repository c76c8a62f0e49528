// The life of an item after it is published: withdrawn by its body (it
// stays at its address with a notice, and leaves lists and search),
// scheduled (absent until its day, present after the rebuild that day), and
// removed with its address leading to another page.
//
// The changes are made to a copy of content/ in target/ and compiled into a
// copy of the build without its prerendered pages (the app renders every
// page, from the changed documents): the withdrawal and the scheduled news
// item are test data, never published content.

import { before, after, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { startPortal, openInApp, heading, assertNoPageErrors, axeAudit } from './harness.mjs';

const SITE = 'target/e2e-lifecycle';
const CONTENT = 'target/e2e-lifecycle-content';
const API = 'target/e2e-lifecycle-api';
// Built by `make test-e2e` (the e2e-variant step runs it).
const COMPILER = 'target/debug/portal-compiler';
const REASONS = {
  kk: 'Бұл қызмет туралы ақпарат жаңартылуда.',
  ru: 'Сведения об этой услуге обновляются.',
  en: 'The information about this service is being updated.',
};
// Kazakhstan's day (UTC+5), as the compiler counts it, and the day after.
const DAY = 86_400_000;
const astana = (ms) => new Date(ms + 5 * 3_600_000).toISOString().slice(0, 10);
const TODAY = astana(Date.now());
const TOMORROW = astana(Date.now() + DAY);

/** Compiles the copy into the copy of the build, as of `epoch` (seconds) if given. */
function build(epoch) {
  rmSync(API, { recursive: true, force: true });
  const env = epoch === undefined ? process.env : { ...process.env, SOURCE_DATE_EPOCH: String(epoch) };
  const run = spawnSync(COMPILER, ['build', '--content', CONTENT, '--out', API, '--full-index'], { encoding: 'utf8', env });
  assert.equal(run.status, 0, run.stderr);
  for (const dir of ['api', '_transition']) {
    rmSync(`${SITE}/${dir}`, { recursive: true, force: true });
    cpSync(`${API}/${dir}`, `${SITE}/${dir}`, { recursive: true });
  }
}

let portal;
before(async () => {
  for (const path of [SITE, CONTENT, API]) rmSync(path, { recursive: true, force: true });
  cpSync('dist', SITE, { recursive: true });
  for (const lang of ['kk', 'ru', 'en']) rmSync(`${SITE}/${lang}`, { recursive: true, force: true });
  cpSync('content', CONTENT, { recursive: true });
  const meta = `${CONTENT}/pages/tax-residency-certificate/meta.toml`;
  const reasons = Object.entries(REASONS).map(([lang, text]) => `${lang} = "${text}"`).join(', ');
  writeFileSync(meta, `${readFileSync(meta, 'utf8')}\n[withdrawn]\ndate = ${TODAY}\nreason = { ${reasons} }\n`);
  mkdirSync(`${CONTENT}/news/scheduled-notice`);
  writeFileSync(`${CONTENT}/news/scheduled-notice/meta.toml`, `agency = "ministry-of-finance"\npublished = ${TOMORROW}\npublish_at = ${TOMORROW}\n`);
  for (const lang of ['kk', 'ru', 'en']) {
    writeFileSync(`${CONTENT}/news/scheduled-notice/${lang}.md`, `+++\ntitle = "Wombatfield notice (${lang})"\nsummary = "A notice scheduled for tomorrow."\n+++\nThe wombatfield notice.\n`);
  }
  // An address a page had before its slug changed.
  writeFileSync(`${CONTENT}/redirects.toml`, '[[redirect]]\nfrom = "/pages/foreign-passport"\nto = "/pages/passport"\n');
  build();
  portal = await startPortal({ root: SITE });
});
after(async () => { await portal?.close(); });

async function visit(page, path) {
  await page.goto(portal.base + path);
  await heading(page);
  await page.locator('main .loading').waitFor({ state: 'detached' });
}

test('a withdrawn page stays at its address with the day and the reason, in every language and display mode', async () => {
  const expected = { kk: 'Жариялаудан алынды', ru: 'Снято с публикации', en: 'Withdrawn on' };
  for (const lang of ['kk', 'ru', 'en']) {
    for (const settings of [null, { scheme: 'white-on-black', font_size: 200 }]) {
      const context = await portal.browser.newContext({ serviceWorkers: 'block' });
      if (settings) await context.addInitScript((json) => localStorage.setItem('portal.display', json), JSON.stringify(settings));
      const page = await context.newPage();
      page.errors = [];
      page.on('pageerror', (e) => page.errors.push(e.message));
      await visit(page, `/${lang}/pages/tax-residency-certificate`);
      const notice = page.getByRole('region', { name: new RegExp(expected[lang]) });
      await notice.waitFor();
      assert.match(await notice.textContent(), new RegExp(REASONS[lang].replace('.', '\\.')));
      // Between the title and the text: read before the page.
      assert.equal(await page.evaluate(() => document.querySelector('h1').compareDocumentPosition(document.querySelector('.withdrawn')) & Node.DOCUMENT_POSITION_FOLLOWING), 4);
      const result = await axeAudit(page);
      assert.deepEqual(result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(' ')}`), [], `${lang} ${JSON.stringify(settings)}`);
      assertNoPageErrors(page);
      await context.close();
    }
  }
});

test('a withdrawn page leaves its topic\'s list and search; the other pages stay', async () => {
  const page = await portal.open(null);
  await visit(page, '/en/topics/taxes');
  const listed = await page.locator('main a').evaluateAll((links) => links.map((a) => a.getAttribute('href')));
  assert.ok(listed.some((href) => href.endsWith('/en/pages/tax-debt')), listed.join(' '));
  assert.ok(!listed.some((href) => href.endsWith('/en/pages/tax-residency-certificate')), 'not listed');
  await visit(page, '/en/search?q=tax+residency+certificate');
  await page.locator('.search-count').waitFor();
  const found = await page.locator('.search-hit-title').allTextContents();
  assert.ok(!found.some((t) => /residency/i.test(t)), found.join(' | '));
  await page.context().close();
});

test('a scheduled news item is absent before its day and present after the rebuild on it', async () => {
  assert.equal(existsSync(`${SITE}/api/v1/en/news/scheduled-notice.json`), false, 'no document before its day');
  const page = await portal.open(null);
  await visit(page, '/en/news');
  assert.equal(await page.getByText('Wombatfield notice (en)').count(), 0);
  // The deployment's daily build on its day (docs/deploy.md).
  build(Math.floor((Date.parse(`${TOMORROW}T00:30:00+05:00`)) / 1000));
  await visit(page, '/en/news');
  await page.getByRole('link', { name: 'Wombatfield notice (en)' }).waitFor();
  await visit(page, '/en/news/scheduled-notice');
  assert.equal(await page.locator('h1').textContent(), 'Wombatfield notice (en)');
  await page.context().close();
});

test('a removed address answers 301 to its new page in the same language, and the app following a link to it goes there', async () => {
  for (const lang of ['kk', 'ru', 'en']) {
    const r = await fetch(`${portal.base}/${lang}/pages/foreign-passport`, { redirect: 'manual' });
    assert.equal(r.status, 301, lang);
    assert.equal(new URL(r.headers.get('location'), portal.base).pathname, `/${lang}/pages/passport`);
  }
  const page = await portal.open(null);
  await openInApp(page, portal.base, '/ru/pages/foreign-passport');
  await page.waitForURL(`${portal.base}/ru/pages/passport`);
  // The passport page's own heading, once its document has come.
  await page.locator('main h1', { hasText: /паспорт/i }).waitFor();
  // In place of the removed address: Back returns to where the reader was.
  await page.goBack();
  await page.waitForURL(`${portal.base}/ru/regions`);
  assertNoPageErrors(page);
  await page.context().close();
});
