"""The plan of one run of `check` or `fix`: what the options and the settings file said, resolved once.

The command line builds it from its options (cli/plan.py) and the Python API builds its own; from there it
travels whole, to every runner, into each worker process and to the report, so that no part below the
command line reads an option of its own or works out a default again.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from ..config import Config
from .baseline import Baseline
from .spec import EngineSpec

# the report formats made of findings, their lines and columns alone: worker processes need not send texts
FINDINGS_ONLY = ("text", "json", "sarif", "github")


@dataclass(frozen=True)
class RunPlan:
    config: Config = field(default_factory=Config)  # the settings, with the options given in their place
    spec: EngineSpec | None = None  # the rules chosen, which worker processes build their engines from
    paths: tuple[Path, ...] = ()  # the PATHs named; none: the current folder
    jobs: int = 1  # worker processes; 0: one per core
    dask: str | None = None  # `--dask`: the scheduler's address, or local[:N]
    fix: bool = False
    unsafe_fixes: bool = False
    diff: bool = False  # `fix --diff`: a unified diff of the fixes, and nothing written
    log: Path | None = None  # `fix --log`: the file the applied edits are appended to, absolute
    baseline: Baseline | None = None  # accepted findings, neither reported nor fixed
    baseline_path: Path | None = None  # the baseline's file, which its entries name files relative to
    write_baseline: bool = False  # `check --write-baseline`: accept every finding of this run
    cache_dir: Path | None = None  # `check`: findings of unchanged documents are kept here (resultcache.py)
    fingerprint: str = ""  # the engine's, part of every cache key
    format: str = "text"  # the report's form: text, json, sarif, github or html
    statistics: bool = False  # counts per code instead of the findings
    output_file: Path | None = None  # where the report goes; None: standard output
    exit_zero: bool = False  # exit 0 even when findings remain
    progress: bool = True  # a progress bar, when standard error is a terminal

    @property
    def roots(self) -> list[Path]:
        """The PATHs to search: those named, or the current folder."""
        return list(self.paths) or [Path(".")]

    @property
    def named(self) -> frozenset[Path]:
        """The PATHs named, absolute: `fix` writes through a symbolic link only if it is one of them."""
        return frozenset(p.absolute() for p in self.paths)

    @property
    def texts(self) -> bool:
        """Whether the report reads the documents' texts (fix, a baseline written, HTML); if not, worker
        processes send back only what a report of findings needs (FileResult.without_texts)."""
        return self.fix or self.write_baseline or self.format not in FINDINGS_ONLY

    @property
    def writes(self) -> bool:
        """Whether fixed files are written: by `fix`, not by `fix --diff`."""
        return self.fix and not self.diff
