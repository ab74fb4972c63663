pub mod discover;
pub mod url;
