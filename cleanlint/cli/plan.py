"""`check` and `fix`'s options read once into a RunPlan (run/plan.py), with every refusal said before a file
is read: the options that cannot go together, a report that would replace an article, a baseline that
cannot be read, a fix log that cannot be written. The namespace of parsed options goes no further.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from ..config import Config
from ..engine.engine import Engine
from ..run.baseline import DEFAULT_NAME, BaselineError, load_baseline
from ..run.plan import RunPlan
from ..run.spec import EngineSpec
from .options import report_path_problem


class PlanError(Exception):
    """The options cannot make a run; str() is the one line shown to the user."""


def run_plan(args: argparse.Namespace, config: Config, spec: EngineSpec, engine: Engine) -> RunPlan:
    """The plan of this `check` or `fix`, whose rules `spec` chose and `engine` was built from."""
    fixing = args.command == "fix"
    diff, statistics = getattr(args, "diff", False), getattr(args, "statistics", False)
    write_baseline, log = getattr(args, "write_baseline", False), getattr(args, "log", None)
    if statistics and args.format not in ("text", "json"):
        raise PlanError(f"--statistics is a table (text) or a list (json), not {args.format}")
    if diff and args.format != "text":
        raise PlanError(f"--diff prints a unified diff, which has no {args.format} form: leave out --format")
    paths = tuple(args.paths)
    if (problem := report_path_problem(args.output_file, list(paths) or [Path(".")])) is not None:
        raise PlanError(problem)
    named = args.baseline or config.baseline
    baseline_path = named or config.root / DEFAULT_NAME
    baseline = None
    if not (args.no_baseline or write_baseline) and (named or baseline_path.is_file()):
        try:
            baseline = load_baseline(baseline_path)  # one that is named must exist
        except BaselineError as err:
            raise PlanError(str(err)) from None
    if log is not None and not diff:
        from ..run.fixlog import LogError, append  # here: a run without a log (a hook's check) need not load it

        try:
            append(log, [])  # a log that cannot be written stops the run before any file is touched
        except LogError as err:
            raise PlanError(str(err)) from None
    return RunPlan(
        config=config,
        spec=spec,
        paths=paths,
        jobs=args.jobs,
        dask=args.dask,
        fix=fixing,
        unsafe_fixes=getattr(args, "unsafe_fixes", False),
        diff=diff,
        log=log.absolute() if log is not None else None,  # workers may run in other folders
        baseline=baseline,
        baseline_path=baseline_path,
        write_baseline=write_baseline,
        cache_dir=spec.cache_dir if engine.fingerprint and not fixing else None,
        fingerprint=engine.fingerprint,
        format=args.format,
        statistics=statistics,
        output_file=args.output_file,
        exit_zero=args.exit_zero,
        progress=not args.no_progress,
    )
