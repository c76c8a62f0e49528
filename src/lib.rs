//! The portal's app (Leptos): rendered to HTML at build time (feature
//! `ssr`, crates/render) and hydrated in the browser (feature `hydrate`).
//!
//! Data flows one way: the content API ([`api`]) gives typed documents from
//! `portal_content`, the [`pages`] turn them into views with the
//! [`components`], and [`routes`] maps URLs to pages.

pub mod api;
pub mod app;
pub mod components;
pub mod crash;
pub mod display;
pub mod feedback;
pub mod format;
pub mod i18n;
pub mod language;
pub mod offline;
pub mod pages;
pub mod routes;
pub mod search;
pub mod served;
