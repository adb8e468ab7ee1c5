"""`cleanlint undo LOG`: put back what the logged fixes took out, file by file, or refuse and change nothing.

A file is restored only when it is still exactly as the last logged run left it (its digest is the log's
`after`), every logged replacement is found where the log says, and, for a plain article file, the restored
bytes are exactly those `fix` read (the log's `before`). Anything else means the file has changed since,
and undoing blindly could damage newer work: the file is left alone with a one-line error, the rest go on.

A log is data anyone with write access to the corpus can plant (the docs suggest committing it), and a
line names any path with that file's digest. So undo writes only inside the folder that holds the log, or
inside a PATH the user named, judged by where the path really leads once `..` and symbolic links are
resolved; anything else is refused, and the error says how to undo it on purpose.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from ..safeio.atomic import WriteRefused, file_digest, replacing
from ..sources.articles import sniff_bom
from ..sources.jsonl import read_records, rewrite
from .fixlog import LoggedEdit

_LINE_LIMIT = 1 << 30  # undo reads back lines that fix wrote, whatever size limit that run had
OUTSIDE = "is outside the log's folder; name its folder as a PATH to undo it"


@dataclass(frozen=True)
class UndoResult:
    path: Path
    restored: int = 0  # edits undone
    error: str | None = None


class _Mismatch(Exception):
    """The file is not as the log says fix left it."""


def undo(edits: Sequence[LoggedEdit], log: Path, only: Sequence[Path] = ()) -> Iterator[UndoResult]:
    """Undo the logged edits of `log`, newest first, for every file in it (or only the files in or under the
    PATHs `only`), writing only inside the log's folder or those PATHs (see the module's docstring)."""
    named = [(Path(os.path.abspath(p)), _real(p)) for p in only]
    roots = [_real(log.absolute().parent), *(real for _, real in named)]
    by_path: dict[str, list[LoggedEdit]] = {}
    for e in edits:
        by_path.setdefault(e.path, []).append(e)
    for name, entries in by_path.items():
        path, place = Path(name), _real(name)
        logged = Path(os.path.abspath(name))
        if named and not any(logged.is_relative_to(a) or place.is_relative_to(r) for a, r in named):
            continue  # not among the PATHs asked for
        if not any(place.is_relative_to(root) for root in roots):
            resolved = "" if place == logged else f" (it is {place})"
            yield UndoResult(path, error=f"{log}: {name} {OUTSIDE}{resolved}")
            continue
        try:  # at the place judged, rather than through the path's links once more
            if entries[-1].record is not None:
                _undo_records(place, entries)
            else:
                _undo_text(place, entries)
        except (_Mismatch, WriteRefused) as err:
            yield UndoResult(path, error=f"{path}: {err}")
            continue
        yield UndoResult(path, len(entries))


def _real(path: str | Path) -> Path:
    """Where `path` leads, absolute, with `..` and every symbolic link resolved."""
    return Path(os.path.realpath(path))


def _current(path: Path, last: LoggedEdit) -> str:
    digest = file_digest(path)
    if digest is None:
        raise _Mismatch("no such file; nothing restored")
    if digest != last.after:
        raise _Mismatch("changed since fix wrote it (or already undone); nothing restored")
    return digest


def _reverse(text: str, e: LoggedEdit) -> str:
    """`text` with edit `e` taken back: its replacement, found where it was put, becomes what it removed."""
    if text[e.start : e.start + len(e.replacement)] != e.replacement:
        raise _Mismatch(f"the {e.code} edit at offset {e.start} is not where the log says; nothing restored")
    return text[: e.start] + e.removed + text[e.start + len(e.replacement) :]


def _undo_text(path: Path, entries: list[LoggedEdit]) -> None:
    digest = _current(path, entries[-1])
    data = path.read_bytes()
    bom, encoding = sniff_bom(data)  # as fix read it: UTF-8, or UTF-16 or UTF-32 by its BOM
    text = data[len(bom) :].decode(encoding)
    for run in reversed(_runs(entries)):
        for e in reversed(run):
            text = _reverse(text, e)
        before = run[0].before
        if before is not None and hashlib.sha256(bom + text.encode(encoding)).hexdigest() != before:
            raise _Mismatch("undoing the log does not give back the bytes fix read; nothing restored")
    with replacing(path, digest) as out:
        out.write(bom + text.encode(encoding))


def _undo_records(path: Path, entries: list[LoggedEdit]) -> None:
    digest = _current(path, entries[-1])
    by_record: dict[int, list[LoggedEdit]] = {}
    for e in entries:
        assert e.record is not None
        by_record.setdefault(e.record, []).append(e)
    with open(path, "rb") as stream, replacing(path, digest) as out:
        for record in read_records(stream, entries[-1].field or "text", _LINE_LIMIT):
            logged = by_record.pop(record.number, None)
            if not record.raw:  # a line too long to read back, which must not be dropped
                raise _Mismatch(f"line {record.number} is too long to copy; nothing restored")
            if logged is None:
                out.write(record.raw)
                continue
            if record.text is None:
                raise _Mismatch(f"line {record.number} is no longer a record with a text; nothing restored")
            text = record.text
            for e in reversed(logged):
                text = _reverse(text, e)
            out.write(rewrite(record, logged[-1].field or "text", text))
        if by_record:
            raise _Mismatch(f"line {min(by_record)} is missing; nothing restored")


def _runs(entries: list[LoggedEdit]) -> list[list[LoggedEdit]]:
    """The entries grouped by the fix run that wrote them: consecutive entries with the same digests."""
    runs: list[list[LoggedEdit]] = []
    for e in entries:
        if runs and (runs[-1][-1].after, runs[-1][-1].before) == (e.after, e.before):
            runs[-1].append(e)
        else:
            runs.append([e])
    return runs
