"""The commands that read articles: `check`, `fix` and `undo`, with the baseline and the fix log.

Errors are one line each on stderr and never stop the other files; the exit status says the worst that
happened (see exits.py).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import TextIO

from ..engine.engine import Engine
from ..report.formats import Tally, unified_diff, where
from ..report.reporters import make_reporter
from ..report.words import counted
from ..run.baseline import Key, keys, render_baseline
from ..run.outcome import FileResult
from ..run.plan import RunPlan
from ..run.runner import found_files, run_found
from ..safeio.atomic import WriteRefused, file_digest, report_destination, write_bytes_atomic
from ..safeio.printable import one_line
from .exits import EXIT_CLEAN, EXIT_ERROR, EXIT_FINDINGS, error_exit
from .progress import with_progress


def lint(plan: RunPlan, engine: Engine) -> int:
    if plan.dask:
        from ..run.distributed import ClusterError, run_on_cluster  # here: dask is an optional extra

        try:
            results = iter(list(run_on_cluster(plan, plan.dask)))
        except ClusterError as err:
            return error_exit(str(err))
    else:
        found = found_files(plan)
        results = run_found(found, engine, plan)
        if plan.progress:
            results = with_progress(results, sum(isinstance(item, Path) for item in found), sys.stderr)
    status = _report(plan, results)
    engine.remember()  # what the rules' patterns gave this run, for the next
    return status


def _report(plan: RunPlan, results: Iterator[FileResult]) -> int:
    """Report each result as it comes and keep only counts (and what a one-document format must list), so
    that memory does not grow with the corpus; then the summary and the exit status."""
    try:
        with report_destination(plan.output_file) as out:
            status = _write_report(plan, results, out)
    except WriteRefused as err:
        return error_exit(f"{plan.output_file}: {err}")
    return status


def _write_report(plan: RunPlan, results: Iterator[FileResult], out: TextIO) -> int:
    tally = Tally()
    baseline_entries: list[Key] = []
    diffs = remaining = False
    mode = "baseline" if plan.write_baseline else "diff" if plan.diff else None
    reporter = make_reporter(plan.format, plan.statistics, plan.fix, out, plan.config.max_removal)
    assert plan.baseline_path is not None
    baseline_root = plan.baseline_path.absolute().parent  # baseline entries name files relative to it
    for r in results:
        if r.error:
            print(one_line(f"error: {r.error}"), file=sys.stderr)
        for note in r.notes:
            print(one_line(f"{where(r)}: {note}"), file=sys.stderr)
        tally.add(r)
        remaining = remaining or bool(r.findings)
        if mode == "baseline":
            if r.document is not None:
                baseline_entries += keys(baseline_root, r.path, r.record, r.document, r.findings)
        elif mode == "diff":
            if diff := unified_diff(r):
                out.write(diff)
                diffs = True
        else:
            reporter.add(r)
    if mode == "baseline":
        return _write_baseline(plan.baseline_path, baseline_entries, tally, out)
    if mode is None:
        reporter.finish(tally)
    if tally.errors:
        return EXIT_ERROR
    if mode == "diff":
        return EXIT_FINDINGS if diffs else EXIT_CLEAN
    return EXIT_FINDINGS if remaining and not plan.exit_zero else EXIT_CLEAN


def _write_baseline(path: Path, entries: list[Key], tally: Tally, out: TextIO) -> int:
    """Accept every finding of this run: write them all to the baseline file, replacing what it held."""
    try:
        write_bytes_atomic(path, render_baseline(entries).encode("utf-8"), file_digest(path))
    except WriteRefused as err:
        return error_exit(f"{path}: {err}")
    files = len({name.split("#")[0] for name, _, _ in entries})
    out.write(f"Wrote {counted(len(entries), 'finding')} in {counted(files, 'file')} to the baseline {path}.\n")
    return EXIT_ERROR if tally.errors else EXIT_CLEAN


def undo_command(args: argparse.Namespace) -> int:
    from ..run.fixlog import LogError, read_log  # here, as the command is run: the others need neither
    from ..run.undo import undo

    try:
        edits = read_log(args.log)
    except LogError as err:
        return error_exit(str(err))
    restored = failed = edits_undone = 0
    for result in undo(edits, args.log, args.paths):
        if result.error:
            print(one_line(f"error: {result.error}"), file=sys.stderr)
            failed += 1
        else:
            restored += 1
            edits_undone += result.restored
    refused = f"; {counted(failed, 'file')} not restored" if failed else ""
    print(f"Undid {counted(edits_undone, 'edit')} in {counted(restored, 'file')}{refused}.")
    return EXIT_ERROR if failed else EXIT_CLEAN
