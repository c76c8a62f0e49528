use crate::app::use_lang;
use crate::components::{fetched, Blocks, Breadcrumbs, PageHeading};
use crate::format;
use crate::i18n::*;
use crate::language::locale_of;
use leptos::prelude::*;
use portal_content::{Route, TextDoc};

/// The accessibility statement: what is supported, how it was tested, how to report a problem.
#[component]
pub fn AccessibilityPage() -> impl IntoView {
    let lang = use_lang();
    move || {
        let lang = lang.get();
        fetched(Route::Accessibility, lang, move |doc: TextDoc| {
            view! {
                <Breadcrumbs lang trail=vec![] />
                <article class="content-page">
                    <PageHeading text=doc.title />
                    <p class="lead">{doc.summary}</p>
                    <Blocks blocks=doc.body lang />
                    <dl class="page-meta">
                        <div>
                            <dt>{td!(locale_of(lang), last_updated)}</dt>
                            <dd>
                                <time datetime=doc.updated.clone()>{format::date(&doc.updated, lang)}</time>
                            </dd>
                        </div>
                    </dl>
                </article>
            }
        })
    }
}
