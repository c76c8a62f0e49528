//! Components rendered in headless Chromium (wasm-bindgen-test): what the
//! DOM holds after each one renders.

use leptos::prelude::*;
use portal::api::ApiError;
use portal::components::{Announcer, Blocks, ErrorPanel, NotFound};
use portal::i18n::I18nContextProvider;
use portal_content::{Block, CalloutTone, Inline, Lang, Route};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

/// Mounts `view` in a fresh container with the app's contexts and returns the container.
fn mount<V: IntoView + 'static>(view: impl FnOnce() -> V + Send + 'static) -> web_sys::HtmlElement {
    let document = document();
    let container: web_sys::HtmlElement = document.create_element("div").unwrap().unchecked_into();
    document.body().unwrap().append_child(&container).unwrap();
    let handle = leptos::mount::mount_to(container.clone(), move || {
        provide_context(Announcer::new());
        view! { <I18nContextProvider>{view()}</I18nContextProvider> }
    });
    handle.forget();
    container
}

fn text(s: &str) -> Inline {
    Inline::text(s)
}

#[wasm_bindgen_test]
fn blocks_render_as_semantic_html_with_links_in_the_reader_language() {
    let blocks = vec![
        Block::Heading { level: 2, id: "section-1".into(), text: vec![text("Who can apply")] },
        Block::Paragraph {
            text: vec![
                text("See "),
                Inline::Link { to: Route::Page("passport".into()), content: vec![text("the passport")] },
                text(" at the "),
                Inline::Foreign { lang: Lang::Kk, content: vec![text("ХҚКО")] },
                text(" or "),
                Inline::ExternalLink { href: "https://egov.kz".into(), content: vec![text("eGov")] },
            ],
        },
        Block::List {
            ordered: true,
            items: vec![
                vec![Block::Paragraph { text: vec![text("One")] }],
                vec![Block::Paragraph { text: vec![text("Two")] }],
            ],
        },
        Block::Table { head: vec![vec![text("Fee")]], rows: vec![vec![vec![text("Free")]]] },
        Block::Callout {
            tone: CalloutTone::Warning,
            body: vec![Block::Paragraph { text: vec![text("Bring the original")] }],
        },
        Block::Unknown,
    ];
    let root = mount(move || view! { <Blocks blocks lang=Lang::Ru /> });
    let q =
        |sel: &str| root.query_selector(sel).unwrap().unwrap_or_else(|| panic!("no {sel} in {}", root.inner_html()));
    assert_eq!(q("h2#section-1").text_content().unwrap(), "Who can apply");
    assert_eq!(q("p a[href='/ru/pages/passport']").text_content().unwrap(), "the passport");
    assert_eq!(q("p span[lang=kk]").text_content().unwrap(), "ХҚКО");
    let external = q("a.external");
    assert_eq!(external.get_attribute("href").unwrap(), "https://egov.kz");
    assert!(
        external.text_content().unwrap().contains("(external site)")
            || external.text_content().unwrap().contains("(сыртқы сайт)")
    );
    assert_eq!(root.query_selector_all("ol > li").unwrap().length(), 2);
    let first = root.query_selector("ol > li").unwrap().unwrap();
    assert_eq!(
        (first.child_element_count(), first.text_content().unwrap()),
        (0, "One".to_owned()),
        "a one-paragraph item is plain text"
    );
    assert_eq!(q("table th[scope=col]").text_content().unwrap(), "Fee");
    assert_eq!(q(".table-wrap").get_attribute("aria-label").unwrap(), "Fee");
    assert_eq!(q(".callout-warning p").text_content().unwrap(), "Bring the original");
}

#[wasm_bindgen_test]
fn markup_in_content_stays_text() {
    let blocks = vec![Block::Paragraph { text: vec![text("<img src=x onerror=alert(1)><script>alert(2)</script>")] }];
    let root = mount(move || view! { <Blocks blocks lang=Lang::En /> });
    assert_eq!(root.query_selector_all("p *").unwrap().length(), 0, "{}", root.inner_html());
    assert_eq!(
        root.query_selector("p").unwrap().unwrap().text_content().unwrap(),
        "<img src=x onerror=alert(1)><script>alert(2)</script>"
    );
}

#[wasm_bindgen_test]
fn the_error_panel_explains_and_retries() {
    let retries = RwSignal::new(0);
    let retry = Callback::new(move |()| retries.update(|n| *n += 1));
    let root = mount(move || view! { <ErrorPanel error=ApiError::Malformed("x".into()) retry title=None /> });
    assert!(root.query_selector("h1").unwrap().is_some());
    let button: web_sys::HtmlElement = root.query_selector("button").unwrap().unwrap().unchecked_into();
    button.click();
    button.click();
    assert_eq!(retries.get_untracked(), 2);
}

#[wasm_bindgen_test]
fn a_failed_part_of_a_page_is_an_alert_under_its_own_heading() {
    let retry = Callback::new(|()| ());
    let title = Some("Search is not available right now".to_owned());
    let root = mount(move || view! { <ErrorPanel error=ApiError::Network retry title=title.clone() /> });
    assert!(root.query_selector("h1").unwrap().is_none(), "the page keeps its own h1");
    let panel = root.query_selector(".error-panel").unwrap().unwrap();
    assert_eq!(panel.get_attribute("role").as_deref(), Some("alert"));
    assert_eq!(
        root.query_selector("h2").unwrap().unwrap().text_content().unwrap(),
        "Search is not available right now"
    );
}

#[wasm_bindgen_test]
fn not_found_speaks_the_language_it_is_given() {
    let root = mount(|| view! { <NotFound lang=Lang::Ru /> });
    assert_eq!(root.query_selector("h1").unwrap().unwrap().text_content().unwrap(), "Страница не найдена");
    assert_eq!(root.query_selector("a").unwrap().unwrap().get_attribute("href").unwrap(), "/ru/");
}

#[wasm_bindgen_test]
fn dates_read_naturally_in_each_language() {
    use portal::format::date;
    assert_eq!(date("2026-10-15", Lang::Kk), "2026 жылғы 15 қазан");
    assert_eq!(date("2026-03-01", Lang::Ru), "1 марта 2026 г.");
    assert_eq!(date("2026-12-31", Lang::En), "31 December 2026");
    assert_eq!(date("soon", Lang::En), "soon");
}

#[wasm_bindgen_test]
fn the_remembered_language_wins_over_the_browser_language() {
    portal::language::remember(Lang::En);
    assert_eq!(portal::language::preferred(), Lang::En);
    portal::language::remember(Lang::Ru);
    assert_eq!(portal::language::preferred(), Lang::Ru);
    window().local_storage().unwrap().unwrap().clear().unwrap();
}

#[wasm_bindgen_test]
fn a_crash_shows_a_translated_page_with_a_reload_link() {
    document().document_element().unwrap().set_attribute("lang", "ru").unwrap();
    let page: web_sys::HtmlElement = document().create_element("div").unwrap().unchecked_into();
    page.set_inner_text("the app's page");
    document().body().unwrap().append_child(&page).unwrap();
    portal::crash::show_crash_page(&page);
    assert!(!page.text_content().unwrap().contains("the app's page"), "the broken page is replaced");
    let main = page.query_selector("#crash").unwrap().expect("crash page");
    assert_eq!(main.query_selector("h1").unwrap().unwrap().text_content().unwrap(), "Что-то пошло не так");
    assert!(main.query_selector("a[href]").unwrap().unwrap().text_content().unwrap().contains("Перезагрузить"));
    assert_eq!(document().title(), "Что-то пошло не так");
}

#[wasm_bindgen_test]
fn an_item_says_when_it_was_posted_and_last_updated_where_known() {
    use portal::components::PostedAndUpdated;
    let root = mount(|| {
        portal::i18n::use_i18n().set_locale(portal::i18n::Locale::ru);
        view! {
            <dl>
                <PostedAndUpdated posted=Some("2025-01-15".into()) updated=Some("2026-09-01".into()) lang=Lang::Ru />
            </dl>
        }
    });
    let terms: Vec<String> =
        (0..2).map(|i| root.query_selector_all("dt").unwrap().item(i).unwrap().text_content().unwrap()).collect();
    assert_eq!(terms, ["Размещено", "Обновлено"]);
    let time = root.query_selector("time").unwrap().unwrap();
    assert_eq!(time.get_attribute("datetime").as_deref(), Some("2025-01-15"));
    assert_eq!(time.text_content().unwrap(), "15 января 2025 г.");
    let root = mount(|| {
        view! {
            <dl>
                <PostedAndUpdated posted=None updated=None lang=Lang::En />
            </dl>
        }
    });
    assert_eq!(root.query_selector_all("dt").unwrap().length(), 0, "nothing is shown that is not known");
}
