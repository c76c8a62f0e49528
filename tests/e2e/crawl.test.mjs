// The three-click guarantee, checked the way a visitor meets it: from each
// language's home page, follow the links the rendered pages show (header
// and footer included), breadth first, and confirm that every page in the
// sitemap is at most three clicks away and that no link leads nowhere.

import { before, after, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { startPortal, assertNoPageErrors } from './harness.mjs';

const MAX_CLICKS = 3;
let portal;
before(async () => { portal = await startPortal(); });
after(async () => { await portal?.close(); });

/** Sitemap paths of one language (the sitemap names the deployed address). */
function sitemapPaths(lang) {
  const xml = readFileSync(new URL('../../dist/sitemap.xml', import.meta.url), 'utf8');
  return [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => new URL(m[1]).pathname).filter((p) => p.startsWith(`/${lang}/`));
}

/**
 * Opens `path` inside the running app the way a click does (the router
 * takes the click), waits for the new page, and returns its heading and
 * the portal paths of every link it shows.
 */
async function visit(page, path) {
  const here = await page.evaluate(() => location.pathname);
  if (here !== path) await page.evaluate((href) => {
    document.querySelector('main h1')?.setAttribute('data-left', '');
    const a = Object.assign(document.createElement('a'), { href });
    document.body.append(a);
    a.click();
    a.remove();
  }, path);
  await page.waitForFunction(() => {
    const h1 = document.querySelector('main h1');
    return h1 && !h1.hasAttribute('data-left') && !document.querySelector('main .loading');
  });
  return page.evaluate(() => ({
    heading: document.querySelector('main h1').textContent.trim(),
    failed: document.querySelector('main .error-panel') !== null,
    links: [...document.querySelectorAll('a[href]')]
      .map((a) => new URL(a.href, location.href))
      .filter((u) => u.origin === location.origin)
      .map((u) => u.pathname),
  }));
}

for (const lang of ['kk', 'ru', 'en']) {
  test(`every sitemap page in ${lang} is within three clicks of the home page, and every link works`, async () => {
    const page = await portal.open(`/${lang}/`);
    await page.locator('main h1').waitFor();
    const depth = new Map([[`/${lang}/`, 0]]);
    const queue = [`/${lang}/`];
    const broken = [];
    let visited = 0;
    while (queue.length > 0) {
      const path = queue.shift();
      const d = depth.get(path);
      const { heading, failed, links } = await visit(page, path);
      visited += 1;
      if (failed || /^(Бет табылмады|Страница не найдена|Page not found)$/.test(heading)) broken.push(path);
      // Pages at the last allowed depth need not be opened to know their depth.
      for (const link of links) {
        if (!link.startsWith(`/${lang}/`) || depth.has(link)) continue;
        depth.set(link, d + 1);
        if (d + 1 < MAX_CLICKS) queue.push(link);
      }
    }
    assert.deepEqual(broken, [], 'links that lead to a not-found page');
    const sitemap = sitemapPaths(lang);
    assert.ok(sitemap.length >= 200, `only ${sitemap.length} pages in the ${lang} sitemap`);
    const tooDeep = sitemap.filter((p) => !(depth.get(p) <= MAX_CLICKS)).map((p) => `${p} (${depth.get(p) ?? 'unreachable'})`);
    assert.deepEqual(tooDeep, [], 'sitemap pages deeper than three clicks');
    const deepest = Math.max(...sitemap.map((p) => depth.get(p)));
    console.log(`${lang}: ${sitemap.length} sitemap pages, ${visited} pages opened, deepest ${deepest} clicks`);
    assertNoPageErrors(page);
    await page.context().close();
  });
}
