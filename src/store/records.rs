//! What the store keeps per page and per article, serialised as JSON so that a person can
//! read a record and a later dozor can still read an older one.

use serde::{Deserialize, Serialize};

/// A fetched URL: how it answered, and the validators for the next conditional GET.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PageRecord {
    /// The canonical URL it was fetched under (the key).
    pub url: String,
    /// Where redirects ended.
    pub final_url: String,
    pub status: u16,
    pub etag: Option<String>,
    pub last_modified: Option<String>,
    pub fetched_at_ms: u64,
    pub content_hash: u64,
}

/// An article as read, with the incidents and statistics extracted from it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ArticleRecord {
    /// The canonical URL (after redirects and rel=canonical): the key.
    pub url: String,
    /// The configured source (outlet) it was found through.
    pub source: String,
    pub fetched_at_ms: u64,
    pub title: Option<String>,
    /// ISO 8601, as precise as the page said.
    pub published: Option<String>,
    pub lang: String,
    pub charset: String,
    pub paragraphs: Vec<String>,
    /// The lexicon the extraction was made with: a newer one means extract again.
    pub lexicon_version: String,
    /// `dozor extract --format jsonl` records of this article, as an array.
    pub extraction: serde_json::Value,
}
