"""The HTML report of `cleanlint check --format html`: one self-contained page to read a run with.

A text or JSON report says where the findings are; a person judging a corpus (or a rule) wants to see them
in the articles: what `fix` would strike out, what it leaves but flags, which sites are worst. The page has
a summary (inline SVG charts of findings by rule, category and source, words removed, scores), a table of
documents with a quality score, and each document's text with its findings struck through or highlighted,
filterable by rule and by file with a little inline JavaScript. Nothing is fetched: no network, no fonts.

Memory does not grow with the corpus: each document's section (and its table row) is rendered as its
result is added and goes to a temporary file (in memory while small, on disk beyond a few megabytes); only
counts are kept. `finish` writes the head, the summary and the spooled parts to the output.

Figures, as the page's legend states them (report/html_render.py computes them):
- words removed: the words of the text that the findings' safe fixes remove (overlapping removals counted
  once), plus, for a safe fix that replaces text, the words it replaces less those of its replacement;
- quality score: 100 x the share of the document's words that no finding covers, rounded down.
"""

from __future__ import annotations

import re
import shutil
import tempfile
from collections import Counter
from dataclasses import dataclass
from html import escape
from typing import IO, TextIO

from .. import __version__
from ..model import Category
from ..run.outcome import FileResult
from .formats import Tally, where
from .html_assets import LEGEND, SCRIPT, STYLE
from .html_charts import Bar, bar_chart, score_bin, score_histogram
from .html_render import body_words, findings_html, removal, score, source_of, text_html

_SPOOL_BYTES = 4 * 1024 * 1024  # kept in memory up to this size, then on disk


@dataclass(frozen=True)
class DocFigures:
    """What the summary keeps of one document once its section is written."""

    anchor: str
    label: str
    source: str
    words: int
    score: int
    findings: int
    removed: int
    by_code: tuple[tuple[str, int], ...]
    over: bool  # its safe fixes would remove more than max-removal allows: `fix` leaves it as it is


def _spool() -> IO[str]:
    return tempfile.SpooledTemporaryFile(
        max_size=_SPOOL_BYTES, mode="w+", encoding="utf-8", errors="backslashreplace", newline=""
    )


def _score_class(value: int) -> str:
    return "good" if value >= 90 else "fair" if value >= 70 else "poor"


class HtmlReport:
    """Add the results of a run one by one, in run order; `finish` writes the page."""

    def __init__(self, out: TextIO, max_removal: float = 0.4) -> None:
        self._out = out
        self._max_removal = max_removal  # the settings' share of a document's words that fix may remove
        self._sections = _spool()
        self._rows = _spool()
        self._docs = 0
        self._removed = 0
        self._score_sum = 0
        self._bins = [0] * 11
        self._by_code: Counter[str] = Counter()
        self._rules: dict[str, tuple[str, Category]] = {}
        self._by_category: Counter[Category] = Counter()
        self._by_source: Counter[str] = Counter()
        self._removed_by_code: Counter[str] = Counter()
        self._errors: list[tuple[str, str]] = []
        self._fixing = False  # results of `fix` carry the fixed text: the summary line then says what was applied

    def add(self, result: FileResult) -> None:
        """Count the result and spool its document's section and table row; keep nothing of its text."""
        if result.error:  # the message names the file as well: shown once, beside the record's line if any
            prefix = f"{result.path}: "
            message = result.error[len(prefix) :] if result.error.startswith(prefix) else result.error
            self._errors.append((where(result), message))
        self._fixing = self._fixing or result.fixed_text is not None
        doc = result.document
        if doc is None:
            return
        self._docs += 1
        findings = result.findings
        words = body_words(doc)
        removed = removal(doc, findings)
        by_code = Counter(f.code for f in findings)
        figures = DocFigures(
            f"doc-{self._docs}",
            where(result),
            source_of(doc, result.path),
            words,
            score(doc, findings, words),
            len(findings),
            removed.words,
            tuple(sorted(by_code.items())),
            bool(words) and removed.words / words > self._max_removal,
        )
        for f in findings:
            self._rules.setdefault(f.code, (f.rule, f.category))
            self._by_category[f.category] += 1
        self._by_code.update(by_code)
        self._by_source[figures.source] += len(findings)
        self._removed_by_code.update(dict(removed.by_code))
        self._removed += removed.words
        self._score_sum += figures.score
        self._bins[score_bin(figures.score)] += 1
        self._rows.write(_row(figures))
        self._sections.write(
            _section(figures, findings_html(doc, findings, figures.anchor), text_html(doc, findings, figures.anchor))
        )

    def finish(self, tally: Tally) -> None:
        """Write the whole page: head, summary, table, errors, then the spooled sections."""
        out = self._out
        out.write(self._head(tally))
        out.write(self._summary())
        out.write(
            '<section id="documents" class="panel"><h2>Documents</h2>'
            '<p class="hint">Click a column to sort; click a document to read it with its findings.</p>'
            '<div class="table-wrap"><table id="doc-table"><thead><tr>'
            '<th data-sort="path">document</th><th data-sort="source">source</th>'
            '<th data-sort="score" class="num">score</th><th data-sort="findings" class="num">findings</th>'
            '<th>rules</th><th data-sort="removed" class="num">words removed</th>'
            '<th data-sort="words" class="num">words</th></tr></thead><tbody>'
        )
        _copy(self._rows, out)
        out.write('</tbody></table></div><p class="empty" id="no-docs" hidden>No document matches the filters.</p>')
        out.write("</section>")
        out.write(self._error_list())
        out.write('<section id="texts"><h2>Texts</h2>')
        _copy(self._sections, out)
        out.write(f"</section></main><script>{SCRIPT}</script></body></html>\n")

    def _head(self, tally: Tally) -> str:
        options = "".join(
            f'<option value="{escape(code)}">{escape(code)} {escape(self._rules[code][0])} ({n})</option>'
            for code, n in sorted(self._by_code.items())
        )
        return (
            '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
            '<meta name="viewport" content="width=device-width, initial-scale=1">'
            f"<title>cleanlint report</title><style>{STYLE}</style></head><body>"
            '<header class="top" id="top"><div><h1>cleanlint report</h1>'
            f'<p class="sub">{_code_spans(escape(tally.summary(self._fixing)))}</p></div>'
            f'<p class="version">cleanlint {escape(__version__)}</p></header>'
            '<nav class="filters" aria-label="filters">'
            '<label>Rule <select id="rule-filter"><option value="">all rules</option>'
            f"{options}</select></label>"
            '<label>File <input id="file-filter" type="search" placeholder="part of a path…"></label>'
            '<button type="button" id="reset-filters">reset</button>'
            f'<span class="shown" id="shown">{self._docs} of {self._docs} documents</span></nav><main>'
        )

    def _summary(self) -> str:
        mean = self._score_sum // self._docs if self._docs else 100
        findings = sum(self._by_code.values())
        cards = "".join(
            f'<div class="card"><span class="big" id="stat-{key}">{value}</span><span>{label}</span></div>'
            for key, value, label in (
                ("docs", self._docs, "documents"),
                ("findings", findings, "findings"),
                ("removed", self._removed, "words removed by fix"),
                ("score", mean, "mean quality score"),
                ("errors", len(self._errors), "errors"),
            )
        )
        rules = [
            Bar(f"{code} {self._rules[code][0]}", n, f"bar {_css(self._rules[code][1])}", code)
            for code, n in self._by_code.items()
        ]
        categories = [Bar(c.value, self._by_category[c], f"bar {_css(c)}") for c in Category]
        sources = [Bar(name, n, "bar src") for name, n in self._by_source.items()]
        removed = [
            Bar(f"{code} {self._rules[code][0]}", n, "bar bp", code) for code, n in self._removed_by_code.items()
        ]
        charts = "".join(
            (
                bar_chart("chart-rules", "Findings per rule (click a bar to filter)", rules, limit=40),
                bar_chart("chart-categories", "Findings per category", categories),
                bar_chart("chart-sources", "Findings per source", sources),
                bar_chart("chart-removed", f"Words removed by fix, per rule ({self._removed} in all)", removed, 40),
                score_histogram("chart-scores", "Documents per quality score", self._bins),
            )
        )
        legend = LEGEND.replace("MAX_REMOVAL_PERCENT", f"{self._max_removal:.0%}")
        return (
            '<section id="summary" class="panel"><h2>Summary</h2>'
            f'<div class="cards">{cards}</div><p class="hint">The cards count the documents the filters show; '
            f'the charts are the whole run.</p><div class="charts">{charts}</div>{legend}</section>'
        )

    def _error_list(self) -> str:
        if not self._errors:
            return ""
        items = "".join(
            f'<li><span class="path">{escape(name)}</span> {escape(message)}</li>' for name, message in self._errors
        )
        return f'<section id="errors" class="panel"><h2>Errors ({len(self._errors)})</h2><ul>{items}</ul></section>'


def _code_spans(text: str) -> str:
    """`command` in the summary line, as the text report writes it, set as code."""
    return re.sub(r"`([^`]+)`", r"<code>\1</code>", text)


def _css(category: Category) -> str:
    return {Category.BOILERPLATE: "bp", Category.ARTIFACT: "art", Category.LANGUAGE: "lang"}[category]


def _copy(spool: IO[str], out: TextIO) -> None:
    spool.seek(0)
    shutil.copyfileobj(spool, out)
    spool.close()


def _data(f: DocFigures) -> str:
    """The attributes the filters and the sorting read."""
    codes = " ".join(code for code, _ in f.by_code)
    counts = " ".join(f"{code}:{n}" for code, n in f.by_code)
    return (
        f'data-doc="{f.anchor}" data-path="{escape(f.label)}" data-source="{escape(f.source)}" '
        f'data-codes="{escape(codes)}" data-counts="{escape(counts)}" data-findings="{f.findings}" '
        f'data-removed="{f.removed}" data-words="{f.words}" data-score="{f.score}"'
    )


def _row(f: DocFigures) -> str:
    chips = "".join(f'<span class="chip">{escape(code)}×{n}</span>' for code, n in f.by_code[:8])
    if len(f.by_code) > 8:
        chips += f'<span class="chip">+{len(f.by_code) - 8}</span>'
    warn = ' <span class="warn" title="over max-removal: fix would leave it as it is">⚠</span>'
    return (
        f"<tr {_data(f)}>"
        f'<td class="path"><a href="#{f.anchor}">{escape(f.label)}</a></td><td>{escape(f.source)}</td>'
        f'<td class="num"><span class="score {_score_class(f.score)}">{f.score}</span></td>'
        f'<td class="num">{f.findings}</td><td class="chips">{chips}</td>'
        f'<td class="num">{f.removed}{warn if f.over else ""}</td><td class="num">{f.words}</td></tr>'
    )


def _section(f: DocFigures, findings: str, text: str) -> str:
    plural = "s" if f.findings != 1 else ""
    head = (
        f'<section class="doc" id="{f.anchor}" {_data(f)}><header class="doc-head">'
        f'<h3><a href="#{f.anchor}">{escape(f.label)}</a></h3><p class="meta">'
        f'<span class="score {_score_class(f.score)}" title="quality score">{f.score}</span> '
        f"{escape(f.source)} · {f.words} words · {f.findings} finding{plural} · {f.removed} words removed by fix"
        f"{' · over max-removal: fix leaves it as it is' if f.over else ''}"
        ' · <a href="#documents">back to the table</a></p></header>'
    )
    if not f.findings:
        return (
            f'{head}<details><summary>no findings: show the text</summary><div class="text">{text}</div>'
            "</details></section>"
        )
    return (
        f'{head}<div class="doc-body"><div class="text">{text}</div><aside class="side">'
        f'<h4>{f.findings} finding{plural}</h4><ol class="findings">{findings}</ol></aside></div></section>'
    )
