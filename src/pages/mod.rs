//! One module per kind of page. Each turns one API document into a view;
//! the links it renders are the ones `portal_content::nav` counts.

pub mod accessibility;
pub mod agencies;
pub mod agency;
pub mod documents;
pub mod drafts;
pub mod feedback_sent;
pub mod home;
pub mod life;
pub mod news;
pub mod not_found;
pub mod page;
pub mod quality;
pub mod region;
pub mod regions;
pub mod search;
pub mod topic;
