//! The executor the reactive system runs on at build time.
//!
//! Rendering a page to a string is synchronous, but the language provider
//! (leptos_i18n) creates an isomorphic effect, which needs an executor to
//! exist. Its work (remembering the language in a cookie) means nothing
//! without a browser, and a thread pool would run it after the page's
//! reactive owner is gone: the futures are dropped instead.

use any_spawner::{CustomExecutor, Executor, PinnedFuture, PinnedLocalFuture};

struct DropFutures;

impl CustomExecutor for DropFutures {
    fn spawn(&self, _: PinnedFuture<()>) {}
    fn spawn_local(&self, _: PinnedLocalFuture<()>) {}
    fn poll_local(&self) {}
}

/// Installs the executor; later calls do nothing.
pub fn install() {
    // An error only says one is installed already.
    let _ = Executor::init_custom_executor(DropFutures);
}
