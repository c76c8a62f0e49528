//! The search index's contract: where it is, and the names of its filters,
//! sort keys and meta fields, shared by the compiler that writes it and the
//! app that queries it through the index's own browser runtime.

/// Folder of the index under the API base (`api/v1/search/`).
pub const INDEX_DIR: &str = "search/";

/// Folder, under the API base, of what was published since the full index
/// was built: a small index of the new and changed records, searched beside
/// the full one, and [`DELTA_CHANGES`]. The next full build folds it in.
pub const DELTA_DIR: &str = "search-delta/";
/// In [`DELTA_DIR`]: for each language, whether the small index holds
/// records in it (`indexed`), the ids of the full index's records that are
/// stale or gone (`hidden`), and their filter values (`uncounted`), so
/// results and filter counts leave them out. Written by every build; after
/// a full one it is `{}`.
pub const DELTA_CHANGES: &str = "changes.json";

/// For one language, what [`DELTA_CHANGES`] tells the browser runtime
/// (`src/search-runtime.js`), by language code.
#[derive(Debug, Default, serde::Serialize, serde::Deserialize, PartialEq)]
pub struct LanguageChanges {
    /// The small index holds records in this language.
    pub indexed: bool,
    /// Ids of the full index's records that were changed or removed, as the
    /// runtime returns them with each result.
    pub hidden: Vec<String>,
    /// Their filter values, with how many of them have each.
    pub uncounted: std::collections::BTreeMap<String, std::collections::BTreeMap<String, u32>>,
}

/// Filters every record carries (values are names in the record's language).
pub const FILTER_TOPIC: &str = "topic";
pub const FILTER_BODY: &str = "body";
pub const FILTER_REGION: &str = "region";
/// News: the month published, `YYYY-MM`.
pub const FILTER_PERIOD: &str = "period";
/// Documents: the year adopted, `YYYY`.
pub const FILTER_YEAR: &str = "year";
/// Documents: the type's code (see [`crate::DocumentType::code`]).
pub const FILTER_DOCTYPE: &str = "doctype";
/// News: its category's code (see [`crate::NewsCategory::code`]).
pub const FILTER_CATEGORY: &str = "category";
/// The kind of item, one of [`KINDS`].
pub const FILTER_KIND: &str = "kind";
/// A former state body's record carries this filter, set to [`FORMER_YES`]:
/// the app lists such records after every current one (search-runtime.js).
pub const FILTER_FORMER: &str = "former";
pub const FORMER_YES: &str = "yes";

/// Values of [`FILTER_KIND`].
pub const KIND_SERVICE: &str = "service";
pub const KIND_GUIDE: &str = "guide";
pub const KIND_BODY: &str = "body";
pub const KIND_TOPIC: &str = "topic";
pub const KIND_REGION: &str = "region";
pub const KIND_NEWS: &str = "news";
pub const KIND_DOCUMENT: &str = "document";
/// A life situation: a journey of steps across state bodies.
pub const KIND_JOURNEY: &str = "life-situation";
/// A draft act for public discussion.
pub const KIND_DRAFT: &str = "draft";
pub const KINDS: [&str; 9] =
    [KIND_SERVICE, KIND_GUIDE, KIND_JOURNEY, KIND_NEWS, KIND_DOCUMENT, KIND_DRAFT, KIND_BODY, KIND_TOPIC, KIND_REGION];

/// Sort key: the date last updated, `YYYY-MM-DD`; items without one sort last.
pub const SORT_DATE: &str = "date";
pub const NO_DATE: &str = "0000-00-00";

/// Meta fields: the title, the responsible body's name, the date, and the
/// words of the record folded (see [`crate::fold`]) where folding changes
/// them, so "куалик" finds "куәлік".
pub const META_TITLE: &str = "title";
pub const META_BODY: &str = "body";
pub const META_DATE: &str = "date";
pub const META_FOLDED: &str = "folded";
/// The title folded, ranked like the title itself.
pub const META_FOLDED_TITLE: &str = "folded_title";
/// The record's kind (one of [`KINDS`]), for how a result is labelled.
pub const META_KIND: &str = "kind";
/// The title's language where it is not the index's: a document listed in
/// a language it has no version in, under its title in one it has.
pub const META_TITLE_LANG: &str = "title_lang";

/// The index's excerpt (text with `<mark>` around matched words, `<` and
/// `>` escaped) as plain parts, with words also marked where their folded
/// form starts with a folded search term: the index only marks what it
/// matched itself, and a Kazakh word found through its folded form is not.
pub fn highlight(excerpt: &str, folded_terms: &str) -> Vec<(String, bool)> {
    let terms: Vec<&str> =
        folded_terms.split(|c: char| !c.is_alphanumeric()).filter(|t| t.chars().count() >= 2).collect();
    let unescape = |s: &str| s.replace("&lt;", "<").replace("&gt;", ">");
    let mut parts: Vec<(String, bool)> = vec![];
    let mut push = |text: String, marked: bool| match parts.last_mut() {
        Some((last, m)) if *m == marked => last.push_str(&text),
        _ if text.is_empty() => {}
        _ => parts.push((text, marked)),
    };
    for (i, chunk) in excerpt.split("<mark>").enumerate() {
        let (marked, rest) = match (i, chunk.split_once("</mark>")) {
            (0, _) | (_, None) => ("", chunk),
            (_, Some((m, rest))) => (m, rest),
        };
        push(unescape(marked), true);
        // Words in the unmarked text: split keeping separators.
        let rest = unescape(rest);
        let mut word = String::new();
        for c in rest.chars().chain(std::iter::once('\u{0}')) {
            if c.is_alphanumeric() {
                word.push(c);
                continue;
            }
            if !word.is_empty() {
                let f = crate::fold(&word);
                let hit = terms.iter().any(|t| f.starts_with(t));
                push(std::mem::take(&mut word), hit);
            }
            if c != '\u{0}' {
                push(c.to_string(), false);
            }
        }
    }
    parts
}

#[cfg(test)]
mod tests {
    use super::highlight;

    #[test]
    fn marks_from_the_index_and_from_folding_are_kept() {
        let parts = highlight("Жеке <mark>куәлік</mark> алу &lt;тегін&gt;", "куалик");
        assert_eq!(parts, vec![("Жеке ".into(), false), ("куәлік".into(), true), (" алу <тегін>".into(), false)]);
        let parts = highlight("Жеке куәлік алу", "куалик");
        assert_eq!(parts, vec![("Жеке ".into(), false), ("куәлік".into(), true), (" алу".into(), false)]);
    }
}
