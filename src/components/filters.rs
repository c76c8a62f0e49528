//! The one filter form: the search page's words, filters and order, and the
//! filters of the news page and the register. Every choice is in the URL's
//! query, so a filtered list can be shared and the back button returns to
//! the previous one.

use crate::i18n::*;
use crate::language::locale_of;
use leptos::prelude::*;
use leptos_router::hooks::{use_location, use_navigate, use_query_map};
use portal_content::Lang;
use std::collections::BTreeMap;

/// The URL parameter of the search words.
pub const WORDS: &str = "q";

/// One choice the reader can make: its URL parameter (the index's filter
/// name), label, the text of leaving it unset, and the values (value, text).
#[derive(Clone)]
pub struct Filter {
    pub name: &'static str,
    pub label: String,
    pub unset: String,
    pub choices: Vec<(String, String)>,
}

impl Filter {
    /// A filter whose unset choice is "any", in `lang`.
    pub fn new(name: &'static str, label: String, choices: Vec<(String, String)>, lang: Lang) -> Filter {
        let unset = td_string!(locale_of(lang), search_any).to_string();
        Filter { name, label, unset, choices }
    }
}

/// The filters set in the URL, by parameter. Empty until the app has taken
/// a rendered page over: the build rendered the unfiltered page.
pub fn chosen_filters(names: &[&'static str]) -> Memo<BTreeMap<String, String>> {
    let params = use_query_map();
    let names = names.to_vec();
    Memo::new(move |_| {
        if !crate::served::taken_over() {
            return BTreeMap::new();
        }
        let p = params.read();
        names.iter().filter_map(|&n| p.get(n).filter(|v| !v.is_empty()).map(|v| (n.to_owned(), v))).collect()
    })
}

/// Words (when `words` is given; the form is then a search landmark) and
/// filters, sent by changing the URL's query. Without JavaScript the form
/// is a plain GET to `action`, or to the page itself.
#[component]
pub fn FilterForm(
    id: &'static str,
    filters: Vec<Filter>,
    chosen: BTreeMap<String, String>,
    #[prop(optional)] words: Option<String>,
    #[prop(optional)] action: Option<String>,
) -> impl IntoView {
    let locale = crate::language::page_locale();
    let navigate = use_navigate();
    let location = use_location();
    let form = NodeRef::<leptos::html::Form>::new();
    let names: Vec<&'static str> = words.iter().map(|_| WORDS).chain(filters.iter().map(|f| f.name)).collect();
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some(form) = form.get() else { return };
        let Ok(data) = web_sys::FormData::new_with_form(&form) else { return };
        let params: Vec<(&str, String)> = names
            .iter()
            .filter_map(|&name| Some((name, data.get(name).as_string()?.trim().to_owned())))
            .filter(|(_, value)| !value.is_empty())
            .collect();
        let query = crate::routes::query_string(params.iter().map(|(name, value)| (*name, value.as_str())));
        let path = location.pathname.get_untracked();
        let path = path.strip_prefix(crate::routes::base_path()).unwrap_or(&path).to_owned();
        expect_context::<super::Announcer>().reader_moved();
        navigate(&if query.is_empty() { path } else { format!("{path}?{query}") }, Default::default());
    };
    // "Clear filters" keeps the words, if any.
    let clear = (!chosen.is_empty()).then(|| {
        let words = words.clone().filter(|w| !w.trim().is_empty());
        let location = use_location();
        move || match &words {
            Some(words) => {
                format!("{}?{}", location.pathname.get(), crate::routes::query_string([(WORDS, words.trim())]))
            }
            None => location.pathname.get(),
        }
    });
    let label = words.as_ref().map(|_| td_string!(locale, search_label).to_string());
    let words_field = words.map(|words| {
        let field = format!("{id}-{WORDS}");
        view! {
            <div class="search-words">
                <label for=field.clone()>{td!(locale, search_label)}</label>
                <div class="search-field">
                    <input id=field name=WORDS type="search" autocomplete="off" value=words />
                    <button type="submit" class="search-button">
                        {td!(locale, search_button)}
                    </button>
                </div>
            </div>
        }
    });
    view! {
        <form
            class="search-form"
            role=label.as_ref().map(|_| "search")
            aria-label=label
            node_ref=form
            on:submit=on_submit
            action=action
            method="get"
        >
            {words_field}
            <fieldset class="search-filters">
                <legend>{td!(locale, search_filters)}</legend>
                {filters
                    .into_iter()
                    .map(|f| {
                        let chosen = chosen.get(f.name).cloned().unwrap_or_default();
                        let field = format!("{id}-{}", f.name);
                        view! {
                            <div class="search-filter">
                                <label for=field.clone()>{f.label}</label>
                                <select id=field name=f.name>
                                    <option value="" selected=chosen.is_empty()>
                                        {f.unset}
                                    </option>
                                    {f
                                        .choices
                                        .into_iter()
                                        .map(|(value, text)| {
                                            let selected = value == chosen;
                                            view! {
                                                <option value=value selected=selected>
                                                    {text}
                                                </option>
                                            }
                                        })
                                        .collect_view()}
                                </select>
                            </div>
                        }
                    })
                    .collect_view()}
                <button type="submit" class="button button-secondary">
                    {td!(locale, search_apply)}
                </button>
                {clear
                    .map(|href| {
                        view! {
                            <a class="filters-clear" href=href>
                                {td!(locale, filters_clear)}
                            </a>
                        }
                    })}
            </fieldset>
        </form>
    }
}
