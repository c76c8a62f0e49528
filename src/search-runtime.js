// The bridge between the app and the search index's own browser runtime
// (pagefind.js, written by the content compiler into the API's search/
// folder). Nothing is downloaded until the first search; then one index
// instance per language is kept for the rest of the visit, with a second
// one for what was published since the full index was built, when there is
// any. Answers are plain JSON strings, so the Rust side owns every type.

const instances = new Map();
// Browsers may remember a module that failed to load; a retry asks for it
// under a new address.
let failures = 0;

// The index's own ranking: a match in the title, typed with or without the
// Kazakh letters, ranks first; the folded words of the text and the
// responsible body's name count for less than the text itself.
const OPTIONS = {
  baseUrl: '/',
  excerptLength: 28,
  ranking: { metaWeights: { title: 5, folded_title: 5, folded: 0.5, body: 0.5, date: 0 } },
};

// What was published since the full index was built, in this language
// (DELTA_CHANGES in crates/content/src/search.rs): whether a small index
// beside the full one holds records in it, and the full index's records
// that those replace or that were removed, with their filter values.
async function changes(changesUrl, lang) {
  const response = await fetch(changesUrl);
  // A build from before incremental publishing has no changes file.
  if (response.status === 404) return {};
  if (!response.ok) throw new Error(`${changesUrl}: ${response.status}`);
  return (await response.json())[lang] ?? {};
}

async function instance(base, deltaBase, changesUrl, lang) {
  if (!instances.has(lang)) {
    const retry = failures > 0 ? `?retry=${failures}` : '';
    // The runtime picks its language from <html lang>, which the app keeps
    // equal to the page's language.
    // Each index gets the runtime written beside it: one runtime module
    // holds one WebAssembly instance, which two indexes of their own would
    // overwrite in each other (the runtime's own merging of indexes orders
    // results by score only, so it cannot sort them newest first).
    const open = async (path) => (await import(`${path}pagefind.js${retry}`)).createInstance({ basePath: path, ...OPTIONS });
    const pending = Promise.all([open(base), changes(changesUrl, lang)]).then(async ([full, published]) => {
      const delta = published.indexed ? await open(deltaBase) : null;
      // The indexes that hold former bodies, asked once: a filter an index
      // does not hold would not narrow its results (see currentFirst).
      const holding = [];
      for (const index of delta ? [full, delta] : [full]) if ((await index.filters()).former) holding.push(index);
      return { full, delta, holding, hidden: new Set(published.hidden ?? []), uncounted: published.uncounted ?? {} };
    });
    // A failed download is forgotten, so "Try again" really tries again.
    pending.catch(() => {
      failures += 1;
      instances.delete(lang);
    });
    instances.set(lang, pending);
  }
  return instances.get(lang);
}

// Former state bodies' records carry this filter (FILTER_FORMER and
// FORMER_YES in crates/content/src/search.rs).
const FORMER = { former: ['yes'] };

// Above every letter the index holds (Latin, Cyrillic and Kazakh).
const AFTER_EVERY_LETTER = '\u04ff';

export async function searchIndex(base, deltaBase, changesUrl, lang, term, filtersJson, sortKey, limit) {
  const { full, delta, holding, hidden } = await instance(base, deltaBase, changesUrl, lang);
  const indexes = delta ? [full, delta] : [full];
  // The last word is also matched as a prefix ("куалик" finds "куәлікті"
  // through its folded form "куаликти"). The runtime (1.6.0) loads only the
  // index chunk that ends at the word itself when the next chunk begins with
  // its longer forms, and then misses them; preloading a word just after
  // every extension loads that next chunk too.
  const last = term.trim().split(/\s+/).pop();
  if (last) await Promise.all(indexes.map((index) => index.preload(last + AFTER_EVERY_LETTER)));
  const options = { filters: JSON.parse(filtersJson) };
  if (sortKey) options.sort = { [sortKey]: 'desc' };
  // No words with filters: the index wants null to list everything filtered.
  const words = term.trim() === '' ? null : term;
  const [found, published] = await Promise.all(indexes.map((index) => index.search(words, options)));
  // What was published since replaces what the full index holds of it.
  const kept = found.results.filter((result) => !hidden.has(result.id));
  const both = published ? await merged(kept, published.results, sortKey, limit) : kept;
  const results = sortKey ? both : await currentFirst(holding, words, options, both);
  const page = await Promise.all(results.slice(0, limit).map((r) => r.data()));
  return JSON.stringify({
    total: results.length,
    results: page.map((d) => ({ url: d.raw_url ?? d.url, excerpt: d.excerpt, meta: d.meta })),
  });
}

// The two indexes' results as one list: by relevance as each index scores
// them, or newest first by the date each carries, read only for the first
// `limit` (the ones shown), since each list is already in that order.
async function merged(full, published, sortKey, limit) {
  if (!sortKey) return [...full, ...published].sort((a, b) => b.score - a.score);
  // The sort key's value is also a meta field of the same name (the compiler writes both).
  const date = async (result) => (await result.data()).meta[sortKey] ?? '';
  const out = [];
  let [i, j] = [0, 0];
  while (out.length < limit && i < full.length && j < published.length) {
    out.push((await date(full[i])) >= (await date(published[j])) ? full[i++] : published[j++]);
  }
  return out.concat(full.slice(i), published.slice(j));
}

// Today's bodies before former ones, the order otherwise kept: a reader
// who types a ministry's old name finds the ministry that does its work now
// first. The same search, limited to former bodies, names them (the chunks
// it needs are already loaded).
async function currentFirst(holding, words, options, results) {
  const formerOnly = { ...options, filters: { ...options.filters, ...FORMER } };
  const found = await Promise.all(holding.map((index) => index.search(words, formerOnly)));
  const former = new Set(found.flatMap((f) => f.results.map((r) => r.id)));
  if (former.size === 0) return results;
  return [...results.filter((r) => !former.has(r.id)), ...results.filter((r) => former.has(r.id))];
}

export async function filterValues(base, deltaBase, changesUrl, lang) {
  const { full, delta, uncounted } = await instance(base, deltaBase, changesUrl, lang);
  const counts = await full.filters();
  const add = (more, sign) => {
    for (const [filter, values] of Object.entries(more)) {
      counts[filter] ??= {};
      for (const [value, n] of Object.entries(values)) counts[filter][value] = (counts[filter][value] ?? 0) + sign * n;
    }
  };
  if (delta) add(await delta.filters(), 1);
  add(uncounted, -1);
  // A value only the removed or replaced records had is no longer offered.
  for (const values of Object.values(counts)) {
    for (const [value, n] of Object.entries(values)) if (n <= 0) delete values[value];
  }
  return JSON.stringify(counts);
}
