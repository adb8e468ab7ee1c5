#!/usr/bin/env python3
"""HTML benchmark: trafilatura alone beside trafilatura + cleanlint, scored against gold text.

    python bench/html_compare.py ../shared/bench/aeb-dev

The folder holds NNN.html.gz (a page) and NNN.gold.txt (its article body as a person marked it). Each page
is extracted with trafilatura, with the settings cleanlint uses (cleanlint.sources.html.EXTRACTION), into one
temporary folder; copies of the pages are cleaned by the real `cleanlint fix` command, which writes NNN.txt
beside each NNN.html, and those texts, less their front matter (metadata, not article text), go into a
second folder. score.py then scores both folders in one run: bag-of-words P/R/F1 (bow), the
article-extraction-benchmark's 4-shingle F1 (sh4), and line P/R/F1. A page with no text counts as empty.
"""

from __future__ import annotations

import argparse
import gzip
import shlex
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import trafilatura

from cleanlint.sources.articles import read_source
from cleanlint.sources.html import EXTRACTION

ROOT = Path(__file__).resolve().parent.parent
SCORE = ROOT.parent / "shared" / "bench" / "score.py"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("folder", type=Path, help="NNN.html.gz pages with NNN.gold.txt")
    ap.add_argument("--score", type=Path, default=SCORE, help="score.py (default: ../shared/bench/score.py)")
    ap.add_argument(
        "--cmd",
        default=f"{shlex.quote(sys.executable)} -m cleanlint",
        help="how to call cleanlint (default: this Python's cleanlint, whose settings the trafilatura row uses)",
    )
    ap.add_argument("--fix-args", default="", help="extra arguments for `cleanlint fix`, e.g. '--jobs 0'")
    ap.add_argument("--score-args", default="", help="extra arguments for score.py, e.g. '--per-doc x.tsv'")
    ap.add_argument("--keep", type=Path, help="also copy both sets of texts (and the pages) here, to read them")
    args = ap.parse_args()
    pages = sorted(args.folder.glob("*.html.gz"))
    if not pages:
        sys.exit(f"no *.html.gz in {args.folder}")
    with tempfile.TemporaryDirectory() as tmp:
        alone, work, cleaned = (Path(tmp, name) for name in ("trafilatura", "pages", "trafilatura+cleanlint"))
        for folder in (alone, work, cleaned):
            folder.mkdir()
        for page in pages:
            number = page.name[: -len(".html.gz")]
            html = gzip.decompress(page.read_bytes())
            (alone / f"{number}.txt").write_text(trafilatura.extract(html, **EXTRACTION) or "", encoding="utf-8")
            (work / f"{number}.html").write_bytes(html)
        fix = [*shlex.split(args.cmd), "fix", *shlex.split(args.fix_args), str(work)]
        proc = subprocess.run(fix, capture_output=True, text=True)
        if proc.returncode not in (0, 1, 2) or "Traceback" in proc.stderr:
            sys.exit(f"cleanlint fix exited {proc.returncode}: {proc.stderr[-2000:]}")
        sys.stderr.write(proc.stderr)  # one line per page cleanlint could not read (exit 2), if any
        changed = 0
        for text in sorted(work.glob("*.txt")):
            doc = read_source(text).document()
            body = doc.text[doc.body_start :]
            (cleaned / text.name).write_text(body, encoding="utf-8")
            changed += body.strip() != (alone / text.name).read_text(encoding="utf-8").strip()
        print(f"cleanlint changed {changed} of {len(pages)} texts; {proc.stdout.strip().splitlines()[-1]}")
        if args.keep:
            for folder in (alone, work, cleaned):
                shutil.copytree(folder, args.keep / folder.name, dirs_exist_ok=True)
        sys.stdout.flush()
        score = [sys.executable, str(args.score), str(args.folder), f"trafilatura={alone}"]
        score += [f"trafilatura+cleanlint={cleaned}", *shlex.split(args.score_args)]
        return subprocess.run(score).returncode


if __name__ == "__main__":
    sys.exit(main())
