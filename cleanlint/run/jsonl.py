"""One JSONL file in a run: every record checked, or fixed and streamed to the file that replaces it.

Memory stays bounded by the longest line and the results worth reporting, whatever the size of the file:
lines are read one at a time (sources/jsonl.py), and in `fix` each line goes straight to the temporary file, its
record rewritten or its bytes copied. The file is replaced only if every line was usable and some record
changed, and, with `--log`, only after the log of its edits is on disk.
"""

from __future__ import annotations

import hashlib
from contextlib import nullcontext
from dataclasses import replace
from pathlib import Path
from typing import BinaryIO

from ..engine.engine import Engine
from ..safeio.atomic import WriteRefused, file_digest, replacing
from ..sources.articles import InputError, SourceText, check_readable, refuse_binary
from ..sources.jsonl import Record, read_records, rewrite
from .fixlog import Logbook, LogError, LoggedEdit, logged, logged_replacement
from .outcome import Examined, FileResult, examine
from .plan import RunPlan

MAX_LINE_ERRORS = 10  # bad lines reported one by one; the rest of a broken file is counted in one more line


class _NotWritten(Exception):
    """Leaves the file as it was: no record changed, or a line could not be used."""


class _HashingWriter:
    """Writes to the temporary file and keeps the digest of what was written, for the log's `after`."""

    def __init__(self, out: BinaryIO):
        self.out, self.digest = out, hashlib.sha256()

    def write(self, data: bytes) -> None:
        self.out.write(data)
        self.digest.update(data)


def process_jsonl(engine: Engine, plan: RunPlan, path: Path) -> list[FileResult]:
    writing = plan.writes
    try:
        check_readable(path, None)
        digest = file_digest(path) if writing else None  # what the file must still be when it is replaced
        stream = open(path, "rb")  # noqa: SIM115 - closed below, after the writer is done with it
    except InputError as err:
        return [FileResult(path, error=str(err))]
    except WriteRefused as err:
        return [FileResult(path, error=f"{path}: {err}")]
    except OSError as err:
        return [FileResult(path, error=f"{path}: cannot read: {err.strerror or err}")]
    results: list[FileResult] = []
    book: Logbook | None = None
    try:
        with stream:
            refuse_binary(path, stream.read(8192), "JSONL")
            stream.seek(0)
            with (
                logged_replacement(plan.log, path) as book,
                replacing(path, digest) if writing else nullcontext() as out,
            ):
                writer = _HashingWriter(out) if out is not None else None
                log = _stream(engine, plan, path, stream, writer, results)
                if writer is None:
                    return _with_file(path, results)
                if any(r.error for r in results) or not log:
                    raise _NotWritten
                if plan.log is not None:  # the edits are on disk before the file is replaced
                    after = writer.digest.hexdigest()
                    book.record([replace(e, after=after) for e in log], after)
    except InputError as err:  # a binary file: nothing was checked
        return [FileResult(path, error=str(err))]
    except _NotWritten:
        if any(r.error for r in results):
            results.append(FileResult(path, error=f"{path}: not written, because of the lines above"))
        return _with_file(path, results)
    except WriteRefused as err:
        also = f"; and {book.failure}" if book is not None and book.failure else ""
        return [*results, FileResult(path, error=f"{path}: {err}{also}")]
    except LogError as err:
        return [*results, FileResult(path, error=f"{path}: {err}; not written")]
    except OSError as err:
        return [*results, FileResult(path, error=f"{path}: cannot read: {err.strerror or err}")]
    return _with_file(path, results)


def _stream(
    engine: Engine,
    plan: RunPlan,
    path: Path,
    stream: BinaryIO,
    writer: _HashingWriter | None,
    results: list[FileResult],
) -> list[LoggedEdit]:
    """Check (and fix) each line; results go to `results`; the log lines of the edits are returned."""
    log: list[LoggedEdit] = []
    bad = 0
    field = plan.config.text_field
    for record in read_records(stream, field, plan.config.max_file_bytes):
        if record.error or record.blank:
            if writer is not None:
                writer.write(record.raw)
            if record.error:
                bad += 1
                if bad <= MAX_LINE_ERRORS:
                    results.append(FileResult(path, error=f"{path}: {record.error}", record=record.number))
            continue
        seen = examine(engine, plan, path, record.document(path, field), record.number)
        if writer is not None:
            writer.write(rewrite(record, field, seen.document.text) if seen.changed else record.raw)
            if seen.changed:
                # `after`, the digest of the whole file written, is known only at the end
                where = (record.number, field)
                log += logged(path, seen.edits, record.text, crlf=False, after="", before=None, record=where)
        if seen.findings or seen.accepted or seen.changed or seen.stopped or seen.notes:
            results.append(_result(path, record, seen, plan.fix))
    if bad > MAX_LINE_ERRORS:
        results.append(FileResult(path, error=f"{path}: {bad - MAX_LINE_ERRORS} more lines that cannot be used"))
    return log


def _result(path: Path, record: Record, seen: Examined, fixing: bool) -> FileResult:
    assert record.text is not None
    source = SourceText(path, record.text, False, False, "")
    error = f"{path}: line {record.number}: {seen.stop_error(fixing)}" if seen.stopped else None
    return FileResult(
        path,
        findings=seen.findings,
        error=error,
        source=source,
        document=seen.document,
        fixed_text=seen.document.text if fixing and not error else None,
        applied=seen.applied,
        notes=seen.notes,
        record=record.number,
        accepted=seen.accepted,
    )


def _with_file(path: Path, results: list[FileResult]) -> list[FileResult]:
    """At least one result, so that a file with nothing to report still counts as checked."""
    return results or [FileResult(path)]
