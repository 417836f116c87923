//! The `newsgraph` command: parses arguments and hands over to the `cli` module.

mod cli;

fn main() {
    std::process::exit(cli::main());
}
