//! The search index: one record per page, state body, news item, document,
//! life situation, topic and region in each language, written with pagefind into `api/v1/search/` beside the
//! documents it indexes. Pagefind stems Russian and English; Kazakh has no
//! stemmer, so each record also carries its words folded (қ→к, ә→а …) as a
//! searchable meta field, and the app folds what the reader types.

use crate::output::Sink;
use crate::{by_slug, Content};
use portal_content::search::*;
use portal_content::{blocks_text, fold, Lang, Route, API_VERSION};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};
use std::sync::Arc;

#[derive(Debug, Clone)]
struct Record {
    route: Route,
    lang: Lang,
    title: String,
    /// The title's language when it is not `lang`.
    title_lang: Option<Lang>,
    text: String,
    body: Option<String>,
    date: Option<String>,
    filters: BTreeMap<&'static str, Vec<String>>,
}

/// The folded forms of the words of `text` that folding changes, once each.
fn folded_words(text: &str) -> String {
    let words: BTreeSet<String> = text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .filter_map(|w| {
            let f = fold(w);
            (f != w.to_lowercase()).then_some(f)
        })
        .collect();
    words.into_iter().collect::<Vec<_>>().join(" ")
}

/// The records of one language; [`every_record`] gives them all, a language at a time.
fn records(c: &Content, lang: Lang) -> Vec<Record> {
    let mut out = vec![];
    let region_name = |slug: &str, lang| crate::region_ref(c, lang, slug).map(|r| r.name);
    let body_name = |slug: &str, lang| crate::agency_ref(c, lang, slug).map(|r| r.name);
    // What its body withdrew stays at its address, out of search.
    for p in c.pages.iter().filter(|p| p.meta.withdrawn.is_none()) {
        let Some(t) = p.texts.get(&lang) else { continue };
        let agency = by_slug(&c.agencies, p.meta.agency.get_ref());
        let body = agency.and_then(|a| a.text_or_any(lang)).map(|a| a.front.name.clone());
        let topic =
            by_slug(&c.topics, p.meta.topic.get_ref()).and_then(|t| t.text_or_any(lang)).map(|t| t.front.title.clone());
        let region = agency.and_then(|a| a.meta.region.as_ref()).and_then(|r| region_name(r.get_ref(), lang));
        let kind = match p.meta.kind {
            portal_content::PageKind::Service => KIND_SERVICE,
            portal_content::PageKind::Guide => KIND_GUIDE,
        };
        out.push(Record {
            route: Route::Page(p.slug.clone()),
            lang,
            title: t.front.title.clone(),
            title_lang: None,
            text: format!(
                "{}\n{}\n{}",
                t.front.summary,
                t.front.cost.clone().unwrap_or_default(),
                blocks_text(&t.body.blocks)
            ),
            body: body.clone(),
            date: Some(p.meta.updated.get_ref().0.clone()),
            filters: BTreeMap::from([
                (FILTER_KIND, vec![kind.to_owned()]),
                (FILTER_TOPIC, topic.into_iter().collect()),
                (FILTER_BODY, body.into_iter().collect()),
                (FILTER_REGION, region.into_iter().collect()),
            ]),
        });
    }
    for a in &c.agencies {
        let Some(t) = a.texts.get(&lang) else { continue };
        let region = a.meta.region.as_ref().and_then(|r| region_name(r.get_ref(), lang));
        let short = t.front.short_name.clone().unwrap_or_default();
        // A body is also found by the names of the former bodies whose work it took on.
        let formerly: Vec<String> =
            crate::reorganisation::predecessors(c, lang, &a.slug).into_iter().map(|p| p.body.name).collect();
        let former = a.meta.reorganised.is_some().then(|| FORMER_YES.to_owned());
        out.push(Record {
            route: Route::Agency(a.slug.clone()),
            lang,
            title: t.front.name.clone(),
            title_lang: None,
            text: format!("{short}\n{}\n{}\n{}", formerly.join("\n"), t.front.summary, blocks_text(&t.body.blocks)),
            body: None,
            date: None,
            filters: BTreeMap::from([
                (FILTER_KIND, vec![KIND_BODY.to_owned()]),
                (FILTER_BODY, vec![t.front.name.clone()]),
                (FILTER_REGION, region.into_iter().collect()),
                (FILTER_FORMER, former.into_iter().collect()),
            ]),
        });
    }
    for n in c.news.iter().filter(|n| n.meta.withdrawn.is_none()) {
        let Some(t) = n.texts.get(&lang) else { continue };
        let body = body_name(n.meta.agency.get_ref(), lang);
        let region = n.meta.region.as_ref().and_then(|r| region_name(r.get_ref(), lang));
        let date = n.meta.published.get_ref();
        out.push(Record {
            route: Route::NewsItem(n.slug.clone()),
            lang,
            title: t.front.title.clone(),
            title_lang: None,
            text: format!("{}\n{}", t.front.summary, blocks_text(&t.body.blocks)),
            body: body.clone(),
            filters: BTreeMap::from([
                (FILTER_KIND, vec![KIND_NEWS.to_owned()]),
                (FILTER_BODY, body.into_iter().collect()),
                (FILTER_REGION, region.into_iter().collect()),
                (FILTER_PERIOD, vec![date.month().to_owned()]),
                (FILTER_CATEGORY, n.meta.category.iter().map(|k| k.get_ref().code().to_owned()).collect()),
            ]),
            date: Some(date.0.clone()),
        });
    }
    // Documents are found in every language, as the register lists them:
    // under their own title where they have no version in `lang`.
    for d in c.documents.iter().filter(|d| d.meta.withdrawn.is_none()) {
        let Some(t) = d.text_or_any(lang) else { continue };
        let title_lang = (!d.texts.contains_key(&lang)).then(|| d.texts.keys().next().copied()).flatten();
        let body = body_name(d.meta.agency.get_ref(), lang);
        let date = d.meta.adopted.get_ref();
        let number = d.meta.number.clone().unwrap_or_default();
        out.push(Record {
            route: Route::Document(d.slug.clone()),
            lang,
            title: t.front.title.clone(),
            title_lang,
            text: format!("{number}\n{}\n{}", t.front.summary, blocks_text(&t.body.blocks)),
            body: body.clone(),
            filters: BTreeMap::from([
                (FILTER_KIND, vec![KIND_DOCUMENT.to_owned()]),
                (FILTER_BODY, body.into_iter().collect()),
                (FILTER_DOCTYPE, vec![d.meta.doc_type.code().to_owned()]),
                (FILTER_YEAR, vec![date.year().to_owned()]),
            ]),
            date: Some(date.0.clone()),
        });
    }
    for topic in &c.topics {
        let Some(t) = topic.texts.get(&lang) else { continue };
        out.push(Record {
            route: Route::Topic(topic.slug.clone()),
            lang,
            title: t.front.title.clone(),
            title_lang: None,
            text: format!("{}\n{}", t.front.summary, blocks_text(&t.body.blocks)),
            body: None,
            date: None,
            filters: BTreeMap::from([
                (FILTER_KIND, vec![KIND_TOPIC.to_owned()]),
                (FILTER_TOPIC, vec![t.front.title.clone()]),
            ]),
        });
    }
    for d in &c.drafts {
        let Some(t) = d.texts.get(&lang) else { continue };
        let body = body_name(d.meta.agency.get_ref(), lang);
        out.push(Record {
            route: Route::Draft(d.slug.clone()),
            lang,
            title: t.front.title.clone(),
            title_lang: None,
            text: format!("{}\n{}", t.front.summary, blocks_text(&t.body.blocks)),
            body: body.clone(),
            date: Some(crate::drafts::year_day(d).to_owned()),
            filters: BTreeMap::from([
                (FILTER_KIND, vec![KIND_DRAFT.to_owned()]),
                (FILTER_BODY, body.into_iter().collect()),
            ]),
        });
    }
    for j in &c.journeys {
        let Some(t) = j.texts.get(&lang) else { continue };
        out.push(Record {
            route: Route::Journey(j.slug.clone()),
            lang,
            title: t.front.title.clone(),
            title_lang: None,
            text: format!("{}\n{}", t.front.summary, blocks_text(&t.body.blocks)),
            body: None,
            date: Some(j.meta.updated.get_ref().0.clone()),
            filters: BTreeMap::from([(FILTER_KIND, vec![KIND_JOURNEY.to_owned()])]),
        });
    }
    for r in &c.regions {
        let Some(t) = r.texts.get(&lang) else { continue };
        out.push(Record {
            route: Route::Region(r.slug.clone()),
            lang,
            title: t.front.name.clone(),
            title_lang: None,
            text: t.front.summary.clone(),
            body: None,
            date: None,
            filters: BTreeMap::from([
                (FILTER_KIND, vec![KIND_REGION.to_owned()]),
                (FILTER_REGION, vec![t.front.name.clone()]),
            ]),
        });
    }
    out
}

/// Every record, a language after another, when `mode` builds an index.
pub(crate) fn records_for(c: &Content, mode: &Mode) -> Records {
    match mode {
        Mode::Skip => Records(vec![]),
        // A language on each core; the records stay a language at a time.
        _ => {
            use rayon::prelude::*;
            let by_lang: Vec<Vec<Record>> = Lang::ALL.into_par_iter().map(|lang| records(c, lang)).collect();
            Records(by_lang.into_iter().flatten().collect())
        }
    }
}

/// What the index is made of, made from the content before it is dropped.
pub(crate) struct Records(Vec<Record>);

/// How a build treats the search index.
#[derive(Clone, Default)]
pub enum Mode {
    /// No index: checks, and tests of other parts.
    #[default]
    Skip,
    /// The whole index from every record; any earlier delta is folded in.
    Full,
    /// Only what changed since the full index the ledger describes: a small
    /// index beside it, and what of it results must leave out. Falls back to
    /// [`Mode::Full`] when the changes outgrow [`DELTA_LIMIT`].
    Since(Arc<Ledger>),
}

/// Past this many new, changed or removed records a build folds them into a
/// full index: two indexes searched together rank each other's results less
/// well, and the small one's download grows with it.
pub const DELTA_LIMIT: usize = 5_000;

/// What the full index holds, kept between builds (beside the output, see
/// `main.rs`): for each record, by its address, what was indexed and the id
/// the index gave it. An incremental build compares against it.
#[derive(Clone, Default, Serialize, Deserialize, PartialEq, Debug)]
pub struct Ledger {
    /// The digest of the full index's entry file, to tell whether the index
    /// on disk is the one described.
    pub entry: String,
    pub records: BTreeMap<String, Indexed>,
}

#[derive(Clone, Serialize, Deserialize, PartialEq, Debug)]
pub struct Indexed {
    /// The digest of everything the record gave the index.
    pub digest: String,
    /// The index's id for it (its fragment), which the browser runtime returns with each result.
    pub id: String,
    pub lang: String,
    /// Its filter values, to take it out of the counts when it is hidden.
    pub filters: BTreeMap<String, Vec<String>>,
}

/// Files by their path in the output, with their bytes.
type Files = Vec<(String, Vec<u8>)>;

/// What the search index step produced.
pub enum Built {
    /// A full index and its ledger, to keep for the next build.
    Full(Ledger),
    /// A delta beside the full index on disk, which the build must keep.
    Delta {
        /// New and changed records in the small index.
        indexed: usize,
        /// Records of the full index left out of results.
        hidden: usize,
    },
}

/// The full index's folder in the output (`api/v1/search/`), which an
/// incremental build keeps as it is.
pub fn full_index_dir() -> String {
    format!("api/v{API_VERSION}/{INDEX_DIR}")
}

/// The full index's entry file in the output, whose digest the ledger records.
pub fn full_index_entry() -> String {
    format!("{}pagefind-entry.json", full_index_dir())
}

/// Puts the search files into `sink` by their path in the output
/// (`api/v1/search/...`, `api/v1/search-delta/...`); says what was built.
pub(crate) fn index(Records(records): Records, mode: &Mode, sink: &Sink) -> Result<Option<Built>, String> {
    let delta_dir = format!("api/v{API_VERSION}/{DELTA_DIR}");
    let ledger = match mode {
        Mode::Skip => return Ok(None),
        Mode::Since(ledger) => ledger,
        Mode::Full => return full(records, &delta_dir, sink),
    };
    // Only the changed records are kept; the others leave their digest.
    use rayon::prelude::*;
    let digested: Vec<(String, String)> = records.par_iter().map(|r| (r.href(), r.digest())).collect();
    let mut digests: BTreeMap<String, String> = BTreeMap::new();
    let mut changed: Vec<&Record> = vec![];
    for (r, (href, digest)) in records.iter().zip(digested) {
        if ledger.records.get(&href).map(|i| &i.digest) != Some(&digest) {
            changed.push(r);
        }
        digests.insert(href, digest);
    }
    // The full index's records that are gone or no longer what it indexed.
    let hidden: Vec<&Indexed> =
        ledger.records.iter().filter(|(href, i)| digests.get(*href) != Some(&i.digest)).map(|(_, i)| i).collect();
    if changed.len() + hidden.len() > DELTA_LIMIT {
        return full(records, &delta_dir, sink);
    }
    let mut changes: BTreeMap<String, LanguageChanges> = BTreeMap::new();
    for r in &changed {
        changes.entry(r.lang.code().to_owned()).or_default().indexed = true;
    }
    for i in &hidden {
        let lang = changes.entry(i.lang.clone()).or_default();
        lang.hidden.push(i.id.clone());
        for (filter, values) in &i.filters {
            for value in values {
                *lang.uncounted.entry(filter.clone()).or_default().entry(value.clone()).or_default() += 1;
            }
        }
    }
    let built = Built::Delta { indexed: changed.len(), hidden: hidden.len() };
    // The delta is small: held until it is known not to collide.
    let mut files: Files = vec![];
    if !changed.is_empty() {
        pagefind_files(changed.into_iter().cloned(), &delta_dir, &mut |path, bytes| {
            files.push((path, bytes));
            Ok(())
        })?;
    }
    // Ids are short hashes: a new record whose id is one the browser hides
    // would be hidden too, so such a (rare) delta is folded in instead.
    let hidden_ids: BTreeSet<&str> = hidden.iter().map(|i| i.id.as_str()).collect();
    if files.iter().filter_map(|(path, _)| fragment_id(path, &delta_dir)).any(|id| hidden_ids.contains(id)) {
        return full(records, &delta_dir, sink);
    }
    files.push((format!("{delta_dir}{DELTA_CHANGES}"), crate::docs::json(&changes)));
    for (path, bytes) in files {
        put(sink, path, bytes)?;
    }
    Ok(Some(built))
}

fn put(sink: &Sink, path: String, bytes: Vec<u8>) -> Result<(), String> {
    sink.insert(path.clone(), bytes).map_err(|e| format!("{path}: {e}"))
}

/// The whole index, each file put into `sink` as pagefind gives it, and the
/// ledger of what it holds.
fn full(records: Vec<Record>, delta_dir: &str, sink: &Sink) -> Result<Option<Built>, String> {
    let mut ledger = Ledger::default();
    let mut by_href: BTreeMap<String, Indexed> = BTreeMap::new();
    let records = records.into_iter().inspect(|r| {
        let indexed = Indexed {
            digest: r.digest(),
            id: String::new(),
            lang: r.lang.code().to_owned(),
            filters: r.indexed_filters(),
        };
        by_href.insert(r.href(), indexed);
    });
    let index_dir = full_index_dir();
    // The records are all read before the first language's files come out.
    let mut ids: Vec<(String, String)> = vec![];
    pagefind_files(records, &index_dir, &mut |path, bytes| {
        if let Some(id) = fragment_id(&path, &index_dir) {
            let href = fragment_url(&bytes).map_err(|e| format!("{path}: {e}"))?;
            ids.push((href, id.to_owned()));
        } else if path == full_index_entry() {
            ledger.entry = crate::output::digest(&bytes);
        }
        put(sink, path, bytes)
    })?;
    for (href, id) in ids {
        let record = by_href.get_mut(&href).ok_or_else(|| format!("the index holds {href}, which is no record"))?;
        record.id = id;
    }
    ledger.records = by_href;
    // Nothing published since: the browser runtime reads an empty set of changes.
    put(sink, format!("{delta_dir}{DELTA_CHANGES}"), b"{}".to_vec())?;
    Ok(Some(Built::Full(ledger)))
}

/// The id of the record a file of the index under `dir` holds, if it is one (a fragment).
fn fragment_id<'a>(path: &'a str, dir: &str) -> Option<&'a str> {
    path.strip_prefix(dir)?.strip_prefix("fragment/")?.strip_suffix(".pf_fragment")
}

/// The address a fragment of the index is about: fragments are gzip
/// streams of a signature and the record's JSON.
fn fragment_url(bytes: &[u8]) -> Result<String, String> {
    use std::io::Read;
    let mut text = String::new();
    flate2::read::GzDecoder::new(bytes).read_to_string(&mut text).map_err(|e| e.to_string())?;
    #[derive(Deserialize)]
    struct Fragment {
        url: String,
    }
    let json = text.strip_prefix("pagefind_dcd").ok_or("not a fragment of the index")?;
    Ok(serde_json::from_str::<Fragment>(json).map_err(|e| e.to_string())?.url)
}

impl Record {
    fn href(&self) -> String {
        self.route.href(self.lang)
    }

    /// Everything the record gives the index, digested: equal digests index
    /// the same. Each part goes in with its length, so no two records run
    /// together into the same bytes.
    fn digest(&self) -> String {
        use sha2::{Digest, Sha256};
        let mut hash = Sha256::new();
        let mut part = |bytes: &[u8]| {
            hash.update((bytes.len() as u64).to_le_bytes());
            hash.update(bytes);
        };
        part(self.href().as_bytes());
        part(self.title.as_bytes());
        part(self.title_lang.map(Lang::code).unwrap_or_default().as_bytes());
        part(self.text.as_bytes());
        part(self.body.as_deref().unwrap_or_default().as_bytes());
        part(self.date.as_deref().unwrap_or_default().as_bytes());
        for (filter, values) in &self.filters {
            part(filter.as_bytes());
            part(&(values.len() as u64).to_le_bytes());
            values.iter().for_each(|v| part(v.as_bytes()));
        }
        hash.finalize().iter().map(|b| format!("{b:02x}")).collect()
    }

    /// The filters as the index holds them (empty ones left out).
    fn indexed_filters(&self) -> BTreeMap<String, Vec<String>> {
        self.filters.iter().filter(|(_, v)| !v.is_empty()).map(|(k, v)| (k.to_string(), v.clone())).collect()
    }
}

/// An index of `records` written with pagefind, its files under `dir`.
/// Each language is indexed on its own, one after another, so the indexer
/// holds one language's words at a time (at the size of the whole state it
/// held all three, some gigabytes); their files sit side by side, named by
/// language, and one entry file lists every language. `records` come a
/// language at a time.
fn pagefind_files(
    records: impl IntoIterator<Item = Record>,
    dir: &str,
    put: &mut dyn FnMut(String, Vec<u8>) -> Result<(), String>,
) -> Result<(), String> {
    let entry_path = format!("{dir}pagefind-entry.json");
    let mut entry: Option<serde_json::Value> = None;
    let mut records = records.into_iter().peekable();
    while let Some(lang) = records.peek().map(|r| r.lang) {
        let mut of_lang = vec![];
        while let Some(r) = records.next_if(|r| r.lang == lang) {
            of_lang.push(r);
        }
        for (path, bytes) in one_index(of_lang, dir)? {
            if path != entry_path {
                // The runtime's own files are the same for every language:
                // each language's replaces the one before.
                put(path, bytes)?;
                continue;
            }
            let part: serde_json::Value = serde_json::from_slice(&bytes).map_err(|e| format!("{path}: {e}"))?;
            match entry.as_mut().and_then(|e| e["languages"].as_object_mut()) {
                Some(languages) => languages.extend(part["languages"].as_object().cloned().unwrap_or_default()),
                None => entry = Some(part),
            }
        }
    }
    if let Some(entry) = entry {
        put(entry_path, serde_json::to_vec(&entry).map_err(|e| e.to_string())?)?;
    }
    Ok(())
}

/// An index of `records`, all in one language, its files under `dir`.
fn one_index(records: Vec<Record>, dir: &str) -> Result<Files, String> {
    let runtime = tokio::runtime::Builder::new_current_thread().enable_all().build().map_err(|e| e.to_string())?;
    runtime.block_on(async {
        let mut index = pagefind::api::PagefindIndex::new(None).map_err(|e| e.to_string())?;
        for r in records {
            let mut meta = BTreeMap::from([
                (META_TITLE.to_owned(), r.title.clone()),
                (META_DATE.to_owned(), r.date.clone().unwrap_or_default()),
                (META_FOLDED.to_owned(), folded_words(&r.text)),
                (META_FOLDED_TITLE.to_owned(), folded_words(&r.title)),
            ]);
            if let Some(body) = &r.body {
                meta.insert(META_BODY.to_owned(), body.clone());
            }
            if let Some(kind) = r.filters.get(FILTER_KIND).and_then(|k| k.first()) {
                meta.insert(META_KIND.to_owned(), kind.clone());
            }
            if let Some(title_lang) = r.title_lang {
                meta.insert(META_TITLE_LANG.to_owned(), title_lang.code().to_owned());
            }
            let filters = r.indexed_filters();
            let href = r.href();
            let sort = BTreeMap::from([(SORT_DATE.to_owned(), r.date.unwrap_or_else(|| NO_DATE.to_owned()))]);
            index
                .add_custom_record(
                    href.clone(),
                    r.text,
                    r.lang.code().to_owned(),
                    Some(meta),
                    Some(filters),
                    Some(sort),
                )
                .await
                .map_err(|e| format!("{href}: {e}"))?;
        }
        let files = index.get_files().await.map_err(|e| e.to_string())?;
        Ok(files
            .into_iter()
            // The prebuilt search interfaces are not used: the app renders its own.
            .filter(|f| !f.filename.to_string_lossy().contains("-ui") && !f.filename.starts_with("playground"))
            .map(|f| (format!("{dir}{}", f.filename.to_string_lossy()), f.contents))
            .collect())
    })
}

#[cfg(test)]
mod tests {
    use super::folded_words;

    #[test]
    fn folded_words_are_the_kazakh_words_folding_changes() {
        assert_eq!(folded_words("Жеке куәлік алу, куәлік және паспорт"), "жане куалик");
        assert_eq!(folded_words("Passport"), "");
    }
}
