// The single window: search from any page, in each language, with
// Kazakh letters typed or not, stemming, filters, order, suggestions by
// keyboard, the announced count and a helpful page when nothing is found.

import { before, after, test } from 'node:test';
import assert from 'node:assert/strict';
import { startPortal, heading, assertNoPageErrors } from './harness.mjs';

let portal;
before(async () => { portal = await startPortal(); });
after(async () => { await portal?.close(); });

/** Opens the search page for `query` and returns the result titles shown. */
async function results(page) {
  await heading(page);
  await page.locator('.search-count').waitFor();
  return page.locator('.search-hit-title').allTextContents();
}

test('queries in each language find the pages they name, title matches first', async () => {
  for (const [lang, words, first] of [
    ['kk', 'жеке куәлік', 'Жеке куәлікті алу және ауыстыру'],
    // The same words typed without the Kazakh letters.
    ['kk', 'жеке куалик', 'Жеке куәлікті алу және ауыстыру'],
    // Stemming: "паспорта" finds "паспорт"; "pensions" finds "pension".
    ['ru', 'паспорта', 'Получение паспорта для выезда за границу'],
    ['en', 'pensions', null],
    ['en', 'public service centres', 'Public Service Centres'],
  ]) {
    const page = await portal.open(`/${lang}/search?q=${encodeURIComponent(words)}`);
    const titles = await results(page);
    assert.ok(titles.length > 0, `${lang} "${words}" found nothing`);
    if (first) assert.equal(titles[0], first, `${lang} "${words}": ${titles.slice(0, 3).join(' | ')}`);
    else assert.ok(titles.some((t) => /pension/i.test(t)), titles.join(' | '));
    // Results are in the page's language only.
    const hrefs = await page.locator('.search-hit-title a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    assert.ok(hrefs.every((h) => h.startsWith(`/${lang}/`)), hrefs.join(' '));
    assertNoPageErrors(page);
    await page.context().close();
  }
});

test('a result shows its body, date and the matched words highlighted, and opens its page', async () => {
  const page = await portal.open('/kk/search?q=куалик');
  await results(page);
  const hit = page.locator('.search-hit').first();
  assert.match(await hit.locator('mark').first().textContent(), /^куәлік/i);
  assert.ok((await hit.locator('.search-hit-meta dd').count()) >= 1);
  await hit.locator('a').click();
  assert.equal(await heading(page), 'Жеке куәлікті алу және ауыстыру');
  await page.goBack();
  assert.equal(await heading(page), 'Іздеу', 'the back button returns to the results');
  assert.match(page.url(), /q=/);
  await page.context().close();
});

test('searching from the header of any page opens a shareable results address', async () => {
  const page = await portal.open('/en/agencies');
  await heading(page);
  const search = page.getByRole('search').first();
  await search.getByRole('combobox', { name: 'Search the portal' }).fill('driving licence');
  await page.keyboard.press('Enter');
  await page.waitForURL(/\/en\/search\?q=driving\+licence/);
  const titles = await results(page);
  assert.ok(titles.some((t) => /driving licence/i.test(t)), titles.join(' | '));
  // The same address opened afresh gives the same results.
  const again = await portal.open(new URL(page.url()).pathname + new URL(page.url()).search);
  assert.deepEqual(await results(again), titles);
  await page.context().close();
  await again.context().close();
});

test('filters narrow by kind, body and topic, the order can be newest first, and the count is announced', async () => {
  const page = await portal.open('/ru/search?q=регистрация');
  await results(page);
  // Totals from the announced count: only the first 50 results are listed.
  const total = async () => Number((await page.locator('.search-count').textContent()).match(/(\d+)\s*$/)[1]);
  const all = await total();
  const before = await page.locator('.search-count').textContent();
  await page.getByLabel('Вид страницы').selectOption('service');
  await page.getByLabel('Порядок').selectOption('date');
  await page.getByRole('button', { name: 'Применить' }).click();
  await page.waitForURL(/kind=service/);
  await page.waitForURL(/sort=date/);
  // The previous results stay until the new ones replace them.
  await page.waitForFunction((b) => document.querySelector('.search-count')?.textContent !== b, before);
  const services = await results(page);
  assert.ok(services.length > 0 && (await total()) < all, `${await total()} of ${all}`);
  const dates = await page.locator('.search-hit-meta time').evaluateAll((ts) => ts.map((t) => t.getAttribute('datetime')));
  assert.deepEqual(dates, [...dates].sort().reverse(), 'newest first');
  const count = (await page.locator('.search-count').textContent()).trim();
  assert.match(count, new RegExp(`: ${services.length}$`));
  await page.waitForFunction((text) => document.querySelector('#route-announcer').textContent === text, count);
  // A filter by state body alone, without words.
  const bodyOnly = await portal.open(`/ru/search?body=${encodeURIComponent('Министерство юстиции Республики Казахстан')}`);
  const ofBody = await results(bodyOnly);
  assert.ok(ofBody.length >= 2, ofBody.join(' | '));
  assert.ok(await bodyOnly.locator('.search-hit-meta dd', { hasText: 'Министерство юстиции' }).count() >= 1);
  await page.context().close();
  await bodyOnly.context().close();
});

test('suggestions appear while typing, are reached by the arrow keys, and Enter opens the chosen page', async () => {
  const page = await portal.open('/ru/');
  await heading(page);
  const box = page.getByRole('combobox', { name: 'Поиск по порталу' });
  await box.click();
  await page.keyboard.type('паспорт', { delay: 30 });
  const list = page.locator('#search-suggestions');
  await list.locator('[role=option]').first().waitFor();
  assert.equal(await box.getAttribute('aria-expanded'), 'true');
  const options = await list.locator('[role=option] .suggestion-title').allTextContents();
  assert.ok(options.length >= 1 && options.length <= 5);
  assert.match(await page.locator('.header-search [role=status]').textContent(), /Подсказок: \d/);
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  assert.equal(await box.getAttribute('aria-activedescendant'), 'search-suggestion-1');
  assert.equal(await list.locator('#search-suggestion-1').getAttribute('aria-selected'), 'true');
  await page.keyboard.press('Escape');
  assert.equal(await box.getAttribute('aria-expanded'), 'false');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await page.waitForURL((url) => !url.pathname.endsWith('/ru/'));
  assert.equal(await heading(page), options[0]);
  assertNoPageErrors(page);
  await page.context().close();
});

test('plain Enter searches even while suggestions are shown', async () => {
  const page = await portal.open('/kk/');
  await heading(page);
  await page.getByRole('combobox', { name: 'Порталдан іздеу' }).fill('салық');
  await page.locator('#search-suggestions [role=option]').first().waitFor();
  await page.keyboard.press('Enter');
  await page.waitForURL(/\/kk\/search\?q=/);
  assert.ok((await results(page)).length > 0);
  await page.context().close();
});

test('nothing found: a helpful page in the page\'s language with the topics and the directory', async () => {
  const page = await portal.open('/kk/search?q=zzqqxxнәрсе');
  await heading(page);
  await page.locator('.no-results').waitFor();
  assert.match(await page.locator('.no-results .search-count').textContent(), /ештеңе табылмады/);
  // The topics are a document of their own: wait for them before counting.
  await page.locator('.no-results .card-list a[href^="/kk/topics/"]').first().waitFor();
  assert.ok(await page.locator('.no-results .card-list a[href^="/kk/topics/"]').count() >= 10);
  assert.equal(await page.locator('.no-results a[href="/kk/agencies"]').count(), 1);
  await page.context().close();
});

test('a search index that cannot be loaded gives a translated error and a retry that works', async () => {
  // Test double: the network refuses the index's runtime once, as a dropped connection would.
  const page = await portal.open(null);
  let refused = 0;
  await page.route('**/api/v1/search/pagefind.js*', (route) => (refused++ === 0 ? route.abort('internetdisconnected') : route.continue()));
  await page.goto(`${portal.base}/en/search?q=passport`);
  await heading(page);
  await page.locator('.search-results .error-panel').waitFor();
  assert.equal(await page.locator('.search-results .error-panel h2').textContent(), 'Search is not available right now');
  await page.getByRole('button', { name: 'Try again' }).click();
  assert.ok((await results(page)).length > 0);
  await page.context().close();
});
