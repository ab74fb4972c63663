//! Bytes of a fetched page → [`Article`]: charset, main text, title, date, language.

use serde::Serialize;

use crate::date::{find_dates, PartialDate};
use scraper::{Html, Selector};
use std::sync::LazyLock;

mod charset;
mod dom;
mod lang;
mod maintext;
mod meta;
mod text;

pub use lang::detect_lang;
pub use meta::strip_site_name;

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

impl Lang {
    /// The code dozor writes for it: its serde name, as in config files and output.
    pub fn code(self) -> &'static str {
        match self {
            Lang::Ru => "ru",
            Lang::Kk => "kk",
            Lang::En => "en",
            Lang::Unknown => "und",
        }
    }
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
    /// The URL the page names as its own (`rel=canonical`, else `og:url`), made absolute
    /// against the page URL when one was given.
    pub canonical: Option<String>,
    /// `href` of every `<a>`, in document order, as written.
    #[serde(skip)]
    pub links: Vec<String>,
    /// `href` of `<link rel=next>` or `<a rel=next>`: the next page of a listing.
    #[serde(skip)]
    pub next: Option<String>,
    /// The page says it is an article (og:type, JSON-LD, article:published_time), or its
    /// main text is long, in several paragraphs and not mostly link text.
    pub looks_like_article: bool,
}

/// Per-source CSS selectors that win over the automatic main-text finder when given.
#[derive(Debug, Clone, Default)]
pub struct Selectors {
    pub title: Option<String>,
    pub body: Option<String>,
    pub date: Option<String>,
}

/// Bytes beyond this are not read (a news page is well under it).
const MAX_BYTES: usize = 16 << 20;

/// Read a fetched page: decode it, find its main text, title, date and language.
/// Never panics, whatever the bytes.
pub fn read(bytes: &[u8], url: Option<&str>, content_type: Option<&str>) -> Article {
    read_with(bytes, url, content_type, &Selectors::default())
}

static HTML_SNIFF: LazyLock<regex::bytes::Regex> = LazyLock::new(|| {
    regex::bytes::Regex::new(
        r"(?i-u)<(?:!doctype|html|head|body|meta|title|div|p|span|a|table|article|section|script|style|link|br|h[1-6]|ul|li|main|header|nav)[\s>/]",
    )
    .unwrap()
});

/// Is this HTML (as opposed to plain text)? The Content-Type decides when it says;
/// otherwise the first 4 KB are looked at for tags.
fn is_html(bytes: &[u8], content_type: Option<&str>) -> bool {
    if let Some(ct) = content_type {
        let ct = ct.to_ascii_lowercase();
        if ct.contains("html") || ct.contains("xml") {
            return true;
        }
        if ct.contains("text/plain") {
            return false;
        }
    }
    HTML_SNIFF.is_match(&bytes[..bytes.len().min(4096)])
}

/// [`read`] with per-source CSS selectors that win over the automatic finders when they
/// are given, valid and match.
pub fn read_with(
    bytes: &[u8],
    url: Option<&str>,
    content_type: Option<&str>,
    selectors: &Selectors,
) -> Article {
    if bytes.len() > MAX_BYTES {
        tracing::warn!(
            url = url.unwrap_or("-"),
            bytes = bytes.len(),
            "page larger than {} MiB: only its start is read",
            MAX_BYTES >> 20
        );
    }
    let bytes = &bytes[..bytes.len().min(MAX_BYTES)];
    let html = is_html(bytes, content_type);
    let enc = charset::sniff(bytes, content_type, url, html);
    let decoded = charset::decode(bytes, enc);
    let mut article = if html {
        read_html(&decoded, url, selectors)
    } else {
        read_text(&decoded)
    };
    article.url = url.map(str::to_string);
    article.charset = enc.name();
    article
}

fn read_text(text: &str) -> Article {
    let text::Parts {
        title,
        preamble,
        mut paragraphs,
    } = text::parts(text);
    let mut published = preamble
        .as_deref()
        .and_then(|p| find_dates(p, None).into_iter().next().map(|(_, d)| d));
    // A dateline right under the headline: "14 May 2024, 11:20".
    if let Some(first) = paragraphs.first() {
        if first.chars().count() < 60 {
            if let Some((_, d)) = find_dates(first, None).into_iter().next() {
                published = published.or(Some(d));
                paragraphs.remove(0);
            }
        }
    }
    let lang = lang_of(title.as_deref(), &paragraphs, None);
    let looks_like_article = !paragraphs.is_empty();
    Article {
        url: None,
        title,
        published,
        lang,
        charset: "UTF-8",
        paragraphs,
        canonical: None,
        links: Vec::new(),
        next: None,
        looks_like_article,
    }
}

fn lang_of(title: Option<&str>, paragraphs: &[String], html_lang: Option<&str>) -> Lang {
    let mut sample = String::with_capacity(4096);
    if let Some(t) = title {
        sample.push_str(t);
        sample.push('\n');
    }
    for p in paragraphs {
        if sample.len() > 8000 {
            break;
        }
        sample.push_str(p);
        sample.push('\n');
    }
    match detect_lang(&sample) {
        Lang::Unknown => html_lang.map(lang::from_attr).unwrap_or(Lang::Unknown),
        l => l,
    }
}

fn selector(css: Option<&str>) -> Option<Selector> {
    css.and_then(|c| Selector::parse(c).ok())
}

fn element_text(el: scraper::ElementRef<'_>) -> String {
    el.text()
        .collect::<Vec<_>>()
        .join(" ")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

fn read_html(text: &str, url: Option<&str>, selectors: &Selectors) -> Article {
    let html = Html::parse_document(text);
    let doc = dom::walk(&html);

    // Body: the source's selector when it matches, else the automatic finder.
    let roots: Option<Vec<u32>> = selector(selectors.body.as_deref()).and_then(|sel| {
        let ids: Vec<_> = html.select(&sel).map(|e| e.id()).collect();
        let roots: Vec<u32> = doc
            .elems
            .iter()
            .enumerate()
            .filter(|(_, e)| ids.contains(&e.node))
            .map(|(i, _)| i as u32)
            .collect();
        (!roots.is_empty()).then_some(roots)
    });
    let chosen = maintext::select(&doc, roots.as_deref());
    let mut paragraphs: Vec<String> = Vec::with_capacity(chosen.len());
    for &i in &chosen {
        let t = &doc.blocks[i].text;
        if paragraphs.last() != Some(t) {
            paragraphs.push(t.clone());
        }
    }

    let title = selector(selectors.title.as_deref())
        .and_then(|sel| html.select(&sel).next().map(element_text))
        .filter(|t| !t.is_empty())
        .or_else(|| meta::title(&doc));
    // The headline is not a paragraph of the body.
    if let Some(t) = &title {
        if paragraphs.first() == Some(t) {
            paragraphs.remove(0);
        }
    }

    let published = selector(selectors.date.as_deref())
        .and_then(|sel| {
            html.select(&sel).next().and_then(|el| {
                let v = el.value();
                v.attr("datetime")
                    .or(v.attr("content"))
                    .and_then(meta::parse_value)
                    .or_else(|| meta::parse_value(&element_text(el)))
            })
        })
        .or_else(|| meta::published(&doc, url))
        .or_else(|| text_date(&doc, &chosen));

    let lang = lang_of(title.as_deref(), &paragraphs, doc.meta.html_lang.as_deref());
    let looks_like_article = meta::says_article(&doc) || long_text(&doc, &chosen);
    let canonical = doc
        .meta
        .canonical
        .as_deref()
        .or_else(|| meta::og_url(&doc))
        .map(|c| absolute(c.trim(), url));
    let dom::Meta { links, next, .. } = doc.meta;
    Article {
        url: None,
        title,
        published,
        lang,
        charset: "UTF-8",
        paragraphs,
        canonical,
        links,
        next,
        looks_like_article,
    }
}

/// `href` resolved against the page URL; as written when there is no usable page URL
/// or it does not resolve.
fn absolute(href: &str, page: Option<&str>) -> String {
    page.and_then(|p| url::Url::parse(p).ok())
        .and_then(|base| base.join(href).ok())
        .map(String::from)
        .unwrap_or_else(|| href.to_string())
}

/// Main text that reads as an article: some 500 characters in two paragraphs or more,
/// most of it not link text. A listing of headline links fails the last test.
fn long_text(doc: &dom::Doc, chosen: &[usize]) -> bool {
    let (mut chars, mut link_chars) = (0u32, 0u32);
    for &i in chosen {
        chars += doc.blocks[i].chars;
        link_chars += doc.blocks[i].link_chars;
    }
    chosen.len() >= 2 && chars >= 500 && link_chars * 2 < chars
}

/// A date written on the page: in the lines just under the headline (the date line),
/// else in the first paragraph of the body.
fn text_date(doc: &dom::Doc, chosen: &[usize]) -> Option<PartialDate> {
    let start = doc
        .meta
        .h1
        .as_ref()
        .and_then(|(h1, _)| doc.blocks.iter().position(|b| b.owner == *h1))
        .unwrap_or(0);
    // The date line: short lines next to the headline (under it, or just above it, as old
    // table layouts have it) that are not body text.
    let near = (start..doc.blocks.len().min(start + 8))
        .chain((start.saturating_sub(3)..start).rev())
        .filter(|i| !chosen.contains(i))
        .map(|i| &doc.blocks[i])
        .filter(|b| b.chars < 120);
    for b in near {
        if let Some((_, d)) = find_dates(&b.text, None).into_iter().next() {
            return Some(d);
        }
    }
    // A dateline opening the body ("ASTANA, 9 February 2024 –"), day-precise only: a
    // year in the body is more often the event's than the article's.
    let first = &doc.blocks[*chosen.first()?].text;
    let mut cut = first.len().min(100);
    while !first.is_char_boundary(cut) {
        cut -= 1;
    }
    let head = &first[..cut];
    find_dates(head, None)
        .into_iter()
        .map(|(_, d)| d)
        .find(|d| matches!(d, PartialDate::Day(..)))
}
