//! `newsgraph serve [--store PATH] [--bind 127.0.0.1:8080] [--open]`
//!
//! The relationship explorer: a read-only local web app over the store (see
//! [`newsgraph::serve`]). Prints the address it listens on as the first line
//! of stdout (`--bind 127.0.0.1:0` picks a free port), then serves until
//! interrupted; a store that `load` changes meanwhile is picked up.

use super::store::StoreArgs;
use anyhow::Result;
use std::io::Write;

#[derive(clap::Args)]
pub struct Args {
    #[command(flatten)]
    store: StoreArgs,
    /// Address to listen on (loopback by default: the explorer has no login).
    #[arg(long, default_value = "127.0.0.1:8080", value_name = "ADDR:PORT")]
    bind: String,
    /// Open the explorer in the default browser.
    #[arg(long)]
    open: bool,
}

pub fn run(args: Args) -> Result<()> {
    let server = newsgraph::serve::bind(&args.store.existing()?, &args.bind)?;
    let addr = server.local_addr()?;
    let url = format!("http://{addr}/");
    {
        let mut out = std::io::stdout().lock();
        writeln!(out, "{url}")?;
        out.flush()?;
    }
    if !addr.ip().is_loopback() {
        eprintln!("note: listening on {addr}, beyond this machine: anyone who can reach it can read the store");
    }
    if args.open {
        open_browser(&url);
    }
    Ok(server.run()?)
}

/// Asks the desktop to open `url`; a machine without one only gets a note.
fn open_browser(url: &str) {
    let opener = if cfg!(target_os = "macos") {
        "open"
    } else if cfg!(windows) {
        "explorer"
    } else {
        "xdg-open"
    };
    if std::process::Command::new(opener)
        .arg(url)
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .is_err()
    {
        eprintln!("note: could not start {opener}; open {url} in a browser");
    }
}
