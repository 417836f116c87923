//! `newsgraph path A B [--type T,...] [--via affiliation] [--directed] [--max-hops N] [--all | --k N] [--limit N] [--format table|json]`
//!
//! How two actors, named by any of their aliases (case- and diacritic-insensitive),
//! are connected: a shortest path by default, the k shortest with `--k`, or every
//! simple path up to the hop limit with `--all`. Each hop prints its relation
//! type, date when known, and the evidence sentence with its document; other
//! relations between the same two actors follow as "also".
//!
//! Paths go over events (contacts, statements, agreements...): affiliations
//! join everyone of a country or institution, so a path through them says
//! little; `--via affiliation` walks them too.
//!
//! With `--on URL` the question goes to a graph database server the store was
//! pushed to (`newsgraph push`): the server finds the actors and the paths, and
//! the answer is printed exactly as from the embedded store.

use super::print_json;
use super::query_common::{
    evidence_line, name, relation_suffix, type_list, types_or, OutputFormat, ServerArgs, Via,
};
use super::store::StoreArgs;
use anyhow::Result;
use newsgraph::query::path::alternatives;
use newsgraph::query::{find_actor, walk_types, Index, Path, PathFinder, PathOptions, PathReport};
use newsgraph::NewsGraph;
use petgraph::stable_graph::NodeIndex;

/// Hop limit of `--all` when `--max-hops` is not given.
const ALL_DEFAULT_MAX_HOPS: usize = 4;
/// Other relations printed per hop in tables (JSON lists them all).
const ALSO_SHOWN: usize = 3;

#[derive(clap::Args)]
pub struct Args {
    /// First actor (any name or alias).
    a: String,
    /// Second actor (any name or alias).
    b: String,
    #[command(flatten)]
    store: StoreArgs,
    /// Only walk these relation types (comma-separated, e.g. call,meet,visit).
    #[arg(long = "type")]
    types: Option<String>,
    /// Also walk affiliations (roles in countries and institutions), which
    /// paths leave out by default.
    #[arg(long, value_enum)]
    via: Option<Via>,
    /// Follow relations only in their direction (source to target).
    #[arg(long)]
    directed: bool,
    /// Longest path to look for, in hops (default: no limit; 4 with --all).
    #[arg(long)]
    max_hops: Option<usize>,
    /// Every simple path up to the hop limit, shortest first.
    #[arg(long, conflicts_with = "k")]
    all: bool,
    /// The k shortest paths (through different actors), shortest first.
    #[arg(long, value_parser = clap::value_parser!(u64).range(1..))]
    k: Option<u64>,
    /// With --all: most paths to print.
    #[arg(long, default_value_t = 20, value_parser = clap::value_parser!(u64).range(1..))]
    limit: u64,
    /// Output format.
    #[arg(long, value_enum, default_value = "table")]
    format: OutputFormat,
    #[command(flatten)]
    server: ServerArgs,
}

pub fn run(args: Args) -> Result<()> {
    let asked = types_or(args.types.as_deref(), &[])?;
    let types = walk_types(&asked, args.via == Some(Via::Affiliation));
    let (g, a, b) = match args.server.connect()? {
        None => {
            let g = args.store.open()?;
            let a = find_actor(&g, &args.a)?;
            let b = find_actor(&g, &args.b)?;
            (g, a, b)
        }
        Some(mut server) => on_server(&mut server, &args, &types)?,
    };
    let idx = Index::new(&g);
    let mut finder = PathFinder::new(&idx);
    let max_hops = if args.all {
        Some(args.max_hops.unwrap_or(ALL_DEFAULT_MAX_HOPS))
    } else {
        args.max_hops
    };
    let opts = PathOptions {
        types: types.clone(),
        directed: args.directed,
        max_hops,
    };
    let (paths, complete, many) = if args.all {
        let all = finder.all_paths(
            a,
            b,
            max_hops.unwrap_or(ALL_DEFAULT_MAX_HOPS),
            args.limit as usize,
            &types,
            args.directed,
        );
        (all.paths, all.complete, true)
    } else if let Some(k) = args.k {
        (finder.k_shortest(a, b, k as usize, &opts), true, true)
    } else {
        (
            finder.shortest(a, b, &opts).into_iter().collect(),
            true,
            false,
        )
    };
    if paths.is_empty() {
        let mut why = Vec::new();
        if let Some(m) = max_hops {
            why.push(format!("within {m} hop(s)"));
        }
        if asked.is_empty() && args.via.is_none() {
            why.push("over events only (--via affiliation also walks affiliations)".to_string());
        } else {
            why.push(format!("over {}", type_list(&types)));
        }
        if args.directed {
            why.push("following relation directions".to_string());
        }
        anyhow::bail!(
            "no path between {} and {}{}",
            name(&g, a),
            name(&g, b),
            if why.is_empty() {
                String::new()
            } else {
                format!(" {}", why.join(", "))
            }
        );
    }
    if args.format == OutputFormat::Json {
        return print_json(&if many {
            PathReport::several(&g, &idx, a, b, &paths, complete, &opts)
        } else {
            PathReport::shortest(&g, &idx, a, b, &paths[0], &opts)
        });
    }
    let ctx = Ctx {
        g: &g,
        idx: &idx,
        opts: &opts,
    };
    let mut out = String::new();
    if many {
        let what = if args.all {
            format!(
                "{} path(s) of at most {} hop(s)",
                paths.len(),
                max_hops.unwrap_or(ALL_DEFAULT_MAX_HOPS)
            )
        } else {
            format!("{} shortest path(s)", paths.len())
        };
        out.push_str(&format!("{} → {}: {what}\n", name(&g, a), name(&g, b)));
        for (i, p) in paths.iter().enumerate() {
            out.push_str(&format!("\nPath {} ({} hop(s))\n", i + 1, p.len()));
            ctx.write_hops(p, "  ", &mut out);
        }
        if !complete {
            out.push_str(&format!(
                "\n(there may be more paths: showing the first {}; raise --limit or lower --max-hops)\n",
                paths.len()
            ));
        }
    } else {
        out.push_str(&format!(
            "{} → {}: {} hop(s)\n",
            name(&g, a),
            name(&g, b),
            paths[0].len()
        ));
        ctx.write_hops(&paths[0], "", &mut out);
    }
    super::print_out(&out)
}

/// The answer graph of the question from a server, with the two actors: the
/// server resolves the names and finds the paths; `--k` and `--all` look at
/// every path up to `--max-hops` (default: 4 for `--all`, two more than the
/// shortest path for `--k`), at most 10,000 of them.
fn on_server(
    server: &mut newsgraph::remote::Server,
    args: &Args,
    types: &[newsgraph::RelationType],
) -> Result<(NewsGraph, NodeIndex, NodeIndex)> {
    use newsgraph::remote::query::{check_graph, path_graph, resolve, PathMode};
    check_graph(server)?;
    let a = resolve(server, &args.a)?;
    let b = resolve(server, &args.b)?;
    let mut g = path_graph(
        server,
        &a.id,
        &b.id,
        types,
        args.directed,
        args.max_hops,
        PathMode::Shortest,
    )?;
    let hops = if args.all {
        Some(args.max_hops.unwrap_or(ALL_DEFAULT_MAX_HOPS))
    } else if args.k.is_some() {
        let (na, nb) = (g.node(&a.id), g.node(&b.id));
        let shortest = match (na, nb) {
            (Some(na), Some(nb)) => PathFinder::new(&Index::new(&g))
                .shortest(
                    na,
                    nb,
                    &PathOptions {
                        types: types.to_vec(),
                        directed: args.directed,
                        max_hops: args.max_hops,
                    },
                )
                .map(|p| p.len()),
            _ => None,
        };
        shortest.map(|l| args.max_hops.unwrap_or(l + 2))
    } else {
        None
    };
    if let Some(h) = hops {
        g = path_graph(
            server,
            &a.id,
            &b.id,
            types,
            args.directed,
            args.max_hops,
            PathMode::UpTo(h),
        )?;
    }
    let node = |id: &str| {
        g.node(id)
            .ok_or_else(|| anyhow::anyhow!("{}: the server lost actor {id}", server.display()))
    };
    let (na, nb) = (node(&a.id)?, node(&b.id)?);
    Ok((g, na, nb))
}

/// What printing a path needs.
struct Ctx<'a> {
    g: &'a NewsGraph,
    idx: &'a Index,
    /// The options the path was found with (they decide the alternatives).
    opts: &'a PathOptions,
}

impl Ctx<'_> {
    fn write_hops(&self, p: &Path, indent: &str, out: &mut String) {
        for (i, h) in p.hops.iter().enumerate() {
            // The hop as walked: "A -call-> B" when the relation points the way
            // of the walk, "A <-call- B" when it points back.
            let r = &self.g.graph[h.edge];
            let forward = self.g.graph.edge_endpoints(h.edge).map(|(s, _)| s) == Some(h.from);
            let arrow = if forward {
                format!("-{}->", r.kind)
            } else {
                format!("<-{}-", r.kind)
            };
            let walked = format!(
                "{} {arrow} {}{}",
                name(self.g, h.from),
                name(self.g, h.to),
                relation_suffix(self.g, self.idx, h.edge)
            );
            out.push_str(&format!("{indent}{}. {walked}\n", i + 1));
            out.push_str(&format!("{indent}   {}\n", evidence_line(self.g, h.edge)));
            let also = alternatives(self.idx, h, self.opts);
            for &e in also.iter().take(ALSO_SHOWN) {
                out.push_str(&format!(
                    "{indent}   also {}: {}\n",
                    self.g.graph[e].kind,
                    evidence_line(self.g, e)
                ));
            }
            if also.len() > ALSO_SHOWN {
                out.push_str(&format!(
                    "{indent}   (and {} more relation(s); --format json lists them)\n",
                    also.len() - ALSO_SHOWN
                ));
            }
        }
    }
}
