"""The articles of a consistency run, read as `cleanlint check` reads them: files, pages and JSONL records.

Unlike check, which looks at one file at a time, a consistency run needs every article at once, so they are
read here first. A file that cannot be read becomes a one-line error (sources.InputError's text) and the
others are still read: one broken file must not hide the disagreements of the rest.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from ...config import TEXT_FIELD
from ...document import Document
from ...sources.articles import (
    DEFAULT_MAX_BYTES,
    InputError,
    check_readable,
    discover,
    is_jsonl,
    read_source,
    refuse_binary,
)
from ...sources.html import is_html, read_page
from ...sources.jsonl import read_records


@dataclass(frozen=True)
class Article:
    path: Path
    document: Document
    record: int | None = None  # the line of a JSONL file that holds the article

    @property
    def label(self) -> str:
        """How reports name the article: the path, and the record of a JSONL file."""
        return f"{self.path}:record {self.record}" if self.record is not None else str(self.path)


InputProblem = tuple[Path, str]  # the file, and the one-line message, which names it too


def read_articles(
    paths: Iterable[Path],
    text_field: str = TEXT_FIELD,
    excluded: Callable[[Path], bool] = lambda _p: False,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> tuple[list[Article], list[InputProblem]]:
    """Every article found under `paths` and not `excluded`, in discovery order, and the errors of what
    could not be read; a file (or JSONL line) over `max_bytes` is an error, as in `check`."""
    articles: list[Article] = []
    errors: list[InputProblem] = []
    for found in discover(paths, excluded):
        if isinstance(found, InputError):
            errors.append((found.path, str(found)))
        elif is_jsonl(found):
            _read_jsonl(found, text_field, max_bytes, articles, errors)
        else:
            try:
                source = read_page(found, max_bytes) if is_html(found) else read_source(found, max_bytes)
                articles.append(Article(found, source.document()))
            except InputError as err:
                errors.append((found, str(err)))
    return articles, errors


def _read_jsonl(
    path: Path, text_field: str, max_bytes: int, articles: list[Article], errors: list[InputProblem]
) -> None:
    try:
        check_readable(path, None)
        with open(path, "rb") as stream:
            refuse_binary(path, stream.read(8192), "JSONL")
            stream.seek(0)
            for record in read_records(stream, text_field, max_bytes):
                if record.error:
                    errors.append((path, f"{path}: {record.error}"))
                elif not record.blank:
                    articles.append(Article(path, record.document(path, text_field), record.number))
    except InputError as err:
        errors.append((path, str(err)))
    except OSError as err:
        errors.append((path, f"{path}: cannot read: {err.strerror or err}"))
