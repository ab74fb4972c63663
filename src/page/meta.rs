//! Title and publication date from metadata, with fallbacks to the visible page.

use super::dom::Doc;
use crate::date::{find_dates, parse_iso, PartialDate};
use regex::Regex;
use std::sync::LazyLock;

fn meta<'a>(doc: &'a Doc, keys: &[&str]) -> Option<&'a str> {
    keys.iter().find_map(|k| {
        doc.meta
            .metas
            .iter()
            .find(|(name, v)| name == k && !v.trim().is_empty())
            .map(|(_, v)| v.as_str())
    })
}

fn fold(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// `<title>` without the site name after ` — `, ` | `, ` - `, ` :: `.
pub fn strip_site_name(title: &str) -> String {
    let t = fold(title);
    for sep in [" | ", " — ", " – ", " - ", " :: ", " / ", " » "] {
        if let Some(i) = t.rfind(sep) {
            let head = t[..i].trim();
            // Keep the longer side: "Site — Headline" happens too.
            let tail = t[i + sep.len()..].trim();
            let pick = if tail.chars().count() > head.chars().count() * 2 {
                tail
            } else {
                head
            };
            if pick.chars().count() >= 10 {
                return pick.to_string();
            }
        }
    }
    t
}

pub fn title(doc: &Doc) -> Option<String> {
    if let Some(t) = meta(doc, &["og:title", "twitter:title"]) {
        return Some(fold(t));
    }
    if let Some((_, h1)) = &doc.meta.h1 {
        if !h1.is_empty() {
            return Some(h1.clone());
        }
    }
    doc.meta
        .title_tag
        .as_deref()
        .map(strip_site_name)
        .filter(|t| !t.is_empty())
}

static LD_DATE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r#""datePublished"\s*:\s*"([^"]+)""#).unwrap());
static URL_DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"/((?:19|20)\d\d)[/-]?(0[1-9]|1[0-2])[/-]?(0[1-9]|[12]\d|3[01])(?:/|[-_]|$)")
        .unwrap()
});

/// A date from a metadata value: ISO first, else written out.
pub fn parse_value(v: &str) -> Option<PartialDate> {
    parse_iso(v).or_else(|| find_dates(v, None).into_iter().next().map(|(_, d)| d))
}

pub fn url_date(url: &str) -> Option<PartialDate> {
    let c = URL_DATE.captures(url)?;
    let n = |i| c.get(i)?.as_str().parse::<u32>().ok();
    PartialDate::day(n(1)? as i32, n(2)?, n(3)?)
}

/// The publication date from metadata (meta tags, JSON-LD, `<time>`, itemprop), then the
/// URL. Text dates are the caller's last resort.
pub fn published(doc: &Doc, url: Option<&str>) -> Option<PartialDate> {
    let keys = [
        "article:published_time",
        "og:published_time",
        "datepublished",
        "article:published",
        "pubdate",
        "publishdate",
        "publish-date",
        "publish_date",
        "parsely-pub-date",
        "sailthru.date",
        "dc.date.issued",
        "dc.date",
        "dcterms.created",
        "date",
    ];
    for k in keys {
        if let Some(d) = meta(doc, &[k]).and_then(parse_value) {
            return Some(d);
        }
    }
    for ld in &doc.meta.json_ld {
        if let Some(d) = LD_DATE
            .captures(ld)
            .and_then(|c| parse_value(c.get(1)?.as_str()))
        {
            return Some(d);
        }
    }
    // A <time> after the headline beats one in the page header.
    let h1 = doc.meta.h1.as_ref().map(|(i, _)| *i).unwrap_or(0);
    let times = &doc.meta.times;
    let after = times.iter().filter(|(i, _)| *i >= h1);
    let before = times.iter().filter(|(i, _)| *i < h1);
    for (_, v) in after.chain(before) {
        if let Some(d) = parse_value(v) {
            return Some(d);
        }
    }
    url.and_then(url_date)
}

static LD_ARTICLE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r#""@type"\s*:\s*(?:\[[^\]]*?)?"(?:NewsArticle|Article|BlogPosting|ReportageNewsArticle)""#,
    )
    .unwrap()
});

/// The page's metadata calls it an article: og:type, article:published_time, or a
/// JSON-LD type of the article family.
pub fn says_article(doc: &Doc) -> bool {
    meta(doc, &["og:type"]).is_some_and(|t| t.trim().eq_ignore_ascii_case("article"))
        || meta(doc, &["article:published_time"]).is_some()
        || doc.meta.json_ld.iter().any(|ld| LD_ARTICLE.is_match(ld))
}

pub fn og_url(doc: &Doc) -> Option<&str> {
    meta(doc, &["og:url"])
}
