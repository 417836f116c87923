//! The reading options shared by every command that reads documents
//! (`extract`, `build`, `load`), so each reads every format the same way.

use newsgraph::input::{Format, ReadOptions, Tick};
use newsgraph::pipeline::Inputs;
use std::path::PathBuf;

#[derive(clap::Args, Debug)]
pub struct ReadArgs {
    /// Read every input as this format: text, jsonl, html, json, csv or gdelt
    /// (default: by extension and content).
    #[arg(long = "input-format", value_name = "FORMAT")]
    pub input_format: Option<Format>,
    /// Largest document read (a file, a JSON Lines line, stdin), e.g. 64M, 1G;
    /// checked while reading, so endless input stops here.
    #[arg(long, value_name = "SIZE", default_value = "64M", value_parser = super::parse_size)]
    pub max_doc_size: u64,
    /// Skip bad files and records (each named on stderr) instead of stopping.
    #[arg(long)]
    pub skip_bad: bool,
    /// The id of the document read from stdin (`-`); default `stdin-` and the
    /// first 12 hex digits of its content's hash.
    #[arg(long, value_name = "NAME")]
    pub id: Option<String>,
}

impl ReadArgs {
    /// The reader's options; `--id` without `-` among the inputs is a mistake
    /// worth a message rather than silence.
    pub fn options(&self, inputs: &[PathBuf], tick: Option<Tick>) -> anyhow::Result<ReadOptions> {
        if self.id.is_some() && !inputs.iter().any(|p| p.as_os_str() == "-") {
            anyhow::bail!("--id names the document read from stdin: give `-` as an input");
        }
        Ok(ReadOptions {
            format: self.input_format,
            skip_bad: self.skip_bad,
            tick,
            max_doc_bytes: self.max_doc_size,
            stdin_id: self.id.clone(),
        })
    }
}

/// Prints what the listing of the inputs left out, one line each.
pub fn print_notes(inputs: &Inputs) {
    for note in &inputs.notes {
        eprintln!("note: {}", newsgraph::error::one_line(note));
    }
}

/// Names the bad inputs skipped (`--skip-bad`), at most 20 lines.
pub fn print_bad(bad: &[String]) {
    for (i, b) in bad.iter().enumerate() {
        if i == 20 {
            eprintln!("skipped: ... and {} more", bad.len() - 20);
            break;
        }
        eprintln!("skipped: {}", newsgraph::error::one_line(b));
    }
}
