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

// TEMPORARY stand-in until the page branch lands: plain text by blank lines, HTML by tags.
pub fn read(bytes: &[u8], url: Option<&str>, _content_type: Option<&str>) -> Article {
    let text = String::from_utf8_lossy(bytes).trim_start_matches('\u{feff}').to_string();
    let is_html = text.trim_start().starts_with('<');
    let body = if is_html {
        let doc = scraper::Html::parse_document(&text);
        let sel = scraper::Selector::parse("h1, p, h2, h3, li").unwrap();
        doc.select(&sel).map(|e| e.text().collect::<String>()).collect::<Vec<_>>().join("\n\n")
    } else {
        text
    };
    let paragraphs: Vec<String> = body
        .split("\n\n")
        .map(|p| p.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|p| !p.is_empty())
        .collect();
    Article {
        url: url.map(str::to_string),
        title: paragraphs.first().cloned(),
        published: None,
        lang: Lang::Unknown,
        charset: "UTF-8",
        paragraphs: paragraphs.into_iter().skip(1).collect(),
    }
}
