//! Synthetic content for scale tests and benchmarks: N state bodies with M
//! pages, news items and documents each, in three languages, in the same folder layout editors use.
//! It is written to a folder of its own and never mixes with `content/`.
//!
//! The text is filler, but shaped like the real thing: Kazakh letters,
//! headings, numbered steps, links between pages and bodies, and a small
//! share of the problems the quality report must find (stale, untranslated,
//! incomplete, insecure links, news not current, documents without a
//! number, a file or a translation), so a scale run exercises every rule.

use std::fmt::Write as _;
use std::fs;
use std::io;
use std::path::Path;

pub struct Shape {
    pub bodies: usize,
    pub pages_per_body: usize,
    pub news_per_body: usize,
    pub documents_per_body: usize,
}

const TOPICS: usize = 15;
const REGIONS: usize = 20;

/// Words for filler text, per language.
const WORDS: [(&str, &[&str]); 3] = [
    (
        "kk",
        &[
            "өтініш",
            "құжат",
            "азамат",
            "қызмет",
            "мемлекеттік",
            "орган",
            "мерзім",
            "төлем",
            "анықтама",
            "тіркеу",
            "әкімдік",
            "жеке",
            "куәлік",
            "ақпарат",
            "үшін",
            "және",
            "берілді",
            "қажет",
            "ұсынылады",
            "түрі",
        ],
    ),
    (
        "ru",
        &[
            "заявление",
            "документ",
            "гражданин",
            "услуга",
            "государственный",
            "орган",
            "срок",
            "оплата",
            "справка",
            "регистрация",
            "акимат",
            "личный",
            "удостоверение",
            "информация",
            "для",
            "и",
            "выдаётся",
            "нужно",
            "предоставляется",
            "вид",
        ],
    ),
    (
        "en",
        &[
            "application",
            "document",
            "citizen",
            "service",
            "state",
            "body",
            "deadline",
            "payment",
            "certificate",
            "registration",
            "akimat",
            "personal",
            "identity",
            "information",
            "for",
            "and",
            "issued",
            "needed",
            "provided",
            "kind",
        ],
    ),
];

/// Deterministic pseudo-random numbers, so every run writes the same content.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        // xorshift64*
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

fn sentence(rng: &mut Rng, words: &[&str], len: usize) -> String {
    let mut s: String = (0..len).map(|_| words[rng.below(words.len())]).collect::<Vec<_>>().join(" ");
    if let Some(first) = s.chars().next() {
        s = first.to_uppercase().chain(s.chars().skip(1)).collect();
    }
    s.push('.');
    s
}

fn write(root: &Path, path: &str, text: &str) -> io::Result<()> {
    let file = root.join(path);
    if let Some(dir) = file.parent() {
        fs::create_dir_all(dir)?;
    }
    fs::write(file, text)
}

/// Writes the synthetic content into `out`, which must not exist or be empty.
pub fn generate(out: &Path, shape: &Shape) -> io::Result<usize> {
    if out.exists() && fs::read_dir(out)?.next().is_some() {
        return Err(io::Error::other(format!(
            "{} is not empty: generated content never mixes with other content",
            out.display()
        )));
    }
    let mut rng = Rng(0x5EED_2026);
    let mut files = 0;
    let mut put = |path: String, text: String| -> io::Result<()> {
        files += 1;
        write(out, &path, &text)
    };

    put("site/meta.toml".into(), String::new())?;
    put("accessibility/meta.toml".into(), "updated = 2026-11-01\n".into())?;
    for (lang, words) in WORDS {
        put(
            format!("site/{lang}.md"),
            format!(
                "+++\nname = \"Synthetic portal ({lang})\"\ntagline = \"{}\"\n+++\n{}\n",
                sentence(&mut rng, words, 4).trim_end_matches('.'),
                sentence(&mut rng, words, 20)
            ),
        )?;
        put(
            format!("accessibility/{lang}.md"),
            format!(
                "+++\ntitle = \"Accessibility ({lang})\"\nsummary = \"{}\"\n+++\n{}\n",
                sentence(&mut rng, words, 8),
                sentence(&mut rng, words, 30)
            ),
        )?;
    }
    for t in 0..TOPICS {
        put(format!("topics/topic-{t:02}/meta.toml"), format!("order = {t}\n"))?;
        for (lang, words) in WORDS {
            put(
                format!("topics/topic-{t:02}/{lang}.md"),
                format!(
                    "+++\ntitle = \"{} {t}\"\nsummary = \"{}\"\n+++\n{}\n",
                    words[t % words.len()],
                    sentence(&mut rng, words, 10),
                    sentence(&mut rng, words, 25)
                ),
            )?;
        }
    }
    for r in 0..REGIONS {
        let kind = if r < 3 { "city" } else { "region" };
        put(
            format!("regions/region-{r:02}/meta.toml"),
            format!("kind = \"{kind}\"\norder = {r}\nakimat = \"body-{r:03}\"\n"),
        )?;
        for (lang, words) in WORDS {
            put(
                format!("regions/region-{r:02}/{lang}.md"),
                format!("+++\nname = \"{} {r}\"\nsummary = \"{}\"\n+++\n", words[10], sentence(&mut rng, words, 6)),
            )?;
        }
    }
    // Bodies: the first REGIONS are the regions' akimats; then ministries,
    // each followed by committees under it.
    for b in 0..shape.bodies {
        let (kind, extra) = if b < REGIONS {
            ("akimat", format!("region = \"region-{b:02}\"\n"))
        } else if b % 5 == 0 {
            ("ministry", String::new())
        } else {
            ("committee", format!("parent = \"body-{:03}\"\n", b - b % 5))
        };
        let contacts = if b % 7 == 3 {
            String::new()
        } else {
            format!("website = \"https://www.gov.kz/memleket/entities/body-{b:03}\"\n")
        };
        put(format!("agencies/body-{b:03}/meta.toml"), format!("kind = \"{kind}\"\n{extra}{contacts}"))?;
        for (lang, words) in WORDS {
            put(
                format!("agencies/body-{b:03}/{lang}.md"),
                format!(
                    "+++\nname = \"{} {b}\"\nsummary = \"{}\"\n+++\n{}\n\n{}\n",
                    words[5],
                    sentence(&mut rng, words, 10),
                    sentence(&mut rng, words, 30),
                    sentence(&mut rng, words, 30)
                ),
            )?;
        }
    }
    let total_pages = shape.bodies * shape.pages_per_body;
    for p in 0..total_pages {
        let body = p / shape.pages_per_body.max(1);
        let topic = p % TOPICS;
        let related: Vec<String> = (1..=2).map(|k| format!("\"page-{:05}\"", (p + k * 7919) % total_pages)).collect();
        // About one page in 40 was last updated over a year ago.
        let updated = if p % 40 == 7 { "2025-03-01" } else { "2026-10-01" };
        put(
            format!("pages/page-{p:05}/meta.toml"),
            format!(
                "kind = \"{}\"\ntopic = \"topic-{topic:02}\"\nagency = \"body-{body:03}\"\nupdated = {updated}\nreview_by = 2027-06-01\nrelated = [{}]\n",
                if p % 3 == 0 { "guide" } else { "service" },
                related.join(", ")
            ),
        )?;
        for (lang, words) in WORDS {
            // About one page in 50 has no English text yet.
            if lang == "en" && p % 50 == 11 {
                continue;
            }
            let mut text = String::new();
            let _ =
                write!(text, "+++\ntitle = \"{} {p}\"\nsummary = \"{}\"\n", words[3], sentence(&mut rng, words, 12));
            if p % 3 != 0 && p % 10 != 5 {
                let _ = write!(text, "cost = \"{}\"\ntiming = \"{}\"\n", words[7], words[6]);
            }
            let _ = write!(text, "+++\n{}\n\n## {}\n\n", sentence(&mut rng, words, 25), words[0]);
            for step in 1..=4 {
                let _ = writeln!(text, "{step}. {}", sentence(&mut rng, words, 8));
            }
            let _ = write!(
                text,
                "\n## {}\n\n{} [{}](/pages/page-{:05}) · [{}](/agencies/body-{body:03})\n",
                words[13],
                sentence(&mut rng, words, 20),
                words[1],
                (p + 1) % total_pages,
                words[5]
            );
            if p % 97 == 13 {
                let _ = write!(text, "\n[{}](http://old-site.example.kz/page-{p})\n", words[13]);
            }
            put(format!("pages/page-{p:05}/{lang}.md"), text)?;
        }
    }
    // News, spread over two years, so the archive has many months; one
    // body in eleven publishes nothing.
    for b in (0..shape.bodies).filter(|b| b % 11 != 4) {
        for k in 0..shape.news_per_body {
            let n = b * shape.news_per_body + k;
            // 25 months, November 2024 to November 2026, days 1 to 26.
            let (month, day) = ((n * 7 + b) % 25, (n * 3 + b) % 26 + 1);
            let published = format!("{}-{:02}-{day:02}", 2024 + (10 + month) / 12, (10 + month) % 12 + 1);
            let region = if b < REGIONS { format!("region = \"region-{b:02}\"\n") } else { String::new() };
            put(
                format!("news/news-{n:06}/meta.toml"),
                format!("agency = \"body-{b:03}\"\npublished = {published}\n{region}"),
            )?;
            for (lang, words) in WORDS {
                let text = format!(
                    "+++\ntitle = \"{} {n}\"\nsummary = \"{}\"\n+++\n{}\n\n{}\n",
                    words[13],
                    sentence(&mut rng, words, 12),
                    sentence(&mut rng, words, 30),
                    sentence(&mut rng, words, 30)
                );
                put(format!("news/news-{n:06}/{lang}.md"), text)?;
            }
        }
    }
    // Documents of every type; one in three with its file, one in five
    // without a number, one in seven without English.
    let types = ["law", "code", "decree", "resolution", "order", "report", "form"];
    for b in 0..shape.bodies {
        for k in 0..shape.documents_per_body {
            let d = b * shape.documents_per_body + k;
            let slug = format!("document-{d:06}");
            let number = if d % 5 == 2 { String::new() } else { format!("number = \"{}-{d}\"\n", 100 + d % 900) };
            let mut meta = format!(
                "type = \"{}\"\nagency = \"body-{b:03}\"\n{number}adopted = {}-{:02}-{:02}\nstatus = \"in_force\"\ntext = \"full\"\n",
                types[d % types.len()],
                1995 + d % 31,
                d % 12 + 1,
                d % 28 + 1
            );
            if d.is_multiple_of(3) {
                let _ = write!(meta, "\n[[files]]\nlang = \"ru\"\nfile = \"{slug}-ru.pdf\"\n");
                put(format!("documents/{slug}/{slug}-ru.pdf"), format!("%PDF-1.4\n% synthetic document {d}\n"))?;
            }
            put(format!("documents/{slug}/meta.toml"), meta)?;
            for (lang, words) in WORDS {
                if lang == "en" && d % 7 == 1 {
                    continue;
                }
                let mut text = format!(
                    "+++\ntitle = \"{} {d}\"\nsummary = \"{}\"\nsigned_by = [\"{}\"]\n+++\n",
                    words[1],
                    sentence(&mut rng, words, 12),
                    words[5]
                );
                for article in 1..=3 {
                    let _ = write!(text, "## {} {article}\n\n{}\n\n", words[9], sentence(&mut rng, words, 25));
                }
                put(format!("documents/{slug}/{lang}.md"), text)?;
            }
        }
    }
    Ok(files)
}
