//! `newsgraph contacts A [--type T,...] [--via affiliation] [--evidence] [--format table|json]`
//! `newsgraph contacts --matrix [--actors A,B,C | --top N] [--type T,...] [--format table|json]`
//!
//! Who an actor contacted and who contacted it (call, meet and visit unless
//! `--type` says otherwise), with the number of events, their types, first and
//! last date and the documents; or the who-contacted-whom matrix of the most
//! contacted actors (or of the actors listed).
//!
//! With `--on URL` the question goes to a graph database server the store was
//! pushed to (`newsgraph push`), with the same answer and output.

use super::print_json;
use super::query_common::{
    evidence_line, name, relation_line, type_list, types_or, OutputFormat, ServerArgs, Via,
};
use super::store::StoreArgs;
use super::table::render;
use anyhow::Result;
use newsgraph::query::{
    contact_matrix, contacts, find_actor, most_contacted, resolve::find_actors, ContactsReport,
    Index, MatrixReport, TypeSet,
};
use newsgraph::{NewsGraph, RelationType};

#[derive(clap::Args)]
pub struct Args {
    /// The actor (any name or alias); not needed with --matrix.
    actor: Option<String>,
    #[command(flatten)]
    store: StoreArgs,
    /// Relation types that count as contacts (comma-separated; default call,meet,visit).
    #[arg(long = "type")]
    types: Option<String>,
    /// Also count affiliations (roles in countries and institutions) as
    /// contacts; they are not by default.
    #[arg(long, value_enum)]
    via: Option<Via>,
    /// Print the who-contacted-whom matrix instead of one actor's contacts.
    #[arg(long)]
    matrix: bool,
    /// With --matrix: the actors (comma-separated names or aliases).
    #[arg(long, requires = "matrix")]
    actors: Option<String>,
    /// With --matrix: how many of the most contacted actors (when --actors is not given).
    #[arg(long, default_value_t = 10, requires = "matrix")]
    top: usize,
    /// Print the evidence sentence of every contact.
    #[arg(long)]
    evidence: bool,
    /// Output format.
    #[arg(long, value_enum, default_value = "table")]
    format: OutputFormat,
    #[command(flatten)]
    server: ServerArgs,
}

pub fn run(args: Args) -> Result<()> {
    let mut types = types_or(
        args.types.as_deref(),
        &[RelationType::Call, RelationType::Meet, RelationType::Visit],
    )?;
    if args.via == Some(Via::Affiliation) && !types.contains(&RelationType::Affiliation) {
        types.push(RelationType::Affiliation);
    }
    if args.matrix && args.actor.is_some() {
        anyhow::bail!("--matrix takes its actors from --actors, not as an argument");
    }
    if !args.matrix && args.actor.is_none() {
        anyhow::bail!("name an actor (newsgraph contacts NAME) or ask for --matrix");
    }
    if let Some(mut server) = args.server.connect()? {
        return on_server(&mut server, &args, &types);
    }
    let g = args.store.open()?;
    let idx = Index::new(&g);
    if args.matrix {
        let actors = matrix_actors(&g, &idx, &args, &types)?;
        return matrix(&g, &idx, &args, &types, actors);
    }
    let Some(actor) = args.actor.as_deref() else {
        anyhow::bail!("name an actor (newsgraph contacts NAME) or ask for --matrix");
    };
    let a = find_actor(&g, actor)?;
    answer(&g, &idx, a, &args, &types)
}

/// The question asked of a server: it resolves the names and returns the
/// relations the answer needs, which the embedded code then summarizes.
fn on_server(
    server: &mut newsgraph::remote::Server,
    args: &Args,
    types: &[RelationType],
) -> Result<()> {
    use newsgraph::remote::query::{
        check_graph, contacts_graph, matrix_graph, most_contacted, resolve,
    };
    check_graph(server)?;
    if args.matrix {
        let ids: Vec<String> = match &args.actors {
            Some(list) => {
                let mut ids = Vec::new();
                for n in list.split(',').map(str::trim).filter(|s| !s.is_empty()) {
                    let id = resolve(server, n)?.id;
                    if !ids.contains(&id) {
                        ids.push(id);
                    }
                }
                if ids.is_empty() {
                    anyhow::bail!("--actors needs at least one name");
                }
                ids
            }
            None => most_contacted(server, args.top, types)?,
        };
        let g = matrix_graph(server, &ids, types)?;
        let idx = Index::new(&g);
        let actors = ids.iter().filter_map(|id| g.node(id)).collect();
        return matrix(&g, &idx, args, types, actors);
    }
    let name = args.actor.as_deref().unwrap_or_default();
    let a = resolve(server, name)?;
    let g = contacts_graph(server, &a.id, types)?;
    let idx = Index::new(&g);
    let Some(n) = g.node(&a.id) else {
        anyhow::bail!("{}: the server lost actor {}", server.display(), a.id);
    };
    answer(&g, &idx, n, args, types)
}

/// Prints one actor's contacts.
fn answer(
    g: &NewsGraph,
    idx: &Index,
    a: petgraph::stable_graph::NodeIndex,
    args: &Args,
    types: &[RelationType],
) -> Result<()> {
    let (g, idx, types) = (g, idx, types.to_vec());
    let c = contacts(g, idx, a, TypeSet::of(&types));
    if args.format == OutputFormat::Json {
        return print_json(&ContactsReport::new(g, &c, &types));
    }
    let mut out = format!("{}: contacts ({})\n", name(g, a), type_list(&types));
    for (title, side) in [
        (format!("{} contacted", name(g, a)), &c.contacted),
        (format!("contacted {}", name(g, a)), &c.contacted_by),
    ] {
        out.push('\n');
        if side.is_empty() {
            out.push_str(&format!("{title}: nobody\n"));
            continue;
        }
        out.push_str(&format!("{title}:\n"));
        let rows: Vec<Vec<String>> = side
            .iter()
            .map(|s| {
                vec![
                    name(g, s.actor).to_string(),
                    g.actor(s.actor).kind.to_string(),
                    s.events.to_string(),
                    s.types
                        .iter()
                        .map(|(t, n)| {
                            if *n > 1 {
                                format!("{t} ×{n}")
                            } else {
                                t.to_string()
                            }
                        })
                        .collect::<Vec<_>>()
                        .join(", "),
                    s.first.clone().unwrap_or_else(|| "-".into()),
                    s.last.clone().unwrap_or_else(|| "-".into()),
                    s.documents.join(", "),
                ]
            })
            .collect();
        out.push_str(&render(
            &[
                "actor",
                "kind",
                "events",
                "types",
                "first",
                "last",
                "documents",
            ],
            &rows,
        ));
        if args.evidence {
            for s in side {
                for &e in &s.relations {
                    out.push_str(&format!(
                        "  {}\n    {}\n",
                        relation_line(g, idx, e),
                        evidence_line(g, e)
                    ));
                }
            }
        }
    }
    super::print_out(&out)
}

/// The actors of the matrix: those listed, or the most contacted.
fn matrix_actors(
    g: &NewsGraph,
    idx: &Index,
    args: &Args,
    types: &[RelationType],
) -> Result<Vec<petgraph::stable_graph::NodeIndex>> {
    let set = TypeSet::of(types);
    Ok(match &args.actors {
        Some(list) => {
            let names: Vec<String> = list
                .split(',')
                .map(|s| s.trim().to_string())
                .filter(|s| !s.is_empty())
                .collect();
            if names.is_empty() {
                anyhow::bail!("--actors needs at least one name");
            }
            let mut v = find_actors(g, &names)?;
            let mut seen = std::collections::HashSet::new();
            v.retain(|n| seen.insert(*n));
            v
        }
        None => most_contacted(g, idx, args.top, set),
    })
}

fn matrix(
    g: &NewsGraph,
    idx: &Index,
    args: &Args,
    types: &[RelationType],
    actors: Vec<petgraph::stable_graph::NodeIndex>,
) -> Result<()> {
    let set = TypeSet::of(types);
    let m = contact_matrix(idx, &actors, set);
    if args.format == OutputFormat::Json {
        return print_json(&MatrixReport::new(g, &m, types));
    }
    let mut out = format!(
        "Who contacted whom ({}): row actor contacted column actor, number of events\n\n",
        type_list(types)
    );
    if m.actors.is_empty() {
        out.push_str("no contacts in the store\n");
        return super::print_out(&out);
    }
    let mut header: Vec<String> = vec![String::new()];
    header.extend((1..=m.actors.len()).map(|j| j.to_string()));
    let rows: Vec<Vec<String>> = m
        .actors
        .iter()
        .enumerate()
        .map(|(i, &n)| {
            let mut row = vec![format!("{}. {}", i + 1, name(g, n))];
            row.extend(m.counts[i].iter().map(|&c| {
                if c == 0 {
                    ".".to_string()
                } else {
                    c.to_string()
                }
            }));
            row
        })
        .collect();
    let header_refs: Vec<&str> = header.iter().map(String::as_str).collect();
    out.push_str(&render(&header_refs, &rows));
    super::print_out(&out)
}
