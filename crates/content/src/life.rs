//! Life situations: journeys of numbered steps that cross state bodies
//! (a child's birth, buying a home, retiring). The API documents
//! `{lang}/life.json` ([`JourneysDoc`]) and `{lang}/life/{slug}.json`
//! ([`JourneyDoc`]), and what a page that is part of a journey shows
//! ([`JourneyPart`], in [`crate::PageDoc::journeys`]).

use crate::blocks::Block;
use crate::docs::{schema, Card, Ref};
use crate::lang::Lang;
use serde::{Deserialize, Serialize};

schema! {
    /// How a step stands to the one before it. Both share its number.
    #[derive(Copy, Eq, Hash)]
    #[serde(rename_all = "kebab-case")]
    pub enum StepJoin {
        /// Instead of the step before: the reader does one of them.
        Or,
        /// Beside the step before: both are done, in any order.
        And,
    }

    /// `{lang}/life.json`: every life situation, by title.
    pub struct JourneysDoc {
        pub journeys: Vec<Card>,
    }

    /// `{lang}/life/{slug}.json`: one life situation.
    pub struct JourneyDoc {
        pub slug: String,
        pub title: String,
        pub summary: String,
        pub intro: Vec<Block>,
        pub steps: Vec<JourneyStep>,
        /// What the whole journey costs, in monthly calculation indices (MCI).
        pub cost: Estimate,
        /// How long the whole journey takes, in working days.
        pub timing: Estimate,
        /// Date last updated, `YYYY-MM-DD`.
        pub updated: String,
        /// Languages the journey exists in.
        pub languages: Vec<Lang>,
    }

    pub struct JourneyStep {
        /// The number readers see; a step joined to the one before shares its number.
        pub number: u32,
        /// How it stands to the step before, when it shares its number.
        pub join: Option<StepJoin>,
        pub title: String,
        pub text: Vec<Block>,
        /// The pages the step needs, in the order they are used.
        pub pages: Vec<StepPage>,
    }

    /// A page a step needs, with what it says it costs and how long it takes.
    pub struct StepPage {
        pub slug: String,
        pub title: String,
        pub summary: String,
        /// As the page's editor wrote them; absent where the page does not say.
        pub cost: Option<String>,
        pub timing: Option<String>,
    }

    /// A sum over the steps, where their pages give figures: the least
    /// and the most (they differ where steps are alternatives or pages
    /// give a range), and how many steps give no figure.
    pub struct Estimate {
        pub from: f64,
        pub to: f64,
        /// Numbered steps whose pages all give a figure: the sum is theirs.
        pub known_steps: u32,
        /// Numbered steps whose pages do not all give one: the sum leaves them out.
        pub unknown_steps: u32,
    }

    /// On a page that is part of a journey: the journey, the page's step,
    /// and the steps either side of it.
    pub struct JourneyPart {
        pub journey: Ref,
        pub step: StepRef,
        pub previous: Option<StepRef>,
        pub next: Option<StepRef>,
    }

    /// A step named elsewhere, with the first page it needs.
    pub struct StepRef {
        pub number: u32,
        pub title: String,
        /// The step's first page, where it exists in the document's language.
        pub page: Option<Ref>,
    }
}
