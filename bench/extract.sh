#!/usr/bin/env bash
# Extraction benchmark: generates a news-like corpus with the shared
# gen_corpus.py (outside the repository) and times `claimlint extract` over
# it, printing MB/s. Usage: bench/extract.sh [SIZE] (default 50MB).
# Set SHARED to the folder holding bench/gen_corpus.py if it is not at
# ../shared or ../../shared relative to the repository.
set -euo pipefail
cd "$(dirname "$0")/.."
size="${1:-50MB}"
shared="${SHARED:-}"
for candidate in ../shared ../../shared; do
    if [ -z "$shared" ] && [ -f "$candidate/bench/gen_corpus.py" ]; then
        shared="$candidate"
    fi
done
if [ -z "$shared" ]; then
    echo "bench/extract.sh: cannot find shared/bench/gen_corpus.py; set SHARED" >&2
    exit 2
fi
corpus="${TMPDIR:-/tmp}/claimlint-extract-bench-$size"
if [ ! -d "$corpus" ]; then
    python3 "$shared/bench/gen_corpus.py" --size "$size" --out "$corpus" --seed 1 >&2
fi
cargo build --release --quiet
target="${CARGO_TARGET_DIR:-target}"
bin="$(mktemp)"
cp "$target/release/claimlint" "$bin" && chmod +x "$bin"   # a private copy: the target dir may be shared
bytes=$(du -sb "$corpus" | cut -f1)
threads="${RAYON_NUM_THREADS:-}"
start=$(date +%s.%N)
facts=$("$bin" extract "$corpus" --isolated --no-rules | wc -l)
end=$(date +%s.%N)
rm -f "$bin"
python3 - "$bytes" "$start" "$end" "$facts" "$threads" <<'PY'
import sys
b, s, e, n, t = int(sys.argv[1]), float(sys.argv[2]), float(sys.argv[3]), int(sys.argv[4]), sys.argv[5]
secs = e - s
print(f"extract: {b/1e6:.1f} MB in {secs:.2f} s = {b/1e6/secs:.1f} MB/s, {n} facts"
      + (f" (RAYON_NUM_THREADS={t})" if t else ""))
PY
