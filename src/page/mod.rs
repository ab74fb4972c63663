//! Bytes of a fetched page → [`Article`]: charset, main text, title, date, language.

use serde::Serialize;

use crate::date::PartialDate;

/// The language of an article, as far as dozor needs to tell.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    Ru,
    Kk,
    En,
    /// None of the three, or too little text to tell.
    #[serde(rename = "und")]
    Unknown,
}

/// What a page says, with the site around it taken away.
#[derive(Debug, Clone, Serialize)]
pub struct Article {
    pub url: Option<String>,
    pub title: Option<String>,
    pub published: Option<PartialDate>,
    pub lang: Lang,
    /// The encoding the bytes were decoded from (WHATWG name, e.g. `windows-1251`).
    pub charset: &'static str,
    /// The main text, one entry per paragraph, whitespace folded.
    pub paragraphs: Vec<String>,
}

/// Per-source CSS selectors that win over the automatic main-text finder when given.
#[derive(Debug, Clone, Default)]
pub struct Selectors {
    pub title: Option<String>,
    pub body: Option<String>,
    pub date: Option<String>,
}
