#!/usr/bin/env python3
"""Speed, cache and memory of cleanlint beside grep and codespell, on one corpus built from real text.

    python bench/speed.py TEXTS_FOLDER [--mb 25] [--runs 3]

TEXTS_FOLDER holds article texts (*.txt, e.g. ../shared/bench/aeb-dev); they are copied round-robin into
files of a temporary corpus of about --mb megabytes. Each tool runs as a whole process, as a user runs it;
times are medians of --runs. Printed, one line each:

- grep -F -i with 300 literal phrases of the default rules (the floor for plain phrase matching), and
  codespell if it is installed;
- `cleanlint check --no-cache` with 1 job and with all cores: MB/s, and the speed-up of all cores;
- a cold `cleanlint check` (empty cache) and a second one on the unchanged corpus: the second as a share;
- peak memory (max RSS of the process) of a 1-job check on the corpus and on one a tenth of its size;
- one seed article checked as a pre-commit hook does, with a warm cache; and one edited since the last run
  (its findings are not cached, the rules are).
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CLEANLINT = [sys.executable, "-m", "cleanlint"]


def timed(cmd: list[str], cwd: Path, runs: int) -> float:
    """The median wall time of `cmd`; exit statuses 0 and 1 (findings) are both a normal end."""
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        proc = subprocess.run(cmd, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        times.append(time.perf_counter() - start)
        if proc.returncode not in (0, 1, 65):  # 65: codespell's "misspellings found"
            sys.exit(f"{' '.join(cmd)} exited {proc.returncode}: {proc.stderr[-800:]}")
    return statistics.median(times)


def peak_rss_mb(cmd: list[str], cwd: Path) -> float:
    """The peak resident memory of one run of `cmd`, in MB, measured in a child that runs only it."""
    probe = (
        "import resource, subprocess, sys; subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL); "
        "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)"
    )
    out = subprocess.run([sys.executable, "-c", probe, *cmd], cwd=cwd, capture_output=True, text=True, check=True)
    return int(out.stdout.strip()) / 1024  # ru_maxrss is in kilobytes on Linux


def rule_phrases(limit: int = 300) -> list[str]:
    """Literal phrases of the default rules, for grep: the phrase rules' phrases, then the swap lists' keys."""
    sys.path.insert(0, str(ROOT))
    from cleanlint.defaults import default_rules_dir
    from cleanlint.loader import load_rules

    found: list[str] = []
    for rule in load_rules([default_rules_dir()]):
        found += getattr(rule.options, "phrases", ()) or ()
        found += list(getattr(rule.options, "swaps", {}) or {})
    return list(dict.fromkeys(p for p in found if p.strip()))[:limit]


def build_corpus(texts: list[str], folder: Path, megabytes: float) -> float:
    folder.mkdir(parents=True)
    size = i = 0
    while size < megabytes * 1e6:
        text = texts[i % len(texts)]
        (folder / f"{i:06d}.txt").write_text(text, encoding="utf-8")
        size += len(text.encode())
        i += 1
    return size / 1e6


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("texts", type=Path, help="a folder of article texts (*.txt)")
    parser.add_argument("--mb", type=float, default=25.0, help="corpus size in MB (default %(default)s)")
    parser.add_argument("--runs", type=int, default=3, help="runs per figure; the median is shown")
    args = parser.parse_args()
    texts = [p.read_text(encoding="utf-8") for p in sorted(args.texts.glob("*.txt"))]
    if not texts:
        sys.exit(f"{args.texts}: no .txt files")
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        phrases = work / "phrases.txt"
        phrases.write_text("\n".join(rule_phrases()) + "\n", encoding="utf-8")
        mb = build_corpus(texts, work / "corpus", args.mb)
        small_mb = build_corpus(texts, work / "small", args.mb / 10)
        print(f"corpus: {mb:.1f} MB in {len(list((work / 'corpus').iterdir()))} files; {os.cpu_count()} cores")
        grep = timed(["grep", "-r", "-c", "-F", "-i", "-f", str(phrases), "corpus"], work, args.runs)
        print(f"grep -F -i, 300 phrases     {mb / grep:8.1f} MB/s")
        if shutil.which("codespell"):
            codespell = timed(["codespell", "corpus"], work, args.runs)
            print(f"codespell                   {mb / codespell:8.1f} MB/s")
        one = timed([*CLEANLINT, "check", "--no-cache", "--jobs", "1", "corpus"], work, args.runs)
        every = timed([*CLEANLINT, "check", "--no-cache", "--jobs", "0", "corpus"], work, args.runs)
        print(f"cleanlint, 1 job            {mb / one:8.1f} MB/s")
        print(f"cleanlint, all cores        {mb / every:8.1f} MB/s  ({one / every:.2f}x the 1-job rate)")
        cold = timed([*CLEANLINT, "check", "corpus"], work, 1)  # writes the cache
        warm = timed([*CLEANLINT, "check", "corpus"], work, args.runs)
        print(f"second run, unchanged       {warm:8.2f} s   ({warm / cold:.1%} of the cold {cold:.1f} s)")
        small = peak_rss_mb([*CLEANLINT, "check", "--no-cache", "small"], work)
        large = peak_rss_mb([*CLEANLINT, "check", "--no-cache", "corpus"], work)
        print(f"peak memory                 {small:8.0f} MB for {small_mb:.1f} MB, {large:.0f} MB for {mb:.1f} MB")
        seed = sorted((ROOT / "seeds").glob("*.txt"))[0]
        timed([*CLEANLINT, "check", str(seed)], work, 1)  # warm the cache, as a hook's earlier runs have
        hook = timed([*CLEANLINT, "check", str(seed)], work, max(args.runs, 7))
        print(f"one seed article            {hook * 1000:8.0f} ms")
        edited = work / "edited.txt"  # a hook's usual case: the file has changed, the rules have not
        times = []
        for run in range(max(args.runs, 7)):
            edited.write_text(seed.read_text(encoding="utf-8") + f"\nEdit {run}.\n", encoding="utf-8")
            times.append(timed([*CLEANLINT, "check", str(edited)], work, 1))
        print(f"one edited seed article     {statistics.median(times) * 1000:8.0f} ms")


if __name__ == "__main__":
    main()
