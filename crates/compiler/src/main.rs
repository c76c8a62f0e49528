//! `portal-compiler`: content/ in, static content API out.
//!
//! Usage:
//!   portal-compiler build [--content DIR] [--out DIR] [--site-url URL]
//!   portal-compiler schema            (prints the JSON Schema of the API)

use portal_compiler::{compile, diagnostic::Severity, output, schema, Options};
use std::path::PathBuf;
use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.first().map(String::as_str) {
        Some("schema") => {
            print!("{}", schema::schemas_json());
            ExitCode::SUCCESS
        }
        Some("build") => build(&args[1..]),
        _ => {
            eprintln!("usage: portal-compiler build [--content DIR] [--out DIR] [--site-url URL] | portal-compiler schema");
            ExitCode::from(2)
        }
    }
}

fn build(args: &[String]) -> ExitCode {
    let mut content = PathBuf::from("content");
    let mut out = PathBuf::from("target/content-api");
    let mut site_url = std::env::var("PORTAL_SITE_URL").unwrap_or_else(|_| "http://127.0.0.1:8080".into());
    let mut it = args.iter();
    while let Some(flag) = it.next() {
        let Some(value) = it.next() else {
            eprintln!("{flag} needs a value");
            return ExitCode::from(2);
        };
        match flag.as_str() {
            "--content" => content = value.into(),
            "--out" => out = value.into(),
            "--site-url" => site_url = value.clone(),
            _ => {
                eprintln!("unknown option {flag}");
                return ExitCode::from(2);
            }
        }
    }
    let options = Options { content_dir: content, site_url, today: today() };
    match compile(&options) {
        Ok(compiled) => {
            for w in compiled.warnings.warnings() {
                eprintln!("{w}");
            }
            if let Err(e) = output::write_all(&compiled.files, &out) {
                eprintln!("{}: error[io]: cannot write the output: {e}", out.display());
                return ExitCode::FAILURE;
            }
            let s = &compiled.stats;
            eprintln!(
                "content: {} topics, {} pages, {} state bodies, {} regions; {} files in {}; deepest page {} clicks from home; {} warnings",
                s.topics, s.pages, s.agencies, s.regions, compiled.files.len(), out.display(), s.max_clicks,
                compiled.warnings.warnings().count()
            );
            ExitCode::SUCCESS
        }
        Err(diags) => {
            for d in diags.items.iter().filter(|d| d.severity == Severity::Error) {
                eprintln!("{d}");
            }
            eprintln!("content: {} errors; nothing was written", diags.errors().count());
            ExitCode::FAILURE
        }
    }
}

/// Today's date (UTC), or the one in SOURCE_DATE_EPOCH for reproducible builds.
fn today() -> String {
    let secs = std::env::var("SOURCE_DATE_EPOCH")
        .ok()
        .and_then(|s| s.parse::<i64>().ok())
        .unwrap_or_else(|| {
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
