"""Turning results into what people and programs read: text, JSON, unified diffs.

Reporters are the only code besides the CLI that prints. Offsets in JSON are code points into the file's
decoded text, as the command-line contract says; line and column are 1-based, for people.
"""

from __future__ import annotations

import difflib
import json
from collections.abc import Sequence
from typing import TextIO

from .model import Finding, Safety
from .outcome import FileResult


def where(result: FileResult) -> str:
    """The file, and for a JSONL record its line: "corpus.jsonl:record 12"."""
    return str(result.path) if result.record is None else f"{result.path}:record {result.record}"


def _position(result: FileResult, finding: Finding) -> dict:
    doc, source = result.document, result.source
    line, col = doc.position(finding.start)
    end_line, end_col = doc.position(finding.end)
    fix = None
    if finding.fix is not None:
        e = finding.fix.edit
        fix = {
            "start": source.file_offset(doc, e.start),
            "end": source.file_offset(doc, e.end),
            "replacement": e.replacement,
            "safety": finding.fix.safety.value,
        }
    record = {} if result.record is None else {"record": result.record}
    return {
        "path": str(result.path),
        **record,
        "code": finding.code,
        "rule": finding.rule,
        "category": finding.category.value,
        "severity": finding.severity.value,
        "message": finding.message,
        "line": line,
        "column": col,
        "end_line": end_line,
        "end_column": end_col,
        "start": source.file_offset(doc, finding.start),
        "end": source.file_offset(doc, finding.end),
        "fix": fix,
    }


def write_json(results: Sequence[FileResult], out: TextIO) -> None:
    findings = [_position(r, f) for r in results for f in r.findings]
    errors = [{"path": str(r.path), "message": r.error} for r in results if r.error]
    summary = {"files": _files(results), "findings": len(findings)}
    if accepted := sum(r.accepted for r in results):
        summary["accepted"] = accepted  # left out because the baseline accepts them
    doc = {"version": 1, "findings": findings, "errors": errors, "summary": summary}
    json.dump(doc, out, ensure_ascii=False, indent=2)
    out.write("\n")


def write_text(results: Sequence[FileResult], out: TextIO) -> None:
    for r in results:
        for f in r.findings:
            line, col = r.document.position(f.start)
            mark = "" if f.fix is None else " [*]" if f.fix.safety is Safety.SAFE else " [unsafe fix]"
            out.write(f"{where(r)}:{line}:{col}: {f.code} [{f.rule}] {f.message}{mark}\n")


def _files(results: Sequence[FileResult]) -> int:
    """Files checked: a JSONL file counts once, however many of its records have results."""
    failed = {r.path for r in results if r.error and r.record is None}
    return len({r.path for r in results} - failed)


def text_summary(results: Sequence[FileResult], fixing: bool) -> str:
    files = _files(results)
    findings = [f for r in results for f in r.findings]
    safe = sum(1 for f in findings if f.fix is not None and f.fix.safety is Safety.SAFE)
    unsafe = sum(1 for f in findings if f.fix is not None and f.fix.safety is Safety.UNSAFE)
    errors = sum(1 for r in results if r.error)
    parts = []
    if fixing:
        applied = sum(r.applied for r in results)
        changed = len({r.path for r in results if r.fixed_text is not None and r.fixed_text != r.source.text})
        parts.append(f"Applied {applied} fixes in {changed} of {files} files; {len(findings)} findings remain")
        if pages := sum(1 for r in results if r.source is not None and r.source.target is not None):
            wrote = sum(1 for r in results if r.wrote_text)
            parts.append(f"wrote .txt files for {wrote} of {pages} HTML pages")
    elif findings:
        parts.append(f"Found {len(findings)} findings in {files} files")
    else:
        parts.append(f"No findings in {files} files")
    if not fixing and safe:
        parts.append(f"{safe} fixable with `cleanlint fix`")
    if unsafe:
        parts.append(f"{unsafe} more with `cleanlint fix --unsafe-fixes`")
    if accepted := sum(r.accepted for r in results):
        parts.append(f"{accepted} accepted by the baseline not shown")
    if errors:
        parts.append(f"{errors} error" + ("s" if errors != 1 else ""))
    return "; ".join(parts) + "."


def unified_diff(result: FileResult) -> str:
    """The fixes as a diff. For an HTML page: from its extracted text to the text `fix` writes beside it."""
    if result.fixed_text is None or result.source is None or result.fixed_text == result.source.text:
        return ""
    target = result.source.target
    lines = difflib.unified_diff(
        result.source.text.splitlines(keepends=True),
        result.fixed_text.splitlines(keepends=True),
        fromfile=f"a/{where(result)}" + (" (extracted text)" if target else " (text)" if result.record else ""),
        tofile=f"b/{target or result.path}",
    )
    return "".join(line if line.endswith("\n") else line + "\n\\ No newline at end of file\n" for line in lines)
