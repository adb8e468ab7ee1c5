#!/usr/bin/env python3
"""Boilerplate quality of `cleanlint fix` on scraped article texts, scored against gold text.

    python bench/quality.py ../shared/bench/aeb-dev          # removal quality and false alarms
    python bench/quality.py ../shared/bench/aeb-dev --html   # and the HTML comparison, in the same run

The folder holds NNN.article.txt (what a scraper kept), NNN.gold.txt (the article body a person marked) and,
for --html, NNN.html.gz (the page). Four measurements, each through the command line a user runs:

1. removal: copies of the article texts are cleaned with `cleanlint fix` and scored with score.py beside the
   input as it is (@article): bag-of-words, 4-shingle and line precision/recall/F1;
2. false alarms: `cleanlint check` on copies of the gold texts, where every boilerplate finding is text that
   `fix` would delete from an article body; printed per 100 documents, with each finding;
3. with --html: bench/html_compare.py, trafilatura alone beside trafilatura + cleanlint;
4. harm per rule (bench/harm.py): from the fix log of run 1, the edits, pages and words removed of every rule,
   and the words it removed that the gold text keeps, with the verdict against the project's bar (no rule
   removes gold words on more than one page). `--per-rule-only` prints only this table, `--rules-table FILE`
   also writes it as markdown.
"""

from __future__ import annotations

import argparse
import json
import shlex
import shutil
import subprocess
import sys
import tempfile
from collections import Counter
from pathlib import Path

import harm

HERE = Path(__file__).resolve().parent
DEFAULT_SCORE = HERE.parent.parent / "shared" / "bench" / "score.py"


def cleanlint(cmd: str, *args: str, cwd: Path) -> subprocess.CompletedProcess:
    proc = subprocess.run([*shlex.split(cmd), *args], cwd=cwd, capture_output=True, text=True)
    if proc.returncode not in (0, 1):
        sys.exit(f"cleanlint {args[0]} exited {proc.returncode}: {proc.stderr[-2000:]}")
    return proc


def removal(folder: Path, cmd: str, score: Path, keep: Path | None, scored: bool = True) -> list[harm.Page]:
    """Cleans copies of the article texts and scores them (unless `scored` is False); returns what the fix did
    to each page, from its log and from the findings `check` reports on the copies as read (their spans)."""
    with tempfile.TemporaryDirectory() as tmp:
        cleaned, log = Path(tmp) / "texts", Path(tmp) / "fix.log"
        cleaned.mkdir()
        for article in sorted(folder.glob("*.article.txt")):
            shutil.copy(article, cleaned / article.name.replace(".article.txt", ".txt"))
        found = cleanlint(cmd, "check", "--no-cache", "--format", "json", ".", cwd=cleaned)
        cleanlint(cmd, "fix", "--no-cache", "--log", str(log), ".", cwd=cleaned)
        if keep:
            shutil.copytree(cleaned, keep, dirs_exist_ok=True)
        if scored:
            subprocess.run([sys.executable, str(score), str(folder), "@article", f"cleanlint={cleaned}"], check=True)
        findings = json.loads(found.stdout)["findings"]
        return harm.measure(folder, cleaned, log, findings, harm.token_pattern(score))


def false_alarms(folder: Path, cmd: str) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        gold = sorted(folder.glob("*.gold.txt"))
        for path in gold:
            shutil.copy(path, Path(tmp) / path.name.replace(".gold.txt", ".txt"))
        proc = cleanlint(cmd, "check", "--no-cache", "--format", "json", ".", cwd=Path(tmp))
        findings = json.loads(proc.stdout)["findings"]
        print(f"\n{len(gold)} gold texts, {len(findings)} findings")
        for f in findings:
            text = (Path(tmp) / f["path"]).read_text(encoding="utf-8")[f["start"] : f["end"]]
            print(f"  {Path(f['path']).stem} {f['code']:5} {f['category']:11} {text[:90]!r}")
    per_category = Counter(f["category"] for f in findings)
    counts = ", ".join(f"{c} {100 * per_category[c] / max(len(gold), 1):.1f}" for c in ("boilerplate", "artifact"))
    print(f"findings per 100 gold texts: {counts}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("folder", type=Path)
    ap.add_argument("--cmd", default="cleanlint", help="how to call cleanlint (default: %(default)s)")
    ap.add_argument("--score", type=Path, default=DEFAULT_SCORE, help="score.py (default: %(default)s)")
    ap.add_argument("--keep", type=Path, help="also copy the cleaned texts here, to read them")
    ap.add_argument("--html", action="store_true", help="also run bench/html_compare.py on the pages")
    ap.add_argument(
        "--per-rule-only", action="store_true", help="only the harm per rule: no scores, no false alarms, no --html"
    )
    ap.add_argument("--rules-table", type=Path, metavar="FILE", help="also write the harm per rule as markdown")
    args = ap.parse_args()
    if not args.score.is_file():
        sys.exit(f"{args.score}: score.py not found (name it with --score)")
    pages = removal(args.folder, args.cmd, args.score, args.keep, scored=not args.per_rule_only)
    if not args.per_rule_only:
        false_alarms(args.folder, args.cmd)
    print("\nharm per rule: what `cleanlint fix` removed, and the words of it that the gold text keeps")
    print("\n".join(harm.report(pages, len(list(args.folder.glob("*.article.txt"))))))
    if args.rules_table:
        args.rules_table.write_text(harm.markdown(pages), encoding="utf-8")
    if args.html and not args.per_rule_only:
        print()
        compare = [sys.executable, str(HERE / "html_compare.py"), str(args.folder), "--score", str(args.score)]
        subprocess.run(compare, check=True)


if __name__ == "__main__":
    main()
