//! The portal's browser app: mounts [`portal::app::App`] on the page body.

fn main() {
    portal::crash::install();
    // On a prerendered page, in a task after the one that started the
    // WebAssembly, so that neither blocks the reader for long.
    portal::prerendered::in_own_task(|| leptos::mount::mount_to_body(portal::app::App));
}
