// Search figures (a benchmark, not a test: it prints, it does not judge).
// For the bundled content (dist/) and, when it has been built, the
// synthetic content of scripts/scale.sh (target/synthetic-api, served with
// the same app): the index size on disk, the bytes a first and a second
// query transfer, and the time from Enter to results in headless Chromium.
//
//   make bench-search

import { chromium } from 'playwright-core';
import { cpSync, existsSync, mkdirSync, readdirSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { startNginx } from '../tests/e2e/harness.mjs';

const ROOT = resolve(new URL('..', import.meta.url).pathname);
const QUERIES = {
  bundled: { lang: 'ru', first: 'паспорт', second: 'пенсия' },
  // The filler text has twenty words, so a word matches nearly all 45,000
  // pages: the second query is that worst case; the first names one page.
  synthetic: { lang: 'ru', first: 'услуга 31337', second: 'регистрация' },
};

function sizeOf(dir) {
  let bytes = 0, files = 0;
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    const s = statSync(path);
    if (s.isDirectory()) {
      const sub = sizeOf(path);
      bytes += sub.bytes; files += sub.files;
    } else if (!/\.(gz|br)$/.test(name)) {
      bytes += s.size; files += 1;
    }
  }
  return { bytes, files };
}

/** dist/ with its API replaced by the synthetic one (served through a symbolic link). */
function syntheticRoot() {
  const api = resolve(ROOT, 'target/synthetic-api/api');
  if (!existsSync(api)) return null;
  const root = resolve(ROOT, 'target/bench-synthetic-root');
  rmSync(root, { recursive: true, force: true });
  mkdirSync(root, { recursive: true });
  for (const name of readdirSync(resolve(ROOT, 'dist'))) {
    if (name !== 'api') cpSync(resolve(ROOT, 'dist', name), join(root, name), { recursive: true });
  }
  // A link, not a copy: the synthetic API is a quarter of a million files.
  symlinkSync(api, join(root, 'api'));
  return root;
}

async function measure(browser, base, { lang, first, second }) {
  const context = await browser.newContext({ serviceWorkers: 'block' });
  const page = await context.newPage();
  // Playwright reports the requests of the page and of its workers (the
  // index's runtime fetches from a worker); sizes are as transferred.
  let searchBytes = 0;
  context.on('requestfinished', async (request) => {
    if (!request.url().includes('/api/v1/search/')) return;
    const sizes = await request.sizes();
    searchBytes += sizes.responseBodySize + sizes.responseHeadersSize;
  });
  await page.goto(`${base}/${lang}/`);
  await page.locator('main h1').waitFor();
  const query = async (words) => {
    searchBytes = 0;
    const box = page.locator('#search-input');
    await box.fill(words);
    const started = Date.now();
    await box.press('Enter');
    await page.waitForFunction((w) => {
      const count = document.querySelector('.search-count');
      return count && count.textContent.includes(w) && new URLSearchParams(location.search).get('q') === w;
    }, words, { timeout: 60_000 });
    const ms = Date.now() - started;
    // Let the last index chunks finish arriving before counting bytes.
    await page.waitForTimeout(300);
    const results = (await page.locator('.search-count').textContent()).trim();
    return { words, ms, bytes: searchBytes, results };
  };
  // Typing in the header box looks up suggestions, which fetches too: the
  // figures count everything from typing the words to the results.
  const one = await query(first);
  const two = await query(second);
  await context.close();
  return [one, two];
}

const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox'] });
const rows = [];
for (const [name, root] of [['bundled', resolve(ROOT, 'dist')], ['synthetic', syntheticRoot()]]) {
  if (!root) {
    console.log('synthetic: target/synthetic-api is missing (scripts/scale.sh bench builds it); skipped');
    continue;
  }
  const index = sizeOf(join(root, 'api/v1/search'));
  const pages = existsSync(join(root, 'api/v1/ru/pages')) ? readdirSync(join(root, 'api/v1/ru/pages')).filter((f) => f.endsWith('.json')).length : 0;
  const server = await startNginx({ root });
  try {
    const [one, two] = await measure(browser, server.base, QUERIES[name]);
    rows.push({ content: name, pages_per_language: pages, index_bytes: index.bytes, index_files: index.files, first: one, second: two });
  } finally {
    await server.stop();
  }
}
await browser.close();

const kb = (b) => `${(b / 1024).toFixed(0)} KB`;
console.log('\n| content | pages per language | index on disk | first query | bytes | Enter → results | second query | bytes | Enter → results |');
console.log('|---|---|---|---|---|---|---|---|---|');
for (const r of rows) {
  console.log(`| ${r.content} | ${r.pages_per_language} | ${kb(r.index_bytes)} in ${r.index_files} files | ${r.first.words} | ${kb(r.first.bytes)} | ${r.first.ms} ms | ${r.second.words} | ${kb(r.second.bytes)} | ${r.second.ms} ms |`);
}
mkdirSync(resolve(ROOT, 'target/bench'), { recursive: true });
writeFileSync(resolve(ROOT, 'target/bench/search.json'), JSON.stringify({ date: new Date().toISOString(), rows }, null, 2));
console.log('\nwritten to target/bench/search.json');
