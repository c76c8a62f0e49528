//! The portal's browser app (Leptos, client-side rendering).
//!
//! Data flows one way: the content API ([`api`]) gives typed documents from
//! `portal_content`, the [`pages`] turn them into views with the
//! [`components`], and [`routes`] maps URLs to pages.

pub mod api;
pub mod app;
pub mod components;
pub mod crash;
pub mod display;
pub mod format;
pub mod i18n;
pub mod language;
pub mod offline;
pub mod pages;
pub mod prerendered;
pub mod routes;
pub mod search;
