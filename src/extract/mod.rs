//! [`Article`](crate::page::Article) → [`Extraction`]: the incidents and statistics it reports.

pub mod lexmatch;
pub mod money;
pub mod text;
