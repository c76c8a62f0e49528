//! Errors and warnings about content, each naming file, line and rule.

use std::fmt;
use std::path::{Path, PathBuf};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Severity {
    /// Stops the build; nothing is written.
    Error,
    /// Something an editor must fix; the build goes on.
    Warning,
}

/// One finding about the content.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Diagnostic {
    pub severity: Severity,
    pub file: PathBuf,
    /// 1-based line; 0 when the finding is about the file or folder as a whole.
    pub line: usize,
    /// Short stable name of the rule broken, for example `dead-link`.
    pub rule: &'static str,
    pub message: String,
    /// The value the finding is about (a date, language codes, a URL), for
    /// the quality report; empty when the message says it all.
    pub subject: String,
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let kind = match self.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        write!(f, "{}", self.file.display())?;
        if self.line > 0 {
            write!(f, ":{}", self.line)?;
        }
        write!(f, ": {kind}[{}]: {}", self.rule, self.message)
    }
}

/// Collects findings while the compiler goes on, so an editor sees every
/// problem in one run rather than one per run.
#[derive(Default, Debug)]
pub struct Diagnostics {
    pub items: Vec<Diagnostic>,
}

impl Diagnostics {
    pub fn error(&mut self, file: &Path, line: usize, rule: &'static str, message: impl Into<String>) {
        self.push(Severity::Error, file, line, rule, String::new(), message.into());
    }

    pub fn warning(&mut self, file: &Path, line: usize, rule: &'static str, message: impl Into<String>) {
        self.push(Severity::Warning, file, line, rule, String::new(), message.into());
    }

    /// A warning that goes to the quality report with `subject` as its detail.
    pub fn warning_about(
        &mut self,
        file: &Path,
        line: usize,
        rule: &'static str,
        subject: impl Into<String>,
        message: impl Into<String>,
    ) {
        self.push(Severity::Warning, file, line, rule, subject.into(), message.into());
    }

    /// An error that goes to the quality report with `subject` as its detail.
    pub fn error_about(
        &mut self,
        file: &Path,
        line: usize,
        rule: &'static str,
        subject: impl Into<String>,
        message: impl Into<String>,
    ) {
        self.push(Severity::Error, file, line, rule, subject.into(), message.into());
    }

    fn push(
        &mut self,
        severity: Severity,
        file: &Path,
        line: usize,
        rule: &'static str,
        subject: String,
        message: String,
    ) {
        self.items.push(Diagnostic { severity, file: file.to_path_buf(), line, rule, message, subject });
    }

    pub fn has_errors(&self) -> bool {
        self.items.iter().any(|d| d.severity == Severity::Error)
    }

    pub fn errors(&self) -> impl Iterator<Item = &Diagnostic> {
        self.items.iter().filter(|d| d.severity == Severity::Error)
    }

    pub fn warnings(&self) -> impl Iterator<Item = &Diagnostic> {
        self.items.iter().filter(|d| d.severity == Severity::Warning)
    }
}

/// 1-based line of byte `offset` in `text`.
pub fn line_of(text: &str, offset: usize) -> usize {
    let end = offset.min(text.len());
    text.as_bytes()[..end].iter().filter(|&&b| b == b'\n').count() + 1
}
