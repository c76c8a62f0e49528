//! The portal's browser app: mounts [`portal::app::App`] on the page body.

fn main() {
    portal::crash::install();
    leptos::mount::mount_to_body(portal::app::App);
}
