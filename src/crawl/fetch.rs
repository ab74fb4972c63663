//! One HTTP GET, done the way a polite crawler must: bounded in time and size, with
//! redirects checked, conditional requests, and every failure sorted into "try again
//! later" or "give up".

use std::time::{Duration, SystemTime};

use reqwest::header::{
    HeaderMap, HeaderValue, CONTENT_TYPE, ETAG, IF_MODIFIED_SINCE, IF_NONE_MATCH, LAST_MODIFIED,
    RETRY_AFTER,
};
use reqwest::{redirect, StatusCode};
use url::Url;

/// Redirects followed before giving up; browsers use about 20, ten is plenty for news sites.
pub const MAX_REDIRECTS: usize = 10;

/// Longest wait a server's Retry-After may impose: beyond that the URL is better retried in
/// a later run than held in the frontier.
const MAX_RETRY_AFTER: Duration = Duration::from_secs(3600);

/// Longest exponential backoff between attempts.
const MAX_BACKOFF: Duration = Duration::from_secs(600);

#[derive(Debug, Clone)]
pub struct FetchConfig {
    pub user_agent: String,
    /// Whole request: connecting, headers and reading the body.
    pub timeout: Duration,
    pub connect_timeout: Duration,
    /// Decoded body size; the rest is not read.
    pub max_bytes: u64,
}

/// What a server said about a page's version, sent back to ask "has it changed?".
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Validators {
    pub etag: Option<String>,
    pub last_modified: Option<String>,
}

#[derive(Debug, Clone)]
pub enum Fetched {
    Body {
        final_url: Url,
        status: u16,
        content_type: Option<String>,
        body: Vec<u8>,
        /// The body was longer than `max_bytes` and only its start is here.
        truncated: bool,
        validators: Validators,
    },
    /// 304: the stored copy is current.
    NotModified { final_url: Url },
    /// Not a kind of document dozor reads (PDF, image, …); the body was not downloaded.
    Skipped {
        final_url: Url,
        content_type: String,
    },
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FetchError {
    /// Worth trying again: the network or the server may be better later.
    Retry {
        reason: String,
        retry_after: Option<Duration>,
    },
    /// Trying again will give the same answer.
    Fatal { reason: String },
}

impl std::fmt::Display for FetchError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            FetchError::Retry {
                reason,
                retry_after: Some(after),
            } => write!(f, "{reason} (retry after {} s)", after.as_secs()),
            FetchError::Retry { reason, .. } => write!(f, "{reason} (will retry)"),
            FetchError::Fatal { reason } => f.write_str(reason),
        }
    }
}

impl std::error::Error for FetchError {}

/// A failure with the HTTP status that caused it, for callers (robots.txt) that treat
/// a 5xx differently from an unreachable host.
#[derive(Debug)]
pub(crate) struct Failure {
    pub(crate) error: FetchError,
    pub(crate) status: Option<u16>,
}

impl Failure {
    fn new(error: FetchError) -> Failure {
        Failure {
            error,
            status: None,
        }
    }
}

/// Raised from the redirect policy so its text reaches the caller unchanged.
#[derive(Debug)]
struct RedirectRefused(String);

impl std::fmt::Display for RedirectRefused {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for RedirectRefused {}

pub struct Fetcher {
    client: reqwest::Client,
    cfg: FetchConfig,
}

impl Fetcher {
    pub fn new(cfg: FetchConfig) -> anyhow::Result<Fetcher> {
        let client = reqwest::Client::builder()
            .user_agent(cfg.user_agent.clone())
            .gzip(true)
            .brotli(true)
            .deflate(true)
            .connect_timeout(cfg.connect_timeout)
            .timeout(cfg.timeout)
            .redirect(redirect::Policy::custom(check_redirect))
            .build()
            .map_err(|e| anyhow::anyhow!("cannot set up the HTTP client: {e}"))?;
        Ok(Fetcher { client, cfg })
    }

    pub fn config(&self) -> &FetchConfig {
        &self.cfg
    }

    /// GET `url`, sending `validators` as a conditional request when given.
    pub async fn get(
        &self,
        url: &Url,
        validators: Option<&Validators>,
    ) -> Result<Fetched, FetchError> {
        self.get_limited(url, validators, self.cfg.max_bytes)
            .await
            .map_err(|f| f.error)
    }

    /// [`Fetcher::get`] with another size limit (robots.txt is read with a small one).
    pub(crate) async fn get_limited(
        &self,
        url: &Url,
        validators: Option<&Validators>,
        max_bytes: u64,
    ) -> Result<Fetched, Failure> {
        // reqwest's own timeout covers the body too, but an outer deadline makes sure a
        // server trickling a byte at a time can never hold a worker past `timeout`.
        match tokio::time::timeout(self.cfg.timeout, self.run(url, validators, max_bytes)).await {
            Ok(result) => result,
            Err(_) => Err(Failure::new(FetchError::Retry {
                reason: format!(
                    "timed out after {} s fetching {url}",
                    self.cfg.timeout.as_secs_f64()
                ),
                retry_after: None,
            })),
        }
    }

    async fn run(
        &self,
        url: &Url,
        validators: Option<&Validators>,
        max_bytes: u64,
    ) -> Result<Fetched, Failure> {
        let mut request = self.client.get(url.as_str());
        if let Some(v) = validators {
            if let Some(etag) = v.etag.as_deref().and_then(header_value) {
                request = request.header(IF_NONE_MATCH, etag);
            }
            if let Some(lm) = v.last_modified.as_deref().and_then(header_value) {
                request = request.header(IF_MODIFIED_SINCE, lm);
            }
        }
        let mut response = request
            .send()
            .await
            .map_err(|e| Failure::new(classify_error(&e, url)))?;

        let final_url = response.url().clone();
        let status = response.status();
        if status == StatusCode::NOT_MODIFIED {
            return Ok(Fetched::NotModified { final_url });
        }
        if let Some(error) = classify_status(status, response.headers()) {
            return Err(Failure {
                error,
                status: Some(status.as_u16()),
            });
        }

        let content_type = response
            .headers()
            .get(CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .map(|s| s.trim().to_string())
            .filter(|s| !s.is_empty());
        if let Some(ct) = &content_type {
            if !readable_content_type(ct, &final_url) {
                return Ok(Fetched::Skipped {
                    final_url,
                    content_type: ct.clone(),
                });
            }
        }
        let validators = Validators {
            etag: header_string(response.headers(), ETAG),
            last_modified: header_string(response.headers(), LAST_MODIFIED),
        };

        let mut body = Vec::new();
        let mut truncated = false;
        // Read the decoded body chunk by chunk so a huge page or a gzip bomb never sits in
        // memory beyond `max_bytes`; dropping the response closes the connection.
        while let Some(chunk) = response
            .chunk()
            .await
            .map_err(|e| Failure::new(classify_error(&e, &final_url)))?
        {
            let room = max_bytes.saturating_sub(body.len() as u64) as usize;
            if chunk.len() > room {
                body.extend_from_slice(&chunk[..room]);
                truncated = true;
                break;
            }
            body.extend_from_slice(&chunk);
        }
        if truncated {
            tracing::warn!(
                url = %final_url,
                max_bytes,
                "page is larger than max_page_bytes: kept only its first {max_bytes} bytes"
            );
        }
        Ok(Fetched::Body {
            final_url,
            status: status.as_u16(),
            content_type,
            body,
            truncated,
            validators,
        })
    }
}

/// Wait before attempt number `attempt + 1` (the first retry is `attempt = 0`):
/// exponential from one second, capped at ten minutes, with ±25 % jitter so many failed
/// URLs of one host do not come back all at once. A server's Retry-After wins.
pub fn backoff(attempt: u32, retry_after: Option<Duration>) -> Duration {
    if let Some(after) = retry_after {
        return after.min(MAX_RETRY_AFTER);
    }
    let base = Duration::from_secs(1u64 << attempt.min(20)).min(MAX_BACKOFF);
    let factor = 0.75 + fastrand::f64() * 0.5;
    base.mul_f64(factor)
}

fn check_redirect(attempt: redirect::Attempt) -> redirect::Action {
    let next = attempt.url();
    // `previous` holds the first URL and every redirect target so far.
    if attempt.previous().iter().any(|seen| seen == next) {
        let chain: Vec<&str> = attempt
            .previous()
            .iter()
            .chain(std::iter::once(next))
            .map(|u| u.as_str())
            .collect();
        let message = format!("redirect loop: {}", chain.join(" → "));
        return attempt.error(RedirectRefused(message));
    }
    if attempt.previous().len() > MAX_REDIRECTS {
        let first = attempt.previous()[0].to_string();
        let message =
            format!("more than {MAX_REDIRECTS} redirects starting at {first}, last to {next}");
        return attempt.error(RedirectRefused(message));
    }
    attempt.follow()
}

fn classify_error(e: &reqwest::Error, url: &Url) -> FetchError {
    let mut source: Option<&(dyn std::error::Error + 'static)> = std::error::Error::source(e);
    while let Some(s) = source {
        if let Some(refused) = s.downcast_ref::<RedirectRefused>() {
            return FetchError::Fatal {
                reason: refused.0.clone(),
            };
        }
        source = s.source();
    }
    if e.is_redirect() {
        return FetchError::Fatal {
            reason: format!("bad redirect from {url}: {}", error_chain(e)),
        };
    }
    if e.is_builder() {
        return FetchError::Fatal {
            reason: format!("cannot request {url}: {}", error_chain(e)),
        };
    }
    // A timeout or a dropped connection mid-body also surfaces as a decode error, since
    // the body runs through the decompressor; only corrupt data is worth giving up on.
    if e.is_decode() && !e.is_timeout() && has_invalid_data(e) {
        return FetchError::Fatal {
            reason: format!(
                "the body of {url} cannot be decoded (bad compression?): {}",
                error_chain(e)
            ),
        };
    }
    let what = if e.is_timeout() {
        "timed out"
    } else if e.is_connect() {
        "cannot connect"
    } else {
        "network error"
    };
    FetchError::Retry {
        reason: format!("{what} fetching {url}: {}", error_chain(e)),
        retry_after: None,
    }
}

fn has_invalid_data(e: &reqwest::Error) -> bool {
    let mut source: Option<&(dyn std::error::Error + 'static)> = std::error::Error::source(e);
    while let Some(s) = source {
        if let Some(io) = s.downcast_ref::<std::io::Error>() {
            if io.kind() == std::io::ErrorKind::InvalidData {
                return true;
            }
        }
        source = s.source();
    }
    false
}

/// reqwest's top-level message is generic ("error sending request"); the cause is below.
fn error_chain(e: &dyn std::error::Error) -> String {
    let mut text = e.to_string();
    let mut source = e.source();
    while let Some(s) = source {
        let part = s.to_string();
        if !text.contains(&part) {
            text.push_str(": ");
            text.push_str(&part);
        }
        source = s.source();
    }
    text
}

/// `None` when the status means a usable body follows.
fn classify_status(status: StatusCode, headers: &HeaderMap) -> Option<FetchError> {
    let code = status.as_u16();
    if status.is_success() {
        return None;
    }
    let reason = match status.canonical_reason() {
        Some(text) => format!("HTTP {code} {text}"),
        None => format!("HTTP {code}"),
    };
    if code == 429 || status.is_server_error() {
        return Some(FetchError::Retry {
            reason,
            retry_after: headers
                .get(RETRY_AFTER)
                .and_then(|v| v.to_str().ok())
                .and_then(parse_retry_after),
        });
    }
    if status.is_redirection() {
        return Some(FetchError::Fatal {
            reason: format!("{reason} without a usable Location header"),
        });
    }
    Some(FetchError::Fatal { reason })
}

/// Retry-After is either delay-seconds or an HTTP-date.
fn parse_retry_after(value: &str) -> Option<Duration> {
    let value = value.trim();
    let after = if let Ok(secs) = value.parse::<u64>() {
        Duration::from_secs(secs)
    } else {
        let at = httpdate::parse_http_date(value).ok()?;
        at.duration_since(SystemTime::now())
            .unwrap_or(Duration::ZERO)
    };
    Some(after.min(MAX_RETRY_AFTER))
}

/// Documents dozor can read: HTML, XML and its feeds, plain text, and gzip files (sitemaps
/// are often served as `.xml.gz`). Everything else would be downloaded for nothing.
fn readable_content_type(content_type: &str, url: &Url) -> bool {
    let mime = content_type
        .split(';')
        .next()
        .unwrap_or("")
        .trim()
        .to_ascii_lowercase();
    match mime.as_str() {
        ""
        | "text/html"
        | "text/plain"
        | "text/xml"
        | "application/xml"
        | "application/xhtml+xml"
        | "application/rss"
        | "application/x-rss"
        | "application/gzip"
        | "application/x-gzip" => true,
        // Some servers label gzipped sitemaps as a generic binary.
        "application/octet-stream" => url.path().ends_with(".gz"),
        m => m.ends_with("+xml"),
    }
}

fn header_value(s: &str) -> Option<HeaderValue> {
    HeaderValue::from_str(s).ok()
}

fn header_string(headers: &HeaderMap, name: reqwest::header::HeaderName) -> Option<String> {
    headers
        .get(name)
        .and_then(|v| v.to_str().ok())
        .map(|s| s.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn backoff_grows_and_is_capped() {
        for attempt in 0..6 {
            let d = backoff(attempt, None).as_secs_f64();
            let base = (1u64 << attempt) as f64;
            assert!(
                d >= base * 0.75 - 1e-9 && d <= base * 1.25 + 1e-9,
                "{attempt}: {d}"
            );
        }
        assert!(backoff(40, None) <= MAX_BACKOFF.mul_f64(1.25));
    }

    #[test]
    fn retry_after_wins_and_is_capped() {
        assert_eq!(
            backoff(3, Some(Duration::from_secs(7))),
            Duration::from_secs(7)
        );
        assert_eq!(
            backoff(0, Some(Duration::from_secs(1_000_000))),
            MAX_RETRY_AFTER
        );
    }

    #[test]
    fn retry_after_parses_seconds_and_dates() {
        assert_eq!(parse_retry_after("7"), Some(Duration::from_secs(7)));
        assert_eq!(
            parse_retry_after("Wed, 21 Oct 2015 07:28:00 GMT"),
            Some(Duration::ZERO)
        );
        let later = httpdate::fmt_http_date(SystemTime::now() + Duration::from_secs(120));
        let d = parse_retry_after(&later).unwrap();
        assert!(d <= Duration::from_secs(120) && d >= Duration::from_secs(110));
        assert_eq!(parse_retry_after("soon"), None);
    }

    #[test]
    fn content_types() {
        let page = Url::parse("http://x/a").unwrap();
        let gz = Url::parse("http://x/sitemap.xml.gz").unwrap();
        for ct in [
            "text/html; charset=utf-8",
            "application/xhtml+xml",
            "application/rss+xml",
            "application/atom+xml",
            "application/rdf+xml",
            "text/xml",
            "text/plain",
        ] {
            assert!(readable_content_type(ct, &page), "{ct}");
        }
        for ct in [
            "application/pdf",
            "image/jpeg",
            "video/mp4",
            "audio/mpeg",
            "application/zip",
            "application/octet-stream",
        ] {
            assert!(!readable_content_type(ct, &page), "{ct}");
        }
        assert!(readable_content_type("application/octet-stream", &gz));
    }
}
