//! robots.txt: fetched once per origin per run and asked before every request.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use texting_robots::Robot;
use tokio::sync::OnceCell;
use tokio::time::Instant;
use url::Url;

use super::fetch::{FetchError, Fetched, Fetcher};

/// robots.txt files are small; Google reads at most 500 KiB of one.
const MAX_ROBOTS_BYTES: u64 = 512 * 1024;

/// After a 5xx, how long the origin is treated as disallowed before robots.txt is asked again.
const RETRY_UNAVAILABLE: Duration = Duration::from_secs(300);

/// A Crawl-delay beyond this is treated as this, so one odd robots.txt cannot park a host
/// for days.
const MAX_CRAWL_DELAY: Duration = Duration::from_secs(3600);

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verdict {
    Allowed,
    Disallowed,
    /// robots.txt answered with a server error: do not fetch now, ask again later.
    RetryLater,
}

enum Rules {
    Parsed(Robot),
    AllowAll,
    /// The server failed; expires at the given moment.
    Unavailable(Instant),
}

type Entry = Arc<OnceCell<Rules>>;

pub struct Robots {
    agent: String,
    origins: Mutex<HashMap<String, Entry>>,
}

impl Robots {
    /// `user_agent` is the full User-Agent header; rules are matched on its product token
    /// ("dozor" in "dozor/0.1 (+https://…)"), as robots.txt groups name it.
    pub fn new(user_agent: &str) -> Robots {
        let agent = user_agent
            .split_whitespace()
            .next()
            .unwrap_or("")
            .split('/')
            .next()
            .unwrap_or("")
            .to_string();
        let agent = if agent.is_empty() {
            "*".to_string()
        } else {
            agent
        };
        Robots {
            agent,
            origins: Mutex::new(HashMap::new()),
        }
    }

    /// May `url` be fetched, and with what Crawl-delay for its host?
    pub async fn check(&self, fetcher: &Fetcher, url: &Url) -> (Verdict, Option<Duration>) {
        let origin = url.origin().ascii_serialization();
        let entry = self.entry(&origin);
        // Concurrent callers for one origin wait here for a single fetch.
        let rules = entry.get_or_init(|| self.load(fetcher, url)).await;
        match rules {
            Rules::Parsed(robot) => {
                let verdict = if robot.allowed(url.as_str()) {
                    Verdict::Allowed
                } else {
                    Verdict::Disallowed
                };
                (verdict, crawl_delay(robot.delay))
            }
            Rules::AllowAll => (Verdict::Allowed, None),
            Rules::Unavailable(_) => (Verdict::RetryLater, None),
        }
    }

    /// Sitemap: lines of the origin's robots.txt, once it has been read by [`Robots::check`].
    /// `origin` may be an origin ("https://example.kz") or any URL on it.
    pub fn sitemaps(&self, origin: &str) -> Vec<Url> {
        let key = match Url::parse(origin) {
            Ok(u) => u.origin().ascii_serialization(),
            Err(_) => origin.trim_end_matches('/').to_string(),
        };
        let origins = self.origins.lock().unwrap_or_else(|p| p.into_inner());
        match origins.get(&key).and_then(|e| e.get()) {
            Some(Rules::Parsed(robot)) => robot
                .sitemaps
                .iter()
                .filter_map(|s| Url::parse(s.trim()).ok())
                .collect(),
            _ => Vec::new(),
        }
    }

    /// The origin's cache cell, replaced by a fresh one when a past server error has expired.
    fn entry(&self, origin: &str) -> Entry {
        let mut origins = self.origins.lock().unwrap_or_else(|p| p.into_inner());
        if let Some(entry) = origins.get(origin) {
            let expired =
                matches!(entry.get(), Some(Rules::Unavailable(until)) if Instant::now() >= *until);
            if !expired {
                return entry.clone();
            }
        }
        let entry: Entry = Arc::new(OnceCell::new());
        origins.insert(origin.to_string(), entry.clone());
        entry
    }

    async fn load(&self, fetcher: &Fetcher, url: &Url) -> Rules {
        let robots_url = match url.join("/robots.txt") {
            Ok(u) => u,
            Err(_) => return Rules::AllowAll,
        };
        match fetcher
            .get_limited(&robots_url, None, MAX_ROBOTS_BYTES)
            .await
        {
            Ok(Fetched::Body { body, .. }) => match Robot::new(&self.agent, &body) {
                Ok(robot) => Rules::Parsed(robot),
                Err(e) => {
                    tracing::warn!(url = %robots_url, "robots.txt cannot be parsed, treating the site as open: {e}");
                    Rules::AllowAll
                }
            },
            Ok(_) => Rules::AllowAll,
            // A server error (or "too many requests") may hide rules we must obey: wait.
            Err(failure) if matches!(failure.status, Some(s) if s == 429 || s >= 500) => {
                tracing::warn!(url = %robots_url, "robots.txt unavailable ({}); the site is not crawled until it answers", failure.error);
                Rules::Unavailable(Instant::now() + RETRY_UNAVAILABLE)
            }
            // Missing (4xx) or unreachable robots.txt means no rules.
            Err(failure) => {
                if let FetchError::Retry { reason, .. } = &failure.error {
                    tracing::info!(url = %robots_url, "robots.txt unreachable, treating the site as open: {reason}");
                }
                Rules::AllowAll
            }
        }
    }
}

fn crawl_delay(seconds: Option<f32>) -> Option<Duration> {
    let s = seconds?;
    if !s.is_finite() || s <= 0.0 {
        return None;
    }
    // Clamp before converting: Duration panics on values it cannot hold.
    let secs = f64::from(s).min(MAX_CRAWL_DELAY.as_secs_f64());
    Some(Duration::from_secs_f64(secs))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn agent_token_from_user_agent() {
        assert_eq!(
            Robots::new("dozor/0.1.0 (+https://github.com/dozor-kz/dozor)").agent,
            "dozor"
        );
        assert_eq!(Robots::new("").agent, "*");
    }

    #[test]
    fn odd_crawl_delays() {
        assert_eq!(crawl_delay(None), None);
        assert_eq!(crawl_delay(Some(f32::NAN)), None);
        assert_eq!(crawl_delay(Some(-3.0)), None);
        assert_eq!(crawl_delay(Some(1e30)), Some(MAX_CRAWL_DELAY));
        assert_eq!(crawl_delay(Some(1.5)), Some(Duration::from_millis(1500)));
    }
}
