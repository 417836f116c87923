//! Readers: turn files, folders and stdin into documents with their text.

pub mod text;

pub use text::{read_inputs, SourceDoc};
