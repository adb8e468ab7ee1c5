"""What a run does with one document, wherever it came from (an article file, a page, a JSONL record).

The same steps for every document: the settings' language, the per-path ignores, the rules (or the fixer),
then the baseline, which leaves out the findings it accepts and keeps `fix` off their text. Reading and
writing are the callers' business (runner.py, run/jsonl.py); nothing here touches a file.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

from ..document import Document, line_index, position
from ..engine.engine import Engine, RulesStopped
from ..model import Finding
from ..sources.articles import SourceText
from .plan import RunPlan
from .resultcache import entry_key, load_findings, store_findings

if TYPE_CHECKING:
    from ..engine.fixer import AppliedEdit, FixResult


@dataclass(frozen=True)
class Lines:
    """Where each line of a document starts: all that a report of its findings needs of it (each finding's
    line and column, an offset in a file with CRLF line ends), without its text."""

    starts: tuple[int, ...]

    def line_index(self, offset: int) -> int:
        return line_index(self.starts, offset)

    def position(self, offset: int) -> tuple[int, int]:
        return position(self.starts, offset)


@dataclass(frozen=True)
class FileResult:
    path: Path
    findings: tuple[Finding, ...] = ()  # what is left to report (after fixing, in fix mode)
    error: str | None = None
    source: SourceText | None = None
    # the document the findings' offsets point into; from a worker, maybe its line starts alone (Lines)
    document: Document | Lines | None = None
    fixed_text: str | None = None  # fix mode: the text after fixing
    applied: int = 0
    notes: tuple[str, ...] = ()  # e.g. a refused fix
    wrote_text: bool = False  # fix mode, an HTML page: its text file was written
    record: int | None = None  # a JSONL record: its line in the file
    accepted: int = 0  # findings left out because the baseline accepts them

    def without_texts(self) -> FileResult:
        """The result as a worker process sends it back for a report of findings (`check` in text, JSON,
        SARIF or GitHub form): the document's line starts, which the checks worked out already, instead of
        its text, which the parent would unpickle only to split into lines again."""
        if self.fixed_text is not None:
            return self  # fix counts the files it changed by their texts
        source = None if self.source is None else replace(self.source, text="")
        lines = Lines(tuple(self.document.line_starts)) if isinstance(self.document, Document) else self.document
        return replace(self, source=source, document=lines)


@dataclass(frozen=True)
class Examined:
    """One document checked, or fixed in memory: what to report, and what to write if anything."""

    document: Document  # the findings' offsets point into it: the fixed text's document, in fix mode
    findings: tuple[Finding, ...]
    accepted: int
    edits: tuple[AppliedEdit, ...] = ()
    applied: int = 0
    notes: tuple[str, ...] = ()
    stopped: str | None = None  # rules stopped by their time limit: the document must not be written
    fix_result: FixResult | None = None  # fix mode: the fixer's own account, before the baseline

    @property
    def changed(self) -> bool:
        return bool(self.edits)

    def stop_error(self, fixing: bool) -> str | None:
        """Why the findings are incomplete, as a run over files says it (a fixed file is not written then)."""
        if self.stopped is None:
            return None
        return f"{self.stopped}; the file was not written" if fixing else self.stopped


def examine(engine: Engine, plan: RunPlan, path: Path, doc: Document, record: int | None = None) -> Examined:
    config = plan.config
    if config.language:  # the settings' language outranks what a page declares (see kinds/language.py)
        doc.metadata["language"] = config.language
    skip = config.ignores_for(path)
    baseline = plan.baseline

    def reported(d: Document, findings: list[Finding] | tuple[Finding, ...]) -> tuple[tuple[Finding, ...], int]:
        """The findings the baseline does not accept, and how many it does."""
        if baseline is None:
            return tuple(findings), 0
        kept, accepted = baseline.split(path, record, d, list(findings))
        return tuple(kept), accepted

    def keep(d: Document, findings: list[Finding]) -> list[Finding]:  # what the fixer may act on
        return list(reported(d, findings)[0])

    try:
        if not plan.fix:
            return Examined(doc, *reported(doc, _check_cached(engine, plan, path, doc, skip)))
        from ..engine.fixer import fix_document  # here: `check`, a hook's command, fixes nothing

        result = fix_document(engine, doc, plan.unsafe_fixes, config.max_removal, skip, keep)
    except RulesStopped as stop:
        message = f"{stop}; its findings are missing"
        # in fix mode the stop came in some pass of the fixer: report on the text as read
        return Examined(
            doc, *reported(doc, _check_anyway(engine, doc, skip) if plan.fix else stop.findings), stopped=message
        )
    notes = tuple(n for n in (result.refused,) if n)
    if not result.converged:
        notes += ("fix did not settle after repeated passes; the last text is kept, please report this",)
    fixed = Document(result.text, doc.path, doc.body_start, doc.metadata)
    return Examined(
        fixed, *reported(fixed, result.remaining), result.edits, len(result.applied), notes, fix_result=result
    )


def _check_anyway(engine: Engine, doc: Document, skip: tuple[str, ...]) -> list[Finding]:
    """The findings of every rule that finishes in time."""
    try:
        return engine.check(doc, skip)
    except RulesStopped as stop:
        return stop.findings


def _check_cached(engine: Engine, plan: RunPlan, path: Path, doc: Document, skip: tuple[str, ...]) -> list[Finding]:
    """engine.check, or the findings it gave for this very document before (resultcache.py)."""
    if plan.cache_dir is None:
        return engine.check(doc, skip)
    key = entry_key(plan.fingerprint, path, doc, skip)
    findings = load_findings(plan.cache_dir, key)
    if findings is None:
        findings = engine.check(doc, skip)  # a rule stopped by its time limit raises: nothing is stored
        store_findings(plan.cache_dir, key, findings)
    return findings
