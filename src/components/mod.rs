//! Accessible building blocks shared by the pages.

pub mod announcer;
pub mod blocks;
pub mod breadcrumbs;
pub mod cards;
pub mod display_panel;
pub mod fetched;
pub mod layout;
pub mod links;
pub mod publications;
pub mod search_box;
pub mod search_results;
pub mod status;

pub use announcer::{Announcer, PageHeading};
pub use blocks::Blocks;
pub use breadcrumbs::Breadcrumbs;
pub use cards::{CardGroup, CardList, GroupedCards};
pub use fetched::{fetched, item_page};
pub use status::{ErrorPanel, Loading, NotFound, Unavailable};
