// Bodies that were reorganised, on the bundled content: the Ministry of
// Education and Science, split in 2022, and the Ministry of Emergency
// Situations that was merged into the Ministry of Internal Affairs in 2014.
// A former body's page stays at its address with a notice naming who does
// its work now, what it issued stays under its name, and the directory and
// search put today's bodies first.

import { before, after, test } from 'node:test';
import assert from 'node:assert/strict';
import { startPortal, openInApp, heading, assertNoPageErrors, apiDocument, axeAudit } from './harness.mjs';

const FORMER = 'ministry-of-education-and-science';
const SUCCESSORS = ['ministry-of-education', 'ministry-of-science-and-higher-education'];
const NOTICE = { kk: /Басқа органдарға бөлінді: 2022 жылғы 11 маусым/, ru: /Разделён на другие органы 11 июня 2022 г\./, en: /Split into other bodies on 11 June 2022/ };

let portal;
before(async () => { portal = await startPortal(); });
after(async () => { await portal?.close(); });

test('a former body\'s page names the bodies that do its work now and keeps its documents, in every language and display mode', async () => {
  for (const lang of ['kk', 'ru', 'en']) {
    for (const settings of [null, { scheme: 'white-on-black', font_size: 200 }]) {
      const page = await portal.open(null);
      if (settings) await page.context().addInitScript((json) => localStorage.setItem('portal.display', json), JSON.stringify(settings));
      await page.goto(`${portal.base}/${lang}/agencies/${FORMER}`);
      assert.equal(await heading(page), apiDocument(`${lang}/agencies/${FORMER}.json`).name);
      const notice = page.getByRole('region', { name: NOTICE[lang] });
      await notice.waitFor();
      const links = await notice.locator('a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
      assert.deepEqual(links, SUCCESSORS.map((s) => `/${lang}/agencies/${s}`));
      // Right under the title: read before anything else on the page.
      assert.ok(await page.evaluate(() => document.querySelector('h1').nextElementSibling?.classList.contains('reorganised')));
      // The orders it issued, under its own name; no contacts of its own.
      const documents = page.getByRole('region', { name: { kk: 'Ресми құжаттар', ru: 'Официальные документы', en: 'Official documents' }[lang] });
      const issued = await documents.locator('a[href*="/documents/order-"]').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
      assert.ok(issued.includes(`/${lang}/documents/order-595-model-rules-education`), issued.join(' '));
      assert.equal(await page.locator('#contacts-heading').count(), 0);
      const result = await axeAudit(page);
      assert.deepEqual(result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(' ')}`), [], `${lang} ${JSON.stringify(settings)}`);
      assertNoPageErrors(page);
      await page.context().close();
    }
  }
});

test('followed inside the app, the former body\'s page comes from the API with its notice; a successor names it in its history', async () => {
  const page = await portal.open(null);
  await openInApp(page, portal.base, `/ru/agencies/${FORMER}`);
  await page.getByRole('region', { name: NOTICE.ru }).waitFor();
  await page.getByRole('link', { name: 'Министерство просвещения Республики Казахстан' }).click();
  await page.waitForURL(`${portal.base}/ru/agencies/ministry-of-education`);
  const history = page.getByRole('region', { name: 'История' });
  await history.waitFor();
  assert.match(await history.textContent(), /Министерство образования и науки Республики Казахстан: разделён 11 июня 2022/);
  await history.getByRole('link').click();
  await page.waitForURL(`${portal.base}/ru/agencies/${FORMER}`);
  assertNoPageErrors(page);
  await page.context().close();
});

test('the directory lists today\'s bodies first and the former ones last, each saying since when and who does its work now', async () => {
  const page = await portal.open('/en/agencies');
  await heading(page);
  const headings = await page.locator('#directory-groups h2').allTextContents();
  assert.equal(headings.at(-1).trim(), 'Former state bodies', headings.join(' | '));
  const former = page.getByRole('link', { name: 'Ministry of Education and Science of the Republic of Kazakhstan' });
  await former.waitFor();
  const card = page.locator('#directory-groups li', { has: former });
  assert.match(await card.textContent(), /No longer exists since 11 June 2022\. Now: Ministry of Education of the Republic of Kazakhstan; Ministry of Science and Higher Education/);
  assertNoPageErrors(page);
  await page.context().close();
});

test('searching for a former body\'s name finds the bodies that do its work now before it', async () => {
  for (const [lang, words] of [['ru', 'Министерство образования и науки'], ['en', 'Ministry of Emergency Situations']]) {
    const page = await portal.open(`/${lang}/search?q=${encodeURIComponent(words)}`);
    await heading(page);
    await page.locator('.search-count').waitFor();
    const hrefs = await page.locator('.search-hit-title a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    const former = apiDocument(`${lang}/agencies.json`).former.map((f) => `/${lang}/agencies/${f.slug}`);
    const firstFormer = hrefs.findIndex((h) => former.includes(h));
    assert.ok(firstFormer > 0, `${lang} "${words}": a former body is found, not first: ${hrefs.join(' ')}`);
    assert.ok(hrefs.slice(firstFormer).every((h) => former.includes(h)), `nothing current after a former body: ${hrefs.join(' ')}`);
    assertNoPageErrors(page);
    await page.context().close();
  }
});
