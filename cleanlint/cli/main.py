"""The `cleanlint` command: argument parsing, settings, and the hand-off to each command. No detection here.

Exit statuses follow the contract (exits.py). Errors are one line each on stderr. The commands themselves
live in cli/lint.py (check, fix, undo) and cli/rules.py (rules, rule, test-rules, mine).
"""

from __future__ import annotations

import argparse
import io
import os
import sys
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

from .. import __version__
from ..config import Config, ConfigError, find_config, load_config
from ..report.reporters import FORMATS
from ..ruleset.files import RuleError
from ..run.settings import Settings, parse_codes
from ..safeio.cachestore import usable_cache_dir
from .consistency import add_consistency_parser, consistency_command
from .exits import EXIT_ERROR, error_exit
from .lint import lint, undo_command
from .options import (
    add_config_option,
    add_jobs_option,
    add_output_file_option,
    add_text_field_option,
    fraction,
    whole_number,
)
from .plan import PlanError, run_plan


def _codes(value: str) -> list[str]:
    try:
        return list(parse_codes(value))
    except ConfigError as err:
        raise argparse.ArgumentTypeError(str(err)) from None


def _add_rule_options(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--rules",
        action="append",
        type=Path,
        default=[],
        metavar="PATH",
        help="a rule file or folder used beside the defaults (may repeat)",
    )
    p.add_argument("--no-default-rules", action="store_true", help="use only the rules given with --rules")
    p.add_argument(
        "--gazetteer",
        action="append",
        type=Path,
        default=[],
        metavar="FILE",
        help="names (YAML: name -> other spellings) that the misspelt-name rules know as well (may repeat)",
    )
    add_config_option(p)
    for flag, about in (
        ("--select", "only these codes or prefixes, comma-separated (replaces the settings' select)"),
        (
            "--extend-select",
            "these codes or prefixes as well, opt-in rules included (adds to the settings' extend-select)",
        ),
        ("--ignore", "leave out these codes or prefixes, comma-separated (adds to the settings' ignore)"),
    ):
        p.add_argument(flag, action="extend", type=_codes, default=[], metavar="CODES", help=about)


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="cleanlint", description="A content-quality linter for scraped news articles."
    )
    parser.add_argument("--version", action="version", version=f"cleanlint {__version__}")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    for name, help_text in (("check", "report findings; changes nothing"), ("fix", "apply fixes in place")):
        p = sub.add_parser(name, help=help_text, description=help_text)
        p.add_argument("paths", nargs="*", type=Path, metavar="PATH", help="files or folders (default: .)")
        _add_rule_options(p)
        formats = FORMATS if name == "check" else ("text", "json")
        p.add_argument("--format", choices=formats, default="text", help="output format (default: text)")
        add_output_file_option(p)
        p.add_argument("--no-progress", action="store_true", help="no progress bar, even on a terminal")
        add_jobs_option(p)
        p.add_argument(
            "--dask",
            metavar="SCHEDULER",
            help="run on a dask.distributed cluster: a scheduler address (tcp://host:8786), or local[:N] for N "
            "worker processes here (needs the dask extra)",
        )
        p.add_argument(
            "--no-cache",
            action="store_true",
            help="read and write no cache (.cleanlint_cache/ beside the settings: the loaded rules)",
        )
        p.add_argument("--exit-zero", action="store_true", help="exit 0 even when findings remain")
        add_text_field_option(p)
        p.add_argument(
            "--baseline",
            type=Path,
            metavar="FILE",
            help="accepted findings, not reported or fixed (default: the settings' baseline, else "
            ".cleanlint-baseline.json beside the settings, if there is one)",
        )
        p.add_argument("--no-baseline", action="store_true", help="report every finding, accepted or not")
        if name == "check":
            p.add_argument(
                "--statistics", action="store_true", help="count the findings of each code instead of listing them"
            )
            p.add_argument(
                "--write-baseline",
                action="store_true",
                help="accept every finding of this run: write them to the baseline file and exit 0",
            )
        if name == "fix":
            p.add_argument("--diff", action="store_true", help="print a unified diff; write nothing")
            p.add_argument("--unsafe-fixes", action="store_true", help="also apply fixes marked unsafe")
            p.add_argument(
                "--log", type=Path, metavar="FILE", help="append each applied edit to FILE, one JSON line (see undo)"
            )

    about = "put back what the edits in a fix log removed or replaced"
    p = sub.add_parser("undo", help=about, description=about[0].upper() + about[1:] + ".")
    p.add_argument("log", type=Path, metavar="LOG", help="the file given to `fix --log`")
    p.add_argument(
        "paths",
        nargs="*",
        type=Path,
        metavar="PATH",
        help="only the files in or under these paths, which may lie outside the log's folder (default: every file "
        "of the log inside its folder)",
    )

    p = sub.add_parser("rules", help="list the rules", description="List the rules in use.")
    p.add_argument(
        "--docs",
        type=Path,
        metavar="DIR",
        help="instead of listing them, write a markdown page for each rule and an index (README.md) into DIR",
    )
    _add_rule_options(p)
    p = sub.add_parser("rule", help="explain one rule", description="Explain one rule, with its examples.")
    p.add_argument("code", help="a rule code such as B101, or a rule name")
    _add_rule_options(p)
    p = sub.add_parser(
        "test-rules",
        help="run the examples of rules",
        description="Run every example of the rules in use, as the test suite does.",
    )
    _add_rule_options(p)
    _add_mine_parser(sub)
    add_consistency_parser(sub)
    return parser


def _prefix(value: str) -> str:
    if not (1 <= len(value) <= 3 and value.isascii() and value.isalpha() and value.isupper()):
        raise argparse.ArgumentTypeError(f"a code prefix is 1-3 capital letters, such as M, got {value!r}")
    return value


def _add_mine_parser(sub) -> None:
    about = "propose boilerplate rules from lines that recur across a source's documents"
    p = sub.add_parser("mine", help=about, description=about[0].upper() + about[1:] + ".")
    p.add_argument("paths", nargs="*", type=Path, metavar="PATH", help="files or folders (default: .)")
    add_output_file_option(p, "the rule pack")
    p.add_argument(
        "--min-docs", type=whole_number(2), default=3, metavar="N", help="documents a line recurs in at least"
    )
    p.add_argument(
        "--min-share", type=fraction("0.5"), default=0.5, metavar="FRACTION", help="share of its source's documents"
    )
    p.add_argument(
        "--max-per-source", type=whole_number(0), default=0, metavar="N", help="most rules per source (0: all)"
    )
    p.add_argument("--code-prefix", type=_prefix, default="M", metavar="PREFIX", help="capitals of proposed codes")
    p.add_argument("--start-code", type=whole_number(10), metavar="N", help="number of the first proposed code")
    add_jobs_option(p)
    _add_rule_options(p)


def _config(args: argparse.Namespace) -> Config:
    """The settings: --config FILE, else the nearest settings file at or above the first PATH; with
    --text-field in place of the settings' text-field."""
    start = args.paths[0] if getattr(args, "paths", None) else Path.cwd()
    config = load_config(args.config if args.config else find_config(start))
    if getattr(args, "text_field", None):
        config = replace(config, text_field=args.text_field)
    return config


def _settings(args: argparse.Namespace) -> Settings:
    """The options that choose the rules, as the Python API takes them too (settings.py)."""
    return Settings(
        select=tuple(args.select),
        extend_select=tuple(args.extend_select),
        ignore=tuple(args.ignore),
        rules=tuple(args.rules),
        no_default_rules=args.no_default_rules,
        gazetteer=tuple(args.gazetteer),
        config=args.config,
    )


def main(argv: Sequence[str] | None = None) -> int:
    try:
        return _run(argv)
    except BrokenPipeError:
        # the reader stopped reading (`cleanlint check | head`): the run ends quietly, its report cut short
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())  # so the exit's flush cannot fail again
        return EXIT_ERROR


def _run(argv: Sequence[str] | None) -> int:
    for stream in (sys.stdout, sys.stderr):  # a file name that is not UTF-8 is written as an escape, never a crash
        if isinstance(stream, io.TextIOWrapper):
            stream.reconfigure(errors="backslashreplace")
    args = _parser().parse_args(argv)
    if args.command == "undo":  # needs no settings and no rules: only the log
        return undo_command(args)
    try:
        config = _config(args)
        if args.command == "consistency":  # compares articles with each other: no rules
            return consistency_command(args, config)
        settings = _settings(args)
        cache = None if getattr(args, "no_cache", False) else usable_cache_dir(config.root)
        spec = settings.spec(config, cache)
        engine = spec.build()
        settings.refuse_unknown_codes(config, engine)
    except (ConfigError, RuleError) as err:
        return error_exit(str(err))
    if args.command in ("check", "fix"):
        try:
            plan = run_plan(args, config, spec, engine)
        except PlanError as err:
            return error_exit(str(err))
        return lint(plan, engine)
    from .rules import explain, list_rules, mine, run_rule_examples, write_docs  # here: a hook runs only `check`

    if args.command == "mine":
        return mine(args, config, spec, engine)
    if args.command == "rules":
        if args.docs is not None:
            return write_docs(engine.known_rules, args.docs)
        return list_rules(engine.known_rules, engine.rules)
    if args.command == "rule":
        return explain(engine.known_rules, args.code)
    return run_rule_examples(engine.known_rules)
