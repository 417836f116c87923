//! The examples that end each subcommand's `--help`. They run as written from a
//! checkout, on the store `load examples --store news.store` makes (the test
//! `tests/cli_help.rs` runs every one of them in that order), so a renamed flag
//! or a changed example article breaks a test, not a newcomer's first try.

use super::build::OUTPUTS;
use newsgraph::export::Format;

/// `extract`: one article as a table, as JSON, and with the reasons.
pub const EXTRACT: &str = "\
Examples:
  # The actors and relations of one article
  newsgraph extract examples/erbil-reactions.txt
  # The same as JSON (the shape the evaluation tools read)
  newsgraph extract --format json examples/vilnius-nato.txt
  # Which lexicon line or rule produced each relation
  newsgraph extract --explain examples/woodside-summit.txt";

/// `load`: a folder, then one more file with an alias file.
pub const LOAD: &str = "\
Examples:
  # Every article of a folder into a store (again: unchanged files are skipped)
  newsgraph load examples --store news.store
  # One more article, with the corrections of an alias file
  newsgraph load tests/data/blinken-call-erbil.txt --store news.store --aliases tests/data/aliases.toml";

/// `path`: shortest, k shortest and all paths.
pub const PATH: &str = "\
Examples:
  newsgraph path --store news.store Biden Ramaphosa
  newsgraph path --store news.store --k 3 Zelensky \"Xi Jinping\"
  newsgraph path --store news.store --all --max-hops 3 --type meet,visit,agree Biden Modi";

/// `contacts`: one actor, with evidence, and the matrix.
pub const CONTACTS: &str = "\
Examples:
  newsgraph contacts --store news.store \"Xi Jinping\"
  newsgraph contacts --store news.store Biden --evidence
  newsgraph contacts --store news.store --matrix --top 5";

/// `neighbors`: one hop, then two hops of some types.
pub const NEIGHBORS: &str = "\
Examples:
  newsgraph neighbors --store news.store Biden
  newsgraph neighbors --store news.store \"Xi Jinping\" --depth 2 --type meet,agree";

/// `top`: by degree, then by PageRank among people.
pub const TOP: &str = "\
Examples:
  newsgraph top --store news.store
  newsgraph top --store news.store --by pagerank --kind person --limit 5";

/// `timeline`: every relation of an actor, then only meetings with evidence.
pub const TIMELINE: &str = "\
Examples:
  newsgraph timeline --store news.store \"Xi Jinping\"
  newsgraph timeline --store news.store Biden --type meet --evidence";

/// `stats`: as a table and as JSON.
pub const STATS: &str = "\
Examples:
  newsgraph stats --store news.store
  newsgraph stats --store news.store --format json";

/// `documents`: as a table and as JSON.
pub const DOCUMENTS: &str = "\
Examples:
  newsgraph documents --store news.store
  newsgraph documents --store news.store --format json";

/// `actors`: by kind, and as JSON.
pub const ACTORS: &str = "\
Examples:
  newsgraph actors --store news.store --kind country
  newsgraph actors --store news.store --format json";

/// `relations`: by actor and type, and one document as JSON.
pub const RELATIONS: &str = "\
Examples:
  newsgraph relations --store news.store --actor Biden --type meet,agree
  newsgraph relations --store news.store --doc vilnius-nato --format json";

/// `aliases`: apply a file, show what the store keeps.
pub const ALIASES: &str = "\
Examples:
  newsgraph aliases apply tests/data/aliases.toml --store news.store
  newsgraph aliases show --store news.store";

/// `merge`: two names of one company, a ministry into its state.
pub const MERGE: &str = "\
Examples:
  # PlayStation is Sony's: one actor from now on (logged; `split` undoes it)
  newsgraph merge --store news.store Sony PlayStation
  # Count the ministry's statements as the state's
  newsgraph merge --store news.store China \"China's foreign ministry\"";

/// `split`: undo the merge above, and take a building out of a country.
pub const SPLIT: &str = "\
Examples:
  # Undo the merge: PlayStation's relations and names go back to it
  newsgraph split --store news.store Sony --alias PlayStation
  # A building the extractor took for the country's government
  newsgraph split --store news.store \"South Africa\" --alias \"Union Buildings\" --kind place";

/// `remove`: one document, then two.
pub const REMOVE: &str = "\
Examples:
  # Ids as `documents` lists them; what only this article brought goes with it
  newsgraph remove --store news.store --doc activision-deal
  newsgraph remove --store news.store --doc erbil-reactions --doc blinken-call-erbil";

/// `export`: a diagram, a report, and the drawing of an answer.
pub const EXPORT: &str = "\
Examples:
  newsgraph export --store news.store --format svg -o graph.svg
  newsgraph export --store news.store --format html --cluster country -o report.html
  # The shortest path from Biden to Ramaphosa, alone, as a Mermaid flowchart
  newsgraph export --store news.store --path Biden Ramaphosa --depth 0 --format mermaid -o path.mmd";

/// `push`: FalkorDB, and Neo4j or Memgraph.
pub const PUSH: &str = "\
Examples:
  # FalkorDB (e.g. docker run -p 6379:6379 falkordb/falkordb)
  newsgraph push --store news.store --to redis://127.0.0.1:6379 --graph news
  # Neo4j or Memgraph (a build with --features bolt; password in NEO4J_PASSWORD)
  newsgraph push --store news.store --to bolt://127.0.0.1:7687";

/// `serve`: the explorer on the default port, then on another one in a browser.
pub const SERVE: &str = "\
Examples:
  newsgraph serve --store news.store
  newsgraph serve --store news.store --bind 127.0.0.1:8091 --open";

/// `gen-corpus`: a small corpus, then one with more actors.
pub const GEN_CORPUS: &str = "\
Examples:
  newsgraph gen-corpus corpus --size 1MB --seed 1
  newsgraph gen-corpus corpus-wide --size 500KB --people 2000 --organizations 400";

/// What each of `build`'s files is, by format.
fn describe(format: Format) -> &'static str {
    match format {
        Format::Dot => "Graphviz source of the diagram",
        Format::Svg => "the diagram (Graphviz when installed, else the embedded renderer)",
        Format::Html => "one self-contained report: diagram, legend, tables with evidence",
        Format::Json => "node-link JSON with every attribute (networkx, d3)",
        Format::Graphml => "GraphML (yEd, Gephi, Cytoscape, networkx)",
        Format::Mermaid => "a Mermaid flowchart for Markdown",
        Format::Png => "the diagram as a PNG image",
        Format::Pdf => "the diagram as a PDF document",
        Format::Csv => "CSV files for neo4j-admin import",
        Format::Cypher => "a Cypher script (Neo4j, Memgraph, FalkorDB)",
    }
}

/// `build`: the files it writes (from [`OUTPUTS`], so the list cannot drift
/// from what it does), then the examples.
pub fn build() -> String {
    let mut s = String::from(
        "Writes into the --out folder:\n  newsgraph.store  the graph store (elsewhere with --store)\n",
    );
    for (file, format) in OUTPUTS {
        s.push_str(&format!("  {file:<16} {}\n", describe(*format)));
    }
    s.push_str(
        "
Examples:
  # The main job, on the example articles (cargo run --release -- build examples --out out)
  newsgraph build examples --out out
  # More articles, countries boxed, a title
  newsgraph build examples tests/data --out report --cluster country --title \"Example articles\"",
    );
    s
}
