//! The `newsgraph` command: parses arguments and hands over to the `cli` module.
#![cfg_attr(not(test), deny(clippy::unwrap_used, clippy::expect_used))]

mod cli;

// Extraction makes and drops many small strings and vectors per sentence; the
// system allocator spent about a quarter of `extract`'s time on them.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    std::process::exit(cli::main());
}
