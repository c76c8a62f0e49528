//! The reader's language: taken from the URL, remembered for the next
//! visit, and used to pick the language when the URL has none.

use crate::i18n::Locale;
use portal_content::Lang;

const STORAGE_KEY: &str = "portal.lang";

/// The translations for a page's language. Page bodies look their words up
/// with this (`td!` and `td_string!(locale_of(lang), key)`) instead of following the locale
/// signal: a page's language is fixed by its URL, and each text that followed
/// the signal left an entry in its subscriber list on every navigation (the
/// list is only cleared when the locale changes), so memory grew as the
/// reader browsed.
pub fn locale_of(lang: Lang) -> Locale {
    match lang {
        Lang::Kk => Locale::kk,
        Lang::Ru => Locale::ru,
        Lang::En => Locale::en,
    }
}

/// The locale of the page being made, for a component that is not given
/// the page's language: read once, untracked (see [`locale_of`]), as a page
/// is made again in another language. Outside a page (a component test),
/// the i18n context's.
pub fn page_locale() -> Locale {
    use leptos::prelude::*;
    match use_context::<Signal<Lang>>() {
        Some(lang) => locale_of(lang.get_untracked()),
        None => crate::i18n::use_i18n().get_locale_untracked(),
    }
}

/// Remembers the language the reader is using, for their next visit to `/`.
pub fn remember(lang: Lang) {
    if let Some(storage) = crate::served::local_storage() {
        // Storage can be full or disabled (private mode): remembering is a convenience only.
        let _ = storage.set_item(STORAGE_KEY, lang.code());
    }
}

/// The language chosen before, else the browser's preferred one of ours, else Kazakh.
pub fn preferred() -> Lang {
    let Some(window) = crate::served::window() else { return Lang::DEFAULT };
    let saved = crate::served::local_storage()
        .and_then(|s| s.get_item(STORAGE_KEY).ok().flatten())
        .and_then(|code| Lang::from_code(&code));
    if let Some(lang) = saved {
        return lang;
    }
    let languages = window.navigator().languages();
    languages
        .iter()
        .filter_map(|v| v.as_string())
        .find_map(|tag| Lang::from_tag(&tag))
        .or_else(|| window.navigator().language().and_then(|tag| Lang::from_tag(&tag)))
        .unwrap_or(Lang::DEFAULT)
}
