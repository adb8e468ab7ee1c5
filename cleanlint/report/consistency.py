"""The report of `cleanlint consistency`: one line per disagreement and a summary, or one JSON object."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import TYPE_CHECKING, TextIO

from ..safeio.printable import one_line
from .words import counted

if TYPE_CHECKING:
    from ..corpus.consistency.articles import Article, InputProblem
    from ..corpus.consistency.disagreements import Disagreement
    from ..corpus.consistency.grouping import Group


def write_consistency(
    out: TextIO,
    form: str,
    articles: Sequence[Article],
    groups: Sequence[Group],
    found: Sequence[Disagreement],
    errors: Sequence[InputProblem],
) -> None:
    """The report in `form` (text or json), written to `out`."""
    if form == "json":
        out.write(json.dumps(_json(articles, groups, found, errors), indent=2, ensure_ascii=False) + "\n")
    else:
        out.writelines(one_line(_line(articles, d)) + "\n" for d in found)
        out.write(_summary(len(articles), groups, found, len(errors)) + "\n")


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
        line = f"Found {counted(len(found), 'disagreement')} in {counted(files, 'article')}: {stories}"
    if errors:
        line += f"; {counted(errors, 'error')}"
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
