use crate::app::use_lang;
use crate::components::{fetched, Breadcrumbs, PageHeading};
use crate::i18n::*;
use crate::language::locale_of;
use crate::routes::AppUrl;
use leptos::prelude::*;
use portal_content::{Route, SiteDoc};

/// Where the feedback service sends a reader whose browser posted the
/// feedback form itself (JavaScript off): thanks, and the way on.
#[component]
pub fn FeedbackSentPage() -> impl IntoView {
    let lang = use_lang();
    move || {
        let lang = lang.get();
        fetched(Route::Home, lang, move |site: SiteDoc| {
            view! {
                <Breadcrumbs lang trail=vec![] />
                <div class="feedback-sent-page">
                    <PageHeading text=td_string!(locale_of(lang), feedback_sent_title).to_string() />
                    <p>{td!(locale_of(lang), feedback_sent_text)}</p>
                    <p>{td!(locale_of(lang), feedback_sent_back)}</p>
                    <p>
                        <a href=Route::Home.url(lang)>{site.name}</a>
                    </p>
                </div>
            }
        })
    }
}
