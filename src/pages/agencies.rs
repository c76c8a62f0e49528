use crate::app::use_lang;
use crate::components::{fetched, Breadcrumbs, PageHeading};
use crate::i18n::*;
use leptos::prelude::*;
use crate::routes::AppUrl;
use portal_content::{AgenciesDoc, AgencyKind, Route};

/// The directory of state bodies, grouped by kind.
#[component]
pub fn AgenciesPage() -> impl IntoView {
    let (lang, i18n) = (use_lang(), use_i18n());
    move || {
        let lang = lang.get();
        fetched(Route::Agencies, lang, move |doc: AgenciesDoc| {
            view! {
                <Breadcrumbs lang trail=vec![] />
                <PageHeading text=t_string!(i18n, agencies_title).to_string() />
                <p class="lead">{t!(i18n, agencies_summary)}</p>
                {doc.groups.into_iter().map(|group| {
                    let heading = kind_label(i18n, group.kind);
                    view! {
                        <section class="directory-group">
                            <h2>{heading}</h2>
                            <ul class="card-list">
                                {group.agencies.into_iter().map(|a| view! {
                                    <li class="card">
                                        <a class="card-link" href=Route::Agency(a.slug.clone()).url(lang)>{a.name}</a>
                                        <p class="card-summary">{a.summary}</p>
                                    </li>
                                }).collect_view()}
                            </ul>
                        </section>
                    }
                }).collect_view()}
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
    }
    .to_string()
}
