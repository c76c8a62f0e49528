//! Items removed from the portal whose addresses lead on to another page:
//! `content/redirects.toml`, one `[[redirect]]` per removed address. Each
//! language's address answers 301 to the same page in that language
//! (nginx, from `_transition/moved.map`), and the app, following a link
//! to it, finds a document saying where it went and goes there.

use crate::diagnostic::{line_of, Diagnostics};
use crate::source::parse_toml;
use crate::Content;
use portal_content::{Lang, Route};
use serde::Deserialize;
use std::collections::BTreeMap;
use std::fmt::Write;
use std::path::{Path, PathBuf};
use toml::Spanned;

/// The file, if there is one, and its redirects as written.
pub(crate) struct Redirects {
    file: PathBuf,
    text: String,
    list: Vec<Redirect>,
    /// Where each removed address leads, for those that are routes of the
    /// portal: made once, as the chain check and the old sites look it up.
    targets: BTreeMap<Route, Route>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RedirectsFile {
    #[serde(default, rename = "redirect")]
    list: Vec<Redirect>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Redirect {
    /// The removed item's address, language-neutral (`/pages/old-slug`).
    from: Spanned<String>,
    /// Where it leads now.
    to: Spanned<String>,
}

/// Reads `content/redirects.toml`; none is no redirect.
pub(crate) fn read(file: &Path, diags: &mut Diagnostics) -> Redirects {
    let text = std::fs::read_to_string(file).unwrap_or_default();
    let list: Vec<Redirect> = parse_toml::<RedirectsFile>(file, &text, 0, diags).map(|f| f.list).unwrap_or_default();
    // The first of an address redirected twice (a `redirect` error).
    let mut targets = BTreeMap::new();
    for r in &list {
        if let (Some(from), Some(to)) = (Route::parse_neutral(r.from.get_ref()), Route::parse_neutral(r.to.get_ref())) {
            targets.entry(from).or_insert(to);
        }
    }
    Redirects { file: file.to_path_buf(), text, list, targets }
}

impl Redirects {
    fn line<T>(&self, field: &Spanned<T>) -> usize {
        line_of(&self.text, field.span().start)
    }

    /// Where a removed address leads, if it is one.
    pub(crate) fn target(&self, from: &Route) -> Option<Route> {
        self.targets.get(from).cloned()
    }
}

/// Every redirect leads from an address no item holds any more to a page
/// that exists, in one step: a chain (to a removed address) or a loop
/// would send readers through redirect after redirect.
pub(crate) fn check(c: &Content, diags: &mut Diagnostics) {
    let r = &c.redirects;
    let months = c.news_months();
    let mut seen: BTreeMap<Route, usize> = BTreeMap::new();
    for redirect in &r.list {
        let (from_line, to_line) = (r.line(&redirect.from), r.line(&redirect.to));
        let (Some(from), Some(to)) =
            (Route::parse_neutral(redirect.from.get_ref()), Route::parse_neutral(redirect.to.get_ref()))
        else {
            diags.error(
                &r.file,
                from_line,
                "redirect",
                "write both addresses as the portal's paths without the language, like /pages/passport",
            );
            continue;
        };
        if let Some(first) = seen.insert(from.clone(), from_line) {
            diags.error(
                &r.file,
                from_line,
                "redirect",
                format!("{} is redirected already, on line {first}", from.neutral_path()),
            );
        }
        if c.exists(&from, &months) {
            diags.error(
                &r.file,
                from_line,
                "redirect",
                format!("{} still exists: remove the item, or withdraw it instead", from.neutral_path()),
            );
        }
        if r.target(&to).is_some() {
            // Follow the chain to its end, or until it comes back to an address on it.
            let mut path = vec![from.clone(), to.clone()];
            let looped = loop {
                match r.target(path.last().expect("never empty")) {
                    None => break false,
                    Some(next) => {
                        let seen = path.contains(&next);
                        path.push(next);
                        if seen {
                            break true;
                        }
                    }
                }
            };
            let shown = path.iter().map(Route::neutral_path).collect::<Vec<_>>().join(" -> ");
            if looped {
                diags.error(&r.file, to_line, "redirect-loop", format!("the redirects go round: {shown}"));
            } else {
                let end = path.last().expect("never empty").neutral_path();
                diags.error(
                    &r.file,
                    to_line,
                    "redirect-chain",
                    format!("{} is itself redirected ({shown}): lead straight to {end}", to.neutral_path()),
                );
            }
        } else if !c.exists(&to, &months) {
            diags.error(&r.file, to_line, "redirect", format!("{} does not exist on the portal", to.neutral_path()));
        }
    }
}

/// The documents the app finds at the removed addresses, and the entries
/// of the map `deploy/nginx.conf` answers them with.
pub(crate) fn outputs(c: &Content, api: &str) -> Vec<(String, Vec<u8>)> {
    let mut map =
        String::from("# Entries of a map in deploy/nginx.conf, written by the compiler from content/redirects.toml.\n");
    let mut files = vec![];
    for (from, to) in &c.redirects.targets {
        for lang in Lang::ALL {
            let _ = writeln!(map, "\"{}\" \"{}\";", from.href(lang), to.href(lang));
            let moved = portal_content::Item::<()>::Moved(portal_content::Moved { to: to.neutral_path() });
            files.push((format!("{api}{}", from.api_path(lang)), crate::docs::json(&moved)));
        }
    }
    files.push((format!("{}/moved.map", crate::transition::OUTPUT_DIR), map.into_bytes()));
    files
}
