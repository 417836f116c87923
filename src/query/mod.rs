//! Questions on the graph: how two actors are connected, and more to come.

pub mod path;

pub use path::{shortest_path, Hop, PathOptions};
