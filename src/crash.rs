//! If the app ever panics, the reader gets a page that says so in their
//! language and offers a reload, not a frozen screen. The reactive runtime
//! cannot be trusted after a panic, so this page is built with plain DOM calls.

use crate::i18n::*;
use portal_content::Lang;

/// Installs the panic hook: logs the panic to the console, then shows the crash page.
pub fn install() {
    std::panic::set_hook(Box::new(|info| {
        console_error_panic_hook::hook(info);
        if let Some(body) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.body()) {
            show_crash_page(&body);
        }
    }));
}

/// Replaces the content of `body` with a translated message and a reload link.
pub fn show_crash_page(body: &web_sys::HtmlElement) {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else { return };
    let lang = document
        .document_element()
        .and_then(|e| e.get_attribute("lang"))
        .and_then(|code| Lang::from_code(&code))
        .unwrap_or(Lang::DEFAULT);
    let locale = crate::language::locale_of(lang);
    let build = || -> Option<()> {
        let main = document.create_element("main").ok()?;
        main.set_id("crash");
        main.set_class_name("container main");
        let h1 = document.create_element("h1").ok()?;
        h1.set_text_content(Some(td_string!(locale, crash_title)));
        h1.set_attribute("tabindex", "-1").ok()?;
        let p = document.create_element("p").ok()?;
        p.set_text_content(Some(td_string!(locale, crash_text)));
        let link = document.create_element("a").ok()?;
        let here = web_sys::window()?.location().href().ok()?;
        link.set_attribute("href", &here).ok()?;
        link.set_text_content(Some(td_string!(locale, crash_reload)));
        let para = document.create_element("p").ok()?;
        para.append_child(&link).ok()?;
        main.append_child(&h1).ok()?;
        main.append_child(&p).ok()?;
        main.append_child(&para).ok()?;
        body.set_text_content(None);
        let _ = document.document_element().map(|root| root.remove_attribute(crate::served::MARK));
        body.append_child(&main).ok()?;
        document.set_title(td_string!(locale, crash_title));
        use wasm_bindgen::JsCast;
        h1.dyn_into::<web_sys::HtmlElement>().ok()?.focus().ok()
    };
    let _ = build();
}
