//! Pages the build rendered (crates/render): each arrives as finished HTML
//! with `data-prerendered` on `<html>` and the API documents it was rendered
//! from in `<script type="application/json" data-document="…">` elements,
//! so the reader sees and reads it before the app's WebAssembly arrives.
//! The app then hydrates that HTML in place (`main.rs`): the same
//! components, given the same documents, attach to the nodes already there.
//!
//! Everything here is about the browser; on the server it answers "no".

use leptos::prelude::*;

/// The mark on `<html>` of a page rendered by the build, until the app has
/// taken it over. The styles, the loader (public/paint-first.js) and the
/// tests read it.
pub const MARK: &str = "data-prerendered";
/// The attribute naming, relative to the API base, the document an
/// embedded `<script type="application/json">` holds.
pub const DOCUMENT_ATTRIBUTE: &str = "data-document";

/// `window` in a browser; `None` when the app renders natively at build time.
pub fn window() -> Option<web_sys::Window> {
    #[cfg(target_arch = "wasm32")]
    {
        web_sys::window()
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        None
    }
}

pub fn document() -> Option<web_sys::Document> {
    window()?.document()
}

/// The browser's localStorage for this site; `None` at build time and where
/// the browser keeps nothing (some private modes, storage turned off).
pub fn local_storage() -> Option<web_sys::Storage> {
    window()?.local_storage().ok().flatten()
}

/// Whether this page came rendered by the build and has not been taken over yet.
pub fn is_served_page() -> bool {
    document().and_then(|d| d.document_element()).is_some_and(|root| root.has_attribute(MARK))
}

/// The documents the page was rendered from: (path under the API base, JSON text).
pub fn embedded_documents() -> Vec<(String, String)> {
    let Some(document) = document() else { return vec![] };
    let Ok(scripts) = document.query_selector_all(&format!("script[type='application/json'][{DOCUMENT_ATTRIBUTE}]"))
    else {
        return vec![];
    };
    (0..scripts.length())
        .filter_map(|i| scripts.item(i))
        .filter_map(|node| {
            use wasm_bindgen::JsCast;
            let element = node.dyn_into::<web_sys::Element>().ok()?;
            Some((element.get_attribute(DOCUMENT_ATTRIBUTE)?, element.text_content()?))
        })
        .collect()
}

/// Whether the app has taken the page over: false while the build renders
/// it and while the browser hydrates it, true from then on (and at once when
/// the app builds a page itself). Parts that depend on what only the browser
/// knows (the URL's query, what the reader typed) wait for it, so that
/// hydration meets exactly the HTML the build wrote.
#[derive(Clone, Copy)]
pub struct TakenOver(pub ReadSignal<bool>);

impl TakenOver {
    /// Provides the flag; after hydration, an effect (effects run once the
    /// page is hydrated) sets it and removes the mark.
    pub fn provide() -> TakenOver {
        let (taken_over, set_taken_over) = signal(!is_served_page() && window().is_some());
        Effect::new(move |_| {
            if let Some(root) = document().and_then(|d| d.document_element()) {
                let _ = root.remove_attribute(MARK);
            }
            set_taken_over.set(true);
        });
        provide_context(TakenOver(taken_over));
        TakenOver(taken_over)
    }

    pub fn get(&self) -> bool {
        self.0.get()
    }
}

/// Whether the app has taken the page over (see [`TakenOver`]); true where
/// no flag is provided (components rendered on their own, in tests).
pub fn taken_over() -> bool {
    use_context::<TakenOver>().is_none_or(|t| t.get())
}

/// What the reader typed into the field `id` of a rendered page before the
/// app took it over, read before hydration sets the field to the app's
/// state. The caller gives it back to its state once the page is taken over.
pub fn typed_before_start(id: &str) -> Option<String> {
    use wasm_bindgen::JsCast;
    if !is_served_page() {
        return None;
    }
    let input = document()?.get_element_by_id(id)?.dyn_into::<web_sys::HtmlInputElement>().ok()?;
    Some(input.value()).filter(|v| !v.is_empty())
}

/// Runs `restore` with what the reader typed into `id` before the app took
/// the page over, once it has.
pub fn keep_typed(id: &str, restore: impl Fn(String) + 'static) {
    if let Some(text) = typed_before_start(id) {
        Effect::new(move |done: Option<()>| {
            if done.is_none() {
                restore(text.clone());
            }
        });
    }
}
