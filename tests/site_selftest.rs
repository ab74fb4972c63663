//! The test site behaves as the crawl tests expect: if one of these fails, a crawl test
//! failing next to it is about the site, not the crawler.

#[path = "support/site.rs"]
mod site;

use std::io::Read;
use std::time::Duration;

use site::Site;

fn client() -> reqwest::Client {
    reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .no_gzip()
        .timeout(Duration::from_secs(10))
        .build()
        .unwrap()
}

async fn get(site: &Site, path: &str) -> reqwest::Response {
    client().get(site.url(path)).send().await.unwrap()
}

#[tokio::test]
async fn robots_has_disallow_delay_and_sitemap_with_the_real_base() {
    let site = Site::start().await;
    let text = get(&site, "/robots.txt").await.text().await.unwrap();
    assert!(text.contains("Disallow: /private/"), "{text}");
    assert!(text.contains("Crawl-delay: 1"), "{text}");
    assert!(
        text.contains(&format!("Sitemap: {}/sitemap_index.xml", site.base())),
        "{text}"
    );

    let quick = Site::start_with(site::Options {
        crawl_delay: None,
        ..Default::default()
    })
    .await;
    let text = get(&quick, "/robots.txt").await.text().await.unwrap();
    assert!(!text.to_lowercase().contains("crawl-delay"), "{text}");
    assert!(text.contains("Disallow: /private/"));
}

#[tokio::test]
async fn feed_sitemaps_and_listings_point_at_the_site() {
    let site = Site::start().await;
    let rss = get(&site, "/rss.xml").await.text().await.unwrap();
    assert!(rss.contains(&format!(
        "{}/news/shymkent-inspector-bribe.html?utm_source=rss&amp;utm_medium=feed",
        site.base()
    )));
    let index = get(&site, "/sitemap_index.xml").await.text().await.unwrap();
    assert!(index.contains(&format!("{}/sitemap-2.xml.gz", site.base())));

    let gz = get(&site, "/sitemap-2.xml.gz").await;
    assert_eq!(gz.headers()["content-type"], "application/x-gzip");
    assert!(gz.headers().get("content-encoding").is_none());
    let bytes = gz.bytes().await.unwrap();
    assert_eq!(&bytes[..2], &[0x1f, 0x8b]);
    let mut xml = String::new();
    flate2::read::GzDecoder::new(&bytes[..])
        .read_to_string(&mut xml)
        .unwrap();
    assert!(xml.contains(&format!("{}/news/atyrau-officer-bribe.html", site.base())));
    assert!(xml.contains("<lastmod>"));

    let news = get(&site, "/news/").await.text().await.unwrap();
    assert!(news.contains(r#"<link rel="next" href="/news/page-2.html">"#));
    assert!(news.contains(r#"<a rel="next" href="/news/page-2.html">"#));
    assert!(news.contains("/private/secret.html"));
    let p2 = get(&site, "/news/page-2.html").await.text().await.unwrap();
    assert!(p2.contains("/trap/bomb.html") && p2.contains("/news/page-3.html"));

    let secret = get(&site, "/private/secret.html").await;
    assert_eq!(secret.status(), 200);
    assert_eq!(get(&site, "/nothing-here.html").await.status(), 404);
    assert_eq!(
        get(&site, "/doc.pdf").await.headers()["content-type"],
        "application/pdf"
    );
}

#[tokio::test]
async fn windows_1251_page_is_served_as_such_and_decodes() {
    let site = Site::start().await;
    let resp = get(&site, "/news/karaganda-traffic-police.html").await;
    assert_eq!(
        resp.headers()["content-type"],
        "text/html; charset=windows-1251"
    );
    let bytes = resp.bytes().await.unwrap();
    assert!(std::str::from_utf8(&bytes).is_err());
    let (text, _, bad) = encoding_rs::WINDOWS_1251.decode(&bytes);
    assert!(!bad);
    assert!(text.contains("В Караганде инспектор"));
    assert!(text.contains("30 000 тенге"));
}

#[tokio::test]
async fn flaky_pages_fail_once_then_serve() {
    let site = Site::start().await;
    assert_eq!(get(&site, "/flaky/503-then-200.html").await.status(), 503);
    let ok = get(&site, "/flaky/503-then-200.html").await;
    assert_eq!(ok.status(), 200);
    assert!(ok.text().await.unwrap().contains("400 000 тенге"));

    let first = get(&site, "/flaky/429.html").await;
    assert_eq!(first.status(), 429);
    assert_eq!(first.headers()["retry-after"], "1");
    assert_eq!(get(&site, "/flaky/429.html").await.status(), 200);
    assert_eq!(site.count("/flaky/429.html"), 2);
}

#[tokio::test]
async fn redirects_loop_and_move() {
    let site = Site::start().await;
    let a = get(&site, "/trap/loop-a").await;
    assert_eq!(a.status(), 302);
    assert_eq!(a.headers()["location"], "/trap/loop-b");
    let b = get(&site, "/trap/loop-b").await;
    assert_eq!(b.headers()["location"], "/trap/loop-a");

    let moved = get(&site, "/news/old/almaty-patrol-bribe.html").await;
    assert_eq!(moved.status(), 301);
    assert_eq!(
        moved.headers()["location"],
        format!("{}/news/almaty-patrol-bribe.html", site.base()).as_str()
    );
}

#[tokio::test]
async fn validators_give_304_and_the_log_counts_it() {
    let site = Site::start().await;
    let path = "/news/shymkent-inspector-bribe.html";
    let first = get(&site, path).await;
    assert_eq!(first.status(), 200);
    let etag = first.headers()["etag"].to_str().unwrap().to_string();
    let lm = first.headers()["last-modified"]
        .to_str()
        .unwrap()
        .to_string();
    let body = first.text().await.unwrap();
    assert!(body.contains(&format!(
        r#"<link rel="canonical" href="{}{path}">"#,
        site.base()
    )));

    let c = client();
    let by_etag = c
        .get(site.url(path))
        .header("If-None-Match", &etag)
        .send()
        .await
        .unwrap();
    assert_eq!(by_etag.status(), 304);
    let by_date = c
        .get(site.url(path))
        .header("If-Modified-Since", &lm)
        .send()
        .await
        .unwrap();
    assert_eq!(by_date.status(), 304);
    let stale = c
        .get(site.url(path))
        .header("If-None-Match", "\"other\"")
        .send()
        .await
        .unwrap();
    assert_eq!(stale.status(), 200);
    assert_eq!(site.count(path), 4);
    let log = site.requests();
    assert_eq!(log[1].header("if-none-match"), Some(etag.as_str()));
    assert!(log.windows(2).all(|w| w[0].at <= w[1].at));
    assert_eq!(log[0].method, "GET");
}

#[tokio::test]
async fn trickle_sends_headers_then_drips() {
    let site = Site::start().await;
    let mut resp = get(&site, "/trap/trickle.html").await;
    assert_eq!(resp.status(), 200);
    let mut got = 0;
    while got < 2 {
        got += resp
            .chunk()
            .await
            .unwrap()
            .expect("the trickle never ends")
            .len();
    }
    drop(resp);
}

#[tokio::test]
async fn bomb_and_huge_are_what_they_say() {
    let site = Site::start().await;
    let resp = get(&site, "/trap/bomb.html").await;
    assert_eq!(resp.headers()["content-encoding"], "gzip");
    let bytes = resp.bytes().await.unwrap();
    assert!(bytes.len() < 2 << 20, "compressed {} bytes", bytes.len());
    let mut inflated = 0u64;
    let mut dec = flate2::read::GzDecoder::new(&bytes[..]);
    let mut buf = vec![0u8; 1 << 20];
    loop {
        let n = dec.read(&mut buf).unwrap();
        if n == 0 {
            break;
        }
        inflated += n as u64;
    }
    assert_eq!(inflated, site::BOMB_BYTES as u64);

    let mut huge = get(&site, "/trap/huge.html").await;
    let mut got = 0;
    while got < 1 << 20 {
        got += huge.chunk().await.unwrap().unwrap().len();
    }
    drop(huge);
}

#[test]
fn blocking_variant_serves_and_stops() {
    let site = Site::start_blocking();
    let base = site.base().to_string();
    let rt = tokio::runtime::Runtime::new().unwrap();
    let status = rt.block_on(async {
        let _trickle = client()
            .get(format!("{base}/trap/trickle.html"))
            .send()
            .await
            .unwrap();
        client()
            .get(format!("{base}/rss.xml"))
            .send()
            .await
            .unwrap()
            .status()
    });
    assert_eq!(status, 200);
    assert_eq!(site.count("/rss.xml"), 1);
    site.stop();
}
