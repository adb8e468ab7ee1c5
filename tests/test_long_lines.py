"""One enormous line (a dump, a blob, a whole corpus without line breaks) costs memory and time in proportion
to its length, never more: each kind that reads a line word by word or seam by seam is bounded.

Memory is measured with tracemalloc, which counts what Python allocates whatever the machine, so the bounds
hold without timing anything.
"""

from __future__ import annotations

import base64
import random
import tracemalloc

import pytest

from cleanlint.document import Document
from cleanlint.engine import Engine, Selection
from cleanlint.kinds import glue

from .conftest import DEFAULT_RULES

GERMAN = "Der Rat hat am Dienstag den Haushalt beschlossen und die Stadt ist froh, sagte er heute.\n"


def peak_bytes(code: str, doc: Document) -> tuple[int, int]:
    """The most memory the default rule `code` held at once while checking `doc`, and its findings."""
    engine = Engine(DEFAULT_RULES, Selection(select=(code,)))
    engine.check(Document(GERMAN * 3, metadata={"language": "en"}))  # langdetect's profiles load outside
    tracemalloc.start()
    try:
        found = engine.check(doc)
        return tracemalloc.get_traced_memory()[1], len(found)
    finally:
        tracemalloc.stop()


def test_the_language_check_of_one_long_line_takes_memory_of_the_order_of_its_length():
    """Reading a 2 MB line word by word took over 20 bytes for each character (over a gigabyte for a 48 MB
    file); the line is longer than `max_length`, so it is neither judged nor split into words."""
    for text, metadata in (("word " * 400_000, {}), (GERMAN.strip() * 22_000, {"language": "en"})):
        peak, found = peak_bytes("L101", Document(text, metadata=metadata))
        assert peak < 5 * len(text) and found == 0


def test_paragraphs_up_to_the_limit_are_still_judged():
    lines = GERMAN * 3
    assert peak_bytes("L101", Document(lines, metadata={"language": "en"}))[1] == 3


def flagged(code: str, text: str) -> list[str]:
    engine = Engine(DEFAULT_RULES, Selection(select=(code,)))
    return [text[f.start : f.end] for f in engine.check(Document(text))]


def test_a_run_without_spaces_over_max_run_characters_is_not_glue():
    glued = "Get license rightsOpens a new tab\n"
    assert flagged("A202", glued) == ["rightsOpens"]
    blob = "x" * 190 + "rightsOpens"  # 201 characters without a space: over MAX_RUN (200)
    assert flagged("A202", f"Get license {blob} a new tab\n") == []
    assert flagged("A202", f"Get license {blob[1:]} a new tab\n") == [blob[1:]]  # 200: still read


def test_each_run_of_a_long_blob_is_read_once_not_once_per_seam(monkeypatch: pytest.MonkeyPatch):
    """Base64 of a few megabytes on one line has a seam every few characters: reading the whole run again
    for each seam took minutes for 5 MB. Each join now reads a run once, at its first seam."""
    reads = []

    class Counting:
        def match(self, text: str, pos: int = 0, endpos: int | None = None):
            reads.append(pos)
            return real.match(text, pos, len(text) if endpos is None else endpos)

    real = glue._RUN_AFTER
    monkeypatch.setattr(glue, "_RUN_AFTER", Counting())
    blob = base64.b64encode(random.Random(1).randbytes(15_000)).decode()  # 20,000 characters, no space
    assert flagged("A201", f"A blob {blob} ends here.\n") == [] and flagged("A202", f"Then {blob}.\n") == []
    assert len(reads) <= 6  # once per join (A201: sentence; A202: case, digit), for each of the two checks
