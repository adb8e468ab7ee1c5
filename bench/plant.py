"""Recall per artifact family: plant one artifact in each clean text, and count the texts where `cleanlint
check` reports it.

The seeds show one example of each artifact family; a detector that catches only that example is no detector.
This benchmark takes clean gold texts (NNN.gold.txt in a folder such as ../shared/bench/aeb-dev), plants one
artifact of a family in each text with a seeded random generator, in the forms the family takes on real
pages, and runs `cleanlint check --format json` on the planted copies. A planted artifact is caught when a
finding of one of the family's codes overlaps the planted span. It prints, per family, the texts planted, the
texts caught and the recall, then the false alarms: the findings of the family's codes on the same texts
unplanted, per 100 texts.

    python bench/plant.py ../shared/bench/aeb-dev
    python bench/plant.py ../shared/bench/aeb-dev --family glued-sentences --show-missed 5

The phrase lists, labels, foreign paragraphs and place names here are this benchmark's own, written for it;
they are not the rules' lists, so that a rule tuned to them would show no gain elsewhere.
"""

from __future__ import annotations

import argparse
import json
import random
import subprocess
import sys
import tempfile
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from planting import FAMILIES, Planted, plant


def _findings(cmd: list[str], folder: Path) -> dict[str, list[dict]]:
    """Every finding of `cleanlint check --format json` on the folder, by file name."""
    run = subprocess.run(
        [*cmd, "check", "--format", "json", "--no-cache", "--no-progress", str(folder)],
        capture_output=True,
        text=True,
        check=False,
    )
    if run.returncode not in (0, 1):
        sys.exit(f"error: cleanlint check failed ({run.returncode}): {run.stderr.strip()}")
    by_file: dict[str, list[dict]] = {}
    for f in json.loads(run.stdout)["findings"]:
        by_file.setdefault(Path(f["path"]).name, []).append(f)
    return by_file


def _caught(planted: Planted, findings: list[dict]) -> bool:
    codes = FAMILIES[planted.family].codes
    return any(f["code"] in codes and f["start"] <= planted.end and f["end"] >= planted.start for f in findings)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folder", type=Path, help="a folder of NNN.gold.txt clean texts")
    parser.add_argument("--cmd", default="cleanlint", help="how to call cleanlint (default: cleanlint)")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--family", action="append", choices=sorted(FAMILIES), help="only these families")
    parser.add_argument("--show-missed", type=int, default=0, metavar="N", help="print N missed plants a family")
    args = parser.parse_args(argv)

    golds = sorted(args.folder.glob("*.gold.txt"))
    if not golds:
        sys.exit(f"error: {args.folder}: no *.gold.txt texts")
    texts = {p.name.split(".")[0]: p.read_text(encoding="utf-8") for p in golds}
    families = args.family or sorted(FAMILIES)
    cmd = args.cmd.split()
    rng = random.Random(args.seed)

    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        clean = root / "clean"
        clean.mkdir()
        for name, text in texts.items():
            (clean / f"{name}.txt").write_text(text, encoding="utf-8")
        alarms = _findings(cmd, clean)
        rows = []
        for family in families:
            folder = root / family
            folder.mkdir()
            plants: dict[str, Planted] = {}
            for name, text in texts.items():
                planted = plant(family, text, rng)
                if planted is None:
                    continue
                plants[name] = planted
                (folder / f"{name}.txt").write_text(planted.text, encoding="utf-8")
            found = _findings(cmd, folder)
            missed = [(n, p) for n, p in plants.items() if not _caught(p, found.get(f"{n}.txt", []))]
            codes = FAMILIES[family].codes
            false = sum(1 for fs in alarms.values() for f in fs if f["code"] in codes)
            rows.append((family, len(plants), len(plants) - len(missed), false))
            for name, p in missed[: args.show_missed]:
                context = p.text[max(0, p.start - 40) : p.end + 40].replace("\n", "⏎")
                print(f"  missed {family} {name}: …{context}…")

    print(f"texts: {args.folder} ({len(texts)} clean texts), seed {args.seed}")
    print(f"{'family':22} {'planted':>7} {'caught':>6} {'recall':>6} {'false alarms /100':>18}")
    for family, n, caught, false in rows:
        recall = caught / n if n else 0.0
        print(f"{family:22} {n:7d} {caught:6d} {recall:6.3f} {100 * false / len(texts):18.1f}")
    totals = Counter()
    for fs in alarms.values():
        for f in fs:
            totals[f["category"]] += 1
    print("all findings on the unplanted texts per 100: " + ", ".join(
        f"{cat} {100 * n / len(texts):.1f}" for cat, n in sorted(totals.items())
    ))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
