//! Links to items of the portal that several kinds of page show.

use crate::routes::AppUrl;
use leptos::prelude::*;
use portal_content::{Lang, Ref, Route};

/// A state body's name, linked to its page.
pub fn agency_link(r: &Ref, lang: Lang) -> impl IntoView {
    view! { <a href=Route::Agency(r.slug.clone()).url(lang)>{r.name.clone()}</a> }
}
