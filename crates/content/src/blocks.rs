//! Rich text as typed blocks. The compiler turns Markdown into these; the
//! app renders them as views. The browser never parses Markdown or HTML.

use crate::route::Route;
use crate::tag_first::TagFirst;
use serde::de::{Deserializer, IgnoredAny};
use serde::{Deserialize, Serialize};

/// A block of rich text. Unknown block types from a newer API version
/// deserialize as [`Block::Unknown`] and are skipped by the app. `type` is
/// always the object's first key.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Block {
    /// A section heading, level 2 to 4 (the page title is the only level 1).
    Heading {
        level: u8,
        id: String,
        text: Vec<Inline>,
    },
    Paragraph {
        text: Vec<Inline>,
    },
    /// A bulleted or numbered list; each item is a sequence of blocks.
    List {
        ordered: bool,
        items: Vec<Vec<Block>>,
    },
    /// A table with one header row.
    Table {
        head: Vec<Vec<Inline>>,
        rows: Vec<Vec<Vec<Inline>>>,
    },
    /// A highlighted note, important point or warning.
    Callout {
        tone: CalloutTone,
        body: Vec<Block>,
    },
    /// An image with its text alternative. `src` is relative to the API
    /// base; the size, when the compiler could read it, reserves the space.
    Image {
        src: String,
        alt: String,
        width: Option<u32>,
        height: Option<u32>,
    },
    #[serde(other)]
    Unknown,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum CalloutTone {
    Note,
    Important,
    Warning,
}

/// Inline text. Unknown inline types deserialize as [`Inline::Unknown`].
/// `type` is always the object's first key.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Inline {
    Text {
        text: String,
    },
    Strong {
        content: Vec<Inline>,
    },
    Emphasis {
        content: Vec<Inline>,
    },
    Code {
        text: String,
    },
    /// Text in another language than the page's, so screen readers switch voice.
    Foreign {
        lang: crate::Lang,
        content: Vec<Inline>,
    },
    LineBreak,
    /// A link to another page of the portal, in the reader's language.
    Link {
        to: Route,
        content: Vec<Inline>,
    },
    /// A link that leaves the portal (`https:`, `mailto:` or `tel:`).
    ExternalLink {
        href: String,
        content: Vec<Inline>,
    },
    #[serde(other)]
    Unknown,
}

// Blocks and inline text are read type first (crate::tag_first), each
// variant's fields into a struct of their own: serde's reading of a tagged
// enum buffers every object first, and these are most of every document.
// The fields are named again here; a field added to, removed from or
// retyped in a variant and not here stops the compile.
macro_rules! fields {
    ($rest:expr, $variant:path { $($field:ident: $ty:ty),* }) => {{
        #[derive(Deserialize)]
        struct Fields { $($field: $ty),* }
        let Fields { $($field),* } = Fields::deserialize($rest)?;
        $variant { $($field),* }
    }};
}

impl TagFirst for Block {
    const TAG: &'static str = "type";
    const VARIANTS: &'static [&'static str] = &["heading", "paragraph", "list", "table", "callout", "image"];

    fn variant<'de, D: Deserializer<'de>>(name: &str, rest: D) -> Result<Option<Self>, D::Error> {
        Ok(Some(match name {
            "heading" => fields!(rest, Block::Heading { level: u8, id: String, text: Vec<Inline> }),
            "paragraph" => fields!(rest, Block::Paragraph { text: Vec<Inline> }),
            "list" => fields!(rest, Block::List { ordered: bool, items: Vec<Vec<Block>> }),
            "table" => fields!(rest, Block::Table { head: Vec<Vec<Inline>>, rows: Vec<Vec<Vec<Inline>>> }),
            "callout" => fields!(rest, Block::Callout { tone: CalloutTone, body: Vec<Block> }),
            "image" => {
                fields!(rest, Block::Image { src: String, alt: String, width: Option<u32>, height: Option<u32> })
            }
            _ => {
                IgnoredAny::deserialize(rest)?;
                Block::Unknown
            }
        }))
    }
}

impl<'de> Deserialize<'de> for Block {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        crate::tag_first::deserialize(d)
    }
}

impl TagFirst for Inline {
    const TAG: &'static str = "type";
    const VARIANTS: &'static [&'static str] =
        &["text", "strong", "emphasis", "code", "foreign", "line_break", "link", "external_link"];

    fn variant<'de, D: Deserializer<'de>>(name: &str, rest: D) -> Result<Option<Self>, D::Error> {
        Ok(Some(match name {
            "text" => fields!(rest, Inline::Text { text: String }),
            "strong" => fields!(rest, Inline::Strong { content: Vec<Inline> }),
            "emphasis" => fields!(rest, Inline::Emphasis { content: Vec<Inline> }),
            "code" => fields!(rest, Inline::Code { text: String }),
            "foreign" => fields!(rest, Inline::Foreign { lang: crate::Lang, content: Vec<Inline> }),
            "link" => fields!(rest, Inline::Link { to: Route, content: Vec<Inline> }),
            "external_link" => fields!(rest, Inline::ExternalLink { href: String, content: Vec<Inline> }),
            _ => {
                // A line break has no fields; an unknown kind's are skipped.
                IgnoredAny::deserialize(rest)?;
                if name == "line_break" {
                    Inline::LineBreak
                } else {
                    Inline::Unknown
                }
            }
        }))
    }
}

impl<'de> Deserialize<'de> for Inline {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        crate::tag_first::deserialize(d)
    }
}

impl Inline {
    pub fn text(s: impl Into<String>) -> Inline {
        Inline::Text { text: s.into() }
    }
}

/// The plain text of inline content, for titles, excerpts and link checks.
pub fn plain_text(inlines: &[Inline]) -> String {
    let mut out = String::new();
    for inline in inlines {
        match inline {
            Inline::Text { text } | Inline::Code { text } => out.push_str(text),
            Inline::LineBreak => out.push(' '),
            Inline::Strong { content }
            | Inline::Emphasis { content }
            | Inline::Foreign { content, .. }
            | Inline::Link { content, .. }
            | Inline::ExternalLink { content, .. } => out.push_str(&plain_text(content)),
            Inline::Unknown => {}
        }
    }
    out
}

/// The plain text of blocks, one line per paragraph, heading, item or cell,
/// for the search index.
pub fn blocks_text(blocks: &[Block]) -> String {
    let mut out = String::new();
    for block in blocks {
        match block {
            Block::Heading { text, .. } | Block::Paragraph { text } => {
                out.push_str(&plain_text(text));
                out.push('\n');
            }
            Block::List { items, .. } => items.iter().for_each(|item| out.push_str(&blocks_text(item))),
            Block::Table { head, rows } => {
                for cell in head.iter().chain(rows.iter().flatten()) {
                    out.push_str(&plain_text(cell));
                    out.push('\n');
                }
            }
            Block::Callout { body, .. } => out.push_str(&blocks_text(body)),
            Block::Image { alt, .. } => {
                out.push_str(alt);
                out.push('\n');
            }
            Block::Unknown => {}
        }
    }
    out
}

/// Every internal route linked from `blocks`, in reading order.
pub fn internal_links(blocks: &[Block]) -> Vec<Route> {
    fn inlines(out: &mut Vec<Route>, list: &[Inline]) {
        for inline in list {
            match inline {
                Inline::Link { to, content } => {
                    out.push(to.clone());
                    inlines(out, content);
                }
                Inline::Strong { content }
                | Inline::Emphasis { content }
                | Inline::Foreign { content, .. }
                | Inline::ExternalLink { content, .. } => inlines(out, content),
                _ => {}
            }
        }
    }
    fn blocks_into(out: &mut Vec<Route>, list: &[Block]) {
        for block in list {
            match block {
                Block::Heading { text, .. } | Block::Paragraph { text } => inlines(out, text),
                Block::List { items, .. } => items.iter().for_each(|item| blocks_into(out, item)),
                Block::Table { head, rows } => {
                    head.iter().for_each(|cell| inlines(out, cell));
                    rows.iter().flatten().for_each(|cell| inlines(out, cell));
                }
                Block::Callout { body, .. } => blocks_into(out, body),
                Block::Image { .. } | Block::Unknown => {}
            }
        }
    }
    let mut out = Vec::new();
    blocks_into(&mut out, blocks);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unknown_types_from_a_newer_api_are_kept_apart() {
        let json = r#"[{"type":"paragraph","text":[{"type":"text","text":"a"},{"type":"sparkle"}]},{"type":"video","src":"x"}]"#;
        let blocks: Vec<Block> = serde_json::from_str(json).unwrap();
        assert_eq!(blocks, vec![Block::Paragraph { text: vec![Inline::text("a"), Inline::Unknown] }, Block::Unknown]);
    }

    #[test]
    fn finds_links_anywhere() {
        let link = |s: &str| Inline::Link { to: Route::Page(s.into()), content: vec![Inline::text(s)] };
        let blocks = vec![
            Block::Paragraph { text: vec![Inline::Strong { content: vec![link("a")] }] },
            Block::List { ordered: false, items: vec![vec![Block::Paragraph { text: vec![link("b")] }]] },
            Block::Callout { tone: CalloutTone::Note, body: vec![Block::Paragraph { text: vec![link("c")] }] },
        ];
        let found: Vec<Route> = internal_links(&blocks);
        assert_eq!(found, vec![Route::Page("a".into()), Route::Page("b".into()), Route::Page("c".into())]);
        assert_eq!(plain_text(&[Inline::text("x "), link("y")]), "x y");
    }
}
