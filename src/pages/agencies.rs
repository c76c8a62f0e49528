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
    let lang = use_lang();
    move || {
        let lang = lang.get();
        fetched(Route::Agencies, lang, move |doc: AgenciesDoc| {
            let groups = doc
                .groups
                .into_iter()
                .map(|group| CardGroup {
                    heading: kind_label(group.kind, lang),
                    cards: group
                        .agencies
                        .into_iter()
                        .map(|a| {
                            (Route::Agency(a.slug.clone()), Card { slug: a.slug, title: a.name, summary: a.summary })
                        })
                        .collect(),
                })
                .chain(former_group(doc.former, lang))
                .collect();
            view! {
                <Breadcrumbs lang trail=vec![] />
                <PageHeading text=td_string!(locale_of(lang), agencies_title).to_string() />
                <p class="lead">{td!(locale_of(lang), agencies_summary)}</p>
                <GroupedCards
                    lang
                    id="directory"
                    groups
                    level=2
                    label=td_string!(locale_of(lang), directory_filter_label).to_string()
                    hint=td_string!(locale_of(lang), directory_filter_hint).to_string()
                />
            }
        })
    }
}

/// Bodies that no longer exist, after every current one, each saying since
/// when and which bodies do its work now.
fn former_group(former: Vec<FormerAgency>, lang: Lang) -> Option<CardGroup> {
    (!former.is_empty()).then(|| CardGroup {
        heading: td_string!(locale_of(lang), former_agencies_heading).to_string(),
        cards: former
            .into_iter()
            .map(|f| {
                let date = format::date(&f.reorganised.date, lang);
                let now: Vec<String> = f.reorganised.successors.into_iter().map(|s| s.name).collect();
                let summary = if now.is_empty() {
                    td_string!(locale_of(lang), former_agency_summary_none, date = date).to_string()
                } else {
                    td_string!(locale_of(lang), former_agency_summary, date = date, successors = now.join("; "))
                        .to_string()
                };
                (Route::Agency(f.slug.clone()), Card { slug: f.slug, title: f.name, summary })
            })
            .collect(),
    })
}

pub fn kind_label(kind: AgencyKind, lang: Lang) -> String {
    match kind {
        AgencyKind::Ministry => td_string!(locale_of(lang), kind_ministry),
        AgencyKind::CentralAgency => td_string!(locale_of(lang), kind_central_agency),
        AgencyKind::Committee => td_string!(locale_of(lang), kind_committee),
        AgencyKind::StateCorporation => td_string!(locale_of(lang), kind_state_corporation),
        AgencyKind::Akimat => td_string!(locale_of(lang), kind_akimat),
        AgencyKind::DistrictAkimat => td_string!(locale_of(lang), kind_district_akimat),
    }
    .to_string()
}
