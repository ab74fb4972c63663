//! One crawl: every source's start URLs and whatever is due in the frontier, fetched
//! politely, read, extracted and stored, until nothing is due or the page budget is spent.
//!
//! The frontier lives in the store, so a crawl killed at any moment resumes where it
//! stopped: an entry leaves the queue only when its result is written.

use std::collections::{BTreeMap, HashSet, VecDeque};
use std::sync::Arc;
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use anyhow::{Context, Result};
use tokio::sync::{watch, Semaphore};
use tokio::task::JoinSet;
use url::Url;

use super::discover::{self, Kind};
use super::fetch::{backoff, FetchConfig, FetchError, Fetched, Fetcher, Validators};
use super::politeness::Hosts;
use super::robots::{Robots, Verdict};
use super::url::canonicalize;
use crate::config::{Config, Source};
use crate::extract::{self, Lexicon};
use crate::store::{ArticleRecord, FrontierEntry, PageRecord, Store, UrlKind};

/// Feeds, sitemaps and listings first: they are how new articles are found.
const PRIORITY_START: u8 = 0;
const PRIORITY_LISTING: u8 = 1;
const PRIORITY_ARTICLE: u8 = 2;
const PRIORITY_OTHER: u8 = 3;

/// Due entries read from the frontier at a time.
const BATCH: usize = 512;

/// How often the frontier is read again when nothing was queued: retries fall due by time.
const REREAD: Duration = Duration::from_secs(1);

/// What one run did, for the person who started it.
#[derive(Debug, Default, Clone, serde::Serialize)]
pub struct Summary {
    pub fetched: u64,
    pub not_modified: u64,
    pub skipped_by_robots: u64,
    pub skipped_by_type: u64,
    pub retried: u64,
    /// Pages given up on, by reason.
    pub failed: BTreeMap<String, u64>,
    pub new_articles: u64,
    pub republished: u64,
    pub incidents: u64,
    pub statistics: u64,
    pub elapsed_secs: f64,
    /// Stopped by Ctrl-C or SIGTERM before the frontier was done.
    pub interrupted: bool,
}

impl Summary {
    pub fn failed_total(&self) -> u64 {
        self.failed.values().sum()
    }
}

/// Knobs of one run that the command line may set.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// Overrides `[crawl] max_pages`.
    pub max_pages: Option<u64>,
    /// Draw a progress bar on standard error (only when it is a terminal).
    pub progress: bool,
}

struct Ctx {
    /// Parsing and extraction are CPU work: no more of it at once than there are cores,
    /// or the pages waiting their turn pile up in memory on blocking threads.
    cpu: Arc<Semaphore>,
    cfg: Config,
    store: Arc<Store>,
    lex: Arc<Lexicon>,
    fetcher: Fetcher,
    robots: Robots,
    hosts: Hosts,
}

/// What became of one frontier entry.
enum Outcome {
    Page(Box<PageResult>),
    NotModified,
    SkippedType(String),
    Robots,
    Retry {
        reason: String,
        after: Option<Duration>,
    },
    Failed(String),
}

struct PageResult {
    page: PageRecord,
    article: Option<ArticleRecord>,
    incidents: u64,
    statistics: u64,
    links: Vec<(Url, UrlKind, u8, Option<i64>)>,
    /// Also known under these URLs (the address it redirected to, its rel=canonical).
    aliases: Vec<String>,
}

pub fn now_ms() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_millis() as u64)
        .unwrap_or(0)
}

/// Runs one crawl to its end (nothing due, the page budget spent, or `stop` set).
pub async fn run(
    cfg: &Config,
    store: Arc<Store>,
    lex: Arc<Lexicon>,
    opts: Options,
    mut stop: watch::Receiver<bool>,
) -> Result<Summary> {
    let started = Instant::now();
    let c = &cfg.crawl;
    let fetcher = Fetcher::new(FetchConfig {
        user_agent: c.user_agent.clone(),
        timeout: Duration::from_secs(c.timeout_secs),
        connect_timeout: Duration::from_secs(c.connect_timeout_secs),
        max_bytes: c.max_page_bytes,
    })
    .context("cannot build the HTTP client")?;
    let cores = std::thread::available_parallelism().map_or(2, |n| n.get());
    let ctx = Arc::new(Ctx {
        cpu: Arc::new(Semaphore::new(cores)),
        cfg: cfg.clone(),
        store: store.clone(),
        lex,
        fetcher,
        robots: Robots::new(&c.user_agent),
        hosts: Hosts::new(
            c.per_host_concurrency,
            Duration::from_millis(c.per_host_delay_ms),
        ),
    });
    seed(cfg, &store)?;

    let budget = opts.max_pages.or(c.max_pages);
    let progress = Progress::new(opts.progress);
    let slots = Arc::new(Semaphore::new(c.concurrency));
    let mut tasks: JoinSet<(FrontierEntry, Outcome)> = JoinSet::new();
    let mut in_flight: HashSet<String> = HashSet::new();
    // Start URLs done in this run: queued again for their recrawl, but not in this run,
    // even when `recrawl_minutes` is so short that they are due again before it ends.
    let mut restarted: HashSet<String> = HashSet::new();
    let mut buffer: VecDeque<FrontierEntry> = VecDeque::new();
    let mut dispatched: u64 = 0;
    let mut sum = Summary::default();
    let mut queued_since_read = true;
    let mut last_read = Instant::now();

    loop {
        if *stop.borrow() {
            sum.interrupted = true;
            break;
        }
        let may_dispatch = budget.is_none_or(|b| dispatched < b);
        // Due entries are read from the store a batch at a time, not once per finished
        // page: the entries still running are queued there too and would be read again.
        // Reading it again is wasted while nothing new was queued and no retry fell due:
        // it would return only the entries already running.
        let worth_reading = queued_since_read || last_read.elapsed() >= REREAD;
        if buffer.is_empty() && may_dispatch && tasks.len() < c.concurrency * 2 && worth_reading {
            let batch = store
                .frontier()
                .due(now_ms(), in_flight.len() + restarted.len() + BATCH)
                .context("cannot read the frontier")?;
            buffer.extend(
                batch
                    .into_iter()
                    .filter(|e| !in_flight.contains(&e.url) && !restarted.contains(&e.url)),
            );
            queued_since_read = false;
            last_read = Instant::now();
        }
        while tasks.len() < c.concurrency * 2 && budget.is_none_or(|b| dispatched < b) {
            let Some(entry) = buffer.pop_front() else {
                break;
            };
            if in_flight.contains(&entry.url) {
                continue;
            }
            dispatched += 1;
            in_flight.insert(entry.url.clone());
            let ctx = ctx.clone();
            let slots = slots.clone();
            tasks.spawn(async move {
                let _slot = slots.acquire_owned().await;
                let outcome = visit(&ctx, &entry).await;
                (entry, outcome)
            });
        }
        if tasks.is_empty() {
            // Nothing running and nothing due now: a retry may fall due soon, within the
            // run; anything later belongs to the next run.
            let now = now_ms();
            let soon = store
                .frontier()
                .due(now + 60_000, restarted.len() + 1)
                .context("cannot read the frontier")?
                .into_iter()
                .filter(|e| !restarted.contains(&e.url))
                .map(|e| e.next_fetch_ms)
                .min();
            match soon {
                Some(at) if may_dispatch => {
                    let wait = Duration::from_millis(at.saturating_sub(now).max(20));
                    tokio::select! {
                        _ = tokio::time::sleep(wait) => {}
                        _ = stop.changed() => {}
                    }
                    queued_since_read = true;
                    continue;
                }
                _ => break,
            }
        }
        tokio::select! {
            done = tasks.join_next() => {
                let Some(done) = done else { continue };
                let (entry, outcome) = match done {
                    Ok(r) => r,
                    Err(e) => {
                        tracing::error!("a crawl task failed: {e}");
                        continue;
                    }
                };
                in_flight.remove(&entry.url);
                if entry.kind == UrlKind::Start
                    && matches!(outcome, Outcome::Page(_) | Outcome::NotModified)
                {
                    restarted.insert(entry.url.clone());
                }
                queued_since_read |= apply(&ctx.cfg, &store, &entry, outcome, &mut sum)?;
                progress.show(&sum, &store);
            }
            _ = stop.changed() => {}
        }
    }
    // The entries still running stay queued in the store: the next run fetches them.
    tasks.abort_all();
    while tasks.join_next().await.is_some() {}
    store.flush().context("cannot flush the store")?;
    progress.finish();
    sum.elapsed_secs = started.elapsed().as_secs_f64();
    Ok(sum)
}

/// Every source's start URLs enter the frontier; those fetched before wait for their
/// recrawl time, which `apply` set.
fn seed(cfg: &Config, store: &Store) -> Result<()> {
    let now = now_ms();
    for src in &cfg.sources {
        for u in &src.start {
            let Some(u) = canonicalize(u.as_str(), None) else {
                continue;
            };
            store
                .frontier()
                .offer(
                    u.as_str(),
                    &src.name,
                    UrlKind::Start,
                    0,
                    PRIORITY_START,
                    now,
                )
                .context("cannot write the frontier")?;
        }
    }
    Ok(())
}

async fn visit(ctx: &Ctx, entry: &FrontierEntry) -> Outcome {
    let Ok(url) = Url::parse(&entry.url) else {
        return Outcome::Failed("not a URL".into());
    };
    let Some(source) = ctx.cfg.source_named(&entry.source) else {
        return Outcome::Failed(format!("source `{}` is no longer configured", entry.source));
    };
    let mut crawl_delay = None;
    if ctx.cfg.crawl.respect_robots {
        let (verdict, delay) = ctx.robots.check(&ctx.fetcher, &url).await;
        match verdict {
            Verdict::Allowed => crawl_delay = delay,
            Verdict::Disallowed => return Outcome::Robots,
            Verdict::RetryLater => {
                return Outcome::Retry {
                    reason: "robots.txt answered with a server error".into(),
                    after: None,
                }
            }
        }
    }
    let host = url.host_str().unwrap_or("").to_string();
    let validators = stored_validators(ctx, entry);
    let fetched = {
        let _permit = ctx.hosts.acquire(&host, crawl_delay).await;
        ctx.fetcher.get(&url, validators.as_ref()).await
    };
    match fetched {
        Ok(Fetched::NotModified { .. }) => Outcome::NotModified,
        Ok(Fetched::Skipped { content_type, .. }) => Outcome::SkippedType(content_type),
        Ok(Fetched::Body {
            final_url,
            status,
            content_type,
            body,
            truncated,
            validators,
        }) => {
            if truncated {
                tracing::warn!(url = %url, "page cut at max_page_bytes");
            }
            let lex = ctx.lex.clone();
            let source = source.clone();
            let entry = entry.clone();
            let max = ctx.cfg.crawl.max_page_bytes;
            // Parsing and extraction are CPU work: off the runtime, so fetching goes on.
            let Ok(_cpu) = ctx.cpu.clone().acquire_owned().await else {
                return Outcome::Failed("the crawl is shutting down".into());
            };
            let work = tokio::task::spawn_blocking(move || {
                digest(
                    &entry,
                    &source,
                    &lex,
                    final_url,
                    status,
                    content_type,
                    &body,
                    validators,
                    max,
                )
            })
            .await;
            match work {
                Ok(r) => Outcome::Page(Box::new(r)),
                Err(e) => Outcome::Failed(format!("reading the page failed: {e}")),
            }
        }
        Err(FetchError::Retry {
            reason,
            retry_after,
        }) => Outcome::Retry {
            reason,
            after: retry_after,
        },
        Err(FetchError::Fatal { reason }) => Outcome::Failed(reason),
    }
}

/// The ETag and Last-Modified of the copy fetched before, for a conditional GET.
fn stored_validators(ctx: &Ctx, entry: &FrontierEntry) -> Option<Validators> {
    let page = ctx.store.page(&entry.url).ok().flatten()?;
    Some(Validators {
        etag: page.etag,
        last_modified: page.last_modified,
    })
}

/// A fetched body → what it links to, and the article it is, if it is one.
#[allow(clippy::too_many_arguments)]
fn digest(
    entry: &FrontierEntry,
    source: &Source,
    lex: &Lexicon,
    final_url: Url,
    status: u16,
    content_type: Option<String>,
    body: &[u8],
    validators: Validators,
    max_bytes: u64,
) -> PageResult {
    let ct = content_type.as_deref();
    let found = discover::discover(body, ct, &final_url, max_bytes);
    let mut links = Vec::new();
    let mut article = None;
    let mut aliases = Vec::new();
    let (mut incidents, mut statistics) = (0, 0);
    let final_canon = canonicalize(final_url.as_str(), None)
        .map(|u| u.to_string())
        .unwrap_or_else(|| final_url.to_string());
    if final_canon != entry.url {
        aliases.push(final_canon.clone());
    }
    match found.kind {
        Kind::Feed | Kind::Sitemap => {
            for l in found.links {
                links.push((l.url, UrlKind::Article, PRIORITY_ARTICLE, l.lastmod));
            }
        }
        Kind::SitemapIndex => {
            for l in found.links {
                links.push((l.url, UrlKind::Listing, PRIORITY_LISTING, l.lastmod));
            }
        }
        Kind::Html => {
            let a = crate::page::read_with(body, Some(final_url.as_str()), ct, &source.selectors);
            let key = a
                .canonical
                .as_deref()
                .and_then(|c| canonicalize(c, Some(&final_url)))
                // A canonical on another site is that site's claim, not a fact about ours.
                .filter(|c| c.host_str() == final_url.host_str())
                .map(|u| u.to_string())
                .unwrap_or(final_canon.clone());
            if key != entry.url && !aliases.contains(&key) {
                aliases.push(key.clone());
            }
            // A feed or sitemap names its articles; any other link, the page decides.
            let is_article = match entry.kind {
                UrlKind::Start | UrlKind::Listing => false,
                UrlKind::Article => source.is_article_url(&final_url).unwrap_or(true),
                UrlKind::Unknown => source
                    .is_article_url(&final_url)
                    .unwrap_or(a.looks_like_article),
            };
            // Links are queued one level deeper (a listing's next page at the same level).
            let found = if entry.depth < source.max_depth {
                discover::html_links(&a, &final_url)
            } else {
                discover::next_link(&a, &final_url).into_iter().collect()
            };
            for l in found {
                // A listing's links are most likely articles; an article's, anything.
                let (kind, prio) = if l.next_page {
                    (UrlKind::Listing, PRIORITY_LISTING)
                } else if is_article {
                    (UrlKind::Unknown, PRIORITY_OTHER)
                } else {
                    (UrlKind::Unknown, PRIORITY_ARTICLE)
                };
                links.push((l.url, kind, prio, None));
            }
            if is_article {
                let mut a = a;
                if source.lang.is_some() && a.lang == crate::page::Lang::Unknown {
                    a.lang = source.lang.unwrap_or(a.lang);
                }
                let ex = extract::extract(&a, lex);
                incidents = ex.incidents.len() as u64;
                statistics = ex.statistics.len() as u64;
                let records = extract::record::records(&key, &ex, &lex.version);
                article = Some(ArticleRecord {
                    url: key.clone(),
                    source: source.name.clone(),
                    fetched_at_ms: now_ms(),
                    title: a.title.clone(),
                    published: a.published.map(|d| d.to_iso()),
                    lang: a.lang.code().to_string(),
                    charset: a.charset.to_string(),
                    paragraphs: a.paragraphs.clone(),
                    lexicon_version: lex.version.clone(),
                    extraction: serde_json::to_value(records).unwrap_or_default(),
                });
            }
        }
        Kind::Other => {}
    }
    PageResult {
        page: PageRecord {
            url: entry.url.clone(),
            final_url: final_url.to_string(),
            status,
            etag: validators.etag,
            last_modified: validators.last_modified,
            fetched_at_ms: now_ms(),
            content_hash: hash(body),
        },
        article,
        incidents,
        statistics,
        links,
        aliases,
    }
}

fn hash(bytes: &[u8]) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut h = rustc_hash::FxHasher::default();
    bytes.hash(&mut h);
    h.finish()
}

/// Writes one outcome: the page, its article, its links, and the entry's new state.
/// Returns whether it queued anything that may be due now.
fn apply(
    cfg: &Config,
    store: &Store,
    entry: &FrontierEntry,
    outcome: Outcome,
    sum: &mut Summary,
) -> Result<bool> {
    let mut queued = false;
    let now = now_ms();
    let f = store.frontier();
    let recrawl = cfg.crawl.recrawl_minutes * 60_000;
    let done = |f: &crate::store::Frontier| -> Result<()> {
        match entry.kind {
            UrlKind::Start => f.requeue(&entry.url, now + recrawl)?,
            _ => f.mark_fetched(&entry.url, None)?,
        }
        Ok(())
    };
    match outcome {
        Outcome::Page(r) => {
            sum.fetched += 1;
            store.put_page(&r.page)?;
            if let Some(a) = &r.article {
                if store.put_article(a)? {
                    sum.new_articles += 1;
                    sum.incidents += r.incidents;
                    sum.statistics += r.statistics;
                } else {
                    sum.republished += 1;
                }
            }
            let source = cfg.source_named(&entry.source);
            let max_depth = source.map_or(0, |s| s.max_depth);
            for alias in &r.aliases {
                // The page under its other names counts as fetched: never fetched again.
                f.offer(
                    alias,
                    &entry.source,
                    entry.kind,
                    entry.depth,
                    PRIORITY_OTHER,
                    now,
                )?;
                f.mark_fetched(alias, None)?;
            }
            for (url, kind, prio, lastmod) in r.links {
                let depth = match kind {
                    UrlKind::Listing => entry.depth,
                    _ => entry.depth + 1,
                };
                if depth > max_depth || !source.is_some_and(|s| s.may_follow(&url)) {
                    continue;
                }
                let key = url.as_str();
                let is_new = f.offer(key, &entry.source, kind, depth, prio, now)?;
                queued |= is_new;
                // A sitemap's lastmod newer than our copy: the page changed, fetch it again.
                if !is_new {
                    if let (Some(lm), Some(p)) = (lastmod, store.page(key)?) {
                        if (lm as u64) * 1000 > p.fetched_at_ms {
                            f.requeue(key, now)?;
                            queued = true;
                        }
                    }
                }
            }
            done(f)?;
        }
        Outcome::NotModified => {
            sum.not_modified += 1;
            done(f)?;
        }
        Outcome::SkippedType(ct) => {
            sum.skipped_by_type += 1;
            f.mark_failed(&entry.url, &format!("not a page: {ct}"))?;
        }
        Outcome::Robots => {
            sum.skipped_by_robots += 1;
            f.mark_failed(&entry.url, "disallowed by robots.txt")?;
        }
        Outcome::Retry { reason, after } => {
            if entry.attempts + 1 >= cfg.crawl.max_attempts {
                *sum.failed.entry(reason.clone()).or_default() += 1;
                f.mark_failed(
                    &entry.url,
                    &format!("{reason} (gave up after {} attempts)", entry.attempts + 1),
                )?;
            } else {
                sum.retried += 1;
                let wait = backoff(entry.attempts, after);
                f.mark_retry(&entry.url, now + wait.as_millis() as u64, &reason)?;
            }
        }
        Outcome::Failed(reason) => {
            *sum.failed.entry(reason.clone()).or_default() += 1;
            f.mark_failed(&entry.url, &reason)?;
        }
    }
    Ok(queued)
}

/// A spinner line on a terminal: fetched, queued, errors, incidents.
struct Progress(Option<indicatif::ProgressBar>);

impl Progress {
    fn new(wanted: bool) -> Progress {
        use std::io::IsTerminal;
        if !wanted || !std::io::stderr().is_terminal() {
            return Progress(None);
        }
        let bar = indicatif::ProgressBar::new_spinner();
        bar.enable_steady_tick(Duration::from_millis(200));
        Progress(Some(bar))
    }

    fn show(&self, sum: &Summary, store: &Store) {
        let Some(bar) = &self.0 else { return };
        let queued = store.frontier().counts().map(|c| c.queued).unwrap_or(0);
        bar.set_message(format!(
            "fetched {}  queued {}  errors {}  new articles {}  incidents {}",
            sum.fetched + sum.not_modified,
            queued,
            sum.failed_total(),
            sum.new_articles,
            sum.incidents
        ));
    }

    fn finish(&self) {
        if let Some(bar) = &self.0 {
            bar.finish_and_clear();
        }
    }
}
