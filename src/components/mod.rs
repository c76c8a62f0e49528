//! Accessible building blocks shared by the pages.

pub mod announcer;
pub mod blocks;
pub mod breadcrumbs;
pub mod cards;
pub mod display_panel;
pub mod filters;
pub mod journey_part;
pub mod layout;
pub mod links;
pub mod loader;
pub mod page_dates;
pub mod page_feedback;
pub mod publications;
pub mod reorganised;
pub mod search_box;
pub mod search_results;
pub mod status;
pub mod withdrawn;

pub use announcer::{Announcer, PageHeading};
pub use blocks::Blocks;
pub use breadcrumbs::Breadcrumbs;
pub use cards::{CardGroup, CardList, GroupedCards};
pub use journey_part::PartOfJourneys;
pub use loader::{fetched, item_page, loaded, Placement};
pub use page_dates::PostedAndUpdated;
pub use reorganised::{Predecessors, ReorganisedNotice};
pub use status::{ErrorPanel, Loading, Moved, NotFound, Unavailable};
pub use withdrawn::WithdrawnNotice;
