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
use anyhow::Result;
use newsgraph::graph::aliases;
use newsgraph::graph::store;
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
        /// Store file (default: $NEWSGRAPH_STORE or ./newsgraph.store).
        #[arg(long)]
        store: Option<PathBuf>,
    },
    /// Print the alias entries kept in the store, as an alias file.
    Show {
        /// Store file (default: $NEWSGRAPH_STORE or ./newsgraph.store).
        #[arg(long)]
        store: Option<PathBuf>,
    },
}

#[derive(serde::Serialize)]
struct AliasFile<'a> {
    actor: &'a [aliases::AliasEntry],
}

pub fn run(args: Args) -> Result<()> {
    match args.action {
        Action::Apply { file, store: st } => {
            let entries = aliases::read_file(&file)?;
            let path = super::existing_store(st.as_deref())?;
            let _lock = super::lock_store(&path)?;
            let mut g = store::open(&path)?;
            aliases::check_with_stored(&g, &file, &entries)?;
            let r = aliases::apply(&mut g, &entries);
            g.compact();
            store::save(&g, &path)?;
            outln!(
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
        Action::Show { store: st } => {
            let path = super::existing_store(st.as_deref())?;
            let g = store::open(&path)?;
            let text = toml::to_string(&AliasFile {
                actor: &g.alias_entries,
            })?;
            print_out(&text)
        }
    }
}
