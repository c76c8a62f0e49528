//! Offline use and new versions: registers the service worker (public/sw.js),
//! tells the reader when they are offline, and offers a reload when a new
//! version of the portal has been deployed.

use leptos::prelude::*;
use std::cell::RefCell;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{ServiceWorkerRegistration, ServiceWorkerState};

#[derive(Clone, Copy)]
pub struct Connectivity {
    pub online: RwSignal<bool>,
    /// A new version is installed and waits for the reader to reload.
    pub update_ready: RwSignal<bool>,
}

thread_local! {
    static REGISTRATION: RefCell<Option<ServiceWorkerRegistration>> = const { RefCell::new(None) };
}

impl Connectivity {
    pub fn provide() -> Connectivity {
        // Online until the browser says otherwise, as the page the build
        // rendered shows it: the real state comes after hydration.
        let c = Connectivity { online: RwSignal::new(true), update_ready: RwSignal::new(false) };
        provide_context(c);
        let online = c.online;
        Effect::new(move |_| {
            online.set(window().navigator().on_line());
            // Listeners for the whole visit: the handles are dropped on purpose.
            std::mem::forget(window_event_listener(leptos::ev::online, move |_| online.set(true)));
            std::mem::forget(window_event_listener(leptos::ev::offline, move |_| online.set(false)));
            register(c.update_ready);
        });
        c
    }
}

/// Registers the service worker and watches for a new version.
fn register(update_ready: RwSignal<bool>) {
    let navigator = window().navigator();
    if js_sys::Reflect::get(&navigator, &"serviceWorker".into()).map(|v| v.is_undefined()).unwrap_or(true) {
        return; // not supported, or not a secure context: the portal works without it
    }
    let container = navigator.service_worker();
    let promise = container.register(&format!("{}/sw.js", crate::routes::base_path()));
    wasm_bindgen_futures::spawn_local(async move {
        let Ok(value) = wasm_bindgen_futures::JsFuture::from(promise).await else { return };
        // Some browsers (and test set-ups that block workers) resolve with nothing.
        let Ok(registration) = value.dyn_into::<ServiceWorkerRegistration>() else { return };
        let has_controller = || window().navigator().service_worker().controller().is_some();
        if registration.waiting().is_some() && has_controller() {
            update_ready.set(true);
        }
        let watched = registration.clone();
        let on_update_found = Closure::<dyn FnMut()>::new(move || {
            let Some(installing) = watched.installing() else { return };
            let worker = installing.clone();
            let on_state = Closure::<dyn FnMut()>::new(move || {
                if worker.state() == ServiceWorkerState::Installed && has_controller() {
                    update_ready.set(true);
                }
            });
            installing.set_onstatechange(Some(on_state.as_ref().unchecked_ref()));
            on_state.forget();
        });
        registration.set_onupdatefound(Some(on_update_found.as_ref().unchecked_ref()));
        on_update_found.forget();
        REGISTRATION.with(|r| *r.borrow_mut() = Some(registration));
    });
}

/// Asks the browser to look for a new version (sw.js is never cached long).
pub fn check_for_update() {
    REGISTRATION.with(|r| {
        if let Some(registration) = r.borrow().as_ref() {
            let _ = registration.update();
        }
    });
}

/// Switches to the waiting new version and reloads once it has taken over.
pub fn reload_into_new_version() {
    let waiting = REGISTRATION.with(|r| r.borrow().as_ref().and_then(|reg| reg.waiting()));
    let Some(worker) = waiting else {
        let _ = window().location().reload();
        return;
    };
    let container = window().navigator().service_worker();
    let on_change = Closure::<dyn FnMut()>::new(|| {
        let _ = window().location().reload();
    });
    container.set_oncontrollerchange(Some(on_change.as_ref().unchecked_ref()));
    on_change.forget();
    let _ = worker.post_message(&JsValue::from_str("skip-waiting"));
}
