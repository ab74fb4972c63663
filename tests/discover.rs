//! Discovery of links from feeds, sitemaps and HTML pages, and the page fields the
//! crawler reads (canonical, links, rel=next, looks_like_article).

use std::io::Write;
use std::time::{Duration, Instant};

use dozor::crawl::discover::{discover, html_links, Kind};
use dozor::crawl::url::canonicalize;
use dozor::page;
use flate2::write::GzEncoder;
use flate2::Compression;
use url::Url;

const MAX: u64 = 5 << 20;

fn fixture(name: &str) -> Vec<u8> {
    let p = format!(
        "{}/tests/fixtures/discover/{name}",
        env!("CARGO_MANIFEST_DIR")
    );
    std::fs::read(&p).unwrap_or_else(|e| panic!("{p}: {e}"))
}

fn base() -> Url {
    Url::parse("https://news.kz/").unwrap()
}

fn urls(d: &dozor::crawl::discover::Discovered) -> Vec<&str> {
    d.links.iter().map(|l| l.url.as_str()).collect()
}

fn gzip(data: &[u8]) -> Vec<u8> {
    let mut e = GzEncoder::new(Vec::new(), Compression::default());
    e.write_all(data).unwrap();
    e.finish().unwrap()
}

#[test]
fn rss_feed_links_and_dates() {
    let d = discover(&fixture("rss.xml"), Some("text/html"), &base(), MAX);
    assert_eq!(d.kind, Kind::Feed);
    assert_eq!(
        urls(&d),
        ["https://news.kz/ru/news/1", "https://news.kz/ru/news/2"]
    );
    assert_eq!(d.links[0].lastmod, Some(1_715_685_630));
    assert_eq!(d.links[1].lastmod, Some(1_715_713_200));
    assert!(d.links.iter().all(|l| !l.next_page));
}

#[test]
fn atom_feed_alternate_links() {
    let d = discover(&fixture("atom.xml"), None, &base(), MAX);
    assert_eq!(d.kind, Kind::Feed);
    assert_eq!(
        urls(&d),
        ["https://news.kz/en/a/1", "https://news.kz/en/a/2"]
    );
    assert_eq!(d.links[0].lastmod, Some(1_715_685_630));
    assert_eq!(d.links[1].lastmod, Some(1_715_558_400));
}

#[test]
fn rdf_feed_links() {
    let d = discover(
        &fixture("rdf.xml"),
        Some("application/rdf+xml"),
        &base(),
        MAX,
    );
    assert_eq!(d.kind, Kind::Feed);
    assert_eq!(
        urls(&d),
        ["https://news.kz/kk/a/1", "https://news.kz/kk/a/2"]
    );
}

#[test]
fn sitemap_locs_and_lastmod() {
    let d = discover(&fixture("sitemap.xml"), Some("text/plain"), &base(), MAX);
    assert_eq!(d.kind, Kind::Sitemap);
    assert_eq!(
        urls(&d),
        [
            "https://news.kz/ru/news/1",
            "https://news.kz/ru/news/2?a=1&b=2",
            "https://news.kz/ru/news/3"
        ]
    );
    let lastmods: Vec<_> = d.links.iter().map(|l| l.lastmod).collect();
    assert_eq!(lastmods, [Some(1_715_685_630), Some(1_715_644_800), None]);
}

#[test]
fn sitemap_index_locs() {
    let d = discover(&fixture("sitemap-index.xml"), None, &base(), MAX);
    assert_eq!(d.kind, Kind::SitemapIndex);
    assert_eq!(
        urls(&d),
        [
            "https://news.kz/sitemap-2024-05.xml.gz",
            "https://news.kz/sitemap-2024-04.xml"
        ]
    );
    assert_eq!(d.links[0].lastmod, Some(1_715_644_800));
}

#[test]
fn gzipped_sitemap_is_inflated() {
    let gz = gzip(&fixture("sitemap.xml"));
    let d = discover(&gz, Some("application/octet-stream"), &base(), MAX);
    assert_eq!(d.kind, Kind::Sitemap);
    assert_eq!(d.links.len(), 3);
}

#[test]
fn gzip_bomb_is_cut_at_max_bytes() {
    // 200 MB of zeros behind a sitemap header: 200 gzip members of 1 MB each (a valid
    // multi-member stream), made in a blink instead of compressing 200 MB.
    let mut head = b"<?xml version=\"1.0\"?><urlset><url><loc>/a</loc></url>".to_vec();
    head.resize(1 << 20, 0);
    let first = gzip(&head);
    let zeros = gzip(&vec![0u8; 1 << 20]);
    let mut bomb = first.clone();
    for _ in 1..200 {
        bomb.extend_from_slice(&zeros);
    }
    assert!(
        bomb.len() < 1 << 20,
        "the bomb should be small: {}",
        bomb.len()
    );
    let t = Instant::now();
    let d = discover(&bomb, None, &base(), 2 << 20);
    // Coarse: inflating all 200 MB in a debug build takes far longer than this.
    assert!(t.elapsed() < Duration::from_secs(10), "{:?}", t.elapsed());
    assert_eq!(d.kind, Kind::Sitemap);
    assert_eq!(urls(&d), ["https://news.kz/a"]);
}

#[test]
fn broken_xml_gives_other() {
    for bytes in [
        &b"<?xml version=\"1.0\"?><rss><channel><item><link>x"[..],
        b"<?xml version=\"1.0\"?><feed xmlns=\"http://www.w3.org/2005/Atom\"><entry>",
        b"\x1f\x8b\x08garbage",
        b"",
    ] {
        let d = discover(bytes, Some("application/xml"), &base(), MAX);
        assert_eq!(d.kind, Kind::Other, "{:?}", String::from_utf8_lossy(bytes));
        assert!(d.links.is_empty());
    }
}

#[test]
fn listing_page_links_and_next() {
    let bytes = fixture("listing.html");
    let d = discover(&bytes, Some("text/html"), &base(), MAX);
    assert_eq!(d.kind, Kind::Html);
    let page_url = "https://news.kz/ru/news/";
    let a = page::read(&bytes, Some(page_url), Some("text/html"));
    assert!(
        !a.looks_like_article,
        "a listing of headlines is no article"
    );
    assert_eq!(a.next.as_deref(), Some("/ru/news/?page=2"));
    assert_eq!(a.links.len(), 14);
    assert_eq!(a.links[0], "/");
    let links = html_links(&a, &Url::parse(page_url).unwrap());
    let got: Vec<_> = links.iter().map(|l| l.url.as_str()).collect();
    assert_eq!(
        got,
        [
            "https://news.kz/",
            "https://news.kz/ru/news/",
            "https://news.kz/ru/news/1",
            "https://news.kz/ru/news/2",
            "https://news.kz/ru/news/3",
            "https://news.kz/ru/news/4",
            "https://news.kz/ru/news/5",
            "https://news.kz/ru/news/6",
            "https://news.kz/ru/news/7",
            "https://news.kz/ru/news/8",
            "https://news.kz/ru/news/?page=2",
        ]
    );
    let next: Vec<_> = links.iter().filter(|l| l.next_page).collect();
    assert_eq!(next.len(), 1);
    assert_eq!(next[0].url.as_str(), "https://news.kz/ru/news/?page=2");
}

#[test]
fn article_page_canonical_and_kind() {
    let bytes = fixture("article.html");
    let a = page::read(
        &bytes,
        Some("https://news.kz/ru/news/1?utm_source=tg"),
        None,
    );
    assert!(a.looks_like_article);
    assert_eq!(a.canonical.as_deref(), Some("https://news.kz/ru/news/1"));
    assert_eq!(a.next, None);
    // Without a page URL the href stays as written.
    let a = page::read(&bytes, None, None);
    assert_eq!(a.canonical.as_deref(), Some("/ru/news/1"));
    let links = html_links(&a, &base());
    assert_eq!(
        links.last().map(|l| l.url.as_str()),
        Some("https://anticorruption.gov.kz/ru/news")
    );
}

#[test]
fn og_url_when_no_rel_canonical() {
    let html = fixture("article.html");
    let html = String::from_utf8(html)
        .unwrap()
        .replace(r#"<link rel="canonical" href="/ru/news/1">"#, "");
    let a = page::read(html.as_bytes(), Some("https://news.kz/x"), None);
    assert_eq!(a.canonical.as_deref(), Some("https://news.kz/ru/news/1-og"));
}

#[test]
fn long_text_without_metadata_is_an_article() {
    let p = "Сотрудник полиции задержан при получении взятки, начато расследование по статье. ";
    let html = format!(
        "<html><body><div><p>{}</p><p>{}</p><p>{}</p></div></body></html>",
        p.repeat(3),
        p.repeat(3),
        p.repeat(2)
    );
    let a = page::read(html.as_bytes(), None, Some("text/html"));
    assert!(a.looks_like_article);
    let short = "<html><body><p>Короткая заметка.</p></body></html>";
    assert!(!page::read(short.as_bytes(), None, None).looks_like_article);
}

#[test]
fn json_ld_says_article() {
    let html = r#"<html><head><script type="application/ld+json">{"@context":"https://schema.org","@type":["NewsArticle"],"headline":"x"}</script></head><body><p>Коротко.</p></body></html>"#;
    assert!(page::read(html.as_bytes(), None, None).looks_like_article);
}

#[test]
fn plain_text_has_no_links() {
    let a = page::read(
        "Заголовок\n\nТекст статьи о полиции.".as_bytes(),
        None,
        Some("text/plain"),
    );
    assert!(a.links.is_empty());
    assert_eq!(a.canonical, None);
    assert!(a.looks_like_article);
}

#[test]
fn utm_variants_canonicalize_alike() {
    let a = canonicalize("https://news.kz/a?utm_source=x&id=1", None).unwrap();
    let b = canonicalize("https://NEWS.kz/a?id=1&utm_medium=y#c", None).unwrap();
    assert_eq!(a, b);
}
