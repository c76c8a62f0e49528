//! Life situations (`content/life/<slug>/`): their rules, their API
//! documents, and what each page that is one of their steps shows.
//!
//! A journey's `meta.toml` lists its steps in order, each with the pages it
//! needs; each language file gives an intro, then one `##` section per
//! step: its title and its text.

use super::*;
use crate::check::a_year_before;
use crate::docs::{by_title, card, json, unavailable};
use portal_content::blocks::plain_text;
use toml::Spanned;

/// A step of a journey in one language, as its text gives it.
struct StepText {
    title: String,
    text: Vec<Block>,
}

/// The intro (before the first `##`) and the steps of a journey's text.
fn split(blocks: &[Block]) -> (Vec<Block>, Vec<StepText>) {
    let mut intro = vec![];
    let mut steps: Vec<StepText> = vec![];
    for block in blocks {
        match (block, steps.last_mut()) {
            (Block::Heading { level: 2, text, .. }, _) => {
                steps.push(StepText { title: plain_text(text), text: vec![] });
            }
            (_, Some(step)) => step.text.push(block.clone()),
            (_, None) => intro.push(block.clone()),
        }
    }
    (intro, steps)
}

/// 1-based lines of the `##` headings of a Markdown file, outside code blocks.
fn step_heading_lines(file: &Path) -> Vec<usize> {
    let text = std::fs::read_to_string(file).unwrap_or_default();
    let mut fenced = false;
    let mut lines = vec![];
    for (i, line) in text.lines().enumerate() {
        if line.trim_start().starts_with("```") {
            fenced = !fenced;
        } else if !fenced && line.starts_with("## ") {
            lines.push(i + 1);
        }
    }
    lines
}

/// Steps of a journey grouped as readers number them: a step and those
/// joined to it (`or`, `and`) share a number.
fn numbered(steps: &[Spanned<StepMeta>]) -> Vec<u32> {
    let mut number = 0;
    steps
        .iter()
        .map(|s| {
            if s.get_ref().with_previous.is_none() || number == 0 {
                number += 1;
            }
            number
        })
        .collect()
}

pub(crate) fn check(c: &Content, options: &Options, diags: &mut Diagnostics) {
    for j in &c.journeys {
        let file = &j.meta_file;
        let steps = &j.meta.step;
        if steps.is_empty() {
            diags.error(file, 1, "steps", "a life situation needs at least one [[step]]");
        }
        for (i, step) in steps.iter().enumerate() {
            let line = j.meta_line(step);
            let meta = step.get_ref();
            if meta.pages.is_empty() {
                diags.error(file, line, "step-pages", format!("step {} names no page: give it pages = [...]", i + 1));
            }
            if let Some(join) = &meta.with_previous {
                let previous_join = i.checked_sub(1).map(|p| steps[p].get_ref().with_previous.as_ref());
                match previous_join {
                    None => diags.error(
                        file,
                        j.meta_line(join),
                        "step-join",
                        "the first step has no step before it to be joined to: remove with_previous",
                    ),
                    // The first step's join is an error of its own, above.
                    Some(Some(before)) if i > 1 && before.get_ref() != join.get_ref() => diags.error(
                        file,
                        j.meta_line(join),
                        "step-join",
                        "steps that share a number are all alternatives (\"or\") or all done together (\"and\"), not both",
                    ),
                    Some(_) => {}
                }
            }
        }
        for t in j.texts.values() {
            let (_, texts) = split(&t.body.blocks);
            if texts.len() != steps.len() {
                let headings = step_heading_lines(&t.file);
                let line = headings.get(steps.len()).or(headings.last()).copied().unwrap_or(1);
                diags.error(
                    &t.file,
                    line,
                    "steps",
                    format!(
                        "the text has {} step sections (## headings) but meta.toml has {} [[step]] entries: one section per step, in order",
                        texts.len(),
                        steps.len()
                    ),
                );
            }
        }
        let (updated, review) = (j.meta.updated.get_ref(), j.meta.review_by.get_ref());
        if updated.0 > options.today {
            let message = format!("updated {} is in the future", updated.0);
            diags.error(file, j.meta_line(&j.meta.updated), "date", message);
        } else if review < updated {
            let message = format!("review_by {} is before updated {}", review.0, updated.0);
            diags.error(file, j.meta_line(&j.meta.review_by), "date", message);
        } else if review.0 < options.today {
            let message = format!("the life situation was due for review on {}", review.0);
            diags.warning_about(file, j.meta_line(&j.meta.review_by), "review-overdue", &review.0, message);
        }
        // A journey is only as current as its oldest step: each step page
        // that is stale or missing a language of the journey is its problem too.
        let year_ago = a_year_before(&options.today);
        for step in steps {
            for slug in &step.get_ref().pages {
                let Some(page) = by_slug(&c.pages, slug.get_ref()) else { continue };
                let line = j.meta_line(slug);
                let path = Route::Page(page.slug.clone()).neutral_path();
                let page_updated = &page.meta.updated.get_ref().0;
                if page_updated < &year_ago || page.meta.review_by.get_ref().0 < options.today {
                    let message = format!("step page {path} was last updated on {page_updated} and is due for review");
                    diags.warning_about(file, line, "stale", &path, message);
                }
                let missing: Vec<&str> =
                    j.texts.keys().filter(|l| !page.texts.contains_key(l)).map(|l| l.code()).collect();
                if !missing.is_empty() {
                    let detail = format!("{path}: {}", missing.join(", "));
                    let message = format!("step page {path} has no text in {}", missing.join(", "));
                    diags.warning_about(file, line, "missing-translation", detail, message);
                }
            }
        }
    }
    // A page's figures restate its cost and timing lines.
    for p in &c.pages {
        // A figure given (its line and its bounds), and the front matter's line it restates.
        type Given = Option<(usize, (f64, f64))>;
        type Line = fn(&PageFront) -> &Option<String>;
        let figures: [(&str, Given, &str, Line); 2] = [
            ("fee_mci", p.meta.fee_mci.as_ref().map(|f| (p.meta_line(f), f.get_ref().bounds())), "cost", |f| &f.cost),
            (
                "working_days",
                p.meta.working_days.as_ref().map(|f| (p.meta_line(f), lossless(f.get_ref().bounds()))),
                "timing",
                |f| &f.timing,
            ),
        ];
        for (name, figure, line_name, line_of) in figures {
            let Some((line, (from, to))) = figure else { continue };
            if from < 0.0 || to < from || !to.is_finite() {
                diags.error(
                    &p.meta_file,
                    line,
                    "figure",
                    format!("{name}: give one figure, or [least, most] with least <= most, none negative"),
                );
            }
            let without: Vec<&str> = p
                .texts
                .iter()
                .filter(|(_, t)| line_of(&t.front).as_deref().is_none_or(|v| v.trim().is_empty()))
                .map(|(l, _)| l.code())
                .collect();
            if !without.is_empty() {
                let message = format!(
                    "{name} restates the page's {line_name} line, which the text in {} does not have",
                    without.join(", ")
                );
                diags.error(&p.meta_file, line, "figure", message);
            }
        }
    }
}

fn lossless((from, to): (u32, u32)) -> (f64, f64) {
    (f64::from(from), f64::from(to))
}

/// One step's figure: the sum over its pages, if every page gives one.
fn step_figure(c: &Content, step: &StepMeta, figure: impl Fn(&Page) -> Option<(f64, f64)>) -> Option<(f64, f64)> {
    step.pages.iter().try_fold((0.0, 0.0), |(from, to), slug| {
        let (f, t) = figure(by_slug(&c.pages, slug.get_ref())?)?;
        Some((from + f, to + t))
    })
}

/// The journey's sum: alternatives give the least and the most of theirs,
/// steps done together add up, and a numbered step whose figure is not
/// known is counted, not guessed.
fn estimate(c: &Content, steps: &[Spanned<StepMeta>], figure: impl Fn(&Page) -> Option<(f64, f64)>) -> Estimate {
    let numbers = numbered(steps);
    let mut total = Estimate { from: 0.0, to: 0.0, known_steps: 0, unknown_steps: 0 };
    let mut i = 0;
    while i < steps.len() {
        let group: Vec<&StepMeta> = steps[i..]
            .iter()
            .zip(&numbers[i..])
            .take_while(|(_, n)| **n == numbers[i])
            .map(|(s, _)| s.get_ref())
            .collect();
        i += group.len();
        let figures: Option<Vec<(f64, f64)>> = group.iter().map(|s| step_figure(c, s, &figure)).collect();
        let alternatives =
            group.get(1).and_then(|s| s.with_previous.as_ref()).map(|j| *j.get_ref()) == Some(StepJoin::Or);
        total.known_steps += u32::from(figures.is_some());
        match figures {
            Some(figures) if alternatives => {
                total.from += figures.iter().map(|f| f.0).fold(f64::INFINITY, f64::min);
                total.to += figures.iter().map(|f| f.1).fold(0.0, f64::max);
            }
            Some(figures) => {
                total.from += figures.iter().map(|f| f.0).sum::<f64>();
                total.to += figures.iter().map(|f| f.1).sum::<f64>();
            }
            None => total.unknown_steps += 1,
        }
    }
    total
}

fn fee(p: &Page) -> Option<(f64, f64)> {
    p.meta.fee_mci.as_ref().map(|f| f.get_ref().bounds())
}

fn days(p: &Page) -> Option<(f64, f64)> {
    p.meta.working_days.as_ref().map(|f| lossless(f.get_ref().bounds()))
}

/// The cards of the journeys in `lang`, by title: the home page's and the list's.
pub(crate) fn cards(c: &Content, lang: Lang) -> Vec<Card> {
    by_title(
        c.journeys
            .iter()
            .filter_map(|j| j.texts.get(&lang).map(|t| card(&j.slug, &t.front.title, &t.front.summary)))
            .collect(),
    )
}

/// A step as another page names it: its number, title, and first page.
fn step_ref(c: &Content, lang: Lang, number: u32, meta: &StepMeta, text: &StepText) -> StepRef {
    let page = meta.pages.first().and_then(|slug| by_slug(&c.pages, slug.get_ref()));
    StepRef {
        number,
        title: text.title.clone(),
        page: page.and_then(|p| Some(Ref { slug: p.slug.clone(), name: p.texts.get(&lang)?.front.title.clone() })),
    }
}

/// For each page that is a step of a journey in `lang`, where it stands in each.
pub(crate) fn parts(c: &Content, lang: Lang) -> BTreeMap<&str, Vec<JourneyPart>> {
    let mut parts: BTreeMap<&str, Vec<JourneyPart>> = BTreeMap::new();
    for j in &c.journeys {
        let Some(text) = j.texts.get(&lang) else { continue };
        let (_, texts) = split(&text.body.blocks);
        let numbers = numbered(&j.meta.step);
        let steps: Vec<StepRef> = j
            .meta
            .step
            .iter()
            .zip(&texts)
            .zip(&numbers)
            .map(|((meta, text), &n)| step_ref(c, lang, n, meta.get_ref(), text))
            .collect();
        for (i, meta) in j.meta.step.iter().enumerate() {
            let Some(step) = steps.get(i) else { continue };
            // The steps either side are the other numbers, not the alternatives sharing this one.
            let previous = steps[..i].iter().rev().find(|s| s.number < step.number).cloned();
            let next = steps[i + 1..].iter().find(|s| s.number > step.number).cloned();
            for slug in &meta.get_ref().pages {
                parts.entry(slug.get_ref().as_str()).or_default().push(JourneyPart {
                    journey: Ref { slug: j.slug.clone(), name: text.front.title.clone() },
                    step: step.clone(),
                    previous: previous.clone(),
                    next: next.clone(),
                });
            }
        }
    }
    parts
}

/// The list of life situations and each journey's document in `lang`.
pub(crate) fn build(c: &Content, lang: Lang, docs: &mut Docs) {
    let list = JourneysDoc { journeys: cards(c, lang) };
    docs.emit(lang, Route::Journeys, json(&list), Some(nav::journeys_links(&list)), &c.site.meta_file);
    for j in &c.journeys {
        let route = Route::Journey(j.slug.clone());
        let Some(text) = j.texts.get(&lang) else {
            let doc = Item::<JourneyDoc>::Unavailable(unavailable(j, |f| &f.title));
            docs.emit(lang, route, json(&doc), None, &j.meta_file);
            continue;
        };
        let (intro, texts) = split(&text.body.blocks);
        let steps = j
            .meta
            .step
            .iter()
            .zip(texts)
            .zip(numbered(&j.meta.step))
            .map(|((meta, text), number)| JourneyStep {
                number,
                join: meta.get_ref().with_previous.as_ref().map(|j| *j.get_ref()),
                title: text.title,
                text: text.text,
                pages: meta
                    .get_ref()
                    .pages
                    .iter()
                    .filter_map(|slug| by_slug(&c.pages, slug.get_ref()))
                    .filter_map(|p| {
                        let f = &p.texts.get(&lang)?.front;
                        Some(StepPage {
                            slug: p.slug.clone(),
                            title: f.title.clone(),
                            summary: f.summary.clone(),
                            cost: f.cost.clone().filter(|v| !v.trim().is_empty()),
                            timing: f.timing.clone().filter(|v| !v.trim().is_empty()),
                        })
                    })
                    .collect(),
            })
            .collect();
        let doc = JourneyDoc {
            slug: j.slug.clone(),
            title: text.front.title.clone(),
            summary: text.front.summary.clone(),
            intro,
            steps,
            cost: estimate(c, &j.meta.step, fee),
            timing: estimate(c, &j.meta.step, days),
            updated: j.meta.updated.get_ref().0.clone(),
            languages: j.languages(),
        };
        let links = nav::journey_links(&doc);
        docs.emit(lang, route, json(&Item::Available(doc)), Some(links), &j.meta_file);
    }
}
