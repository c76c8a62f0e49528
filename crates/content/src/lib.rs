//! The portal's content contract.
//!
//! Everything the content compiler writes and the browser app reads is typed
//! here: the API documents ([`docs`], [`publications`], [`drafts`], [`life`]), the rich-text blocks they carry
//! ([`blocks`]), the language-neutral routes and the one function that turns a
//! route into a URL ([`route`]), and the navigation model that decides which
//! links each page shows ([`nav`]). No IO and no web dependencies, so the same
//! code compiles natively (compiler, tests) and to wasm (app).

pub mod blocks;
pub mod docs;
pub mod drafts;
pub mod feedback;
pub mod fold;
pub mod lang;
pub mod life;
pub mod nav;
pub mod publications;
pub mod route;
pub mod search;
pub mod tag_first;

pub use blocks::{blocks_text, Block, CalloutTone, Inline};
pub use docs::*;
pub use drafts::*;
pub use fold::fold;
pub use lang::Lang;
pub use life::*;
pub use publications::*;
pub use route::Route;

/// Version of the content API; it is part of every document's URL (`api/v1/...`).
pub const API_VERSION: u32 = 1;

/// Whether `s` is a valid slug: lowercase ASCII letters and digits in
/// hyphen-separated words. Slugs are language neutral and appear in URLs.
pub fn is_valid_slug(s: &str) -> bool {
    !s.is_empty()
        && !s.starts_with('-')
        && !s.ends_with('-')
        && !s.contains("--")
        && s.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs() {
        assert!(is_valid_slug("identity-card"));
        assert!(is_valid_slug("iin"));
        assert!(is_valid_slug("form-2"));
        for bad in ["", "-a", "a-", "a--b", "Identity", "жеке", "a_b", "a b", "a/b"] {
            assert!(!is_valid_slug(bad), "{bad:?} should be invalid");
        }
    }
}
