"""One run on a dask.distributed cluster: the same rules over a corpus spread across many machines.

Each file (an article, a page, or a whole JSONL file) is one task. A worker builds its engine once from the
EngineSpec, exactly as a local worker process does, and returns the same FileResults, which come back in
the order the files were found, so the report of `--dask` equals the report of a local run. `fix` works the
same way, provided the workers see the files at the same paths (a shared file system): each file is read,
fixed and written by the one worker that has it, with the same atomic write as locally.

dask is an optional extra (`pip install 'cleanlint[dask]'`) and is imported only for `--dask`.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

from ..engine.engine import Engine
from ..ruleset.defaults import default_rules_dir
from ..sources.articles import InputError
from .outcome import FileResult
from .plan import RunPlan
from .runner import found_files, process
from .spec import EngineSpec

_engines: dict[EngineSpec, Engine] = {}  # per worker process: built on its first task, reused after


class ClusterError(Exception):
    """The cluster cannot be used; str() is the one line shown to the user."""


def _process_on_worker(path: Path, plan: RunPlan, defaults: Path) -> list[FileResult]:
    """One file on a worker. `defaults` is where the default rules are on the machine that started the run;
    a worker uses its own copy, wherever its cleanlint is installed."""
    spec = plan.spec
    assert spec is not None
    if spec not in _engines:
        own = tuple(default_rules_dir() if p == defaults else p for p in spec.rule_paths)
        _engines[spec] = replace(spec, rule_paths=own).build()
    return list(process(_engines[spec], plan, path))


def _local_workers(scheduler: str) -> int | None:
    """`local` or `local:N`: a cluster of N worker processes on this machine (default: one per core)."""
    name, _, count = scheduler.partition(":")
    if name != "local":
        return None
    if count and not count.isdigit():
        raise ClusterError(
            f"--dask {scheduler}: expected local, local:N or a scheduler address such as tcp://host:8786"
        )
    return int(count) if count else (os.cpu_count() or 1)


def run_on_cluster(plan: RunPlan, scheduler: str) -> Iterator[FileResult]:
    """FileResults for every file under the plan's PATHs, computed on the cluster at `scheduler`, in discovery
    order."""
    try:
        from dask.distributed import Client, LocalCluster
    except ImportError:
        raise ClusterError("--dask needs the dask extra: pip install 'cleanlint[dask]'") from None
    found = found_files(plan)
    files = [p for p in found if isinstance(p, Path)]
    workers = _local_workers(scheduler)
    try:
        if workers is not None:
            cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None)
            client = Client(cluster)
        else:
            cluster, client = None, Client(scheduler, timeout="30s")
    except (OSError, TimeoutError, ValueError) as err:
        raise ClusterError(f"--dask {scheduler}: cannot reach the scheduler: {err}") from None
    try:
        # absolute paths, since a worker's folder is not ours; results are reported under the paths as found
        futures = client.map(
            _process_on_worker,
            [p.absolute() for p in files],
            plan=plan,
            defaults=default_rules_dir(),
            pure=False,
        )
        computed = iter(client.gather(futures))
    except Exception as err:  # a worker's failure (its rules, its environment) arrives here, re-raised by dask
        reason = " ".join(f"{type(err).__name__}: {err}".split())
        raise ClusterError(f"--dask {scheduler}: a task failed on a worker: {reason}") from None
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
    for item in found:
        if isinstance(item, InputError):
            yield FileResult(item.path, error=str(item))
        else:
            yield from (_as_found(r, item) for r in next(computed))


def _as_found(result: FileResult, path: Path) -> FileResult:
    """A worker's result under the path as the user named it: the worker read the file by its absolute
    path, and its error names that path, where a local run's error names the path as found."""
    error, named = result.error, str(path.absolute())
    if error is not None and error.startswith(named):
        error = str(path) + error[len(named) :]
    return replace(result, path=path, error=error)
