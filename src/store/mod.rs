//! Everything dozor knows, in one embedded sled store. Only this module touches sled.
//!
//! Trees: `meta` (schema version, counts), `frontier` and `frontier_due` (see
//! [`Frontier`]), `pages` (canonical URL → [`PageRecord`]) and `articles` (canonical URL →
//! [`ArticleRecord`]). Records are JSON, so that a person can read them and a later dozor
//! can migrate them.

mod frontier;
mod lock;
mod records;

use std::path::{Path, PathBuf};

pub use frontier::{Frontier, FrontierCounts, FrontierEntry, State, UrlKind};
pub use records::{ArticleRecord, PageRecord};

/// The layout this dozor writes. A store with a higher number was written by a newer
/// dozor and is refused; a lower one is migrated on open.
pub const SCHEMA_VERSION: u32 = 1;

/// sled's cache. Small, because sled holds several times its cache in memory: under
/// mimalloc a 32 MiB cache took a 300,000-URL frontier to a 1.45 GB peak, 4 MiB to 252 MB.
const CACHE_BYTES: u64 = 4 << 20;

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("store {} is in use by another dozor process", path.display())]
    InUse { path: PathBuf },
    #[error(
        "store {} was written by a newer dozor (schema {found}; this one reads up to \
         {supported}): upgrade dozor to open it",
        path.display()
    )]
    NewerSchema {
        path: PathBuf,
        found: u32,
        supported: u32,
    },
    #[error(
        "store {} cannot be read ({detail}): restore it from a backup (`dozor restore`) or \
         move it aside and crawl again",
        path.display()
    )]
    Corrupt { path: PathBuf, detail: String },
    #[error("{}: {source}", path.display())]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("store: {0}")]
    Db(#[from] sled::Error),
    #[error("store record {key} cannot be read: {detail}")]
    Codec { key: String, detail: String },
}

impl StoreError {
    fn io(path: &Path, source: std::io::Error) -> StoreError {
        StoreError::Io {
            path: path.to_path_buf(),
            source,
        }
    }
}

/// How much the store holds.
#[derive(Debug, Clone, Copy, Default, serde::Serialize)]
pub struct Counts {
    pub pages: u64,
    pub articles: u64,
    pub frontier: FrontierCounts,
    pub bytes_on_disk: u64,
}

pub struct Store {
    db: sled::Db,
    frontier: Frontier,
    pages: sled::Tree,
    articles: sled::Tree,
    // Dropped last: the lock outlives every handle on the database.
    _lock: lock::Lock,
}

impl Store {
    /// Opens (or creates) the store in directory `path`, refusing one that another process
    /// has open or that a newer dozor wrote.
    pub fn open(path: &Path) -> Result<Store, StoreError> {
        let lock = lock::Lock::take(path)?;
        let db = open_sled(path)?;
        let meta = db.open_tree("meta")?;
        match meta.get("schema_version")? {
            None => {
                meta.insert("schema_version", &SCHEMA_VERSION.to_be_bytes())?;
            }
            Some(v) => {
                let found = <[u8; 4]>::try_from(v.as_ref())
                    .map(u32::from_be_bytes)
                    .map_err(|_| StoreError::Corrupt {
                        path: path.to_path_buf(),
                        detail: "its schema version is unreadable".into(),
                    })?;
                if found > SCHEMA_VERSION {
                    return Err(StoreError::NewerSchema {
                        path: path.to_path_buf(),
                        found,
                        supported: SCHEMA_VERSION,
                    });
                }
                // Older layouts are migrated here, one version at a time; version 1 is
                // the first, so there is nothing to migrate yet.
            }
        }
        let frontier = Frontier::new(
            db.open_tree("frontier")?,
            db.open_tree("frontier_due")?,
            meta,
        );
        Ok(Store {
            pages: db.open_tree("pages")?,
            articles: db.open_tree("articles")?,
            frontier,
            db,
            _lock: lock,
        })
    }

    /// Writes everything to disk: call at safe points (the end of a crawl, Ctrl-C).
    pub fn flush(&self) -> Result<(), StoreError> {
        self.db.flush()?;
        Ok(())
    }

    pub fn frontier(&self) -> &Frontier {
        &self.frontier
    }

    pub fn page(&self, url: &str) -> Result<Option<PageRecord>, StoreError> {
        get_json(&self.pages, url)
    }

    pub fn put_page(&self, rec: &PageRecord) -> Result<(), StoreError> {
        put_json(&self.pages, &rec.url, rec).map(|_| ())
    }

    /// Stores an article under its canonical URL; returns whether it was new.
    pub fn put_article(&self, rec: &ArticleRecord) -> Result<bool, StoreError> {
        put_json(&self.articles, &rec.url, rec)
    }

    pub fn article(&self, url: &str) -> Result<Option<ArticleRecord>, StoreError> {
        get_json(&self.articles, url)
    }

    /// Every stored article, in URL order.
    pub fn articles(&self) -> impl Iterator<Item = Result<ArticleRecord, StoreError>> + '_ {
        self.articles.iter().map(|kv| {
            let (k, v) = kv?;
            serde_json::from_slice(&v).map_err(|e| StoreError::Codec {
                key: String::from_utf8_lossy(&k).into_owned(),
                detail: e.to_string(),
            })
        })
    }

    pub fn counts(&self) -> Result<Counts, StoreError> {
        Ok(Counts {
            pages: self.pages.len() as u64,
            articles: self.articles.len() as u64,
            frontier: self.frontier.counts()?,
            bytes_on_disk: self.db.size_on_disk()?,
        })
    }
}

/// sled's own file lock. Ours is held, so a conflict here is this process's previous handle
/// on the same store, whose background threads let go of the file a moment after it is
/// dropped: wait for them rather than call the store corrupt.
fn open_sled(path: &Path) -> Result<sled::Db, StoreError> {
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(2);
    loop {
        let opened = sled::Config::new()
            .path(path.join("db"))
            .cache_capacity(CACHE_BYTES)
            .flush_every_ms(Some(500))
            .open();
        match opened {
            Ok(db) => return Ok(db),
            // sled wraps the lock's WouldBlock in an error of its own kind.
            Err(sled::Error::Io(io)) if io.to_string().contains("could not acquire lock") => {
                if std::time::Instant::now() >= deadline {
                    return Err(StoreError::InUse {
                        path: path.to_path_buf(),
                    });
                }
                std::thread::sleep(std::time::Duration::from_millis(20));
            }
            Err(e) => {
                return Err(StoreError::Corrupt {
                    path: path.to_path_buf(),
                    detail: e.to_string(),
                })
            }
        }
    }
}

fn get_json<T: serde::de::DeserializeOwned>(
    tree: &sled::Tree,
    key: &str,
) -> Result<Option<T>, StoreError> {
    match tree.get(key.as_bytes())? {
        Some(b) => serde_json::from_slice(&b)
            .map(Some)
            .map_err(|e| StoreError::Codec {
                key: key.to_string(),
                detail: e.to_string(),
            }),
        None => Ok(None),
    }
}

/// Returns whether the key was new.
fn put_json<T: serde::Serialize>(tree: &sled::Tree, key: &str, v: &T) -> Result<bool, StoreError> {
    let bytes = serde_json::to_vec(v).map_err(|e| StoreError::Codec {
        key: key.to_string(),
        detail: e.to_string(),
    })?;
    Ok(tree.insert(key.as_bytes(), bytes)?.is_none())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tmp(name: &str) -> PathBuf {
        let d = std::env::temp_dir().join(format!("dozor-store-{}-{name}", std::process::id()));
        let _ = std::fs::remove_dir_all(&d);
        d
    }

    #[test]
    fn second_open_is_refused_with_the_path() {
        let d = tmp("lock");
        let _s = Store::open(&d).unwrap();
        let t = std::time::Instant::now();
        let e = Store::open(&d).err().expect("refused");
        assert!(t.elapsed() < std::time::Duration::from_secs(1));
        assert_eq!(
            e.to_string(),
            format!("store {} is in use by another dozor process", d.display())
        );
    }

    #[test]
    fn newer_schema_is_refused() {
        let d = tmp("schema");
        {
            let s = Store::open(&d).unwrap();
            s.db.open_tree("meta")
                .unwrap()
                .insert("schema_version", &(SCHEMA_VERSION + 1).to_be_bytes())
                .unwrap();
            s.flush().unwrap();
        }
        let e = Store::open(&d).err().expect("refused");
        assert!(matches!(e, StoreError::NewerSchema { .. }), "{e}");
        assert!(e.to_string().contains("upgrade dozor"));
    }

    #[test]
    fn frontier_orders_by_priority_then_time_and_counts() {
        let d = tmp("frontier");
        let s = Store::open(&d).unwrap();
        let f = s.frontier();
        assert!(f
            .offer("http://a/2", "s", UrlKind::Article, 1, 2, 100)
            .unwrap());
        assert!(f
            .offer("http://a/1", "s", UrlKind::Start, 0, 0, 200)
            .unwrap());
        assert!(f
            .offer("http://a/3", "s", UrlKind::Article, 1, 2, 50)
            .unwrap());
        assert!(f
            .offer("http://a/later", "s", UrlKind::Article, 1, 1, 10_000)
            .unwrap());
        assert!(!f
            .offer("http://a/1", "other", UrlKind::Article, 3, 3, 0)
            .unwrap());
        let due: Vec<String> = f
            .due(1000, 10)
            .unwrap()
            .into_iter()
            .map(|e| e.url)
            .collect();
        assert_eq!(due, ["http://a/1", "http://a/3", "http://a/2"]);
        assert_eq!(f.due(1000, 2).unwrap().len(), 2);
        assert_eq!(f.next_due_at().unwrap(), Some(50));
        f.mark_fetched("http://a/1", None).unwrap();
        f.mark_retry("http://a/3", 5000, "HTTP 503").unwrap();
        f.mark_failed("http://a/2", "HTTP 404").unwrap();
        let c = f.counts().unwrap();
        assert_eq!((c.queued, c.fetched, c.failed), (2, 1, 1));
        assert!(f.due(1000, 10).unwrap().is_empty());
        let e = f.get("http://a/3").unwrap().unwrap();
        assert_eq!((e.attempts, e.last_error.as_deref()), (1, Some("HTTP 503")));
        f.requeue("http://a/1", 0).unwrap();
        assert_eq!(f.due(1000, 10).unwrap()[0].url, "http://a/1");
        drop(s);
        // Everything survives a reopen.
        let s = Store::open(&d).unwrap();
        assert_eq!(s.frontier().counts().unwrap().queued, 3);
    }
}
