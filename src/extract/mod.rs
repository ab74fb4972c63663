//! [`Article`](crate::page::Article) → [`Extraction`]: the incidents and statistics it reports.

pub mod gazetteer;
pub mod lexicon_error;
pub mod lexmatch;
pub mod text;
