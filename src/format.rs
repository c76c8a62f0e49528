//! Dates as readers write them in each language.

use portal_content::Lang;

const MONTHS_KK: [&str; 12] = [
    "қаңтар",
    "ақпан",
    "наурыз",
    "сәуір",
    "мамыр",
    "маусым",
    "шілде",
    "тамыз",
    "қыркүйек",
    "қазан",
    "қараша",
    "желтоқсан",
];
const MONTHS_RU: [&str; 12] = [
    "января",
    "февраля",
    "марта",
    "апреля",
    "мая",
    "июня",
    "июля",
    "августа",
    "сентября",
    "октября",
    "ноября",
    "декабря",
];
const MONTHS_EN: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// Formats an API date (`YYYY-MM-DD`): "2026 жылғы 15 қазан", "15 октября 2026 г.",
/// "15 October 2026". Anything else is shown as it came.
pub fn date(iso: &str, lang: Lang) -> String {
    let parts: Vec<&str> = iso.split('-').collect();
    let parsed = match parts.as_slice() {
        [y, m, d] => y.parse::<u32>().ok().zip(m.parse::<usize>().ok()).zip(d.parse::<u32>().ok()),
        _ => None,
    };
    match parsed {
        Some(((y, m), d)) if (1..=12).contains(&m) => match lang {
            Lang::Kk => format!("{y} жылғы {d} {}", MONTHS_KK[m - 1]),
            Lang::Ru => format!("{d} {} {y} г.", MONTHS_RU[m - 1]),
            Lang::En => format!("{d} {} {y}", MONTHS_EN[m - 1]),
        },
        _ => iso.to_owned(),
    }
}

const MONTHS_RU_NOMINATIVE: [&str; 12] = [
    "январь",
    "февраль",
    "март",
    "апрель",
    "май",
    "июнь",
    "июль",
    "август",
    "сентябрь",
    "октябрь",
    "ноябрь",
    "декабрь",
];

/// Formats a month of an archive (`YYYY-MM`): "2026 жылғы қараша",
/// "ноябрь 2026", "November 2026". Anything else is shown as it came.
pub fn month(period: &str, lang: Lang) -> String {
    let parsed = period.split_once('-').and_then(|(y, m)| y.parse::<u32>().ok().zip(m.parse::<usize>().ok()));
    match parsed {
        Some((y, m)) if (1..=12).contains(&m) => match lang {
            Lang::Kk => format!("{y} жылғы {}", MONTHS_KK[m - 1]),
            Lang::Ru => format!("{} {y}", MONTHS_RU_NOMINATIVE[m - 1]),
            Lang::En => format!("{} {y}", MONTHS_EN[m - 1]),
        },
        _ => period.to_owned(),
    }
}

/// A file size as readers write it: "84 KB", "1.2 MB"; "84 КБ" in Kazakh and Russian.
pub fn size(bytes: u64, lang: Lang) -> String {
    let (kb, mb) = match lang {
        Lang::En => ("KB", "MB"),
        Lang::Kk | Lang::Ru => ("КБ", "МБ"),
    };
    if bytes < 1024 * 1024 {
        format!("{} {kb}", bytes.div_ceil(1024))
    } else {
        let value = format!("{:.1}", bytes as f64 / (1024.0 * 1024.0));
        let value = if lang == Lang::En { value } else { value.replace('.', ",") };
        format!("{value} {mb}")
    }
}
