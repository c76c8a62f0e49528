use crate::app::use_lang;
use crate::components::{fetched, Breadcrumbs, CardGroup, GroupedCards, PageHeading};
use crate::format;
use crate::i18n::*;
use crate::language::locale_of;
use leptos::prelude::*;
use portal_content::{AgenciesDoc, AgencyKind, Card, FormerAgency, Lang, Route};

/// The directory of state bodies, grouped by kind, with a filter by name so
/// a list of hundreds stays usable.
#[component]
pub fn AgenciesPage() -> impl IntoView {
    let (lang, i18n) = (use_lang(), use_i18n());
    move || {
        let lang = lang.get();
        fetched(Route::Agencies, lang, move |doc: AgenciesDoc| {
            let groups = doc
                .groups
                .into_iter()
                .map(|group| CardGroup {
                    heading: kind_label(i18n, group.kind),
                    cards: group
                        .agencies
                        .into_iter()
                        .map(|a| {
                            (Route::Agency(a.slug.clone()), Card { slug: a.slug, title: a.name, summary: a.summary })
                        })
                        .collect(),
                })
                .chain(former_group(i18n, doc.former, lang))
                .collect();
            view! {
                <Breadcrumbs lang trail=vec![] />
                <PageHeading text=t_string!(i18n, agencies_title).to_string() />
                <p class="lead">{td!(locale_of(lang), agencies_summary)}</p>
                <GroupedCards
                    lang
                    id="directory"
                    groups
                    level=2
                    label=t_string!(i18n, directory_filter_label).to_string()
                    hint=t_string!(i18n, directory_filter_hint).to_string()
                />
            }
        })
    }
}

/// Bodies that no longer exist, after every current one, each saying since
/// when and which bodies do its work now.
fn former_group(i18n: leptos_i18n::I18nContext<Locale>, former: Vec<FormerAgency>, lang: Lang) -> Option<CardGroup> {
    (!former.is_empty()).then(|| CardGroup {
        heading: t_string!(i18n, former_agencies_heading).to_string(),
        cards: former
            .into_iter()
            .map(|f| {
                let date = format::date(&f.reorganised.date, lang);
                let now: Vec<String> = f.reorganised.successors.into_iter().map(|s| s.name).collect();
                let summary = if now.is_empty() {
                    t_string!(i18n, former_agency_summary_none, date = date).to_string()
                } else {
                    t_string!(i18n, former_agency_summary, date = date, successors = now.join("; ")).to_string()
                };
                (Route::Agency(f.slug.clone()), Card { slug: f.slug, title: f.name, summary })
            })
            .collect(),
    })
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
