// The bridge between the app and the search index's own browser runtime
// (pagefind.js, written by the content compiler into the API's search/
// folder). Nothing is downloaded until the first search; then one index
// instance per language is kept for the rest of the visit. Answers are
// plain JSON strings, so the Rust side owns every type.

const instances = new Map();
// Browsers may remember a module that failed to load; a retry asks for it
// under a new address.
let failures = 0;

async function instance(base, lang) {
  if (!instances.has(lang)) {
    const retry = failures > 0 ? `?retry=${failures}` : '';
    const pending = import(`${base}pagefind.js${retry}`).then((pagefind) =>
      // The runtime picks its language from <html lang>, which the app keeps
      // equal to the page's language.
      pagefind.createInstance({
        basePath: base,
        baseUrl: '/',
        excerptLength: 28,
        // A match in the title, typed with or without the Kazakh letters,
        // ranks first; the folded words of the text and the responsible
        // body's name count for less than the text itself.
        ranking: { metaWeights: { title: 5, folded_title: 5, folded: 0.5, body: 0.5, date: 0 } },
      }),
    );
    // A failed download is forgotten, so "Try again" really tries again.
    pending.catch(() => {
      failures += 1;
      instances.delete(lang);
    });
    instances.set(lang, pending);
  }
  return instances.get(lang);
}

// Above every letter the index holds (Latin, Cyrillic and Kazakh).
const AFTER_EVERY_LETTER = '\u04ff';

export async function searchIndex(base, lang, term, filtersJson, sortKey, limit) {
  const index = await instance(base, lang);
  // The last word is also matched as a prefix ("куалик" finds "куәлікті"
  // through its folded form "куаликти"). The runtime (1.6.0) loads only the
  // index chunk that ends at the word itself when the next chunk begins with
  // its longer forms, and then misses them; preloading a word just after
  // every extension loads that next chunk too.
  const last = term.trim().split(/\s+/).pop();
  if (last) await index.preload(last + AFTER_EVERY_LETTER);
  const options = { filters: JSON.parse(filtersJson) };
  if (sortKey) options.sort = { [sortKey]: 'desc' };
  // No words with filters: the index wants null to list everything filtered.
  const found = await index.search(term.trim() === '' ? null : term, options);
  const page = await Promise.all(found.results.slice(0, limit).map((r) => r.data()));
  return JSON.stringify({
    total: found.results.length,
    results: page.map((d) => ({ url: d.raw_url ?? d.url, excerpt: d.excerpt, meta: d.meta })),
  });
}

export async function filterValues(base, lang) {
  const index = await instance(base, lang);
  return JSON.stringify(await index.filters());
}
