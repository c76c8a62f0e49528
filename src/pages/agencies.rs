use crate::app::use_lang;
use crate::components::{fetched, Breadcrumbs, PageHeading};
use crate::i18n::*;
use leptos::prelude::*;
use crate::routes::AppUrl;
use portal_content::{fold, AgenciesDoc, AgencyCard, AgencyKind, Route};

/// The directory of state bodies, grouped by kind, with a filter by name so
/// a list of hundreds stays usable. Every body stays a link in the page, so
/// the filter narrows what is shown and never hides a body from the count
/// of clicks.
#[component]
pub fn AgenciesPage() -> impl IntoView {
    let (lang, i18n) = (use_lang(), use_i18n());
    move || {
        let lang = lang.get();
        fetched(Route::Agencies, lang, move |doc: AgenciesDoc| {
            let query = RwSignal::new(String::new());
            let folded = Memo::new(move |_| fold(query.get().trim()));
            let matches = move |text: &str| {
                let q = folded.get();
                q.is_empty() || text.contains(q.as_str())
            };
            // Name, short name and summary, folded once.
            let searchable = |a: &AgencyCard| fold(&format!("{} {} {}", a.name, a.short_name.clone().unwrap_or_default(), a.summary));
            let all: Vec<String> = doc.groups.iter().flat_map(|g| g.agencies.iter().map(searchable)).collect();
            let shown = Memo::new(move |_| all.iter().filter(|t| matches(t)).count());
            view! {
                <Breadcrumbs lang trail=vec![] />
                <PageHeading text=t_string!(i18n, agencies_title).to_string() />
                <p class="lead">{t!(i18n, agencies_summary)}</p>
                <div class="filter" role="search">
                    <label for="directory-filter">{t!(i18n, directory_filter_label)}</label>
                    <p class="hint" id="directory-filter-hint">{t!(i18n, directory_filter_hint)}</p>
                    <input
                        id="directory-filter"
                        type="search"
                        autocomplete="off"
                        aria-describedby="directory-filter-hint"
                        aria-controls="directory-groups"
                        prop:value=move || query.get()
                        on:input=move |ev| query.set(event_target_value(&ev))
                    />
                    <p class="filter-count" role="status">
                        {move || (!folded.get().is_empty()).then(|| {
                            if shown.get() == 0 {
                                t_string!(i18n, directory_filter_none).to_string()
                            } else {
                                t_string!(i18n, directory_filter_count, count = shown.get()).to_string()
                            }
                        })}
                    </p>
                </div>
                <div id="directory-groups">
                    {doc.groups.into_iter().map(|group| {
                        let heading = kind_label(i18n, group.kind);
                        let texts: Vec<String> = group.agencies.iter().map(searchable).collect();
                        let group_empty = move || !texts.iter().any(|t| matches(t));
                        view! {
                            <section class="directory-group" hidden=group_empty>
                                <h2>{heading}</h2>
                                <ul class="card-list">
                                    {group.agencies.into_iter().map(|a| {
                                        let text = searchable(&a);
                                        view! {
                                            <li class="card" hidden=move || !matches(&text)>
                                                <a class="card-link" href=Route::Agency(a.slug.clone()).url(lang)>{a.name}</a>
                                                <p class="card-summary">{a.summary}</p>
                                            </li>
                                        }
                                    }).collect_view()}
                                </ul>
                            </section>
                        }
                    }).collect_view()}
                </div>
            }
        })
    }
}

pub fn kind_label(i18n: leptos_i18n::I18nContext<Locale>, kind: AgencyKind) -> String {
    match kind {
        AgencyKind::Ministry => t_string!(i18n, kind_ministry),
        AgencyKind::CentralAgency => t_string!(i18n, kind_central_agency),
        AgencyKind::Committee => t_string!(i18n, kind_committee),
        AgencyKind::StateCorporation => t_string!(i18n, kind_state_corporation),
        AgencyKind::Akimat => t_string!(i18n, kind_akimat),
        AgencyKind::DistrictAkimat => t_string!(i18n, kind_district_akimat),
    }
    .to_string()
}
