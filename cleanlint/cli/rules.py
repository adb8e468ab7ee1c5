"""The commands about rules: `rules` (list, or write their pages), `rule` (explain one), `test-rules` (run
examples), `mine` (propose).

They print, as only the command line and the reporters do; what they print comes from the rule objects,
the example runner and the miner.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from ..config import Config
from ..engine.engine import Engine
from ..report.words import counted
from ..rule import Rule
from ..ruleset.examples import example_source, run_examples
from ..run.plan import RunPlan
from ..run.runner import run
from ..run.spec import EngineSpec
from ..safeio.atomic import WriteRefused, report_destination
from ..safeio.printable import one_line
from .exits import EXIT_CLEAN, EXIT_ERROR, EXIT_FINDINGS, error_exit
from .options import report_path_problem


def mine(args: argparse.Namespace, config: Config, spec: EngineSpec, engine: Engine) -> int:
    """Mines the files read as `check` reads them; lines the rules in use flag already are not proposed."""
    from ..corpus.mine import MineOptions, Miner  # here: the other commands need not load the miner
    from ..corpus.minepack import naming_for, propose, render
    from ..model import Category
    from ..sources.provenance import mining_source

    roots = args.paths or [Path(".")]
    if (problem := report_path_problem(args.output_file, roots)) is not None:  # said before any file is read
        return error_exit(problem)
    miner, errors = Miner(MineOptions(args.min_docs, args.min_share, args.max_per_source)), 0
    for root in roots:
        for r in run(engine, RunPlan(config, spec, paths=(root,), jobs=args.jobs)):
            if r.error or r.document is None:
                print(one_line(f"error: {r.error or r.path}"), file=sys.stderr)
                errors += 1
                continue
            relative = r.path.relative_to(root) if root.is_dir() and r.path.is_relative_to(root) else None
            spans = [(f.start, f.end) for f in r.findings if f.category is Category.BOILERPLATE]
            miner.add(r.document, mining_source(r.document, relative), spans)
    result = miner.result()
    try:
        # all the rules loaded, whatever --select says: proposed codes must not collide with any of them
        proposals, notes = propose(result, naming_for(engine.loaded_rules, args.code_prefix, args.start_code))
        text = render(result, proposals)
        with report_destination(args.output_file) as out:  # a pack that appears whole, or not at all
            out.write(text)
    except ValueError as err:  # codes would run past 9999
        return error_exit(str(err))
    except WriteRefused as err:
        return error_exit(f"{args.output_file}: {err}")
    for note in notes:
        print(f"note: {note}", file=sys.stderr)
    named = sum(1 for name, _ in result.sources if name is not None)
    copies = f" and skipped {counted(result.duplicates, 'exact copy', 'exact copies')}" if result.duplicates else ""
    where = f", written to {args.output_file}" if args.output_file else ""
    mined = f"Mined {counted(result.documents, 'document')} of {counted(named, 'named source')}{copies}"
    print(f"{mined}: {counted(len(proposals), 'rule')} proposed{where}.", file=sys.stderr)
    return EXIT_ERROR if errors else EXIT_CLEAN


def list_rules(rules: Sequence[Rule], active: Sequence[Rule]) -> int:
    """One line per rule, by code (as they are looked up), whatever file each came from."""
    for r in sorted(rules, key=lambda rule: rule.code):
        fix = "-" if r.fix.action.value == "none" else f"{r.fix.action.value}/{r.fix.safety.value}"
        off = "" if r in active else "(opt-in, not selected) "
        print(f"{r.code:6} {r.name:32} {r.category.value:12} {r.kind:13} {fix:15} {off}{r.summary}")
    return EXIT_CLEAN


def write_docs(rules: Sequence[Rule], folder: Path) -> int:
    """Writes the rule pages (ruleset/docs.py) into `folder`, each atomically and only when its text changed, and
    removes the pages it wrote before for rules no longer in use. A file there that it did not write (it does
    not start with the mark) is never overwritten or removed, nor is a symbolic link written through."""
    import hashlib  # here: only this command needs them

    from ..ruleset.docs import MARK, pages
    from ..safeio.atomic import WriteRefused, write_bytes_atomic

    texts = pages(rules)
    mark = MARK.encode("utf-8")
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as err:
        return error_exit(f"{folder}: cannot make the folder: {err.strerror or err}")
    written = removed = errors = 0
    for name, text in texts.items():
        path, data = folder / name, text.encode("utf-8")
        try:
            if path.is_symlink():
                raise WriteRefused("a symbolic link; not written")
            old = path.read_bytes() if path.exists() else None
            if old == data:
                continue
            if old is not None and not old.startswith(mark):
                raise WriteRefused("not written by `cleanlint rules --docs`; not overwritten")
            write_bytes_atomic(path, data, None if old is None else hashlib.sha256(old).hexdigest())
            written += 1
        except (OSError, WriteRefused) as err:
            print(one_line(f"error: {path}: {getattr(err, 'strerror', None) or err}"), file=sys.stderr)
            errors += 1
    for path in sorted(folder.glob("*.md")):
        if path.name not in texts and not path.is_symlink() and _written_by_docs(path, mark):
            path.unlink()
            removed += 1
    gone = f", {removed} removed" if removed else ""
    pages_of = f"pages of {counted(len(rules), 'rule')} and their index"
    print(f"{folder}: {pages_of}, {written} written{gone}.", file=sys.stderr)
    return EXIT_ERROR if errors else EXIT_CLEAN


def _written_by_docs(path: Path, mark: bytes) -> bool:
    try:
        with open(path, "rb") as stream:
            return stream.read(len(mark)) == mark
    except OSError:
        return False


def explain(rules: Sequence[Rule], wanted: str) -> int:
    rule = next((r for r in rules if wanted in (r.code, r.name)), None)
    if rule is None:
        return error_exit(f"no rule {wanted!r} (see `cleanlint rules`)")
    fix = "report only" if rule.fix.action.value == "none" else f"{rule.fix.action.value} ({rule.fix.safety.value})"
    print(f"{rule.code} {rule.name}: {rule.summary}\n")
    if rule.why:
        print(f"Why: {rule.why.strip()}\n")
    print(f"Kind: {rule.kind}   Category: {rule.category.value}   Severity: {rule.severity.value}   Fix: {fix}")
    print(f"Defined at: {rule.origin}")
    if rule.sources:
        print(f"Sources: only documents from {', '.join(rule.sources)} (front matter source or url, or folder)")
    if not rule.enabled:
        print(f"Opt-in: runs only when selected (--extend-select {rule.code}, or `extend-select` in the settings)")
    for i, ex in enumerate(rule.examples, 1):
        print(f"\nExample {i}{': ' + ex.note if ex.note else ''}")
        if ex.source is not None or rule.sources:
            print("  source:   " + (example_source(rule, ex) or "none known"))
        print("  input:    " + repr(ex.input))
        if ex.findings is not None:
            print("  flags:    " + (", ".join(repr(f) for f in ex.findings) or "nothing"))
        if ex.output is not None:
            print("  fixed:    " + repr(ex.output))
    return EXIT_CLEAN


def run_rule_examples(rules: Sequence[Rule]) -> int:
    failures = run_examples(list(rules))
    for failure in failures:
        print(f"FAIL {failure}")
    total = sum(len(r.examples) for r in rules)
    failed = len({(f.rule, f.index) for f in failures})  # an example may fail in more than one way
    print(f"{total - failed} passed, {failed} failed: examples of {counted(len(rules), 'rule')}")
    return EXIT_FINDINGS if failures else EXIT_CLEAN
