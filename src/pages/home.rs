use crate::app::use_lang;
use crate::components::{fetched, Blocks, CardList, PageHeading};
use crate::i18n::*;
use crate::language::locale_of;
use crate::routes::AppUrl;
use leptos::prelude::*;
use portal_content::{Route, SiteDoc};

/// The home page: every topic, every life situation, the directory of
/// state bodies and the regions.
#[component]
pub fn HomePage() -> impl IntoView {
    let lang = use_lang();
    move || {
        let lang = lang.get();
        fetched(Route::Home, lang, move |site: SiteDoc| {
            let topics = site.topics.into_iter().map(|t| (Route::Topic(t.slug.clone()), t)).collect();
            let journeys = site.journeys.into_iter().map(|j| (Route::Journey(j.slug.clone()), j)).collect();
            view! {
                <div class="home">
                    <PageHeading text=site.name home=true />
                    <p class="lead">{site.tagline}</p>
                    <Blocks blocks=site.intro lang />
                    <section aria-labelledby="topics-heading">
                        <h2 id="topics-heading">{td!(locale_of(lang), topics_heading)}</h2>
                        <CardList lang cards=topics />
                    </section>
                    <section aria-labelledby="life-heading">
                        <h2 id="life-heading">{td!(locale_of(lang), life_title)}</h2>
                        <p>{td!(locale_of(lang), life_summary)}</p>
                        <CardList lang cards=journeys />
                    </section>
                    <section aria-labelledby="directory-heading">
                        <h2 id="directory-heading">{td!(locale_of(lang), directory_heading)}</h2>
                        <ul class="card-list">
                            <li class="card">
                                <a class="card-link" href=Route::Agencies.url(lang)>
                                    {td!(locale_of(lang), directory_link_text)}
                                </a>
                                <p class="card-summary">{td!(locale_of(lang), directory_link_hint)}</p>
                            </li>
                            <li class="card">
                                <a class="card-link" href=Route::Regions.url(lang)>
                                    {td!(locale_of(lang), regions_link_text)}
                                </a>
                                <p class="card-summary">{td!(locale_of(lang), regions_link_hint)}</p>
                            </li>
                        </ul>
                    </section>
                </div>
            }
        })
    }
}
