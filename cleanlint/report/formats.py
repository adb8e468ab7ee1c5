"""Turning results into what people and programs read: text, JSON, unified diffs.

Reporters are the only code besides the CLI that prints. Offsets in JSON are code points into the file's
decoded text, as the command-line contract says; line and column are 1-based, for people.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import TextIO

from ..model import Finding, Safety, finding_object
from ..run.outcome import FileResult
from ..safeio.printable import one_line
from .words import counted


def where(result: FileResult) -> str:
    """The file, and for a JSONL record its line: "corpus.jsonl:record 12"."""
    return str(result.path) if result.record is None else f"{result.path}:record {result.record}"


def _position(result: FileResult, finding: Finding) -> dict:
    doc, source = result.document, result.source
    offset = partial(source.file_offset, doc) if source.crlf else None
    return finding_object(finding, doc, str(result.path), result.record, offset)


def finding_dicts(result: FileResult) -> list[dict]:
    """The result's findings as the JSON report lists them."""
    return [_position(result, f) for f in result.findings]


def write_json(findings: list[dict], errors: list[dict], tally: Tally, out: TextIO) -> None:
    summary = {"files": tally.files, "findings": len(findings)}
    if tally.accepted:
        summary["accepted"] = tally.accepted  # left out because the baseline accepts them
    # One finding a line, each encoded by the json module's C encoder: `indent` would send every value of a
    # large report through its pure-Python encoder, several times slower than the check that found them.
    out.write('{"version": 1, "findings": [')
    _write_rows(findings, out)
    out.write('], "errors": [')
    _write_rows(errors, out)
    out.write(f'], "summary": {json.dumps(summary)}}}\n')


def _write_rows(rows: list[dict], out: TextIO) -> None:
    """`rows` as the items of a JSON array, one a line."""
    for i, row in enumerate(rows):
        out.write(",\n  " if i else "\n  ")
        out.write(json.dumps(row, ensure_ascii=False))
    if rows:
        out.write("\n")


def text_lines(result: FileResult) -> str:
    """The result's findings as lines of the text report."""
    lines = []
    for f in result.findings:
        line, col = result.document.position(f.start)
        mark = "" if f.fix is None else " [*]" if f.fix.safety is Safety.SAFE else " [unsafe fix]"
        if f.fix is not None and f.fix.held:  # a removal the rule calls safe, not safe on this text
            mark = f" [unsafe fix: {f.fix.held}]"
        lines.append(one_line(f"{where(result)}:{line}:{col}: {f.code} [{f.rule}] {f.message}{mark}") + "\n")
    return "".join(lines)


@dataclass
class Tally:
    """The counts of a run's summary, added up one result at a time, so that a run over a corpus of any size
    reports as it goes and keeps no document once it is reported. Results of one file come together."""

    files: int = 0  # a JSONL file counts once, however many of its records have results
    findings: int = 0
    safe: int = 0
    unsafe: int = 0
    errors: int = 0
    applied: int = 0
    changed: int = 0
    pages: int = 0
    pages_written: int = 0
    accepted: int = 0
    _path: Path | None = None
    _counted: bool = False  # the current file counts among `files`
    _changed: bool = False  # the current file counts among `changed`
    _applied_here: int = 0  # fixes applied to the current file's text, written only if the file is

    def add(self, r: FileResult) -> None:
        if r.path != self._path:
            self._path, self._counted, self._changed, self._applied_here = r.path, True, False, 0
            self.files += 1
        self.findings += len(r.findings)
        self.safe += sum(1 for f in r.findings if f.has_safe_fix)
        self.unsafe += sum(1 for f in r.findings if f.fix is not None and f.fix.safety is Safety.UNSAFE)
        self.errors += bool(r.error)
        self.applied += r.applied
        self._applied_here += r.applied
        self.accepted += r.accepted
        if not self._changed and r.fixed_text is not None and r.fixed_text != r.source.text:
            self._changed = True
            self.changed += 1
        if r.error and r.record is None and self._counted:  # the file itself could not be checked or written
            self._counted = False
            self.files -= 1
            self.applied -= self._applied_here  # its fixes were made in memory only
            self._applied_here = 0
            if self._changed:
                self._changed = False
                self.changed -= 1
        if r.source is not None and r.source.target is not None:
            self.pages += 1
            self.pages_written += r.wrote_text

    def summary(self, fixing: bool) -> str:
        parts = []
        if fixing:
            remain = "remains" if self.findings == 1 else "remain"
            fixes, files = counted(self.applied, "fix", "fixes"), counted(self.files, "file")
            parts.append(f"Applied {fixes} in {self.changed} of {files}; {counted(self.findings, 'finding')} {remain}")
            if self.pages:
                parts.append(f"wrote .txt files for {self.pages_written} of {self.pages} HTML pages")
        elif self.findings:
            parts.append(f"Found {counted(self.findings, 'finding')} in {counted(self.files, 'file')}")
        else:
            parts.append(f"No findings in {counted(self.files, 'file')}")
        if not fixing and self.safe:
            parts.append(f"{self.safe} fixable with `cleanlint fix`")
        if self.unsafe:
            parts.append(f"{self.unsafe} more with `cleanlint fix --unsafe-fixes`")
        if self.accepted:
            parts.append(f"{self.accepted} accepted by the baseline not shown")
        if self.errors:
            parts.append(counted(self.errors, "error"))
        return "; ".join(parts) + "."


def unified_diff(result: FileResult) -> str:
    """The fixes as a diff. For an HTML page: from its extracted text to the text `fix` writes beside it."""
    if result.fixed_text is None or result.source is None or result.fixed_text == result.source.text:
        return ""
    target = result.source.target
    import difflib  # here: only --diff needs it

    lines = difflib.unified_diff(
        result.source.text.splitlines(keepends=True),
        result.fixed_text.splitlines(keepends=True),
        fromfile=one_line(f"a/{where(result)}")
        + (" (extracted text)" if target else " (text)" if result.record else ""),
        tofile=one_line(f"b/{target or result.path}"),
    )
    return "".join(line if line.endswith("\n") else line + "\n\\ No newline at end of file\n" for line in lines)
