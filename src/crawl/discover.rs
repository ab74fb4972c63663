//! What a fetched body is (feed, sitemap, sitemap index, HTML) and the links it offers,
//! judged from the bytes themselves: sites serve sitemaps as `text/plain`, feeds as
//! `text/html` and gzip under any name.

use std::io::Read;

use quick_xml::events::Event;
use quick_xml::Reader;
use url::Url;

use super::url::canonicalize;
use crate::page::Article;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Feed,
    Sitemap,
    SitemapIndex,
    Html,
    Other,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Link {
    pub url: Url,
    /// When the source says the target last changed, unix seconds.
    pub lastmod: Option<i64>,
    /// The listing's next page (rel=next).
    pub next_page: bool,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Discovered {
    pub kind: Kind,
    pub links: Vec<Link>,
}

const GZIP_MAGIC: [u8; 2] = [0x1f, 0x8b];

/// The kind of `bytes` and, for feeds and sitemaps, their links (canonical, in document
/// order). A gzip body is inflated to at most `max_bytes` first, so a gzip bomb costs
/// `max_bytes` of memory and no more. HTML gives no links here: they come from the
/// [`Article`] that `page::read` makes of it ([`html_links`]).
pub fn discover(
    bytes: &[u8],
    content_type: Option<&str>,
    base: &Url,
    max_bytes: u64,
) -> Discovered {
    if bytes.starts_with(&GZIP_MAGIC) {
        let inflated = gunzip(bytes, base, max_bytes);
        // One level only: a gzip inside a gzip is no sitemap anyone serves.
        if inflated.starts_with(&GZIP_MAGIC) {
            return other();
        }
        return detect(&inflated, content_type, base);
    }
    detect(bytes, content_type, base)
}

fn other() -> Discovered {
    Discovered {
        kind: Kind::Other,
        links: Vec::new(),
    }
}

fn gunzip(bytes: &[u8], base: &Url, max_bytes: u64) -> Vec<u8> {
    let mut out = Vec::new();
    // One byte past the limit tells a cut body from one of exactly max_bytes.
    let mut dec = flate2::read::MultiGzDecoder::new(bytes).take(max_bytes.saturating_add(1));
    if let Err(e) = dec.read_to_end(&mut out) {
        tracing::warn!(url = %base, error = %e, "gzip body broken: reading what inflated before the damage");
    }
    if out.len() as u64 > max_bytes {
        out.truncate(max_bytes as usize);
        tracing::warn!(
            url = %base,
            max_bytes,
            "gzip body inflates beyond max_page_bytes: cut there (a gzip bomb, or raise max_page_bytes)"
        );
    }
    out
}

fn detect(bytes: &[u8], content_type: Option<&str>, base: &Url) -> Discovered {
    match root(bytes) {
        Root::Element(name) => match name.as_str() {
            "rss" | "feed" | "rdf" => feed(bytes, base),
            "urlset" => Discovered {
                kind: Kind::Sitemap,
                links: sitemap(bytes, base, b"url"),
            },
            "sitemapindex" => Discovered {
                kind: Kind::SitemapIndex,
                links: sitemap(bytes, base, b"sitemap"),
            },
            "html" => html(),
            _ => html_or_other(bytes, content_type),
        },
        Root::Html => html(),
        Root::None => html_or_other(bytes, content_type),
    }
}

/// A fragment of tag soup is HTML; so is what the server calls HTML and is no feed.
fn html_or_other(bytes: &[u8], content_type: Option<&str>) -> Discovered {
    if content_type.is_some_and(|c| c.to_ascii_lowercase().contains("html"))
        || looks_like_html(bytes)
    {
        html()
    } else {
        other()
    }
}

fn html() -> Discovered {
    Discovered {
        kind: Kind::Html,
        links: Vec::new(),
    }
}

enum Root {
    /// Local name of the root element, lower-cased.
    Element(String),
    Html,
    None,
}

/// The root element, read with the XML reader up to the first element only.
fn root(bytes: &[u8]) -> Root {
    let bytes = bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(bytes);
    let mut r = Reader::from_reader(bytes);
    loop {
        match r.read_event() {
            Ok(Event::Start(e)) | Ok(Event::Empty(e)) => {
                let name = String::from_utf8_lossy(e.local_name().as_ref()).to_ascii_lowercase();
                return Root::Element(name);
            }
            Ok(Event::DocType(d)) => {
                let d: &[u8] = d.as_ref();
                if d.trim_ascii_start()
                    .get(..4)
                    .is_some_and(|h| h.eq_ignore_ascii_case(b"html"))
                {
                    return Root::Html;
                }
            }
            Ok(Event::Eof) | Err(_) => return Root::None,
            Ok(Event::Text(t)) if !t.iter().all(u8::is_ascii_whitespace) => return Root::None,
            Ok(_) => {}
        }
    }
}

fn looks_like_html(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(4096)];
    let head = String::from_utf8_lossy(head).to_ascii_lowercase();
    [
        "<html",
        "<!doctype html",
        "<head",
        "<body",
        "<div",
        "<p>",
        "<a ",
    ]
    .iter()
    .any(|t| head.contains(t))
}

fn feed(bytes: &[u8], base: &Url) -> Discovered {
    let parsed = match feed_rs::parser::Builder::new()
        .base_uri(Some(base.as_str()))
        .build()
        .parse(bytes)
    {
        Ok(f) => f,
        Err(e) => {
            tracing::warn!(url = %base, error = %e, "feed does not parse: no links taken from it");
            return other();
        }
    };
    let mut links = Vec::with_capacity(parsed.entries.len());
    for entry in parsed.entries {
        let lastmod = entry.updated.or(entry.published).map(|d| d.timestamp());
        // The entry's page: its alternate link, else any link, else an id that is a URL
        // (RSS guid isPermaLink).
        let href = entry
            .links
            .iter()
            .find(|l| l.rel.as_deref().is_none_or(|r| r == "alternate"))
            .or(entry.links.first())
            .map(|l| l.href.as_str())
            .or(Some(entry.id.as_str()).filter(|id| id.starts_with("http")));
        if let Some(url) = href.and_then(|h| canonicalize(h, Some(base))) {
            links.push(Link {
                url,
                lastmod,
                next_page: false,
            });
        }
    }
    Discovered {
        kind: Kind::Feed,
        links,
    }
}

/// `<loc>` and `<lastmod>` of each `item` (url or sitemap) element, streamed: a sitemap
/// of 50,000 URLs is never held as a tree. Invalid XML ends the reading; what was read
/// before it is kept.
fn sitemap(bytes: &[u8], base: &Url, item: &[u8]) -> Vec<Link> {
    let mut r = Reader::from_reader(bytes);
    let mut links = Vec::new();
    let mut stack: Vec<Vec<u8>> = Vec::with_capacity(8);
    let (mut loc, mut lastmod) = (None::<String>, None::<i64>);
    let mut text = String::new();
    loop {
        match r.read_event() {
            Ok(Event::Start(e)) => {
                let name = e.local_name().as_ref().to_ascii_lowercase();
                if name == item {
                    loc = None;
                    lastmod = None;
                }
                stack.push(name);
                text.clear();
            }
            Ok(Event::Text(t)) => match t.unescape() {
                Ok(s) => text.push_str(&s),
                Err(_) => text.push_str(&String::from_utf8_lossy(t.as_ref())),
            },
            Ok(Event::CData(t)) => text.push_str(&String::from_utf8_lossy(t.as_ref())),
            Ok(Event::End(_)) => {
                let Some(name) = stack.pop() else { continue };
                let parent = stack.last().map(Vec::as_slice);
                if parent == Some(item) {
                    match name.as_slice() {
                        b"loc" => loc = Some(text.trim().to_string()),
                        b"lastmod" => lastmod = parse_w3c(text.trim()),
                        _ => {}
                    }
                } else if name == item {
                    if let Some(url) = loc.take().and_then(|l| canonicalize(&l, Some(base))) {
                        links.push(Link {
                            url,
                            lastmod: lastmod.take(),
                            next_page: false,
                        });
                    }
                }
                text.clear();
            }
            Ok(Event::Eof) => break,
            Err(e) => {
                tracing::warn!(
                    url = %base,
                    error = %e,
                    at = r.buffer_position(),
                    kept = links.len(),
                    "sitemap is not valid XML: links after this point are lost"
                );
                break;
            }
            Ok(_) => {}
        }
    }
    links
}

/// A W3C datetime (`2024`, `2024-05`, `2024-05-14`, `2024-05-14T11:20+05:00`,
/// `2024-05-14T11:20:30.5Z`) as unix seconds; a date alone is its midnight UTC.
pub fn parse_w3c(s: &str) -> Option<i64> {
    let s = s.trim();
    let num = |t: &str| -> Option<i64> {
        (!t.is_empty() && t.bytes().all(|b| b.is_ascii_digit()))
            .then(|| t.parse().ok())
            .flatten()
    };
    let (date, time) = match s.find(['T', 't', ' ']) {
        Some(i) => (&s[..i], Some(&s[i + 1..])),
        None => (s, None),
    };
    let mut parts = date.split('-');
    let y = num(parts.next()?).filter(|_| date.len() >= 4)?;
    let m = parts.next().map(num).unwrap_or(Some(1))?;
    let d = parts.next().map(num).unwrap_or(Some(1))?;
    if parts.next().is_some() || !(1..=12).contains(&m) || !(1..=31).contains(&d) {
        return None;
    }
    let mut secs = days_from_civil(y, m, d) * 86_400;
    if let Some(t) = time {
        let (clock, offset) = match t.find(['Z', 'z', '+', '-']) {
            Some(i) => (&t[..i], &t[i..]),
            None => (t, ""),
        };
        let mut hms = clock.split(':');
        let h = num(hms.next()?)?;
        let mi = hms.next().map(num).unwrap_or(Some(0))?;
        let sec = match hms.next() {
            Some(x) => num(x.split('.').next()?)?,
            None => 0,
        };
        if h > 24 || mi > 59 || sec > 60 {
            return None;
        }
        secs += h * 3600 + mi * 60 + sec;
        if let Some(sign) = offset.chars().next().filter(|c| matches!(c, '+' | '-')) {
            let o = offset[1..].replace(':', "");
            let (oh, om) = (num(o.get(..2)?)?, o.get(2..4).map(num).unwrap_or(Some(0))?);
            let off = oh * 3600 + om * 60;
            secs += if sign == '+' { -off } else { off };
        }
    }
    Some(secs)
}

/// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's algorithm).
fn days_from_civil(y: i64, m: i64, d: i64) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// Only the page's rel=next, for a page whose other links are too deep to follow: parsing
/// and canonicalising hundreds of links nobody will queue is a good part of a page's cost.
pub fn next_link(article: &Article, base: &Url) -> Option<Link> {
    let url = canonicalize(article.next.as_deref()?, Some(base))?;
    Some(Link {
        url,
        lastmod: None,
        next_page: true,
    })
}

/// The links of a read HTML page, canonical, each once, in document order; the rel=next
/// page marked (and added when only a `<link>` in the head names it).
pub fn html_links(article: &Article, base: &Url) -> Vec<Link> {
    let next = next_link(article, base).map(|l| l.url);
    let mut seen = rustc_hash::FxHashSet::default();
    let mut links = Vec::with_capacity(article.links.len());
    for raw in &article.links {
        let Some(url) = canonicalize(raw, Some(base)) else {
            continue;
        };
        if seen.insert(url.as_str().to_string()) {
            let next_page = next.as_ref() == Some(&url);
            links.push(Link {
                url,
                lastmod: None,
                next_page,
            });
        }
    }
    if let Some(n) = next {
        if !seen.contains(n.as_str()) {
            links.push(Link {
                url: n,
                lastmod: None,
                next_page: true,
            });
        }
    }
    links
}

#[cfg(test)]
mod tests {
    use super::*;

    fn base() -> Url {
        Url::parse("https://news.kz/").unwrap()
    }

    #[test]
    fn w3c_datetimes() {
        assert_eq!(parse_w3c("1970-01-01"), Some(0));
        assert_eq!(parse_w3c("2024-05-14"), Some(1_715_644_800));
        assert_eq!(parse_w3c("2024-05-14T11:20:30Z"), Some(1_715_685_630));
        assert_eq!(parse_w3c("2024-05-14T16:20:30+05:00"), Some(1_715_685_630));
        assert_eq!(
            parse_w3c("2024-05-14T16:20:30.123+05:00"),
            Some(1_715_685_630)
        );
        assert_eq!(parse_w3c("2024-05-14T06:20-05:00"), Some(1_715_685_600));
        assert_eq!(parse_w3c("2024-05"), Some(1_714_521_600));
        assert_eq!(parse_w3c("2024"), Some(1_704_067_200));
        assert_eq!(parse_w3c("yesterday"), None);
        assert_eq!(parse_w3c("2024-13-01"), None);
        assert_eq!(parse_w3c(""), None);
    }

    #[test]
    fn content_decides_not_the_type() {
        let xml = br#"<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc>https://news.kz/a?utm_source=x</loc><lastmod>2024-05-14</lastmod></url></urlset>"#;
        let d = discover(xml, Some("text/html"), &base(), 1 << 20);
        assert_eq!(d.kind, Kind::Sitemap);
        assert_eq!(d.links[0].url.as_str(), "https://news.kz/a");
        assert_eq!(d.links[0].lastmod, Some(1_715_644_800));
    }

    #[test]
    fn image_loc_is_not_a_page() {
        let xml = br#"<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:image="http://www.google.com/schemas/sitemap-image/1.1"><url><loc>/a</loc><image:image><image:loc>/i.jpg</image:loc></image:image></url></urlset>"#;
        let d = discover(xml, None, &base(), 1 << 20);
        assert_eq!(d.links.len(), 1);
        assert_eq!(d.links[0].url.as_str(), "https://news.kz/a");
    }

    #[test]
    fn broken_xml_is_other_or_partial_without_panic() {
        assert_eq!(
            discover(b"<rss><chan", None, &base(), 100).kind,
            Kind::Other
        );
        assert_eq!(discover(b"", None, &base(), 100).kind, Kind::Other);
        assert_eq!(discover(&[0u8; 64], None, &base(), 100).kind, Kind::Other);
        let d = discover(
            b"<urlset><url><loc>/a</loc></url><url><loc>/b</lo",
            None,
            &base(),
            1000,
        );
        assert_eq!(d.kind, Kind::Sitemap);
        assert_eq!(d.links.len(), 1);
    }

    #[test]
    fn html_by_content() {
        let d = discover(
            b"<!DOCTYPE html><html><body><a href=/x>x</a></body></html>",
            None,
            &base(),
            1000,
        );
        assert_eq!(d.kind, Kind::Html);
        assert!(d.links.is_empty());
        assert_eq!(
            discover(b"<div><p>hi</p>", None, &base(), 1000).kind,
            Kind::Html
        );
        assert_eq!(
            discover(b"plain words", None, &base(), 1000).kind,
            Kind::Other
        );
    }
}
