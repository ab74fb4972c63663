//! The crawl frontier on disk: per canonical URL its state, priority, depth, attempts and
//! next fetch time, so that a crawl killed at any moment resumes where it stopped.
//!
//! Two trees kept in step by one transaction per change: `frontier` (URL → entry) and
//! `frontier_due` (priority, next fetch time, URL → nothing), which holds exactly the
//! queued entries in the order they are wanted. Asking what is due reads the front of
//! the index; it never scans the frontier. Counts per state live in the `meta` tree and
//! change in the same transactions.

use serde::{Deserialize, Serialize};
use sled::transaction::{ConflictableTransactionError, TransactionError, Transactional};
use sled::Tree;

use super::StoreError;

/// What kind of URL an entry is, which decides what is done with its page.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum UrlKind {
    /// A configured start URL (feed, sitemap or listing): fetched again on schedule.
    Start,
    /// A sitemap of an index, or the next page of a listing.
    Listing,
    /// Named an article by a feed or sitemap.
    Article,
    /// A link found on a page: the page itself will tell.
    Unknown,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum State {
    Queued,
    Fetched,
    Failed,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FrontierEntry {
    pub url: String,
    pub source: String,
    pub kind: UrlKind,
    pub depth: u32,
    pub state: State,
    pub attempts: u32,
    /// When it is due (queued) or was last done (fetched, failed), in Unix milliseconds.
    pub next_fetch_ms: u64,
    /// Lower is sooner.
    pub priority: u8,
    pub last_error: Option<String>,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct FrontierCounts {
    pub queued: u64,
    pub fetched: u64,
    pub failed: u64,
}

pub struct Frontier {
    entries: Tree,
    due: Tree,
    meta: Tree,
}

fn due_key(e: &FrontierEntry) -> Vec<u8> {
    let mut k = Vec::with_capacity(9 + e.url.len());
    k.push(e.priority);
    k.extend_from_slice(&e.next_fetch_ms.to_be_bytes());
    k.extend_from_slice(e.url.as_bytes());
    k
}

fn counter(state: State) -> &'static [u8] {
    match state {
        State::Queued => b"frontier.queued",
        State::Fetched => b"frontier.fetched",
        State::Failed => b"frontier.failed",
    }
}

fn read_u64(v: Option<sled::IVec>) -> u64 {
    v.and_then(|b| <[u8; 8]>::try_from(b.as_ref()).ok())
        .map_or(0, u64::from_be_bytes)
}

impl Frontier {
    pub(super) fn new(entries: Tree, due: Tree, meta: Tree) -> Frontier {
        Frontier { entries, due, meta }
    }

    /// Changes one entry, its index key and the counts together. `f` gets the entry as
    /// stored (or `None`) and returns the new one, or `None` to leave it as it is.
    fn update<F>(&self, url: &str, f: F) -> Result<bool, StoreError>
    where
        F: Fn(Option<FrontierEntry>) -> Option<FrontierEntry>,
    {
        let r = (&self.entries, &self.due, &self.meta).transaction(|(entries, due, meta)| {
            let old = match entries.get(url.as_bytes())? {
                Some(b) => Some(
                    serde_json::from_slice::<FrontierEntry>(&b)
                        .map_err(|e| ConflictableTransactionError::Abort(e.to_string()))?,
                ),
                None => None,
            };
            let Some(new) = f(old.clone()) else {
                return Ok(false);
            };
            if let Some(o) = &old {
                if o.state == State::Queued {
                    due.remove(due_key(o))?;
                }
                let k = counter(o.state);
                let n = read_u64(meta.get(k)?);
                meta.insert(k, &n.saturating_sub(1).to_be_bytes())?;
            }
            if new.state == State::Queued {
                due.insert(due_key(&new), &[])?;
            }
            let k = counter(new.state);
            let n = read_u64(meta.get(k)?);
            meta.insert(k, &(n + 1).to_be_bytes())?;
            let bytes = serde_json::to_vec(&new)
                .map_err(|e| ConflictableTransactionError::Abort(e.to_string()))?;
            entries.insert(url.as_bytes(), bytes)?;
            Ok(true)
        });
        match r {
            Ok(changed) => Ok(changed),
            Err(TransactionError::Abort(detail)) => Err(StoreError::Codec {
                key: url.to_string(),
                detail,
            }),
            Err(TransactionError::Storage(e)) => Err(StoreError::Db(e)),
        }
    }

    /// Queues a URL not seen before; a known URL is left as it is. Returns whether it was
    /// new.
    pub fn offer(
        &self,
        url: &str,
        source: &str,
        kind: UrlKind,
        depth: u32,
        priority: u8,
        now_ms: u64,
    ) -> Result<bool, StoreError> {
        if self.entries.contains_key(url.as_bytes())? {
            return Ok(false);
        }
        self.update(url, |old| {
            old.is_none().then(|| FrontierEntry {
                url: url.to_string(),
                source: source.to_string(),
                kind,
                depth,
                state: State::Queued,
                attempts: 0,
                next_fetch_ms: now_ms,
                priority,
                last_error: None,
            })
        })
    }

    /// Queues a known URL again at `at_ms` (a start URL due for its recrawl, a page whose
    /// sitemap lastmod says it changed).
    pub fn requeue(&self, url: &str, at_ms: u64) -> Result<(), StoreError> {
        self.update(url, |old| {
            old.map(|mut e| {
                e.state = State::Queued;
                e.next_fetch_ms = at_ms;
                e.attempts = 0;
                e
            })
        })
        .map(|_| ())
    }

    /// The queued entries due at `now_ms`, most urgent priority first, then oldest first.
    pub fn due(&self, now_ms: u64, limit: usize) -> Result<Vec<FrontierEntry>, StoreError> {
        let mut out = Vec::new();
        let mut from: Vec<u8> = vec![0];
        while out.len() < limit {
            let Some(first) = self.due.range(from.as_slice()..).next() else {
                break;
            };
            let p = first?.0[0];
            let mut hi = vec![p];
            hi.extend_from_slice(&now_ms.saturating_add(1).to_be_bytes());
            for kv in self.due.range(vec![p]..hi) {
                let (k, _) = kv?;
                let url = String::from_utf8_lossy(&k[9..]).into_owned();
                if let Some(e) = self.get(&url)? {
                    out.push(e);
                }
                if out.len() >= limit {
                    break;
                }
            }
            if p == u8::MAX {
                break;
            }
            from = vec![p + 1];
        }
        Ok(out)
    }

    /// When the soonest queued entry falls due, if any is queued.
    pub fn next_due_at(&self) -> Result<Option<u64>, StoreError> {
        let mut soonest: Option<u64> = None;
        let mut from: Vec<u8> = vec![0];
        while let Some(kv) = self.due.range(from.as_slice()..).next() {
            let (k, _) = kv?;
            let at = u64::from_be_bytes(k[1..9].try_into().expect("index keys hold a time"));
            soonest = Some(soonest.map_or(at, |s| s.min(at)));
            if k[0] == u8::MAX {
                break;
            }
            from = vec![k[0] + 1];
        }
        Ok(soonest)
    }

    /// Done. `refetch_at_ms` queues it again then (a feed on its schedule).
    pub fn mark_fetched(&self, url: &str, refetch_at_ms: Option<u64>) -> Result<(), StoreError> {
        self.update(url, |old| {
            old.map(|mut e| {
                e.attempts = 0;
                e.last_error = None;
                match refetch_at_ms {
                    Some(at) => {
                        e.state = State::Queued;
                        e.next_fetch_ms = at;
                    }
                    None => e.state = State::Fetched,
                }
                e
            })
        })
        .map(|_| ())
    }

    /// Failed for now: try again at `at_ms`.
    pub fn mark_retry(&self, url: &str, at_ms: u64, reason: &str) -> Result<(), StoreError> {
        self.update(url, |old| {
            old.map(|mut e| {
                e.state = State::Queued;
                e.attempts += 1;
                e.next_fetch_ms = at_ms;
                e.last_error = Some(reason.to_string());
                e
            })
        })
        .map(|_| ())
    }

    /// Given up on, with the reason a person will read.
    pub fn mark_failed(&self, url: &str, reason: &str) -> Result<(), StoreError> {
        self.update(url, |old| {
            old.map(|mut e| {
                e.state = State::Failed;
                e.attempts += 1;
                e.last_error = Some(reason.to_string());
                e
            })
        })
        .map(|_| ())
    }

    pub fn get(&self, url: &str) -> Result<Option<FrontierEntry>, StoreError> {
        super::get_json(&self.entries, url)
    }

    pub fn counts(&self) -> Result<FrontierCounts, StoreError> {
        Ok(FrontierCounts {
            queued: read_u64(self.meta.get(counter(State::Queued))?),
            fetched: read_u64(self.meta.get(counter(State::Fetched))?),
            failed: read_u64(self.meta.get(counter(State::Failed))?),
        })
    }
}
