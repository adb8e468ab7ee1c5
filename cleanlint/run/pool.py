"""A run's files checked in worker processes, the results handed back in the order the files were found.

On two cores a check over a corpus is all CPU, so what the workers cost besides the checks decides how near
two jobs come to twice the speed of one. The engine is built in this process and its checks made and
loaded before the workers start (Engine.prepare): forked workers share all of it instead of each building
its own. The garbage collector's full passes skip what was built then (gc.freeze), in this process and in
the workers, where walking it would also copy every page it lies on. A worker sends back findings and line
starts, not texts, when the report needs no text (FileResult.without_texts). Files go out in chunks, and
every chunk is queued at once, so a worker never waits for this process to read the results before it.
"""

from __future__ import annotations

import gc
import multiprocessing
import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from multiprocessing.context import BaseContext
from pathlib import Path

from ..engine.engine import Engine
from .outcome import FileResult
from .plan import RunPlan

# What a worker process checks files with. A worker forked from this process finds it already set, with
# the engine built here: the rules read, their literals scanned for, the patterns compiled so far. A worker
# started afresh (where fork is not the start method) builds its own from the plan's spec.
_worker: tuple[Engine, RunPlan, FileCheck] | None = None

FileCheck = Callable[[Engine, RunPlan, Path], Iterable[FileResult]]  # the runner's per-file step (runner.process)
MAX_CHUNK = 32  # files a worker takes at a time: few enough that the last chunks end close together


def _init_worker(plan: RunPlan, check_file: FileCheck) -> None:
    global _worker
    if _worker is None:
        assert plan.spec is not None
        _worker = (plan.spec.build(), plan, check_file)


def _process_in_worker(path: Path) -> list[FileResult]:
    assert _worker is not None
    engine, plan, check_file = _worker
    results = check_file(engine, plan, path)
    return list(results) if plan.texts else [r.without_texts() for r in results]


def _start_method() -> BaseContext | None:
    """Fork where it is safe (Linux and the BSDs), whatever the default of this Python: a forked worker
    starts with the engine built and the rules read. Elsewhere (macOS, Windows) the platform's own, and
    each worker builds its engine from the spec."""
    if sys.platform != "darwin" and "fork" in multiprocessing.get_all_start_methods():
        return multiprocessing.get_context("fork")
    return None


def in_workers(
    files: Sequence[Path], engine: Engine, plan: RunPlan, workers: int, check_file: FileCheck
) -> Iterator[list[FileResult]]:
    """The results of `check_file` for each file of `files`, in that order, in `workers` processes."""
    global _worker
    engine.prepare()
    _worker = (engine, plan, check_file)  # for forked workers; see _worker
    pool = ProcessPoolExecutor(workers, _start_method(), initializer=_init_worker, initargs=(plan, check_file))
    # Everything built so far lives as long as the run. Frozen only if nothing was: what another part of
    # the program froze is its own to unfreeze.
    frozen = gc.get_freeze_count() == 0
    if frozen:
        gc.freeze()
    try:
        yield from pool.map(_process_in_worker, files, chunksize=max(1, min(MAX_CHUNK, len(files) // (workers * 8))))
    finally:
        pool.shutdown(cancel_futures=True)
        _worker = None
        if frozen:
            gc.unfreeze()
