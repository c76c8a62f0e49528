use crate::app::use_lang;
use crate::components::filters::{chosen_filters, Filter, FilterForm};
use crate::components::publications::{category_label, FeedLink, FilteredList, NewsList};
use crate::components::{fetched, item_page, Blocks, Breadcrumbs, PageHeading, PostedAndUpdated, WithdrawnNotice};
use crate::format;
use crate::i18n::*;
use crate::language::locale_of;
use crate::routes::{use_slug, AppUrl};
use leptos::prelude::*;
use portal_content::search::{FILTER_BODY, FILTER_CATEGORY, FILTER_PERIOD, FILTER_REGION, KIND_NEWS};
use portal_content::{NewsCategory, NewsDoc, NewsItemDoc, NewsMonthDoc, PeriodCount, Route};

const FILTERS: [&str; 4] = [FILTER_CATEGORY, FILTER_BODY, FILTER_REGION, FILTER_PERIOD];

/// `/{lang}/news`: the latest news of every body, filters by body, region
/// and month, and the archive by year and month.
#[component]
pub fn NewsPage() -> impl IntoView {
    let lang = use_lang();
    let chosen = chosen_filters(&FILTERS);
    move || {
        let lang = lang.get();
        fetched(Route::News, lang, move |doc: NewsDoc| {
            let filters = vec![
                Filter::new(
                    FILTER_CATEGORY,
                    td_string!(locale_of(lang), filter_category).to_string(),
                    NewsCategory::ALL.iter().map(|&k| (k.code().to_owned(), category_label(k, lang))).collect(),
                    lang,
                ),
                Filter::new(
                    FILTER_BODY,
                    td_string!(locale_of(lang), filter_body).to_string(),
                    doc.agencies.iter().map(|a| (a.name.clone(), a.name.clone())).collect(),
                    lang,
                ),
                Filter::new(
                    FILTER_REGION,
                    td_string!(locale_of(lang), filter_region).to_string(),
                    doc.regions.iter().map(|r| (r.name.clone(), r.name.clone())).collect(),
                    lang,
                ),
                Filter::new(
                    FILTER_PERIOD,
                    td_string!(locale_of(lang), filter_period).to_string(),
                    doc.months.iter().map(|m| (m.period.clone(), format::month(&m.period, lang))).collect(),
                    lang,
                ),
            ];
            let (latest, months, feed) = (doc.latest, doc.months, doc.feed);
            view! {
                <Breadcrumbs lang trail=vec![] />
                <PageHeading text=td_string!(locale_of(lang), news_title).to_string() />
                <p class="lead">{td!(locale_of(lang), news_summary)}</p>
                {move || {
                    let chosen = chosen.get();
                    view! { <FilterForm id="news-filter" filters=filters.clone() chosen=chosen.clone() /> }
                }}
                {
                    let latest = latest.clone();
                    move || {
                        let chosen = chosen.get();
                        if chosen.is_empty() {
                            view! {
                                <section aria-labelledby="latest-heading">
                                    <h2 id="latest-heading">{td!(locale_of(lang), news_latest_heading)}</h2>
                                    <NewsList lang items=latest.clone() />
                                </section>
                            }
                                .into_any()
                        } else {
                            view! { <FilteredList lang kind=KIND_NEWS filters=chosen /> }.into_any()
                        }
                    }
                }
                <FeedLink path=feed text=td_string!(locale_of(lang), feed_news).to_string() />
                <section aria-labelledby="archive-heading">
                    <h2 id="archive-heading">{td!(locale_of(lang), news_archive_heading)}</h2>
                    <MonthArchive lang months />
                </section>
            }
        })
    }
}

/// Months with news, grouped by year, newest first: each a link to its archive.
#[component]
fn MonthArchive(lang: portal_content::Lang, months: Vec<PeriodCount>) -> impl IntoView {
    let mut years: Vec<(String, Vec<PeriodCount>)> = vec![];
    for m in months {
        let year = m.period.get(..4).unwrap_or_default().to_owned();
        match years.last_mut() {
            Some((y, list)) if *y == year => list.push(m),
            _ => years.push((year, vec![m])),
        }
    }
    years
        .into_iter()
        .map(|(year, months)| {
            view! {
                <h3>{year}</h3>
                <ul class="archive-list">
                    {months
                        .into_iter()
                        .map(|m| {
                            let text = td_string!(
                                locale_of(lang),
                                news_month_count,
                                month = format::month(&m.period, lang),
                                count = m.count
                            )
                                .to_string();
                            view! {
                                <li>
                                    <a href=Route::NewsMonth(m.period.clone()).url(lang)>{text}</a>
                                </li>
                            }
                        })
                        .collect_view()}
                </ul>
            }
        })
        .collect_view()
}

/// `/{lang}/news/archive/{YYYY-MM}`: every item of one month.
#[component]
pub fn NewsMonthPage() -> impl IntoView {
    let (lang, month) = (use_lang(), use_slug());
    move || {
        let (lang, month) = (lang.get(), month.get());
        fetched(Route::NewsMonth(month), lang, move |doc: NewsMonthDoc| {
            let title =
                td_string!(locale_of(lang), news_month_title, month = format::month(&doc.month, lang)).to_string();
            view! {
                <Breadcrumbs lang trail=vec![(td_string!(locale_of(lang), nav_news).to_string(), Route::News)] />
                <PageHeading text=title />
                <NewsList lang items=doc.items />
            }
        })
    }
}

/// `/{lang}/news/{slug}`: one news item.
#[component]
pub fn NewsItemPage() -> impl IntoView {
    item_page(Route::NewsItem, move |n: NewsItemDoc, lang| {
        view! {
            <Breadcrumbs lang trail=vec![(td_string!(locale_of(lang), nav_news).to_string(), Route::News)] />
            <article class="content-page news-item">
                <PageHeading text=n.title />
                <WithdrawnNotice withdrawn=n.withdrawn lang />
                <dl class="page-meta">
                    <div>
                        <dt>{td!(locale_of(lang), published)}</dt>
                        <dd>
                            <time datetime=n.published.clone()>{format::date(&n.published, lang)}</time>
                        </dd>
                    </div>
                    <div>
                        <dt>{td!(locale_of(lang), filter_body)}</dt>
                        <dd>
                            <a href=Route::Agency(n.agency.slug.clone()).url(lang)>{n.agency.name}</a>
                        </dd>
                    </div>
                    {n
                        .region
                        .map(|r| {
                            view! {
                                <div>
                                    <dt>{td!(locale_of(lang), filter_region)}</dt>
                                    <dd>
                                        <a href=Route::Region(r.slug.clone()).url(lang)>{r.name}</a>
                                    </dd>
                                </div>
                            }
                        })}
                    {n
                        .category
                        .map(|k| {
                            view! {
                                <div>
                                    <dt>{td!(locale_of(lang), filter_category)}</dt>
                                    <dd>{category_label(k, lang)}</dd>
                                </div>
                            }
                        })}
                    <PostedAndUpdated posted=None updated=n.updated lang />
                </dl>
                <p class="lead">{n.summary}</p>
                <Blocks blocks=n.body lang />
            </article>
            <FeedLink path=n.feed text=td_string!(locale_of(lang), feed_body).to_string() />
        }
    })
}
