"""A safe removal earns it: evidence beyond wording, and no running prose taken without structure."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest

from cleanlint.cli.main import main
from cleanlint.document import Document
from cleanlint.engine.engine import Engine
from cleanlint.engine.evidence import ONLY_WORDING, PROSE, held_reason
from cleanlint.engine.fixer import fix_document
from cleanlint.engine.overlaps import one_per_span
from cleanlint.model import Category, Edit, Evidence, Finding, Fix, Safety, Severity
from cleanlint.ruleset.loader import load_rules
from cleanlint.structure.prose import reads_as_prose

from ..conftest import write

FILLER = "".join(f"The council met for the {n}th time.\n" for n in range(1, 9))  # keeps a line off head and tail


def judged_prose(text: str) -> bool:
    doc = Document(text)
    return reads_as_prose(doc, 0, len(text))


@pytest.mark.parametrize(
    "line",
    [
        "Subscribers in Europe, the Middle East and Africa accounted for nearly half of the new accounts.",
        "Want more proof that the plan works? The shares rose eight percent in late trading.",
        "Die Regierung hat am Dienstag beschlossen, dass die Steuern im nächsten Jahr steigen werden.",
        "El gobierno anunció el martes que los impuestos subirán el próximo año en todo el país.",
    ],
)
def test_sentences_of_running_text_read_as_prose(line: str):
    assert judged_prose(line)


@pytest.mark.parametrize(
    "line",
    [
        "Subscribe",
        "(Reporting by Ana Ruiz and Tom Lee; Editing by Jo Park)",
        "Could an astronaut lost in space use gravity to get around?",  # a headline may ask
        "These Are the Industries Where Staff Are Most Likely to Change Jobs",  # no full stop
        "Share this article on Facebook Twitter Email WhatsApp LinkedIn Reddit Print",
        "The council approved the budget for next year after a long debate on...",  # a teaser cut off
    ],
)
def test_labels_headlines_and_credits_do_not(line: str):
    assert not judged_prose(line)


def test_a_document_is_judged_in_its_own_language():
    """Polish's stoplist holds "by" and "in": judged with it, an English credit line would read as prose."""
    credit = "Reporting by Jeff Mason and Josh Smith in Seoul. Additional reporting by Choo Choi; Editing by Tom Lee."
    assert not judged_prose(FILLER + credit + "\n")


WORDING_ONLY = """
code: X901
name: subscribe-anywhere
kind: phrase
category: boilerplate
message: prompt
summary: test
scope: line
fix: {action: remove, safety: safe}
window: 2
max_words: 20
patterns: ['\\bsubscribe\\b']
"""

LINE_LED = WORDING_ONLY.replace("'\\bsubscribe\\b'", "'^Subscribe to\\b'")

TWO_ENDS = """
code: X903
name: appeal-block
kind: block
category: boilerplate
message: appeal
summary: test
fix: {action: remove, safety: safe}
start: ['^Before you go']
end: ['Thank you for reading\\.']
"""


def engine_of(tmp_path: Path, rule: str) -> Engine:
    return Engine(load_rules([write(tmp_path, rule)]))


def test_a_removal_marked_by_wording_alone_is_held():
    """The rule-file lint refuses such rules; a finding that comes without evidence all the same is held."""
    text = FILLER + "Readers who subscribe get the paper early along with a long list of other things from town\n"
    start = len(FILLER)
    bare = finding("X901", start, len(text) - 1, removal(start, len(text)))
    assert held_reason(Document(text), bare) == ONLY_WORDING
    placed = replace(bare, evidence=frozenset({Evidence.WORDING, Evidence.POSITION}))
    assert held_reason(Document(text), placed) is None


def test_a_short_label_is_shaped_like_furniture(tmp_path: Path):
    engine = engine_of(tmp_path, WORDING_ONLY)
    text = FILLER + "Click to subscribe\n" + FILLER
    (finding,) = engine.check(Document(text))
    assert finding.fix is not None and finding.fix.safety is Safety.SAFE
    assert Evidence.SHAPE in finding.evidence and Evidence.POSITION not in finding.evidence


def test_prose_needs_structure_even_where_furniture_stands(tmp_path: Path):
    """At the tail, a sentence that merely holds the rule's word is kept; one the formula leads is not."""
    engine = engine_of(tmp_path, WORDING_ONLY)
    tail = "Officials said readers who subscribe to the paper now get it a day early in the town.\n"
    (held,) = engine.check(Document(FILLER + tail))
    assert held.fix is not None and held.fix.held == PROSE and Evidence.POSITION in held.evidence
    led = engine_of(tmp_path, LINE_LED)
    prompt = "Subscribe to the Gazette today and get the news you need delivered to your door.\n"
    (finding,) = led.check(Document(FILLER + prompt))
    assert finding.fix is not None and finding.fix.safety is Safety.SAFE
    assert fix_document(led, Document(FILLER + prompt)).text == FILLER


def test_a_block_with_two_anchored_ends_may_take_prose(tmp_path: Path):
    engine = engine_of(tmp_path, TWO_ENDS)
    appeal = "Before you go\nWe rely on the support of our readers to keep the newsroom open.\nThank you for reading.\n"
    text = FILLER + appeal + FILLER
    (finding,) = engine.check(Document(text))
    assert Evidence.BLOCK in finding.evidence and finding.fix is not None and finding.fix.safety is Safety.SAFE
    assert "rely on the support" not in fix_document(engine, Document(text)).text


def test_reports_say_why_a_removal_was_held(tmp_path: Path, capsys):
    rules = write(tmp_path, WORDING_ONLY)
    article = tmp_path / "story.txt"
    body = FILLER + "Officials said readers who subscribe to the paper now get it a day early.\n" + FILLER
    article.write_text(body, encoding="utf-8")
    assert main(["check", "--no-cache", "--no-default-rules", "--rules", str(rules), str(article)]) == 1
    first = capsys.readouterr().out.splitlines()[0]
    assert first.endswith("X901 [subscribe-anywhere] prompt [unsafe fix: reads as prose]")
    main(["check", "--no-cache", "--no-default-rules", "--rules", str(rules), "--format", "json", str(article)])
    (found,) = json.loads(capsys.readouterr().out)["findings"]
    assert found["fix"]["safety"] == "unsafe" and found["fix"]["held"] == "reads as prose"
    assert main(["fix", "--no-cache", "--no-default-rules", "--rules", str(rules), str(article)]) == 1
    assert article.read_text(encoding="utf-8") == body


def finding(code: str, start: int, end: int, fix: Fix | None, category: Category = Category.BOILERPLATE) -> Finding:
    return Finding(code, code.lower(), category, Severity.WARNING, code, start, end, fix)


def removal(start: int, end: int, safety: Safety = Safety.SAFE) -> Fix:
    return Fix(Edit(start, end, ""), safety)


def test_two_rules_on_one_span_are_reported_once_by_the_fix_that_does_most():
    unsafe = finding("A303", 10, 12, removal(10, 12, Safety.UNSAFE), Category.ARTIFACT)
    safe = finding("B504", 10, 12, removal(10, 12))
    assert one_per_span([unsafe, safe]) == [safe]


def test_a_finding_inside_a_removal_at_least_as_safe_is_left_out():
    section = finding("B501", 0, 100, removal(0, 101))
    counter = finding("B502", 80, 100, removal(80, 101))
    glued = finding("A202", 20, 30, Fix(Edit(25, 25, " "), Safety.UNSAFE), Category.ARTIFACT)
    assert one_per_span([counter, glued, section]) == [section]


def test_findings_a_removal_does_not_take_are_kept():
    held = finding("B305", 0, 100, removal(0, 101, Safety.UNSAFE))
    inside_safe = finding("B308", 40, 50, removal(40, 51))
    report_only = finding("L101", 200, 400, None, Category.LANGUAGE)
    inside_report = finding("A201", 250, 260, Fix(Edit(255, 255, " "), Safety.SAFE), Category.ARTIFACT)
    partial = finding("A202", 90, 120, Fix(Edit(95, 95, " "), Safety.UNSAFE), Category.ARTIFACT)
    found = [held, inside_safe, report_only, inside_report, partial]
    assert one_per_span(found) == sorted(found, key=Finding.sort_key)


def test_evidence_is_pooled_by_span(default_engine):
    """One rule sees that a line is printed four times, another that it has a wire caption's form: together
    they take a caption that reads as a sentence; either alone would not."""
    caption = "Mayor Ana Ruiz, left, cuts the ribbon at the new library, Monday, March 4, 2024, in Leeds, England."
    body = [f"The library holds {n} thousand books, the council said." for n in range(2, 30)]
    lines = [*body[:8], caption, *body[8:12], caption, *body[12:16], caption, *body[16:20], caption, *body[20:]]
    text = "\n".join(lines) + "\n"
    fixed = fix_document(default_engine, Document(text)).text
    assert caption not in fixed and all(line in fixed for line in body)
    once = "\n".join([*body[:8], caption, *body[8:]]) + "\n"
    assert fix_document(default_engine, Document(once)).text == once  # the form alone, mid-article: kept
