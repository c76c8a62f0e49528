//! Reading an internally tagged enum whose tag is its object's first key,
//! as serde writes it. serde's own reading cannot assume the tag comes
//! first, so it buffers the whole object before choosing the variant; in
//! the browser app that buffering is compiled once per document type and
//! was a large share of its WebAssembly. Here the variant is chosen from
//! the first key and its fields are read straight from the input.

use serde::de::{self, Deserializer, MapAccess, Visitor};
use std::fmt;
use std::marker::PhantomData;

/// An enum read with its tag first: `variant` reads the rest of the object
/// as the variant named, or says it knows no such variant.
pub trait TagFirst: Sized {
    const TAG: &'static str;
    const VARIANTS: &'static [&'static str];
    fn variant<'de, D: Deserializer<'de>>(name: &str, rest: D) -> Result<Option<Self>, D::Error>;
}

pub fn deserialize<'de, T: TagFirst, D: Deserializer<'de>>(d: D) -> Result<T, D::Error> {
    d.deserialize_map(TagFirstVisitor(PhantomData))
}

struct TagFirstVisitor<T>(PhantomData<T>);

impl<'de, T: TagFirst> Visitor<'de> for TagFirstVisitor<T> {
    type Value = T;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        write!(f, "an object whose first key is \"{}\"", T::TAG)
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<T, A::Error> {
        match map.next_key::<String>()? {
            Some(key) if key == T::TAG => {}
            _ => return Err(de::Error::custom(format_args!("expected \"{}\" as the first key", T::TAG))),
        }
        let name: String = map.next_value()?;
        match T::variant(&name, de::value::MapAccessDeserializer::new(map))? {
            Some(value) => Ok(value),
            None => Err(de::Error::unknown_variant(&name, T::VARIANTS)),
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::{Card, Item, Moved};

    #[test]
    fn an_item_reads_back_as_written() {
        let card = Card { slug: "passport".into(), title: "Passport".into(), summary: "How to get one.".into() };
        for item in [Item::Available(card), Item::Moved(Moved { to: "/pages/passport".into() })] {
            let json = serde_json::to_string(&item).unwrap();
            assert_eq!(serde_json::from_str::<Item<Card>>(&json).unwrap(), item, "{json}");
        }
    }

    #[test]
    fn blocks_and_inline_text_read_back_as_written_and_unknown_kinds_are_skipped() {
        use crate::blocks::{Block, CalloutTone, Inline};
        let blocks = vec![
            Block::Heading { level: 2, id: "who".into(), text: vec![Inline::text("Who")] },
            Block::List {
                ordered: true,
                items: vec![vec![Block::Paragraph {
                    text: vec![
                        Inline::Strong { content: vec![Inline::text("bold")] },
                        Inline::LineBreak,
                        Inline::Link { to: crate::Route::Page("passport".into()), content: vec![Inline::text("p")] },
                    ],
                }]],
            },
            Block::Callout { tone: CalloutTone::Warning, body: vec![] },
            Block::Image { src: "a.png".into(), alt: "A chart".into(), width: Some(300), height: None },
        ];
        let json = serde_json::to_string(&blocks).unwrap();
        assert_eq!(serde_json::from_str::<Vec<Block>>(&json).unwrap(), blocks, "{json}");
        // A newer API's kinds, with fields of their own, are read past.
        let newer = r#"[{"type": "video", "src": {"hls": "v.m3u8"}, "captions": [1, 2]},
            {"type": "paragraph", "text": [{"type": "emoji", "name": "x"}, {"type": "text", "text": "t"}]}]"#;
        let read: Vec<Block> = serde_json::from_str(newer).unwrap();
        assert_eq!(read, [Block::Unknown, Block::Paragraph { text: vec![Inline::Unknown, Inline::text("t")] }]);
    }

    #[test]
    fn a_document_without_its_tag_first_or_with_an_unknown_one_says_so() {
        let late = r#"{"to": "/pages/passport", "status": "moved"}"#;
        let error = serde_json::from_str::<Item<Card>>(late).unwrap_err().to_string();
        assert!(error.contains(r#"expected "status" as the first key"#), "{error}");
        let unknown = r#"{"status": "archived", "to": "/pages/passport"}"#;
        let error = serde_json::from_str::<Item<Card>>(unknown).unwrap_err().to_string();
        assert!(error.contains("unknown variant `archived`"), "{error}");
    }
}
