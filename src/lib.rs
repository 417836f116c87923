//! newsgraph: turn English news into a graph of who did what to whom.
//!
//! The crate is a one-way pipeline, one module per stage:
//!
//! * [`input`]   reads documents (text files, folders, stdin);
//! * [`extract`] finds actors and events in a document's text;
//! * [`graph`]   holds the model ([`Actor`], [`Relation`], [`Evidence`]), merges
//!   extractions into one graph and persists it as an embedded store;
//! * [`query`]   answers questions on the graph (paths between actors, ...);
//! * [`export`]  writes diagrams and interchange formats (DOT, SVG, JSON, Cypher);
//! * [`remote`]  pushes the graph to a graph database server (FalkorDB, Neo4j)
//!   and asks it the questions [`query`] answers locally.
//!
//! [`corpus`] generates synthetic news and graphs of any size for benchmarks.
//!
//! The `newsgraph` binary only wires these functions together.
//!
//! Library code never calls `unwrap()` or `expect()`: data from outside the
//! program (files, stores, arguments) must give a typed [`Error`], never a
//! panic. Unit tests may unwrap.
#![cfg_attr(not(test), deny(clippy::unwrap_used, clippy::expect_used))]

// Bottom layer: used by all, uses nothing above it.
pub mod error;
pub mod fsio;
pub mod model;
pub mod strings;
pub mod text;
// The stages, in the order data flows through them.
pub mod corpus;
pub mod cypher;
pub mod export;
pub mod extract;
pub mod graph;
pub mod input;
pub mod lexicon;
pub mod pipeline;
pub mod query;
pub mod remote;
pub mod serve;

pub use error::{Error, Result};
pub use graph::NewsGraph;
pub use model::{Actor, ActorKind, Document, Evidence, Extraction, Relation, RelationType};
