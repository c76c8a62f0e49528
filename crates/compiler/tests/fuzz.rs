//! Property tests: whatever an editor writes, the compiler's parsing never
//! panics, and every problem it reports names a line inside the file.
//! Bounded (a fixed number of cases) so that `make test` stays fast.

use portal_compiler::diagnostic::Diagnostics;
use portal_compiler::markdown;
use portal_compiler::model::{AgencyMeta, PageMeta, TitledFront};
use portal_compiler::source::{parse_toml, read_text};
use proptest::prelude::*;
use std::path::Path;

/// Text made of the pieces Markdown and TOML are built from, so the cases
/// reach deep into both parsers rather than staying plain words.
fn editor_text() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("\n".to_owned()),
        Just("\n\n".to_owned()),
        Just("+++\n".to_owned()),
        Just("## ".to_owned()),
        Just("# ".to_owned()),
        Just("- ".to_owned()),
        Just("1. ".to_owned()),
        Just("   ".to_owned()),
        Just("> [!WARNING]\n> ".to_owned()),
        Just("> ".to_owned()),
        Just("| a | b |\n|---|---|\n| c | d |\n".to_owned()),
        Just("**".to_owned()),
        Just("*".to_owned()),
        Just("`".to_owned()),
        Just("```\n".to_owned()),
        Just("[link](/pages/passport)".to_owned()),
        Just("[x](javascript:alert(1))".to_owned()),
        Just("[".to_owned()),
        Just("](".to_owned()),
        Just("![img](a.png)".to_owned()),
        Just("<script>".to_owned()),
        Just("---\n".to_owned()),
        Just("title = \"".to_owned()),
        Just("summary = \"s\"\n".to_owned()),
        Just("updated = 2026-10-01\n".to_owned()),
        Just("related = [\"a\", ".to_owned()),
        Just("\"".to_owned()),
        Just("\r\n".to_owned()),
        Just("\u{feff}".to_owned()),
        "[a-zа-яәғқңөұүһі0-9 .,:=\\[\\]{}\"'#-]{0,12}",
    ];
    prop::collection::vec(piece, 0..40).prop_map(|pieces| pieces.concat())
}

fn lines_in(text: &str) -> usize {
    text.lines().count().max(1) + 1
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 1500, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn markdown_never_panics_and_errors_point_inside_the_text(text in editor_text(), offset in 0usize..5) {
        let mut diags = Diagnostics::default();
        let _ = markdown::convert(&text, Path::new("x.md"), offset, &mut diags);
        for d in &diags.items {
            prop_assert!(d.line > offset && d.line <= offset + lines_in(&text), "{d} outside the text");
        }
    }

    #[test]
    fn a_language_file_never_panics_and_errors_name_a_line(text in editor_text()) {
        let mut diags = Diagnostics::default();
        let parsed = read_text::<TitledFront>(Path::new("en.md"), &text, &mut diags);
        for d in &diags.items {
            prop_assert!(d.line >= 1 && d.line <= lines_in(&text), "{d} outside the file");
        }
        // Either the file was read, or it was refused with a reason.
        prop_assert!(parsed.is_some() || diags.has_errors());
    }

    #[test]
    fn metadata_never_panics(text in editor_text()) {
        let mut diags = Diagnostics::default();
        let page = parse_toml::<PageMeta>(Path::new("meta.toml"), &text, 0, &mut diags);
        let agency = parse_toml::<AgencyMeta>(Path::new("meta.toml"), &text, 0, &mut diags);
        prop_assert!(page.is_some() || diags.has_errors());
        prop_assert!(agency.is_some() || diags.has_errors());
        for d in &diags.items {
            prop_assert!(d.line >= 1 && d.line <= lines_in(&text), "{d} outside the file");
        }
    }
}
