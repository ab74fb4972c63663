//! Fetching, robots.txt and per-host politeness against servers started on 127.0.0.1.

use std::io::Write;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

use axum::body::{Body, Bytes};
use axum::extract::Path;
use axum::http::{header, HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::Router;
use dozor::crawl::fetch::{backoff, FetchConfig, FetchError, Fetched, Fetcher, Validators};
use dozor::crawl::politeness::Hosts;
use dozor::crawl::robots::{Robots, Verdict};
use futures_util::stream;
use url::Url;

const UA: &str = "dozor/0.1.0 (+https://github.com/dozor-kz/dozor)";

async fn serve(router: Router) -> Url {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    tokio::spawn(async move {
        axum::serve(listener, router).await.unwrap();
    });
    Url::parse(&format!("http://{addr}/")).unwrap()
}

fn fetcher_with(max_bytes: u64, timeout: Duration) -> Fetcher {
    Fetcher::new(FetchConfig {
        user_agent: UA.to_string(),
        timeout,
        connect_timeout: Duration::from_secs(2),
        max_bytes,
    })
    .unwrap()
}

fn fetcher() -> Fetcher {
    fetcher_with(1 << 20, Duration::from_secs(5))
}

fn gzip(data: &[u8]) -> Vec<u8> {
    let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    enc.write_all(data).unwrap();
    enc.finish().unwrap()
}

fn html(body: &'static str) -> Response {
    ([(header::CONTENT_TYPE, "text/html; charset=utf-8")], body).into_response()
}

fn redirect_to(location: String) -> Response {
    (StatusCode::FOUND, [(header::LOCATION, location)]).into_response()
}

fn body_of(fetched: Fetched) -> (Url, Vec<u8>, bool, Validators) {
    match fetched {
        Fetched::Body {
            final_url,
            body,
            truncated,
            validators,
            ..
        } => (final_url, body, truncated, validators),
        other => panic!("expected a body, got {other:?}"),
    }
}

/// Peak resident memory of this process, from /proc (Linux only; 0 elsewhere).
fn peak_rss_bytes() -> u64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    status
        .lines()
        .find_map(|l| l.strip_prefix("VmHWM:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse::<u64>().ok())
        .map_or(0, |kb| kb * 1024)
}

#[tokio::test]
async fn gzip_response_is_decoded() {
    let page = b"<html><body><p>Hello, Astana</p></body></html>".repeat(50);
    let compressed = gzip(&page);
    let base = serve(Router::new().route(
        "/",
        get(move || {
            let compressed = compressed.clone();
            async move {
                (
                    [
                        (header::CONTENT_TYPE, "text/html"),
                        (header::CONTENT_ENCODING, "gzip"),
                    ],
                    compressed,
                )
            }
        }),
    ))
    .await;
    let (_, body, truncated, _) = body_of(fetcher().get(&base, None).await.unwrap());
    assert_eq!(body, page);
    assert!(!truncated);
}

#[tokio::test]
async fn corrupt_gzip_is_fatal() {
    let base = serve(Router::new().route(
        "/",
        get(|| async {
            (
                [
                    (header::CONTENT_TYPE, "text/html"),
                    (header::CONTENT_ENCODING, "gzip"),
                ],
                "this is not gzip at all, not even close",
            )
        }),
    ))
    .await;
    let err = fetcher().get(&base, None).await.unwrap_err();
    assert!(matches!(err, FetchError::Fatal { .. }), "{err:?}");
}

#[tokio::test]
async fn one_gigabyte_body_is_cut_at_max_bytes() {
    const CHUNK: usize = 64 * 1024;
    const TOTAL_CHUNKS: usize = (1 << 30) / CHUNK;
    let base = serve(Router::new().route(
        "/big",
        get(|| async {
            // Produced lazily: the gigabyte never exists anywhere.
            let chunks = stream::unfold(0usize, |n| async move {
                (n < TOTAL_CHUNKS).then(|| {
                    (
                        Ok::<_, std::io::Error>(Bytes::from(vec![b'a'; CHUNK])),
                        n + 1,
                    )
                })
            });
            (
                [(header::CONTENT_TYPE, "text/html")],
                Body::from_stream(chunks),
            )
        }),
    ))
    .await;
    let max = 1_000_000;
    let fetched = fetcher_with(max, Duration::from_secs(10))
        .get(&base.join("/big").unwrap(), None)
        .await
        .unwrap();
    let (_, body, truncated, _) = body_of(fetched);
    assert!(truncated);
    assert_eq!(body.len() as u64, max);
}

#[tokio::test]
async fn gzip_bomb_is_cut_with_flat_memory() {
    // ~100 MB of zeros, compressed in pieces so the test itself stays small.
    let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    let zeros = vec![0u8; 1 << 20];
    for _ in 0..100 {
        enc.write_all(&zeros).unwrap();
    }
    let bomb = enc.finish().unwrap();
    drop(zeros);
    assert!(bomb.len() < 1 << 20, "the bomb is {} bytes", bomb.len());
    let base = serve(Router::new().route(
        "/bomb",
        get(move || {
            let bomb = bomb.clone();
            async move {
                (
                    [
                        (header::CONTENT_TYPE, "text/html"),
                        (header::CONTENT_ENCODING, "gzip"),
                    ],
                    bomb,
                )
            }
        }),
    ))
    .await;
    let before = peak_rss_bytes();
    let max = 2_000_000;
    let fetched = fetcher_with(max, Duration::from_secs(10))
        .get(&base.join("/bomb").unwrap(), None)
        .await
        .unwrap();
    let (_, body, truncated, _) = body_of(fetched);
    assert!(truncated);
    assert_eq!(body.len() as u64, max);
    let grew = peak_rss_bytes().saturating_sub(before);
    assert!(
        grew < 50 << 20,
        "peak memory grew by {grew} bytes reading a 100 MB bomb"
    );
}

#[tokio::test]
async fn redirect_chain_is_followed_to_final_url() {
    let base = serve(
        Router::new()
            .route("/r1", get(|| async { redirect_to("/r2".into()) }))
            .route("/r2", get(|| async { redirect_to("/r3".into()) }))
            .route("/r3", get(|| async { redirect_to("/final".into()) }))
            .route("/final", get(|| async { html("<p>here</p>") })),
    )
    .await;
    let (final_url, body, _, _) = body_of(
        fetcher()
            .get(&base.join("/r1").unwrap(), None)
            .await
            .unwrap(),
    );
    assert_eq!(final_url, base.join("/final").unwrap());
    assert_eq!(body, b"<p>here</p>");
}

#[tokio::test]
async fn redirect_loop_is_fatal() {
    let base = serve(
        Router::new()
            .route("/a", get(|| async { redirect_to("/b".into()) }))
            .route("/b", get(|| async { redirect_to("/a".into()) })),
    )
    .await;
    let err = fetcher()
        .get(&base.join("/a").unwrap(), None)
        .await
        .unwrap_err();
    match err {
        FetchError::Fatal { reason } => {
            assert!(reason.starts_with("redirect loop: "), "{reason}");
            assert!(reason.contains("/a → "), "{reason}");
            assert!(reason.contains("/b → "), "{reason}");
        }
        other => panic!("expected Fatal, got {other:?}"),
    }
}

fn counting_redirects() -> Router {
    Router::new().route(
        "/n/{k}",
        get(|Path(k): Path<u32>| async move {
            if k >= 11 {
                html("<p>end</p>")
            } else {
                redirect_to(format!("/n/{}", k + 1))
            }
        }),
    )
}

#[tokio::test]
async fn ten_redirects_are_followed_eleven_are_fatal() {
    let base = serve(counting_redirects()).await;
    let (final_url, _, _, _) = body_of(
        fetcher()
            .get(&base.join("/n/1").unwrap(), None)
            .await
            .unwrap(),
    );
    assert_eq!(final_url.path(), "/n/11");
    let err = fetcher()
        .get(&base.join("/n/0").unwrap(), None)
        .await
        .unwrap_err();
    match err {
        FetchError::Fatal { reason } => assert!(reason.contains("more than 10 redirects")),
        other => panic!("expected Fatal, got {other:?}"),
    }
}

#[tokio::test]
async fn trickling_server_is_cut_by_total_timeout() {
    let base = serve(Router::new().route(
        "/slow",
        get(|| async {
            let drip = stream::unfold((), |()| async {
                tokio::time::sleep(Duration::from_millis(200)).await;
                Some((Ok::<_, std::io::Error>(Bytes::from_static(b"x")), ()))
            });
            (
                [(header::CONTENT_TYPE, "text/html")],
                Body::from_stream(drip),
            )
        }),
    ))
    .await;
    let started = Instant::now();
    let err = fetcher_with(1 << 20, Duration::from_secs(2))
        .get(&base.join("/slow").unwrap(), None)
        .await
        .unwrap_err();
    let took = started.elapsed();
    match &err {
        FetchError::Retry { reason, .. } => assert!(reason.contains("timed out"), "{reason}"),
        other => panic!("expected Retry, got {other:?}"),
    }
    assert!(took < Duration::from_secs(4), "took {took:?}");
}

fn versioned_page() -> Router {
    Router::new().route(
        "/v",
        get(|headers: HeaderMap| async move {
            if headers
                .get(header::IF_NONE_MATCH)
                .is_some_and(|v| v == "\"v1\"")
            {
                return StatusCode::NOT_MODIFIED.into_response();
            }
            (
                [
                    (header::CONTENT_TYPE, "text/html"),
                    (header::ETAG, "\"v1\""),
                    (header::LAST_MODIFIED, "Mon, 07 Dec 2026 10:00:00 GMT"),
                ],
                "<p>v1</p>",
            )
                .into_response()
        }),
    )
}

#[tokio::test]
async fn validators_are_returned_and_a_304_is_not_modified() {
    let base = serve(versioned_page()).await;
    let url = base.join("/v").unwrap();
    let f = fetcher();
    let (_, _, _, validators) = body_of(f.get(&url, None).await.unwrap());
    assert_eq!(validators.etag.as_deref(), Some("\"v1\""));
    assert_eq!(
        validators.last_modified.as_deref(),
        Some("Mon, 07 Dec 2026 10:00:00 GMT")
    );
    match f.get(&url, Some(&validators)).await.unwrap() {
        Fetched::NotModified { final_url } => assert_eq!(final_url, url),
        other => panic!("expected NotModified, got {other:?}"),
    }
}

fn statuses() -> Router {
    Router::new()
        .route(
            "/503",
            get(|| async { StatusCode::SERVICE_UNAVAILABLE.into_response() }),
        )
        .route(
            "/429",
            get(|| async {
                (StatusCode::TOO_MANY_REQUESTS, [(header::RETRY_AFTER, "7")]).into_response()
            }),
        )
        .route(
            "/404",
            get(|| async { StatusCode::NOT_FOUND.into_response() }),
        )
        .route(
            "/pdf",
            get(|| async {
                ([(header::CONTENT_TYPE, "application/pdf")], "%PDF-1.7").into_response()
            }),
        )
}

#[tokio::test]
async fn statuses_are_classified() {
    let base = serve(statuses()).await;
    let f = fetcher();
    match f.get(&base.join("/503").unwrap(), None).await.unwrap_err() {
        FetchError::Retry { reason, .. } => assert!(reason.contains("HTTP 503"), "{reason}"),
        other => panic!("expected Retry, got {other:?}"),
    }
    match f.get(&base.join("/429").unwrap(), None).await.unwrap_err() {
        FetchError::Retry { retry_after, .. } => {
            assert_eq!(retry_after, Some(Duration::from_secs(7)));
            assert_eq!(backoff(0, retry_after), Duration::from_secs(7));
        }
        other => panic!("expected Retry, got {other:?}"),
    }
    match f.get(&base.join("/404").unwrap(), None).await.unwrap_err() {
        FetchError::Fatal { reason } => assert!(reason.contains("HTTP 404"), "{reason}"),
        other => panic!("expected Fatal, got {other:?}"),
    }
    match f.get(&base.join("/pdf").unwrap(), None).await.unwrap() {
        Fetched::Skipped { content_type, .. } => assert_eq!(content_type, "application/pdf"),
        other => panic!("expected Skipped, got {other:?}"),
    }
}

#[tokio::test]
async fn connection_refused_is_retry() {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let addr = listener.local_addr().unwrap();
    drop(listener);
    let url = Url::parse(&format!("http://{addr}/")).unwrap();
    let err = fetcher().get(&url, None).await.unwrap_err();
    assert!(matches!(err, FetchError::Retry { .. }), "{err:?}");
}

const ROBOTS: &str = "\
User-agent: other
Disallow: /

User-agent: dozor
Disallow: /private
Allow: /private/open
Crawl-delay: 2

Sitemap: http://news.example.kz/sitemap.xml
";

/// A site whose robots.txt answers with `status` and `ROBOTS`, counting its requests.
async fn robots_site(status: StatusCode) -> (Url, Arc<AtomicUsize>) {
    let hits = Arc::new(AtomicUsize::new(0));
    let counter = hits.clone();
    let base = serve(Router::new().route(
        "/robots.txt",
        get(move || {
            let counter = counter.clone();
            async move {
                counter.fetch_add(1, Ordering::SeqCst);
                (status, [(header::CONTENT_TYPE, "text/plain")], ROBOTS).into_response()
            }
        }),
    ))
    .await;
    (base, hits)
}

#[tokio::test]
async fn robots_rules_are_obeyed_and_fetched_once() {
    let (base, hits) = robots_site(StatusCode::OK).await;
    let robots = Arc::new(Robots::new(UA));
    let f = Arc::new(fetcher());
    // Many concurrent first checks still cause one fetch.
    let mut tasks = Vec::new();
    for _ in 0..10 {
        let (robots, f, url) = (robots.clone(), f.clone(), base.join("/public").unwrap());
        tasks.push(tokio::spawn(async move { robots.check(&f, &url).await }));
    }
    for t in tasks {
        assert_eq!(
            t.await.unwrap(),
            (Verdict::Allowed, Some(Duration::from_secs(2)))
        );
    }
    let check = |path: &str| {
        let url = base.join(path).unwrap();
        let (robots, f) = (robots.clone(), f.clone());
        async move { robots.check(&f, &url).await.0 }
    };
    assert_eq!(check("/private/x").await, Verdict::Disallowed);
    assert_eq!(check("/private").await, Verdict::Disallowed);
    assert_eq!(check("/private/open/y").await, Verdict::Allowed);
    assert_eq!(check("/news/1").await, Verdict::Allowed);
    assert_eq!(hits.load(Ordering::SeqCst), 1);
    assert_eq!(
        robots.sitemaps(base.as_str()),
        vec![Url::parse("http://news.example.kz/sitemap.xml").unwrap()]
    );
}

#[tokio::test]
async fn missing_robots_allows_everything() {
    let (base, _) = robots_site(StatusCode::NOT_FOUND).await;
    let robots = Robots::new(UA);
    let verdict = robots
        .check(&fetcher(), &base.join("/private/x").unwrap())
        .await;
    assert_eq!(verdict, (Verdict::Allowed, None));
    assert!(robots.sitemaps(base.as_str()).is_empty());
}

#[tokio::test]
async fn unreachable_robots_allows_everything() {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let addr = listener.local_addr().unwrap();
    drop(listener);
    let url = Url::parse(&format!("http://{addr}/private")).unwrap();
    let verdict = Robots::new(UA).check(&fetcher(), &url).await;
    assert_eq!(verdict.0, Verdict::Allowed);
}

#[tokio::test]
async fn failing_robots_means_retry_later() {
    let (base, hits) = robots_site(StatusCode::INTERNAL_SERVER_ERROR).await;
    let robots = Robots::new(UA);
    let f = fetcher();
    for path in ["/news/1", "/news/2"] {
        let verdict = robots.check(&f, &base.join(path).unwrap()).await;
        assert_eq!(verdict.0, Verdict::RetryLater);
    }
    // The failure is remembered for a while rather than asked again at once.
    assert_eq!(hits.load(Ordering::SeqCst), 1);
}

#[tokio::test]
async fn one_host_requests_are_spaced_by_the_delay() {
    let hosts = Hosts::new(2, Duration::from_millis(300));
    let mut starts = Vec::new();
    for _ in 0..3 {
        let permit = hosts.acquire("a.kz", None).await;
        starts.push(Instant::now());
        drop(permit);
    }
    for pair in starts.windows(2) {
        let gap = pair[1] - pair[0];
        assert!(gap >= Duration::from_millis(280), "gap {gap:?}");
    }
}

#[tokio::test]
async fn crawl_delay_longer_than_the_delay_wins() {
    let hosts = Hosts::new(2, Duration::from_millis(50));
    let delay = Some(Duration::from_millis(300));
    let first = hosts.acquire("a.kz", delay).await;
    let t0 = Instant::now();
    drop(first);
    let _second = hosts.acquire("a.kz", delay).await;
    let gap = t0.elapsed();
    assert!(gap >= Duration::from_millis(280), "gap {gap:?}");
}

#[tokio::test]
async fn different_hosts_do_not_wait_for_each_other() {
    let hosts = Hosts::new(1, Duration::from_secs(5));
    let _a = hosts.acquire("a.kz", None).await;
    let t0 = Instant::now();
    let _b = hosts.acquire("b.kz", None).await;
    assert!(t0.elapsed() < Duration::from_secs(1));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn per_host_concurrency_is_never_exceeded() {
    let hosts = Arc::new(Hosts::new(2, Duration::ZERO));
    let running = Arc::new(AtomicUsize::new(0));
    let most = Arc::new(AtomicUsize::new(0));
    let mut tasks = Vec::new();
    for _ in 0..12 {
        let (hosts, running, most) = (hosts.clone(), running.clone(), most.clone());
        tasks.push(tokio::spawn(async move {
            let _permit = hosts.acquire("a.kz", None).await;
            let now = running.fetch_add(1, Ordering::SeqCst) + 1;
            most.fetch_max(now, Ordering::SeqCst);
            tokio::time::sleep(Duration::from_millis(30)).await;
            running.fetch_sub(1, Ordering::SeqCst);
        }));
    }
    for t in tasks {
        t.await.unwrap();
    }
    assert_eq!(most.load(Ordering::SeqCst), 2);
}
