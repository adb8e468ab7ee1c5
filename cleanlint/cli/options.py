"""Options and argument types that several commands share, so that each is spelt and explained once.

A bad value is a usage error that says what was expected.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path

from ..sources.articles import LINTED_SUFFIXES


def add_config_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--config",
        type=Path,
        metavar="FILE",
        help="settings file (default: nearest pyproject.toml with [tool.cleanlint] or .cleanlint.yaml)",
    )


def add_text_field_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--text-field",
        type=_field_name,
        metavar="NAME",
        help="the field of a JSONL record that holds the article (default: text)",
    )


def _field_name(value: str) -> str:
    if not value:  # would otherwise fall back to the default field without a word
        raise argparse.ArgumentTypeError("expected the name of a JSONL field, such as text, got ''")
    return value


def add_output_file_option(parser: argparse.ArgumentParser, what: str = "the report") -> None:
    parser.add_argument(
        "-o", "--output-file", type=Path, metavar="FILE", help=f"write {what} to FILE instead of stdout"
    )


def add_jobs_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--jobs", type=whole_number(0), default=1, metavar="N", help="worker processes; 0 = all cores")


def whole_number(minimum: int) -> Callable[[str], int]:
    def parse(value: str) -> int:
        if not value.isdigit() or int(value) < minimum:
            raise argparse.ArgumentTypeError(f"expected a whole number of at least {minimum}, got {value!r}")
        return int(value)

    return parse


def fraction(example: str) -> Callable[[str], float]:
    """A share above 0 and at most 1; `example` is a sensible value for the option, shown in the error."""

    def parse(value: str) -> float:
        try:
            share = float(value)
        except ValueError:
            share = -1.0
        if not 0 < share <= 1:
            raise argparse.ArgumentTypeError(
                f"expected a fraction above 0 and at most 1, such as {example}, got {value!r}"
            )
        return share

    return parse


def report_path_problem(output: Path | None, paths: list[Path]) -> str | None:
    """Why the report cannot go to `output`, in one line that names it; None when it can, or when it goes to
    standard output."""
    reason = None if output is None else _unwritable(output, paths)
    return None if reason is None else f"{output}: cannot write the report there: {reason}"


def _unwritable(output: Path, paths: list[Path]) -> str | None:
    """A report never replaces an article of the run: a file named as a PATH, or an existing file with an
    article suffix inside a folder named as a PATH (such as the report of an earlier run, which this run
    reads too)."""
    if output.is_dir():
        return "it is a folder"
    if not output.absolute().parent.is_dir():
        return "no such folder"
    target = output.resolve()
    for path in paths:
        root = path.resolve()
        inside = root.is_dir() and target.is_relative_to(root) and target.suffix.lower() in LINTED_SUFFIXES
        if target == root or (inside and target.exists()):
            return "it is one of the articles checked (write the report outside the folders checked)"
    return None
