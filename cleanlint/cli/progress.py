"""A progress bar on the terminal for runs over many files, and nothing at all anywhere else.

The bar goes to standard error and only when that is a terminal, so reports on standard output, logs, CI
and pipes stay byte for byte what they would be without it. It disappears when the run ends.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TextIO

from ..run.outcome import FileResult

MIN_FILES = 20  # below this a run ends before a bar would tell anyone anything


def with_progress(results: Iterator[FileResult], total: int, stream: TextIO) -> Iterator[FileResult]:
    """The same results, counted on a bar of `total` files while they pass."""
    if not stream.isatty() or total < MIN_FILES:
        return results
    return _counted(results, total, stream)


def _counted(results: Iterable[FileResult], total: int, stream: TextIO) -> Iterator[FileResult]:
    from rich.console import Console  # here: only a terminal run over many files shows a bar
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

    columns = (TextColumn("checking"), BarColumn(), MofNCompleteColumn(), TextColumn("files"), TimeRemainingColumn())
    with Progress(*columns, console=Console(file=stream), transient=True) as bar:
        task = bar.add_task("files", total=total)
        last: Path | None = None
        for result in results:
            if result.path != last:  # the records of one JSONL file count as one file
                if last is not None:
                    bar.advance(task)
                last = result.path
            yield result
        if last is not None:
            bar.advance(task)
