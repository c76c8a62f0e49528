use crate::app::use_lang;
use crate::components::{fetched, Blocks, Breadcrumbs, CardList, PageHeading, Unavailable};
use crate::i18n::*;
use crate::routes::use_slug;
use leptos::prelude::*;
use portal_content::{Item, Route, TopicItem};

/// A topic (life situation) and its pages.
#[component]
pub fn TopicPage() -> impl IntoView {
    let (lang, slug, i18n) = (use_lang(), use_slug(), use_i18n());
    move || {
        let (lang, route) = (lang.get(), Route::Topic(slug.get()));
        let this = route.clone();
        fetched(route, lang, move |item: TopicItem| match item {
            Item::Unavailable(info) => view! { <Unavailable lang route=this.clone() info /> }.into_any(),
            Item::Available(topic) => {
                let pages = topic.pages.into_iter().map(|p| (Route::Page(p.slug.clone()), p)).collect();
                view! {
                    <Breadcrumbs lang trail=vec![] />
                    <PageHeading text=topic.title />
                    <p class="lead">{topic.summary}</p>
                    <Blocks blocks=topic.intro lang />
                    <h2>{t!(i18n, topic_pages_heading)}</h2>
                    <CardList lang cards=pages />
                }
                .into_any()
            }
        })
    }
}
