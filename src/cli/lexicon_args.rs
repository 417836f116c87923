//! `--lexicon DIR`, shared by every command that extracts (`extract`, `load`,
//! `build`): a folder of files named like those in `data/` whose lines add to
//! the built-in lexicons, so a user adds a verb, a title or an organization
//! without rebuilding the program.

use newsgraph::lexicon::{self, Lexicon};
use std::path::PathBuf;

#[derive(clap::Args, Debug, Default)]
pub struct LexiconArgs {
    /// Folder of lexicon files named like those in data/ (triggers.tsv,
    /// organizations.tsv, titles.tsv, ...) whose entries add to the built-in ones.
    #[arg(long, value_name = "DIR")]
    lexicon: Option<PathBuf>,
}

impl LexiconArgs {
    /// The built-in lexicons, or those extended from the folder. The extended
    /// lexicon lives as long as the process: a command loads it once.
    pub fn load(&self) -> anyhow::Result<&'static Lexicon> {
        match &self.lexicon {
            None => Ok(lexicon::builtin()),
            Some(dir) => Ok(Box::leak(Box::new(Lexicon::with_extensions(dir)?))),
        }
    }
}
