use crate::components::{item_page, Blocks, Breadcrumbs, CardGroup, GroupedCards, PageHeading};
use crate::i18n::*;
use crate::language::locale_of;
use leptos::prelude::*;
use portal_content::{Route, TopicDoc};

/// A topic (life situation) and its pages.
#[component]
pub fn TopicPage() -> impl IntoView {
    item_page(Route::Topic, move |topic: TopicDoc, lang| {
        let cards = topic.pages.into_iter().map(|p| (Route::Page(p.slug.clone()), p)).collect();
        let groups = vec![CardGroup { heading: td_string!(locale_of(lang), topic_pages_heading).to_string(), cards }];
        view! {
            <Breadcrumbs lang trail=vec![] />
            <PageHeading text=topic.title />
            <p class="lead">{topic.summary}</p>
            <Blocks blocks=topic.intro lang />
            <GroupedCards lang id="topic-pages" groups level=2 />
        }
    })
}
