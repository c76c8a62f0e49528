// Life situations as a reader meets them: a journey's numbered steps,
// opened and closed by keyboard with their state announced, "show all",
// the page without JavaScript and before the app has started, the
// "Part of" box on a page that is one of the steps, and search by kind.

import { before, after, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { startPortal, hold, heading, appTookOver, assertNoPageErrors, apiDocument, axeAudit } from './harness.mjs';

let portal;
before(async () => { portal = await startPortal(); });
after(async () => { await portal?.close(); });

const SLUG = 'birth-of-a-child';
const panels = (page) => page.locator('ol.steps > li.step .step-panel');
const visible = (locator) => locator.evaluateAll((all) => all.map((e) => e.checkVisibility()));

test('a journey lists its numbered steps, opened and closed by keyboard, with "show all"', async () => {
  const journey = apiDocument(`en/life/${SLUG}.json`);
  const page = await portal.open(`/en/life/${SLUG}`);
  assert.equal(await heading(page), journey.title);
  const steps = page.locator('ol.steps > li.step');
  assert.equal(await steps.count(), journey.steps.length);
  assert.deepEqual(
    await steps.locator('.step-heading').evaluateAll((hs) => hs.map((h) => h.textContent.replace(/\s+/g, ' ').trim())),
    journey.steps.map((s) => `Step ${s.number} ${s.title}`),
  );
  // A step done beside the one before shares its number and says so.
  const joined = journey.steps.findIndex((s) => s.join === 'and');
  assert.ok(joined > 0, 'the journey has a step done beside another');
  assert.equal((await steps.nth(joined).locator('.step-join').textContent()).trim(), 'and');
  assert.deepEqual(await visible(panels(page)), journey.steps.map(() => false), 'steps start closed');
  // The sums over the steps, as the page says them.
  assert.match(await page.locator('.at-a-glance').textContent(), /Cost of all the steps.*Free for the steps that say; \d+ steps do not/s);

  // By keyboard: Tab reaches the first step's button, Enter opens, Space closes.
  const first = page.getByRole('button', { name: `Show (${journey.steps[0].title})` });
  await page.getByRole('button', { name: 'Show all steps' }).focus();
  await page.keyboard.press('Tab');
  assert.equal(await first.evaluate((b) => b === document.activeElement), true, 'the step button is next in the tab order');
  await page.keyboard.press('Enter');
  assert.equal(await page.locator('#step-1 .step-toggle').getAttribute('aria-expanded'), 'true');
  assert.deepEqual((await visible(panels(page))).slice(0, 2), [true, false]);
  const stepLink = page.locator('#step-1-panel .step-pages a').first();
  assert.equal(await stepLink.getAttribute('href'), `/en/pages/${journey.steps[0].pages[0].slug}`);
  await page.keyboard.press('Space');
  assert.equal(await page.locator('#step-1 .step-toggle').getAttribute('aria-expanded'), 'false');
  assert.equal(await page.locator('#step-1-panel').isVisible(), false);

  // "Show all steps" opens every step and becomes "Hide all steps".
  await page.getByRole('button', { name: 'Show all steps' }).click();
  assert.deepEqual(await visible(panels(page)), journey.steps.map(() => true));
  const all = page.getByRole('button', { name: 'Hide all steps' });
  assert.equal(await all.getAttribute('aria-expanded'), 'true');
  // Opened, every step meets WCAG 2.2 AA too.
  const axe = await axeAudit(page);
  assert.deepEqual(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(', ')}`), []);
  await all.click();
  assert.deepEqual(await visible(panels(page)), journey.steps.map(() => false));
  assertNoPageErrors(page);
  await page.context().close();
});

test('a screen reader hears whether a step is open', async () => {
  const journey = apiDocument(`ru/life/${SLUG}.json`);
  const page = await portal.open(`/ru/life/${SLUG}`);
  await heading(page);
  const reader = readFileSync('node_modules/@guidepup/virtual-screen-reader/lib/esm/index.browser.js');
  await page.route('**/__virtual-screen-reader.js', (route) => route.fulfill({ body: reader, contentType: 'text/javascript' }));
  const spoken = await page.evaluate(async () => {
    const { virtual } = await import('/__virtual-screen-reader.js');
    await virtual.start({ container: document.querySelector('#step-1') });
    const heard = [];
    for (let i = 0; i < 20 && !heard.some((p) => p.startsWith('button')); i++) {
      await virtual.next();
      heard.push((await virtual.lastSpokenPhrase()) ?? '');
    }
    await virtual.press('Enter');
    await virtual.previous();
    await virtual.next();
    heard.push((await virtual.lastSpokenPhrase()) ?? '');
    await virtual.stop();
    return heard;
  });
  const title = journey.steps[0].title;
  // Its name says which step; its state follows the press.
  const said = spoken.map((p) => p.replace(/\s+/g, ' '));
  assert.ok(said.includes(`button, Показать (${title}), 1 control, not expanded`), said.join('\n'));
  assert.equal(said.at(-1), `button, Скрыть (${title}), 1 control, expanded`, said.join('\n'));
  await page.context().close();
});

test('without JavaScript every step is shown, and a step opened before the app starts stays open', async () => {
  const journey = apiDocument(`kk/life/${SLUG}.json`);
  const context = await portal.browser.newContext({ javaScriptEnabled: false });
  const plain = await context.newPage();
  await plain.goto(`${portal.base}/kk/life/${SLUG}`);
  assert.equal((await plain.locator('main h1').textContent()).trim(), journey.title);
  assert.deepEqual(await visible(panels(plain)), journey.steps.map(() => true));
  assert.equal(await plain.locator('.step-toggle').first().isVisible(), false, 'no button that cannot work');
  const links = await plain.locator('.step-pages a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
  assert.deepEqual(links, journey.steps.flatMap((s) => s.pages.map((p) => `/kk/pages/${p.slug}`)), 'every link a plain link');
  await context.close();

  // The app held back: the step the reader opens is open when it has taken over.
  const page = await portal.open(null);
  const release = await hold(page, '**/*_bg.wasm');
  await page.goto(`${portal.base}/kk/life/${SLUG}`, { app: false });
  await page.locator('#step-2 .step-toggle').click();
  assert.equal(await page.locator('#step-2-panel').isVisible(), true);
  release();
  await appTookOver(page);
  assert.equal(await page.locator('#step-2 .step-toggle').getAttribute('aria-expanded'), 'true');
  assert.equal(await page.locator('#step-2-panel').isVisible(), true);
  // Now the app's own button: it closes the step the early click opened.
  await page.locator('#step-2 .step-toggle').click();
  assert.equal(await page.locator('#step-2-panel').isVisible(), false);
  assertNoPageErrors(page);
  await page.context().close();
});

test('a page that is a step shows "Part of" with its step, the steps either side and the way back', async () => {
  const journey = apiDocument(`en/life/${SLUG}.json`);
  const at = journey.steps.findIndex((s) => s.pages.some((p) => p.slug === 'iin'));
  const step = journey.steps[at];
  const before = journey.steps.slice(0, at).reverse().find((s) => s.number < step.number);
  const after = journey.steps.slice(at + 1).find((s) => s.number > step.number);
  const page = await portal.open('/en/pages/iin');
  await heading(page);
  const box = page.getByRole('complementary', { name: `Part of ${journey.title}` });
  assert.match(await box.locator('.part-of-step').textContent(), new RegExp(`This page is step\\s+${step.number}\\. ${step.title}`));
  const previous = box.getByRole('link', { name: `${before.number}. ${before.title}` });
  assert.equal(await previous.getAttribute('href'), `/en/pages/${before.pages[0].slug}`);
  const next = box.getByRole('link', { name: `${after.number}. ${after.title}` });
  assert.equal(await next.getAttribute('href'), `/en/pages/${after.pages[0].slug}`);
  // A page in several journeys shows each.
  const journeys = apiDocument('en/life.json').journeys.filter((j) =>
    apiDocument(`en/life/${j.slug}.json`).steps.some((s) => s.pages.some((p) => p.slug === 'iin')));
  assert.equal(await page.locator('aside.part-of').count(), journeys.length);
  // Back to the whole journey, in the app.
  await box.getByRole('link', { name: `See all steps (${journey.title})` }).click();
  await page.waitForURL(`**/en/life/${SLUG}`);
  assert.equal(await heading(page), journey.title);
  assertNoPageErrors(page);
  await page.context().close();
});

test('life situations are one click from home and found in search by their kind', async () => {
  const list = apiDocument('ru/life.json');
  assert.ok(list.journeys.length >= 10, `${list.journeys.length} journeys`);
  const page = await portal.open('/ru/');
  await heading(page);
  const section = page.getByRole('region', { name: 'Жизненные ситуации' });
  assert.deepEqual(await section.locator('.card-link').allTextContents(), list.journeys.map((j) => j.title));
  await page.goto(`${portal.base}/ru/search?q=${encodeURIComponent('рождение ребёнка')}&kind=life-situation`);
  await page.locator('.search-count').waitFor();
  const found = await page.locator('.search-hit a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
  assert.ok(found.length > 0 && found.every((h) => h.startsWith('/ru/life/')), found.join());
  assert.ok(found.includes(`/ru/life/${SLUG}`), found.join());
  assert.ok(await page.getByLabel('Вид страницы').locator('option[value=life-situation]').count(), 'the kind is a filter');
  await page.context().close();
});
