//! Progress bars for long runs (large loads, corpus generation), drawn on stderr
//! only when stderr is a terminal, so pipes, logs and tests see no control codes.

use indicatif::{ProgressBar, ProgressStyle};

/// A byte-counting progress bar of `len` bytes, or `None` when `enabled` is false
/// (stderr is not a terminal).
pub fn bar(len: u64, msg: &'static str, enabled: bool) -> Option<ProgressBar> {
    if !enabled {
        return None;
    }
    let bar = ProgressBar::new(len);
    let style = ProgressStyle::with_template(
        "{msg} [{bar:30}] {bytes}/{total_bytes} {binary_bytes_per_sec} eta {eta}",
    )
    .unwrap_or_else(|_| ProgressStyle::default_bar())
    .progress_chars("=> ");
    bar.set_style(style);
    bar.set_message(msg);
    Some(bar)
}
