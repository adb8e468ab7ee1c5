"""bench/harm.py charges removed words to the right rules: the harm table decides which rules pass the bar."""

from __future__ import annotations

import re
import sys

import pytest

from .conftest import ROOT

sys.path.insert(0, str(ROOT / "bench"))
import harm

WORDS = re.compile(r"\w+", re.UNICODE)  # score.py's TOKEN_RE


def edit(start: int, removed: str, *codes: str) -> dict:
    return {"start": start, "end": start + len(removed), "removed": removed, "replacement": "", "codes": list(codes)}


def test_a_merged_edit_is_split_by_its_findings_and_overlapping_findings_count_for_each_rule():
    original = "By Ann Lee\nThe storm hit the coast.\nShare this story\nRead more: the storm\n"
    gold = "The storm hit the coast.\nRead more: the storm\n"  # the annotator kept the link line
    cleaned = "The storm hit the coast.\n"
    edits = [
        edit(0, "By Ann Lee\n", "B301"),
        edit(25, "Share this story\nRead more: the storm\n", "B503", "B201", "B202"),
    ]
    spans = [("B301", 0, 11), ("B503", 36, 53), ("B201", 53, 74), ("B202", 53, 74)]
    page = harm.page_harm("001", original, gold, cleaned, edits, spans, WORDS)
    assert page.loss == 4
    assert sum(r.gold for r in page.removed) == 4
    rows = [r.row() for r in harm.per_rule([page])]
    assert rows == [
        ("B201", 1, 1, 4, 4, 1),
        ("B202", 1, 1, 4, 4, 1),
        ("B301", 1, 1, 3, 0, 0),
        ("B503", 1, 1, 3, 0, 0),
    ]


def test_the_copy_aligned_with_the_gold_text_is_the_gold_word_not_the_first_one_removed():
    original = "Photos: storm\nThe storm hit.\nPhotos: storm\n"
    gold = "The storm hit.\nPhotos: storm\n"  # the second copy is the one the gold keeps
    cleaned = "The storm hit.\n"
    edits = [edit(0, "Photos: storm\n", "B401"), edit(15, "Photos: storm\n", "B402")]
    spans = [("B401", 0, 14), ("B402", 29, 43)]
    page = harm.page_harm("002", original, gold, cleaned, edits, spans, WORDS)
    assert (page.loss, page.ordered) == (2, 0)
    rules = harm.per_rule([page])
    assert [r.row() for r in rules] == [("B402", 1, 1, 2, 2, 1), ("B401", 1, 1, 2, 0, 0)]
    assert harm.verdict(rules, 2) == "verdict: no rule removes gold words on more than one page of 2"


def test_a_rule_with_gold_words_on_two_pages_fails_the_bar():
    pages = [
        harm.page_harm("001", "Ad\nText.\n", "Ad\nText.\n", "Text.\n", [edit(0, "Ad\n", "B101")], [], WORDS),
        harm.page_harm("002", "Ad\nMore.\n", "Ad\nMore.\n", "More.\n", [edit(0, "Ad\n", "B101")], [], WORDS),
    ]
    rules = harm.per_rule(pages)
    assert [r.row() for r in rules] == [("B101", 2, 2, 2, 2, 2)]
    assert not any(r.spanned for p in pages for r in p.removed)  # no span: the edit's first code
    assert harm.verdict(rules, 90) == "verdict: gold words removed on more than one page of 90 by B101 (2 pages)"


def test_a_log_that_does_not_replay_is_refused():
    with pytest.raises(ValueError, match="does not replay"):
        harm.page_harm("003", "Text.\n", "Text.\n", "Text.\n", [edit(0, "Ad\n", "B101")], [], WORDS)
