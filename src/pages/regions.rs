use crate::app::use_lang;
use crate::components::{fetched, Breadcrumbs, CardList, PageHeading};
use crate::i18n::*;
use crate::language::locale_of;
use leptos::prelude::*;
use portal_content::{RegionKind, RegionsDoc, Route};

/// Cities of republican significance and regions.
#[component]
pub fn RegionsPage() -> impl IntoView {
    let lang = use_lang();
    move || {
        let lang = lang.get();
        fetched(Route::Regions, lang, move |doc: RegionsDoc| {
            view! {
                <Breadcrumbs lang trail=vec![] />
                <PageHeading text=td_string!(locale_of(lang), regions_title).to_string() />
                <p class="lead">{td!(locale_of(lang), regions_summary)}</p>
                {doc
                    .groups
                    .into_iter()
                    .map(|group| {
                        let heading = match group.kind {
                            RegionKind::City => td_string!(locale_of(lang), region_kind_city).to_string(),
                            RegionKind::Region => td_string!(locale_of(lang), region_kind_region).to_string(),
                        };
                        let cards = group.regions.into_iter().map(|r| (Route::Region(r.slug.clone()), r)).collect();
                        view! {
                            <section class="directory-group">
                                <h2>{heading}</h2>
                                <CardList lang cards />
                            </section>
                        }
                    })
                    .collect_view()}
            }
        })
    }
}
