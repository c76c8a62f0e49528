use crate::components::blocks::ExternalLink;
use crate::components::links::agency_link;
use crate::components::publications::{DocumentList, FeedLink, NewsList};
use crate::components::{
    item_page, Blocks, Breadcrumbs, CardGroup, GroupedCards, PageHeading, PostedAndUpdated, Predecessors,
    ReorganisedNotice,
};
use crate::format;
use crate::i18n::*;
use crate::language::locale_of;
use crate::routes::AppUrl;
use leptos::prelude::*;
use portal_content::search::{FILTER_BODY, FILTER_CATEGORY};
use portal_content::{AgencyDoc, Contacts, Department, Lang, Leader, NewsCategory, Reception, Ref, Route};

/// One state body: its role, contacts, place in the structure and its pages.
#[component]
pub fn AgencyPage() -> impl IntoView {
    item_page(Route::Agency, move |a: AgencyDoc, lang| {
        let c = a.contacts;
        let pages: Vec<_> = a.pages.into_iter().map(|p| (Route::Page(p.slug.clone()), p)).collect();
        let has_pages = !pages.is_empty();
        let children = a.children;
        let (news, documents, name, appointments) = (a.news, a.documents, a.name.clone(), a.appointments);
        // A former body has no contacts of its own: its notice names who to go to.
        let current = a.reorganised.is_none();
        view! {
            <Breadcrumbs lang trail=vec![(td_string!(locale_of(lang), agencies_title).to_string(), Route::Agencies)] />
            <PageHeading text=a.name />
            <ReorganisedNotice reorganised=a.reorganised lang />
            <p class="lead">{a.summary}</p>
            <Blocks blocks=a.body lang />
            <Predecessors predecessors=a.predecessors lang />
            <Leadership leaders=a.leaders lang />
            <Structure departments=a.departments children lang />
            {current
                .then(|| {
                    view! {
                        <ContactsAndReception contacts=c reception=a.reception parent=a.parent region=a.region lang />
                    }
                })}
            {(!a.regulation.is_empty())
                .then(|| {
                    view! {
                        <section aria-labelledby="regulation-heading">
                            <h2 id="regulation-heading">{td!(locale_of(lang), regulation_heading)}</h2>
                            <DocumentList lang documents=a.regulation />
                        </section>
                    }
                })}
            {(!a.drafts.is_empty())
                .then(|| {
                    view! {
                        <section aria-labelledby="body-drafts-heading">
                            <h2 id="body-drafts-heading">{td!(locale_of(lang), body_drafts_heading)}</h2>
                            <crate::pages::drafts::DraftList lang drafts=a.drafts />
                            {(a.drafts_archived > 0)
                                .then(|| {
                                    let href = format!("{}#drafts-archive-heading", Route::Drafts.url(lang));
                                    view! {
                                        <p>
                                            <a href=href>{td!(locale_of(lang), body_drafts_archived)}</a>
                                        </p>
                                    }
                                })}
                        </section>
                    }
                })}
            {has_pages
                .then(|| {
                    let groups = vec![
                        CardGroup {
                            heading: td_string!(locale_of(lang), body_pages_heading).to_string(),
                            cards: pages,
                        },
                    ];
                    view! { <GroupedCards lang id="body-pages" groups level=2 /> }
                })}
            {(!news.is_empty())
                .then(|| {
                    view! {
                        <section aria-labelledby="body-news-heading">
                            <h2 id="body-news-heading">{td!(locale_of(lang), body_news_heading)}</h2>
                            <NewsList lang items=news />
                            <p>
                                <a href=filtered(
                                    Route::News,
                                    &[(FILTER_BODY, &name)],
                                    lang,
                                )>{td!(locale_of(lang), body_news_all)}</a>
                            </p>
                            {(appointments > 0)
                                .then(|| {
                                    let category = NewsCategory::Appointment.code();
                                    let href = filtered(
                                        Route::News,
                                        &[(FILTER_CATEGORY, category), (FILTER_BODY, &name)],
                                        lang,
                                    );
                                    view! {
                                        <p>
                                            <a href=href>{td!(locale_of(lang), body_appointments)}</a>
                                        </p>
                                    }
                                })}
                        </section>
                    }
                })}
            {(!documents.is_empty())
                .then(|| {
                    view! {
                        <section aria-labelledby="body-documents-heading">
                            <h2 id="body-documents-heading">{td!(locale_of(lang), body_documents_heading)}</h2>
                            <DocumentList lang documents />
                            <p>
                                <a href=filtered(
                                    Route::Documents,
                                    &[(FILTER_BODY, &name)],
                                    lang,
                                )>{td!(locale_of(lang), body_documents_all)}</a>
                            </p>
                        </section>
                    }
                })}
            <FeedLink path=a.feed text=td_string!(locale_of(lang), feed_body).to_string() />
            {(a.posted.is_some() || a.updated.is_some())
                .then(|| {
                    view! {
                        <dl class="page-meta">
                            <PostedAndUpdated posted=a.posted updated=a.updated lang />
                        </dl>
                    }
                })}
        }
    })
}

/// A list page with filters set, such as this body's news.
fn filtered(route: Route, filters: &[(&str, &str)], lang: Lang) -> String {
    format!("{}?{}", route.url(lang), crate::routes::query_string(filters.iter().copied()))
}

/// The head, the deputies and the executive secretary, each with what they oversee.
#[component]
fn Leadership(leaders: Vec<Leader>, lang: Lang) -> impl IntoView {
    (!leaders.is_empty()).then(|| {
        view! {
            <section aria-labelledby="leadership-heading" class="leadership">
                <h2 id="leadership-heading">{td!(locale_of(lang), leadership_heading)}</h2>
                <ul class="leader-list">
                    {leaders
                        .into_iter()
                        .map(|l| {
                            view! {
                                <li class="leader">
                                    <h3 class="leader-name">{l.name}</h3>
                                    <p class="leader-position">{l.position}</p>
                                    <dl>
                                        {l
                                            .areas
                                            .map(|v| {
                                                view! {
                                                    <dt>{td!(locale_of(lang), leader_oversees)}</dt>
                                                    <dd>{v}</dd>
                                                }
                                            })}
                                        {l
                                            .appointed
                                            .map(|d| {
                                                view! {
                                                    <dt>{td!(locale_of(lang), leader_appointed)}</dt>
                                                    <dd>
                                                        <time datetime=d.clone()>{format::date(&d, lang)}</time>
                                                    </dd>
                                                }
                                            })}
                                        {l
                                            .career
                                            .map(|v| {
                                                view! {
                                                    <dt>{td!(locale_of(lang), leader_career)}</dt>
                                                    <dd>{v}</dd>
                                                }
                                            })}
                                    </dl>
                                </li>
                            }
                        })
                        .collect_view()}
                </ul>
            </section>
        }
    })
}

/// Departments of the central office and the bodies that report to this one.
#[component]
fn Structure(departments: Vec<Department>, children: Vec<Ref>, lang: Lang) -> impl IntoView {
    (!departments.is_empty() || !children.is_empty()).then(|| {
        view! {
            <section aria-labelledby="structure-heading">
                <h2 id="structure-heading">{td!(locale_of(lang), structure_heading)}</h2>
                {(!departments.is_empty())
                    .then(|| {
                        view! {
                            <h3>{td!(locale_of(lang), departments_heading)}</h3>
                            <ul class="list list-bullet">
                                {departments
                                    .into_iter()
                                    .map(|d| {
                                        view! {
                                            <li>
                                                {d.name}
                                                {d.tasks.map(|t| view! { <p class="department-tasks">{t}</p> })}
                                            </li>
                                        }
                                    })
                                    .collect_view()}
                            </ul>
                        }
                    })}
                {(!children.is_empty())
                    .then(|| {
                        view! {
                            <h3>{td!(locale_of(lang), subordinate_bodies)}</h3>
                            <ul class="list list-bullet">
                                {children.iter().map(|r| view! { <li>{agency_link(r, lang)}</li> }).collect_view()}
                            </ul>
                        }
                    })}
            </section>
        }
    })
}

/// How to reach the body and be received in person. The address opens in a
/// map service of the reader's choice; the page itself loads no map.
#[component]
fn ContactsAndReception(
    contacts: Contacts,
    reception: Option<Reception>,
    parent: Option<Ref>,
    region: Option<Ref>,
    lang: Lang,
) -> impl IntoView {
    let c = contacts;
    let phone = move |label: String, number: String| {
        view! {
            <dt>{label}</dt>
            <dd>
                <a href=format!("tel:{}", number.replace([' ', '(', ')', '-'], ""))>{number.clone()}</a>
            </dd>
        }
    };
    view! {
        <section aria-labelledby="contacts-heading" class="contacts">
            <h2 id="contacts-heading">{td!(locale_of(lang), contacts_heading)}</h2>
            <dl>
                {c
                    .address
                    .map(|v| {
                        view! {
                            <dt>{td!(locale_of(lang), address)}</dt>
                            <dd>{v.clone()} <MapLinks address=v lang /></dd>
                        }
                    })} {c.phone.map(|v| phone(td_string!(locale_of(lang), phone).to_string(), v))}
                {c.press_phone.map(|v| phone(td_string!(locale_of(lang), press_phone).to_string(), v))}
                {c.reception_phone.map(|v| phone(td_string!(locale_of(lang), reception_phone).to_string(), v))}
                {c
                    .email
                    .map(|v| {
                        view! {
                            <dt>{td!(locale_of(lang), email)}</dt>
                            <dd>
                                <a href=format!("mailto:{v}")>{v.clone()}</a>
                            </dd>
                        }
                    })}
                {c
                    .hours
                    .map(|v| {
                        view! {
                            <dt>{td!(locale_of(lang), hours)}</dt>
                            <dd>{v}</dd>
                        }
                    })}
                {c
                    .website
                    .map(|v| {
                        view! {
                            <dt>{td!(locale_of(lang), website)}</dt>
                            <dd>
                                <ExternalLink href=v.clone()>{v.clone()}</ExternalLink>
                            </dd>
                        }
                    })}
                {parent
                    .map(|p| {
                        view! {
                            <dt>{td!(locale_of(lang), parent_body)}</dt>
                            <dd>{agency_link(&p, lang)}</dd>
                        }
                    })}
                {region
                    .map(|r| {
                        view! {
                            <dt>{td!(locale_of(lang), located_in)}</dt>
                            <dd>
                                <a href=Route::Region(r.slug.clone()).url(lang)>{r.name}</a>
                            </dd>
                        }
                    })}
            </dl>
            {reception
                .map(|r| {
                    view! {
                        <h3>{td!(locale_of(lang), reception_heading)}</h3>
                        <p class="reception-schedule">{r.schedule}</p>
                        <h4>{td!(locale_of(lang), reception_sign_up)}</h4>
                        <p>{r.sign_up}</p>
                    }
                })}
        </section>
    }
}

/// The address as a search in map services, so a reader opens the one they use.
#[component]
fn MapLinks(address: String, lang: Lang) -> impl IntoView {
    let q = crate::routes::query_string([("q", address.as_str())]);
    // Spaces as %20, which both a path and a query read as a space.
    let q = q.trim_start_matches("q=").replace('+', "%20");
    let services = [
        ("2GIS", format!("https://2gis.kz/search/{q}")),
        ("Yandex Maps", format!("https://yandex.kz/maps/?text={q}")),
        ("OpenStreetMap", format!("https://www.openstreetmap.org/search?query={q}")),
        ("Google Maps", format!("https://www.google.com/maps/search/?api=1&query={q}")),
    ];
    view! {
        <span class="map-links">
            {td!(locale_of(lang), show_on_map)}
            {services
                .into_iter()
                .map(|(name, href)| {
                    view! {
                        " "
                        <ExternalLink href=href>{name}</ExternalLink>
                    }
                })
                .collect_view()}
        </span>
    }
}
