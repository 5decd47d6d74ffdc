#!/usr/bin/env bash
# Pathological inputs (issue 25): times `claimlint check` on generated inputs
# of 2.5, 5, 10 and 20 MB and prints the time ratio per doubling (linear
# scaling is about x2). Not run by `cargo test`.
#
#   bench/pathological.sh [CASE]...    cases: article-json article-human long-line (default: all)
#   BIN=/path/to/claimlint SIZES="2500000 5000000" bench/pathological.sh article-json
#       times another binary (e.g. an older build) on other sizes
#
# article-*: one article of many paragraphs with "Related stories" sections
#            (boilerplate::classify::section_end; the human output's source reader)
# long-line: one line of sentences, every figure on it (LineIndex::line_col)
set -euo pipefail
cd "$(dirname "$0")/.."
if [ -z "${BIN:-}" ]; then
  cargo build --release --quiet
  BIN="${CARGO_TARGET_DIR:-target}/release/claimlint"
fi
bin="$(mktemp)"
cp "$BIN" "$bin" && chmod +x "$bin"   # a private copy: the target dir may be shared
dir="$(mktemp -d)"
trap 'rm -rf "$dir" "$bin"' EXIT
cases=("$@")
[ ${#cases[@]} -gt 0 ] || cases=(article-json article-human long-line)
read -r -a sizes <<< "${SIZES:-2500000 5000000 10000000 20000000}"

gen() { # gen KIND BYTES FILE
  python3 - "$1" "$2" "$3" <<'PY'
import sys
kind, size, out = sys.argv[1], int(sys.argv[2]), sys.argv[3]
parts, n, k = [], 0, 0
while n < size:
    if kind == "article":
        p = (f"Police officers in Haiti deployed {k % 97 + 3} armored vehicles on Monday, the ministry said, "
             f"and {k % 13 + 2} more will follow.\n\nRelated stories\n\n• Peru votes in a tight runoff\n\n"
             "Chile's copper exporters brace for tariffs on shipments\n\n")
    else:
        p = f"Kenya sent {k % 900 + 100} officers to Haiti in week {k % 50 + 1}, the ministry said. "
    parts.append(p); n += len(p.encode()); k += 1
open(out, "w").write("".join(parts) + "\n")
PY
}

for case in "${cases[@]}"; do
  case "$case" in
    article-json) kind=article; format=json ;;
    article-human) kind=article; format=human ;;
    long-line) kind=line; format=json ;;
    *) echo "bench/pathological.sh: unknown case $case" >&2; exit 2 ;;
  esac
  prev=""
  for size in "${sizes[@]}"; do
    f="$dir/$kind-$size.txt"
    [ -f "$f" ] || gen "$kind" "$size" "$f"
    start=$(date +%s.%N)
    set +e
    "$bin" check "$f" --isolated --no-rules --format "$format" --color never > /dev/null
    status=$?
    set -e
    end=$(date +%s.%N)
    [ "$status" -le 1 ] || { echo "bench: claimlint failed with exit $status on $f" >&2; exit "$status"; }
    secs=$(python3 -c "print(f'{$end - $start:.2f}')")
    ratio=""
    [ -n "$prev" ] && ratio=$(python3 -c "print(f'  x{$secs / max($prev, 0.01):.2f}')")
    printf '%-14s %5.1f MB  %7s s%s\n' "$case" "$(python3 -c "print($size / 1e6)")" "$secs" "$ratio"
    prev=$secs
  done
done
