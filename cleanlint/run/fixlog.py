"""The fix log (`fix --log FILE`): one JSON line per applied edit, so every removal can be reviewed and undone.

Each line is one edit to one file (or one JSONL record), on the text as the lines before it for the same
file left it: replaying a file's lines in order turns the text `fix` read into the text it wrote, and
undoing them from last to first turns it back. Offsets are code points into the file's decoded text, as in
the JSON report (a BOM is not counted; Windows line ends are), so `removed` is exactly what was taken out.

The lines of one file from one run are appended in a single write, with the digest of the bytes written
(`after`) and, for a plain article file, of the bytes read (`before`), and they are on disk before the file
is replaced. If the file then cannot be written, a line saying so is appended, and undo skips that run.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from ..engine.fixer import AppliedEdit
from ..safeio.atomic import WriteRefused
from ..safeio.printable import escape_surrogates
from ..sources.articles import InputError

NOT_WRITTEN = "not-written"


class LogError(Exception):
    """A log that cannot be used; str() is the one line shown to the user."""


@dataclass(frozen=True)
class LoggedEdit:
    """One line of the log: an edit of `path` (of its record `record`, for a JSONL file)."""

    path: str
    record: int | None  # JSONL: the line of the record
    field: str | None  # JSONL: the record's text field
    code: str
    codes: tuple[str, ...]
    start: int
    end: int
    removed: str
    replacement: str
    after: str
    before: str | None

    def line(self) -> str:
        fields = {
            "path": self.path,
            "record": self.record,
            "field": self.field,
            "code": self.code,
            "codes": list(self.codes),
            "start": self.start,
            "end": self.end,
            "removed": self.removed,
            "replacement": self.replacement,
            "after": self.after,
            "before": self.before,
        }
        line = json.dumps({k: v for k, v in fields.items() if v is not None}, ensure_ascii=False)
        return escape_surrogates(line)


def logged(
    path: Path,
    edits: Sequence[AppliedEdit],
    original: str,
    *,
    crlf: bool,
    after: str,
    before: str | None,
    record: tuple[int, str] | None = None,
) -> list[LoggedEdit]:
    """The fixer's edits of `original` (read with "\\n" line ends) as log lines in the file's own terms;
    `record` is (line, text field) for a record of a JSONL file."""
    out, text, name = [], original, os.path.abspath(path)
    number, field = record if record else (None, None)
    for e in edits:
        start, removed, replacement = e.start, e.removed, e.replacement
        if crlf:  # the file has "\r\n" where the text has "\n"
            start += text.count("\n", 0, e.start)
            removed, replacement = removed.replace("\n", "\r\n"), replacement.replace("\n", "\r\n")
        out.append(
            LoggedEdit(
                path=name,
                record=number,
                field=field,
                code=e.codes[0],
                codes=e.codes,
                start=start,
                end=start + len(removed),
                removed=removed,
                replacement=replacement,
                after=after,
                before=before,
            )
        )
        text = text[: e.start] + e.replacement + text[e.end :]
    return out


def append(log: Path, lines: Sequence[str]) -> None:
    """Append `lines` in one write, flushed to disk: lines of concurrent workers never interleave. An empty
    list still opens the log, so that a log that cannot be written is known before any file is."""
    try:
        fd = os.open(log, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)
        try:
            if lines:
                os.write(fd, ("\n".join(lines) + "\n").encode("utf-8"))
                os.fsync(fd)
        finally:
            os.close(fd)
    except OSError as err:
        raise LogError(f"cannot write the fix log {log}: {err.strerror or err}") from None


def not_written(path: Path, after: str) -> str:
    return json.dumps({"path": os.path.abspath(path), NOT_WRITTEN: True, "after": after})


class Logbook:
    """One file's edits in the log of a run that replaces it (`logged_replacement`)."""

    def __init__(self, log: Path | None, path: Path):
        self.log, self.path = log, path
        self.after: str | None = None  # the digest the logged lines promise, once they are on disk
        self.failure: str | None = None  # why the line saying the file was not written could not be added

    def record(self, edits: Sequence[LoggedEdit], after: str) -> None:
        """The edits' lines on disk, promising the file's bytes will be those of digest `after`: call it
        before the file is replaced. Raises LogError when they cannot be written."""
        if self.log is not None:
            append(self.log, [e.line() for e in edits])
            self.after = after

    def not_written(self) -> None:
        if self.log is not None and self.after is not None:
            try:
                append(self.log, [not_written(self.path, self.after)])
            except LogError as err:
                self.failure = str(err)


@contextmanager
def logged_replacement(log: Path | None, path: Path) -> Iterator[Logbook]:
    """The one way a fixed file is replaced with a log: inside the block the edits are recorded (on disk
    first) and the file is replaced; if replacing it fails, a line saying so is appended, so that undo skips
    those edits, and the error goes on (`failure` then says if even that line could not be written)."""
    book = Logbook(log, path)
    try:
        yield book
    except (WriteRefused, InputError):
        book.not_written()
        raise


def read_log(log: Path) -> list[LoggedEdit]:
    """Every edit of the log, in order, less those of runs whose file was not written."""
    try:
        lines = log.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as err:
        raise LogError(f"{log}: cannot read the fix log: {getattr(err, 'strerror', None) or err}") from None
    edits, skipped = [], set()
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            item = json.loads(line)
            if item.get(NOT_WRITTEN):
                skipped.add((item["path"], item["after"]))
                continue
            edits.append(
                LoggedEdit(
                    path=str(item["path"]),
                    record=item.get("record"),
                    field=item.get("field"),
                    code=str(item["code"]),
                    codes=tuple(item.get("codes", [item["code"]])),
                    start=int(item["start"]),
                    end=int(item["end"]),
                    removed=str(item["removed"]),
                    replacement=str(item["replacement"]),
                    after=str(item["after"]),
                    before=item.get("before"),
                )
            )
        except (json.JSONDecodeError, KeyError, TypeError, ValueError, AttributeError):
            raise LogError(f"{log}:{number}: not a line of a cleanlint fix log") from None
    return [e for e in edits if (e.path, e.after) not in skipped]
