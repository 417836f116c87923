//! `newsgraph export --format FORMAT [-o FILE] [--store PATH] [diagram options]`
//!
//! Writes the stored graph as a diagram (dot, svg, png, pdf, html report,
//! mermaid) or an interchange file (json, graphml, csv for neo4j-admin, written
//! into the folder given with -o). Diagrams style nodes by kind and edges by
//! relation type, label edges and carry a legend. SVG is laid out by Graphviz
//! when installed, else by the embedded renderer (with a note); so are PNG and
//! PDF, converted from the embedded renderer's SVG when Graphviz is absent.

use super::print_out_bytes;
use super::store::StoreArgs;
use anyhow::Result;
use newsgraph::export::diagram::{ClusterBy, Collapse, Isolated};
use newsgraph::export::{export, Engine, ExportOptions, Format};
use newsgraph::graph::store;
use std::path::{Path, PathBuf};

/// Diagram options shared by `export` and `build`.
#[derive(clap::Args, Debug, Clone)]
pub struct DiagramArgs {
    /// Layout engine for svg, png, pdf: auto (dot for small graphs, sfdp for
    /// large ones, the embedded renderer without Graphviz), dot, neato, sfdp or builtin.
    #[arg(long, default_value = "auto", value_name = "ENGINE")]
    pub engine: String,
    /// Draw parallel relations of one type between two actors as one edge with a
    /// count (the default above 40 relations).
    #[arg(long, overrides_with = "no_collapse")]
    pub collapse: bool,
    /// Draw every relation as its own edge.
    #[arg(long)]
    pub no_collapse: bool,
    /// Group actors in boxes: `country` (people and institutions under the
    /// country they belong to) or `none`.
    #[arg(long, default_value = "none", value_name = "BY")]
    pub cluster: String,
    /// Actors with no relation: `auto` (left out and counted in the legend when
    /// anything else is drawn), `drop`, or `keep` (packed in a box of their own).
    #[arg(long, default_value = "auto", value_name = "WHAT")]
    pub isolated: String,
    /// Leave the legend out.
    #[arg(long)]
    pub no_legend: bool,
    /// A title drawn above the diagram.
    #[arg(long)]
    pub title: Option<String>,
}

impl DiagramArgs {
    /// The library options these arguments stand for.
    pub fn options(&self) -> Result<ExportOptions> {
        let mut o = ExportOptions {
            engine: self.engine.parse::<Engine>()?,
            ..Default::default()
        };
        o.diagram.collapse = if self.no_collapse {
            Collapse::Never
        } else if self.collapse {
            Collapse::Always
        } else {
            Collapse::Auto
        };
        o.diagram.cluster = self.cluster.parse::<ClusterBy>()?;
        o.diagram.isolated = self.isolated.parse::<Isolated>()?;
        o.diagram.legend = !self.no_legend;
        o.diagram.title = self.title.clone();
        Ok(o)
    }
}

#[derive(clap::Args)]
pub struct Args {
    /// Output format: dot, svg, png, pdf, html, json, graphml, mermaid, csv or
    /// cypher (csv writes actors.csv and relations.csv into the folder given with -o).
    #[arg(short, long, default_value = "dot")]
    format: String,
    /// Output file (default: stdout).
    #[arg(short, long)]
    output: Option<PathBuf>,
    #[command(flatten)]
    store: StoreArgs,
    #[command(flatten)]
    diagram: DiagramArgs,
    #[command(flatten)]
    select: super::selection::SelectionArgs,
    #[command(flatten)]
    trim: super::selection::TrimArgs,
    /// Resolution of PNG output, in dots per inch.
    #[arg(long, default_value_t = 144)]
    dpi: u32,
    /// With --format cypher: the server the script is for (neo4j, memgraph or
    /// falkordb; they differ only in how the index is created).
    #[arg(long, default_value = "neo4j", value_name = "SERVER")]
    dialect: String,
}

pub fn run(args: Args) -> Result<()> {
    let path = args.store.existing()?;
    let format: Format = args.format.parse()?;
    let mut opts = args.diagram.options()?;
    opts.dpi = args.dpi;
    opts.cypher_dialect = args.dialect.parse()?;
    let mut g = store::open(&path)?;
    let mut keep: Vec<String> = Vec::new();
    if args.select.is_some() {
        let (selected, title) = args.select.apply(&g)?;
        keep = args.select.focus_ids(&g)?;
        g = selected.graph;
        opts.diagram.highlight = selected.highlight;
        keep.extend(opts.diagram.highlight.actors.iter().cloned());
        if opts.diagram.title.is_none() {
            opts.diagram.title = title;
        }
    }
    let (trimmed, trim_note) = args.trim.apply(&g, format, keep, &mut opts.diagram.title)?;
    if let Some(t) = trimmed {
        g = t;
    }
    let mut out = export(&g, format, &opts)?;
    out.notes.extend(trim_note);
    for (name, bytes) in &out.files {
        match (name, args.output.as_deref()) {
            (None, p) => write_output(p, bytes)?,
            (Some(name), Some(dir)) => {
                std::fs::create_dir_all(dir).map_err(|e| {
                    anyhow::anyhow!(
                        "{}: the {} format writes a folder of files here: {e}",
                        dir.display(),
                        format.extension()
                    )
                })?;
                write_output(Some(&dir.join(name)), bytes)?;
            }
            (Some(_), None) => anyhow::bail!(
                "the {} format writes several files: give a folder with -o DIR",
                format.extension()
            ),
        }
    }
    // Notes only once the output is written: a failed command says one thing, its error.
    for n in &out.notes {
        eprintln!("note: {n}");
    }
    Ok(())
}

/// Writes to a file, or to stdout when none is given.
pub fn write_output(path: Option<&Path>, bytes: &[u8]) -> Result<()> {
    match path {
        // Atomic: a full disk or a crash leaves the old file, never half a new one.
        Some(p) => Ok(newsgraph::fsio::write_bytes_atomic(p, bytes)?),
        None => print_out_bytes(bytes),
    }
}
