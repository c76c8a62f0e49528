//! Removes personal data from a reader's text before it is stored: the form
//! asks for none, but people write their e-mail, telephone, IIN or card
//! number anyway, and the report goes to a state body that must not keep them.

use regex::Regex;
use std::sync::LazyLock;

/// What stands in the text where personal data was, so an editor sees
/// that something was there and what kind it was.
pub const EMAIL: &str = "[e-mail]";
pub const CARD: &str = "[card]";
pub const IIN: &str = "[IIN/BIN]";
pub const PHONE: &str = "[phone]";

// Order matters: a card number holds twelve digits in a row (an IIN/BIN is
// exactly twelve), and a telephone number is shorter than both.
static PATTERNS: LazyLock<[(Regex, &str); 4]> = LazyLock::new(|| {
    let re = |p: &str| Regex::new(p).expect("a valid pattern");
    [
        (re(r"[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}"), EMAIL),
        // 13 to 19 digits, in groups separated by spaces or hyphens.
        (re(r"\b\d(?:[ -]?\d){12,18}\b"), CARD),
        (re(r"\b\d{12}\b"), IIN),
        // +7 701 123 45 67, 8 (727) 123-45-67, 87011234567, 7 701 123 45 67 (a mobile
        // number without its plus), +44 20 7946 0958, 123-45-67.
        (
            re(concat!(
                r"(?:\+\d{1,3}|\b8)[ -]?\(?\d{2,4}\)?(?:[ -]?\d){6,8}\b",
                r"|\b7[ -]?\(?7\d{2}\)?(?:[ -]?\d){7}\b",
                r"|\b\d{3}-\d{2}-\d{2}\b"
            )),
            PHONE,
        ),
    ]
});

/// `text` with e-mail addresses, card numbers, IIN/BIN numbers and
/// telephone numbers replaced by [`EMAIL`], [`CARD`], [`IIN`] and [`PHONE`].
pub fn scrub(text: &str) -> String {
    PATTERNS.iter().fold(text.to_owned(), |text, (pattern, mark)| pattern.replace_all(&text, *mark).into_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn personal_data_is_removed_from_text_in_each_language() {
        let cases = [
            (
                "Менің поштам aigul.s@mail.kz, телефоным +7 701 123 45 67, ЖСН 900101300123.",
                "Менің поштам [e-mail], телефоным [phone], ЖСН [IIN/BIN].",
            ),
            (
                "Звоните 8 (727) 123-45-67 или 87011234567, карта 4400 4301 2345 6789 не прошла.",
                "Звоните [phone] или [phone], карта [card] не прошла.",
            ),
            ("Write to me at j.smith+gov@example.co.uk or +44 20 7946 0958.", "Write to me at [e-mail] or [phone]."),
            ("Мой БИН: 123456789012; почта: иван@почта.рф", "Мой БИН: [IIN/BIN]; почта: [e-mail]"),
            ("Card 4400-4301-2345-6789, local number 123-45-67.", "Card [card], local number [phone]."),
            ("Хабарласыңыз: 7 701 123 45 67.", "Хабарласыңыз: [phone]."),
        ];
        for (text, expected) in cases {
            assert_eq!(scrub(text), expected, "{text}");
        }
    }

    #[test]
    fn text_without_personal_data_is_kept_as_written() {
        for text in [
            "Приказ № 123 от 2024-05-01 утратил силу, ссылка не работает.",
            "Бет 2025 жылғы 15 наурыздан бері жаңартылмаған.",
            "The fee is 3,450 tenge, not 2 MCI; see article 12.",
            "Бюджет 7 500 000 000 теңге.",
            "",
        ] {
            assert_eq!(scrub(text), text);
        }
    }
}
