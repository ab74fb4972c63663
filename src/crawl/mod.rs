pub mod fetch;
pub mod politeness;
pub mod robots;
