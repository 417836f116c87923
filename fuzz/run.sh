#!/usr/bin/env bash
# Runs fuzz targets one after another for SECONDS each (default 300) from the
# seeds in seeds/TARGET (the growing corpus goes to corpus/TARGET, crashes to
# artifacts/TARGET) and prints each one's executions. Usage:
#   fuzz/run.sh [SECONDS] [TARGET...]      (default: every target)
set -euo pipefail
cd "$(dirname "$0")"
secs=${1:-300}
shift || true
targets=("$@")
[ ${#targets[@]} -eq 0 ] && targets=(extract jsonl html nodelink csv gdelt store aliases names)
for t in "${targets[@]}"; do
  mkdir -p "corpus/$t"
  log="corpus/$t.log"
  RUSTC_BOOTSTRAP=1 cargo fuzz run "$t" "corpus/$t" "seeds/$t" -- \
    -max_total_time="$secs" -max_len=8192 -timeout=20 -rss_limit_mb=2048 \
    -print_final_stats=1 >"$log" 2>&1 || { echo "$t: FAILED (see fuzz/$log)"; tail -n 40 "$log"; exit 1; }
  execs=$(grep -E '^stat::number_of_executed_units' "$log" | awk '{print $2}')
  echo "$t: ${execs:-?} executions in ${secs} s, clean"
done
