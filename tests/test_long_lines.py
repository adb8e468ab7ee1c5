"""One enormous line (a dump, a blob, a whole corpus without line breaks) costs memory and time in proportion
to its length, never more: each kind that reads a line word by word or seam by seam is bounded.

Memory is measured with tracemalloc, which counts what Python allocates whatever the machine, so the bounds
hold without timing anything.
"""

from __future__ import annotations

import tracemalloc

from cleanlint.document import Document
from cleanlint.engine import Engine, Selection

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
