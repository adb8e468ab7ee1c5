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
from .runner import FileResult


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
    return {
        "path": str(result.path),
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
    files = sum(1 for r in results if not r.error)
    doc = {"version": 1, "findings": findings, "errors": errors, "summary": {"files": files, "findings": len(findings)}}
    json.dump(doc, out, ensure_ascii=False, indent=2)
    out.write("\n")


def write_text(results: Sequence[FileResult], out: TextIO) -> None:
    for r in results:
        for f in r.findings:
            line, col = r.document.position(f.start)
            mark = "" if f.fix is None else " [*]" if f.fix.safety is Safety.SAFE else " [unsafe fix]"
            out.write(f"{r.path}:{line}:{col}: {f.code} [{f.rule}] {f.message}{mark}\n")


def text_summary(results: Sequence[FileResult], fixing: bool) -> str:
    files = sum(1 for r in results if not r.error)
    findings = [f for r in results for f in r.findings]
    safe = sum(1 for f in findings if f.fix is not None and f.fix.safety is Safety.SAFE)
    unsafe = sum(1 for f in findings if f.fix is not None and f.fix.safety is Safety.UNSAFE)
    errors = sum(1 for r in results if r.error)
    parts = []
    if fixing:
        applied = sum(r.applied for r in results)
        changed = sum(1 for r in results if r.fixed_text is not None and r.fixed_text != r.source.text)
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
    if errors:
        parts.append(f"{errors} files could not be checked")
    return "; ".join(parts) + "."


def unified_diff(result: FileResult) -> str:
    """The fixes as a diff. For an HTML page: from its extracted text to the text `fix` writes beside it."""
    if result.fixed_text is None or result.source is None or result.fixed_text == result.source.text:
        return ""
    target = result.source.target
    lines = difflib.unified_diff(
        result.source.text.splitlines(keepends=True),
        result.fixed_text.splitlines(keepends=True),
        fromfile=f"a/{result.path}" + (" (extracted text)" if target else ""),
        tofile=f"b/{target or result.path}",
    )
    return "".join(line if line.endswith("\n") else line + "\n\\ No newline at end of file\n" for line in lines)
