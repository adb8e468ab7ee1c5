"""One Parquet file in a run: each row's text checked, or fixed and written, one row group at a time.

A Parquet corpus is a table with a text column (`text`, or `--text-field`); each row is an article, named in
reports by its row number from 1 (`corpus.parquet:record 12`), as a JSONL record is by its line. Its
`source`, `url` and `language` columns, where it has them, are its front matter. Memory stays flat whatever
the size of the file: one row group is read at a time, each result is handed on as soon as it is made, and
in `fix` each row group goes straight to the temporary file that replaces the original. That file has the
same schema (its metadata included), the same row groups and every other column's values unchanged; it
replaces the original only if every row could be checked and some text changed.

pyarrow is an optional extra (`pip install 'cleanlint[parquet]'`), imported only when a run meets a Parquet
file; without it, each Parquet file is a one-line error that names the extra.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import nullcontext
from pathlib import Path
from typing import Any

from ..document import Document
from ..engine.engine import Engine
from ..safeio.atomic import WriteRefused, file_digest, replacing
from ..sources.articles import InputError, SourceText, check_readable
from .outcome import Examined, FileResult, examine
from .plan import RunPlan

FRONT_MATTER_COLUMNS = ("source", "url", "language")  # the columns rules read, as front matter
NEEDS_EXTRA = "reading Parquet needs the parquet extra: pip install 'cleanlint[parquet]'"
NO_LOG = "fix --log does not record edits in Parquet files, which undo could not take back; not written"


class _NotWritten(Exception):
    """Leaves the file as it was: no text changed, or a row could not be checked."""


def process_parquet(engine: Engine, plan: RunPlan, path: Path) -> Iterator[FileResult]:
    """The results of the file's rows with something to say, in order, as they are made; then, if the file
    could not be read or written, an error for the file itself."""
    # pyarrow's buffers from the C library's allocator, unless the user chose one: its default, mimalloc, keeps
    # what each row group freed, and peak memory would creep up with the size of the file. Read when pyarrow
    # is first imported, which in a run is here.
    os.environ.setdefault("ARROW_DEFAULT_MEMORY_POOL", "system")
    try:
        import pyarrow.parquet as pq
    except ImportError:
        yield FileResult(path, error=f"{path}: {NEEDS_EXTRA}")
        return
    writing = plan.writes
    if writing and plan.log is not None:
        yield FileResult(path, error=f"{path}: {NO_LOG}")
        return
    try:
        check_readable(path, None)
        digest = file_digest(path) if writing else None  # what the file must still be when it is replaced
        table = pq.ParquetFile(path)
        column = _text_column(table.schema_arrow, plan.config.text_field)
    except InputError as err:
        yield FileResult(path, error=str(err))
        return
    except WriteRefused as err:
        yield FileResult(path, error=f"{path}: {err}")
        return
    except (OSError, ValueError) as err:  # pyarrow's ArrowInvalid is a ValueError
        yield FileResult(path, error=f"{path}: not a Parquet file that can be read ({_one_line(err)})")
        return
    if isinstance(column, str):
        yield FileResult(path, error=f"{path}: {column}")
        return
    rows = _Rows(engine, plan, path, table, column)
    try:
        with table, replacing(path, digest) if writing else nullcontext() as out:
            writer = _writer(pq, out, table) if out is not None else None
            try:
                yield from rows.each(writer)
            finally:
                if writer is not None:
                    writer.close()
            if writer is not None and (rows.failed or not rows.changed):
                raise _NotWritten
    except _NotWritten:
        if rows.failed:
            yield FileResult(path, error=f"{path}: not written, because of the rows above")
    except WriteRefused as err:
        yield FileResult(path, error=f"{path}: {err}")
    except (OSError, ValueError) as err:
        yield FileResult(path, error=f"{path}: cannot read row {rows.number + 1}: {_one_line(err)}")
    if not rows.reported:
        yield FileResult(path)  # a file with nothing to report still counts as checked


class _Rows:
    """The rows of one file, checked (and fixed) a row group at a time; what happened, for the end."""

    def __init__(self, engine: Engine, plan: RunPlan, path: Path, table: Any, column: int):
        self.engine, self.plan, self.path = engine, plan, path
        self.table, self.column = table, column
        names = table.schema_arrow.names
        self.front_matter = [n for n in FRONT_MATTER_COLUMNS if n in names and n != plan.config.text_field]
        self.number = 0  # the last row read, from 1
        self.failed = self.changed = self.reported = False

    def each(self, writer: Any) -> Iterator[FileResult]:
        """Each row's result worth reporting; with a writer, each row group written, its texts as fixed."""
        field = self.plan.config.text_field
        wanted = None if writer is not None else [field, *self.front_matter]  # only what is read, to check
        for group in range(self.table.num_row_groups):
            batch = self.table.read_row_group(group, columns=wanted)
            texts = batch.column(field).to_pylist()
            meta = {name: batch.column(name).to_pylist() for name in self.front_matter}
            fixed: list[str | None] = []
            for i, text in enumerate(texts):
                self.number += 1
                if text is None:  # a null text: nothing to check, written back as it was
                    fixed.append(None)
                    continue
                seen = self._examine(text, {k: v[i] for k, v in meta.items() if v[i] is not None})
                fixed.append(seen.document.text if seen.changed and not seen.stopped else text)
                if seen.findings or seen.accepted or seen.changed or seen.stopped or seen.notes:
                    self.reported = True
                    yield self._result(text, seen)
            if writer is not None:
                writer.write_table(_with_texts(batch, self.column, fixed), row_group_size=max(1, batch.num_rows))

    def _examine(self, text: str, metadata: dict[str, Any]) -> Examined:
        doc = Document(text, str(self.path), 0, metadata)
        seen = examine(self.engine, self.plan, self.path, doc, self.number)
        self.failed = self.failed or seen.stopped is not None
        self.changed = self.changed or (seen.changed and seen.stopped is None)
        return seen

    def _result(self, text: str, seen: Examined) -> FileResult:
        error = f"{self.path}: row {self.number}: {seen.stop_error(self.plan.fix)}" if seen.stopped else None
        return FileResult(
            self.path,
            findings=seen.findings,
            error=error,
            source=SourceText(self.path, text, False, False, ""),
            document=seen.document,
            fixed_text=seen.document.text if self.plan.fix and not error else None,
            applied=seen.applied,
            notes=seen.notes,
            record=self.number,
            accepted=seen.accepted,
        )


def _text_column(schema: Any, name: str) -> int | str:
    """The index of the text column, or what is wrong with it."""
    import pyarrow as pa

    index = schema.get_field_index(name)
    if index < 0:
        return f"no column {name!r} (columns: {', '.join(schema.names)}); name the text column with --text-field"
    kind = schema.field(index).type
    if not (pa.types.is_string(kind) or pa.types.is_large_string(kind)):
        return f"column {name!r} is {kind}, not text"
    return index


def _with_texts(batch: Any, column: int, texts: list[str | None]) -> Any:
    """The row group with its text column replaced, of the column's own type; every other column as read."""
    import pyarrow as pa

    field = batch.schema.field(column)
    return batch.set_column(column, field, pa.array(texts, type=field.type))


def _writer(pq: Any, out: Any, table: Any) -> Any:
    """A writer of the file's schema to `out`, compressing each column as the file does (in its first row
    group), or as pyarrow does by default where it cannot write that codec."""
    compression: dict[str, str] = {}
    if table.num_row_groups:
        group = table.metadata.row_group(0)
        for column in (group.column(i) for i in range(group.num_columns)):
            codec = column.compression.lower()
            compression[column.path_in_schema] = "none" if codec == "uncompressed" else codec
    try:
        return pq.ParquetWriter(out, table.schema_arrow, compression=compression or "snappy")
    except (ValueError, NotImplementedError):
        return pq.ParquetWriter(out, table.schema_arrow)


def _one_line(err: BaseException) -> str:
    return " ".join(str(err).split())
