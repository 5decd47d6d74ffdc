#!/usr/bin/env python3
"""Run the development claims grader with claimlint's current rules format.

The grader (eval_claims.py in the shared development folder, read-only and
never copied here) translates each assertion's `cues` and `nouns` into the
measure's `cues`, because the format once had no place for the nouns that
name a measure. claimlint now has one (`nouns:` under a measure), so this
wrapper imports the grader and changes only its translation:

  cues   -> the measure's `cues`  (the verbs and phrases that cue it)
  nouns  -> the measure's `nouns` (the nouns that name it)

Everything else (running, grading, the report) is the grader's own.

Usage, from the project root after a release build:
  python3 bench/eval_claims.py [--grader PATH] [grader options: --show N, --per-article, ...]
--grader defaults to ../shared/dev/eval_claims.py (or $CLAIMLINT_CLAIMS_GRADER).
"""
import importlib.util
import os
import sys
from pathlib import Path


def load_grader(argv):
    path = os.environ.get("CLAIMLINT_CLAIMS_GRADER", "../shared/dev/eval_claims.py")
    if "--grader" in argv:
        i = argv.index("--grader")
        if i + 1 >= len(argv):
            sys.exit("eval_claims.py: --grader needs a path")
        path = argv[i + 1]
        del argv[i : i + 2]
    path = Path(path)
    if not path.is_file():
        sys.exit("eval_claims.py: no grader at %s (pass --grader PATH)" % path)
    spec = importlib.util.spec_from_file_location("claims_grader", path)
    grader = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(grader)
    return grader


def with_nouns(grader):
    """Patch the grader's translation so that `nouns` get a key of their own."""
    Translated = grader.Translated
    original_init = Translated.__init__
    original_yaml = grader.rules_yaml

    def init(self, a, probe, notes):
        original_init(self, a, probe, notes)
        notes.pop("`nouns` has no place of its own: added to the measure's `cues`", None)
        self.cues = dedup(a.get("cues"))
        self.nouns = dedup(a.get("nouns"))

    def measure_key(self):
        return (self.measure, tuple(self.units), tuple(c.lower() for c in self.cues),
                tuple(n.lower() for n in self.nouns))

    def rules_yaml(group, header, notes, units_override=None):
        text = original_yaml(group, header, notes, units_override)
        # The grader writes each measure as its name, `units:` and `cues:`
        # lines; add `nouns:` after `cues:`, then move the claim lines down.
        by_name = {}
        for t in group:
            by_name.setdefault(t.measure_name, t)
        out, measure, added = [], None, 0
        for line in text.split("\n"):
            out.append(line)
            if line.startswith("  ") and not line.startswith("    ") and line.endswith(":"):
                measure = line.strip()[:-1]
            elif line.startswith("    cues: ") and measure is not None:
                t = next((t for n, t in by_name.items() if grader.q(n) == measure), None)
                if t is not None and t.nouns:
                    out.append("    nouns: [%s]" % ", ".join(grader.q(n) for n in t.nouns))
                    added += 1
            elif line == "claims:":
                measure = None
        for t in group:
            t.line += added
        return "\n".join(out)

    Translated.__init__ = init
    Translated.measure_key = measure_key
    grader.rules_yaml = rules_yaml


def dedup(words):
    seen, out = set(), []
    for w in words or []:
        if w and w.strip() and w.lower() not in seen:
            seen.add(w.lower())
            out.append(w)
    return out


if __name__ == "__main__":
    argv = sys.argv[1:]
    grader = load_grader(argv)
    with_nouns(grader)
    sys.argv = [sys.argv[0]] + argv
    grader.main()
