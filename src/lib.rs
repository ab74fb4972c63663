//! dozor watches the news for police misconduct.
//!
//! The flow is `page::read` (bytes → [`page::Article`]) then `extract::extract`
//! (article → [`extract::Extraction`]). Both are pure functions: no I/O, no global state
//! beyond the compiled lexicon they are handed.

pub mod config;
pub mod crawl;
pub mod date;
pub mod extract;
pub mod inputs;
pub mod page;
pub mod store;
pub mod table;
