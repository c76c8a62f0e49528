//! Markdown to typed blocks, with pulldown-cmark. Only what the portal's
//! blocks can express is accepted; anything else is an error at its line,
//! so an editor never publishes something that silently renders wrong.

use crate::diagnostic::Diagnostics;
use portal_content::{Block, CalloutTone, Inline, Route};
use pulldown_cmark::{BlockQuoteKind, Event, HeadingLevel, Options, Parser, Tag, TagEnd};
use std::path::Path;

/// Image formats an editor may use, by extension.
pub const IMAGE_FORMATS: [&str; 5] = ["png", "jpg", "jpeg", "webp", "svg"];
/// The largest image a reader on a slow network should have to load.
pub const MAX_IMAGE_BYTES: u64 = 1024 * 1024;

/// A converted Markdown body.
#[derive(Debug, Default)]
pub struct Converted {
    pub blocks: Vec<Block>,
    /// Internal links with the line they are on, for the dead-link check.
    pub links: Vec<(Route, usize)>,
    /// Files the text shows (images), by their path in the API, read once when checked.
    pub files: Vec<(String, Vec<u8>)>,
}

/// An open container while events stream in.
enum Frame {
    /// The document, a list item or a quote: holds blocks.
    Blocks {
        blocks: Vec<Block>,
        kind: Container,
    },
    List {
        ordered: bool,
        items: Vec<Vec<Block>>,
    },
    /// Inline content of a paragraph; `implicit` for text directly in a
    /// tight list item, which Markdown does not wrap in a paragraph.
    Paragraph {
        inlines: Vec<Inline>,
        implicit: bool,
    },
    Heading {
        level: u8,
        inlines: Vec<Inline>,
    },
    Span {
        kind: Span,
        inlines: Vec<Inline>,
    },
    Table {
        head: Vec<Vec<Inline>>,
        rows: Vec<Vec<Vec<Inline>>>,
        row: Vec<Vec<Inline>>,
    },
    Cell {
        inlines: Vec<Inline>,
    },
}

enum Container {
    Root,
    Item,
    Quote(CalloutTone),
}

enum Span {
    Strong,
    Emphasis,
    Link(Option<LinkTarget>),
    /// An image: its file name and line; the content is its text alternative.
    Image(String, usize),
    /// Content of something rejected (a code block): read and dropped.
    Dropped,
}

/// An image as written, before its file is checked.
struct ImageUse {
    name: String,
    alt: String,
    line: usize,
    /// Whether it stands alone in its paragraph, as a figure must.
    alone: bool,
}

enum LinkTarget {
    Internal(Route),
    External(String),
    /// `[Қазақша](lang:kk)`: not a link, a span of text in another language.
    Foreign(portal_content::Lang),
}

/// Converts `text` (the body of `file`, starting after `line_offset` lines).
pub fn convert(text: &str, file: &Path, line_offset: usize, diags: &mut Diagnostics) -> Converted {
    let options = Options::ENABLE_TABLES | Options::ENABLE_GFM;
    let mut c = Converter {
        stack: vec![Frame::Blocks { blocks: vec![], kind: Container::Root }],
        links: vec![],
        headings: 0,
        images: vec![],
    };
    // Where the text's lines end: an event's line by a binary search, not
    // by counting from the top for each event (quadratic in long texts).
    let newlines: Vec<usize> = text.match_indices('\n').map(|(at, _)| at).collect();
    for (event, range) in Parser::new_ext(text, options).into_offset_iter() {
        let line = newlines.partition_point(|&at| at < range.start) + 1 + line_offset;
        let mut err = |rule: &'static str, message: String| diags.error(file, line, rule, message);
        match event {
            Event::Start(tag) => match tag {
                Tag::Paragraph => c.open_block(Frame::Paragraph { inlines: vec![], implicit: false }),
                Tag::Heading { level, .. } => {
                    let level = heading_number(level);
                    if !(2..=4).contains(&level) {
                        err("heading-level", format!("heading level {level} is not allowed: the title is the page's only level-1 heading; use ## to ####"));
                    }
                    c.open_block(Frame::Heading { level: level.clamp(2, 4), inlines: vec![] });
                }
                Tag::List(start) => c.open_block(Frame::List { ordered: start.is_some(), items: vec![] }),
                Tag::Item => c.stack.push(Frame::Blocks { blocks: vec![], kind: Container::Item }),
                Tag::BlockQuote(kind) => {
                    let tone = match kind {
                        Some(BlockQuoteKind::Important) => CalloutTone::Important,
                        Some(BlockQuoteKind::Warning | BlockQuoteKind::Caution) => CalloutTone::Warning,
                        _ => CalloutTone::Note,
                    };
                    c.open_block(Frame::Blocks { blocks: vec![], kind: Container::Quote(tone) });
                }
                Tag::Table(_) => c.open_block(Frame::Table { head: vec![], rows: vec![], row: vec![] }),
                Tag::TableHead | Tag::TableRow => {}
                Tag::TableCell => c.stack.push(Frame::Cell { inlines: vec![] }),
                Tag::Strong => c.open_span(Span::Strong),
                Tag::Emphasis => c.open_span(Span::Emphasis),
                Tag::Link { dest_url, .. } => {
                    let target = match classify_link(&dest_url) {
                        Ok((target, None)) => Some(target),
                        // Readers can still follow it; the quality report asks the editor to fix it.
                        Ok((target, Some(warning))) => {
                            diags.warning_about(file, line, "insecure-link", dest_url.trim(), warning);
                            Some(target)
                        }
                        Err((rule, message)) => {
                            diags.error_about(file, line, rule, dest_url.trim(), message);
                            None
                        }
                    };
                    if let Some(LinkTarget::Internal(route)) = &target {
                        c.links.push((route.clone(), line));
                    }
                    c.open_span(Span::Link(target));
                }
                Tag::Image { dest_url, .. } => c.open_span(Span::Image(dest_url.into_string(), line)),
                Tag::CodeBlock(_) => {
                    err("unsupported-markdown", "code blocks are not supported in page text".into());
                    c.open_span(Span::Dropped);
                }
                Tag::HtmlBlock => {}
                other => {
                    err("unsupported-markdown", format!("this Markdown construct is not supported: {other:?}"));
                    c.open_span(Span::Dropped);
                }
            },
            Event::End(end) => c.close(end),
            Event::Text(t) => c.push_inline(Inline::text(t.into_string())),
            Event::Code(t) => c.push_inline(Inline::Code { text: t.into_string() }),
            // Raw HTML is never passed on as markup: it reaches readers as the text it is.
            Event::Html(t) | Event::InlineHtml(t) => {
                diags.warning(
                    file,
                    line,
                    "raw-html",
                    "raw HTML is shown to readers as plain text; write Markdown instead",
                );
                c.push_inline(Inline::text(t.trim_end_matches('\n').to_owned()));
            }
            Event::SoftBreak => c.push_inline(Inline::text(" ")),
            Event::HardBreak => c.push_inline(Inline::LineBreak),
            Event::Rule => err(
                "unsupported-markdown",
                "horizontal rules are not supported; use a ## heading to start a section".into(),
            ),
            other => err("unsupported-markdown", format!("this Markdown construct is not supported: {other:?}")),
        }
    }
    c.close_implicit();
    let mut blocks = match c.stack.pop() {
        Some(Frame::Blocks { blocks, .. }) => blocks,
        _ => vec![],
    };
    let files = check_images(&c.images, &mut blocks, file, diags);
    Converted { blocks, links: c.links, files }
}

/// Checks every image (a file beside the text, an allowed format and size,
/// a text alternative) and points its block at the file's place in the API:
/// `files/{kind}/{slug}/{name}`.
fn check_images(
    images: &[ImageUse],
    blocks: &mut [Block],
    file: &Path,
    diags: &mut Diagnostics,
) -> Vec<(String, Vec<u8>)> {
    let folder = file.parent().unwrap_or(Path::new("."));
    let name_of = |p: &Path| p.file_name().and_then(|n| n.to_str()).unwrap_or("").to_owned();
    let api_dir =
        format!("{}{}/{}/", portal_content::FILES_DIR, name_of(folder.parent().unwrap_or(folder)), name_of(folder));
    let mut files = vec![];
    let mut sizes = std::collections::BTreeMap::new();
    for image in images {
        let mut err = |rule: &'static str, message: String| {
            diags.error_about(file, image.line, rule, image.name.clone(), message)
        };
        if !image.alone {
            err("image", "an image must stand alone in its own paragraph".into());
            continue;
        }
        if image.alt.trim().is_empty() {
            err("image-alt", "the image needs a text alternative: ![what the image shows](file)".into());
        }
        let local = match crate::files::read_local(folder, &image.name, &IMAGE_FORMATS, MAX_IMAGE_BYTES) {
            Ok(local) => local,
            Err(problem) => {
                use crate::files::FileProblem::*;
                match problem {
                    Name => err("image", "an image is a file in the item's own folder: write its name only, in Latin letters, digits, '.', '_' and '-'".into()),
                    Format => err("image-format", format!("images must be {}", IMAGE_FORMATS.join(", "))),
                    Missing => err("image", format!("no file {:?} in {}", image.name, folder.display())),
                    TooLarge(bytes) => err("image-size", format!("the image is {} KB; at most {} KB load quickly on a phone", bytes / 1024, MAX_IMAGE_BYTES / 1024)),
                    Active(reason) => err("image-format", format!("the SVG is not a plain drawing: {reason}")),
                }
                continue;
            }
        };
        sizes.insert(image.name.clone(), crate::files::image_size(&local.format, &local.bytes));
        files.push((format!("{api_dir}{}", image.name), local.bytes));
    }
    fn point(blocks: &mut [Block], api_dir: &str, sizes: &std::collections::BTreeMap<String, Option<(u32, u32)>>) {
        for block in blocks {
            match block {
                Block::Image { src, width, height, .. } => {
                    if let Some(size) = sizes.get(src.as_str()) {
                        (*width, *height) = (size.map(|s| s.0), size.map(|s| s.1));
                    }
                    *src = format!("{api_dir}{src}");
                }
                Block::List { items, .. } => items.iter_mut().for_each(|item| point(item, api_dir, sizes)),
                Block::Callout { body, .. } => point(body, api_dir, sizes),
                _ => {}
            }
        }
    }
    point(blocks, &api_dir, &sizes);
    files
}

fn heading_number(level: HeadingLevel) -> u8 {
    level as u8
}

/// What a link destination points at. Internal links are written language
/// neutral (`/pages/passport`); only https, mailto and tel leave the portal.
/// What a link in content points to, with a warning an editor should act on.
fn classify_link(dest: &str) -> Result<(LinkTarget, Option<String>), (&'static str, String)> {
    if let Some(code) = dest.strip_prefix("lang:") {
        return portal_content::Lang::from_code(code)
            .map(|lang| (LinkTarget::Foreign(lang), None))
            .ok_or_else(|| ("bad-link", format!("{dest:?}: the language must be lang:kk, lang:ru or lang:en")));
    }
    if dest.starts_with('/') {
        return Route::parse_neutral(dest).map(|route| (LinkTarget::Internal(route), None)).ok_or_else(|| {
            ("bad-link", format!("{dest:?} is not a page of the portal: write /pages/SLUG, /topics/SLUG, /agencies/SLUG or /regions/SLUG"))
        });
    }
    let url = dest.trim();
    let lower = url.to_ascii_lowercase();
    if lower.starts_with("mailto:") || lower.starts_with("tel:") {
        return Ok((LinkTarget::External(url.to_owned()), None));
    }
    for (scheme, warning) in
        [("https://", None), ("http://", Some("the link is not secure: use https:// if the site supports it"))]
    {
        if let Some(rest) = lower.strip_prefix(scheme) {
            let host = rest.split(['/', '?', '#']).next().unwrap_or("");
            let well_formed = host.contains('.')
                && host.chars().all(|c| c.is_ascii_alphanumeric() || ".-:".contains(c))
                && !url.contains(char::is_whitespace);
            if !well_formed {
                return Err((
                    "bad-link",
                    format!("link {dest:?} is malformed: expected {scheme}host.domain/path without spaces"),
                ));
            }
            return Ok((LinkTarget::External(url.to_owned()), warning.map(str::to_owned)));
        }
    }
    let scheme = lower.split(':').next().unwrap_or("");
    Err((
        "link-scheme",
        format!(
            "link {dest:?} is not allowed: links leave the portal only by https:, mailto: or tel: (found {scheme:?})"
        ),
    ))
}

struct Converter {
    stack: Vec<Frame>,
    links: Vec<(Route, usize)>,
    headings: usize,
    images: Vec<ImageUse>,
}

impl Converter {
    /// Starts a block-level frame, first closing text left open in a tight list item.
    fn open_block(&mut self, frame: Frame) {
        self.close_implicit();
        self.stack.push(frame);
    }

    fn open_span(&mut self, kind: Span) {
        self.ensure_inline_target();
        self.stack.push(Frame::Span { kind, inlines: vec![] });
    }

    fn ensure_inline_target(&mut self) {
        if matches!(self.stack.last(), Some(Frame::Blocks { .. })) {
            self.stack.push(Frame::Paragraph { inlines: vec![], implicit: true });
        }
    }

    fn push_inline(&mut self, inline: Inline) {
        self.ensure_inline_target();
        let target = match self.stack.last_mut() {
            Some(Frame::Paragraph { inlines, .. })
            | Some(Frame::Heading { inlines, .. })
            | Some(Frame::Span { inlines, .. })
            | Some(Frame::Cell { inlines }) => inlines,
            _ => return,
        };
        // Adjacent text runs are merged so the API carries one text node.
        if let (Some(Inline::Text { text: last }), Inline::Text { text }) = (target.last_mut(), &inline) {
            last.push_str(text);
            return;
        }
        target.push(inline);
    }

    fn close_implicit(&mut self) {
        if matches!(self.stack.last(), Some(Frame::Paragraph { implicit: true, .. })) {
            if let Some(Frame::Paragraph { inlines, .. }) = self.stack.pop() {
                self.push_block(Block::Paragraph { text: trim_inlines(inlines) });
            }
        }
    }

    fn push_block(&mut self, block: Block) {
        self.close_implicit();
        if let Some(Frame::Blocks { blocks, .. }) = self.stack.last_mut() {
            blocks.push(block);
        }
    }

    fn close(&mut self, end: TagEnd) {
        if !matches!(end, TagEnd::Paragraph) {
            // Ending any container ends the text left open in it.
            if !matches!(
                end,
                TagEnd::Strong
                    | TagEnd::Emphasis
                    | TagEnd::Link
                    | TagEnd::Image
                    | TagEnd::TableCell
                    | TagEnd::Heading(_)
            ) {
                self.close_implicit();
            }
        }
        match end {
            TagEnd::Paragraph => {
                if let Some(Frame::Paragraph { inlines, .. }) = self.stack.pop() {
                    let text = trim_inlines(inlines);
                    // An image alone in its paragraph is a figure; the image
                    // left its name as the paragraph's only text.
                    match (text.as_slice(), self.images.last_mut()) {
                        ([Inline::Text { text: marker }], Some(image)) if *marker == image_marker(&image.name) => {
                            image.alone = true;
                            let (src, alt) = (image.name.clone(), image.alt.clone());
                            self.push_block(Block::Image { src, alt, width: None, height: None });
                        }
                        _ => self.push_block(Block::Paragraph { text }),
                    }
                }
            }
            TagEnd::Heading(_) => {
                if let Some(Frame::Heading { level, inlines }) = self.stack.pop() {
                    self.headings += 1;
                    let id = format!("section-{}", self.headings);
                    self.push_block(Block::Heading { level, id, text: trim_inlines(inlines) });
                }
            }
            TagEnd::Item => {
                if let Some(Frame::Blocks { blocks, .. }) = self.stack.pop() {
                    if let Some(Frame::List { items, .. }) = self.stack.last_mut() {
                        items.push(blocks);
                    }
                }
            }
            TagEnd::List(_) => {
                if let Some(Frame::List { ordered, items }) = self.stack.pop() {
                    self.push_block(Block::List { ordered, items });
                }
            }
            TagEnd::BlockQuote(_) => {
                if let Some(Frame::Blocks { blocks, kind: Container::Quote(tone) }) = self.stack.pop() {
                    self.push_block(Block::Callout { tone, body: blocks });
                }
            }
            TagEnd::TableCell => {
                if let Some(Frame::Cell { inlines }) = self.stack.pop() {
                    if let Some(Frame::Table { row, .. }) = self.stack.last_mut() {
                        row.push(trim_inlines(inlines));
                    }
                }
            }
            TagEnd::TableHead => {
                if let Some(Frame::Table { head, row, .. }) = self.stack.last_mut() {
                    *head = std::mem::take(row);
                }
            }
            TagEnd::TableRow => {
                if let Some(Frame::Table { rows, row, .. }) = self.stack.last_mut() {
                    rows.push(std::mem::take(row));
                }
            }
            TagEnd::Table => {
                if let Some(Frame::Table { head, rows, .. }) = self.stack.pop() {
                    self.push_block(Block::Table { head, rows });
                }
            }
            TagEnd::Strong | TagEnd::Emphasis | TagEnd::Link | TagEnd::Image | TagEnd::CodeBlock => {
                if let Some(Frame::Span { kind, inlines }) = self.stack.pop() {
                    let inline = match kind {
                        Span::Strong => Some(Inline::Strong { content: inlines }),
                        Span::Emphasis => Some(Inline::Emphasis { content: inlines }),
                        Span::Link(Some(LinkTarget::Internal(to))) => Some(Inline::Link { to, content: inlines }),
                        Span::Link(Some(LinkTarget::External(href))) => {
                            Some(Inline::ExternalLink { href, content: inlines })
                        }
                        Span::Link(Some(LinkTarget::Foreign(lang))) => Some(Inline::Foreign { lang, content: inlines }),
                        Span::Image(name, line) => {
                            let alt = portal_content::blocks::plain_text(&inlines);
                            let marker = image_marker(&name);
                            self.images.push(ImageUse { name, alt, line, alone: false });
                            Some(Inline::text(marker))
                        }
                        Span::Link(None) | Span::Dropped => None,
                    };
                    if let Some(inline) = inline {
                        self.push_inline(inline);
                    }
                }
            }
            TagEnd::HtmlBlock => {}
            _ => {
                // A rejected construct opened a span; drop it with its content.
                if matches!(self.stack.last(), Some(Frame::Span { kind: Span::Dropped, .. })) {
                    self.stack.pop();
                }
            }
        }
    }
}

/// Stands in the paragraph for an image until the paragraph ends: a
/// paragraph that holds nothing else becomes the image's block. An image
/// that shares its paragraph is an error, so the marker never reaches readers.
fn image_marker(name: &str) -> String {
    format!("\u{0}image:{name}\u{0}")
}

/// Removes leading and trailing white space of a run of inlines.
fn trim_inlines(mut inlines: Vec<Inline>) -> Vec<Inline> {
    if let Some(Inline::Text { text }) = inlines.first_mut() {
        *text = text.trim_start().to_owned();
    }
    if let Some(Inline::Text { text }) = inlines.last_mut() {
        *text = text.trim_end().to_owned();
    }
    inlines.retain(|i| !matches!(i, Inline::Text { text } if text.is_empty()));
    inlines
}

#[cfg(test)]
mod tests {
    use super::*;

    fn conv(md: &str) -> (Converted, Diagnostics) {
        let mut d = Diagnostics::default();
        let c = convert(md, Path::new("x.md"), 4, &mut d);
        (c, d)
    }

    fn t(s: &str) -> Inline {
        Inline::text(s)
    }

    #[test]
    fn paragraphs_headings_and_inlines() {
        let (c, d) =
            conv("Intro **bold** and *em*.\n\n## Who can apply\n\nSee [the passport page](/pages/passport).\n");
        assert!(d.items.is_empty(), "{:?}", d.items);
        assert_eq!(
            c.blocks,
            vec![
                Block::Paragraph {
                    text: vec![
                        t("Intro "),
                        Inline::Strong { content: vec![t("bold")] },
                        t(" and "),
                        Inline::Emphasis { content: vec![t("em")] },
                        t(".")
                    ]
                },
                Block::Heading { level: 2, id: "section-1".into(), text: vec![t("Who can apply")] },
                Block::Paragraph {
                    text: vec![
                        t("See "),
                        Inline::Link { to: Route::Page("passport".into()), content: vec![t("the passport page")] },
                        t(".")
                    ]
                },
            ]
        );
        assert_eq!(c.links, vec![(Route::Page("passport".into()), 9)]);
    }

    #[test]
    fn tight_and_nested_lists() {
        let (c, d) = conv("1. First\n2. Second\n   - a\n   - b\n");
        assert!(d.items.is_empty());
        let para = |s: &str| Block::Paragraph { text: vec![t(s)] };
        assert_eq!(
            c.blocks,
            vec![Block::List {
                ordered: true,
                items: vec![
                    vec![para("First")],
                    vec![para("Second"), Block::List { ordered: false, items: vec![vec![para("a")], vec![para("b")]] }],
                ]
            }]
        );
    }

    #[test]
    fn tables_and_callouts() {
        let (c, d) = conv("| Fee | Time |\n|---|---|\n| free | 10 days |\n\n> [!WARNING]\n> Bring the original.\n");
        assert!(d.items.is_empty(), "{:?}", d.items);
        assert_eq!(
            c.blocks,
            vec![
                Block::Table {
                    head: vec![vec![t("Fee")], vec![t("Time")]],
                    rows: vec![vec![vec![t("free")], vec![t("10 days")]]]
                },
                Block::Callout {
                    tone: CalloutTone::Warning,
                    body: vec![Block::Paragraph { text: vec![t("Bring the original.")] }]
                },
            ]
        );
    }

    #[test]
    fn text_in_another_language_is_marked() {
        let (c, d) = conv("The [Халыққа қызмет көрсету орталығы](lang:kk) helps. [x](lang:de)\n");
        assert_eq!(
            c.blocks[0],
            Block::Paragraph {
                text: vec![
                    t("The "),
                    Inline::Foreign {
                        lang: portal_content::Lang::Kk,
                        content: vec![t("Халыққа қызмет көрсету орталығы")]
                    },
                    t(" helps.")
                ]
            }
        );
        assert_eq!(d.items.iter().map(|x| x.rule).collect::<Vec<_>>(), vec!["bad-link"]);
    }

    #[test]
    fn images_are_checked_files_with_text_alternatives() {
        let dir = tempfile::tempdir().unwrap();
        let folder = dir.path().join("news").join("budget");
        std::fs::create_dir_all(&folder).unwrap();
        std::fs::write(
            folder.join("chart.svg"),
            r#"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 640 360"></svg>"#,
        )
        .unwrap();
        std::fs::write(folder.join("photo.gif"), b"GIF89a").unwrap();
        std::fs::write(
            folder.join("active.svg"),
            r#"<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"></svg>"#,
        )
        .unwrap();
        let md = "Intro.\n\n![Spending by year: 10, 12, 15](chart.svg)\n\n![](chart.svg)\n\n![x](missing.png)\n\n![x](photo.gif)\n\nText ![x](chart.svg) inline\n\n![x](../other/a.png)\n\n![x](active.svg)\n";
        let mut d = Diagnostics::default();
        let c = convert(md, &folder.join("en.md"), 4, &mut d);
        assert_eq!(
            c.blocks[1],
            Block::Image {
                src: "files/news/budget/chart.svg".into(),
                alt: "Spending by year: 10, 12, 15".into(),
                width: Some(640),
                height: Some(360)
            }
        );
        let found: Vec<(usize, &str)> = d.items.iter().map(|x| (x.line, x.rule)).collect();
        assert_eq!(
            found,
            vec![
                (9, "image-alt"),
                (11, "image"),
                (13, "image-format"),
                (15, "image"),
                (17, "image"),
                (19, "image-format")
            ]
        );
        assert_eq!(c.files.len(), 2, "the chart, once per use");
        assert!(c.files.iter().all(|(api, _)| api == "files/news/budget/chart.svg"));
    }

    #[test]
    fn html_is_kept_as_text() {
        let (c, d) = conv("Hello <script>alert(1)</script> there\n");
        assert_eq!(c.blocks, vec![Block::Paragraph { text: vec![t("Hello <script>alert(1)</script> there")] }]);
        assert!(d.items.iter().all(|x| x.rule == "raw-html" && x.line == 5));
    }

    #[test]
    fn rejected_constructs_name_their_line() {
        let (_, d) = conv("ok\n\n# Title\n\n[x](javascript:alert(1)) [y](/nowhere/z)\n\n```\ncode\n```\n");
        let found: Vec<(usize, &str)> = d.items.iter().map(|x| (x.line, x.rule)).collect();
        assert_eq!(
            found,
            vec![(7, "heading-level"), (9, "link-scheme"), (9, "bad-link"), (11, "unsupported-markdown")]
        );
    }
}
