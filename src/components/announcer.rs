//! What a screen-reader user hears when the page changes without a reload.
//! Leptos's router moves no focus and announces nothing, so after every
//! client-side navigation the new page's heading takes focus, the document
//! title changes, and one persistent polite live region names the new page.

use crate::i18n::*;
use leptos::prelude::*;

#[derive(Clone, Copy)]
pub struct Announcer {
    /// Text of the live region.
    pub message: RwSignal<String>,
    /// Text of a second live region, for news not about the page (feedback
    /// kept earlier has been sent), so it neither cuts off nor is cut off by
    /// the page's announcement.
    pub aside: RwSignal<String>,
    /// Set when the reader moved to another page (or retried) in the app;
    /// the first page of a visit is read from the top as usual.
    moved: StoredValue<bool>,
}

impl Announcer {
    pub fn new() -> Announcer {
        Announcer {
            message: RwSignal::new(String::new()),
            aside: RwSignal::new(String::new()),
            moved: StoredValue::new(false),
        }
    }

    /// Marks that the next page heading to appear is the result of the reader's action.
    pub fn reader_moved(&self) {
        self.moved.set_value(true);
    }

    fn take_moved(&self) -> bool {
        let moved = self.moved.get_value();
        self.moved.set_value(false);
        moved
    }

    pub fn say(&self, text: String) {
        speak(self.message, text);
    }

    /// Says `text` in the second live region ([`Announcer::aside`]).
    pub fn say_aside(&self, text: String) {
        speak(self.aside, text);
    }
}

fn speak(region: RwSignal<String>, text: String) {
    // Clear first, so the same words twice are still spoken twice.
    region.set(String::new());
    request_animation_frame(move || region.set(text));
}

impl Default for Announcer {
    fn default() -> Self {
        Announcer::new()
    }
}

/// The persistent live region, rendered once in the layout.
#[component]
pub fn LiveRegion() -> impl IntoView {
    let announcer = expect_context::<Announcer>();
    view! {
        <div id="route-announcer" class="visually-hidden" role="status" aria-live="polite" aria-atomic="true">
            {move || announcer.message.get()}
        </div>
        <div id="aside-announcer" class="visually-hidden" aria-live="polite" aria-atomic="true">
            {move || announcer.aside.get()}
        </div>
    }
}

/// The page's one `<h1>`. Sets the document title and, after a client-side
/// navigation, takes focus and announces the page.
#[component]
pub fn PageHeading(
    #[prop(into)] text: String,
    /// What to announce instead of "TITLE, page loaded".
    #[prop(optional, into)]
    announcement: Option<String>,
    /// The home page's title is the portal's name alone.
    #[prop(optional)]
    home: bool,
) -> impl IntoView {
    let locale = crate::language::page_locale();
    let announcer = expect_context::<Announcer>();
    let heading = NodeRef::<leptos::html::H1>::new();
    let (title, spoken_title) = (text.clone(), text.clone());
    let full_title = move || match home {
        true => title.clone(),
        false => format!("{title} — {}", td_string!(locale, portal_name)),
    };
    // At build time the renderer writes the title into the page's <head>.
    #[cfg(feature = "ssr")]
    if let Some(rendered) = use_context::<RenderedTitle>() {
        *rendered.0.lock().expect("not poisoned") = full_title();
    }
    // Returns whether the page has been shown: focus and the announcement
    // are decided on the first run with a heading.
    Effect::new(move |shown: Option<bool>| {
        let Some(h1) = heading.get() else { return false };
        document().set_title(&full_title());
        if shown == Some(true) {
            return true;
        }
        if announcer.take_moved() {
            let spoken = announcement
                .clone()
                .unwrap_or_else(|| td_string!(locale, page_loaded, title = spoken_title.clone()).to_string());
            // A link to a section of a page (`…#contacts-heading`) takes the
            // reader to that section, as it does without scripts.
            match linked_section() {
                Some(section) => {
                    let _ = section.set_attribute("tabindex", "-1");
                    let _ = section.focus();
                    section.scroll_into_view();
                }
                None => {
                    let _ = h1.focus();
                }
            }
            announcer.say(spoken);
        }
        true
    });
    view! {
        <h1 class="page-title" tabindex="-1" node_ref=heading>
            {text}
        </h1>
    }
}

/// The element the address's fragment names, if the page has it.
fn linked_section() -> Option<web_sys::HtmlElement> {
    use wasm_bindgen::JsCast;
    let hash = window().location().hash().ok()?;
    let id = hash.strip_prefix('#').filter(|id| !id.is_empty())?;
    document().get_element_by_id(id)?.dyn_into().ok()
}

/// The title of the page rendered at build time, as its heading sets it.
#[cfg(feature = "ssr")]
#[derive(Clone, Default)]
pub struct RenderedTitle(pub std::sync::Arc<std::sync::Mutex<String>>);
