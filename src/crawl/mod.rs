//! Fetching the news: the only part of dozor that touches the network.
//!
//! [`run`] is one crawl: start URLs and due frontier entries are fetched ([`fetch`]) within
//! the bounds of robots.txt ([`robots`]) and per-host limits ([`politeness`]); what they
//! link to is found by [`discover`] and canonicalised by [`url`]; articles go through
//! `page::read` and `extract` into the store.

pub mod discover;
pub mod fetch;
pub mod politeness;
pub mod robots;
mod run;
pub mod url;

pub use run::{run, Options, Summary};
