//! Renders content blocks as semantic HTML. Text is always text: there is
//! no `inner_html` anywhere, so content can never inject markup or script.

use crate::i18n::*;
use crate::routes::AppUrl;
use leptos::prelude::*;
use portal_content::{Block, CalloutTone, Inline, Lang};

#[component]
pub fn Blocks(blocks: Vec<Block>, lang: Lang) -> impl IntoView {
    blocks.into_iter().map(|b| block(b, lang)).collect_view()
}

fn block(b: Block, lang: Lang) -> AnyView {
    match b {
        Block::Heading { level, id, text } => {
            let content = inlines(text, lang);
            match level {
                2 => view! { <h2 id=id>{content}</h2> }.into_any(),
                3 => view! { <h3 id=id>{content}</h3> }.into_any(),
                _ => view! { <h4 id=id>{content}</h4> }.into_any(),
            }
        }
        Block::Paragraph { text } => view! { <p>{inlines(text, lang)}</p> }.into_any(),
        Block::List { ordered, items } => {
            let items = items
                .into_iter()
                .map(|item| match <[Block; 1]>::try_from(item) {
                    // A one-paragraph item is just text: no paragraph for a screen reader to announce.
                    Ok([Block::Paragraph { text }]) => view! { <li>{inlines(text, lang)}</li> }.into_any(),
                    Ok(single) => {
                        view! { <li>{block(single.into_iter().next().expect("one block"), lang)}</li> }.into_any()
                    }
                    Err(blocks) => {
                        view! { <li>{blocks.into_iter().map(|b| block(b, lang)).collect_view()}</li> }.into_any()
                    }
                })
                .collect_view();
            if ordered {
                view! { <ol class="list list-number">{items}</ol> }.into_any()
            } else {
                view! { <ul class="list list-bullet">{items}</ul> }.into_any()
            }
        }
        Block::Table { head, rows } => {
            // The scrollable wrapper is focusable so keyboard users can scroll
            // a wide table; its name is the table's column headings.
            let label: Vec<String> = head.iter().map(|c| portal_content::blocks::plain_text(c)).collect();
            view! {
                <div class="table-wrap" tabindex="0" role="region" aria-label=label.join(", ")>
                    <table>
                        <thead>
                            <tr>
                                {head
                                    .into_iter()
                                    .map(|c| view! { <th scope="col">{inlines(c, lang)}</th> })
                                    .collect_view()}
                            </tr>
                        </thead>
                        <tbody>
                            {rows
                                .into_iter()
                                .map(|row| {
                                    view! {
                                        <tr>
                                            {row
                                                .into_iter()
                                                .map(|c| view! { <td>{inlines(c, lang)}</td> })
                                                .collect_view()}
                                        </tr>
                                    }
                                })
                                .collect_view()}
                        </tbody>
                    </table>
                </div>
            }
            .into_any()
        }
        Block::Callout { tone, body } => {
            let class = match tone {
                CalloutTone::Note => "callout callout-note",
                CalloutTone::Important => "callout callout-important",
                CalloutTone::Warning => "callout callout-warning",
            };
            view! { <div class=class>{body.into_iter().map(|b| block(b, lang)).collect_view()}</div> }.into_any()
        }
        // The description stands in for the image when the reader hides
        // images (display settings); the size reserves the image's space.
        Block::Image { src, alt, width, height } => {
            let src = format!("{}{src}", expect_context::<crate::api::ApiClient>().base());
            view! {
                <figure class="figure">
                    <img src=src alt=alt.clone() width=width height=height loading="lazy" decoding="async" />
                    <span class="image-alt">{alt}</span>
                </figure>
            }
            .into_any()
        }
        // A block type from a newer API version: skipped, the rest still shows.
        Block::Unknown => ().into_any(),
    }
}

fn inlines(list: Vec<Inline>, lang: Lang) -> AnyView {
    list.into_iter().map(|i| inline(i, lang)).collect_view().into_any()
}

fn inline(inline: Inline, lang: Lang) -> AnyView {
    match inline {
        Inline::Text { text } => text.into_any(),
        Inline::Strong { content } => view! { <strong>{inlines(content, lang)}</strong> }.into_any(),
        Inline::Emphasis { content } => view! { <em>{inlines(content, lang)}</em> }.into_any(),
        Inline::Code { text } => view! { <code>{text}</code> }.into_any(),
        Inline::Foreign { lang: other, content } => {
            view! { <span lang=other.code()>{inlines(content, lang)}</span> }.into_any()
        }
        Inline::LineBreak => view! { <br /> }.into_any(),
        Inline::Link { to, content } => view! { <a href=to.url(lang)>{inlines(content, lang)}</a> }.into_any(),
        Inline::ExternalLink { href, content } => {
            view! { <ExternalLink href>{inlines(content, lang)}</ExternalLink> }.into_any()
        }
        Inline::Unknown => ().into_any(),
    }
}

/// A link that leaves the portal, marked so for every reader.
#[component]
pub fn ExternalLink(#[prop(into)] href: String, children: Children) -> impl IntoView {
    let locale = crate::language::page_locale();
    view! {
        <a href=href class="external" rel="external noopener">
            {children()}
            <span class="visually-hidden">" " {td!(locale, external_hint)}</span>
        </a>
    }
}
