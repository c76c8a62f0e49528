use crate::app::use_lang;
use crate::components::{fetched, Breadcrumbs, PageHeading};
use crate::format;
use crate::i18n::*;
use crate::language::locale_of;
use crate::routes::AppUrl;
use leptos::prelude::*;
use portal_content::{AgencyQuality, Lang, Problem, ProblemKind, QualityDoc, Route};

/// The content quality report: totals, a chart and a table per state body,
/// and every problem an editor must fix, linked to its page.
#[component]
pub fn QualityPage() -> impl IntoView {
    let lang = use_lang();
    move || {
        let lang = lang.get();
        fetched(Route::Quality, lang, move |doc: QualityDoc| {
            let names: std::collections::BTreeMap<String, String> =
                doc.agencies.iter().map(|a| (a.slug.clone(), a.name.clone())).collect();
            let (with_problems, clean): (Vec<AgencyQuality>, Vec<AgencyQuality>) =
                doc.agencies.into_iter().partition(|a| a.total() > 0);
            let clean_count = clean.len();
            view! {
                <Breadcrumbs lang trail=vec![] />
                <PageHeading text=td_string!(locale_of(lang), quality_title).to_string() />
                <p class="lead">{td!(locale_of(lang), quality_summary)}</p>
                <dl class="page-meta">
                    <div>
                        <dt>{td!(locale_of(lang), quality_checked)}</dt>
                        <dd>
                            <time datetime=doc.generated.clone()>{format::date(&doc.generated, lang)}</time>
                        </dd>
                    </div>
                    <div>
                        <dt>{td!(locale_of(lang), quality_items_checked)}</dt>
                        <dd>{doc.items_checked}</dd>
                    </div>
                </dl>
                <h2>{td!(locale_of(lang), quality_totals_heading)}</h2>
                <ul class="quality-totals">
                    {doc
                        .totals
                        .into_iter()
                        .map(|c| {
                            view! {
                                <li>
                                    <span class="quality-figure">{c.count}</span>
                                    " "
                                    {problem_label(lang, c.kind)}
                                </li>
                            }
                        })
                        .collect_view()}
                </ul>
                <p>{td!(locale_of(lang), quality_clean_bodies, count = clean_count)}</p>
                {(!with_problems.is_empty())
                    .then(|| {
                        view! {
                            <QualityChart agencies=with_problems.clone() lang />
                            <QualityTable agencies=with_problems.clone() lang />
                        }
                    })}
                <ProblemList lang problems=doc.problems agencies=with_problems />
                {doc.readers.map(|readers| view! { <ReadersTable lang readers names=names.clone() /> })}
            }
        })
    }
}

/// What a kind of problem is called in `lang`.
pub fn problem_label(lang: Lang, kind: ProblemKind) -> String {
    let locale = locale_of(lang);
    match kind {
        ProblemKind::DeadLink => td_string!(locale, problem_dead_link),
        ProblemKind::TooDeep => td_string!(locale, problem_too_deep),
        ProblemKind::BadLink => td_string!(locale, problem_bad_link),
        ProblemKind::MissingTranslation => td_string!(locale, problem_missing_translation),
        ProblemKind::Incomplete => td_string!(locale, problem_incomplete),
        ProblemKind::Stale => td_string!(locale, problem_stale),
        ProblemKind::NoRecentNews => td_string!(locale, problem_no_recent_news),
        ProblemKind::MissingRequisites => td_string!(locale, problem_missing_requisites),
        ProblemKind::Attachment => td_string!(locale, problem_attachment),
        ProblemKind::NoTextVersion => td_string!(locale, problem_no_text_version),
        ProblemKind::MandatoryInformation => td_string!(locale, problem_mandatory_information),
        ProblemKind::Unmapped => td_string!(locale, problem_unmapped),
        ProblemKind::Late => td_string!(locale, problem_late),
    }
    .to_string()
}

/// One bar per state body with problems. The names and figures are HTML
/// text, so they reflow and scale with the reader's text size; only the
/// bars are SVG, hidden from screen readers because the figure is beside them.
#[component]
fn QualityChart(agencies: Vec<AgencyQuality>, lang: Lang) -> impl IntoView {
    let max = agencies.iter().map(AgencyQuality::total).max().unwrap_or(1).max(1);
    // The heading stands before the figure: a figure's caption must be its first or last child.
    view! {
        <h2 id="quality-chart-heading">{td!(locale_of(lang), quality_chart_heading)}</h2>
        <figure class="quality-chart" aria-labelledby="quality-chart-heading">
            <figcaption>{td!(locale_of(lang), quality_chart_text)}</figcaption>
            <ol class="bar-list">
                {agencies
                    .iter()
                    .map(|a| {
                        let n = a.total();
                        let width = format!("{:.1}", f64::from(n) * 100.0 / f64::from(max));
                        view! {
                            <li class="bar-row">
                                <span class="bar-label">{a.name.clone()}</span>
                                <span class="bar-track">
                                    <svg
                                        class="bar"
                                        viewBox="0 0 100 10"
                                        preserveAspectRatio="none"
                                        aria-hidden="true"
                                        focusable="false"
                                    >
                                        <rect x="0" y="0" width=width height="10" />
                                    </svg>
                                    <span class="bar-value">{n}</span>
                                </span>
                            </li>
                        }
                    })
                    .collect_view()}
            </ol>
        </figure>
    }
}

/// What readers told the bodies through the feedback service, where the
/// build was given its counts: the pages they reported, most reports first.
#[component]
fn ReadersTable(
    lang: Lang,
    readers: portal_content::ReadersSaid,
    names: std::collections::BTreeMap<String, String>,
) -> impl IntoView {
    let counted = readers.counted.get(..10).unwrap_or(&readers.counted).to_owned();
    let table = (!readers.pages.is_empty()).then(|| {
        view! {
            <div class="table-wrap" role="region" aria-labelledby="quality-readers-caption" tabindex="0">
                <table class="readers-table">
                    <caption id="quality-readers-caption">{td!(locale_of(lang), quality_readers_caption)}</caption>
                    <thead>
                        <tr>
                            <th scope="col">{td!(locale_of(lang), quality_readers_page)}</th>
                            <th scope="col">{td!(locale_of(lang), quality_body)}</th>
                            <th scope="col">{td!(locale_of(lang), quality_readers_reports)}</th>
                            <th scope="col">{td!(locale_of(lang), quality_readers_yes)}</th>
                            <th scope="col">{td!(locale_of(lang), quality_readers_no)}</th>
                        </tr>
                    </thead>
                    <tbody>
                        {readers
                            .pages
                            .into_iter()
                            .map(|p| {
                                let href = Route::parse_neutral(&p.path).map(|r| r.url(lang)).unwrap_or_default();
                                let body = match &p.agency {
                                    Some(slug) => names.get(slug).cloned().unwrap_or_else(|| slug.clone()),
                                    None => td_string!(locale_of(lang), quality_portal_items).to_string(),
                                };
                                view! {
                                    <tr>
                                        <th scope="row">
                                            <a href=href>{p.title}</a>
                                        </th>
                                        <td>{body}</td>
                                        <td>{p.reports}</td>
                                        <td>{p.useful_yes}</td>
                                        <td>{p.useful_no}</td>
                                    </tr>
                                }
                            })
                            .collect_view()}
                    </tbody>
                </table>
            </div>
        }
    });
    view! {
        <h2>{td!(locale_of(lang), quality_readers_heading)}</h2>
        <p>
            {td!(locale_of(lang), quality_readers_counted)} " "
            <time datetime=counted.clone()>{format::date(&counted, lang)}</time>
        </p>
        {match table {
            Some(table) => table.into_any(),
            None => view! { <p>{td!(locale_of(lang), quality_readers_none)}</p> }.into_any(),
        }}
    }
}

/// The chart's figures by kind of problem, as a table.
#[component]
fn QualityTable(agencies: Vec<AgencyQuality>, lang: Lang) -> impl IntoView {
    let kinds: Vec<ProblemKind> =
        agencies.first().map(|a| a.counts.iter().map(|c| c.kind).collect()).unwrap_or_default();
    view! {
        <div class="table-wrap" role="region" aria-labelledby="quality-table-caption" tabindex="0">
            <table class="quality-table">
                <caption id="quality-table-caption">{td!(locale_of(lang), quality_table_caption)}</caption>
                <thead>
                    <tr>
                        <th scope="col">{td!(locale_of(lang), quality_body)}</th>
                        <th scope="col">{td!(locale_of(lang), quality_items)}</th>
                        {kinds.iter().map(|&k| view! { <th scope="col">{problem_label(lang, k)}</th> }).collect_view()}
                        <th scope="col">{td!(locale_of(lang), quality_total)}</th>
                    </tr>
                </thead>
                <tbody>
                    {agencies
                        .into_iter()
                        .map(|a| {
                            let total = a.total();
                            view! {
                                <tr>
                                    <th scope="row">{a.name}</th>
                                    <td>{a.items}</td>
                                    {a.counts.into_iter().map(|c| view! { <td>{c.count}</td> }).collect_view()}
                                    <td>{total}</td>
                                </tr>
                            }
                        })
                        .collect_view()}
                </tbody>
            </table>
        </div>
    }
}

/// Every problem, grouped by state body, each linked to the page to fix.
#[component]
fn ProblemList(lang: Lang, problems: Vec<Problem>, agencies: Vec<AgencyQuality>) -> impl IntoView {
    if problems.is_empty() {
        return view! {
            <h2>{td!(locale_of(lang), quality_list_heading)}</h2>
            <p>{td!(locale_of(lang), quality_none)}</p>
        }
        .into_any();
    }
    // Problems arrive in the order of the agencies, the portal's own last.
    let mut groups: Vec<(AgencyQuality, Vec<Problem>)> = agencies.into_iter().map(|a| (a, vec![])).collect();
    let mut own = vec![];
    for p in problems {
        match p.agency.as_ref().and_then(|s| groups.iter_mut().find(|(a, _)| &a.slug == s)) {
            Some((_, list)) => list.push(p),
            None => own.push(p),
        }
    }
    view! {
        <h2>{td!(locale_of(lang), quality_list_heading)}</h2>
        {groups
            .into_iter()
            .filter(|(_, list)| !list.is_empty())
            .map(|(agency, list)| {
                let title = view! { <a href=Route::Agency(agency.slug).url(lang)>{agency.name}</a> };
                view! { <ProblemGroup title=title.into_any() list lang /> }
            })
            .collect_view()}
        {(!own.is_empty())
            .then(|| {
                view! {
                    <ProblemGroup
                        title=td_string!(locale_of(lang), quality_portal_items).to_string().into_any()
                        list=own
                        lang
                    />
                }
            })}
    }
    .into_any()
}

#[component]
fn ProblemGroup(title: AnyView, list: Vec<Problem>, lang: Lang) -> impl IntoView {
    view! {
        <section class="problem-group">
            <h3>{title}</h3>
            <ul class="problem-list">
                {list
                    .into_iter()
                    .map(|p| {
                        let href = Route::parse_neutral(&p.path).map(|r| r.url(lang)).unwrap_or_default();
                        let location = if p.line > 0 { format!("{}:{}", p.file, p.line) } else { p.file.clone() };
                        view! {
                            <li>
                                <a href=href>{p.title}</a>
                                " — "
                                {problem_label(lang, p.kind)}
                                {(!p.detail.is_empty()).then(|| format!(": {}", detail_text(p.kind, &p.detail, lang)))}
                                <span class="problem-file">
                                    " ("{td!(locale_of(lang), quality_where)}": " <code>{location}</code>")"
                                </span>
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
        </section>
    }
}

/// A problem's detail as the reader's language says it: the sections a body
/// lacks by their headings on its page; other details (dates, languages,
/// addresses, field names) as they are.
fn detail_text(kind: ProblemKind, detail: &str, lang: Lang) -> String {
    if kind != ProblemKind::MandatoryInformation {
        return detail.to_owned();
    }
    let section = |name: &str| -> String {
        match name {
            "leadership" => td_string!(locale_of(lang), leadership_heading).to_string(),
            "structure" => td_string!(locale_of(lang), structure_heading).to_string(),
            "contacts" => td_string!(locale_of(lang), contacts_heading).to_string(),
            "reception" => td_string!(locale_of(lang), reception_heading).to_string(),
            "regulation" => td_string!(locale_of(lang), regulation_heading).to_string(),
            other => other.to_owned(),
        }
    };
    detail.split(", ").map(section).collect::<Vec<_>>().join(", ")
}
