//! The "version for the visually impaired": a button in every page's header
//! opens the display settings (colour scheme, text size, letter spacing,
//! line height, images, screen-reader mode). Changes apply at once to the
//! whole portal and are remembered.

use super::Announcer;
use crate::display::{DisplaySettings, Images, LineHeight, Scheme, Spacing, FONT_SIZES};
use crate::i18n::*;
use leptos::prelude::*;

/// The reader's display settings, provided by the app.
#[derive(Clone, Copy)]
pub struct Display {
    pub settings: RwSignal<DisplaySettings>,
    pub open: RwSignal<bool>,
}

impl Display {
    /// Loads the remembered settings and keeps the page and storage in step with them.
    pub fn provide() -> Display {
        let initial = DisplaySettings::load();
        initial.apply();
        let display = Display { settings: RwSignal::new(initial), open: RwSignal::new(false) };
        Effect::new(move |_| {
            let settings = display.settings.get();
            settings.apply();
            settings.save();
        });
        // Pressed before the app had started (public/display-early.js noted it).
        Effect::new(move |_| {
            let root = crate::served::document().and_then(|d| d.document_element());
            if let Some(root) = root.filter(|root| root.has_attribute(OPEN_REQUESTED)) {
                let _ = root.remove_attribute(OPEN_REQUESTED);
                display.open.set(true);
            }
        });
        provide_context(display);
        display
    }
}

const PANEL_ID: &str = "display-settings";
/// Set on `<html>` by public/display-early.js when the settings button is
/// pressed before the app has started.
const OPEN_REQUESTED: &str = "data-display-requested";

/// The header button that opens and closes the settings.
#[component]
pub fn DisplayToggle() -> impl IntoView {
    let i18n = use_i18n();
    let display = expect_context::<Display>();
    view! {
        <button
            type="button"
            class="display-toggle"
            id="display-toggle"
            aria-controls=PANEL_ID
            aria-expanded=move || display.open.get().to_string()
            on:click=move |_| display.open.update(|open| *open = !*open)
        >
            <span class="display-toggle-icon" aria-hidden="true"></span>
            {t!(i18n, display_button)}
        </button>
    }
}

#[component]
pub fn DisplayPanel() -> impl IntoView {
    let i18n = use_i18n();
    let display = expect_context::<Display>();
    let announcer = expect_context::<Announcer>();
    let settings = display.settings;

    let schemes = move || {
        Scheme::ALL
            .into_iter()
            .map(|s| {
                let label = match s {
                    Scheme::Standard => t_string!(i18n, scheme_standard),
                    Scheme::BlackOnWhite => t_string!(i18n, scheme_black_on_white),
                    Scheme::WhiteOnBlack => t_string!(i18n, scheme_white_on_black),
                    Scheme::DarkBlueOnLightBlue => t_string!(i18n, scheme_dark_blue_on_light_blue),
                    Scheme::BrownOnBeige => t_string!(i18n, scheme_brown_on_beige),
                    Scheme::GreenOnDarkBrown => t_string!(i18n, scheme_green_on_dark_brown),
                };
                (s, s.code().to_owned(), label.to_string())
            })
            .collect::<Vec<_>>()
    };
    let sizes = move || FONT_SIZES.into_iter().map(|n| (n, n.to_string(), format!("{n}%"))).collect::<Vec<_>>();
    let spacings = move || {
        vec![
            (Spacing::Normal, "normal".to_owned(), t_string!(i18n, spacing_normal).to_string()),
            (Spacing::Wider, "wider".to_owned(), t_string!(i18n, spacing_wider).to_string()),
            (Spacing::Widest, "widest".to_owned(), t_string!(i18n, spacing_widest).to_string()),
        ]
    };
    let line_heights = move || {
        vec![
            (LineHeight::Normal, "normal".to_owned(), t_string!(i18n, line_height_normal).to_string()),
            (LineHeight::Larger, "larger".to_owned(), t_string!(i18n, line_height_larger).to_string()),
            (LineHeight::Largest, "largest".to_owned(), t_string!(i18n, line_height_largest).to_string()),
        ]
    };
    let images = move || {
        vec![
            (Images::Shown, "shown".to_owned(), t_string!(i18n, images_shown).to_string()),
            (Images::Greyscale, "greyscale".to_owned(), t_string!(i18n, images_greyscale).to_string()),
            (Images::Hidden, "hidden".to_owned(), t_string!(i18n, images_hidden).to_string()),
        ]
    };

    let reset = move |_| {
        settings.set(DisplaySettings::default());
        announcer.say(t_string!(i18n, display_reset_done).to_string());
    };
    let close = move |_| {
        display.open.set(false);
        if let Some(button) = document().get_element_by_id("display-toggle") {
            use wasm_bindgen::JsCast;
            let _ = button.unchecked_into::<web_sys::HtmlElement>().focus();
        }
    };

    // The controls are built when the panel is first opened, and kept: most
    // readers never open it, and its controls are about two fifths of a
    // page's elements, which the app would otherwise build at start-up.
    let built = Memo::new(move |before: Option<&bool>| before.copied().unwrap_or(false) || display.open.get());

    view! {
        <section
            id=PANEL_ID
            class="display-panel"
            hidden=move || !display.open.get()
            aria-labelledby="display-settings-heading"
        >
            <div class="container">
                <h2 id="display-settings-heading">{t!(i18n, display_heading)}</h2>
                {move || {
                    built
                        .get()
                        .then(|| {
                            view! {
                                <div class="display-groups">
                                    {move || radio_group(
                                        "scheme",
                                        t_string!(i18n, scheme_legend).to_string(),
                                        schemes(),
                                        settings,
                                        |s| s.scheme,
                                        |s, v| s.scheme = v,
                                        true,
                                    )}
                                    {move || radio_group(
                                        "font-size",
                                        t_string!(i18n, font_size_legend).to_string(),
                                        sizes(),
                                        settings,
                                        |s| s.font_size,
                                        |s, v| s.font_size = v,
                                        false,
                                    )}
                                    {move || radio_group(
                                        "letter-spacing",
                                        t_string!(i18n, letter_spacing_legend).to_string(),
                                        spacings(),
                                        settings,
                                        |s| s.letter_spacing,
                                        |s, v| s.letter_spacing = v,
                                        false,
                                    )}
                                    {move || radio_group(
                                        "line-height",
                                        t_string!(i18n, line_height_legend).to_string(),
                                        line_heights(),
                                        settings,
                                        |s| s.line_height,
                                        |s, v| s.line_height = v,
                                        false,
                                    )}
                                    {move || radio_group(
                                        "images",
                                        t_string!(i18n, images_legend).to_string(),
                                        images(),
                                        settings,
                                        |s| s.images,
                                        |s, v| s.images = v,
                                        false,
                                    )}
                                </div>
                                <div class="choice choice-checkbox">
                                    <input
                                        type="checkbox"
                                        id="screen-reader-mode"
                                        prop:checked=move || settings.get().screen_reader
                                        on:change=move |ev| {
                                            settings.update(|s| s.screen_reader = event_target_checked(&ev))
                                        }
                                    />
                                    <label for="screen-reader-mode">
                                        {t!(i18n, screen_reader_mode)}
                                        <span class="hint">{t!(i18n, screen_reader_mode_hint)}</span>
                                    </label>
                                </div>
                                <div class="button-row">
                                    <button type="button" class="button button-secondary" on:click=reset>
                                        {t!(i18n, display_reset)}
                                    </button>
                                    <button type="button" class="button button-secondary" on:click=close>
                                        {t!(i18n, display_close)}
                                    </button>
                                </div>
                            }
                        })
                }}
            </div>
        </section>
    }
}

/// A fieldset of native radio buttons bound to one setting.
#[allow(clippy::too_many_arguments)]
fn radio_group<T: Copy + PartialEq + Send + Sync + 'static>(
    name: &'static str,
    legend: String,
    options: Vec<(T, String, String)>,
    settings: RwSignal<DisplaySettings>,
    get: fn(&DisplaySettings) -> T,
    set: fn(&mut DisplaySettings, T),
    samples: bool,
) -> impl IntoView {
    view! {
        <fieldset class=format!("choice-group choice-group-{name}")>
            <legend>{legend}</legend>
            {options
                .into_iter()
                .map(|(value, code, label)| {
                    let id = format!("{name}-{code}");
                    view! {
                        <div class="choice">
                            <input
                                type="radio"
                                id=id.clone()
                                name=name
                                value=code.clone()
                                prop:checked=move || get(&settings.get()) == value
                                on:change=move |_| settings.update(|s| set(s, value))
                            />
                            <label for=id>
                                {samples
                                    .then(|| {
                                        view! {
                                            <span
                                                class=format!("scheme-sample scheme-sample-{code}")
                                                aria-hidden="true"
                                            >
                                                "Аа"
                                            </span>
                                        }
                                    })} {label}
                            </label>
                        </div>
                    }
                })
                .collect_view()}
        </fieldset>
    }
}
