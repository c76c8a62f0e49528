//! Every page in the sitemap is also written as finished HTML at build time
//! (scripts/prerender.mjs), so a reader sees the page as soon as the HTML
//! and CSS arrive, and can read it and follow its links even where the app
//! never starts. Such a page comes with `data-prerendered` on `<html>` and on
//! each element the build wrote into `<body>`.
//!
//! The app renders beside that copy, hidden by the styles while `<html>` has
//! the mark, and takes its place in one step once the app's own page is
//! shown (content, error or not found): the prerendered elements go, the
//! mark goes, and a reader who had already moved focus into the page keeps
//! it on the same element of the app's copy. The markup is the same, so
//! nothing moves on screen.
//!
//! While the copy is shown, nobody sees the app build its own, so the build
//! is done in steps ([`Staged`]), each in a task of its own: between them
//! the browser answers the reader (a tap on a link, a scroll) instead of
//! waiting for the whole app. The takeover comes after the last step.

use leptos::prelude::*;
use std::cell::RefCell;
use std::collections::VecDeque;
use std::time::Duration;
use wasm_bindgen::JsCast;
use web_sys::{Document, Element, HtmlElement, HtmlInputElement};

const MARK: &str = "data-prerendered";

/// The app's start on a prerendered page: the steps still to build, and
/// the page whose heading is shown, with what to do once the reader sees it.
#[derive(Default)]
struct Start {
    steps: VecDeque<Box<dyn FnOnce()>>,
    step_scheduled: bool,
    shown: Option<(PageId, Box<dyn FnOnce()>)>,
}

/// One page heading, so that a page the reader has left can withdraw what
/// it asked for ([`page_gone`]).
#[derive(Clone, Copy, PartialEq, Eq)]
pub struct PageId(u64);

impl PageId {
    pub fn new() -> PageId {
        thread_local! { static NEXT: std::cell::Cell<u64> = const { std::cell::Cell::new(0) }; }
        PageId(NEXT.replace(NEXT.get() + 1))
    }
}

impl Default for PageId {
    fn default() -> Self {
        PageId::new()
    }
}

thread_local! {
    static START: RefCell<Start> = RefCell::default();
}

/// Whether a prerendered copy of the page is on screen (so the app's own is
/// hidden until the takeover).
pub fn pending() -> bool {
    root().is_some_and(|root| root.has_attribute(MARK))
}

/// `<html>`, which carries the mark.
fn root() -> Option<Element> {
    web_sys::window().and_then(|w| w.document()).and_then(|d| d.document_element())
}

/// Runs `step` now, or, while the prerendered copy is shown, in a task of
/// its own after the steps already waiting. In a tab in the background,
/// where timers run about once a second and no one is waiting for an
/// answer, at once as well.
pub fn in_own_task(step: impl FnOnce() + 'static) {
    let hidden = web_sys::window().and_then(|w| w.document()).is_some_and(|d| d.hidden());
    if !pending() || hidden {
        step();
        return;
    }
    START.with_borrow_mut(|start| start.steps.push_back(Box::new(step)));
    schedule_next_step();
}

fn schedule_next_step() {
    let schedule = START.with_borrow_mut(|start| !std::mem::replace(&mut start.step_scheduled, true));
    if schedule {
        // A timer, not a promise: a promise would run in the same task.
        set_timeout(run_next_step, Duration::ZERO);
    }
}

fn run_next_step() {
    let step = START.with_borrow_mut(|start| {
        start.step_scheduled = false;
        start.steps.pop_front()
    });
    match step {
        // Its views are built in this task's microtasks, after this returns,
        // and may add steps; the next timer looks again.
        Some(step) => {
            step();
            schedule_next_step();
        }
        None if START.with_borrow(|start| start.shown.is_some()) => finish(),
        None => {}
    }
}

fn finish() {
    take_over();
    if let Some((_, then)) = START.with_borrow_mut(|start| start.shown.take()) {
        then();
    }
}

/// Part of a view that, while the prerendered copy is shown, is built in a
/// task of its own ([`in_own_task`]); at any other time at once.
#[component]
pub fn Staged(children: Children) -> impl IntoView {
    if !pending() {
        return children().into_any();
    }
    let built = RwSignal::new(false);
    let children = StoredValue::new_local(Some(children));
    // `try_set`: a part left before its step (the reader moved on) is gone.
    in_own_task(move || {
        built.try_set(true);
    });
    // Runs once empty and once when built. It must depend on nothing else:
    // the children are taken when built, so a later run would drop them.
    // Hence they are built untracked.
    (move || built.get().then(|| children.try_update_value(Option::take).flatten().map(|children| untrack(children))))
        .into_any()
}

/// The page `id`'s heading is shown (content, error or not found): the app's
/// page replaces the prerendered copy once every staged part is built, and
/// `then` runs when the reader can see it (a hidden heading cannot take
/// focus, and a hidden live region is not read). Without a prerendered
/// copy, at once. Only the latest page's `then` is kept.
pub fn page_shown(id: PageId, then: impl FnOnce() + 'static) {
    let waiting = START.with_borrow_mut(|start| {
        start.shown = Some((id, Box::new(then)));
        !start.steps.is_empty() || start.step_scheduled
    });
    if !waiting {
        // Not from inside the caller's effect: the takeover dispatches events.
        untrack(finish);
    }
}

/// The page `id` is gone before the takeover (the reader followed another
/// link): the takeover waits for the next page's heading instead, and its
/// focus and announcement are dropped.
pub fn page_gone(id: PageId) {
    START.with_borrow_mut(|start| {
        if start.shown.as_ref().is_some_and(|(shown, _)| *shown == id) {
            start.shown = None;
        }
    });
}

/// Replaces the prerendered page with the app's. Does nothing on a page that
/// was not prerendered or has already been taken over.
fn take_over() {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else { return };
    let (Some(root), Some(body)) = (document.document_element(), document.body()) else { return };
    if !root.has_attribute(MARK) {
        return;
    }
    let (prerendered, app): (Vec<Element>, Vec<Element>) =
        top_level_elements(&body).into_iter().partition(|element| element.has_attribute(MARK));
    let focused = focused_path(&document, &prerendered);
    for element in &prerendered {
        element.remove();
    }
    root.remove_attribute(MARK).ok();
    if let Some((path, typed)) = focused {
        restore_focus(&app, &path, typed);
    }
}

/// Drops the mark without a takeover, so that a page the app builds by hand
/// (the crash page) is not hidden.
pub fn forget() {
    START.with_borrow_mut(|start| *start = Start::default());
    if let Some(root) = root() {
        root.remove_attribute(MARK).ok();
    }
}

/// The elements directly in `<body>` that make up a page (not scripts).
fn top_level_elements(body: &HtmlElement) -> Vec<Element> {
    let children = body.children();
    (0..children.length())
        .filter_map(|i| children.item(i))
        .filter(|element| !matches!(element.tag_name().as_str(), "SCRIPT" | "NOSCRIPT" | "TEMPLATE"))
        .collect()
}

/// Where the focused element sits in the prerendered page, as the index of
/// its top-level element and then of each child down to it, with what the
/// reader had typed into it, if anything.
fn focused_path(document: &Document, prerendered: &[Element]) -> Option<(Vec<u32>, Option<String>)> {
    let focused = document.active_element()?;
    let typed = focused.dyn_ref::<HtmlInputElement>().map(|input| input.value()).filter(|v| !v.is_empty());
    let mut path = Vec::new();
    let mut current = focused;
    loop {
        if let Some(top) = prerendered.iter().position(|element| element == &current) {
            path.push(top as u32);
            path.reverse();
            return Some((path, typed));
        }
        let parent = current.parent_element()?;
        let siblings = parent.children();
        let index = (0..siblings.length()).find(|&i| siblings.item(i).as_ref() == Some(&current))?;
        path.push(index);
        current = parent;
    }
}

fn restore_focus(app: &[Element], path: &[u32], typed: Option<String>) {
    let Some((top, rest)) = path.split_first() else { return };
    let mut target = app.get(*top as usize).cloned();
    for index in rest {
        target = target.and_then(|element| element.children().item(*index));
    }
    let Some(target) = target.and_then(|element| element.dyn_into::<HtmlElement>().ok()) else { return };
    if let (Some(text), Some(input)) = (typed, target.dyn_ref::<HtmlInputElement>()) {
        // Tell the app's own handlers, so its state holds the same text.
        input.set_value(&text);
        if let Ok(event) = web_sys::Event::new("input") {
            let _ = input.dispatch_event(&event);
        }
    }
    let _ = target.focus();
}
