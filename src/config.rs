//! The configuration: which outlets to crawl and how politely.
//!
//! The file is read into a tree that remembers where every key and value was written, then
//! checked as a whole, so a person fixing it sees every problem at once, each with its line
//! and what to write instead. `config/dozor.toml` is embedded as the default.

use std::collections::{BTreeMap, HashSet};
use std::fmt;
use std::ops::Range;
use std::path::{Path, PathBuf};

use serde::de::{self, Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};
use toml::Spanned;

use crate::page::{Lang, Selectors};

/// The default configuration, as shipped in `config/dozor.toml`.
pub const DEFAULT_TOML: &str = include_str!("../config/dozor.toml");

/// The name the embedded configuration goes by in messages.
pub const DEFAULT_FILE: &str = "config/dozor.toml";

#[derive(Debug, Clone, PartialEq)]
pub struct Config {
    pub store: StoreConfig,
    pub crawl: CrawlConfig,
    pub sources: Vec<Source>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct StoreConfig {
    pub path: PathBuf,
}

#[derive(Debug, Clone, PartialEq)]
pub struct CrawlConfig {
    pub user_agent: String,
    pub concurrency: usize,
    pub per_host_concurrency: usize,
    pub per_host_delay_ms: u64,
    pub timeout_secs: u64,
    pub connect_timeout_secs: u64,
    pub max_page_bytes: u64,
    pub max_pages: Option<u64>,
    pub respect_robots: bool,
    /// Feeds, sitemaps and listings (the start URLs) are fetched again after this; 0 means on
    /// every run.
    pub recrawl_minutes: u64,
    pub max_attempts: u32,
}

/// Which URLs of a source may be fetched.
#[derive(Debug, Clone)]
pub enum Follow {
    /// Any URL on one of these hosts (a leading `www.` is ignored on both sides).
    Hosts(Vec<String>),
    /// Any URL one of these matches (unanchored, as `Regex::is_match`).
    Patterns(Vec<regex::Regex>),
}

#[derive(Debug, Clone)]
pub struct Source {
    pub name: String,
    pub start: Vec<url::Url>,
    pub follow: Follow,
    pub article: Vec<regex::Regex>,
    pub lang: Option<Lang>,
    pub max_depth: u32,
    pub selectors: Selectors,
}

/// Everything wrong with a configuration file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConfigError {
    pub problems: Vec<Problem>,
}

/// One thing wrong: where, what, and what to write instead. `line` is 1-based; 0 when the
/// problem is with the file as a whole (it cannot be read).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub file: String,
    pub line: usize,
    pub message: String,
    pub fix: String,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.line == 0 {
            write!(f, "{}: {}\n  fix: {}", self.file, self.message, self.fix)
        } else {
            write!(
                f,
                "{}:{}: {}\n  fix: {}",
                self.file, self.line, self.message, self.fix
            )
        }
    }
}

impl fmt::Display for ConfigError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, p) in self.problems.iter().enumerate() {
            if i > 0 {
                writeln!(f)?;
            }
            write!(f, "{p}")?;
        }
        Ok(())
    }
}

impl std::error::Error for ConfigError {}

impl Default for StoreConfig {
    fn default() -> Self {
        StoreConfig {
            path: PathBuf::from("dozor-data"),
        }
    }
}

impl Default for CrawlConfig {
    fn default() -> Self {
        CrawlConfig {
            user_agent: format!(
                "dozor/{} (+https://github.com/dozor-kz/dozor)",
                env!("CARGO_PKG_VERSION")
            ),
            concurrency: 16,
            per_host_concurrency: 2,
            per_host_delay_ms: 1000,
            timeout_secs: 30,
            connect_timeout_secs: 10,
            max_page_bytes: 5 << 20,
            max_pages: None,
            respect_robots: true,
            recrawl_minutes: 60,
            max_attempts: 4,
        }
    }
}

const DEFAULT_MAX_DEPTH: u32 = 3;

impl PartialEq for Follow {
    fn eq(&self, other: &Self) -> bool {
        match (self, other) {
            (Follow::Hosts(a), Follow::Hosts(b)) => a == b,
            (Follow::Patterns(a), Follow::Patterns(b)) => same_patterns(a, b),
            _ => false,
        }
    }
}

fn same_patterns(a: &[regex::Regex], b: &[regex::Regex]) -> bool {
    a.len() == b.len() && a.iter().zip(b).all(|(x, y)| x.as_str() == y.as_str())
}

impl PartialEq for Source {
    fn eq(&self, o: &Self) -> bool {
        self.name == o.name
            && self.start == o.start
            && self.follow == o.follow
            && same_patterns(&self.article, &o.article)
            && self.lang == o.lang
            && self.max_depth == o.max_depth
            && self.selectors.title == o.selectors.title
            && self.selectors.body == o.selectors.body
            && self.selectors.date == o.selectors.date
    }
}

/// `www.example.kz` and `example.kz` are one outlet.
fn bare_host(host: &str) -> &str {
    host.strip_prefix("www.").unwrap_or(host)
}

impl Source {
    /// May this URL be fetched for this source?
    pub fn may_follow(&self, url: &url::Url) -> bool {
        if !matches!(url.scheme(), "http" | "https") {
            return false;
        }
        match &self.follow {
            Follow::Hosts(hosts) => match url.host_str() {
                Some(h) => {
                    let h = bare_host(h);
                    hosts.iter().any(|x| bare_host(x).eq_ignore_ascii_case(h))
                }
                None => false,
            },
            Follow::Patterns(p) => p.iter().any(|r| r.is_match(url.as_str())),
        }
    }

    /// Is this URL an article? `None` when the source has no `article` patterns and the
    /// page itself must tell.
    pub fn is_article_url(&self, url: &url::Url) -> Option<bool> {
        if self.article.is_empty() {
            None
        } else {
            Some(self.article.iter().any(|r| r.is_match(url.as_str())))
        }
    }

    /// The hosts of the start URLs, in order, without repeats.
    fn start_hosts(&self) -> Vec<String> {
        start_hosts(&self.start)
    }
}

fn start_hosts(start: &[url::Url]) -> Vec<String> {
    let mut hosts: Vec<String> = Vec::new();
    for u in start {
        if let Some(h) = u.host_str() {
            if !hosts.iter().any(|x| x == h) {
                hosts.push(h.to_string());
            }
        }
    }
    hosts
}

impl Config {
    /// The embedded default. Its validity is checked by the tests, so failing here is a
    /// bug in the shipped file, not in anyone's input.
    pub fn embedded() -> Config {
        match Config::parse(DEFAULT_TOML, DEFAULT_FILE) {
            Ok(c) => c,
            Err(e) => panic!("the embedded {DEFAULT_FILE} is invalid:\n{e}"),
        }
    }

    pub fn load(path: &Path) -> Result<Config, ConfigError> {
        let file = path.display().to_string();
        match std::fs::read_to_string(path) {
            Ok(text) => Config::parse(&text, &file),
            Err(e) => Err(ConfigError {
                problems: vec![Problem {
                    file,
                    line: 0,
                    message: format!("cannot read the configuration: {e}"),
                    fix: "check the path given to --config, or leave --config out to use the built-in configuration".into(),
                }],
            }),
        }
    }

    /// Parse and check `text`; `file` names it in the problems.
    pub fn parse(text: &str, file: &str) -> Result<Config, ConfigError> {
        let mut c = Checker {
            file,
            lines: LineIndex::new(text),
            problems: Vec::new(),
        };
        let root: Node = match toml::from_str(text) {
            Ok(n) => n,
            Err(e) => {
                let line = e.span().map(|s| c.lines.line(s.start)).unwrap_or(1);
                c.problems.push(Problem {
                    file: file.to_string(),
                    line,
                    message: format!("not valid TOML: {}", e.message().trim()),
                    fix: "correct the syntax on this line (strings in double quotes, one `key = value` per line, tables as `[crawl]` or `[[sources]]`)".into(),
                });
                return Err(ConfigError {
                    problems: c.problems,
                });
            }
        };
        let config = c.config(&root);
        if c.problems.is_empty() {
            Ok(config)
        } else {
            c.problems.sort_by_key(|p| p.line);
            Err(ConfigError {
                problems: c.problems,
            })
        }
    }

    pub fn source_named(&self, name: &str) -> Option<&Source> {
        self.sources.iter().find(|s| s.name == name)
    }

    /// The whole configuration as TOML, defaults written out, readable by [`Config::parse`]
    /// back into an equal configuration. What cannot be written as a value (an absent
    /// `max_pages` or `lang`, the default `follow`) is shown as a comment.
    pub fn effective_toml(&self) -> String {
        use std::fmt::Write;
        let mut o = String::new();
        let c = &self.crawl;
        let _ = writeln!(o, "[store]");
        let _ = writeln!(o, "path = {}", q(&self.store.path.to_string_lossy()));
        let _ = writeln!(o, "\n[crawl]");
        let _ = writeln!(o, "user_agent = {}", q(&c.user_agent));
        let _ = writeln!(o, "concurrency = {}", c.concurrency);
        let _ = writeln!(o, "per_host_concurrency = {}", c.per_host_concurrency);
        let _ = writeln!(o, "per_host_delay_ms = {}", c.per_host_delay_ms);
        let _ = writeln!(o, "timeout_secs = {}", c.timeout_secs);
        let _ = writeln!(o, "connect_timeout_secs = {}", c.connect_timeout_secs);
        let _ = writeln!(o, "max_page_bytes = {}", c.max_page_bytes);
        match c.max_pages {
            Some(n) => {
                let _ = writeln!(o, "max_pages = {n}");
            }
            None => {
                let _ = writeln!(o, "# max_pages: absent, no limit per run");
            }
        }
        let _ = writeln!(o, "respect_robots = {}", c.respect_robots);
        let _ = writeln!(o, "recrawl_minutes = {}", c.recrawl_minutes);
        let _ = writeln!(o, "max_attempts = {}", c.max_attempts);
        for s in &self.sources {
            let _ = writeln!(o, "\n[[sources]]");
            let _ = writeln!(o, "name = {}", q(&s.name));
            let _ = writeln!(o, "start = {}", list(s.start.iter().map(|u| u.as_str())));
            match &s.follow {
                Follow::Hosts(h) if *h == s.start_hosts() => {
                    let _ = writeln!(
                        o,
                        "# follow: absent, any URL on {}",
                        h.join(", ").replace('\n', " ")
                    );
                }
                // Hosts other than the start hosts are only made in code; written as the
                // patterns that allow the same URLs.
                Follow::Hosts(h) => {
                    let pats: Vec<String> = h
                        .iter()
                        .map(|h| {
                            format!(
                                "^https?://(www\\.)?{}(:[0-9]+)?/",
                                regex::escape(bare_host(h))
                            )
                        })
                        .collect();
                    let _ = writeln!(o, "follow = {}", list(pats.iter().map(String::as_str)));
                }
                Follow::Patterns(p) => {
                    let _ = writeln!(o, "follow = {}", list(p.iter().map(|r| r.as_str())));
                }
            }
            let _ = writeln!(
                o,
                "article = {}",
                list(s.article.iter().map(|r| r.as_str()))
            );
            match s.lang {
                Some(l) if l != Lang::Unknown => {
                    let _ = writeln!(o, "lang = \"{}\"", l.code());
                }
                _ => {
                    let _ = writeln!(o, "# lang: absent, told from each page");
                }
            }
            let _ = writeln!(o, "max_depth = {}", s.max_depth);
            let sel = &s.selectors;
            if sel.title.is_some() || sel.body.is_some() || sel.date.is_some() {
                let _ = writeln!(o, "[sources.selectors]");
                for (k, v) in [
                    ("title", &sel.title),
                    ("body", &sel.body),
                    ("date", &sel.date),
                ] {
                    if let Some(v) = v {
                        let _ = writeln!(o, "{k} = {}", q(v));
                    }
                }
            }
        }
        o
    }
}

/// A TOML string literal.
fn q(s: &str) -> String {
    toml::Value::String(s.to_string()).to_string()
}

fn list<'a>(items: impl Iterator<Item = &'a str>) -> String {
    let items: Vec<String> = items.map(q).collect();
    format!("[{}]", items.join(", "))
}

// ---------------------------------------------------------------------------------------
// The parsed file, with spans.

/// A TOML value that remembers where each key and value was written; `toml::Value` forgets.
#[derive(Debug)]
enum Node {
    Table(Vec<(Spanned<String>, Spanned<Node>)>),
    Array(Vec<Spanned<Node>>),
    Str(String),
    Int(i64),
    Float,
    Bool(bool),
    /// A date, or anything else no key of ours takes.
    Other,
}

impl Node {
    fn kind(&self) -> &'static str {
        match self {
            Node::Table(_) => "a table",
            Node::Array(_) => "an array",
            Node::Str(_) => "a string",
            Node::Int(_) => "an integer",
            Node::Float => "a decimal number",
            Node::Bool(_) => "true or false",
            Node::Other => "a date",
        }
    }
}

impl<'de> Deserialize<'de> for Node {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Node, D::Error> {
        d.deserialize_any(NodeVisitor)
    }
}

struct NodeVisitor;

impl<'de> Visitor<'de> for NodeVisitor {
    type Value = Node;
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a TOML value")
    }
    fn visit_bool<E>(self, v: bool) -> Result<Node, E> {
        Ok(Node::Bool(v))
    }
    fn visit_i64<E>(self, v: i64) -> Result<Node, E> {
        Ok(Node::Int(v))
    }
    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Node, E> {
        Ok(i64::try_from(v).map(Node::Int).unwrap_or(Node::Float))
    }
    fn visit_f64<E>(self, _: f64) -> Result<Node, E> {
        Ok(Node::Float)
    }
    fn visit_str<E>(self, v: &str) -> Result<Node, E> {
        Ok(Node::Str(v.to_string()))
    }
    fn visit_string<E>(self, v: String) -> Result<Node, E> {
        Ok(Node::Str(v))
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Node, A::Error> {
        let mut v = Vec::new();
        while let Some(x) = seq.next_element::<Spanned<Node>>()? {
            v.push(x);
        }
        Ok(Node::Array(v))
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Node, A::Error> {
        let mut v = Vec::new();
        while let Some(k) = map.next_key::<KeyOrDate>()? {
            match k {
                KeyOrDate::Key(k) => v.push((k, map.next_value::<Spanned<Node>>()?)),
                // toml hands a datetime over as a map with one private key.
                KeyOrDate::Date => {
                    map.next_value::<de::IgnoredAny>()?;
                    return Ok(Node::Other);
                }
            }
        }
        Ok(Node::Table(v))
    }
}

/// A table key with its span, or the private key a datetime arrives under (it has no span).
enum KeyOrDate {
    Key(Spanned<String>),
    Date,
}

// The names toml's deserializer answers with a key's span (serde_spanned's private protocol,
// the one `toml::Spanned` speaks). Asked for directly so that the one map key that has no
// span, the private field a datetime arrives under, is told apart instead of failing.
const SPANNED: &str = "$__serde_spanned_private_Spanned";
const SPANNED_START: &str = "$__serde_spanned_private_start";
const SPANNED_END: &str = "$__serde_spanned_private_end";
const SPANNED_VALUE: &str = "$__serde_spanned_private_value";
const SPANNED_FIELDS: &[&str] = &[SPANNED_START, SPANNED_END, SPANNED_VALUE];

impl<'de> Deserialize<'de> for KeyOrDate {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<KeyOrDate, D::Error> {
        d.deserialize_struct(SPANNED, SPANNED_FIELDS, KeyVisitor)
    }
}

struct KeyVisitor;

impl<'de> Visitor<'de> for KeyVisitor {
    type Value = KeyOrDate;
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a table key")
    }
    fn visit_str<E>(self, _: &str) -> Result<KeyOrDate, E> {
        Ok(KeyOrDate::Date)
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<KeyOrDate, A::Error> {
        let (mut start, mut end, mut value) = (None, None, None);
        while let Some(k) = map.next_key::<String>()? {
            match k.as_str() {
                SPANNED_START => start = Some(map.next_value::<usize>()?),
                SPANNED_END => end = Some(map.next_value::<usize>()?),
                SPANNED_VALUE => value = Some(map.next_value::<String>()?),
                _ => return Err(de::Error::custom("unexpected field in a key")),
            }
        }
        match (start, end, value) {
            (Some(s), Some(e), Some(v)) => Ok(KeyOrDate::Key(Spanned::new(s..e, v))),
            _ => Err(de::Error::custom("a key without its span")),
        }
    }
}

/// Byte offsets → 1-based line numbers.
struct LineIndex {
    starts: Vec<usize>,
}

impl LineIndex {
    fn new(text: &str) -> LineIndex {
        let mut starts = vec![0];
        starts.extend(text.match_indices('\n').map(|(i, _)| i + 1));
        LineIndex { starts }
    }
    fn line(&self, offset: usize) -> usize {
        self.starts.partition_point(|&s| s <= offset).max(1)
    }
}

// ---------------------------------------------------------------------------------------
// Checking.

const STORE_KEYS: &[&str] = &["path"];
const CRAWL_KEYS: &[&str] = &[
    "user_agent",
    "concurrency",
    "per_host_concurrency",
    "per_host_delay_ms",
    "timeout_secs",
    "connect_timeout_secs",
    "max_page_bytes",
    "max_pages",
    "respect_robots",
    "recrawl_minutes",
    "max_attempts",
];
const SOURCE_KEYS: &[&str] = &[
    "name",
    "start",
    "follow",
    "article",
    "lang",
    "max_depth",
    "selectors",
];
const SELECTOR_KEYS: &[&str] = &["title", "body", "date"];
const ROOT_KEYS: &[&str] = &["store", "crawl", "sources"];

/// Where each known key lives, to tell a person who put one in the wrong table.
fn home_of(key: &str) -> Option<&'static str> {
    [
        ("[store]", STORE_KEYS),
        ("[crawl]", CRAWL_KEYS),
        ("[[sources]]", SOURCE_KEYS),
        ("[sources.selectors]", SELECTOR_KEYS),
    ]
    .into_iter()
    .find(|(_, keys)| keys.contains(&key))
    .map(|(t, _)| t)
}

struct Checker<'a> {
    file: &'a str,
    lines: LineIndex,
    problems: Vec<Problem>,
}

type Entries<'n> = BTreeMap<&'n str, &'n Spanned<Node>>;

impl<'a> Checker<'a> {
    fn line(&self, span: Range<usize>) -> usize {
        self.lines.line(span.start)
    }

    fn problem(&mut self, span: Range<usize>, message: String, fix: String) {
        self.problems.push(Problem {
            file: self.file.to_string(),
            line: self.line(span),
            message,
            fix,
        });
    }

    /// The entries of a table, with a problem for every key not in `allowed`.
    fn entries<'n>(
        &mut self,
        table: &'n [(Spanned<String>, Spanned<Node>)],
        allowed: &[&str],
        here: &str,
    ) -> Entries<'n> {
        let mut out = BTreeMap::new();
        for (k, v) in table {
            let key = k.get_ref().as_str();
            if allowed.contains(&key) {
                out.insert(key, v);
                continue;
            }
            let fix = match nearest(key, allowed) {
                Some(near) => format!("did you mean `{near}`?"),
                None => match home_of(key) {
                    Some(home) => format!("`{key}` belongs in {home}: move it there"),
                    None => format!(
                        "remove it; the keys allowed in {here} are {}",
                        allowed
                            .iter()
                            .map(|k| format!("`{k}`"))
                            .collect::<Vec<_>>()
                            .join(", ")
                    ),
                },
            };
            self.problem(k.span(), format!("unknown key `{key}` in {here}"), fix);
        }
        out
    }

    fn table<'n>(
        &mut self,
        v: &'n Spanned<Node>,
        name: &str,
    ) -> Option<&'n [(Spanned<String>, Spanned<Node>)]> {
        match v.get_ref() {
            Node::Table(t) => Some(t),
            other => {
                self.problem(
                    v.span(),
                    format!("`{name}` must be a table, found {}", other.kind()),
                    format!("write it as a `[{name}]` section with keys under it"),
                );
                None
            }
        }
    }

    fn string(&mut self, e: &Entries, key: &str, example: &str) -> Option<String> {
        let v = e.get(key)?;
        match v.get_ref() {
            Node::Str(s) => Some(s.clone()),
            other => {
                self.problem(
                    v.span(),
                    format!("`{key}` must be a string, found {}", other.kind()),
                    format!("write it in double quotes, e.g. `{key} = {}`", q(example)),
                );
                None
            }
        }
    }

    fn bool(&mut self, e: &Entries, key: &str, default: bool) -> bool {
        let Some(v) = e.get(key) else { return default };
        match v.get_ref() {
            Node::Bool(b) => *b,
            other => {
                self.problem(
                    v.span(),
                    format!("`{key}` must be true or false, found {}", other.kind()),
                    format!("write `{key} = true` or `{key} = false`, without quotes"),
                );
                default
            }
        }
    }

    /// A whole number in `min..=max`, or `None` (with a problem if present but wrong).
    fn int(&mut self, e: &Entries, key: &str, min: u64, max: u64, example: u64) -> Option<u64> {
        let v = e.get(key)?;
        let bad = match v.get_ref() {
            Node::Int(n) if *n >= 0 && (*n as u64) >= min && (*n as u64) <= max => {
                return Some(*n as u64)
            }
            Node::Int(n) if *n < 0 || (*n as u64) < min => {
                format!("`{key}` must be at least {min}, found {n}")
            }
            Node::Int(n) => format!("`{key}` = {n} is too large"),
            other => format!("`{key}` must be a whole number, found {}", other.kind()),
        };
        let range = if max == u64::MAX || max == i64::MAX as u64 {
            format!("at least {min}")
        } else {
            format!("between {min} and {max}")
        };
        self.problem(
            v.span(),
            bad,
            format!("write a whole number {range} without quotes, e.g. `{key} = {example}`"),
        );
        None
    }

    /// An array of strings; a problem for each element that is not one.
    fn strings(
        &mut self,
        e: &Entries,
        key: &str,
        example: &str,
    ) -> Option<Vec<(String, Range<usize>)>> {
        let v = e.get(key)?;
        let Node::Array(items) = v.get_ref() else {
            self.problem(
                v.span(),
                format!("`{key}` must be a list, found {}", v.get_ref().kind()),
                format!("write it in brackets, e.g. `{key} = [{}]`", q(example)),
            );
            return None;
        };
        let mut out = Vec::new();
        for it in items {
            match it.get_ref() {
                Node::Str(s) => out.push((s.clone(), it.span())),
                other => self.problem(
                    it.span(),
                    format!(
                        "every entry of `{key}` must be a string, found {}",
                        other.kind()
                    ),
                    format!("put it in double quotes, e.g. {}", q(example)),
                ),
            }
        }
        Some(out)
    }

    fn regexes(&mut self, e: &Entries, key: &str, example: &str) -> Option<Vec<regex::Regex>> {
        let items = self.strings(e, key, example)?;
        let mut out = Vec::new();
        for (s, span) in items {
            match regex::Regex::new(&s) {
                Ok(r) => out.push(r),
                Err(err) => self.problem(
                    span,
                    format!("`{key}` pattern {} is not a valid regex: {}", q(&s), regex_reason(&err)),
                    "correct the pattern (a literal `.`, `?`, `(` or `[` needs a backslash, written `\\\\` inside double quotes or as a 'single-quoted' string)".into(),
                ),
            }
        }
        Some(out)
    }

    fn config(&mut self, root: &Node) -> Config {
        let mut config = Config {
            store: StoreConfig::default(),
            crawl: CrawlConfig::default(),
            sources: Vec::new(),
        };
        let Node::Table(root) = root else {
            return config;
        };
        let e = self.entries(root, ROOT_KEYS, "the top level");
        if let Some(t) = e.get("store").and_then(|v| self.table(v, "store")) {
            let s = self.entries(t, STORE_KEYS, "[store]");
            if let Some(p) = self.string(&s, "path", "dozor-data") {
                if p.trim().is_empty() {
                    self.problem(
                        s["path"].span(),
                        "`path` is empty".into(),
                        "name a directory for the store, e.g. `path = \"dozor-data\"`".into(),
                    );
                } else {
                    config.store.path = PathBuf::from(p);
                }
            }
        }
        if let Some(t) = e.get("crawl").and_then(|v| self.table(v, "crawl")) {
            self.crawl(t, &mut config.crawl);
        }
        if let Some(v) = e.get("sources") {
            match v.get_ref() {
                Node::Array(items) => {
                    let mut names: HashSet<String> = HashSet::new();
                    for it in items {
                        if let Some(s) = self.source(it, &mut names) {
                            config.sources.push(s);
                        }
                    }
                }
                other => self.problem(
                    v.span(),
                    format!("`sources` must be a list of tables, found {}", other.kind()),
                    "write each outlet as its own `[[sources]]` section".into(),
                ),
            }
        }
        config
    }

    fn crawl(&mut self, t: &[(Spanned<String>, Spanned<Node>)], c: &mut CrawlConfig) {
        let e = self.entries(t, CRAWL_KEYS, "[crawl]");
        if let Some(ua) = self.string(&e, "user_agent", &c.user_agent.clone()) {
            if ua.trim().is_empty() {
                self.problem(
                    e["user_agent"].span(),
                    "`user_agent` is empty: sites must be able to tell who is crawling".into(),
                    format!(
                        "name dozor and a contact, e.g. `user_agent = {}`",
                        q(&c.user_agent)
                    ),
                );
            } else {
                c.user_agent = ua;
            }
        }
        let usize_max = usize::MAX as u64;
        let i = i64::MAX as u64;
        if let Some(n) = self.int(&e, "concurrency", 1, usize_max.min(i), 16) {
            c.concurrency = n as usize;
        }
        if let Some(n) = self.int(&e, "per_host_concurrency", 1, usize_max.min(i), 2) {
            c.per_host_concurrency = n as usize;
        }
        if let Some(n) = self.int(&e, "per_host_delay_ms", 0, i, 1000) {
            c.per_host_delay_ms = n;
        }
        if let Some(n) = self.int(&e, "timeout_secs", 1, i, 30) {
            c.timeout_secs = n;
        }
        if let Some(n) = self.int(&e, "connect_timeout_secs", 1, i, 10) {
            c.connect_timeout_secs = n;
        }
        if let Some(n) = self.int(&e, "max_page_bytes", 1, i, 5 << 20) {
            c.max_page_bytes = n;
        }
        if e.contains_key("max_pages") {
            c.max_pages = self.int(&e, "max_pages", 1, i, 1000);
        }
        c.respect_robots = self.bool(&e, "respect_robots", c.respect_robots);
        if let Some(n) = self.int(&e, "recrawl_minutes", 0, i, 60) {
            c.recrawl_minutes = n;
        }
        if let Some(n) = self.int(&e, "max_attempts", 1, u32::MAX as u64, 4) {
            c.max_attempts = n as u32;
        }
    }

    fn source(&mut self, v: &Spanned<Node>, names: &mut HashSet<String>) -> Option<Source> {
        let Node::Table(t) = v.get_ref() else {
            self.problem(
                v.span(),
                format!(
                    "every entry of `sources` must be a table, found {}",
                    v.get_ref().kind()
                ),
                "write each outlet as its own `[[sources]]` section".into(),
            );
            return None;
        };
        let e = self.entries(t, SOURCE_KEYS, "[[sources]]");
        let before = self.problems.len();
        let name = match self.string(&e, "name", "tengrinews") {
            Some(n) if n.trim().is_empty() => {
                self.problem(
                    e["name"].span(),
                    "`name` is empty".into(),
                    "give the outlet a short name, e.g. `name = \"tengrinews\"`".into(),
                );
                None
            }
            Some(n) => {
                if !names.insert(n.clone()) {
                    self.problem(
                        e["name"].span(),
                        format!("a source named {} is already defined above", q(&n)),
                        "give each source its own name (e.g. add the language: `tengrinews-kk`)"
                            .into(),
                    );
                }
                Some(n)
            }
            None if !e.contains_key("name") => {
                self.problem(
                    v.span(),
                    "this source has no `name`".into(),
                    "add a line `name = \"...\"` under `[[sources]]`".into(),
                );
                None
            }
            None => None,
        };
        let mut start = Vec::new();
        match self.strings(&e, "start", "https://tengrinews.kz/news.rss") {
            Some(items) if items.is_empty() => self.problem(
                e["start"].span(),
                "`start` is empty: nothing to crawl for this source".into(),
                "list the outlet's feed, sitemap or news page, e.g. `start = [\"https://tengrinews.kz/news.rss\"]`".into(),
            ),
            Some(items) => {
                for (s, span) in items {
                    match check_url(&s) {
                        Ok(u) => start.push(u),
                        Err((message, fix)) => self.problem(span, message, fix),
                    }
                }
            }
            None if !e.contains_key("start") => self.problem(
                v.span(),
                "this source has no `start` URLs".into(),
                "add the outlet's feed, sitemap or news page, e.g. `start = [\"https://tengrinews.kz/news.rss\"]`".into(),
            ),
            None => {}
        }
        let follow = self
            .regexes(&e, "follow", "^https://tengrinews\\.kz/")
            .map(Follow::Patterns);
        let article = self
            .regexes(&e, "article", "/news/.+-[0-9]+/$")
            .unwrap_or_default();
        let lang = match self.string(&e, "lang", "ru") {
            Some(l) => match l.as_str() {
                "ru" => Some(Lang::Ru),
                "kk" => Some(Lang::Kk),
                "en" => Some(Lang::En),
                _ => {
                    let fix = match l.to_ascii_lowercase().as_str() {
                        "kz" | "kaz" | "qaz" => "Kazakh is `lang = \"kk\"`".to_string(),
                        "rus" => "Russian is `lang = \"ru\"`".to_string(),
                        "eng" => "English is `lang = \"en\"`".to_string(),
                        _ => "write `ru`, `kk` or `en`, or remove the line to tell each page's language from its text".to_string(),
                    };
                    self.problem(e["lang"].span(), format!("unknown language {}", q(&l)), fix);
                    None
                }
            },
            None => None,
        };
        let max_depth = self
            .int(&e, "max_depth", 0, u32::MAX as u64, 3)
            .map(|n| n as u32)
            .unwrap_or(DEFAULT_MAX_DEPTH);
        let mut selectors = Selectors::default();
        if let Some(t) = e
            .get("selectors")
            .and_then(|v| self.table(v, "sources.selectors"))
        {
            let se = self.entries(t, SELECTOR_KEYS, "[sources.selectors]");
            for key in SELECTOR_KEYS {
                let Some(css) = self.string(&se, key, "article h1") else {
                    continue;
                };
                if let Err(err) = scraper::Selector::parse(&css) {
                    self.problem(
                        se[key].span(),
                        format!("`{key}` selector {} is not valid CSS: {}", q(&css), css_reason(&err)),
                        "write a CSS selector such as `article h1`, `div.article-body` or `time[datetime]`".into(),
                    );
                    continue;
                }
                match *key {
                    "title" => selectors.title = Some(css),
                    "body" => selectors.body = Some(css),
                    _ => selectors.date = Some(css),
                }
            }
        }
        if self.problems.len() > before {
            return None;
        }
        let follow = follow.unwrap_or_else(|| Follow::Hosts(start_hosts(&start)));
        Some(Source {
            name: name?,
            start,
            follow,
            article,
            lang,
            max_depth,
            selectors,
        })
    }
}

/// A start URL must be absolute http(s) with a host.
fn check_url(s: &str) -> Result<url::Url, (String, String)> {
    match url::Url::parse(s) {
        Ok(u) if matches!(u.scheme(), "http" | "https") && u.host_str().is_some() => Ok(u),
        Ok(u) => Err((
            format!(
                "{} is not a web address dozor can fetch (scheme `{}`)",
                q(s),
                u.scheme()
            ),
            "use an http:// or https:// URL".into(),
        )),
        Err(url::ParseError::RelativeUrlWithoutBase) => Err((
            format!("{} is not a full URL", q(s)),
            format!(
                "write it with its scheme: {}",
                q(&format!("https://{}", s.trim_start_matches('/')))
            ),
        )),
        Err(e) => Err((
            format!("{} is not a valid URL: {e}", q(s)),
            "write a full address such as `https://tengrinews.kz/news.rss` (spaces as %20)".into(),
        )),
    }
}

/// scraper's message for some errors is a debug dump asking to be reported; say less.
fn css_reason(e: &scraper::error::SelectorErrorKind) -> String {
    let text = e.to_string();
    let first = text.lines().next().unwrap_or_default().trim();
    if first.is_empty() || first.contains("report this") {
        "it cannot be parsed".into()
    } else {
        first.to_string()
    }
}

/// The one line of a regex error that says what is wrong.
fn regex_reason(e: &regex::Error) -> String {
    let text = e.to_string();
    text.lines()
        .rev()
        .find_map(|l| l.trim().strip_prefix("error: "))
        .map(str::to_string)
        .unwrap_or_else(|| text.split_whitespace().collect::<Vec<_>>().join(" "))
}

/// The allowed key closest to a misspelt one, if close enough to be a slip.
fn nearest<'k>(key: &str, allowed: &[&'k str]) -> Option<&'k str> {
    let limit = (key.chars().count() / 3).clamp(1, 3);
    allowed
        .iter()
        .map(|a| (edit_distance(key, a), *a))
        .filter(|(d, _)| *d <= limit)
        .min_by_key(|(d, _)| *d)
        .map(|(_, a)| a)
}

fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut cur = vec![i + 1];
        for (j, cb) in b.iter().enumerate() {
            let sub = prev[j] + usize::from(ca != *cb);
            cur.push(sub.min(prev[j + 1] + 1).min(cur[j] + 1));
        }
        prev = cur;
    }
    prev[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    const MINIMAL: &str = r#"
[[sources]]
name = "one"
start = ["https://www.example.kz/rss"]
"#;

    fn problems(text: &str) -> Vec<Problem> {
        Config::parse(text, "t.toml").unwrap_err().problems
    }

    #[test]
    fn embedded_is_valid_with_many_distinct_sources() {
        let c = Config::embedded();
        assert!(c.sources.len() >= 15, "{}", c.sources.len());
        let names: HashSet<_> = c.sources.iter().map(|s| &s.name).collect();
        assert_eq!(names.len(), c.sources.len());
        assert!(c.sources.iter().all(|s| s.lang.is_some()));
    }

    #[test]
    fn defaults_fill_what_is_absent() {
        let c = Config::parse(MINIMAL, "t.toml").unwrap();
        assert_eq!(c.store, StoreConfig::default());
        assert_eq!(c.crawl, CrawlConfig::default());
        assert_eq!(c.crawl.concurrency, 16);
        assert_eq!(c.crawl.per_host_concurrency, 2);
        assert_eq!(c.crawl.per_host_delay_ms, 1000);
        assert_eq!(c.crawl.max_pages, None);
        assert!(c.crawl.respect_robots);
        let s = &c.sources[0];
        assert_eq!(s.max_depth, 3);
        assert_eq!(s.follow, Follow::Hosts(vec!["www.example.kz".into()]));
        assert!(s.article.is_empty());
        assert_eq!(s.lang, None);
    }

    #[test]
    fn follow_hosts_ignore_www_and_other_hosts() {
        let c = Config::parse(MINIMAL, "t.toml").unwrap();
        let s = c.source_named("one").unwrap();
        let u = |x: &str| url::Url::parse(x).unwrap();
        assert!(s.may_follow(&u("https://example.kz/news/1")));
        assert!(s.may_follow(&u("http://www.example.kz/a")));
        assert!(!s.may_follow(&u("https://evil.kz/www.example.kz")));
        assert!(!s.may_follow(&u("ftp://www.example.kz/a")));
        assert_eq!(s.is_article_url(&u("https://example.kz/a")), None);
        assert!(c.source_named("two").is_none());
    }

    #[test]
    fn follow_and_article_patterns() {
        let c = Config::parse(
            r#"
[[sources]]
name = "p"
start = ["https://a.kz/"]
follow = ['^https://a\.kz/(news|rss)']
article = ['/news/\d+$']
lang = "kk"
max_depth = 1
[sources.selectors]
title = "h1.title"
"#,
            "t.toml",
        )
        .unwrap();
        let s = &c.sources[0];
        let u = |x: &str| url::Url::parse(x).unwrap();
        assert!(s.may_follow(&u("https://a.kz/news/5")));
        assert!(!s.may_follow(&u("https://a.kz/about")));
        assert_eq!(s.is_article_url(&u("https://a.kz/news/5")), Some(true));
        assert_eq!(s.is_article_url(&u("https://a.kz/news/")), Some(false));
        assert_eq!(s.lang, Some(Lang::Kk));
        assert_eq!(s.max_depth, 1);
        assert_eq!(s.selectors.title.as_deref(), Some("h1.title"));
    }

    #[test]
    fn every_problem_is_reported_with_its_line() {
        let text = r#"[crawl]
concurrency = 0
per_host_dealy_ms = 5
[[sources]]
name = "a"
start = ["ftp://a.kz/", "a.kz/rss"]
follow = ["(unclosed"]
lang = "kz"
colour = "red"
[sources.selectors]
body = "div[["
[[sources]]
name = "a"
start = ["https://b.kz/"]
"#;
        let p = problems(text);
        let lines: Vec<usize> = p.iter().map(|p| p.line).collect();
        assert_eq!(lines, vec![2, 3, 6, 6, 7, 8, 9, 11, 13], "{p:#?}");
        assert!(p[1].fix.contains("per_host_delay_ms"), "{}", p[1].fix);
        assert!(p[3].fix.contains("https://a.kz/rss"), "{}", p[3].fix);
        assert!(p[5].fix.contains("kk"));
        assert!(p.iter().all(|p| p.file == "t.toml" && !p.fix.is_empty()));
    }

    #[test]
    fn zero_limits_are_refused() {
        let p = problems("[crawl]\nconcurrency = 0\nper_host_concurrency = -1\ntimeout_secs = 0\nmax_pages = 0\n");
        let lines: Vec<usize> = p.iter().map(|p| p.line).collect();
        assert_eq!(lines, vec![2, 3, 4, 5], "{p:#?}");
        assert!(p[0].message.contains("at least 1"), "{}", p[0].message);
    }

    #[test]
    fn misplaced_key_is_sent_home() {
        let p = problems("[store]\nuser_agent = \"x\"\n");
        assert_eq!(p.len(), 1);
        assert_eq!(p[0].line, 2);
        assert!(p[0].fix.contains("[crawl]"), "{}", p[0].fix);
    }

    #[test]
    fn syntax_error_names_its_line() {
        let p = problems("[crawl]\nconcurrency = 4\nuser_agent = \"unterminated\n");
        assert_eq!(p.len(), 1);
        assert_eq!(p[0].line, 3, "{p:?}");
    }

    #[test]
    fn wrong_types_and_missing_keys() {
        let p = problems(
            "[crawl]\nrespect_robots = \"yes\"\nmax_pages = 1979-05-27\n[[sources]]\nlang = \"ru\"\n",
        );
        let lines: Vec<usize> = p.iter().map(|p| p.line).collect();
        // The source without name and start is reported at its header.
        assert_eq!(lines, vec![2, 3, 4, 4], "{p:#?}");
    }

    #[test]
    fn effective_toml_round_trips() {
        for text in [
            DEFAULT_TOML,
            MINIMAL,
            "[crawl]\nmax_pages = 7\nrespect_robots = false\n[store]\npath = 'x\"y'\n[[sources]]\nname = \"q\\\"\"\nstart = [\"https://a.kz/\"]\nfollow = ['a\\.kz/\"']\narticle = ['\\d+']\n[sources.selectors]\nbody = \"div[class='x']\"\n",
        ] {
            let c = Config::parse(text, "t.toml").unwrap();
            let eff = c.effective_toml();
            let back = Config::parse(&eff, "effective.toml")
                .unwrap_or_else(|e| panic!("{e}\n---\n{eff}"));
            assert_eq!(c, back, "{eff}");
        }
    }

    #[test]
    fn edit_distance_suggestions() {
        assert_eq!(edit_distance("kitten", "sitting"), 3);
        assert_eq!(nearest("concurency", CRAWL_KEYS), Some("concurrency"));
        assert_eq!(nearest("zzz", CRAWL_KEYS), None);
    }

    #[test]
    fn unreadable_file_says_so() {
        let e = Config::load(Path::new("/nonexistent/dozor.toml")).unwrap_err();
        assert_eq!(e.problems[0].line, 0);
        assert!(e
            .to_string()
            .starts_with("/nonexistent/dozor.toml: cannot read"));
    }
}
