//! Exports: diagrams (DOT, SVG) and interchange formats (node-link JSON).

pub mod dot;
pub mod json;
pub mod style;
pub mod svg;

use crate::error::Error;
use std::str::FromStr;

/// Output formats of `newsgraph export`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// Graphviz DOT source.
    Dot,
    /// SVG diagram (Graphviz when installed, else the embedded renderer).
    Svg,
    /// Node-link JSON (networkx `node_link_graph`, d3).
    Json,
}

impl FromStr for Format {
    type Err = Error;
    fn from_str(s: &str) -> Result<Self, Error> {
        match s.to_ascii_lowercase().as_str() {
            "dot" | "gv" => Ok(Format::Dot),
            "svg" => Ok(Format::Svg),
            "json" => Ok(Format::Json),
            other => Err(Error::Invalid(format!(
                "unknown export format {other:?} (expected dot, svg or json)"
            ))),
        }
    }
}
