//! The `newsgraph` command: parses arguments and hands over to the `cli` module.
#![cfg_attr(not(test), deny(clippy::unwrap_used, clippy::expect_used))]

mod cli;

fn main() {
    std::process::exit(cli::main());
}
