"""One run over many files: read, check, fix, write; serially or in worker processes.

This is the only place that touches article files. Each file is handled on its own, and a file that cannot
be read or written becomes an error result while the others go on. Results come back in the order the
files were found, whatever the number of workers, so reports are stable from run to run. An HTML page is
read as the text extracted from it (html.py), and `fix` writes that text beside the page, never the page.
"""

from __future__ import annotations

import os
from collections.abc import Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from .config import Config
from .document import Document
from .engine import Engine, Selection
from .fixer import fix_document
from .gazetteer import load_gazetteer, with_gazetteer
from .html import is_html, read_page, write_text
from .loader import load_rules
from .model import Finding
from .sources import InputError, SourceText, discover, read_source, write_atomic


@dataclass(frozen=True)
class EngineSpec:
    """What an engine is made from; small enough to send to worker processes, which build their own."""

    rule_paths: tuple[Path, ...]
    selection: Selection
    gazetteer: tuple[Path, ...] = ()  # files of names added to every `names` rule

    def build(self) -> Engine:
        rules = with_gazetteer(load_rules(self.rule_paths), load_gazetteer(self.gazetteer))
        return Engine(rules, self.selection)


@dataclass(frozen=True)
class RunOptions:
    fix: bool = False
    unsafe_fixes: bool = False
    write: bool = True  # False for `fix --diff`


@dataclass(frozen=True)
class FileResult:
    path: Path
    findings: tuple[Finding, ...] = ()  # what is left to report (after fixing, in fix mode)
    error: str | None = None
    source: SourceText | None = None
    document: Document | None = None  # the document the findings' offsets point into
    fixed_text: str | None = None  # fix mode: the text after fixing
    applied: int = 0
    notes: tuple[str, ...] = ()  # e.g. a refused fix
    wrote_text: bool = False  # fix mode, an HTML page: its text file was written


def process(engine: Engine, config: Config, options: RunOptions, path: Path) -> FileResult:
    try:
        source = read_page(path) if is_html(path) else read_source(path)
        doc = source.document()
    except InputError as err:
        return FileResult(path, error=str(err))
    if config.language:  # the settings' language outranks what a page declares (see kinds/language.py)
        doc.metadata["language"] = config.language
    skip = config.ignores_for(path)
    if not options.fix:
        return FileResult(path, tuple(engine.check(doc, skip)), source=source, document=doc)
    result = fix_document(engine, doc, options.unsafe_fixes, config.max_removal, skip)
    notes = tuple(n for n in (result.refused,) if n)
    if not result.converged:
        notes += ("fix did not settle after repeated passes; the last text is kept, please report this",)
    fixed_doc = Document(result.text, doc.path, doc.body_start, doc.metadata)
    wrote_text = False
    try:
        if options.write and source.target is not None:  # an HTML page: its text is written beside it
            wrote_text = write_text(source, result.text)
        elif options.write and result.text != source.text:
            write_atomic(source, result.text)
    except InputError as err:
        return FileResult(path, error=str(err))
    applied = len(result.applied)
    return FileResult(path, result.remaining, None, source, fixed_doc, result.text, applied, notes, wrote_text)


_worker: tuple[Engine, Config, RunOptions] | None = None


def _init_worker(spec: EngineSpec, config: Config, options: RunOptions) -> None:
    global _worker
    _worker = (spec.build(), config, options)


def _process_in_worker(path: Path) -> FileResult:
    assert _worker is not None
    return process(*_worker, path)


def run(
    paths: Sequence[Path], spec: EngineSpec, engine: Engine, config: Config, options: RunOptions, jobs: int = 1
) -> Iterator[FileResult]:
    """FileResults for every file found under `paths`, in discovery order."""
    found = list(discover(paths, config.is_excluded))
    files = [p for p in found if isinstance(p, Path)]
    workers = min(jobs if jobs > 0 else os.cpu_count() or 1, len(files))
    if workers <= 1:
        results = iter(process(engine, config, options, p) for p in files)
    else:
        pool = ProcessPoolExecutor(workers, initializer=_init_worker, initargs=(spec, config, options))
        results = pool.map(_process_in_worker, files, chunksize=max(1, len(files) // (workers * 8)))
    for item in found:
        yield FileResult(item.path, error=str(item)) if isinstance(item, InputError) else next(results)
    if workers > 1:
        pool.shutdown()
