"""One run over many files: read, check, fix, write; serially or in worker processes.

This module and run/jsonl.py are the only places that touch article files. Each file is handled on its
own, and a file that cannot be read or written becomes an error result while the others go on. Results
come back in the order the files were found, whatever the number of workers, so reports are stable from
run to run. An HTML page is read as the text extracted from it (sources/html.py), and `fix` writes that text beside
the page, never the page.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from ..engine.engine import Engine
from ..sources.articles import (
    LINTED_SUFFIXES,
    InputError,
    discover,
    is_jsonl,
    is_parquet,
    read_source,
    write_atomic,
)
from ..sources.html import is_html, read_page, write_text
from .links import link_notice
from .outcome import FileResult, examine
from .plan import RunPlan

if TYPE_CHECKING:
    pass


def process(engine: Engine, plan: RunPlan, path: Path) -> Iterable[FileResult]:
    """The results for one file: one for an article or page; one for each JSONL record or Parquet row with
    something to say (a Parquet file's as they are made, so that a large one is never held whole)."""
    if (notice := link_notice(plan, path)) is not None:
        return _not_written(engine, plan, path, notice)
    # here, each reader of many records: a hook's run over articles needs neither, nor the fix log they import
    if is_jsonl(path):
        from .jsonl import process_jsonl

        return process_jsonl(engine, plan, path)
    if is_parquet(path):
        from .parquet import process_parquet

        return process_parquet(engine, plan, path)
    return [_process_article(engine, plan, path)]


def _not_written(engine: Engine, plan: RunPlan, path: Path, notice: str) -> list[FileResult]:
    """A link `fix` must not write through (links.py): its findings as `check` reports them, all remaining,
    and the notice, unless the file could not be read at all (its error says enough)."""
    results = list(process(engine, replace(plan, fix=False), path))
    if any(r.error and r.record is None for r in results):
        return results
    if results[0].record is None:
        return [replace(results[0], notes=(*results[0].notes, notice)), *results[1:]]
    return [FileResult(path, notes=(notice,)), *results]


def _process_article(engine: Engine, plan: RunPlan, path: Path) -> FileResult:
    try:
        limit = plan.config.max_file_bytes
        source = read_page(path, limit) if is_html(path) else read_source(path, limit)
        doc = source.document()
    except InputError as err:
        return FileResult(path, error=str(err))
    seen = examine(engine, plan, path, doc)
    result = FileResult(
        path,
        findings=seen.findings,
        source=source,
        document=seen.document,
        fixed_text=seen.document.text if plan.fix else None,
        applied=seen.applied,
        notes=seen.notes,
        accepted=seen.accepted,
    )
    if seen.stopped:
        return replace(result, error=f"{path}: {seen.stop_error(plan.fix)}", fixed_text=None)
    if not (plan.writes and (seen.changed or source.target is not None)):
        return result
    from .fixlog import Logbook, LogError, logged, logged_replacement  # here: only a fix writes, and logs it

    text, book = seen.document.text, None
    try:
        if source.target is not None:  # an HTML page: its text is written beside it; the page stays the source
            if not write_text(source, text):
                return result
            if plan.log is not None:  # logged after: the page still holds every word
                after = hashlib.sha256(text.encode("utf-8")).hexdigest()
                edits = logged(source.target, seen.edits, doc.text, crlf=False, after=after, before=None)
                Logbook(plan.log, source.target).record(edits, after)
            return replace(result, wrote_text=True)
        after = hashlib.sha256(source.encode(text)).hexdigest()
        with logged_replacement(plan.log, path) as book:
            if plan.log is not None:  # on disk before the write
                edits = logged(path, seen.edits, doc.text, crlf=source.crlf, after=after, before=source.digest)
                book.record(edits, after)
            write_atomic(source, text)
    except InputError as err:
        also = f"; and {book.failure}" if book is not None and book.failure else ""
        return replace(result, error=f"{err}{also}", fixed_text=None)
    except LogError as err:
        return replace(result, error=f"{path}: {err}; not written", fixed_text=None)
    return result


def found_files(plan: RunPlan) -> list[Path | InputError]:
    """The files `check` and `fix` read under the plan's PATHs, in discovery order, the settings' exclusions
    left out; a PATH that cannot be searched is an InputError in its place."""
    return list(discover(plan.roots, plan.config.is_excluded, LINTED_SUFFIXES))


def run(engine: Engine, plan: RunPlan) -> Iterator[FileResult]:
    """FileResults for every file found under the plan's PATHs (and JSONL record), in discovery order."""
    return run_found(found_files(plan), engine, plan)


def run_found(found: Sequence[Path | InputError], engine: Engine, plan: RunPlan) -> Iterator[FileResult]:
    """FileResults for files already found (sources.discover), in that order: for a caller that needs to
    know the files before the run starts, such as a progress bar, without walking the folders twice."""
    files = [p for p in found if isinstance(p, Path)]
    workers = min(plan.jobs if plan.jobs > 0 else os.cpu_count() or 1, len(files))
    if workers <= 1 or plan.spec is None:  # without a spec, workers could not build their engine
        results = (process(engine, plan, p) for p in files)
    else:
        from .pool import in_workers  # here: a one-job run (a hook) need not load the pool

        results = in_workers(files, engine, plan, workers, process)
    try:
        for item in found:
            if isinstance(item, InputError):
                yield FileResult(item.path, error=str(item))
            else:
                yield from next(results)
    finally:
        results.close()  # the workers stop, also when the reader stops early
