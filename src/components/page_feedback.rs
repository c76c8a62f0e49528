//! At the end of every page: "Is this page useful?" and "Report a problem
//! with this page", sent to the body responsible for the page through the
//! feedback service ([`crate::feedback`]). Both are plain forms first: with
//! JavaScript off they post to the service, which answers with the
//! thank-you page; the app sends them as JSON instead, confirms in place
//! and keeps what could not be sent. A deployment without the service shows
//! the responsible body's contacts instead.

use crate::feedback::{self, Endpoint, Fields, Outcome, Outgoing};
use crate::i18n::*;
use crate::routes::AppUrl;
use leptos::prelude::*;
use leptos_router::hooks::use_location;
use portal_content::feedback::{REASONS, TEXT_LIMIT};
use portal_content::{Lang, Route};

/// The appeals service that answers, for questions that need an answer.
const APPEALS: &str = "https://eotinish.kz";

/// The feedback part of the page at the current address (none on addresses
/// that are not pages of the portal). Made again on every page.
#[component]
pub fn PageFeedback(lang: Signal<Lang>) -> impl IntoView {
    let location = use_location();
    move || {
        let route = route_of(&location.pathname.get(), lang.get())?;
        Some(view! { <FeedbackFor lang=lang.get() route /> })
    }
}

/// `/portal/ru/pages/passport` -> the page's route.
fn route_of(path: &str, lang: Lang) -> Option<Route> {
    let path = path.strip_prefix(crate::routes::base_path()).unwrap_or(path);
    let rest = path.strip_prefix(&format!("/{}", lang.code()))?;
    Route::parse_neutral(if rest.is_empty() { "/" } else { rest })
}

#[component]
fn FeedbackFor(lang: Lang, route: Route) -> impl IntoView {
    let locale = crate::language::locale_of(lang);
    let content = match feedback::service() {
        Some(service) => view! {
            <UsefulQuestion lang route=route.clone() service />
            <ProblemReport lang route service />
        }
        .into_any(),
        None => view! { <Contacts lang route /> }.into_any(),
    };
    view! {
        <section class="page-feedback" aria-labelledby="page-feedback-heading">
            <h2 id="page-feedback-heading" class="visually-hidden">
                {td!(locale, feedback_heading)}
            </h2>
            {content}
        </section>
    }
}

/// What the reader is told after answering, focused so it is read out.
#[component]
fn Done(#[prop(into)] text: String, #[prop(optional)] kept: bool) -> impl IntoView {
    let message = NodeRef::<leptos::html::P>::new();
    message.on_load(|p| {
        let _ = p.focus();
    });
    let class = if kept { "feedback-done feedback-kept" } else { "feedback-done" };
    view! {
        <p class=class tabindex="-1" node_ref=message>
            {text}
        </p>
    }
}

#[derive(Clone, PartialEq)]
enum State {
    Asking,
    Sending,
    Answered(Outcome),
}

#[component]
fn UsefulQuestion(lang: Lang, route: Route, service: &'static str) -> impl IntoView {
    let locale = crate::language::locale_of(lang);
    let state = RwSignal::new(State::Asking);
    let neutral = route.neutral_path();
    let answer = {
        let neutral = neutral.clone();
        move |ev: leptos::ev::MouseEvent, useful: bool| {
            ev.prevent_default();
            if state.get_untracked() == State::Sending {
                return;
            }
            state.set(State::Sending);
            let fields = Fields { useful: Some(useful), ..Fields::new(&neutral, lang) };
            leptos::task::spawn_local(async move {
                let outcome = feedback::send(Outgoing { endpoint: Endpoint::Useful, fields }).await;
                state.set(State::Answered(outcome));
            });
        }
    };
    // Yes and No: the same button, with its value and words.
    let button = move |useful: bool| {
        let answer = answer.clone();
        // The words in this part's language, not following the locale: the
        // part is made again for every page and language, and a text
        // following the locale would leave an entry in the locale's list of
        // subscribers behind each time (the library never clears them for a
        // signal that does not change), a leak on every navigation.
        let (value, shown, hidden) = match useful {
            true => ("yes", td!(locale, feedback_yes).into_any(), td!(locale, feedback_yes_hidden).into_any()),
            false => ("no", td!(locale, feedback_no).into_any(), td!(locale, feedback_no_hidden).into_any()),
        };
        view! {
            <button
                type="submit"
                name="useful"
                value=value
                class="button button-secondary"
                on:click=move |ev| answer(ev, useful)
            >
                {shown}
                <span class="visually-hidden">{hidden}</span>
            </button>
        }
    };
    let answered = answered(state);
    move || match answered.get() {
        Some(Outcome::Stored) => view! { <Done text=td_string!(locale, feedback_thanks).to_string() /> }.into_any(),
        Some(Outcome::Kept) => {
            view! { <Done text=td_string!(locale, feedback_kept).to_string() kept=true /> }.into_any()
        }
        Some(Outcome::Unsent) => view! { <Done text=td_string!(locale, feedback_unsent).to_string() /> }.into_any(),
        Some(Outcome::Refused(reason)) => {
            view! { <Done text=format!("{} {reason}", td_string!(locale, feedback_refused)) /> }.into_any()
        }
        None => view! {
            <form class="feedback-useful" method="post" action=format!("{service}useful")>
                <input type="hidden" name="route" value=neutral.clone() />
                <input type="hidden" name="lang" value=lang.code() />
                <p class="feedback-question" id="feedback-useful-question">
                    {td!(locale, feedback_useful_question)}
                </p>
                <div class="button-row" role="group" aria-labelledby="feedback-useful-question">
                    {button.clone()(true)}
                    {button.clone()(false)}
                </div>
            </form>
        }
        .into_any(),
    }
}

#[component]
fn ProblemReport(lang: Lang, route: Route, service: &'static str) -> impl IntoView {
    let locale = crate::language::locale_of(lang);
    let state = RwSignal::new(State::Asking);
    // "Choose what went wrong", or the service's reason for refusing.
    let error = RwSignal::new(None::<String>);
    let left = RwSignal::new(TEXT_LIMIT);
    // What the live region says: the count, once the reader pauses typing.
    let spoken_left = RwSignal::new(String::new());
    let pause = StoredValue::new_local(None::<gloo_timers::callback::Timeout>);
    let form = NodeRef::<leptos::html::Form>::new();
    let error_box = NodeRef::<leptos::html::Div>::new();
    let neutral = route.neutral_path();
    // The page's document names the body the report goes to. It is there at
    // once on a page the build rendered; after a move inside the app it
    // arrives with the page, so it is looked for again when the form opens.
    let client = expect_context::<crate::api::ApiClient>();
    let document =
        RwSignal::new(client.ready::<portal_content::feedback::Answerable>(&route, lang).and_then(Result::ok));
    let on_toggle = {
        let route = route.clone();
        move |_: leptos::ev::Event| {
            if document.get_untracked().is_none() {
                document.set(client.ready::<portal_content::feedback::Answerable>(&route, lang).and_then(Result::ok));
            }
        }
    };
    let goes_to = move || match document.get() {
        None => td_string!(locale, feedback_goes_to).to_string(),
        Some(doc) => match portal_content::feedback::responsible_body(&route, &doc) {
            Some(body) => td_string!(locale, feedback_goes_to_body, body = body.name).to_string(),
            None => td_string!(locale, feedback_goes_to_portal).to_string(),
        },
    };

    let on_input = move |ev: leptos::ev::Event| {
        let n = TEXT_LIMIT.saturating_sub(event_target_value(&ev).chars().count());
        left.set(n);
        let say = move || spoken_left.set(td_string!(locale, feedback_count, n = n).to_string());
        pause.set_value(Some(gloo_timers::callback::Timeout::new(1000, say)));
    };
    let on_submit = {
        let neutral = neutral.clone();
        move |ev: leptos::ev::SubmitEvent| {
            ev.prevent_default();
            let Some(data) = form.get().and_then(|f| web_sys::FormData::new_with_form(&f).ok()) else { return };
            let field = |name: &str| data.get(name).as_string().unwrap_or_default();
            let reason = field("reason");
            if reason.is_empty() {
                error.set(Some(td_string!(locale, feedback_choose_reason).to_string()));
                focus_error(error_box);
                return;
            }
            if state.get_untracked() == State::Sending {
                return;
            }
            state.set(State::Sending);
            let fields = Fields {
                reason: Some(reason),
                text: Some(field("text")),
                website: Some(field("website")),
                ..Fields::new(&neutral, lang)
            };
            leptos::task::spawn_local(async move {
                // Refused or unsent, the form stays as the reader filled it in, with the reason.
                let problem = match feedback::send(Outgoing { endpoint: Endpoint::Report, fields }).await {
                    Outcome::Refused(reason) => format!("{} {reason}", td_string!(locale, feedback_refused)),
                    Outcome::Unsent => td_string!(locale, feedback_unsent).to_string(),
                    outcome => return state.set(State::Answered(outcome)),
                };
                error.set(Some(problem));
                state.set(State::Asking);
                focus_error(error_box);
            });
        }
    };
    let reasons = move || {
        REASONS
            .iter()
            .map(|&code| {
                let id = format!("feedback-reason-{code}");
                let label = match code {
                    "broken" => td_string!(locale, feedback_reason_broken),
                    "spelling" => td_string!(locale, feedback_reason_spelling),
                    "outdated" => td_string!(locale, feedback_reason_outdated),
                    _ => td_string!(locale, feedback_reason_other),
                };
                view! {
                    <div class="choice">
                        <input type="radio" id=id.clone() name="reason" value=code />
                        <label for=id>{label}</label>
                    </div>
                }
            })
            .collect_view()
    };
    let the_form = move || {
        view! {
            <details class="feedback-report" open=move || error.get().is_some() on:toggle=on_toggle.clone()>
                <summary>{td!(locale, feedback_report_open)}</summary>
                <form
                    class="feedback-report-form"
                    method="post"
                    action=format!("{service}report")
                    novalidate
                    node_ref=form
                    on:submit=on_submit.clone()
                >
                    <div class="feedback-error" role="alert" tabindex="-1" node_ref=error_box>
                        {move || error.get()}
                    </div>
                    <input type="hidden" name="route" value=neutral.clone() />
                    <input type="hidden" name="lang" value=lang.code() />
                    <fieldset class="choice-group">
                        <legend>{td!(locale, feedback_reason_legend)}</legend>
                        {reasons}
                    </fieldset>
                    <label class="feedback-text-label" for="feedback-text">
                        {td!(locale, feedback_text_label)}
                    </label>
                    <span class="hint" id="feedback-text-hint">
                        {td!(locale, feedback_text_hint)}
                    </span>
                    <textarea
                        id="feedback-text"
                        name="text"
                        rows="5"
                        maxlength=TEXT_LIMIT.to_string()
                        aria-describedby="feedback-text-hint feedback-text-count"
                        on:input=on_input
                    ></textarea>
                    <span class="hint" id="feedback-text-count">
                        {move || td_string!(locale, feedback_count, n = left.get()).to_string()}
                    </span>
                    <span class="visually-hidden" aria-live="polite">
                        {move || spoken_left.get()}
                    </span>
                    // Hidden from people; bots fill it in, and the service refuses what they send.
                    <div class="feedback-trap" aria-hidden="true">
                        <label for="feedback-website">{td!(locale, feedback_trap_label)}</label>
                        <input id="feedback-website" name="website" type="text" tabindex="-1" autocomplete="off" />
                    </div>
                    <p class="hint">
                        {goes_to.clone()} " " {td!(locale, feedback_appeal_before)}
                        <a href=APPEALS>{td!(locale, feedback_appeal_link)}</a> {td!(locale, feedback_appeal_after)}
                    </p>
                    <button type="submit" class="button">
                        {td!(locale, feedback_send)}
                    </button>
                </form>
            </details>
        }
    };
    let answered = answered(state);
    move || match answered.get() {
        Some(Outcome::Stored) => {
            view! { <Done text=td_string!(locale, feedback_report_sent).to_string() /> }.into_any()
        }
        Some(_) => view! { <Done text=td_string!(locale, feedback_kept).to_string() kept=true /> }.into_any(),
        None => the_form().into_any(),
    }
}

/// The outcome once there is one. Going from asking to sending and back
/// changes nothing here, so the form, and what the reader wrote in it, stays.
fn answered(state: RwSignal<State>) -> Memo<Option<Outcome>> {
    Memo::new(move |_| match state.get() {
        State::Answered(outcome) => Some(outcome),
        State::Asking | State::Sending => None,
    })
}

fn focus_error(error_box: NodeRef<leptos::html::Div>) {
    // After the message is in the page, so it is read with focus.
    request_animation_frame(move || {
        if let Some(div) = error_box.get_untracked() {
            let _ = div.focus();
        }
    });
}

/// Without a feedback service: whom to tell, and where their contacts are.
#[component]
fn Contacts(lang: Lang, route: Route) -> impl IntoView {
    let locale = crate::language::locale_of(lang);
    let client = expect_context::<crate::api::ApiClient>();
    // The page's document: at once where the page was rendered from it (and
    // at build time), else when the page has loaded it.
    let document =
        RwSignal::new(client.ready::<portal_content::feedback::Answerable>(&route, lang).and_then(Result::ok));
    if document.get_untracked().is_none() {
        let route = route.clone();
        leptos::task::spawn_local(async move {
            let leave = crate::api::Leave::default();
            if let Ok(doc) = client.document::<portal_content::feedback::Answerable>(&route, lang, &leave).await {
                document.set(Some(doc));
            }
        });
    }
    let link = move || match document.get().and_then(|doc| portal_content::feedback::responsible_body(&route, &doc)) {
        Some(body) => {
            view! { <a href=format!("{}#contacts-heading", Route::Agency(body.slug).url(lang))>{body.name}</a> }
                .into_any()
        }
        None => view! { <a href=Route::Agencies.url(lang)>{td!(locale, feedback_contacts_list)}</a> }.into_any(),
    };
    view! { <p class="feedback-contacts">{td!(locale, feedback_contacts)} " " {link}</p> }
}
