"""The `cleanlint consistency` command: read the articles, find the disagreements, print the report.

Detection lives in corpus/consistency/ and the report's form in report/consistency.py; this module only
parses options, reads and hands on. Exit statuses follow the contract (exits.py): 0 nothing to report,
1 disagreements, 2 a usage or input error (the other files are still read and checked, and their
disagreements reported).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..corpus.consistency import DEFAULT_MIN_SIMILARITY
from ..safeio.printable import one_line
from .exits import EXIT_CLEAN, EXIT_ERROR, EXIT_FINDINGS, error_exit
from .options import add_config_option, add_output_file_option, add_text_field_option, fraction, report_path_problem

if TYPE_CHECKING:
    from ..config import Config

ABOUT = "report names, figures and dates that articles of one story disagree on"


def add_consistency_parser(subparsers: Any) -> argparse.ArgumentParser:
    p = subparsers.add_parser("consistency", help=ABOUT, description=ABOUT[0].upper() + ABOUT[1:] + ".")
    p.add_argument("paths", nargs="*", type=Path, metavar="PATH", help="files or folders (default: .)")
    p.add_argument("--format", choices=("text", "json"), default="text", help="output format (default: text)")
    add_output_file_option(p)
    p.add_argument(
        "--min-similarity",
        type=fraction("0.035"),
        default=DEFAULT_MIN_SIMILARITY,
        metavar="X",
        help="Jaccard similarity of two articles' content-word pairs that puts them in one story "
        f"(default: {DEFAULT_MIN_SIMILARITY})",
    )
    add_text_field_option(p)
    add_config_option(p)
    return p


def consistency_command(args: argparse.Namespace, config: Config) -> int:
    """`config`: the corpus's settings, for its exclusions, file size limit and text field, as `check` uses them."""
    from ..corpus.consistency.articles import read_articles  # here: `check` never loads the comparison
    from ..corpus.consistency.disagreements import find_disagreements
    from ..report.consistency import write_consistency
    from ..safeio.atomic import WriteRefused, report_destination

    paths = args.paths or [Path(".")]
    if (problem := report_path_problem(args.output_file, paths)) is not None:
        return error_exit(problem)
    articles, errors = read_articles(paths, config.text_field, config.is_excluded, config.max_file_bytes)
    for _, message in errors:
        print(one_line(f"error: {message}"), file=sys.stderr)
    groups, found = find_disagreements([a.document for a in articles], args.min_similarity)
    try:
        with report_destination(args.output_file) as out:
            write_consistency(out, args.format, articles, groups, found, errors)
    except WriteRefused as err:
        return error_exit(f"{args.output_file}: {err}")
    if errors:
        return EXIT_ERROR
    return EXIT_FINDINGS if found else EXIT_CLEAN
