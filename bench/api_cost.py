#!/usr/bin/env python3
"""What the Python API adds to the engine: `linter.check` in a loop against the engine's own time in a CLI run.

    python bench/api_cost.py ../shared/bench/aeb-dev                    # the 90 *.article.txt texts
    python bench/api_cost.py ../shared/bench/aeb-dev --rounds 9

Two kinds of fresh process, alternated round by round so that a busy machine slows both alike:

- cli: `cleanlint check --no-cache --jobs 1` on the texts' files, in process, with `Engine.check` timed: the
  engine's own time for those texts in a CLI run (reading files, reporting and setting up left out).
- api: `cleanlint.Linter()` built (not timed), then `linter.check(text)` on each text in a loop, timed whole:
  what a pipeline pays, the Linter's own work around the engine included.

Both count the first document's building of the rules' checks, as any run does. The figures are medians
over the rounds, wall time and CPU time (user + system) of those sections; the API's cost is the ratio.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path


def cli_engine_time(files: list[Path]) -> tuple[float, float]:
    """Wall and CPU seconds spent in Engine.check during one CLI run over `files`."""
    from cleanlint.cli.main import main
    from cleanlint.engine.engine import Engine

    spent = [0.0, 0.0]
    check = Engine.check

    def timed(self, doc, skip=()):
        wall, cpu = time.perf_counter(), time.process_time()
        try:
            return check(self, doc, skip)
        finally:
            spent[0] += time.perf_counter() - wall
            spent[1] += time.process_time() - cpu

    Engine.check = timed
    with open(os.devnull, "w") as sink:
        stdout, sys.stdout = sys.stdout, sink
        try:
            main(["check", "--no-cache", "--jobs", "1", "--no-progress", *map(str, files)])
        finally:
            sys.stdout = stdout
    return spent[0], spent[1]


def api_loop_time(files: list[Path]) -> tuple[float, float]:
    """Wall and CPU seconds of `linter.check` on each text in a loop, the Linter built beforehand."""
    import cleanlint

    texts = [f.read_text(encoding="utf-8") for f in files]
    linter = cleanlint.Linter()
    wall, cpu = time.perf_counter(), time.process_time()
    for text in texts:
        linter.check(text)
    return time.perf_counter() - wall, time.process_time() - cpu


def one(kind: str, files: list[Path]) -> dict[str, float]:
    """One round of `kind` in a fresh process."""
    proc = subprocess.run(
        [sys.executable, __file__, "--one", kind, *map(str, files)], capture_output=True, text=True, check=True
    )
    return json.loads(proc.stdout.splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folder", type=Path, nargs="?", help="a folder of article texts")
    parser.add_argument("--glob", default="*.article.txt", help="which files of the folder (default *.article.txt)")
    parser.add_argument("--rounds", type=int, default=7, help="fresh processes of each kind (default 7)")
    parser.add_argument("--one", choices=("cli", "api"), help=argparse.SUPPRESS)
    parser.add_argument("files", nargs="*", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        wall, cpu = (cli_engine_time if args.one == "cli" else api_loop_time)(args.files)
        print(json.dumps({"wall": wall, "cpu": cpu}))
        return
    if args.folder is None:
        parser.error("name a folder of article texts")
    files = sorted(args.folder.glob(args.glob))
    if not files:
        parser.error(f"no {args.glob} files in {args.folder}")
    runs: dict[str, list[dict[str, float]]] = {"cli": [], "api": []}
    for _ in range(args.rounds):
        for kind in ("cli", "api"):
            runs[kind].append(one(kind, files))
    print(f"{len(files)} texts, {args.rounds} rounds of fresh processes; medians")
    median = {k: {m: statistics.median(r[m] for r in v) for m in ("wall", "cpu")} for k, v in runs.items()}
    print(f"engine in a CLI run (Engine.check): wall {median['cli']['wall']:.3f} s   cpu {median['cli']['cpu']:.3f} s")
    print(f"linter.check in a loop:             wall {median['api']['wall']:.3f} s   cpu {median['api']['cpu']:.3f} s")
    for m in ("wall", "cpu"):
        ratio = median["api"][m] / median["cli"][m]
        print(f"API / engine, {m}: {ratio:.3f} ({(ratio - 1) * 100:+.1f}%)")


if __name__ == "__main__":
    main()
