"""One reporter per output format, fed one result at a time by the CLI.

Every format is written the same way: `add` for each result as the run produces it, `finish` with the run's
tally. A format that can print as it goes (text, GitHub annotations) does; one that is a single document
(JSON, SARIF, HTML) keeps only what it needs, so a run over a large corpus stays flat in memory except for
the findings a JSON document must list.
"""

from __future__ import annotations

import json
from collections import Counter
from typing import Protocol, TextIO

from ..run.outcome import FileResult
from .formats import Tally, finding_dicts, text_lines, write_json
from .sarif import github_annotation, github_error, sarif_log
from .words import counted

FORMATS = ("text", "json", "sarif", "github", "html")


class Reporter(Protocol):
    def add(self, result: FileResult) -> None: ...

    def finish(self, tally: Tally) -> None: ...


class TextReport:
    """Lines for people, `path:line:col: CODE [rule] message`, then the summary."""

    def __init__(self, out: TextIO, fixing: bool) -> None:
        self.out, self.fixing = out, fixing

    def add(self, result: FileResult) -> None:
        self.out.write(text_lines(result))

    def finish(self, tally: Tally) -> None:
        self.out.write(tally.summary(self.fixing) + "\n")


class JsonReport:
    """The contract's JSON document (CONTRACT.md): all findings, errors and a summary, written at the end."""

    def __init__(self, out: TextIO) -> None:
        self.out = out
        self.findings: list[dict] = []
        self.errors: list[dict] = []

    def add(self, result: FileResult) -> None:
        self.findings += finding_dicts(result)
        if result.error:
            self.errors.append({"path": str(result.path), "message": result.error})

    def finish(self, tally: Tally) -> None:
        write_json(self.findings, self.errors, tally, self.out)


class SarifReport(JsonReport):
    """SARIF 2.1.0, for code-scanning dashboards (sarif.py)."""

    def finish(self, tally: Tally) -> None:
        json.dump(sarif_log(self.findings, self.errors), self.out, ensure_ascii=False, indent=2)
        self.out.write("\n")


class GithubReport:
    """GitHub Actions workflow commands: each finding becomes an annotation on the file's line."""

    def __init__(self, out: TextIO) -> None:
        self.out = out

    def add(self, result: FileResult) -> None:
        for finding in finding_dicts(result):
            self.out.write(github_annotation(finding) + "\n")
        if result.error:
            self.out.write(github_error(str(result.path), result.error) + "\n")

    def finish(self, tally: Tally) -> None:
        pass  # annotations only: the workflow log shows them, a summary line would be noise


class Statistics:
    """`--statistics`: how many findings each code has, most first, as ruff prints them."""

    def __init__(self, out: TextIO, as_json: bool) -> None:
        self.out, self.as_json = out, as_json
        self.counts: Counter[str] = Counter()
        self.fixable: Counter[str] = Counter()
        self.rules: dict[str, str] = {}

    def add(self, result: FileResult) -> None:
        for f in result.findings:
            self.counts[f.code] += 1
            self.fixable[f.code] += f.has_safe_fix
            self.rules[f.code] = f.rule

    def rows(self) -> list[dict]:
        ordered = sorted(self.counts, key=lambda code: (-self.counts[code], code))
        return [
            {"code": c, "rule": self.rules[c], "count": self.counts[c], "fixable": self.fixable[c]} for c in ordered
        ]

    def finish(self, tally: Tally) -> None:
        rows = self.rows()
        if self.as_json:
            json.dump(rows, self.out, ensure_ascii=False, indent=2)
            self.out.write("\n")
            return
        width = max((len(str(r["count"])) for r in rows), default=1)
        for r in rows:
            mark = "[*]" if r["fixable"] == r["count"] else "[-]" if r["fixable"] else "   "
            self.out.write(f"{r['count']:>{width}}\t{r['code']}\t{mark} {r['rule']}\n")
        if rows:
            self.out.write("[*] every finding fixable with `cleanlint fix`; [-] some are\n")
        else:
            self.out.write(f"No findings in {counted(tally.files, 'file')}.\n")


def make_reporter(fmt: str, statistics: bool, fixing: bool, out: TextIO, max_removal: float = 0.4) -> Reporter:
    if statistics:
        return Statistics(out, as_json=fmt == "json")
    if fmt == "json":
        return JsonReport(out)
    if fmt == "sarif":
        return SarifReport(out)
    if fmt == "github":
        return GithubReport(out)
    if fmt == "html":
        from .html import HtmlReport  # here: only an HTML report needs its templates

        return HtmlReport(out, max_removal)
    return TextReport(out, fixing)
