//! The portal's browser app: mounts [`portal::app::App`] on the page body.

fn main() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(portal::app::App);
}
