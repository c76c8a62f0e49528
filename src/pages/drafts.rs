//! Draft acts for public discussion: the list with its status filter
//! (`/{lang}/drafts?status=open`), the archive by year
//! (`/{lang}/drafts/archive/{YYYY}`) and a draft's page (`/{lang}/drafts/{slug}`).

use crate::app::use_lang;
use crate::components::blocks::ExternalLink;
use crate::components::filters::chosen_filters;
use crate::components::publications::{doc_type_label, FileItem};
use crate::components::{fetched, item_page, Blocks, Breadcrumbs, PageHeading, PostedAndUpdated};
use crate::format;
use crate::i18n::*;
use crate::language::locale_of;
use crate::routes::{query_string, use_slug, AppUrl};
use leptos::prelude::*;
use portal_content::{
    DiscussionStatus, DraftCard, DraftDoc, DraftFileRole, DraftsDoc, DraftsYearDoc, Lang, PeriodCount, Route,
};

/// The query parameter of the status filter.
const STATUS: &str = "status";

pub fn status_label(status: DiscussionStatus, lang: Lang) -> String {
    match status {
        DiscussionStatus::Open => td_string!(locale_of(lang), draft_status_open),
        DiscussionStatus::Upcoming => td_string!(locale_of(lang), draft_status_upcoming),
        DiscussionStatus::Closed => td_string!(locale_of(lang), draft_status_closed),
        DiscussionStatus::Adopted => td_string!(locale_of(lang), draft_status_adopted),
    }
    .to_string()
}

/// When the discussion runs, or until when where its first day is not known.
fn discussion_dates(opens: Option<&str>, closes: &str, lang: Lang) -> String {
    let closes = format::date(closes, lang);
    match opens {
        Some(opens) => {
            td_string!(locale_of(lang), draft_dates, opens = format::date(opens, lang), closes = closes).to_string()
        }
        None => td_string!(locale_of(lang), draft_dates_until, closes = closes).to_string(),
    }
}

/// Every draft act, open ones first; the filter shows one status. The
/// filter is a list of links, so it works as links do without scripts
/// (the page then shows every status, each under its heading).
#[component]
pub fn DraftsPage() -> impl IntoView {
    let lang = use_lang();
    let chosen = chosen_filters(&[STATUS]);
    move || {
        let lang = lang.get();
        fetched(Route::Drafts, lang, move |doc: DraftsDoc| {
            let generated = format::date(&doc.generated, lang);
            let drafts = doc.drafts;
            // Some ended drafts are only in the archive: say so where they would be.
            let archived = doc.years.iter().map(|y| y.count as usize).sum::<usize>() > drafts.len();
            let years = doc.years;
            view! {
                <Breadcrumbs lang trail=vec![] />
                <PageHeading text=td_string!(locale_of(lang), drafts_title).to_string() />
                <p class="lead">{td!(locale_of(lang), drafts_summary)}</p>
                <p>{td!(locale_of(lang), drafts_as_of, date = generated)}</p>
                {move || {
                    let status = chosen.get().get(STATUS).and_then(|s| DiscussionStatus::from_code(s));
                    let drafts = drafts.clone();
                    untrack(move || {
                        // Only the filter makes the list again, not a string it reads
                        // (hydration must meet the HTML the build wrote).
                        view! {
                            <StatusFilter lang drafts=drafts.clone() chosen=status />
                            {DiscussionStatus::ALL
                                .into_iter()
                                .filter(|s| status.is_none_or(|chosen| chosen == *s))
                                .map(|s| {
                                    let of_status: Vec<DraftCard> = drafts
                                        .iter()
                                        .filter(|d| d.discussion == s)
                                        .cloned()
                                        .collect();
                                    let id = format!("drafts-{}", s.code());
                                    view! {
                                        <section aria-labelledby=id.clone()>
                                            <h2 id=id.clone()>{status_label(s, lang)} " (" {of_status.len()} ")"</h2>
                                            {if of_status.is_empty() {
                                                view! { <p>{td!(locale_of(lang), drafts_none)}</p> }.into_any()
                                            } else {
                                                view! { <DraftList lang drafts=of_status /> }.into_any()
                                            }}
                                        </section>
                                    }
                                })
                                .collect_view()}
                        }
                    })
                }}
                {archived.then(|| view! { <p>{td!(locale_of(lang), drafts_latest_note)}</p> })}
                <YearArchive lang years />
            }
        })
    }
}

/// Every year a discussion opened in, newest first: each a link to its archive.
#[component]
fn YearArchive(lang: Lang, years: Vec<PeriodCount>) -> impl IntoView {
    (!years.is_empty()).then(|| {
        view! {
            <section aria-labelledby="drafts-archive-heading">
                <h2 id="drafts-archive-heading">{td!(locale_of(lang), drafts_archive_heading)}</h2>
                <p>{td!(locale_of(lang), drafts_archive_intro)}</p>
                <ul class="archive-list">
                    {years
                        .into_iter()
                        .map(|y| {
                            view! {
                                <li>
                                    <a href=Route::DraftsYear(y.period.clone())
                                        .url(lang)>{format!("{} ({})", y.period, y.count)}</a>
                                </li>
                            }
                        })
                        .collect_view()}
                </ul>
            </section>
        }
    })
}

/// `/{lang}/drafts/archive/{YYYY}`: every draft whose discussion opened in one year.
#[component]
pub fn DraftsYearPage() -> impl IntoView {
    let (lang, year) = (use_lang(), use_slug());
    move || {
        let (lang, year) = (lang.get(), year.get());
        fetched(Route::DraftsYear(year), lang, move |doc: DraftsYearDoc| {
            let generated = format::date(&doc.generated, lang);
            view! {
                <Breadcrumbs lang trail=vec![(td_string!(locale_of(lang), drafts_title).to_string(), Route::Drafts)] />
                <PageHeading text=td_string!(locale_of(lang), drafts_year_title, year = doc.year).to_string() />
                <p>{td!(locale_of(lang), drafts_as_of, date = generated)}</p>
                <DraftList lang drafts=doc.drafts />
            }
        })
    }
}

/// Links to the list of one status, with how many each has; the chosen one is the current page.
#[component]
fn StatusFilter(lang: Lang, drafts: Vec<DraftCard>, chosen: Option<DiscussionStatus>) -> impl IntoView {
    let link = move |status: Option<DiscussionStatus>, label: String, count: usize| {
        let href = match status {
            Some(s) => format!("{}?{}", Route::Drafts.url(lang), query_string([(STATUS, s.code())])),
            None => Route::Drafts.url(lang),
        };
        let current = (status == chosen).then_some("page");
        view! {
            <li>
                <a href=href aria-current=current>
                    {format!("{label} ({count})")}
                </a>
            </li>
        }
    };
    view! {
        <nav class="status-filter" aria-label=td_string!(locale_of(lang), drafts_filter).to_string()>
            <ul>
                {link(None, td_string!(locale_of(lang), drafts_all).to_string(), drafts.len())}
                {DiscussionStatus::ALL
                    .into_iter()
                    .map(|s| link(Some(s), status_label(s, lang), drafts.iter().filter(|d| d.discussion == s).count()))
                    .collect_view()}
            </ul>
        </nav>
    }
}

/// Draft acts with their body, type, the dates of their discussion and its status.
#[component]
pub fn DraftList(lang: Lang, drafts: Vec<DraftCard>) -> impl IntoView {
    view! {
        <ul class="card-list publication-list">
            {drafts
                .into_iter()
                .map(|d| {
                    let dates = discussion_dates(d.opens.as_deref(), &d.closes, lang);
                    view! {
                        <li class="card">
                            <a class="card-link" href=Route::Draft(d.slug.clone()).url(lang)>
                                {d.title}
                            </a>
                            <p class="card-meta">
                                {doc_type_label(d.doc_type, lang)} " · " {dates} " · "
                                <span class="card-status">{status_label(d.discussion, lang)}</span>
                            </p>
                            <p class="card-summary">{d.agency.name}</p>
                        </li>
                    }
                })
                .collect_view()}
        </ul>
    }
}

/// One draft act: its status and dates, where to comment, its files, its text.
#[component]
pub fn DraftPage() -> impl IntoView {
    item_page(Route::Draft, move |d: DraftDoc, lang| {
        let dates = discussion_dates(d.opens.as_deref(), &d.closes, lang);
        let as_of = td_string!(locale_of(lang), drafts_as_of, date = format::date(&d.generated, lang)).to_string();
        let open = d.discussion == DiscussionStatus::Open;
        let files = d
            .files
            .into_iter()
            .map(|f| {
                let label = match f.role {
                    DraftFileRole::Draft => td_string!(locale_of(lang), draft_file_draft),
                    DraftFileRole::ExplanatoryNote => td_string!(locale_of(lang), draft_file_note),
                    DraftFileRole::ComparisonTable => td_string!(locale_of(lang), draft_file_table),
                };
                view! { <FileItem file=f.file lang label=Some(label.to_string()) /> }
            })
            .collect_view();
        view! {
            <Breadcrumbs lang trail=vec![(td_string!(locale_of(lang), drafts_title).to_string(), Route::Drafts)] />
            <article class="content-page draft">
                <PageHeading text=d.title />
                <p class="lead">{d.summary}</p>
                <dl class="at-a-glance">
                    <div>
                        <dt>{td!(locale_of(lang), draft_status)}</dt>
                        <dd>{status_label(d.discussion, lang)} " " <small>"(" {as_of} ")"</small></dd>
                    </div>
                    <div>
                        <dt>{td!(locale_of(lang), draft_discussion)}</dt>
                        <dd>{dates}</dd>
                    </div>
                    <div>
                        <dt>{td!(locale_of(lang), responsible_body)}</dt>
                        <dd>
                            <a href=Route::Agency(d.agency.slug.clone()).url(lang)>{d.agency.name}</a>
                        </dd>
                    </div>
                    <div>
                        <dt>{td!(locale_of(lang), draft_type)}</dt>
                        <dd>{doc_type_label(d.doc_type, lang)}</dd>
                    </div>
                </dl>
                <p>
                    <ExternalLink href=d
                        .comments_url>
                        {if open {
                            td!(locale_of(lang), draft_comment).into_any()
                        } else {
                            td!(locale_of(lang), draft_comments_page).into_any()
                        }}
                    </ExternalLink>
                </p>
                {d
                    .adopted
                    .map(|a| {
                        view! {
                            <p>
                                {td!(locale_of(lang), draft_adopted_as)} " "
                                <a href=Route::Document(a.slug.clone()).url(lang)>{a.title}</a>
                            </p>
                        }
                    })}
                <section aria-labelledby="files-heading">
                    <h2 id="files-heading">{td!(locale_of(lang), doc_files_heading)}</h2>
                    <ul class="files">{files}</ul>
                </section>
                <Blocks blocks=d.body lang />
                <dl class="page-meta">
                    <PostedAndUpdated posted=d.posted updated=d.updated lang />
                </dl>
            </article>
        }
    })
}
