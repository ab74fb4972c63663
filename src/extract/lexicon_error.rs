//! Errors in lexicon files, each pointing at the file and line a person has to fix.

use std::fmt;
use std::ops::Range;
use std::path::{Path, PathBuf};

/// One thing wrong with one lexicon file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LexiconError {
    pub file: PathBuf,
    /// 1-based line; 0 when the error is about the file as a whole.
    pub line: usize,
    pub message: String,
}

impl LexiconError {
    /// An error at a byte span of `src` (as `toml::Spanned` or a parse error gives it).
    pub fn at(
        file: &Path,
        src: &str,
        span: Option<Range<usize>>,
        message: impl Into<String>,
    ) -> Self {
        let line = span.map_or(0, |s| line_of(src, s.start));
        LexiconError {
            file: file.to_path_buf(),
            line,
            message: message.into(),
        }
    }

    /// A TOML syntax or shape error, with the line the parser points at.
    pub fn from_toml(file: &Path, src: &str, e: &toml::de::Error) -> Self {
        // The parser's own message repeats the line and a caret drawing; keep its reason
        // and show the line itself, shortened, so the fix is obvious from one line.
        let mut message = e.message().trim_end().replace('\n', "; ");
        if let Some(span) = e.span() {
            let start = src[..span.start.min(src.len())]
                .rfind('\n')
                .map_or(0, |i| i + 1);
            let line = src[start..].lines().next().unwrap_or("").trim();
            if !line.is_empty() {
                let short: String = line.chars().take(60).collect();
                let more = if line.chars().count() > 60 { "…" } else { "" };
                message.push_str(&format!(" in `{short}{more}`"));
            }
        }
        Self::at(file, src, e.span(), message)
    }
}

impl fmt::Display for LexiconError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.line > 0 {
            write!(f, "{}:{}: {}", self.file.display(), self.line, self.message)
        } else {
            write!(f, "{}: {}", self.file.display(), self.message)
        }
    }
}

impl std::error::Error for LexiconError {}

/// Every error found in a set of lexicon files: checks collect them all rather than stop at
/// the first, so one edit-and-run cycle fixes everything.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct LexiconErrors(pub Vec<LexiconError>);

impl fmt::Display for LexiconErrors {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let n = self.0.len();
        writeln!(
            f,
            "{n} error{} in the lexicon:",
            if n == 1 { "" } else { "s" }
        )?;
        for e in &self.0 {
            writeln!(f, "  {e}")?;
        }
        Ok(())
    }
}

impl std::error::Error for LexiconErrors {}

impl From<LexiconError> for LexiconErrors {
    fn from(e: LexiconError) -> Self {
        LexiconErrors(vec![e])
    }
}

/// The 1-based line number of a byte offset.
pub fn line_of(src: &str, byte: usize) -> usize {
    src.as_bytes()[..byte.min(src.len())]
        .iter()
        .filter(|&&b| b == b'\n')
        .count()
        + 1
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn toml_errors_name_the_line() {
        let src = "[a]\nx = 1\ny = = 2\n";
        let e = toml::from_str::<toml::Value>(src).unwrap_err();
        let le = LexiconError::from_toml(Path::new("lex/a.toml"), src, &e);
        assert_eq!(le.line, 3);
        assert!(le.to_string().starts_with("lex/a.toml:3: "), "{le}");
    }
}
