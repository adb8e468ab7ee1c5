#!/usr/bin/env python3
"""What each rule costs `cleanlint check`, and the share of chosen rules in the whole check.

    python bench/rule_cost.py ../shared/bench/aeb-dev                 # English article texts in a folder
    python bench/rule_cost.py ../shared/bench/aeb-dev --share L101,A601 --glob '*.article.txt'

The language check (L101) and the mojibake check (A601) run heavy libraries (langdetect, ftfy) behind a
cheap test; this shows whether the test keeps them cheap. Each run builds fresh documents, splits them
into lines and paragraphs (timed on its own: most rules share that work; sentences are split only around a
match, by the rules that ask), then times every rule's check on every document within the same run, so the
shares add up to the whole check. The figures are the best of --repeat runs. Only English texts are used
unless --all-languages is given.
"""

from __future__ import annotations

import argparse
import time
from collections import defaultdict
from pathlib import Path

from cleanlint.document import Document
from cleanlint.kinds import KINDS
from cleanlint.ruleset.defaults import default_rules_dir
from cleanlint.ruleset.loader import load_rules
from cleanlint.scan.gates import Gates

STRUCTURE = "(lines, paragraphs)"
SCAN = "(one scan for the literals of all rules, and the gates it opens)"


def one_run(checks: list, texts: list[str]) -> dict[str, float]:
    """Seconds spent per rule code (and on document structure) in one check of every text."""
    spent: dict[str, float] = defaultdict(float)
    clock = time.perf_counter
    for text in texts:
        began = clock()
        doc = Document(text)
        _ = doc.lines, doc.content_lines, doc.paragraphs
        spent[STRUCTURE] += clock() - began
        for code, check in checks:
            began = clock()
            check(doc)
            spent[code] += clock() - began
    return spent


def english(texts: list[str]) -> list[str]:
    from langdetect import DetectorFactory, detect

    DetectorFactory.seed = 0
    return [t for t in texts if t.strip() and detect(t[:3000]) == "en"]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("folder", type=Path)
    ap.add_argument("--glob", default="*.article.txt", help="which files of the folder (default: %(default)s)")
    ap.add_argument("--share", default="L101,A601", help="codes whose share of the check is reported")
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--all-languages", action="store_true", help="do not keep English texts only")
    ap.add_argument("--top", type=int, default=8, help="how many of the costliest rules to list")
    args = ap.parse_args()

    texts = [p.read_text(encoding="utf-8") for p in sorted(args.folder.glob(args.glob))]
    if not args.all_languages:
        texts = english(texts)  # this also loads langdetect's profiles, which a run pays for only once
    if not texts:
        raise SystemExit(f"no texts matching {args.glob} in {args.folder}")
    rules = [r for r in load_rules([default_rules_dir()]) if r.enabled]
    gates = Gates()
    checks = [(r.code, KINDS[r.kind].build(r, gates)) for r in rules]
    # the gates the scan opens are worked out once per document for all rules, so they count with the scan
    checks.insert(0, (SCAN, lambda doc: gates.opened(doc)))
    one_run(checks, texts[:5])  # imports made on first use (ftfy, langdetect, rapidfuzz) are not timed
    runs = [one_run(checks, texts) for _ in range(args.repeat)]
    best = {code: min(run[code] for run in runs) for code in runs[0]}
    whole = sum(best.values())
    share_codes = [c.strip() for c in args.share.split(",") if c.strip()]
    megabytes = sum(len(t.encode("utf-8")) for t in texts) / 1e6

    print(f"{len(texts)} texts, {megabytes:.2f} MB, {len(checks)} rules, best of {args.repeat} runs")
    print(f"whole check {whole * 1000:9.1f} ms  ({megabytes / whole:.2f} MB/s, without reading files)")
    for code, seconds in sorted(best.items(), key=lambda kv: -kv[1])[: args.top]:
        print(f"  {code:32s} {seconds * 1000:8.1f} ms  {100 * seconds / whole:5.1f}%")
    for code in share_codes:
        print(f"  {code:32s} {best.get(code, 0.0) * 1000:8.1f} ms  {100 * best.get(code, 0.0) / whole:5.1f}%")
    chosen = sum(best.get(code, 0.0) for code in share_codes)
    print(f"share of {','.join(share_codes)} in check time: {100 * chosen / whole:.1f}%")


if __name__ == "__main__":
    main()
