#!/usr/bin/env bash
# Benchmark: generate a news-like corpus with ../shared/bench/gen_corpus.py
# and time `claimlint check` on it with the shipped rules, printing MB/s.
#
#   bench/run.sh [SIZE] [THREADS]     e.g. bench/run.sh 100MB 2
#
# One untimed warm-up run (it brings the corpus into the page cache and, on a
# virtual machine, lets the host hand the process its memory), then RUNS timed
# runs (default 3); each is printed, and the median gives the MB/s.
# The corpus is cached under ${TMPDIR:-/tmp}; the same seed gives the same bytes.
set -euo pipefail
cd "$(dirname "$0")/.."
size="${1:-100MB}"
threads="${2:-}"
runs="${RUNS:-3}"
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
out="${TMPDIR:-/tmp}/claimlint-bench.json"
env_threads=()
[ -n "$threads" ] && env_threads=(env RAYON_NUM_THREADS="$threads")
check() {
  set +e
  "${env_threads[@]}" "$bin" check "$corpus" --rules rules --format json > "$out"
  local status=$?
  set -e
  [ "$status" -le 1 ] || { echo "bench: claimlint failed with exit $status" >&2; exit "$status"; }
}
check
times=()
for _ in $(seq "$runs"); do
  start=$(date +%s.%N)
  check
  end=$(date +%s.%N)
  times+=("$start" "$end")
done
python3 - "$bytes" "$files" "$out" "${times[@]}" <<'PY'
import json, statistics, sys
size, files, out = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
stamps = [float(t) for t in sys.argv[4:]]
times = [end - start for start, end in zip(stamps[::2], stamps[1::2])]
for t in times:
    print(f"  run: {t:.2f} s, {size / 1e6 / t:.1f} MB/s")
secs = statistics.median(times)
summary = json.load(open(out))["summary"]
print(f"checked {files} articles, {size / 1e6:.1f} MB in {secs:.2f} s (median of {len(times)}): {size / 1e6 / secs:.1f} MB/s")
print(f"findings: {summary['errors']} errors, {summary['warnings']} warnings, {summary['claims_confirmed']} claims confirmed")
PY
