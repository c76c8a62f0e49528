use crate::app::use_lang;
use crate::components::{fetched, Blocks, CardList, PageHeading};
use crate::i18n::*;
use crate::routes::AppUrl;
use leptos::prelude::*;
use portal_content::{Route, SiteDoc};

/// The home page: every topic, every life situation, the directory of
/// state bodies and the regions.
#[component]
pub fn HomePage() -> impl IntoView {
    let lang = use_lang();
    let i18n = use_i18n();
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
                        <h2 id="topics-heading">{t!(i18n, topics_heading)}</h2>
                        <CardList lang cards=topics />
                    </section>
                    <section aria-labelledby="life-heading">
                        <h2 id="life-heading">{t!(i18n, life_title)}</h2>
                        <p>{t!(i18n, life_summary)}</p>
                        <CardList lang cards=journeys />
                    </section>
                    <section aria-labelledby="directory-heading">
                        <h2 id="directory-heading">{t!(i18n, directory_heading)}</h2>
                        <ul class="card-list">
                            <li class="card">
                                <a class="card-link" href=Route::Agencies.url(lang)>
                                    {t!(i18n, directory_link_text)}
                                </a>
                                <p class="card-summary">{t!(i18n, directory_link_hint)}</p>
                            </li>
                            <li class="card">
                                <a class="card-link" href=Route::Regions.url(lang)>
                                    {t!(i18n, regions_link_text)}
                                </a>
                                <p class="card-summary">{t!(i18n, regions_link_hint)}</p>
                            </li>
                        </ul>
                    </section>
                </div>
            }
        })
    }
}
