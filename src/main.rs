//! The portal's browser app: hydrates the page the build rendered, or, on
//! an address the build did not render (search, filtered lists, unknown
//! paths), builds the page itself.

fn main() {
    portal::crash::install();
    if portal::served::is_served_page() {
        leptos::mount::hydrate_body(portal::app::App);
    } else {
        leptos::mount::mount_to_body(portal::app::App);
    }
}
