//! How hard one host is hit: at most `per_host` requests at a time, and request starts
//! spaced by the configured delay or the host's Crawl-delay, whichever is longer.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use tokio::sync::{OwnedSemaphorePermit, Semaphore};
use tokio::time::Instant;

struct Host {
    slots: Arc<Semaphore>,
    /// Earliest moment the next request to this host may start.
    next_start: Mutex<Instant>,
}

pub struct Hosts {
    per_host: usize,
    delay: Duration,
    hosts: Mutex<HashMap<String, Arc<Host>>>,
}

/// Holds one of the host's concurrency slots; dropping it frees the slot.
#[derive(Debug)]
pub struct HostPermit {
    _slot: OwnedSemaphorePermit,
}

impl Hosts {
    pub fn new(per_host: usize, delay: Duration) -> Hosts {
        Hosts {
            per_host: per_host.max(1),
            delay,
            hosts: Mutex::new(HashMap::new()),
        }
    }

    /// Wait until a request to `host` may start, then return the permit to hold while it
    /// runs. Waiters are served in arrival order (tokio's semaphore is fair).
    pub async fn acquire(&self, host: &str, crawl_delay: Option<Duration>) -> HostPermit {
        let state = self.host(host);
        let slot = state
            .slots
            .clone()
            .acquire_owned()
            .await
            .expect("host semaphores are never closed");
        let gap = self.delay.max(crawl_delay.unwrap_or(Duration::ZERO));
        // Reserve a start time under the lock, then sleep without it, so waiters for other
        // slots of the same host line up behind this one instead of all waking together.
        let start = {
            let mut next = state.next_start.lock().unwrap_or_else(|p| p.into_inner());
            let start = (*next).max(Instant::now());
            *next = start + gap;
            start
        };
        tokio::time::sleep_until(start).await;
        HostPermit { _slot: slot }
    }

    fn host(&self, host: &str) -> Arc<Host> {
        let mut hosts = self.hosts.lock().unwrap_or_else(|p| p.into_inner());
        if let Some(h) = hosts.get(host) {
            return h.clone();
        }
        let h = Arc::new(Host {
            slots: Arc::new(Semaphore::new(self.per_host)),
            next_start: Mutex::new(Instant::now()),
        });
        hosts.insert(host.to_string(), h.clone());
        h
    }
}
