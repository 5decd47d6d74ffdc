#!/usr/bin/env python3
"""Helper of bench/precision.sh (Python 3 standard library only).

Subcommands:
  dev-list DEVDIR                 print the clean dev documents, one path a line
  dev-ids DEVDIR                  print the Brown ids (ca01 ...) the dev set uses
  brown PKGDIR OUTDIR [EXCLUDE]   write the Brown press files (ca, cb, cc) as articles
  sotu PKGDIR OUTDIR              write the State of the Union addresses as articles
  report [--list RULE] SOURCE=RESULTS ...
                                  print the table from the results files

A results file holds one line per document: PATH<TAB>OUT, where OUT is a file
holding the output of `claimlint check PATH --no-rules --isolated --format json`.
"""

import glob
import hashlib
import json
import os
import re
import sys

# Rules reported even when they find nothing, so that a zero is visible.
KNOWN_RULES = [
    "figure-conflict",
    "off-topic",
    "boilerplate",
    "truncated",
    "metadata",
    "garbled",
    "unbalanced",
]
IGNORED_RULES = {"claim-agrees"}


def words_of(path):
    """Words of a document: whitespace-separated tokens of the whole file."""
    with open(path, encoding="utf-8", errors="replace") as f:
        return len(f.read().split())


# ---------------------------------------------------------------- dev


def dev_list(devdir):
    """The unedited conflict documents, then every claims article; a file
    whose bytes were already listed (the same story in both sets) is
    listed once."""
    paths = []
    labels = os.path.join(devdir, "conflicts", "labels.jsonl")
    with open(labels, encoding="utf-8") as f:
        for line in f:
            if not line.strip():
                continue
            row = json.loads(line)
            if row.get("has_contradiction") is False:
                paths.append(os.path.join(devdir, "conflicts", row["file"]))
    paths = sorted(p for p in paths if os.path.basename(p).startswith("cf-"))
    paths += sorted(glob.glob(os.path.join(devdir, "claims", "articles", "*.txt")))
    seen = set()
    for p in paths:
        with open(p, "rb") as f:
            digest = hashlib.sha256(f.read()).hexdigest()
        if digest in seen:
            print(f"precision: {p}: same bytes as an earlier dev document, counted once", file=sys.stderr)
            continue
        seen.add(digest)
        print(p)


def dev_ids(devdir):
    """Brown ids that the dev set holds (claims or conflicts, edited or not)."""
    ids = set()
    for p in glob.glob(os.path.join(devdir, "claims", "articles", "c[a-r][0-9][0-9].txt")):
        ids.add(os.path.basename(p)[:4])
    labels = os.path.join(devdir, "conflicts", "labels.jsonl")
    if os.path.exists(labels):
        with open(labels, encoding="utf-8") as f:
            for line in f:
                if line.strip():
                    row = json.loads(line)
                    if row.get("source", "").startswith("Brown"):
                        ids.add(row["source_id"])
    for i in sorted(ids):
        print(i)


# ---------------------------------------------------------------- brown

BROWN_GENRES = {"ca": "PRESS: REPORTAGE", "cb": "PRESS: EDITORIAL", "cc": "PRESS: REVIEWS"}
NO_SPACE_BEFORE = {".", ",", ";", ":", "?", "!", ")", "]", "''", "'", "%"}
NO_SPACE_AFTER = {"``", "(", "[", "`", "$"}


def brown_tokens(line):
    """(word, tag) pairs of a tagged Brown line."""
    out = []
    for tok in line.split():
        word, sep, tag = tok.rpartition("/")
        if not sep:
            word, tag = tok, ""
        out.append((word, tag))
    return out


def detokenize(tokens):
    text = ""
    glue = True  # no space before the next token
    for word, _tag in tokens:
        w = {"``": '"', "''": '"', "`": "'"}.get(word, word)
        if text and not glue and word not in NO_SPACE_BEFORE:
            text += " "
        text += w
        glue = word in NO_SPACE_AFTER
    return text


def is_headline(tokens):
    tags = [t for _w, t in tokens if t not in (".", ",", ":", "''", "``", "--", "(", ")")]
    return bool(tags) and all("-hl" in t for t in tags)


def brown_paragraphs(raw):
    """The corpus's own paragraphs: runs of non-blank lines (one sentence a
    line). A subhead (every word tagged -hl) is a paragraph of its own."""
    paras, cur = [], []

    def flush():
        if cur:
            paras.append(" ".join(cur))
            cur.clear()

    for line in raw.splitlines():
        if not line.strip():
            flush()
            continue
        toks = brown_tokens(line)
        sentence = detokenize(toks).strip()
        if not sentence:
            continue
        if is_headline(toks):
            flush()
            paras.append(sentence)
            continue
        cur.append(sentence)
    flush()
    return paras


def brown(pkgdir, outdir, exclude_file=None):
    exclude = set()
    if exclude_file:
        with open(exclude_file, encoding="utf-8") as f:
            exclude = {l.strip() for l in f if l.strip()}
    os.makedirs(outdir, exist_ok=True)
    n = skipped = 0
    for path in sorted(glob.glob(os.path.join(pkgdir, "c[abc][0-9][0-9]"))):
        fid = os.path.basename(path)
        if fid in exclude:
            skipped += 1
            continue
        with open(path, encoding="latin-1") as f:
            raw = f.read()
        # 1961 is the corpus year; the day is a placeholder, as in the dev files.
        write_doc(outdir, fid, "1961-01-01", f"Brown Corpus {fid} ({BROWN_GENRES[fid[:2]]})", brown_paragraphs(raw))
        n += 1
    print(f"precision: brown: {n} files written, {skipped} already in the dev set left out", file=sys.stderr)
    if n == 0:
        sys.exit(1)


def write_doc(outdir, name, date, title, paragraphs):
    """One document in the layout claimlint reads: a date line, a title line,
    a blank line, then the paragraphs separated by blank lines."""
    text = f"date {date}\n{title}\n\n" + "\n\n".join(paragraphs) + "\n"
    with open(os.path.join(outdir, name + ".txt"), "w", encoding="utf-8") as f:
        f.write(text)


# ---------------------------------------------------------------- sotu

ABBREV = re.compile(
    r"(?:\b(?:Mr|Mrs|Ms|Dr|St|Jr|Sr|Gen|Col|Gov|Sen|Rep|Hon|Messrs|Mt|No|Nos|Art|Sec|Vol|vs|etc|Co|Inc|Ltd|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)"
    r"|\b[A-Z]|\b(?:[A-Za-z]\.)+[A-Za-z])\.$"
)


def sentences(text):
    """Split on . ! ? (with any closing quote or bracket) followed by a space
    and a capital, an opening quote or a bracket, unless the period ends a
    common abbreviation or an initial."""
    out, start = [], 0
    for m in re.finditer(r"[.!?][\"')\]]*\s+(?=[A-Z\"'(\[])", text):
        head = text[start : m.start() + 1]
        if text[m.start()] == "." and ABBREV.search(head.rstrip("\"')]")):
            continue
        out.append(text[start : m.end()].strip())
        start = m.end()
    tail = text[start:].strip()
    if tail:
        out.append(tail)
    return out


def sotu(pkgdir, outdir):
    """The package ships each address as one line of text, with no paragraph
    breaks: paragraphs are cut every 4 sentences, as in the dev Brown files."""
    os.makedirs(outdir, exist_ok=True)
    n = 0
    for path in sorted(glob.glob(os.path.join(pkgdir, "data", "*.json"))):
        with open(path, encoding="utf-8") as f:
            d = json.load(f)
        sents = sentences(" ".join(d["text"].split()))
        paras = [" ".join(sents[i : i + 4]) for i in range(0, len(sents), 4)]
        # Only the year is known: January 1 is a placeholder day.
        name = os.path.splitext(os.path.basename(path))[0]
        write_doc(outdir, name, f"{int(d['year']):04d}-01-01",
                  f"State of the Union Address by {d['name']}, {d['year']}", paras)
        n += 1
    print(f"precision: sotu: {n} files written", file=sys.stderr)
    if n == 0:
        sys.exit(1)


# ---------------------------------------------------------------- report


def read_results(path):
    docs = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if not line:
                continue
            doc, _, out = line.partition("\t")
            with open(out, encoding="utf-8") as g:
                docs.append((doc, json.loads(g.read())))
    return sorted(docs, key=lambda d: d[0])


def quote(doc, span):
    try:
        with open(doc, "rb") as f:
            data = f.read()
        s = data[span["start"] : span["end"]].decode("utf-8", errors="replace")
    except (OSError, KeyError, TypeError):
        return ""
    s = " ".join(s.split())
    return s if len(s) <= 160 else s[:157] + "..."


def report(args):
    list_rule = None
    if args and args[0] == "--list":
        list_rule = args[1]
        args = args[2:]
    sources = []
    for a in args:
        name, _, path = a.partition("=")
        sources.append((name, read_results(path)))

    total_counts, total_words, total_docs, total_errors = {}, 0, 0, 0
    all_rules = set(KNOWN_RULES)
    per_source = []
    for name, docs in sources:
        counts, words, errors = {}, 0, 0
        for doc, js in docs:
            words += words_of(doc)
            errors += len(js.get("errors") or [])
            for d in js.get("diagnostics", []):
                r = d.get("rule", "?")
                if r in IGNORED_RULES:
                    continue
                counts[r] = counts.get(r, 0) + 1
                all_rules.add(r)
        per_source.append((name, docs, counts, words, errors))
        for r, c in counts.items():
            total_counts[r] = total_counts.get(r, 0) + c
        total_words += words
        total_docs += len(docs)
        total_errors += errors

    rules = sorted(all_rules)

    def table(title, ndocs, counts, words, errors):
        print(f"== {title}: {ndocs} documents, {words} words" + (f", {errors} input errors" if errors else ""))
        print(f"{'rule':<24} {'findings':>9} {'per 100k words':>15}")
        for r in rules:
            c = counts.get(r, 0)
            rate = 100000.0 * c / words if words else 0.0
            print(f"{r:<24} {c:>9} {rate:>15.1f}")
        c = sum(counts.values())
        rate = 100000.0 * c / words if words else 0.0
        print(f"{'(all rules)':<24} {c:>9} {rate:>15.1f}")
        print()

    for name, docs, counts, words, errors in per_source:
        table(name, len(docs), counts, words, errors)
    table("total", total_docs, total_counts, total_words, total_errors)

    if list_rule:
        print(f"== findings of {list_rule}")
        for name, docs, _c, _w, _e in per_source:
            for doc, js in docs:
                found = [d for d in js.get("diagnostics", []) if d.get("rule") == list_rule]
                found.sort(key=lambda d: (d.get("line", 0), d.get("column", 0)))
                for d in found:
                    q = quote(doc, d.get("span") or {})
                    print(f"{doc}:{d.get('line')}:{d.get('column')}: [{name}] {d.get('message')}")
                    print(f'    "{q}"')


def main(argv):
    if len(argv) < 2:
        print(__doc__, file=sys.stderr)
        return 2
    cmd, args = argv[1], argv[2:]
    if cmd == "dev-list":
        dev_list(args[0])
    elif cmd == "dev-ids":
        dev_ids(args[0])
    elif cmd == "brown":
        brown(args[0], args[1], args[2] if len(args) > 2 else None)
    elif cmd == "sotu":
        sotu(args[0], args[1])
    elif cmd == "report":
        report(args)
    else:
        print(__doc__, file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
