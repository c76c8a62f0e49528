use crate::components::NotFound;
use crate::language;
use leptos::prelude::*;
use portal_content::Lang;

/// Any path that is not a page of the portal.
#[component]
pub fn NotFoundPage() -> impl IntoView {
    let lang = use_context::<Signal<Lang>>().map(|l| l.get_untracked()).unwrap_or_else(language::preferred);
    view! { <NotFound lang /> }
}
