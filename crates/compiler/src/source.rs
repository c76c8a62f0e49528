//! Reading content/: one folder per item, `meta.toml` for what is the same
//! in every language and `{lang}.md` (TOML front matter between `+++` lines,
//! then Markdown) for each language the item exists in.

use crate::diagnostic::{line_of, Diagnostics};
use crate::markdown::{self, Converted};
use portal_content::{is_valid_slug, Lang};
use serde::de::DeserializeOwned;
use serde::Deserialize;
use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

/// An item folder, read and parsed.
#[derive(Debug)]
pub struct Source<M, F> {
    pub slug: String,
    pub meta_file: PathBuf,
    /// The text of meta.toml, to turn field spans into line numbers.
    pub meta_text: String,
    pub meta: M,
    pub texts: BTreeMap<Lang, Text<F>>,
}

/// One language version of an item.
#[derive(Debug)]
pub struct Text<F> {
    pub file: PathBuf,
    pub front: F,
    pub body: Converted,
}

/// Front matter as the checks common to every kind see it.
pub trait Front {
    /// The fields every text of the kind must fill, by name.
    fn required(&self) -> Vec<(&'static str, &String)>;
}

/// One text of an item: its file, its body and the fields it must fill.
pub type TextOf<'a> = (&'a Path, &'a Converted, Vec<(&'static str, &'a String)>);

/// An item of any kind, for what applies to all of them alike.
pub trait AnyItem {
    fn meta_file(&self) -> &Path;
    fn languages(&self) -> Vec<Lang>;
    fn texts(&self) -> Vec<TextOf<'_>>;
}

impl<M, F: Front> AnyItem for Source<M, F> {
    fn meta_file(&self) -> &Path {
        &self.meta_file
    }

    fn languages(&self) -> Vec<Lang> {
        Source::languages(self)
    }

    fn texts(&self) -> Vec<TextOf<'_>> {
        self.texts.values().map(|t| (t.file.as_path(), &t.body, t.front.required())).collect()
    }
}

impl<M, F> Source<M, F> {
    pub fn languages(&self) -> Vec<Lang> {
        self.texts.keys().copied().collect()
    }

    /// Line in meta.toml of a field read as `toml::Spanned`.
    pub fn meta_line<T>(&self, field: &toml::Spanned<T>) -> usize {
        line_of(&self.meta_text, field.span().start)
    }

    /// The text in `lang`, else in the first language the item has, for
    /// naming the item where it is referred to.
    pub fn text_or_any(&self, lang: Lang) -> Option<&Text<F>> {
        self.texts.get(&lang).or_else(|| self.texts.values().next())
    }
}

/// A date written in TOML as `2026-10-15`, kept as that text.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Date(pub String);

impl Date {
    /// `YYYY-MM`: the news archive's period.
    pub fn month(&self) -> &str {
        &self.0[..7]
    }

    /// `YYYY`: the register's period.
    pub fn year(&self) -> &str {
        &self.0[..4]
    }
}

impl<'de> Deserialize<'de> for Date {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let value = toml::value::Datetime::deserialize(d)?;
        match (value.date, value.time, value.offset) {
            (Some(date), None, None) => Ok(Date(date.to_string())),
            _ => Err(serde::de::Error::custom(format!("expected a date like 2026-10-15 without time, found {value}"))),
        }
    }
}

/// The items of one kind, and the slugs of all their folders: an item
/// whose metadata has an error is left out of `items` but still counts as
/// existing, so one mistake is reported once, not again at every reference.
pub struct Items<M, F> {
    pub items: Vec<Source<M, F>>,
    pub slugs: std::collections::BTreeSet<String>,
}

impl<M, F> Default for Items<M, F> {
    fn default() -> Self {
        Items { items: vec![], slugs: Default::default() }
    }
}

/// Reads every item folder under `dir`, in slug order. Problems go to `diags`.
pub fn read_items<M, F>(dir: &Path, diags: &mut Diagnostics) -> Items<M, F>
where
    M: DeserializeOwned + Send,
    F: DeserializeOwned + Send,
{
    let mut slugs = std::collections::BTreeSet::new();
    let items = read_folders(dir, &mut slugs, diags);
    Items { items, slugs }
}

fn read_folders<M, F>(
    dir: &Path,
    slugs: &mut std::collections::BTreeSet<String>,
    diags: &mut Diagnostics,
) -> Vec<Source<M, F>>
where
    M: DeserializeOwned + Send,
    F: DeserializeOwned + Send,
{
    use rayon::prelude::*;
    let mut entries = match fs::read_dir(dir) {
        Ok(rd) => rd.filter_map(Result::ok).map(|e| e.path()).collect::<Vec<_>>(),
        Err(e) => {
            diags.error(dir, 0, "io", format!("cannot read the folder: {e}"));
            return vec![];
        }
    };
    entries.sort();
    let mut folders = vec![];
    for path in entries {
        let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
        if name.starts_with('.') {
            continue;
        }
        if !path.is_dir() {
            diags.error(&path, 0, "layout", "expected only item folders here (one folder per item)");
            continue;
        }
        if !is_valid_slug(&name) {
            diags.error(
                &path,
                0,
                "slug",
                format!(
                    "folder name {name:?} is not a valid slug: use lowercase latin letters, digits and single hyphens"
                ),
            );
            continue;
        }
        slugs.insert(name.clone());
        folders.push((path, name));
    }
    // Reading and parsing is most of a build's time at the size of the whole
    // state: items are read on every core, each with its own findings, which
    // then join the rest in folder order, as if read one by one.
    let read: Vec<(Option<Source<M, F>>, Diagnostics)> = folders
        .into_par_iter()
        .map(|(path, name)| {
            let mut found = Diagnostics::default();
            (read_item(&path, name, &mut found), found)
        })
        .collect();
    let mut items = Vec::with_capacity(read.len());
    for (item, found) in read {
        diags.items.extend(found.items);
        items.extend(item);
    }
    items
}

pub fn read_item<M: DeserializeOwned, F: DeserializeOwned>(
    dir: &Path,
    slug: String,
    diags: &mut Diagnostics,
) -> Option<Source<M, F>> {
    let meta_file = dir.join("meta.toml");
    let mut files: Vec<PathBuf> = fs::read_dir(dir).ok()?.filter_map(Result::ok).map(|e| e.path()).collect();
    files.sort();
    for file in &files {
        let name = file.file_name().unwrap_or_default().to_string_lossy();
        let extension = crate::files::extension(&name);
        // Images and documents' files are checked where the text or metadata names them.
        let known = name == "meta.toml"
            || name.strip_suffix(".md").is_some_and(|code| Lang::from_code(code).is_some())
            || crate::markdown::IMAGE_FORMATS.contains(&extension.as_str())
            || crate::publications::ATTACHMENT_FORMATS.contains(&extension.as_str());
        if !known && !name.starts_with('.') {
            diags.error(
                file,
                0,
                "layout",
                "unexpected file: an item folder holds meta.toml, kk.md, ru.md, en.md, and images or documents' files",
            );
        }
    }
    let (meta_text, meta): (String, Option<M>) = match fs::read_to_string(&meta_file) {
        Ok(text) => {
            let meta = parse_toml(&meta_file, &text, 0, diags);
            (text, meta)
        }
        Err(e) => {
            diags.error(&meta_file, 0, "io", format!("cannot read meta.toml: {e}"));
            (String::new(), None)
        }
    };
    let mut texts = BTreeMap::new();
    for lang in Lang::ALL {
        let file = dir.join(format!("{}.md", lang.code()));
        if !file.exists() {
            continue;
        }
        match fs::read_to_string(&file) {
            Ok(text) => {
                if let Some(t) = read_text(&file, &text, diags) {
                    texts.insert(lang, t);
                }
            }
            Err(e) => diags.error(&file, 0, "io", format!("cannot read the file as UTF-8 text: {e}")),
        }
    }
    if texts.is_empty() && !Lang::ALL.iter().any(|l| dir.join(format!("{}.md", l.code())).exists()) {
        diags.error(dir, 0, "no-language", "the item has no text in any language: add kk.md, ru.md or en.md");
    }
    Some(Source { slug, meta_file, meta_text, meta: meta?, texts })
}

/// Splits off and parses the front matter, then converts the Markdown body.
pub fn read_text<F: DeserializeOwned>(file: &Path, text: &str, diags: &mut Diagnostics) -> Option<Text<F>> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let Some(after_open) = text.strip_prefix("+++\n").or_else(|| text.strip_prefix("+++\r\n")) else {
        diags.error(
            file,
            1,
            "front-matter",
            "the file must start with a +++ line, then TOML front matter (title, summary), then a closing +++ line",
        );
        return None;
    };
    let open_len = text.len() - after_open.len();
    let Some(close) = find_closing_fence(after_open) else {
        diags.error(file, 1, "front-matter", "the front matter opened on line 1 is never closed by a +++ line");
        return None;
    };
    let front_text = &after_open[..close.start];
    let body_start = open_len + close.end;
    let front = parse_toml::<F>(file, front_text, 1, diags);
    let body_line = line_of(text, body_start);
    let body = markdown::convert(&text[body_start..], file, body_line - 1, diags);
    Some(Text { file: file.to_path_buf(), front: front?, body })
}

/// Byte range of the closing `+++` line (with its line break) in `s`.
fn find_closing_fence(s: &str) -> Option<std::ops::Range<usize>> {
    let mut offset = 0;
    for line in s.split_inclusive('\n') {
        if line.trim_end_matches(['\n', '\r']) == "+++" {
            return Some(offset..offset + line.len());
        }
        offset += line.len();
    }
    None
}

/// Parses TOML, reporting errors at their line; `line_offset` is the number
/// of lines in the file before `text` starts.
pub fn parse_toml<T: DeserializeOwned>(
    file: &Path,
    text: &str,
    line_offset: usize,
    diags: &mut Diagnostics,
) -> Option<T> {
    match toml::from_str::<T>(text) {
        Ok(value) => Some(value),
        Err(e) => {
            let line = e.span().map(|s| line_of(text, s.start)).unwrap_or(1) + line_offset;
            let rule = if toml::from_str::<toml::Table>(text).is_ok() { "field" } else { "toml" };
            diags.error(file, line, rule, e.message().trim().to_owned());
            None
        }
    }
}
