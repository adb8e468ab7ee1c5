"""The `cleanlint` command: argument parsing, exit statuses and output. No detection logic lives here.

Exit statuses follow the contract: 0 nothing to report, 1 findings (for `fix`: findings that no fix
could remove), 2 a usage, settings, rule or input error. Errors are one line each on stderr.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from . import __version__
from .config import Config, ConfigError, find_config, load_config
from .defaults import default_rules_dir
from .engine import Engine, Selection
from .examples import run_examples
from .loader import RuleError
from .report import text_summary, unified_diff, write_json, write_text
from .rule import Rule
from .runner import EngineSpec, RunOptions, run

EXIT_CLEAN, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2


def _codes(value: str) -> list[str]:
    return [c.strip() for c in value.split(",") if c.strip()]


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
        "--config",
        type=Path,
        metavar="FILE",
        help="settings file (default: nearest pyproject.toml with [tool.cleanlint] or .cleanlint.yaml)",
    )
    p.add_argument(
        "--select",
        action="extend",
        type=_codes,
        default=[],
        metavar="CODES",
        help="only these codes or prefixes, comma-separated (replaces the settings' select)",
    )
    p.add_argument(
        "--ignore",
        action="extend",
        type=_codes,
        default=[],
        metavar="CODES",
        help="leave out these codes or prefixes, comma-separated (adds to the settings' ignore)",
    )


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
        p.add_argument("--format", choices=("text", "json"), default="text", help="output format")
        p.add_argument("--jobs", type=int, default=1, metavar="N", help="worker processes; 0 = all cores")
        p.add_argument(
            "--no-cache",
            action="store_true",
            help="read and write no cache of earlier results (cleanlint keeps none yet)",
        )
        p.add_argument("--exit-zero", action="store_true", help="exit 0 even when findings remain")
        if name == "fix":
            p.add_argument("--diff", action="store_true", help="print a unified diff; write nothing")
            p.add_argument("--unsafe-fixes", action="store_true", help="also apply fixes marked unsafe")

    p = sub.add_parser("rules", help="list the rules", description="List the rules in use.")
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
    return parser


def _settings(args: argparse.Namespace) -> tuple[Config, EngineSpec]:
    start = args.paths[0] if getattr(args, "paths", None) else Path.cwd()
    config = load_config(args.config if args.config else find_config(start))
    rule_paths = () if args.no_default_rules else (default_rules_dir(),)
    rule_paths += config.rules + tuple(args.rules)
    selection = Selection(tuple(args.select) or config.select, config.ignore + tuple(args.ignore))
    return config, EngineSpec(rule_paths, selection)


def _lint(args: argparse.Namespace, config: Config, spec: EngineSpec, engine: Engine) -> int:
    fixing = args.command == "fix"
    options = RunOptions(
        fix=fixing, unsafe_fixes=getattr(args, "unsafe_fixes", False), write=not getattr(args, "diff", False)
    )
    if args.jobs < 0:
        print("cleanlint: error: --jobs must be 0 (all cores) or more", file=sys.stderr)
        return EXIT_ERROR
    results = list(run(args.paths or [Path(".")], spec, engine, config, options, args.jobs))
    for r in results:
        if r.error:
            print(f"error: {r.error}", file=sys.stderr)
        for note in r.notes:
            print(f"{r.path}: {note}", file=sys.stderr)
    if getattr(args, "diff", False):
        diffs = [d for r in results if (d := unified_diff(r))]
        sys.stdout.write("".join(diffs))
        status = EXIT_FINDINGS if diffs else EXIT_CLEAN
    elif args.format == "json":
        write_json(results, sys.stdout)
    else:
        write_text(results, sys.stdout)
        print(text_summary(results, fixing))
    if any(r.error for r in results):
        return EXIT_ERROR
    if getattr(args, "diff", False):
        return status
    remaining = any(r.findings for r in results)
    return EXIT_FINDINGS if remaining and not args.exit_zero else EXIT_CLEAN


def _list_rules(rules: Sequence[Rule]) -> int:
    for r in rules:
        fix = "-" if r.fix.action.value == "none" else f"{r.fix.action.value}/{r.fix.safety.value}"
        print(f"{r.code:6} {r.name:32} {r.category.value:12} {r.kind:13} {fix:15} {r.summary}")
    return EXIT_CLEAN


def _explain(rules: Sequence[Rule], wanted: str) -> int:
    rule = next((r for r in rules if wanted in (r.code, r.name)), None)
    if rule is None:
        print(f"cleanlint: error: no rule {wanted!r} (see `cleanlint rules`)", file=sys.stderr)
        return EXIT_ERROR
    fix = "report only" if rule.fix.action.value == "none" else f"{rule.fix.action.value} ({rule.fix.safety.value})"
    print(f"{rule.code} {rule.name}: {rule.summary}\n")
    if rule.why:
        print(f"Why: {rule.why.strip()}\n")
    print(f"Kind: {rule.kind}   Category: {rule.category.value}   Severity: {rule.severity.value}   Fix: {fix}")
    print(f"Defined at: {rule.origin}")
    for i, ex in enumerate(rule.examples, 1):
        print(f"\nExample {i}{': ' + ex.note if ex.note else ''}")
        print("  input:    " + repr(ex.input))
        if ex.findings is not None:
            print("  flags:    " + (", ".join(repr(f) for f in ex.findings) or "nothing"))
        if ex.output is not None:
            print("  fixed:    " + repr(ex.output))
    return EXIT_CLEAN


def _test_rules(rules: Sequence[Rule]) -> int:
    failures = run_examples(list(rules))
    for failure in failures:
        print(f"FAIL {failure}")
    total = sum(len(r.examples) for r in rules)
    failed = len({(f.rule, f.index) for f in failures})  # an example may fail in more than one way
    print(f"{total - failed} passed, {failed} failed: examples of {len(rules)} rules")
    return EXIT_FINDINGS if failures else EXIT_CLEAN


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        config, spec = _settings(args)
        engine = spec.build()
    except (ConfigError, RuleError) as err:
        print(f"cleanlint: error: {err}", file=sys.stderr)
        return EXIT_ERROR
    if args.command in ("check", "fix"):
        return _lint(args, config, spec, engine)
    if args.command == "rules":
        return _list_rules(engine.rules)
    if args.command == "rule":
        return _explain(engine.rules, args.code)
    return _test_rules(engine.rules)
