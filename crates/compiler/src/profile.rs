//! A state body's profile: what the Law "On access to information"
//! (No. 401-V, Article 16) says its internet resource must publish beyond
//! its news and documents: leadership, structure, contacts and reception,
//! and the acts that set its powers. Every fact about a person or the body's
//! structure records where it was read and when, and a missing section is
//! reported per body rather than filled in.

use crate::diagnostic::Diagnostics;
use crate::model::{Source, Texts};
use crate::{publications, Agency, Content, Options};
use portal_content::*;
use std::path::Path;
use toml::Spanned;

/// A section of the profile that a kind of body must publish.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Section {
    Leadership,
    Structure,
    Contacts,
    Reception,
    Regulation,
}

impl Section {
    pub fn name(self) -> &'static str {
        match self {
            Section::Leadership => "leadership",
            Section::Structure => "structure",
            Section::Contacts => "contacts",
            Section::Reception => "reception",
            Section::Regulation => "regulation",
        }
    }
}

/// What each kind of body must publish, as docs/editors-guide.md lists it.
/// State corporations are not state bodies under the law: their contacts only.
pub fn required(kind: AgencyKind) -> &'static [Section] {
    use Section::*;
    match kind {
        AgencyKind::Ministry | AgencyKind::CentralAgency | AgencyKind::Committee | AgencyKind::Akimat => {
            &[Leadership, Structure, Contacts, Reception, Regulation]
        }
        AgencyKind::DistrictAkimat => &[Leadership, Contacts, Reception, Regulation],
        AgencyKind::StateCorporation => &[Contacts],
    }
}

/// Whether `a` publishes `section`.
fn has(c: &Content, a: &Agency, section: Section) -> bool {
    let m = &a.meta;
    match section {
        Section::Leadership => m.leader.iter().any(|l| l.get_ref().role == LeaderRole::Head),
        Section::Structure => {
            !m.department.is_empty()
                || c.agencies.iter().any(|b| b.meta.parent.as_ref().is_some_and(|p| p.get_ref() == &a.slug))
        }
        Section::Contacts => {
            m.phone.is_some() && m.email.is_some() && a.texts.values().any(|t| t.front.address.is_some())
        }
        Section::Reception => m.reception.is_some(),
        Section::Regulation => !m.regulation.is_empty(),
    }
}

/// A fact's source: present, an https address, and checked no later than today.
pub(crate) fn check_source(
    diags: &mut Diagnostics,
    file: &Path,
    line: usize,
    what: &str,
    source: Option<&Source>,
    today: &str,
) {
    match source {
        None => diags.error(
            file,
            line,
            "unsourced",
            format!(
                "{what} needs its source: source = {{ url = \"https://…\", checked = YYYY-MM-DD }}, where it was \
                 read and the day it was checked; leave out what cannot be confirmed"
            ),
        ),
        Some(s) if !s.url.starts_with("https://") => {
            diags.error(file, line, "unsourced", format!("{what}: the source must be an https:// address"))
        }
        Some(s) if s.checked.0.as_str() > today => {
            diags.error(file, line, "unsourced", format!("{what}: checked {} is in the future", s.checked.0))
        }
        Some(_) => {}
    }
}

pub(crate) fn check(c: &Content, options: &Options, diags: &mut Diagnostics) {
    for a in &c.agencies {
        let m = &a.meta;
        let file = a.meta_file.as_path();
        let mut sourced = |what: &str, at: usize, source: Option<&Source>| {
            check_source(diags, file, at, what, source, &options.today)
        };
        for l in &m.leader {
            sourced("a leader", a.meta_line(l), l.get_ref().source.as_ref());
        }
        for d in &m.department {
            sourced("a department", a.meta_line(d), d.get_ref().source.as_ref());
        }
        if let Some(r) = &m.reception {
            sourced("the reception of citizens", a.meta_line(r), r.get_ref().source.as_ref());
        }
        let new_contacts = m.press_phone.is_some() || m.reception_phone.is_some() || m.hours.is_some();
        if new_contacts && m.contacts_source.is_none() {
            sourced("press_phone, reception_phone and hours", 0, None);
        }
        if let Some(s) = &m.contacts_source {
            sourced("contacts_source", a.meta_line(s), Some(s.get_ref()));
        }

        // Every text in every language of the portal.
        let mut texts: Vec<(usize, &Texts)> = vec![];
        for l in &m.leader {
            let l_ = l.get_ref();
            texts.extend(
                [&l_.name, &l_.position].into_iter().chain(&l_.areas).chain(&l_.career).map(|t| (a.meta_line(l), t)),
            );
        }
        for d in &m.department {
            texts.extend(
                [Some(&d.get_ref().name), d.get_ref().tasks.as_ref()]
                    .into_iter()
                    .flatten()
                    .map(|t| (a.meta_line(d), t)),
            );
        }
        if let Some(r) = &m.reception {
            texts.extend([&r.get_ref().schedule, &r.get_ref().sign_up].map(|t| (a.meta_line(r), t)));
        }
        if let Some(h) = &m.hours {
            texts.push((a.meta_line(h), h.get_ref()));
        }
        for (line, t) in texts {
            let missing: Vec<&str> = t.missing().iter().map(|l| l.code()).collect();
            if !missing.is_empty() {
                let missing = missing.join(", ");
                diags.warning_about(
                    &a.meta_file,
                    line,
                    "missing-translation",
                    &missing,
                    format!("no text in {missing}"),
                );
            }
        }

        for r in &m.regulation {
            if !c.known.documents.contains(r.get_ref()) {
                diags.error(
                    &a.meta_file,
                    a.meta_line(r),
                    "dead-link",
                    format!("regulation names document {:?}, which is not in content/documents/", r.get_ref()),
                );
            }
        }

        // A former body's page is a record: it publishes nothing new.
        let required = if m.reorganised.is_some() { &[] } else { required(m.kind) };
        let lacking: Vec<&str> = required.iter().filter(|&&s| !has(c, a, s)).map(|s| s.name()).collect();
        if !lacking.is_empty() {
            let lacking = lacking.join(", ");
            diags.warning_about(
                &a.meta_file,
                0,
                "mandatory-information",
                &lacking,
                format!("the law requires this body to publish: {lacking} (see the editors' guide)"),
            );
        }
    }
}

/// The profile's parts of the body's document in `lang`: a fact with no text
/// in `lang` is left out there (and reported as a missing translation).
pub(crate) struct Profile {
    pub leaders: Vec<Leader>,
    pub departments: Vec<Department>,
    pub reception: Option<Reception>,
    pub regulation: Vec<DocumentCard>,
    pub hours: Option<String>,
    pub contacts_source: Option<FactSource>,
}

pub(crate) fn fact_source(s: &Source) -> FactSource {
    FactSource { url: s.url.clone(), checked: s.checked.0.clone() }
}

fn text(t: &Texts, lang: Lang) -> Option<String> {
    t.get(lang).cloned()
}

pub(crate) fn of(c: &Content, a: &Agency, lang: Lang) -> Profile {
    let m = &a.meta;
    let mut leaders: Vec<Leader> = m
        .leader
        .iter()
        .map(Spanned::get_ref)
        .filter_map(|l| {
            Some(Leader {
                role: l.role,
                name: text(&l.name, lang)?,
                position: text(&l.position, lang)?,
                areas: l.areas.as_ref().and_then(|t| text(t, lang)),
                career: l.career.as_ref().and_then(|t| text(t, lang)),
                appointed: l.appointed.as_ref().map(|d| d.0.clone()),
                source: fact_source(l.source.as_ref()?),
            })
        })
        .collect();
    // The head first, then deputies, then the executive secretary; in the order written within each.
    leaders.sort_by_key(|l| l.role);
    let departments = m
        .department
        .iter()
        .map(Spanned::get_ref)
        .filter_map(|d| {
            Some(Department {
                name: text(&d.name, lang)?,
                tasks: d.tasks.as_ref().and_then(|t| text(t, lang)),
                source: fact_source(d.source.as_ref()?),
            })
        })
        .collect();
    let reception = m.reception.as_ref().map(Spanned::get_ref).and_then(|r| {
        Some(Reception {
            schedule: text(&r.schedule, lang)?,
            sign_up: text(&r.sign_up, lang)?,
            source: fact_source(r.source.as_ref()?),
        })
    });
    let regulation = m.regulation.iter().filter_map(|r| publications::card_of_document(c, lang, r.get_ref())).collect();
    Profile {
        leaders,
        departments,
        reception,
        regulation,
        hours: m.hours.as_ref().and_then(|h| text(h.get_ref(), lang)),
        contacts_source: m.contacts_source.as_ref().map(|s| fact_source(s.get_ref())),
    }
}
