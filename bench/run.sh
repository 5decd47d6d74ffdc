#!/usr/bin/env bash
# Benchmark: generate a news-like corpus with ../shared/bench/gen_corpus.py
# and time `claimlint check` on it with the shipped rules, printing MB/s.
#
#   bench/run.sh [SIZE] [THREADS]     e.g. bench/run.sh 100MB 2
#
# The corpus is cached under ${TMPDIR:-/tmp}; the same seed gives the same bytes.
set -euo pipefail
cd "$(dirname "$0")/.."
size="${1:-100MB}"
threads="${2:-}"
gen="../shared/bench/gen_corpus.py"
[ -f "$gen" ] || { echo "bench: $gen not found (it lives beside the repository)" >&2; exit 2; }
corpus="${TMPDIR:-/tmp}/claimlint-bench-corpus-$size"
if [ ! -d "$corpus" ]; then
  python3 "$gen" --size "$size" --out "$corpus" --seed 1 >&2
fi
cargo build --release --quiet
bin="${CARGO_TARGET_DIR:-target}/release/claimlint"
bytes=$(du -sb "$corpus" | cut -f1)
files=$(find "$corpus" -type f | wc -l)
env_threads=()
[ -n "$threads" ] && env_threads=(env RAYON_NUM_THREADS="$threads")
start=$(date +%s.%N)
set +e
"${env_threads[@]}" "$bin" check "$corpus" --rules rules --format json > "${TMPDIR:-/tmp}/claimlint-bench.json"
status=$?
set -e
end=$(date +%s.%N)
[ "$status" -le 1 ] || { echo "bench: claimlint failed with exit $status" >&2; exit "$status"; }
python3 - "$bytes" "$files" "$start" "$end" "${TMPDIR:-/tmp}/claimlint-bench.json" <<'PY'
import json, sys
size, files, start, end, out = int(sys.argv[1]), int(sys.argv[2]), float(sys.argv[3]), float(sys.argv[4]), sys.argv[5]
secs = end - start
summary = json.load(open(out))["summary"]
print(f"checked {files} articles, {size / 1e6:.1f} MB in {secs:.2f} s: {size / 1e6 / secs:.1f} MB/s")
print(f"findings: {summary['errors']} errors, {summary['warnings']} warnings, {summary['claims_confirmed']} claims confirmed")
PY
