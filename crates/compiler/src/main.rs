//! `portal-compiler`: content/ in, static content API out.
//!
//! Usage:
//!   portal-compiler build [--content DIR] [--out DIR] [--site-url URL]
//!   portal-compiler check [--content DIR]   (every finding and the quality report; fails on errors)
//!   portal-compiler schema                  (prints the JSON Schema of the API)
//!   portal-compiler generate --bodies N --pages M [--news K] [--documents L] --out DIR
//!                                                          (synthetic content for scale tests)

use portal_compiler::{compile, diagnostic::Severity, output, quality, schema, Options};
use std::collections::BTreeMap;
use std::path::PathBuf;
use std::process::ExitCode;

const USAGE: &str = "usage: portal-compiler build [--content DIR] [--out DIR] [--site-url URL]\n       portal-compiler check [--content DIR]\n       portal-compiler schema\n       portal-compiler generate --bodies N --pages M [--news K] [--documents L] --out DIR";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let parsed = match args.first().map(String::as_str) {
        Some("schema") => {
            print!("{}", schema::schemas_json());
            return ExitCode::SUCCESS;
        }
        Some("generate") => return generate(&args[1..]),
        Some(command @ ("build" | "check")) => Flags::parse(&args[1..]).map(|flags| (command, flags)),
        _ => Err(USAGE.to_owned()),
    };
    match parsed {
        Ok(("build", flags)) => build(&flags),
        Ok((_, flags)) => check(&flags),
        Err(message) => {
            eprintln!("{message}");
            ExitCode::from(2)
        }
    }
}

struct Flags {
    options: Options,
    out: PathBuf,
}

impl Flags {
    fn parse(args: &[String]) -> Result<Flags, String> {
        let mut content = PathBuf::from("content");
        let mut out = PathBuf::from("target/content-api");
        let mut site_url = std::env::var("PORTAL_SITE_URL").unwrap_or_else(|_| "http://127.0.0.1:8080".into());
        let mut it = args.iter();
        while let Some(flag) = it.next() {
            let value = it.next().ok_or_else(|| format!("{flag} needs a value\n{USAGE}"))?;
            match flag.as_str() {
                "--content" => content = value.into(),
                "--out" => out = value.into(),
                "--site-url" => site_url = value.clone(),
                _ => return Err(format!("unknown option {flag}\n{USAGE}")),
            }
        }
        Ok(Flags { options: Options { content_dir: content, site_url, today: today(), search_index: true }, out })
    }
}

/// Warnings counted by rule, so a build's log stays short; `check` lists them.
fn warning_summary<'a>(warnings: impl Iterator<Item = &'a portal_compiler::diagnostic::Diagnostic>) -> String {
    let mut by_rule: BTreeMap<&str, usize> = BTreeMap::new();
    for w in warnings {
        *by_rule.entry(w.rule).or_default() += 1;
    }
    let parts: Vec<String> = by_rule.iter().map(|(rule, n)| format!("{n} {rule}")).collect();
    if parts.is_empty() {
        "no warnings".into()
    } else {
        format!("warnings: {} (make check-content lists them)", parts.join(", "))
    }
}

/// Writes N bodies × M pages of synthetic content in three languages.
fn generate(args: &[String]) -> ExitCode {
    let (mut bodies, mut pages, mut out) = (None, None, None);
    let (mut news, mut documents) = (0, 0);
    let mut it = args.iter();
    while let (Some(flag), Some(value)) = (it.next(), it.next()) {
        match flag.as_str() {
            "--bodies" => bodies = value.parse::<usize>().ok(),
            "--pages" => pages = value.parse::<usize>().ok(),
            "--news" => news = value.parse::<usize>().unwrap_or(0),
            "--documents" => documents = value.parse::<usize>().unwrap_or(0),
            "--out" => out = Some(PathBuf::from(value)),
            _ => {}
        }
    }
    let (Some(bodies), Some(pages_per_body), Some(out)) = (bodies, pages, out) else {
        eprintln!("{USAGE}");
        return ExitCode::from(2);
    };
    if bodies < 20 {
        eprintln!("--bodies must be at least 20: the first 20 are the regions' akimats");
        return ExitCode::from(2);
    }
    match portal_compiler::generate::generate(
        &out,
        &portal_compiler::generate::Shape {
            bodies,
            pages_per_body,
            news_per_body: news,
            documents_per_body: documents,
        },
    ) {
        Ok(files) => {
            eprintln!(
                "generated {bodies} bodies, {} pages, up to {} news items and {} documents, {files} files in {}",
                bodies * pages_per_body,
                bodies * news,
                bodies * documents,
                out.display()
            );
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("{}: error[io]: {e}", out.display());
            ExitCode::FAILURE
        }
    }
}

fn build(flags: &Flags) -> ExitCode {
    match compile(&flags.options) {
        Ok(compiled) => {
            if let Err(e) = output::write_all(&compiled.files, &flags.out) {
                eprintln!("{}: error[io]: cannot write the output: {e}", flags.out.display());
                return ExitCode::FAILURE;
            }
            let s = &compiled.stats;
            eprintln!(
                "content: {} topics, {} pages, {} state bodies, {} regions, {} news items, {} documents; {} files in {}; deepest page {} clicks from home",
                s.topics, s.pages, s.agencies, s.regions, s.news, s.documents, compiled.files.len(), flags.out.display(), s.max_clicks,
            );
            eprintln!("content: {}", warning_summary(compiled.warnings.warnings()));
            ExitCode::SUCCESS
        }
        Err(failed) => {
            for d in failed.diagnostics.errors() {
                eprintln!("{d}");
            }
            eprintln!("content: {} errors; nothing was written", failed.diagnostics.errors().count());
            ExitCode::FAILURE
        }
    }
}

fn check(flags: &Flags) -> ExitCode {
    let options = Options { search_index: false, ..flags.options.clone() };
    let (diagnostics, report, stats) = match compile(&options) {
        Ok(c) => (c.warnings, Some(c.report), Some(c.stats)),
        Err(f) => (f.diagnostics, f.report, None),
    };
    // Errors last, so they are what the editor sees at the end of the output.
    for severity in [Severity::Warning, Severity::Error] {
        for d in diagnostics.items.iter().filter(|d| d.severity == severity) {
            println!("{d}");
        }
    }
    if let Some(report) = &report {
        println!("\nQuality report ({}):\n{}", report.generated, quality::to_text(report));
    }
    if let Some(s) = stats {
        println!(
            "Every page is within {} clicks of its home page (deepest: {}).",
            portal_content::nav::MAX_CLICKS,
            s.max_clicks
        );
    }
    let errors = diagnostics.errors().count();
    println!("{errors} errors, {} warnings", diagnostics.warnings().count());
    if errors > 0 {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}

/// Today's date (UTC), or the one in SOURCE_DATE_EPOCH for reproducible builds.
fn today() -> String {
    let secs = std::env::var("SOURCE_DATE_EPOCH").ok().and_then(|s| s.parse::<i64>().ok()).unwrap_or_else(|| {
        std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map(|d| d.as_secs() as i64).unwrap_or(0)
    });
    let (y, m, d) = civil_from_days(secs.div_euclid(86_400));
    format!("{y:04}-{m:02}-{d:02}")
}

/// Gregorian date of a day count since 1970-01-01 (H. Hinnant's algorithm).
fn civil_from_days(z: i64) -> (i64, u32, u32) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    (era * 400 + yoe + i64::from(m <= 2), m, d)
}
