"""The `cleanlint consistency` command: read the articles, find the disagreements, print the report.

Detection lives in cleanlint/consistency/; this module only parses options, reads and prints. Exit statuses
follow the contract (exits.py): 0 nothing to report, 1 disagreements, 2 a usage or input error (the other
files are still read and checked, and their disagreements reported).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..corpus.consistency import DEFAULT_MIN_SIMILARITY
from ..safeio.printable import one_line
from ..sources.articles import TEXT_FIELD
from .exits import EXIT_CLEAN, EXIT_ERROR, EXIT_FINDINGS, error_exit
from .options import add_config_option, add_output_file_option, add_text_field_option, fraction, report_path_problem

if TYPE_CHECKING:
    from ..config import Config
    from ..corpus.consistency.articles import Article, InputProblem
    from ..corpus.consistency.disagreements import Disagreement
    from ..corpus.consistency.grouping import Group

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
    from ..safeio.atomic import WriteRefused, report_destination

    paths = args.paths or [Path(".")]
    if (problem := report_path_problem(args.output_file, paths)) is not None:
        return error_exit(problem)
    text_field = args.text_field or config.text_field or TEXT_FIELD
    articles, errors = read_articles(paths, text_field, config.is_excluded, config.max_file_bytes)
    for _, message in errors:
        print(one_line(f"error: {message}"), file=sys.stderr)
    groups, found = find_disagreements([a.document for a in articles], args.min_similarity)
    try:
        with report_destination(args.output_file) as out:
            if args.format == "json":
                out.write(json.dumps(_json(articles, groups, found, errors), indent=2, ensure_ascii=False) + "\n")
            else:
                out.writelines(one_line(_line(articles, d)) + "\n" for d in found)
                out.write(_summary(len(articles), groups, found, len(errors)) + "\n")
    except WriteRefused as err:
        return error_exit(f"{args.output_file}: {err}")
    if errors:
        return EXIT_ERROR
    return EXIT_FINDINGS if found else EXIT_CLEAN


def _short(article: Article) -> str:
    """An article named in a list of versions: its file name (and record), the full path is on the line."""
    return f"{article.path.name}:record {article.record}" if article.record is not None else article.path.name


def _line(articles: Sequence[Article], d: Disagreement) -> str:
    by_text: dict[str, list[str]] = {}
    for v in d.versions:
        by_text.setdefault(v.text, []).append(_short(articles[v.article]))
    given = ", ".join(f"{_quote(text)} ({', '.join(names)})" for text, names in by_text.items())
    where = f"{articles[d.article].label}:{d.line}:{d.column}"
    return f"{where}: {d.code} {d.kind.value} {_quote(d.text)}: other articles of the story give {given}"


def _quote(text: str) -> str:
    return "'" + " ".join(text.split()) + "'"


def _summary(read: int, groups: Sequence[Group], found: Sequence[Disagreement], errors: int) -> str:
    grouped = sum(len(g.members) for g in groups)
    stories = f"{len(groups)} {'story' if len(groups) == 1 else 'stories'} told by {grouped} of {read} articles"
    if not found:
        line = f"No disagreements: {stories}"
    else:
        files = len({d.article for d in found})
        plural = "" if len(found) == 1 else "s"
        line = f"Found {len(found)} disagreement{plural} in {files} articles: {stories}"
    if errors:
        line += f"; {errors} error" + ("s" if errors != 1 else "")
    return line + "."


def _json(
    articles: Sequence[Article], groups: Sequence[Group], found: Sequence[Disagreement], errors: Sequence[InputProblem]
) -> dict:
    def place(index: int) -> dict:
        article = articles[index]
        return {"path": str(article.path), **({"record": article.record} if article.record is not None else {})}

    return {
        "articles": len(articles),
        "groups": [{"articles": [place(i) for i in g.members]} for g in groups],
        "disagreements": [
            {
                "code": d.code,
                "kind": d.kind.value,
                **place(d.article),
                "line": d.line,
                "column": d.column,
                "text": d.text,
                "group": d.group,
                "versions": [
                    {**place(v.article), "line": v.line, "column": v.column, "text": v.text} for v in d.versions
                ],
            }
            for d in found
        ],
        "errors": [{"path": str(path), "message": message} for path, message in errors],
    }
