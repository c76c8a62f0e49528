//! The old sites the portal replaces. `content/transition/<host>.toml` says
//! which body a site belonged to, when it closed, how its addresses marked
//! their language, and where each old address goes now: a route of the
//! portal, or "gone" (with an archived copy where there is one).
//! `<host>.urls`, when an editor supplies the old site's list of addresses
//! (its sitemap or a crawl), is checked against the mappings: what none of
//! them covers goes to the quality report under the body.
//!
//! The build writes what the old hosts' server needs under `_transition/`:
//! the entries of the maps `deploy/nginx.conf` declares, a page for each
//! address that has gone, and the same redirects as a plain list for hosts
//! without nginx (docs/deploy.md).

use crate::diagnostic::{line_of, Diagnostics};
use crate::source::{parse_toml, Date};
use crate::{agency_ref, Content, Options};
use portal_content::{Lang, Route};
use serde::Deserialize;
use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write;
use std::path::{Path, PathBuf};
use toml::Spanned;

/// The folder of the old hosts' files in the output; never served on the portal's own host.
pub const OUTPUT_DIR: &str = "_transition";

/// One old site, read from its file.
pub(crate) struct OldSite {
    /// The host its addresses were on (the file's name), lowercase.
    pub(crate) host: String,
    pub(crate) file: PathBuf,
    text: String,
    pub(crate) meta: SiteMeta,
    /// The old site's list of addresses, when the editor supplied one: the
    /// file and each address with its line.
    listed: Option<(PathBuf, Vec<(usize, String)>)>,
    /// Its addresses, checked once when read (see [`OldSite::mappings`]).
    mappings: Vec<Mapping>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct SiteMeta {
    /// The state body the site belonged to.
    pub(crate) body: Spanned<String>,
    /// The day the old site stopped being the body's site.
    closed: Date,
    /// Other names of the host (`minjust.gov.kz` beside `www.minjust.gov.kz`).
    #[serde(default)]
    aliases: Vec<Spanned<String>>,
    #[serde(default)]
    language: Languages,
    #[serde(default, rename = "address")]
    addresses: Vec<Address>,
}

/// How the old site's addresses said their language.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Languages {
    /// The language of an address nothing else marks.
    #[serde(default = "default_language")]
    default: Spanned<String>,
    /// First path segments that mark a language, and the values of `query`:
    /// `kz = "kk"` for `/kz/...` or `?lang=kz`.
    #[serde(default)]
    marks: BTreeMap<String, Spanned<String>>,
    /// The query parameter that marks it, if the site had one (`lang`).
    query: Option<String>,
}

fn default_language() -> Spanned<String> {
    Spanned::new(0..0, "ru".to_owned())
}

impl Default for Languages {
    fn default() -> Languages {
        Languages { default: default_language(), marks: BTreeMap::new(), query: None }
    }
}

/// One old address, or every address under a path prefix, and where it goes.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Address {
    /// The exact old address: a path, with its query where the query chose the page.
    old: Option<Spanned<String>>,
    /// Every old address under this path (`/ru/news/`).
    prefix: Option<Spanned<String>>,
    /// The portal's route it goes to, language-neutral (`/pages/passport`).
    to: Option<Spanned<String>>,
    /// The page has gone: nothing on the portal replaces it.
    #[serde(default)]
    gone: bool,
    /// Where an archived copy of a page that has gone can be read.
    archive: Option<Spanned<String>>,
    /// The target's language, where the address does not say it.
    lang: Option<Spanned<String>>,
}

/// An address checked: what it matches and where it goes, in which language.
struct Mapping {
    line: usize,
    key: Key,
    outcome: Outcome,
    lang: Lang,
    /// Whether the language came from the address (not from `lang`).
    implied: bool,
}

#[derive(Clone, PartialEq, Eq, PartialOrd, Ord)]
enum Key {
    /// A path (decoded, as nginx's `$uri` holds it).
    Path(String),
    /// A path with its query, as the request line had it.
    Query(String),
    /// Every path that starts with this.
    Prefix(String),
}

enum Outcome {
    Moved(Route),
    Gone { archive: Option<String> },
}

/// Reads every old site in `dir` (content/transition/), if there is the folder.
pub(crate) fn read(dir: &Path, diags: &mut Diagnostics) -> Vec<OldSite> {
    let Ok(entries) = std::fs::read_dir(dir) else { return vec![] };
    let mut files: Vec<PathBuf> = entries.filter_map(Result::ok).map(|e| e.path()).collect();
    files.sort();
    let mut sites = vec![];
    for file in &files {
        let name = file.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
        if name.starts_with('.') {
            continue;
        }
        let (host, extension) = match name.rsplit_once('.') {
            Some((host, ext @ ("toml" | "urls"))) => (host.to_owned(), ext),
            _ => {
                diags.error(file, 0, "layout", "expected only <host>.toml and <host>.urls files here");
                continue;
            }
        };
        if !is_host(&host) {
            diags.error(
                file,
                0,
                "transition-host",
                format!("{host:?} is not a host name: lowercase latin letters, digits, hyphens and dots"),
            );
            continue;
        }
        if extension == "urls" {
            if !files.contains(&dir.join(format!("{host}.toml"))) {
                diags.error(file, 0, "transition-host", format!("a list of addresses without {host}.toml to map them"));
            }
            continue;
        }
        let text = match std::fs::read_to_string(file) {
            Ok(text) => text,
            Err(e) => {
                diags.error(file, 0, "io", format!("cannot read the file: {e}"));
                continue;
            }
        };
        let Some(meta) = parse_toml::<SiteMeta>(file, &text, 0, diags) else { continue };
        let urls = dir.join(format!("{host}.urls"));
        let listed = match std::fs::read_to_string(&urls) {
            Ok(list) => Some((urls, addresses_listed(&list))),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => None,
            Err(e) => {
                diags.error(&urls, 0, "io", format!("cannot read the file: {e}"));
                None
            }
        };
        let mut site = OldSite { host, file: file.clone(), text, meta, listed, mappings: vec![] };
        site.mappings = site.mappings(diags);
        sites.push(site);
    }
    sites
}

/// The addresses of a `.urls` file, with their lines: one a line, as a
/// path or a whole address on the old host; `#` starts a comment.
fn addresses_listed(list: &str) -> Vec<(usize, String)> {
    list.lines()
        .enumerate()
        .map(|(i, line)| (i + 1, line.split('#').next().unwrap_or_default().trim()))
        .filter(|(_, line)| !line.is_empty())
        .map(|(line, address)| {
            // A whole address keeps its path and query only.
            let path = match address.split_once("://") {
                Some((_, rest)) => rest.find('/').map_or("/", |at| &rest[at..]),
                None => address,
            };
            (line, path.to_owned())
        })
        .collect()
}

fn is_host(name: &str) -> bool {
    name.contains('.')
        && name.split('.').all(|label| {
            !label.is_empty()
                && !label.starts_with('-')
                && !label.ends_with('-')
                && label.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        })
}

impl OldSite {
    fn line<T>(&self, field: &Spanned<T>) -> usize {
        line_of(&self.text, field.span().start)
    }

    /// Every host name the site answered on.
    fn hosts(&self) -> Vec<String> {
        std::iter::once(self.host.clone()).chain(self.meta.aliases.iter().map(|a| a.get_ref().clone())).collect()
    }

    /// The language an old address implies: the query parameter, then the
    /// first path segment, then the site's default.
    fn implied(&self, address: &str) -> Lang {
        let languages = &self.meta.language;
        let mark = |value: &str| languages.marks.get(value).and_then(|l| Lang::from_code(l.get_ref()));
        let (path, query) = address.split_once('?').unwrap_or((address, ""));
        if let Some(name) = &languages.query {
            let value = query.split('&').find_map(|pair| pair.strip_prefix(name.as_str())?.strip_prefix('='));
            if let Some(lang) = value.and_then(mark) {
                return lang;
            }
        }
        let first = path.trim_start_matches('/').split('/').next().unwrap_or_default();
        mark(first).or_else(|| Lang::from_code(languages.default.get_ref())).unwrap_or(Lang::Ru)
    }

    /// The site's addresses checked; problems go to `diags`.
    fn mappings(&self, diags: &mut Diagnostics) -> Vec<Mapping> {
        let file = &self.file;
        let mut mappings = vec![];
        for a in &self.meta.addresses {
            let (key, field) = match (&a.old, &a.prefix) {
                (Some(old), None) => match old_key(old.get_ref()) {
                    Ok(key) => (key, old),
                    Err(e) => {
                        diags.error(file, self.line(old), "transition-address", e);
                        continue;
                    }
                },
                (None, Some(prefix)) => {
                    let p = prefix.get_ref();
                    if !p.starts_with('/') || !p.bytes().all(|b| b.is_ascii_alphanumeric() || b"/_.~-".contains(&b)) {
                        diags.error(
                            file,
                            self.line(prefix),
                            "transition-address",
                            format!("prefix {p:?}: write a path from / with latin letters, digits and / _ . ~ - only"),
                        );
                        continue;
                    }
                    (Key::Prefix(p.clone()), prefix)
                }
                (Some(old), Some(_)) => {
                    diags.error(file, self.line(old), "transition-address", "give either `old` or `prefix`, not both");
                    continue;
                }
                (None, None) => {
                    let line = a.to.as_ref().map(|t| self.line(t)).unwrap_or(0);
                    diags.error(file, line, "transition-address", "an address needs `old` (one address) or `prefix`");
                    continue;
                }
            };
            let line = self.line(field);
            let lang = match &a.lang {
                Some(l) => match Lang::from_code(l.get_ref()) {
                    Some(lang) => lang,
                    None => {
                        diags.error(
                            file,
                            self.line(l),
                            "transition-language",
                            format!("{:?} is not kk, ru or en", l.get_ref()),
                        );
                        continue;
                    }
                },
                None => self.implied(field.get_ref()),
            };
            let outcome = match (&a.to, a.gone) {
                (Some(to), false) => {
                    if a.archive.is_some() {
                        diags.error(file, line, "transition-address", "`archive` is for an address that has gone");
                    }
                    match Route::parse_neutral(to.get_ref()) {
                        Some(route) => Outcome::Moved(route),
                        None => {
                            diags.error(
                                file,
                                self.line(to),
                                "transition-target",
                                format!(
                                    "{:?} is not an address of the portal: write its path without the language, like /pages/passport (an address on another site would chain redirects)",
                                    to.get_ref()
                                ),
                            );
                            continue;
                        }
                    }
                }
                (None, true) => {
                    let archive = a.archive.as_ref().map(|archive| {
                        let url = archive.get_ref();
                        if !(url.starts_with("https://") || url.starts_with("http://")) || url.contains(['"', ' ']) {
                            diags.error(
                                file,
                                self.line(archive),
                                "bad-link",
                                format!("archive {url:?} is not a web address"),
                            );
                        }
                        url.clone()
                    });
                    Outcome::Gone { archive }
                }
                (Some(_), true) => {
                    diags.error(file, line, "transition-address", "give either `to` or `gone = true`, not both");
                    continue;
                }
                (None, false) => {
                    diags.error(
                        file,
                        line,
                        "transition-address",
                        "say where it goes: `to = \"/pages/...\"` or `gone = true`",
                    );
                    continue;
                }
            };
            mappings.push(Mapping { line, key, outcome, lang, implied: a.lang.is_none() });
        }
        // nginx compares a map's strings ignoring case: two addresses that
        // differ only in case are one to it, and it would refuse to start.
        let mut seen: BTreeMap<Key, usize> = BTreeMap::new();
        for m in &mappings {
            let longest = self.hosts().iter().map(String::len).max().unwrap_or_default() + m.key.text().len();
            if longest > MAX_KEY {
                diags.error(
                    file,
                    m.line,
                    "transition-address",
                    format!("with the host, {longest} characters: the server's maps take at most {MAX_KEY}; map a shorter prefix"),
                );
            }
            if let Some(first) = seen.insert(m.key.lowercase(), m.line) {
                diags.error(
                    file,
                    m.line,
                    "transition-duplicate",
                    format!("this old address is mapped already, on line {first}"),
                );
            }
        }
        mappings
    }
}

/// The key an exact old address matches by: a path is decoded as nginx
/// decodes `$uri`; an address with a query is kept as the request line has it.
fn old_key(old: &str) -> Result<Key, String> {
    if !old.starts_with('/') {
        return Err(format!("{old:?}: write the old address from its path, starting with /"));
    }
    if old.bytes().any(|b| !(0x21..0x7f).contains(&b) || b"\"\\^[]{}|`<>".contains(&b)) {
        return Err(format!(
            "{old:?}: write spaces, quotes, brackets and letters outside latin as %XX, as the old links did"
        ));
    }
    if old.contains('?') {
        return Ok(Key::Query(old.to_owned()));
    }
    percent_decoded(old).map(Key::Path).ok_or_else(|| format!("{old:?}: a %XX that is not UTF-8"))
}

fn percent_decoded(path: &str) -> Option<String> {
    let bytes = path.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = std::str::from_utf8(bytes.get(i + 1..i + 3)?).ok()?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}

/// The longest host and address an nginx map here takes (its
/// `map_hash_bucket_size` is 256, less its own bookkeeping).
const MAX_KEY: usize = 230;

impl Key {
    fn text(&self) -> &str {
        match self {
            Key::Path(t) | Key::Query(t) | Key::Prefix(t) => t,
        }
    }

    fn lowercase(&self) -> Key {
        match self {
            Key::Path(t) => Key::Path(t.to_lowercase()),
            Key::Query(t) => Key::Query(t.to_lowercase()),
            Key::Prefix(t) => Key::Prefix(t.to_lowercase()),
        }
    }

    fn covers(&self, listed: &str) -> bool {
        match self {
            Key::Query(q) => q == listed,
            Key::Path(p) => percent_decoded(listed.split('?').next().unwrap_or_default()).as_deref() == Some(p),
            Key::Prefix(p) => listed.starts_with(p.as_str()),
        }
    }
}

/// Checks every old site: its body, its addresses, its list; `available`
/// holds the routes that exist in each language, to check the targets.
pub(crate) fn check(c: &Content, available: &BTreeMap<Lang, BTreeSet<Route>>, diags: &mut Diagnostics) {
    let mut hosts: BTreeMap<String, &Path> = BTreeMap::new();
    for site in &c.old_sites {
        let body = site.meta.body.get_ref();
        if !c.known.agencies.contains(body) {
            diags.error(
                &site.file,
                site.line(&site.meta.body),
                "reference",
                format!("body {body:?} is not in content/agencies/"),
            );
        }
        for host in site.hosts() {
            if !is_host(&host) {
                diags.error(&site.file, 0, "transition-host", format!("alias {host:?} is not a host name"));
            } else if let Some(other) = hosts.insert(host.clone(), &site.file) {
                diags.error(
                    &site.file,
                    0,
                    "transition-duplicate",
                    format!("host {host} is also in {}", other.display()),
                );
            }
        }
        for (mark, lang) in
            site.meta.language.marks.iter().map(|(m, l)| (Some(m), l)).chain([(None, &site.meta.language.default)])
        {
            if Lang::from_code(lang.get_ref()).is_none() {
                let what = mark.map(|m| format!("mark {m:?}: ")).unwrap_or_default();
                diags.error(
                    &site.file,
                    site.line(lang),
                    "transition-language",
                    format!("{what}{:?} is not kk, ru or en", lang.get_ref()),
                );
            }
        }
        let mappings = &site.mappings;
        for m in mappings {
            if let Outcome::Moved(route) = &m.outcome {
                let listed = available.get(&m.lang).is_some_and(|routes| routes.contains(route));
                if let Some(end) = c.redirects.target(route) {
                    diags.error(
                        &site.file,
                        m.line,
                        "redirect-chain",
                        format!(
                            "{} was removed and leads to {}: map to that",
                            route.neutral_path(),
                            end.neutral_path()
                        ),
                    );
                } else if !listed && !withdrawn_in(c, route, m.lang) {
                    diags.error(
                        &site.file,
                        m.line,
                        "transition-target",
                        format!("{} does not exist on the portal in {}", route.href(m.lang), m.lang.code()),
                    );
                }
            }
        }
        if let Some((urls, listed)) = &site.listed {
            for (line, address) in listed {
                if !mappings.iter().any(|m| m.key.covers(address)) {
                    diags.warning_about(
                        urls,
                        *line,
                        "unmapped-address",
                        address.clone(),
                        format!(
                            "{address} on {} is mapped to nothing: it goes to the body's page; map it or say it has gone",
                            site.host
                        ),
                    );
                }
            }
        }
    }
}

/// Whether `route` is an item its body withdrew that exists in `lang`: it
/// is in no list (so not among the routes the proof covers), but it is at
/// its address, with its notice, and an old address may lead there.
fn withdrawn_in(c: &Content, route: &Route, lang: Lang) -> bool {
    fn has<M: crate::model::Lifecycle, F>(items: &[crate::source::Source<M, F>], slug: &str, lang: Lang) -> bool {
        crate::by_slug(items, slug).is_some_and(|i| i.meta.withdrawn().is_some() && i.texts.contains_key(&lang))
    }
    match route {
        Route::Page(slug) => has(&c.pages, slug, lang),
        Route::NewsItem(slug) => has(&c.news, slug, lang),
        Route::Document(slug) => has(&c.documents, slug, lang),
        _ => false,
    }
}

/// The body an old site's file belongs to, for the quality report.
pub(crate) fn site_of<'a>(c: &'a Content, host: &str) -> Option<&'a OldSite> {
    c.old_sites.iter().find(|s| s.host == host)
}

/// The files the old hosts' server needs, by their path in the output.
pub(crate) fn outputs(c: &Content, options: &Options) -> Vec<(String, Vec<u8>)> {
    let portal = options.site_url.trim_end_matches('/');
    let quote = |s: &str| format!("\"{}\"", s.replace('\\', "\\\\").replace('"', "\\\""));
    // Old addresses hold none of ^ [ ] \ (see `old_key`), so a class quotes any other.
    let regex_literal = |s: &str| -> String {
        s.chars().map(|c| if ".+*?()$".contains(c) { format!("[{c}]") } else { c.to_string() }).collect()
    };
    let mut names = String::from("# The old hosts (content/transition/), written by the compiler.\n");
    let (mut paths, mut queries, mut fallback, mut list) = (String::new(), String::new(), String::new(), String::new());
    // Regular expressions are tried in the order written: the longest prefix first.
    let mut prefixes: Vec<(usize, String)> = vec![];
    let mut by_query: Vec<(usize, String)> = vec![];
    let mut files = vec![];
    for site in &c.old_sites {
        let hosts = site.hosts();
        let _ = writeln!(names, "server_name {};", hosts.join(" "));
        let body = site.meta.body.get_ref();
        let languages = &site.meta.language;
        let mut gone_pages = 0;
        for m in &site.mappings {
            let target = match &m.outcome {
                Outcome::Moved(route) => format!("{portal}{}", route.href(m.lang)),
                Outcome::Gone { archive } => {
                    gone_pages += 1;
                    let page = format!("/gone/{}/{gone_pages}.html", site.host);
                    files.push((format!("{OUTPUT_DIR}{page}"), gone_page(c, options, site, archive.as_deref())));
                    page
                }
            };
            for host in &hosts {
                let entry = |key: String| format!("{} {};\n", quote(&key), quote(&target));
                // Where the query says the language, the same path in another
                // language goes to the route in that one.
                if let (Outcome::Moved(route), Some(name), true) = (&m.outcome, &languages.query, m.implied) {
                    // Only addresses of plain characters: a regular expression of
                    // them matches the raw request as written.
                    let plain = |t: &str| t.bytes().all(|b| b.is_ascii_alphanumeric() || b"/_.~-".contains(&b));
                    // Exact paths before every prefix, longer prefixes before shorter.
                    let (path, rank) = match &m.key {
                        Key::Path(p) if plain(p) => (Some(format!("{}[?]", regex_literal(p))), usize::MAX),
                        Key::Prefix(p) if plain(p) => (Some(format!("{}[^?]*[?]", regex_literal(p))), p.len()),
                        _ => (None, 0),
                    };
                    let marks = languages.marks.iter().filter(|(mark, _)| plain(mark));
                    for (mark, lang) in path.iter().flat_map(|_| marks.clone()).filter(|_| plain(name)) {
                        let Some(lang) = Lang::from_code(lang.get_ref()) else { continue };
                        let key = format!(
                            "~^{}{}(.*&)?{name}={mark}(&|$)",
                            regex_literal(host),
                            path.as_deref().unwrap_or_default()
                        );
                        let line = format!("{} {};\n", quote(&key), quote(&format!("{portal}{}", route.href(lang))));
                        by_query.push((rank, line));
                    }
                }
                match &m.key {
                    Key::Path(p) => paths.push_str(&entry(format!("{host}{p}"))),
                    Key::Query(q) => queries.push_str(&entry(format!("{host}{q}"))),
                    Key::Prefix(p) => {
                        prefixes.push((p.len(), entry(format!("~^{}{}", regex_literal(host), regex_literal(p)))))
                    }
                }
                let old = match &m.key {
                    Key::Path(p) | Key::Query(p) => p.clone(),
                    Key::Prefix(p) => format!("{p}*"),
                };
                let status = if matches!(m.outcome, Outcome::Moved(_)) { 301 } else { 410 };
                let _ = writeln!(list, "https://{host}{old} {target} {status}");
            }
        }
        // Anything else goes to the body's page, in the language the address implies.
        let body_page = |lang: Lang| format!("{portal}{}", Route::Agency(body.clone()).href(lang));
        for host in &hosts {
            let h = regex_literal(host);
            if let Some(name) = &languages.query {
                for (mark, lang) in &languages.marks {
                    let Some(lang) = Lang::from_code(lang.get_ref()) else { continue };
                    let key = format!("~^{h}/[^?]*[?](.*&)?{name}={mark}(&|$)");
                    let _ = writeln!(fallback, "{} {};", quote(&key), quote(&body_page(lang)));
                }
            }
            for (mark, lang) in &languages.marks {
                let Some(lang) = Lang::from_code(lang.get_ref()) else { continue };
                let key = format!("~^{h}/{}(/|[?]|$)", regex_literal(mark));
                let _ = writeln!(fallback, "{} {};", quote(&key), quote(&body_page(lang)));
            }
            let default = Lang::from_code(languages.default.get_ref()).unwrap_or(Lang::Ru);
            let _ = writeln!(fallback, "{} {};", quote(&format!("~^{h}/")), quote(&body_page(default)));
        }
    }
    for (regexes, map) in [(prefixes, &mut paths), (by_query, &mut queries)] {
        let mut regexes = regexes;
        regexes.sort_by_key(|r| std::cmp::Reverse(r.0));
        regexes.into_iter().for_each(|(_, entry)| map.push_str(&entry));
    }
    let header = "# Entries of a map in deploy/nginx.conf, written by the compiler from content/transition/.\n";
    let header_portal = "# The portal's address (PORTAL_SITE_URL), written by the compiler.\n";
    files.push((format!("{OUTPUT_DIR}/hosts.conf"), names.into_bytes()));
    files.push((
        format!("{OUTPUT_DIR}/portal.map"),
        format!("{header_portal}default {};\n", quote(portal)).into_bytes(),
    ));
    files.push((format!("{OUTPUT_DIR}/paths.map"), format!("{header}{paths}").into_bytes()));
    files.push((format!("{OUTPUT_DIR}/queries.map"), format!("{header}{queries}").into_bytes()));
    files.push((format!("{OUTPUT_DIR}/fallback.map"), format!("{header}{fallback}").into_bytes()));
    files.push((
        format!("{OUTPUT_DIR}/redirects.txt"),
        format!("# old address, new address or page, status (docs/deploy.md: hosts without nginx)\n{list}")
            .into_bytes(),
    ));
    files
}

/// The old addresses still asked for that did not reach their new page,
/// from the old hosts' access log (`$host\t$status\t$transition_to\t$request_uri`
/// a line): per host, the most asked first, with what they got. Lines of
/// another format are counted and skipped.
pub fn still_requested(log: &str, top: usize) -> String {
    let mut asked: BTreeMap<&str, BTreeMap<(&str, &str), usize>> = BTreeMap::new();
    let mut skipped = 0;
    for line in log.lines().filter(|l| !l.trim().is_empty()) {
        let mut fields = line.splitn(4, '\t');
        let (Some(host), Some(status), Some(mapped), Some(address)) =
            (fields.next(), fields.next(), fields.next(), fields.next())
        else {
            skipped += 1;
            continue;
        };
        // nginx writes an empty variable as "-".
        let outcome = match (status, mapped) {
            ("410", _) => "gone",
            ("301", "-" | "") => "body's page",
            _ => continue,
        };
        *asked.entry(host).or_default().entry((address, outcome)).or_default() += 1;
    }
    let mut out = String::new();
    for (host, addresses) in &asked {
        let mut by_count: Vec<(&(&str, &str), &usize)> = addresses.iter().collect();
        by_count.sort_by(|a, b| b.1.cmp(a.1).then_with(|| a.0.cmp(b.0)));
        let total: usize = addresses.values().sum();
        let _ = writeln!(out, "{host}: {total} requests of {} addresses not mapped to a page", addresses.len());
        for ((address, outcome), count) in by_count.into_iter().take(top) {
            let _ = writeln!(out, "  {count:>6}  {address}  ({outcome})");
        }
    }
    if asked.is_empty() {
        out.push_str("every old address asked for reached its new page\n");
    }
    if skipped > 0 {
        let _ = writeln!(out, "({skipped} lines not in the old hosts' log format were skipped)");
    }
    out
}

/// The page an old address that has gone answers with, in the three
/// languages: what it was part of, where its archived copy is, the body's
/// page and a search of the portal.
fn gone_page(c: &Content, options: &Options, old: &OldSite, archive: Option<&str>) -> Vec<u8> {
    let portal = options.site_url.trim_end_matches('/');
    let body = old.meta.body.get_ref().as_str();
    let escape = |s: &str| s.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;");
    let mut html = String::from("<!DOCTYPE html>\n<html lang=\"kk\">\n<head>\n<meta charset=\"utf-8\">\n");
    html.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<meta name=\"robots\" content=\"noindex\">\n");
    html.push_str(
        "<title>Бұл бет жоқ · Этой страницы больше нет · This page has gone</title>\n</head>\n<body>\n<main>\n",
    );
    for lang in Lang::ALL {
        let words = Words::of(lang);
        let name = agency_ref(c, lang, body).map(|r| r.name).unwrap_or_else(|| body.to_owned());
        let body_href = format!("{portal}{}", Route::Agency(body.to_owned()).href(lang));
        let site = c.site.text_or_any(lang).map(|t| t.front.name.clone()).unwrap_or_default();
        let _ = write!(
            html,
            "<section lang=\"{code}\" aria-labelledby=\"gone-{code}\">\n<h1 id=\"gone-{code}\">{title}</h1>\n<p>{was} <a href=\"{body_href}\">{name}</a> ({host}, {closed} {date}).</p>\n<p>{moved} <a href=\"{portal}/{code}\">{site}</a></p>\n",
            code = lang.code(),
            title = words.title,
            was = words.was_of,
            name = escape(&name),
            host = old.host,
            closed = words.closed,
            date = old.meta.closed.0,
            moved = words.moved,
            site = escape(&site),
        );
        if let Some(archive) = archive {
            let _ = writeln!(html, "<p><a href=\"{}\">{}</a></p>", escape(archive), words.archive);
        }
        let _ = write!(
            html,
            "<form action=\"{portal}/{code}/search\" method=\"get\" role=\"search\">\n<label for=\"q-{code}\">{search}</label>\n<input type=\"search\" id=\"q-{code}\" name=\"q\">\n<button type=\"submit\">{find}</button>\n</form>\n</section>\n",
            code = lang.code(),
            search = words.search,
            find = words.find,
        );
    }
    html.push_str("</main>\n</body>\n</html>\n");
    html.into_bytes()
}

/// What the page of an address that has gone says, in one language.
struct Words {
    title: &'static str,
    was_of: &'static str,
    closed: &'static str,
    moved: &'static str,
    archive: &'static str,
    search: &'static str,
    find: &'static str,
}

impl Words {
    fn of(lang: Lang) -> Words {
        match lang {
            Lang::Kk => Words {
                title: "Бұл бет жоқ",
                was_of: "Бұл мекенжай бұрын мына органның сайтында болған:",
                closed: "сайт жабылған күні:",
                moved: "Оның беттері енді порталда:",
                archive: "Беттің мұрағаттағы көшірмесі",
                search: "Порталдан іздеу",
                find: "Іздеу",
            },
            Lang::Ru => Words {
                title: "Этой страницы больше нет",
                was_of: "Этот адрес был на сайте органа:",
                closed: "сайт закрыт",
                moved: "Его страницы теперь на портале:",
                archive: "Архивная копия страницы",
                search: "Поиск по порталу",
                find: "Найти",
            },
            Lang::En => Words {
                title: "This page has gone",
                was_of: "This address was on the site of",
                closed: "closed on",
                moved: "Its pages are now on the portal:",
                archive: "An archived copy of the page",
                search: "Search the portal",
                find: "Search",
            },
        }
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_addresses_still_asked_for_are_counted_per_host_most_asked_first() {
        let log = "www.old.kz\t301\thttps://portal.kz/ru/pages/passport\t/ru/passport\n\
                   www.old.kz\t301\t-\t/ru/gallery\n\
                   www.old.kz\t410\t-\t/ru/tenders\n\
                   www.old.kz\t301\t-\t/ru/gallery\n\
                   kgd.kz\t410\t-\t/kk/arhiv\n\
                   not a log line\n";
        let report = super::still_requested(log, 10);
        assert_eq!(
            report,
            "kgd.kz: 1 requests of 1 addresses not mapped to a page\n       1  /kk/arhiv  (gone)\n\
             www.old.kz: 3 requests of 2 addresses not mapped to a page\n       2  /ru/gallery  (body's page)\n       1  /ru/tenders  (gone)\n\
             (1 lines not in the old hosts' log format were skipped)\n"
        );
    }
}
