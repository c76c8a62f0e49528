//! The search field in every page's header, in a `search` landmark. Typing
//! offers up to five pages as suggestions (the ARIA combobox pattern: arrow
//! keys move through them, Enter on one opens it, Escape closes them); plain
//! Enter searches the whole portal.

use crate::api::ApiClient;
use crate::i18n::*;
use crate::search::{search, Hit, Query};
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;
use portal_content::Lang;
use wasm_bindgen::JsCast;

/// How long typing must pause before suggestions are looked up.
const SUGGEST_AFTER_MS: u32 = 250;
const SUGGESTIONS: u32 = 5;

#[component]
pub fn SearchBox(lang: Signal<Lang>) -> impl IntoView {
    let i18n = use_i18n();
    let client = expect_context::<ApiClient>();
    let navigate = use_navigate();
    let words = RwSignal::new(String::new());
    let suggestions = RwSignal::new(Vec::<Hit>::new());
    let open = RwSignal::new(false);
    let active = RwSignal::new(None::<usize>);
    // Each keystroke bumps the generation; only the latest lookup may show.
    let generation = StoredValue::new(0u64);

    let look_up = move |text: String| {
        generation.update_value(|g| *g += 1);
        let mine = generation.get_value();
        if text.trim().chars().count() < 2 {
            suggestions.set(vec![]);
            open.set(false);
            return;
        }
        let client = client.clone();
        leptos::task::spawn_local(async move {
            gloo_timers::future::TimeoutFuture::new(SUGGEST_AFTER_MS).await;
            if generation.get_value() != mine {
                return;
            }
            let query = Query { words: text, ..Query::default() };
            if let Ok(found) = search(&client, lang.get_untracked(), &query, SUGGESTIONS).await {
                if generation.get_value() == mine {
                    open.set(!found.hits.is_empty());
                    active.set(None);
                    suggestions.set(found.hits);
                }
            }
        });
    };

    // Words typed before the app took the page over are kept, and looked up.
    let restore = look_up.clone();
    crate::served::keep_typed("search-input", move |text| {
        words.set(text.clone());
        restore(text);
    });

    // Opens a page of the portal (a router path) and closes the suggestions.
    let open_page = move |path: &str| {
        open.set(false);
        active.set(None);
        expect_context::<super::Announcer>().reader_moved();
        navigate(path, Default::default());
    };
    let choose = {
        let open_page = open_page.clone();
        move |hit: Hit| {
            words.set(String::new());
            open_page(&hit.path);
        }
    };
    let on_submit = {
        let (choose, open_page) = (choose.clone(), open_page.clone());
        move |ev: leptos::ev::SubmitEvent| {
            ev.prevent_default();
            if let Some(hit) = active.get_untracked().and_then(|i| suggestions.get_untracked().get(i).cloned()) {
                choose(hit);
                return;
            }
            let text = words.get_untracked();
            if text.trim().is_empty() {
                return;
            }
            open_page(&crate::routes::search_path(lang.get_untracked(), [("q", text.trim())]));
        }
    };
    let on_keydown = move |ev: leptos::ev::KeyboardEvent| {
        let count = suggestions.with_untracked(Vec::len);
        match ev.key().as_str() {
            "ArrowDown" if count > 0 => {
                ev.prevent_default();
                open.set(true);
                active.update(|a| *a = Some(a.map_or(0, |i| (i + 1) % count)));
            }
            "ArrowUp" if count > 0 => {
                ev.prevent_default();
                open.set(true);
                active.update(|a| *a = Some(a.map_or(count - 1, |i| (i + count - 1) % count)));
            }
            // The first Escape closes the list and keeps the words (a search
            // field would clear itself); a second one clears as usual.
            "Escape" if open.get_untracked() => {
                ev.prevent_default();
                open.set(false);
                active.set(None);
            }
            _ => {}
        }
    };
    let option_id = |i: usize| format!("search-suggestion-{i}");
    let input_label = move || t_string!(i18n, search_label).to_string();

    view! {
        <div class="header-search">
            <form
                role="search"
                aria-label=input_label
                action=move || crate::routes::search_url(lang.get())
                method="get"
                on:submit=on_submit
            >
                <label class="visually-hidden" for="search-input">
                    {input_label}
                </label>
                <div class="search-field">
                    <input
                        id="search-input"
                        name="q"
                        // A text field: the combobox role is not allowed on type=search.
                        type="text"
                        enterkeyhint="search"
                        autocomplete="off"
                        role="combobox"
                        aria-autocomplete="list"
                        aria-controls="search-suggestions"
                        aria-expanded=move || if open.get() { "true" } else { "false" }
                        aria-activedescendant=move || active.get().map(option_id)
                        placeholder=input_label
                        prop:value=move || words.get()
                        on:input=move |ev| {
                            let text = event_target_value(&ev);
                            words.set(text.clone());
                            look_up(text);
                        }
                        on:keydown=on_keydown
                        on:blur=move |ev: leptos::ev::FocusEvent| {
                            let into_list = ev
                                .related_target()
                                .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
                                .is_some_and(|el| el.closest("#search-suggestions").ok().flatten().is_some());
                            if !into_list {
                                open.set(false);
                            }
                        }
                    />
                    <button type="submit" class="search-button">
                        {t!(i18n, search_button)}
                    </button>
                    <ul
                        id="search-suggestions"
                        role="listbox"
                        class="search-suggestions"
                        aria-label=input_label
                        hidden=move || !open.get()
                    >
                        {move || {
                            let choose = choose.clone();
                            suggestions
                                .get()
                                .into_iter()
                                .enumerate()
                                .map(|(i, hit)| {
                                    let choose = choose.clone();
                                    let chosen = hit.clone();
                                    view! {
                                        <li
                                            id=option_id(i)
                                            role="option"
                                            tabindex="-1"
                                            aria-selected=move || if active.get() == Some(i) { "true" } else { "false" }
                                            on:mousedown=move |ev| ev.prevent_default()
                                            on:click=move |_| choose(chosen.clone())
                                        >
                                            <span class="suggestion-title">{hit.title}</span>
                                            {hit.body.map(|b| view! { <span class="suggestion-body">{b}</span> })}
                                        </li>
                                    }
                                })
                                .collect_view()
                        }}
                    </ul>
                </div>
                <p class="visually-hidden" role="status">
                    {move || {
                        let n = suggestions.with(Vec::len);
                        (open.get() && n > 0).then(|| t_string!(i18n, search_suggestions_count, count = n).to_string())
                    }}
                </p>
            </form>
        </div>
    }
}
