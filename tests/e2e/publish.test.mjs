// Incremental publishing as a state body's editor sees it: content changed
// after the portal was built is published into the built folder with the
// compiler's default build, which indexes only what changed beside the full
// search index. Readers find the new item at once, find a changed page
// under its new title only, and no longer find a removed item.
//
// The changes are made to a copy of content/ in target/: the news item
// added here is test data, never published content.

import { before, after, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { gunzipSync, brotliDecompressSync } from 'node:zlib';
import { existsSync } from 'node:fs';
import { cpSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { startPortal, heading, assertNoPageErrors } from './harness.mjs';

const SITE = 'target/e2e-published';
const CONTENT = 'target/e2e-published-content';
// Built by `make test-e2e` (the e2e-variant step runs it).
const COMPILER = 'target/debug/portal-compiler';

/**
 * Publishes the copy's content into the built copy as `make publish` does,
 * its page rendering aside (search needs none): the compiler's build, then
 * the compressed copies nginx serves. Returns what the compiler told the terminal.
 */
function publish(...flags) {
  const run = spawnSync(COMPILER, ['build', '--content', CONTENT, '--out', SITE, ...flags], { encoding: 'utf8' });
  assert.equal(run.status, 0, run.stderr);
  const compress = spawnSync('node', ['scripts/precompress.mjs', SITE, '--written', 'target/.e2e-published.written'], { encoding: 'utf8' });
  assert.equal(compress.status, 0, compress.stderr);
  return run.stderr;
}

let portal;
let published;
before(async () => {
  for (const path of [SITE, CONTENT, 'target/.e2e-published.written', 'target/.e2e-published.search', 'target/.e2e-published.compressed']) rmSync(path, { recursive: true, force: true });
  cpSync('dist', SITE, { recursive: true });
  cpSync('content', CONTENT, { recursive: true });
  // The deployment's first publication: everything, with the full index.
  publish('--full-index');

  // The day's changes: a page retitled, a news item removed, one added.
  const page = `${CONTENT}/pages/passport/en.md`;
  writeFileSync(page, readFileSync(page, 'utf8').replace('title = "Get a passport for travel abroad"', 'title = "Passport for travel abroad: apply or replace"'));
  rmSync(`${CONTENT}/news/almaty-earthquake-january-2024`, { recursive: true });
  const today = new Date().toISOString().slice(0, 10);
  mkdirSync(`${CONTENT}/news/published-today`);
  writeFileSync(`${CONTENT}/news/published-today/meta.toml`, `agency = "ministry-of-justice"\npublished = ${today}\n`);
  for (const lang of ['kk', 'ru', 'en']) {
    writeFileSync(`${CONTENT}/news/published-today/${lang}.md`, `+++\ntitle = "Quokkaville notice (${lang})"\nsummary = "A notice published after the portal was built."\n+++\nThe quokkaville notice.\n`);
  }
  published = publish();
  portal = await startPortal({ root: SITE });
});
after(async () => { await portal?.close(); });

async function titles(path) {
  const page = await portal.open(path);
  await heading(page);
  // A count above the results, or the page that says nothing was found.
  await page.locator('.search-count').waitFor();
  const found = await page.locator('.search-hit-title').allTextContents();
  assertNoPageErrors(page);
  await page.context().close();
  return found;
}

test('what was published after the build is found, and only that is indexed again', async () => {
  assert.match(published, /search: 4 new or changed records indexed beside the full index, 4 of its records hidden/, published);
  const changes = JSON.parse(readFileSync(`${SITE}/api/v1/search-delta/changes.json`, 'utf8'));
  assert.equal(changes.en.indexed, true);
  assert.equal(changes.en.hidden.length, 2, 'the retitled page and the removed news item');
  assert.deepEqual(await titles('/en/search?q=quokkaville'), ['Quokkaville notice (en)']);
  assert.deepEqual(await titles('/kk/search?q=quokkaville'), ['Quokkaville notice (kk)'], 'in each language');
});

test('a changed page is found under its new title only, and a removed item is not found', async () => {
  const found = await titles('/en/search?q=passport+travel+abroad');
  assert.ok(found.includes('Passport for travel abroad: apply or replace'), found.join(' | '));
  assert.ok(!found.includes('Get a passport for travel abroad'), 'the old version is hidden');
  assert.equal(found.filter((t) => /Passport for travel abroad/.test(t)).length, 1, 'once');
  const gone = await titles('/en/search?q=earthquake+Almaty+epicentre');
  assert.ok(!gone.some((t) => /Earthquake felt in Almaty/.test(t)), gone.join(' | '));
});

test('newest first puts the item published today above those of the full index', async () => {
  const found = await titles('/en/search?kind=news&sort=date');
  assert.equal(found[0], 'Quokkaville notice (en)', found.slice(0, 3).join(' | '));
  assert.ok(found.length > 10, `the full index's news follow: ${found.join(' | ')}`);
});

test('the compressed copies nginx serves are those of what was published, and a removed item leaves none', () => {
  const doc = `${SITE}/api/v1/en/pages/passport.json`;
  const current = readFileSync(doc, 'utf8');
  assert.match(current, /Passport for travel abroad: apply or replace/);
  assert.equal(gunzipSync(readFileSync(`${doc}.gz`)).toString('utf8'), current, 'gzip copy of the changed page');
  assert.equal(brotliDecompressSync(readFileSync(`${doc}.br`)).toString('utf8'), current, 'brotli copy of the changed page');
  const item = `${SITE}/api/v1/en/news/published-today.json`;
  assert.equal(gunzipSync(readFileSync(`${item}.gz`)).toString('utf8'), readFileSync(item, 'utf8'), 'the new item has its copy');
  const removed = `${SITE}/api/v1/en/news/almaty-earthquake-january-2024.json`;
  for (const path of [removed, `${removed}.gz`, `${removed}.br`]) assert.equal(existsSync(path), false, `${path} is gone`);
});
