//! What a reader sends, and the rules it must meet before it is stored.

use crate::owner::Pages;
use portal_content::Lang;
use serde::Deserialize;

pub use portal_content::feedback::{REASONS, TEXT_LIMIT};

/// A reader's answer or report as it arrives, from JSON or a form post.
/// Every field is text so that a wrong value is refused with a reason
/// naming it, not with a generic parse error.
#[derive(Debug, Default, Deserialize)]
pub struct Submission {
    /// Made by the browser so that a report it sends again is stored once.
    pub id: Option<String>,
    /// The page, language-neutral (`/pages/passport`).
    #[serde(default)]
    pub route: String,
    #[serde(default)]
    pub lang: String,
    /// `yes` or `no` (JSON may send true or false).
    pub useful: Option<Flag>,
    pub reason: Option<String>,
    pub text: Option<String>,
    /// The field people do not see and bots fill in.
    pub website: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(untagged)]
pub enum Flag {
    Bool(bool),
    Word(String),
}

/// What a reader said about a page.
#[derive(Clone, Debug, PartialEq)]
pub enum Said {
    Useful(bool),
    /// `reason` is one of [`REASONS`].
    Problem {
        reason: &'static str,
        text: String,
    },
}

/// A submission that met every rule, with its page's body found.
#[derive(Clone, Debug, PartialEq)]
pub struct Report {
    pub id: String,
    pub route: String,
    pub lang: Lang,
    /// The state body responsible for the page (its slug), or [`crate::owner::PORTAL`].
    pub body: String,
    pub said: Said,
}

/// Why a submission was refused. Each has a code the browser translates
/// and an HTTP status; none of them is worth sending again except
/// [`Refusal::Busy`] and [`Refusal::Unavailable`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Refusal {
    Malformed,
    TooLarge,
    Language,
    Page,
    Useful,
    Reason,
    TooLong,
    Id,
    Trap,
    Busy,
    Unavailable,
}

impl Refusal {
    pub fn code(self) -> &'static str {
        match self {
            Refusal::Malformed => "malformed",
            Refusal::TooLarge => "too-large",
            Refusal::Language => "language",
            Refusal::Page => "page",
            Refusal::Useful => "useful",
            Refusal::Reason => "reason",
            Refusal::TooLong => "too-long",
            Refusal::Id => "id",
            Refusal::Trap => "trap",
            Refusal::Busy => "busy",
            Refusal::Unavailable => "unavailable",
        }
    }

    pub fn status(self) -> u16 {
        match self {
            Refusal::Malformed => 400,
            Refusal::TooLarge => 413,
            Refusal::Busy => 429,
            Refusal::Unavailable => 503,
            _ => 422,
        }
    }

    /// The reason in plain words, in `lang` (English when the language itself is unknown).
    pub fn message(self, lang: Option<Lang>) -> &'static str {
        let [kk, ru, en] = match self {
            Refusal::Malformed => [
                "Хабарлама оқылмады: ол JSON немесе форма түрінде жіберілуі керек.",
                "Сообщение не прочитано: оно должно быть отправлено как JSON или форма.",
                "The message could not be read: send it as JSON or as a form.",
            ],
            Refusal::TooLarge => ["Хабарлама тым үлкен.", "Сообщение слишком большое.", "The message is too large."],
            Refusal::Language => [
                "Тіл белгісіз: kk, ru немесе en болуы керек.",
                "Неизвестный язык: должен быть kk, ru или en.",
                "Unknown language: it must be kk, ru or en.",
            ],
            Refusal::Page => {
                ["Порталда мұндай бет жоқ.", "На портале нет такой страницы.", "The portal has no such page."]
            }
            Refusal::Useful => [
                "Жауап «иә» немесе «жоқ» болуы керек.",
                "Ответ должен быть «да» или «нет».",
                "The answer must be yes or no.",
            ],
            Refusal::Reason => [
                "Не дұрыс емес екенін тізімнен таңдаңыз.",
                "Выберите из списка, что не так.",
                "Choose from the list what went wrong.",
            ],
            Refusal::TooLong => [
                "Мәтін 1000 таңбадан аспауы керек.",
                "Текст должен быть не длиннее 1000 знаков.",
                "The text must be 1000 characters or fewer.",
            ],
            Refusal::Id => [
                "Хабарлама белгісі дұрыс емес.",
                "Неверный идентификатор сообщения.",
                "The message's identifier is not valid.",
            ],
            Refusal::Trap => [
                "Бос қалдырылуы тиіс өріс толтырылған.",
                "Заполнено поле, которое должно оставаться пустым.",
                "A field meant to be left empty was filled in.",
            ],
            Refusal::Busy => [
                "Осы мекенжайдан хабарламалар тым көп. Бірнеше минуттан кейін қайталаңыз.",
                "Слишком много сообщений с этого адреса. Повторите через несколько минут.",
                "Too many messages from this address. Try again in a few minutes.",
            ],
            Refusal::Unavailable => [
                "Қызмет хабарламаны қазір сақтай алмады. Кейінірек қайталаңыз.",
                "Сервис не смог сейчас сохранить сообщение. Повторите позже.",
                "The service could not store the message just now. Try again later.",
            ],
        };
        match lang {
            Some(Lang::Kk) => kk,
            Some(Lang::Ru) => ru,
            _ => en,
        }
    }
}

impl Submission {
    /// Checks the submission against every rule; `problem` says which
    /// endpoint it came to (a problem report or a yes/no answer).
    pub fn check(self, problem: bool, pages: &Pages) -> Result<Report, Refusal> {
        if self.website.is_some_and(|w| !w.trim().is_empty()) {
            return Err(Refusal::Trap);
        }
        let lang = Lang::from_code(&self.lang).ok_or(Refusal::Language)?;
        let body = pages.owner(lang, &self.route).ok_or(Refusal::Page)?;
        let id = match self.id {
            Some(id) if is_valid_id(&id) => id,
            Some(_) => return Err(Refusal::Id),
            None => new_id(),
        };
        let said = if problem {
            let reason = self.reason.as_deref().and_then(|r| REASONS.into_iter().find(|known| *known == r));
            let reason = reason.ok_or(Refusal::Reason)?;
            let text = self.text.unwrap_or_default().trim().to_owned();
            if text.chars().count() > TEXT_LIMIT {
                return Err(Refusal::TooLong);
            }
            Said::Problem { reason, text: crate::scrub::scrub(&text) }
        } else {
            let useful = match self.useful {
                Some(Flag::Bool(b)) => b,
                Some(Flag::Word(w)) if w == "yes" || w == "true" => true,
                Some(Flag::Word(w)) if w == "no" || w == "false" => false,
                _ => return Err(Refusal::Useful),
            };
            Said::Useful(useful)
        };
        Ok(Report { id, route: self.route, lang, body, said })
    }
}

/// Identifiers browsers make (UUIDs) and the service makes: 8 to 64 letters, digits and hyphens.
fn is_valid_id(id: &str) -> bool {
    (8..=64).contains(&id.len()) && id.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-')
}

/// A random identifier for a report sent without one (a form post).
pub fn new_id() -> String {
    let mut bytes = [0u8; 16];
    getrandom::fill(&mut bytes).expect("the system's random source");
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}
