//! `newsgraph aliases apply FILE [--store PATH]` and `newsgraph aliases show [--store PATH]`
//!
//! The alias file fixes merges the extractor missed or got wrong. It is TOML,
//! one `[[actor]]` table per actor:
//!
//! ```toml
//! [[actor]]
//! name = "Mustafa al-Kadhimi"      # canonical name (required)
//! kind = "person"                  # person, organization, country or place (optional)
//! country = "IRQ"                  # ISO 3166-1 alpha-3 (optional)
//! aliases = ["Mustafa Al-Kadhimi", "al-Kadhimi", "PM Kadhimi"]
//! ```
//!
//! `apply` merges every stored actor named by one of an entry's names into one
//! actor with the canonical name, kind and country, logs each merge, and keeps
//! the entries in the store so later loads apply them too (`load --aliases FILE`
//! does the same before loading). `show` prints the stored entries as an alias file.

use super::print_out;
use super::store::StoreArgs;
use anyhow::Result;
use newsgraph::graph::aliases;
use std::path::PathBuf;

#[derive(clap::Args)]
pub struct Args {
    #[command(subcommand)]
    action: Action,
}

#[derive(clap::Subcommand)]
enum Action {
    /// Apply an alias file to the store and keep its entries for later loads.
    Apply {
        /// The alias file (TOML).
        file: PathBuf,
        #[command(flatten)]
        store: StoreArgs,
    },
    /// Print the alias entries kept in the store, as an alias file.
    Show {
        #[command(flatten)]
        store: StoreArgs,
    },
}

#[derive(serde::Serialize)]
struct AliasFile<'a> {
    actor: &'a [aliases::AliasEntry],
}

pub fn run(args: Args) -> Result<()> {
    match args.action {
        Action::Apply { file, store } => {
            let entries = aliases::read_file(&file)?;
            let mut st = store.edit()?;
            let r = aliases::apply(&mut st.graph, &entries);
            st.save()?;
            let (g, path) = (&st.graph, &st.path);
            println!(
                "{} entr(ies): {} matched, {} actor(s) merged, {} not in the store yet (kept for later loads); store {}: {} actors",
                entries.len(),
                r.matched,
                r.merged,
                r.pending,
                path.display(),
                g.actor_count()
            );
            Ok(())
        }
        Action::Show { store } => {
            let g = store.open()?;
            let text = toml::to_string(&AliasFile {
                actor: &g.alias_entries,
            })?;
            print_out(&text)
        }
    }
}
