//! Draft acts open for public discussion (`content/drafts/<slug>/`): their
//! rules, their files, their API documents. A draft's status follows its
//! dates on the day of the build, so a deployment rebuilds daily.

use super::*;
use crate::docs::{json, unavailable};
use crate::model::DraftFileEntry;
use crate::profile::{check_source, fact_source};
use crate::publications::{attachment, card_of_document, check_file};

/// How many closed and adopted drafts the list shows before the archive.
pub const LATEST_ENDED_DRAFTS: usize = 20;

/// How many closed and adopted drafts a body's page shows before the archive.
pub const LATEST_ENDED_ON_BODY_PAGE: usize = 5;

/// A draft's files, read once for the build, by draft.
pub(crate) type DraftFiles = BTreeMap<String, Vec<(DraftFileRole, Attachment, Vec<u8>)>>;

/// A draft's own rules; its references are checked with every other item's (check.rs).
pub(crate) fn check(c: &Content, options: &Options, diags: &mut Diagnostics) {
    for d in &c.drafts {
        let (file, m) = (&d.meta_file, &d.meta);
        match &m.opens {
            Some(opens) if m.closes.get_ref() < opens.get_ref() => {
                let message = format!("closes {} is before opens {}", m.closes.get_ref().0, opens.get_ref().0);
                diags.error(file, d.meta_line(&m.closes), "date", message);
            }
            Some(_) => {}
            None => diags.warning_about(
                file,
                d.meta_line(&m.closes),
                "incomplete",
                "opens",
                "the day the discussion opened is not given: add opens = YYYY-MM-DD from where the draft was published",
            ),
        }
        if !m.comments_url.get_ref().starts_with("https://") {
            let message = "comments_url must be the https:// address where comments are submitted";
            diags.error(file, d.meta_line(&m.comments_url), "bad-link", message);
        }
        check_source(diags, file, d.meta_line(&m.source), "a draft act", Some(m.source.get_ref()), &options.today);
        if d.slug == route::RESERVED_DRAFT_SLUG {
            let message = format!("{:?} names the drafts archive; choose another slug", d.slug);
            diags.error(file.parent().unwrap_or(file), 0, "slug", message);
        }
        let folder = file.parent().unwrap_or(file);
        let mut seen = BTreeSet::new();
        for entry in &m.files {
            let DraftFileEntry { role, lang, file: name } = entry.get_ref();
            if !seen.insert((*role, *lang)) {
                let message = format!("a second {role:?} file in {}: one of each per language", lang.code());
                diags.error(file, d.meta_line(entry), "attachment", message);
            }
            check_file(diags, file, d.meta_line(entry), folder, name);
        }
        // What the discussion needs: the text of the draft and its explanatory note.
        let missing: Vec<&str> =
            [(DraftFileRole::Draft, "draft"), (DraftFileRole::ExplanatoryNote, "explanatory note")]
                .into_iter()
                .filter(|(role, _)| !m.files.iter().any(|f| f.get_ref().role == *role))
                .map(|(_, name)| name)
                .collect();
        if !missing.is_empty() {
            let missing = missing.join(", ");
            diags.warning_about(file, 0, "no-attachment", &missing, format!("the draft has no file of its {missing}"));
        }
    }
}

pub(crate) fn files(c: &Content) -> DraftFiles {
    c.drafts
        .iter()
        .map(|d| {
            let folder = d.meta_file.parent().expect("meta.toml is in a folder");
            let files = d
                .meta
                .files
                .iter()
                .filter_map(|entry| {
                    let DraftFileEntry { role, lang, file } = entry.get_ref();
                    let href = format!("{FILES_DIR}drafts/{}/{file}", d.slug);
                    attachment(folder, file, *lang, href).map(|(a, bytes)| (*role, a, bytes))
                })
                .collect();
            (d.slug.clone(), files)
        })
        .collect()
}

fn status(d: &Draft, options: &Options) -> DiscussionStatus {
    DiscussionStatus::on(
        &options.today,
        d.meta.opens.as_ref().map(|o| o.get_ref().0.as_str()),
        &d.meta.closes.get_ref().0,
        d.meta.adopted.is_some(),
    )
}

/// Every draft in `lang`, as the list orders them: open ones closing soonest
/// first, then upcoming ones opening soonest, then closed and adopted ones,
/// latest first. A draft with no text in `lang` is listed under a title it has.
pub(crate) fn cards(c: &Content, lang: Lang, options: &Options, agency: Option<&str>) -> Vec<DraftCard> {
    let drafts: Box<dyn Iterator<Item = &Draft>> = match agency {
        Some(a) => Box::new(c.drafts_of(a)),
        None => Box::new(c.drafts.iter()),
    };
    let mut cards: Vec<DraftCard> = drafts
        .filter_map(|d| {
            Some(DraftCard {
                slug: d.slug.clone(),
                title: d.text_or_any(lang)?.front.title.clone(),
                agency: agency_ref(c, lang, d.meta.agency.get_ref())?,
                doc_type: d.meta.doc_type,
                opens: d.meta.opens.as_ref().map(|o| o.get_ref().0.clone()),
                closes: d.meta.closes.get_ref().0.clone(),
                discussion: status(d, options),
            })
        })
        .collect();
    cards.sort_by(|a, b| {
        let by_date = match a.discussion {
            DiscussionStatus::Open => a.closes.cmp(&b.closes),
            DiscussionStatus::Upcoming => a.opens.cmp(&b.opens),
            DiscussionStatus::Closed | DiscussionStatus::Adopted => b.closes.cmp(&a.closes),
        };
        a.discussion.cmp(&b.discussion).then(by_date).then_with(|| a.slug.cmp(&b.slug))
    });
    cards
}

/// The drafts a list shows, from `all` in list order: every one a reader can
/// still comment on and the latest `ended` that ended; and how many more
/// ended ones are only in the archive by year. Lists stay short however
/// many drafts a body puts out.
pub(crate) fn current(all: &[DraftCard], ended: usize) -> (Vec<DraftCard>, usize) {
    let (mut shown, mut seen) = (Vec::new(), 0);
    for d in all {
        match d.discussion {
            DiscussionStatus::Open | DiscussionStatus::Upcoming => shown.push(d.clone()),
            DiscussionStatus::Closed | DiscussionStatus::Adopted => {
                seen += 1;
                if seen <= ended {
                    shown.push(d.clone());
                }
            }
        }
    }
    (shown, seen.saturating_sub(ended))
}

/// The year a draft is archived under: the one its discussion opened in,
/// or closed in where the first day is not known.
fn year(card: &DraftCard) -> &str {
    &card.opens.as_deref().unwrap_or(&card.closes)[..4]
}

/// The day whose year files a draft in the archive ([`year`]), `YYYY-MM-DD`.
pub(crate) fn year_day(d: &Draft) -> &str {
    &d.meta.opens.as_ref().unwrap_or(&d.meta.closes).get_ref().0
}

/// The years with drafts, `YYYY`, in any language.
pub(crate) fn years(c: &Content) -> BTreeSet<&str> {
    c.drafts.iter().map(|d| &year_day(d)[..4]).collect()
}

pub(crate) fn build(c: &Content, lang: Lang, options: &Options, files: &DraftFiles, docs: &mut Docs) {
    let site_file = &c.site.meta_file;
    let all = cards(c, lang, options, None);
    let list = DraftsDoc {
        generated: options.today.clone(),
        drafts: current(&all, LATEST_ENDED_DRAFTS).0,
        years: crate::publications::periods(all.iter().map(year), 4),
    };
    docs.emit(lang, Route::Drafts, json(&list), Some(nav::drafts_links(&list)), site_file);
    // Every year with drafts in any language has its document in every
    // language, so a link to it never breaks.
    for y in years(c) {
        let doc = DraftsYearDoc {
            year: y.to_owned(),
            generated: options.today.clone(),
            drafts: all.iter().filter(|d| year(d) == y).cloned().collect(),
        };
        let links = (!doc.drafts.is_empty()).then(|| nav::drafts_year_links(&doc));
        docs.emit(lang, Route::DraftsYear(y.to_owned()), json(&doc), links, site_file);
    }
    for d in &c.drafts {
        let route = Route::Draft(d.slug.clone());
        let Some(text) = d.texts.get(&lang) else {
            let doc = Item::<DraftDoc>::Unavailable(unavailable(d, |f| &f.title));
            docs.emit(lang, route, json(&doc), None, &d.meta_file);
            continue;
        };
        let m = &d.meta;
        let doc = DraftDoc {
            slug: d.slug.clone(),
            title: text.front.title.clone(),
            summary: text.front.summary.clone(),
            body: text.body.blocks.clone(),
            agency: agency_ref(c, lang, m.agency.get_ref()).expect("checked"),
            doc_type: m.doc_type,
            opens: m.opens.as_ref().map(|o| o.get_ref().0.clone()),
            closes: m.closes.get_ref().0.clone(),
            discussion: status(d, options),
            generated: options.today.clone(),
            comments_url: m.comments_url.get_ref().clone(),
            files: files[&d.slug].iter().map(|(role, file, _)| DraftFile { role: *role, file: file.clone() }).collect(),
            adopted: m.adopted.as_ref().and_then(|a| card_of_document(c, lang, a.get_ref())),
            source: fact_source(m.source.get_ref()),
            languages: d.languages(),
            posted: crate::docs::day(&m.posted),
            updated: crate::docs::day(&m.updated),
        };
        let links = nav::draft_links(&doc);
        docs.emit(lang, route, json(&Item::Available(doc)), Some(links), &d.meta_file);
    }
}
