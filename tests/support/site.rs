//! A local news site for the crawl tests: serves `tests/fixtures/site/` on 127.0.0.1 and logs
//! every request, so a test can assert on what a crawler fetched, when, and with which headers.
//!
//! Files are served with `{{BASE}}` replaced by the real base URL (ports are random), with an
//! ETag and a Last-Modified, and with 304 answers to If-None-Match / If-Modified-Since. Pages
//! that are not valid UTF-8 are served as `charset=windows-1251` (the Karaganda article).
//!
//! Scripted routes (each request to them is logged like any other):
//! - `/robots.txt`: the fixture file; `Options::crawl_delay` changes or drops `Crawl-delay`.
//! - `/sitemap-2.xml.gz`: `sitemap-2.xml` gzipped at start, `application/x-gzip`, no
//!   Content-Encoding (the bytes are the file, as real sites serve them).
//! - `/news/` → `news/index.html`; `/news/old/almaty-patrol-bribe.html` → 301 to
//!   `/news/almaty-patrol-bribe.html` (one article under two URLs).
//! - `/trap/loop-a` ↔ `/trap/loop-b`: 302 to each other forever.
//! - `/flaky/503-then-200.html`: the first request gets 503, later ones the article.
//! - `/flaky/429.html`: the first request gets 429 with `Retry-After: 1`, later ones 200.
//! - `/trap/trickle.html`: 200 with headers at once, then one byte every 500 ms, never ending.
//! - `/trap/bomb.html`: `Content-Encoding: gzip` whose body inflates to 100 MiB (HTML then zeros);
//!   built once per test process on first request.
//! - `/trap/huge.html`: a 1 GiB HTML body, generated as it streams.
//! - `/doc.pdf`: a small `application/pdf`.
//! - `/private/secret.html`: an article robots.txt forbids; a polite crawl never asks for it.
//!
//! Include it with `#[path = "support/site.rs"] mod site;`.
#![allow(dead_code)]

use std::collections::HashMap;
use std::io::Write;
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, OnceLock};
use std::time::{Duration, Instant, SystemTime};

use axum::body::{Body, Bytes};
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::Response;
use axum::Router;

/// Size the gzip bomb inflates to.
pub const BOMB_BYTES: usize = 100 << 20;
/// Length of `/trap/huge.html`.
pub const HUGE_BYTES: u64 = 1 << 30;
/// Last-Modified of every static page: fixed, so a second run can send it back.
pub const LAST_MODIFIED: &str = "Mon, 30 Nov 2026 08:00:00 GMT";

/// One request as the server saw it, in arrival order.
#[derive(Debug, Clone)]
pub struct Request {
    pub method: String,
    pub path_and_query: String,
    /// Names lower-case, in the order received.
    pub headers: Vec<(String, String)>,
    pub at: Instant,
}

impl Request {
    pub fn header(&self, name: &str) -> Option<&str> {
        let name = name.to_ascii_lowercase();
        self.headers
            .iter()
            .find(|(n, _)| *n == name)
            .map(|(_, v)| v.as_str())
    }
    /// The path without the query.
    pub fn path(&self) -> &str {
        self.path_and_query
            .split('?')
            .next()
            .unwrap_or(&self.path_and_query)
    }
}

#[derive(Debug, Clone)]
pub struct Options {
    /// `Crawl-delay` in robots.txt in seconds; `None` leaves the line out. Default `Some(1.0)`.
    pub crawl_delay: Option<f64>,
    /// Serve this text as robots.txt instead of the fixture (`{{BASE}}` still replaced).
    pub robots: Option<String>,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            crawl_delay: Some(1.0),
            robots: None,
        }
    }
}

struct Inner {
    base: String,
    options: Options,
    root: PathBuf,
    log: Mutex<Vec<Request>>,
    hits: Mutex<HashMap<String, u32>>,
    sitemap_gz: Vec<u8>,
    stopped: AtomicBool,
}

enum Runner {
    Task(
        tokio::task::JoinHandle<()>,
        Option<tokio::sync::oneshot::Sender<()>>,
    ),
    Thread(
        Option<std::thread::JoinHandle<()>>,
        Option<tokio::sync::oneshot::Sender<()>>,
    ),
}

pub struct Site {
    inner: Arc<Inner>,
    runner: Runner,
}

impl Site {
    /// Starts on the current tokio runtime with default options.
    pub async fn start() -> Site {
        Site::start_with(Options::default()).await
    }

    pub async fn start_with(options: Options) -> Site {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
            .await
            .expect("bind 127.0.0.1:0 for the test site");
        let inner = Arc::new(Inner::new(listener.local_addr().unwrap().port(), options));
        let (tx, rx) = tokio::sync::oneshot::channel();
        let app = router(inner.clone());
        let task = tokio::spawn(async move {
            serve(listener, app, rx).await;
        });
        Site {
            inner,
            runner: Runner::Task(task, Some(tx)),
        }
    }

    /// Starts on a thread with its own runtime: for tests that are not async, or that run
    /// the `dozor` binary as a child process.
    pub fn start_blocking() -> Site {
        Site::start_blocking_with(Options::default())
    }

    pub fn start_blocking_with(options: Options) -> Site {
        let std_listener =
            std::net::TcpListener::bind("127.0.0.1:0").expect("bind 127.0.0.1:0 for the test site");
        std_listener.set_nonblocking(true).unwrap();
        let inner = Arc::new(Inner::new(
            std_listener.local_addr().unwrap().port(),
            options,
        ));
        let (tx, rx) = tokio::sync::oneshot::channel();
        let app = router(inner.clone());
        let thread = std::thread::spawn(move || {
            let rt = tokio::runtime::Builder::new_multi_thread()
                .worker_threads(2)
                .enable_all()
                .build()
                .expect("runtime for the test site");
            rt.block_on(async move {
                let listener = tokio::net::TcpListener::from_std(std_listener).unwrap();
                serve(listener, app, rx).await;
            });
            // Endless bodies still held by a client would keep a graceful shutdown waiting.
            rt.shutdown_timeout(Duration::from_millis(100));
        });
        Site {
            inner,
            runner: Runner::Thread(Some(thread), Some(tx)),
        }
    }

    /// "http://127.0.0.1:PORT", no trailing slash.
    pub fn base(&self) -> &str {
        &self.inner.base
    }

    /// `base()` + `path`.
    pub fn url(&self, path: &str) -> String {
        format!("{}{}", self.inner.base, path)
    }

    /// Every request so far, in arrival order.
    pub fn requests(&self) -> Vec<Request> {
        self.inner.log.lock().unwrap().clone()
    }

    /// Requests whose path (query ignored) is `path`.
    pub fn count(&self, path: &str) -> usize {
        let log = self.inner.log.lock().unwrap();
        log.iter().filter(|r| r.path() == path).count()
    }

    /// Requests whose path and query are exactly `path_and_query`.
    pub fn count_exact(&self, path_and_query: &str) -> usize {
        let log = self.inner.log.lock().unwrap();
        log.iter()
            .filter(|r| r.path_and_query == path_and_query)
            .count()
    }

    pub fn clear_log(&self) {
        self.inner.log.lock().unwrap().clear();
    }

    /// Stops accepting connections and ends the endless bodies. Also done on drop.
    pub fn stop(mut self) {
        self.shutdown();
    }

    fn shutdown(&mut self) {
        self.inner.stopped.store(true, Ordering::SeqCst);
        match &mut self.runner {
            Runner::Task(task, tx) => {
                if let Some(tx) = tx.take() {
                    let _ = tx.send(());
                }
                task.abort();
            }
            Runner::Thread(thread, tx) => {
                if let Some(tx) = tx.take() {
                    let _ = tx.send(());
                }
                if let Some(thread) = thread.take() {
                    let _ = thread.join();
                }
            }
        }
    }
}

impl Drop for Site {
    fn drop(&mut self) {
        self.shutdown();
    }
}

async fn serve(
    listener: tokio::net::TcpListener,
    app: Router,
    rx: tokio::sync::oneshot::Receiver<()>,
) {
    // Not graceful: a client stuck on the trickle must not keep the server alive.
    tokio::select! {
        r = axum::serve(listener, app) => { let _ = r; }
        _ = rx => {}
    }
}

fn router(inner: Arc<Inner>) -> Router {
    Router::new().fallback(move |req: axum::extract::Request| {
        let inner = inner.clone();
        async move { inner.handle(req).await }
    })
}

fn fixture_root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/site")
}

fn replace_base(bytes: &[u8], base: &str) -> Vec<u8> {
    const MARK: &[u8] = b"{{BASE}}";
    let mut out = Vec::with_capacity(bytes.len() + 64);
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i..].starts_with(MARK) {
            out.extend_from_slice(base.as_bytes());
            i += MARK.len();
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    out
}

fn bomb() -> &'static Bytes {
    static BOMB: OnceLock<Bytes> = OnceLock::new();
    BOMB.get_or_init(|| {
        let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
        let head = b"<!DOCTYPE html><html><head><title>bomb</title></head><body><p>";
        enc.write_all(head).unwrap();
        let chunk = vec![b'0'; 1 << 20];
        let mut left = BOMB_BYTES - head.len();
        while left > 0 {
            let n = left.min(chunk.len());
            enc.write_all(&chunk[..n]).unwrap();
            left -= n;
        }
        Bytes::from(enc.finish().unwrap())
    })
}

fn pdf() -> Bytes {
    Bytes::from_static(
        b"%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n",
    )
}

fn respond(status: StatusCode, headers: &[(header::HeaderName, String)], body: Body) -> Response {
    let mut resp = Response::new(body);
    *resp.status_mut() = status;
    for (name, value) in headers {
        if let Ok(v) = HeaderValue::from_str(value) {
            resp.headers_mut().insert(name.clone(), v);
        }
    }
    resp
}

fn content_type(path: &str, body: &[u8]) -> &'static str {
    if path.ends_with(".xml") {
        if path.starts_with("/rss") {
            "application/rss+xml; charset=utf-8"
        } else {
            "application/xml; charset=utf-8"
        }
    } else if path.ends_with(".txt") {
        "text/plain; charset=utf-8"
    } else if std::str::from_utf8(body).is_ok() {
        "text/html; charset=utf-8"
    } else {
        "text/html; charset=windows-1251"
    }
}

impl Inner {
    fn new(port: u16, options: Options) -> Inner {
        let base = format!("http://127.0.0.1:{port}");
        let root = fixture_root();
        let sitemap =
            std::fs::read(root.join("sitemap-2.xml")).expect("tests/fixtures/site/sitemap-2.xml");
        let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
        enc.write_all(&replace_base(&sitemap, &base)).unwrap();
        Inner {
            base,
            options,
            root,
            log: Mutex::new(Vec::new()),
            hits: Mutex::new(HashMap::new()),
            sitemap_gz: enc.finish().unwrap(),
            stopped: AtomicBool::new(false),
        }
    }

    /// How many times `path` was asked for, this request included.
    fn hit(&self, path: &str) -> u32 {
        let mut hits = self.hits.lock().unwrap();
        let n = hits.entry(path.to_string()).or_insert(0);
        *n += 1;
        *n
    }

    async fn handle(self: Arc<Self>, req: axum::extract::Request) -> Response {
        let path_and_query = req
            .uri()
            .path_and_query()
            .map(|p| p.as_str().to_string())
            .unwrap_or_else(|| "/".into());
        let path = req.uri().path().to_string();
        let headers = req.headers().clone();
        self.log.lock().unwrap().push(Request {
            method: req.method().to_string(),
            path_and_query,
            headers: headers
                .iter()
                .map(|(n, v)| {
                    (
                        n.as_str().to_string(),
                        String::from_utf8_lossy(v.as_bytes()).into_owned(),
                    )
                })
                .collect(),
            at: Instant::now(),
        });
        let html = || (header::CONTENT_TYPE, "text/html; charset=utf-8".to_string());
        match path.as_str() {
            "/trap/loop-a" => respond(
                StatusCode::FOUND,
                &[(header::LOCATION, "/trap/loop-b".into())],
                Body::empty(),
            ),
            "/trap/loop-b" => respond(
                StatusCode::FOUND,
                &[(header::LOCATION, "/trap/loop-a".into())],
                Body::empty(),
            ),
            "/news/old/almaty-patrol-bribe.html" => respond(
                StatusCode::MOVED_PERMANENTLY,
                &[(
                    header::LOCATION,
                    format!("{}/news/almaty-patrol-bribe.html", self.base),
                )],
                Body::empty(),
            ),
            "/flaky/503-then-200.html" if self.hit(&path) == 1 => respond(
                StatusCode::SERVICE_UNAVAILABLE,
                &[html()],
                Body::from("<h1>503 Service Unavailable</h1>"),
            ),
            "/flaky/429.html" if self.hit(&path) == 1 => respond(
                StatusCode::TOO_MANY_REQUESTS,
                &[html(), (header::RETRY_AFTER, "1".into())],
                Body::from("<h1>429 Too Many Requests</h1>"),
            ),
            "/trap/trickle.html" => {
                let me = self.clone();
                let stream = futures_util::stream::unfold(0u64, move |i| {
                    let me = me.clone();
                    async move {
                        if i > 0 {
                            tokio::time::sleep(Duration::from_millis(500)).await;
                        }
                        if me.stopped.load(Ordering::SeqCst) {
                            return None;
                        }
                        let byte: &'static [u8] = if i == 0 { b"<" } else { b" " };
                        Some((Ok::<_, std::io::Error>(Bytes::from_static(byte)), i + 1))
                    }
                });
                respond(StatusCode::OK, &[html()], Body::from_stream(stream))
            }
            "/trap/bomb.html" => {
                let body = tokio::task::spawn_blocking(|| bomb().clone())
                    .await
                    .unwrap();
                respond(
                    StatusCode::OK,
                    &[html(), (header::CONTENT_ENCODING, "gzip".into())],
                    Body::from(body),
                )
            }
            "/trap/huge.html" => {
                const CHUNK: &[u8] = b"<p>aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa</p>\n";
                let block = Bytes::from(CHUNK.repeat(65536 / CHUNK.len()));
                let me = self.clone();
                let stream = futures_util::stream::unfold(0u64, move |sent| {
                    let block = block.clone();
                    let me = me.clone();
                    async move {
                        if sent >= HUGE_BYTES || me.stopped.load(Ordering::SeqCst) {
                            return None;
                        }
                        let n = (HUGE_BYTES - sent).min(block.len() as u64) as usize;
                        Some((Ok::<_, std::io::Error>(block.slice(..n)), sent + n as u64))
                    }
                });
                respond(StatusCode::OK, &[html()], Body::from_stream(stream))
            }
            "/doc.pdf" => respond(
                StatusCode::OK,
                &[(header::CONTENT_TYPE, "application/pdf".into())],
                Body::from(pdf()),
            ),
            "/sitemap-2.xml.gz" => self.conditional(
                &headers,
                "/sitemap-2.xml.gz",
                self.sitemap_gz.clone(),
                "application/x-gzip",
            ),
            "/robots.txt" => {
                let text = match &self.options.robots {
                    Some(t) => t.clone(),
                    None => {
                        let file = std::fs::read_to_string(self.root.join("robots.txt"))
                            .unwrap_or_default();
                        file.lines()
                            .filter_map(|l| {
                                if l.to_ascii_lowercase().starts_with("crawl-delay:") {
                                    self.options
                                        .crawl_delay
                                        .map(|d| format!("Crawl-delay: {d}"))
                                } else {
                                    Some(l.to_string())
                                }
                            })
                            .collect::<Vec<_>>()
                            .join("\n")
                            + "\n"
                    }
                };
                let body = replace_base(text.as_bytes(), &self.base);
                self.conditional(&headers, &path, body, "text/plain; charset=utf-8")
            }
            _ => self.static_file(&headers, &path),
        }
    }

    fn static_file(&self, headers: &HeaderMap, path: &str) -> Response {
        let rel = if path.ends_with('/') {
            format!("{path}index.html")
        } else {
            path.to_string()
        };
        let rel = rel.trim_start_matches('/');
        if rel.split('/').any(|s| s == ".." || s.is_empty()) {
            return not_found();
        }
        match std::fs::read(self.root.join(rel)) {
            Ok(bytes) => {
                let body = replace_base(&bytes, &self.base);
                let ct = content_type(path, &body);
                self.conditional(headers, path, body, ct)
            }
            Err(_) => not_found(),
        }
    }

    /// 200 with validators, or 304 when the request's validators match.
    fn conditional(&self, headers: &HeaderMap, path: &str, body: Vec<u8>, ct: &str) -> Response {
        let etag = format!("\"{:016x}\"", fnv(path.as_bytes(), &body));
        let validators = [
            (header::ETAG, etag.clone()),
            (header::LAST_MODIFIED, LAST_MODIFIED.to_string()),
        ];
        let inm = headers
            .get(header::IF_NONE_MATCH)
            .and_then(|v| v.to_str().ok());
        let not_modified = match inm {
            Some(inm) => inm.split(',').any(|t| t.trim() == etag || t.trim() == "*"),
            None => headers
                .get(header::IF_MODIFIED_SINCE)
                .and_then(|v| v.to_str().ok())
                .and_then(|v| httpdate::parse_http_date(v).ok())
                .map(|since| since >= last_modified())
                .unwrap_or(false),
        };
        if not_modified {
            return respond(StatusCode::NOT_MODIFIED, &validators, Body::empty());
        }
        let mut all = validators.to_vec();
        all.push((header::CONTENT_TYPE, ct.to_string()));
        respond(StatusCode::OK, &all, Body::from(body))
    }
}

fn last_modified() -> SystemTime {
    httpdate::parse_http_date(LAST_MODIFIED).unwrap()
}

fn fnv(a: &[u8], b: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf29ce484222325;
    for &x in a.iter().chain(b) {
        h ^= x as u64;
        h = h.wrapping_mul(0x100000001b3);
    }
    h
}

fn not_found() -> Response {
    respond(
        StatusCode::NOT_FOUND,
        &[(header::CONTENT_TYPE, "text/html; charset=utf-8".into())],
        Body::from("<h1>404 Not Found</h1>"),
    )
}
