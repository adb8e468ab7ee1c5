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

from ..config import Config
from ..engine.engine import Engine
from ..report.formats import Tally, unified_diff, where
from ..report.reporters import make_reporter
from ..run.baseline import DEFAULT_NAME, Baseline, BaselineError, Key, keys, load_baseline, render_baseline
from ..run.outcome import FileResult
from ..run.runner import EngineSpec, RunOptions, run_found
from ..safeio.atomic import WriteRefused, file_digest, report_destination, write_bytes_atomic
from ..safeio.printable import one_line
from ..sources.articles import LINTED_SUFFIXES, TEXT_FIELD, discover
from .exits import EXIT_CLEAN, EXIT_ERROR, EXIT_FINDINGS, error_exit
from .options import report_path_problem
from .progress import with_progress


def baseline_path(args: argparse.Namespace, config: Config) -> Path:
    """--baseline FILE, else the settings' `baseline`, else .cleanlint-baseline.json beside the settings."""
    return args.baseline or config.baseline or config.root / DEFAULT_NAME


def _baseline(args: argparse.Namespace, config: Config) -> Baseline | None:
    """The baseline in use: the one named (which must exist), or the default file if there is one."""
    if args.no_baseline or getattr(args, "write_baseline", False):
        return None
    path = baseline_path(args, config)
    if not (args.baseline or config.baseline) and not path.is_file():
        return None
    return load_baseline(path)


def lint(args: argparse.Namespace, config: Config, spec: EngineSpec, engine: Engine) -> int:
    fixing = args.command == "fix"
    if getattr(args, "statistics", False) and args.format not in ("text", "json"):
        return error_exit(f"--statistics is a table (text) or a list (json), not {args.format}")
    if getattr(args, "diff", False) and args.format != "text":
        return error_exit(f"--diff prints a unified diff, which has no {args.format} form: leave out --format")
    paths = args.paths or [Path(".")]
    if (problem := report_path_problem(args.output_file, paths)) is not None:  # said before any file is read
        return error_exit(problem)
    try:
        baseline = _baseline(args, config)
    except BaselineError as err:
        return error_exit(str(err))
    if getattr(args, "log", None) is not None and not getattr(args, "diff", False):
        from ..run.fixlog import LogError, append  # here: a run without a log (a hook's check) need not load it

        try:
            append(args.log, [])  # a log that cannot be written stops the run before any file is touched
        except LogError as err:
            return error_exit(str(err))
    options = RunOptions(
        fix=fixing,
        unsafe_fixes=getattr(args, "unsafe_fixes", False),
        write=not getattr(args, "diff", False),
        log=args.log.absolute() if getattr(args, "log", None) else None,  # workers may run in other folders
        baseline=baseline,
        text_field=args.text_field or config.text_field or TEXT_FIELD,
        cache_dir=spec.cache_dir if engine.fingerprint and not fixing else None,
        fingerprint=engine.fingerprint,
        named=frozenset(p.absolute() for p in paths),
    )
    if args.dask:
        from ..run.distributed import ClusterError, run_on_cluster  # here: dask is an optional extra

        try:
            results = iter(list(run_on_cluster(paths, spec, config, options, args.dask)))
        except ClusterError as err:
            return error_exit(str(err))
    else:
        found = list(discover(paths, config.is_excluded, LINTED_SUFFIXES))
        results = run_found(found, spec, engine, config, options, args.jobs)
        if not args.no_progress:
            results = with_progress(results, sum(isinstance(item, Path) for item in found), sys.stderr)
    status = _report(args, config, results, fixing)
    engine.remember()  # what the rules' patterns gave this run, for the next
    return status


def _report(args: argparse.Namespace, config: Config, results: Iterator[FileResult], fixing: bool) -> int:
    """Report each result as it comes and keep only counts (and what a one-document format must list), so
    that memory does not grow with the corpus; then the summary and the exit status."""
    output = args.output_file
    try:
        with report_destination(output) as out:
            status = _write_report(args, config, results, fixing, out)
    except WriteRefused as err:
        return error_exit(f"{output}: {err}")
    return status


def _write_report(
    args: argparse.Namespace, config: Config, results: Iterator[FileResult], fixing: bool, out: TextIO
) -> int:
    tally = Tally()
    baseline_entries: list[Key] = []
    diffs = remaining = False
    mode = "baseline" if getattr(args, "write_baseline", False) else "diff" if getattr(args, "diff", False) else None
    reporter = make_reporter(args.format, getattr(args, "statistics", False), fixing, out, config.max_removal)
    baseline_root = baseline_path(args, config).absolute().parent  # baseline entries name files relative to it
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
        return _write_baseline(baseline_path(args, config), baseline_entries, tally, out)
    if mode is None:
        reporter.finish(tally)
    if tally.errors:
        return EXIT_ERROR
    if mode == "diff":
        return EXIT_FINDINGS if diffs else EXIT_CLEAN
    return EXIT_FINDINGS if remaining and not args.exit_zero else EXIT_CLEAN


def _write_baseline(path: Path, entries: list[Key], tally: Tally, out: TextIO) -> int:
    """Accept every finding of this run: write them all to the baseline file, replacing what it held."""
    try:
        write_bytes_atomic(path, render_baseline(entries).encode("utf-8"), file_digest(path))
    except WriteRefused as err:
        return error_exit(f"{path}: {err}")
    files = len({name.split("#")[0] for name, _, _ in entries})
    out.write(f"Wrote {len(entries)} findings in {files} files to the baseline {path}.\n")
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
    refused = f"; {failed} files not restored" if failed else ""
    print(f"Undid {edits_undone} edits in {restored} files{refused}.")
    return EXIT_ERROR if failed else EXIT_CLEAN
