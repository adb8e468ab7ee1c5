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
from .examples import example_source, run_examples
from .loader import RuleError
from .mine import MineOptions, Miner
from .minepack import naming_for, propose, render
from .model import Category
from .provenance import mining_source
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
        "--gazetteer",
        action="append",
        type=Path,
        default=[],
        metavar="FILE",
        help="names (YAML: name -> other spellings) that the misspelt-name rules know as well (may repeat)",
    )
    p.add_argument(
        "--config",
        type=Path,
        metavar="FILE",
        help="settings file (default: nearest pyproject.toml with [tool.cleanlint] or .cleanlint.yaml)",
    )
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
    _add_mine_parser(sub)
    return parser


def _count(minimum: int):
    def parse(value: str) -> int:
        if not value.isdigit() or int(value) < minimum:
            raise argparse.ArgumentTypeError(f"expected a whole number of at least {minimum}, got {value!r}")
        return int(value)

    return parse


def _share(value: str) -> float:
    try:
        share = float(value)
    except ValueError:
        share = -1.0
    if not 0 < share <= 1:
        raise argparse.ArgumentTypeError(f"expected a fraction above 0 and at most 1, such as 0.5, got {value!r}")
    return share


def _prefix(value: str) -> str:
    if not (1 <= len(value) <= 3 and value.isascii() and value.isalpha() and value.isupper()):
        raise argparse.ArgumentTypeError(f"a code prefix is 1-3 capital letters, such as M, got {value!r}")
    return value


def _add_mine_parser(sub) -> None:
    about = "propose boilerplate rules from lines that recur across a source's documents"
    p = sub.add_parser("mine", help=about, description=about[0].upper() + about[1:] + ".")
    p.add_argument("paths", nargs="*", type=Path, metavar="PATH", help="files or folders (default: .)")
    p.add_argument("-o", "--output", type=Path, metavar="FILE", help="write the rule pack here (default: stdout)")
    p.add_argument("--min-docs", type=_count(2), default=3, metavar="N", help="documents a line recurs in at least")
    p.add_argument("--min-share", type=_share, default=0.5, metavar="FRACTION", help="share of its source's documents")
    p.add_argument("--max-per-source", type=_count(0), default=0, metavar="N", help="most rules per source (0: all)")
    p.add_argument("--code-prefix", type=_prefix, default="M", metavar="PREFIX", help="capitals of proposed codes")
    p.add_argument("--start-code", type=_count(10), metavar="N", help="number of the first proposed code")
    p.add_argument("--jobs", type=_count(0), default=1, metavar="N", help="worker processes; 0 = all cores")
    _add_rule_options(p)


def _settings(args: argparse.Namespace) -> tuple[Config, EngineSpec]:
    start = args.paths[0] if getattr(args, "paths", None) else Path.cwd()
    config = load_config(args.config if args.config else find_config(start))
    rule_paths = () if args.no_default_rules else (default_rules_dir(),)
    rule_paths += config.rules + tuple(args.rules)
    selection = Selection(
        tuple(args.select) or config.select,
        config.ignore + tuple(args.ignore),
        config.extend_select + tuple(args.extend_select),
    )
    return config, EngineSpec(rule_paths, selection, config.gazetteer + tuple(args.gazetteer))


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


def _mine(args: argparse.Namespace, config: Config, spec: EngineSpec, engine: Engine) -> int:
    """Mines the files read as `check` reads them; lines the rules in use flag already are not proposed."""
    miner, errors = Miner(MineOptions(args.min_docs, args.min_share, args.max_per_source)), 0
    for root in args.paths or [Path(".")]:
        for r in run([root], spec, engine, config, RunOptions(), args.jobs):
            if r.error or r.document is None:
                print(f"error: {r.error or r.path}", file=sys.stderr)
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
        if args.output:
            args.output.write_text(text, encoding="utf-8")
        else:
            sys.stdout.write(text)
    except ValueError as err:  # codes would run past 9999
        print(f"cleanlint: error: {err}", file=sys.stderr)
        return EXIT_ERROR
    except OSError as err:
        print(f"cleanlint: error: {args.output}: cannot write: {err.strerror or err}", file=sys.stderr)
        return EXIT_ERROR
    for note in notes:
        print(f"note: {note}", file=sys.stderr)
    named = sum(1 for name, _ in result.sources if name is not None)
    copies = f" and skipped {result.duplicates} exact copies" if result.duplicates else ""
    where = f", written to {args.output}" if args.output else ""
    mined = f"Mined {result.documents} documents of {named} named sources{copies}"
    print(f"{mined}: {len(proposals)} rules proposed{where}.", file=sys.stderr)
    return EXIT_ERROR if errors else EXIT_CLEAN


def _list_rules(rules: Sequence[Rule], active: Sequence[Rule]) -> int:
    for r in rules:
        fix = "-" if r.fix.action.value == "none" else f"{r.fix.action.value}/{r.fix.safety.value}"
        off = "" if r in active else "(opt-in, not selected) "
        print(f"{r.code:6} {r.name:32} {r.category.value:12} {r.kind:13} {fix:15} {off}{r.summary}")
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
    if args.command == "mine":
        return _mine(args, config, spec, engine)
    if args.command == "rules":
        return _list_rules(engine.known_rules, engine.rules)
    if args.command == "rule":
        return _explain(engine.known_rules, args.code)
    return _test_rules(engine.known_rules)
