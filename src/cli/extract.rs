//! `newsgraph extract INPUT... [--format table|json] [--input-format F] [--id NAME] [--include-planned] [--explain]`
//!
//! Reads documents (`-` for stdin), extracts actors and relations and prints them:
//! a readable table by default, or the JSON contract with `--format json`
//! (documents, actors, relations with evidence; see the README). Several files
//! are merged into one graph, the same actor in two documents becoming one actor.
//! `--explain` prints, per relation, the sentence, the trigger, the rule that fired
//! and how each side was identified.

use super::{print_out, table};
use anyhow::Result;
use newsgraph::extract::Options;
use newsgraph::graph::merge::merge_into;
use newsgraph::input::records;
use newsgraph::pipeline::{extract_records_all, list_inputs, nothing_read};
use newsgraph::NewsGraph;
use std::collections::HashMap;
use std::path::PathBuf;

#[derive(clap::Args)]
pub struct Args {
    /// Files or folders to read (`-` for stdin): text, Markdown, HTML, JSON
    /// Lines, node-link JSON, CSV or GDELT, as `load` reads them.
    #[arg(required = true)]
    inputs: Vec<PathBuf>,
    #[command(flatten)]
    read: super::read_args::ReadArgs,
    /// Output format: table or json.
    #[arg(long, default_value = "table")]
    format: String,
    /// Also report planned or expected events (marked "planned": true).
    #[arg(long)]
    include_planned: bool,
    /// Explain every relation: sentence, trigger, rule, and how its sides were identified.
    #[arg(long)]
    explain: bool,
    #[command(flatten)]
    lexicon: super::lexicon_args::LexiconArgs,
}

pub fn run(args: Args) -> Result<()> {
    let opts = Options {
        include_planned: args.include_planned,
        lexicon: args.lexicon.load()?,
    };
    let read = args.read.options(&args.inputs, None)?;
    let listed = list_inputs(&args.inputs)?;
    super::read_args::print_notes(&listed);
    let done = extract_records_all(records(listed.files, read), opts, args.read.skip_bad)?;
    super::read_args::print_bad(&done.bad);
    if done.results.is_empty() {
        anyhow::bail!("{}", nothing_read(&args.inputs, &done.bad));
    }
    let mut g = NewsGraph::new();
    let mut trails: HashMap<(String, String), Vec<String>> = HashMap::new();
    let single = done.results.len() == 1;
    // Extraction ran in parallel across documents; merging stays in input order.
    for r in done.results {
        let doc = r.extraction.documents.first().map(|d| d.id.clone());
        for (id, t) in r.trails {
            trails.insert((doc.clone().unwrap_or_default(), id), t);
        }
        if single {
            g = NewsGraph::from_extraction(r.extraction);
        } else {
            merge_into(&mut g, r.extraction);
        }
    }
    let x = g.to_extraction();
    match args.format.as_str() {
        "json" => print_out(&(serde_json::to_string_pretty(&x)? + "\n")),
        "table" => {
            let mut out = String::new();
            for d in &x.documents {
                out.push_str(&format!("document {} ({})\n", d.id, d.path));
            }
            out.push('\n');
            let rows: Vec<Vec<String>> = x
                .actors
                .iter()
                .map(|a| {
                    vec![
                        a.id.clone(),
                        a.kind.to_string(),
                        a.country.clone().unwrap_or_default(),
                        a.name.clone(),
                        a.aliases.join("; "),
                    ]
                })
                .collect();
            out.push_str(&table::render(
                &["ID", "KIND", "COUNTRY", "NAME", "ALIASES"],
                &rows,
            ));
            out.push('\n');
            let name = |id: &str| {
                x.actors
                    .iter()
                    .find(|a| a.id == id)
                    .map(|a| a.name.clone())
                    .unwrap_or_else(|| id.to_string())
            };
            if args.explain {
                for r in &x.relations {
                    out.push_str(&format!(
                        "{} -{}-> {}  (CAMEO {})\n",
                        name(&r.source),
                        r.kind,
                        name(&r.target),
                        r.cameo.as_deref().unwrap_or("-")
                    ));
                    out.push_str(&format!(
                        "  sentence {} of {} [bytes {}..{}]: {}\n",
                        r.evidence.sentence,
                        r.evidence.doc,
                        r.evidence.start,
                        r.evidence.end,
                        r.evidence.text
                    ));
                    out.push_str(&format!("  trigger: {:?}\n", r.evidence.trigger));
                    out.push_str(&format!(
                        "  rule:    {}\n",
                        r.evidence.rule.as_deref().unwrap_or("-")
                    ));
                    for (side, id) in [("source", &r.source), ("target", &r.target)] {
                        let t = trails
                            .get(&(r.evidence.doc.clone(), id.clone()))
                            .map(|t| t.join("; "))
                            .unwrap_or_default();
                        out.push_str(&format!("  {side}:  {} — {}\n", name(id), t));
                    }
                    out.push('\n');
                }
            } else {
                let rows: Vec<Vec<String>> = x
                    .relations
                    .iter()
                    .map(|r| {
                        vec![
                            name(&r.source),
                            r.kind.to_string(),
                            name(&r.target),
                            r.evidence.trigger.clone(),
                            format!("{}#{}", r.evidence.doc, r.evidence.sentence),
                        ]
                    })
                    .collect();
                out.push_str(&table::render(
                    &["SOURCE", "TYPE", "TARGET", "TRIGGER", "WHERE"],
                    &rows,
                ));
            }
            print_out(&out)
        }
        other => anyhow::bail!("unknown format {other:?} (expected table or json)"),
    }
}
