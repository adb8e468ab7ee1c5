"""Findings for code-review tools: SARIF 2.1.0 logs and GitHub Actions annotations.

Both are built from the contract's finding records (report.finding_dicts), so every format reports the
same positions. Columns and offsets are Unicode code points, which SARIF allows when the run says so
(`columnKind`); GitHub reads line and column only.
"""

from __future__ import annotations

import os
from pathlib import PurePath
from urllib.parse import quote

from .. import __version__
from ..safeio.printable import one_line

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
_LEVELS = {"error": "error", "warning": "warning", "info": "note"}
_GITHUB_LEVELS = {"error": "error", "warning": "warning", "info": "notice"}


def artifact_uri(path: str) -> str:
    """A relative path stays relative (SARIF viewers resolve it against the checkout); an absolute one
    becomes a file: URI."""
    pure = PurePath(path)
    if pure.is_absolute():
        return "file://" + quote(os.fsencode(pure.as_posix()))
    return quote(os.fsencode(pure.as_posix()))  # a name that is not UTF-8 keeps its very bytes, %-escaped


def _region(finding: dict) -> dict:
    if "record" in finding:  # a JSONL record: the file's line is the record; the rest is inside its text
        return {"startLine": finding["record"]}
    return {
        "startLine": finding["line"],
        "startColumn": finding["column"],
        "endLine": finding["end_line"],
        "endColumn": finding["end_column"],
        "charOffset": finding["start"],
        "charLength": finding["end"] - finding["start"],
    }


def _fixes(finding: dict, uri: str) -> list[dict]:
    fix = finding["fix"]
    if fix is None or "record" in finding:  # a record's offsets are not offsets in the file
        return []
    replacement = {
        "deletedRegion": {"charOffset": fix["start"], "charLength": fix["end"] - fix["start"]},
        "insertedContent": {"text": fix["replacement"]},
    }
    about = "remove the text" if not fix["replacement"] else "replace the text"
    return [
        {
            "description": {"text": f"{about} ({fix['safety']} fix)"},
            "artifactChanges": [{"artifactLocation": {"uri": uri}, "replacements": [replacement]}],
        }
    ]


def _result(finding: dict, rule_index: int) -> dict:
    uri = artifact_uri(finding["path"])
    result = {
        "ruleId": finding["code"],
        "ruleIndex": rule_index,
        "level": _LEVELS[finding["severity"]],
        "message": {"text": finding["message"]},
        "locations": [{"physicalLocation": {"artifactLocation": {"uri": uri}, "region": _region(finding)}}],
        "properties": {"category": finding["category"]},
    }
    if "record" in finding:
        result["properties"].update(record=finding["record"], line=finding["line"], column=finding["column"])
    if fixes := _fixes(finding, uri):
        result["fixes"] = fixes
    return result


def sarif_log(findings: list[dict], errors: list[dict]) -> dict:
    """One run of cleanlint: its rules (those that found something), results, and the files it could not
    check as error notifications, so that a dashboard does not read a failed file as a clean one."""
    rules: dict[str, dict] = {}
    for f in findings:
        rules.setdefault(
            f["code"],
            {
                "id": f["code"],
                "name": f["rule"],
                "shortDescription": {"text": f["rule"].replace("-", " ")},
                "defaultConfiguration": {"level": _LEVELS[f["severity"]]},
                "properties": {"category": f["category"]},
            },
        )
    index = {code: i for i, code in enumerate(rules)}
    notifications = [
        {
            "level": "error",
            "message": {"text": e["message"]},
            "locations": [{"physicalLocation": {"artifactLocation": {"uri": artifact_uri(e["path"])}}}],
        }
        for e in errors
    ]
    run = {
        "tool": {"driver": {"name": "cleanlint", "version": __version__, "rules": list(rules.values())}},
        "columnKind": "unicodeCodePoints",
        "results": [_result(f, index[f["code"]]) for f in findings],
        "invocations": [{"executionSuccessful": not errors, "toolExecutionNotifications": notifications}],
    }
    return {"$schema": SCHEMA, "version": "2.1.0", "runs": [run]}


def _escape_data(text: str) -> str:
    """GitHub's escapes for a workflow command, then the other control characters escaped as in text output:
    a file name or a quote holding a terminal escape sequence must not reach the log as one."""
    return one_line(text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A"))


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def github_annotation(finding: dict) -> str:
    """`::warning file=F,line=L,col=C,endLine=..,endColumn=..,title=CODE rule::message`."""
    if "record" in finding:
        place = f"line={finding['record']}"
    else:
        place = (
            f"line={finding['line']},col={finding['column']},"
            f"endLine={finding['end_line']},endColumn={finding['end_column']}"
        )
    title = _escape_property(f"{finding['code']} {finding['rule']}")
    level, path = _GITHUB_LEVELS[finding["severity"]], _escape_property(finding["path"])
    return f"::{level} file={path},{place},title={title}::{_escape_data(finding['message'])}"


def github_error(path: str, message: str) -> str:
    return f"::error file={_escape_property(path)},title=cleanlint::{_escape_data(message)}"
