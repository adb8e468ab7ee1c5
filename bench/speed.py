#!/usr/bin/env python3
"""Speed, CPU time and memory of cleanlint beside codespell and grep, on one corpus built from real text.

    python bench/speed.py [TEXTS_FOLDER] [--mb 25] [--runs 3] [--hook-runs 20]
    python bench/speed.py --quick                                 # a 2.5 MB corpus, one round: a try-out

TEXTS_FOLDER (default ../shared/bench/aeb-dev) holds article texts (--glob, default *.article.txt); they are
copied round-robin into the files of a temporary corpus of about --mb megabytes. Every tool runs as a whole
process, as a user runs it, with its output thrown away; each run's wall time, CPU time (user + system of
the process and the workers it waits for) and peak memory come from the kernel (os.wait4).

The throughput figures come from --runs rounds: in each round grep, codespell, `cleanlint check --no-cache`
with one job, with two, and with one and `--format json` run once each, in turn, so that a slow spell of the
machine slows all of them; a ratio (cleanlint beside codespell, two jobs beside one, JSON beside text) is
taken within each round, and the median round's is shown. Then: a cold `check` with the cache and the
median of --runs second ones on the unchanged corpus; a seed article checked as a pre-commit hook checks it,
with the cache warm: --hook-runs times unchanged since the last run and --hook-runs times just edited,
interleaved, beside codespell on the same file and the interpreter's own start; peak memory on a corpus a
tenth the size; and, inside this process, the share of opened literal gates that matched (gate_share.py)
on the folder's texts themselves.

Prints the date, the machine and the installation measured, then a markdown table, one row per figure, with
the aims of the speed work beside them. Measure a wheel install (`pip install .`), as users run it: the
installation line says whether the package is the working tree's code.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path

from gate_share import describe, measure
from speed_proc import ROOT, Run, build_corpus, installation, load, machine, read_texts, run, tool

AIMS = {
    "one": "6 MB/s, 0.5x codespell",
    "two": "CPU at most 1.15x, speed-up 1.8x",
    "json": "at most 5%",
    "unchanged": "70 ms",
    "edited": "110 ms",
    "memory": "flat (within 10%)",
    "gates": "at least 75% matched",
}


def rule_phrases(limit: int = 300) -> list[str]:
    """Literal phrases of the default rules, for grep: the phrase rules' phrases, then the swap lists' keys."""
    from cleanlint.ruleset.defaults import default_rules_dir
    from cleanlint.ruleset.loader import load_rules

    found: list[str] = []
    for rule in load_rules([default_rules_dir()]):
        found += getattr(rule.options, "phrases", ()) or ()
        found += list(getattr(rule.options, "swaps", {}) or {})
    return list(dict.fromkeys(p for p in found if p.strip()))[:limit]


def median(values: list[float]) -> float:
    return statistics.median(values)


def paired(rounds: dict[str, list[Run]], how: Callable[[Run, Run], float], a: str, b: str) -> float:
    """The median over rounds of `how(a's run, b's run)` in the same round."""
    return median([how(x, y) for x, y in zip(rounds[a], rounds[b], strict=True)])


def rate(mb: float, runs: list[Run]) -> str:
    wall, cpu = median([r.wall for r in runs]), median([r.cpu for r in runs])
    return f"{mb / wall:.2f} MB/s; {wall:.2f} s wall, {cpu:.2f} s CPU ({mb / cpu:.2f} MB per CPU second)"


def ms(runs: list[Run]) -> str:
    return f"{median([r.wall for r in runs]) * 1000:.0f} ms"


def row(figure: str, measured: str, aim: str = "") -> str:
    return f"| {figure} | {measured} | {aim} |"


def throughput(cl: list[str], codespell: str | None, phrases: Path, runs: int, work: Path) -> dict[str, list[Run]]:
    """`runs` rounds over work/corpus, each command once per round, in turn."""
    commands = {"grep": ["grep", "-r", "-c", "-F", "-i", "-f", str(phrases), "corpus"]}
    if codespell:
        commands["codespell"] = [codespell, "corpus"]
    commands["one"] = [*cl, "check", "--no-cache", "--jobs", "1", "corpus"]
    commands["json"] = [*cl, "check", "--no-cache", "--jobs", "1", "--format", "json", "corpus"]
    commands["two"] = [*cl, "check", "--no-cache", "--jobs", "2", "corpus"]
    rounds: dict[str, list[Run]] = defaultdict(list)
    for i in range(runs):
        print(f"round {i + 1} of {runs}: {', '.join(commands)}", file=sys.stderr)
        for name, cmd in commands.items():
            rounds[name].append(run(cmd, work))
    return rounds


def hook(cl: list[str], codespell: str | None, runs: int, work: Path) -> dict[str, list[Run]]:
    """A seed article as a pre-commit hook checks it, the cache warm: unchanged, and edited before each run."""
    folder = work / "hook"
    folder.mkdir()
    seed = sorted((ROOT / "seeds").glob("*.txt"))[0].read_text(encoding="utf-8")
    unchanged, edited = folder / "unchanged.txt", folder / "edited.txt"
    unchanged.write_text(seed, encoding="utf-8")
    edited.write_text(seed, encoding="utf-8")
    for path in (unchanged, edited):  # the hook's earlier runs: the rules and these findings cached
        run([*cl, "check", path.name], folder)
    print(f"one file: {runs} runs of each", file=sys.stderr)
    times: dict[str, list[Run]] = defaultdict(list)
    for i in range(runs):
        edited.write_text(seed + f"\nThe council will meet again on day {i}.\n", encoding="utf-8")
        times["edited"].append(run([*cl, "check", edited.name], folder))
        times["unchanged"].append(run([*cl, "check", unchanged.name], folder))
        if codespell:
            times["codespell"].append(run([codespell, unchanged.name], folder))
        times["python"].append(run([sys.executable, "-c", "pass"], folder))
    return times


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    default_texts = ROOT.parent / "shared" / "bench" / "aeb-dev"
    ap.add_argument("texts", type=Path, nargs="?", default=default_texts, help="a folder of article texts")
    ap.add_argument("--glob", default="*.article.txt", help="which files of the folder (default: %(default)s)")
    ap.add_argument("--mb", type=float, help="corpus size in MB (default 25; 2.5 with --quick)")
    ap.add_argument("--runs", type=int, help="rounds of the throughput figures (default 3; 1 with --quick)")
    ap.add_argument("--hook-runs", type=int, help="runs of each one-file figure (default 20; 5 with --quick)")
    ap.add_argument("--quick", action="store_true", help="small defaults, to try the script out")
    args = ap.parse_args()
    mb_wanted = args.mb or (2.5 if args.quick else 25.0)
    runs = args.runs or (1 if args.quick else 3)
    hook_runs = args.hook_runs or (5 if args.quick else 20)

    texts = read_texts(args.texts, args.glob)
    script = tool("cleanlint")
    cl = [script] if script else [sys.executable, "-m", "cleanlint"]
    codespell = tool("codespell")
    print(f"measured {machine()}")
    print(installation(), flush=True)
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        phrases = rule_phrases()
        (work / "phrases.txt").write_text("\n".join(phrases) + "\n", encoding="utf-8")
        mb, files = build_corpus(texts, work / "corpus", mb_wanted)
        small_mb, _ = build_corpus(texts, work / "small", mb_wanted / 10)
        print(
            f"corpus: {mb:.1f} MB in {files} files, copies of the {len(texts)} texts {args.glob} of {args.texts}; "
            f"medians of {runs} round{'s' if runs > 1 else ''}",
            flush=True,
        )
        rounds = throughput(cl, codespell, work / "phrases.txt", runs, work)
        print("cache and memory", file=sys.stderr)
        cold = run([*cl, "check", "corpus"], work)  # writes the findings cache
        warm = [run([*cl, "check", "corpus"], work) for _ in range(runs)]
        small = [run([*cl, "check", "--no-cache", "--jobs", "1", "small"], work) for _ in range(runs)]
        one_file = hook(cl, codespell, hook_runs, work)
    print("opened gates, in this process", file=sys.stderr)
    gates = measure(texts)

    one, two = rounds["one"], rounds["two"]
    wall_up = paired(rounds, lambda a, b: a.wall / b.wall, "one", "two")
    cpu_ratio = paired(rounds, lambda a, b: b.cpu / a.cpu, "one", "two")
    json_wall = paired(rounds, lambda a, b: b.wall / a.wall - 1, "one", "json")
    json_cpu = paired(rounds, lambda a, b: b.cpu / a.cpu - 1, "one", "json")
    peak_small, peak_large = median([r.peak_mb for r in small]), median([r.peak_mb for r in one])
    warm_s = median([r.wall for r in warm])
    vs_codespell = "codespell not installed (`pip install codespell`)"
    if codespell:
        vs_codespell = f"{paired(rounds, lambda a, b: a.wall / b.wall, 'codespell', 'one'):.2f}x codespell's MB/s"
    lines = [
        row("figure", "measured", "aim"),
        row("---", "---", "---"),
        row(f"`check --no-cache --jobs 1`, {mb:.1f} MB", f"{rate(mb, one)}; {vs_codespell}", AIMS["one"]),
        row(
            "`check --no-cache --jobs 2`",
            f"{rate(mb, two)}; speed-up {wall_up:.2f}x, CPU {cpu_ratio:.2f}x of one job",
            AIMS["two"],
        ),
        row("`--format json` beside text, one job", f"{json_wall:+.1%} wall, {json_cpu:+.1%} CPU", AIMS["json"]),
        row("codespell (yardstick)", rate(mb, rounds["codespell"]) if codespell else "not installed"),
        row(f"`grep -r -c -F -i` with {len(phrases)} phrases of the rules (yardstick)", rate(mb, rounds["grep"])),
        row(
            "a second `check` of the unchanged corpus (findings cache)",
            f"{warm_s:.2f} s, {warm_s / cold.wall:.1%} of the cold run's {cold.wall:.1f} s",
        ),
        row(
            f"one seed article unchanged since the last run, median of {hook_runs}",
            ms(one_file["unchanged"]),
            AIMS["unchanged"],
        ),
        row(f"one seed article just edited, median of {hook_runs}", ms(one_file["edited"]), AIMS["edited"]),
        row(
            "the same file: codespell; the interpreter's start alone (yardsticks)",
            f"{ms(one_file['codespell']) if codespell else 'not installed'}; {ms(one_file['python'])}",
        ),
        row(
            f"peak memory, `check --no-cache --jobs 1` on {small_mb:.1f} MB and {mb:.1f} MB",
            f"{peak_small:.0f} MB and {peak_large:.0f} MB ({peak_large / peak_small - 1:+.0%})",
            AIMS["memory"],
        ),
        row("opened gates that matched (in-process, the texts themselves)", describe(gates), AIMS["gates"]),
    ]
    print("\n".join(lines))
    print(f"load average at the end: {load()}")


if __name__ == "__main__":
    main()
