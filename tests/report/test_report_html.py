"""The HTML report without a browser: segmenting, escaping, the score and words-removed figures, and a page
that is one self-contained, well-formed file."""

from __future__ import annotations

import gc
import io
import re
import weakref
from html.parser import HTMLParser
from pathlib import Path
from typing import ClassVar

import pytest

from cleanlint.config import Config
from cleanlint.document import Document
from cleanlint.engine.engine import Engine, Selection
from cleanlint.model import Category, Edit, Finding, Fix, Safety, Severity
from cleanlint.report.formats import Tally
from cleanlint.report.html import HtmlReport
from cleanlint.report.html_render import removal, score, segments, source_of, text_html
from cleanlint.ruleset.defaults import default_rules_dir
from cleanlint.run.outcome import FileResult
from cleanlint.run.plan import RunPlan
from cleanlint.run.runner import run
from cleanlint.run.spec import EngineSpec


def finding(code: str, start: int, end: int, category=Category.BOILERPLATE, fix=None, message="m") -> Finding:
    return Finding(code, f"rule-{code.lower()}", category, Severity.WARNING, message, start, end, fix)


def removes(start: int, end: int, safety=Safety.SAFE, replacement: str = "") -> Fix:
    return Fix(Edit(start, end, replacement), safety)


def page(*results: FileResult, max_removal: float = 0.4) -> str:
    out, tally = io.StringIO(), Tally()
    report = HtmlReport(out, max_removal)
    for r in results:
        tally.add(r)
        report.add(r)
    report.finish(tally)
    return out.getvalue()


def checked(default_engine: Engine, *paths: Path) -> list[FileResult]:
    """FileResults of a real `check` run over `paths`, with the default rules."""
    spec = EngineSpec((default_rules_dir(),), Selection())
    return list(run(default_engine, RunPlan(Config(), spec, paths=tuple(paths))))


class _Balance(HTMLParser):
    """Fails on an end tag that closes anything but the innermost open element: a cheap well-formedness test."""

    VOID: ClassVar[set[str]] = {"meta", "input", "br", "img", "link", "hr", "rect", "path", "circle", "line", "wbr"}

    def __init__(self) -> None:
        super().__init__()
        self.stack: list[str] = []
        self.ids: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.ids += [v for k, v in attrs if k == "id"]
        if tag not in self.VOID:
            self.stack.append(tag)

    def handle_startendtag(self, tag, attrs):
        self.ids += [v for k, v in attrs if k == "id"]

    def handle_endtag(self, tag):
        assert self.stack and self.stack[-1] == tag, f"</{tag}> closes {self.stack[-3:]}"
        self.stack.pop()


def test_overlapping_findings_split_the_text_at_every_boundary():
    doc = Document("0123456789abcdefghijklmnopqrstuvwxyz")
    outer = finding("B101", 0, 20, fix=removes(0, 20))
    inner = finding("A101", 10, 30, Category.ARTIFACT)
    point = finding("A202", 30, 30, Category.ARTIFACT, fix=removes(30, 30, Safety.UNSAFE, " "))
    got = [(s.start, s.end, tuple(f.code for f in s.findings)) for s in segments(doc, [inner, point, outer])]
    assert got == [
        (0, 10, ("B101",)),
        (10, 20, ("B101", "A101")),
        (20, 30, ("A101",)),
        (30, 30, ("A202",)),
        (30, 36, ()),
    ]
    html = text_html(doc, [outer, inner, point], "doc-1")
    assert (
        '<del class="seg rm bp" data-codes="B101" title="B101 rule-b101: m · safe fix: removed">0123456789</del>'
        in html
    )
    assert re.search(r'<del class="seg rm bp art" data-codes="A101 B101" title="[^"]*">abcdefghij</del>', html)
    assert re.search(r'<mark class="seg art" data-codes="A101" title="A101 rule-a101[^"]*">klmnopqrst</mark>', html)
    assert "unsafe fix (--unsafe-fixes): inserts “ ”" in html  # the missing space, shown as a point
    assert 'class="seg art pt"' in html and html.endswith("uvwxyz")
    assert all(f'id="doc-1-f{i}"' in html for i in range(3))  # an anchor at each finding for its list to link to


def test_article_text_and_attributes_are_escaped(tmp_path: Path):
    text = 'Body <script>alert("x")</script> & more " onmouseover="alert(1)\n'
    doc = Document(text, str(tmp_path / "a<b>.txt"), metadata={"source": '"><img src=x onerror=alert(1)>'})
    hostile = finding("B101", 5, 34, fix=removes(5, 34), message='quotes " and <tags>')
    html = page(FileResult(tmp_path / "a<b>.txt", (hostile,), document=doc))
    assert html.count("<script>") == 1  # the page's own script, and nothing from the article
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in html
    assert "<img" not in html and "&quot;&gt;&lt;img src=x onerror=alert(1)&gt;" in html
    assert 'title="B101 rule-b101: quotes &quot; and &lt;tags&gt; · safe fix: removed"' in html
    assert "a&lt;b&gt;.txt" in html and "a<b>.txt" not in html


def test_score_and_words_removed():
    text = "one two three four five six seven eight nine ten\n"
    doc = Document(text)
    boiler = finding("B101", 0, 13, fix=removes(0, 14))  # "one two three", safe: 3 words
    nested = finding("B102", 4, 7, fix=removes(4, 8))  # "two", inside it: not counted again
    artifact = finding("A101", 24, 33, Category.ARTIFACT)  # "six seven": flagged, not removed
    unsafe = finding("B201", 40, 44, fix=removes(40, 45, Safety.UNSAFE))  # "nine": removed only with --unsafe-fixes
    assert removal(doc, [boiler, nested, artifact, unsafe]).words == 3
    assert removal(doc, [boiler, nested]).by_code == (("B101", 3),)
    assert score(doc, [boiler, nested, artifact], 10) == 50  # 5 of 10 words covered
    assert score(doc, [boiler, nested, artifact, unsafe], 10) == 40
    assert score(doc, [], 10) == 100
    assert score(doc, [finding("A202", 3, 3, Category.ARTIFACT)], 10) == 99  # no word covered, yet not clean
    fewer = finding("A301", 14, 27, Category.ARTIFACT, fix=removes(14, 27, replacement="4"))  # 3 words to 1
    split = finding("A202", 28, 39, Category.ARTIFACT, fix=removes(28, 39, replacement="sev en eight"))
    assert removal(doc, [fewer, split]).words == 2  # a replacement that adds words removes none


def test_sources_come_from_metadata_then_url_then_folder(tmp_path: Path):
    path = tmp_path / "gazette" / "a.txt"
    assert source_of(Document("x", metadata={"source": " Daily  Herald "}), path) == "Daily Herald"
    assert source_of(Document("x", metadata={"site": "Wire"}), path) == "Wire"
    assert source_of(Document("x", metadata={"url": "https://www.example.org/a"}), path) == "example.org"
    assert source_of(Document("x"), path) == "gazette"


def test_seed_report_is_one_well_formed_self_contained_page(default_engine: Engine, seeds_copy: Path):
    results = checked(default_engine, seeds_copy)
    html = page(*results)
    assert html.startswith('<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">')
    parser = _Balance()
    parser.feed(html)
    parser.close()
    assert parser.stack == [] and len(parser.ids) == len(set(parser.ids))
    # nothing is fetched: no external script, style sheet, font or image
    assert not re.search(r"""(?:src|href)\s*=\s*["']?\s*(?:https?:)?//""", html, re.I)
    assert not re.search(r"<link\b|@import|url\(|<iframe|<img", html, re.I)
    for chart in ("chart-rules", "chart-categories", "chart-sources", "chart-removed", "chart-scores"):
        assert f'<figure class="chart" id="{chart}">' in html
    assert html.count('<section class="doc"') == 5 and html.count("<tr data-doc=") == 5
    assert '<option value="B601">B601 donation-appeal (1)</option>' in html
    assert "Your support helps us to tell the story" in html
    assert re.search(r'<del class="seg rm bp" data-codes="B601" title="B601 donation-appeal: [^"]*">Your support', html)
    assert re.search(r'<mark class="seg art" data-codes="A101" title="A101 mistranslation[^"]*">in point</mark>', html)
    total = sum(len(r.findings) for r in results)
    assert f'<span class="big" id="stat-findings">{total}</span>' in html


def test_words_removed_match_what_fix_removes(default_engine: Engine, seeds_copy: Path):
    """The figure is what `fix` takes out of the text as read: its removals by the rules that found something
    in that text. (A later pass may find more: once "Top News" is gone, a headline printed twice is
    reported as a repeat, which the report of the text as read cannot know.)"""
    from cleanlint.document import word_count
    from cleanlint.engine.fixer import fix_document

    for r in checked(default_engine, seeds_copy):
        found = {f.code for f in r.findings}
        edits = [e for e in fix_document(default_engine, r.document).edits if set(e.codes) <= found]
        removed = sum(word_count(e.removed) for e in edits if not e.replacement)
        assert removal(r.document, r.findings).words == removed, r.path


def test_errors_are_listed_and_records_named(tmp_path: Path):
    doc = Document("Some text here.\n")
    html = page(
        FileResult(tmp_path / "bad.txt", error=f"{tmp_path / 'bad.txt'}: binary file <NUL>"),
        FileResult(tmp_path / "c.jsonl", (), document=doc, record=7),
    )
    assert '<section id="errors" class="panel"><h2>Errors (1)</h2>' in html
    assert f'<span class="path">{tmp_path / "bad.txt"}</span> binary file &lt;NUL&gt;</li>' in html  # named once
    assert "c.jsonl:record 7" in html
    assert "no findings: show the text" in html  # a clean document's text is folded away


def test_documents_are_not_kept_once_added(tmp_path: Path):
    """A corpus of any size: the report spools each section and keeps counts, never the Document."""
    out, report = io.StringIO(), HtmlReport(io.StringIO())
    doc = Document("Share this article\nText.\n", str(tmp_path / "a.txt"))
    result = FileResult(tmp_path / "a.txt", (finding("B503", 0, 18, fix=removes(0, 19)),), document=doc)
    ref = weakref.ref(doc)
    report.add(result)
    del doc, result
    gc.collect()
    assert ref() is None
    report._out = out
    report.finish(Tally(files=1, findings=1))
    assert "Share this article" in out.getvalue()


@pytest.mark.parametrize("value, css", [(100, "good"), (75, "fair"), (10, "poor")])
def test_score_badges(tmp_path: Path, value: int, css: str):
    words = " ".join(["word"] * 100) + "\n"
    flagged = finding("A101", 0, 5 * (100 - value) - 1, Category.ARTIFACT) if value < 100 else None
    doc = Document(words)
    html = page(FileResult(tmp_path / "a.txt", (flagged,) if flagged else (), document=doc))
    assert f'<span class="score {css}">{value}</span>' in html


def test_documents_past_the_settings_max_removal_are_flagged():
    """A quarter of the words removed: within the default 40%, past a setting of 20%."""
    text = "Share this story now.\n\nThe council met on Tuesday to vote on the new budget for the harbour.\n"
    doc = Document(text, "a.txt")
    result = FileResult(Path("a.txt"), (finding("B503", 0, 21, fix=removes(0, 23)),), document=doc)
    assert 'class="warn"' not in page(result)
    strict = page(result, max_removal=0.2)
    assert 'class="warn"' in strict and "over max-removal" in strict
    assert "more than 20% of its words" in strict and "more than 40% of its words" in page(result)
