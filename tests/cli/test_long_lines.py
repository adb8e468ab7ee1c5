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
from cleanlint.engine.engine import Engine, Selection
from cleanlint.kinds import encoding, glue

from ..conftest import DEFAULT_RULES

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


@pytest.mark.slow
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


class Counting:
    """A compiled pattern that records how much text each call is given to read (from `pos` to `endpos`)."""

    def __init__(self, pattern):
        self.pattern, self.calls, self.read = pattern, 0, 0

    def _record(self, text: str, pos: int, endpos: int | None) -> None:
        self.calls += 1
        self.read += (len(text) if endpos is None else endpos) - pos

    def search(self, text: str, pos: int = 0, endpos: int | None = None):
        self._record(text, pos, endpos)
        return self.pattern.search(text, pos, len(text) if endpos is None else endpos)

    def finditer(self, text: str, pos: int = 0, endpos: int | None = None):
        self._record(text, pos, endpos)
        return self.pattern.finditer(text, pos, len(text) if endpos is None else endpos)

    def match(self, text: str, pos: int = 0, endpos: int | None = None):
        return self.pattern.match(text, pos, len(text) if endpos is None else endpos)

    def fullmatch(self, text: str, pos: int = 0, endpos: int | None = None):
        return self.pattern.fullmatch(text, pos, len(text) if endpos is None else endpos)


SENTENCES = "The council met. And the mayor spoke, and left. " * 200  # one line of 400 sentences


@pytest.fixture
def counted(monkeypatch: pytest.MonkeyPatch) -> list[Counting]:
    """The sentence patterns of document.py, counting: [where a sentence may end, the word before it, ...]."""
    from cleanlint import document

    patterns = [Counting(p) for p in document._sentence_patterns()]
    monkeypatch.setattr(document, "_sentence_patterns", lambda: tuple(patterns))
    return patterns


def test_the_word_before_each_full_stop_is_read_back_to_its_space_not_to_the_start_of_the_line(counted):
    """The word before a stop was searched for in the whole line up to the stop: on one line of n
    sentences, n searches of up to the whole line (all of 2 MB for a 5 MB line)."""
    sentence_ends, last_word = counted[0], counted[1]
    assert len(Document(SENTENCES).sentences) == 400
    assert sentence_ends.calls == 1 and last_word.calls == 399
    assert last_word.read < 10 * last_word.calls  # a word, not the line before it


def test_a_line_is_split_into_sentences_once_however_many_spans_ask(counted):
    doc = Document(SENTENCES)
    starts = [i for i in range(len(SENTENCES)) if SENTENCES.startswith("And", i)]
    assert all(doc.sentence_at(i, i + 3) is not None for i in starts) and len(starts) == 200
    assert counted[0].calls == 1  # the line's sentence ends were found once, not once for each span


def test_the_line_at_a_span_is_found_without_copying_the_line():
    doc = Document(SENTENCES * 100)  # one line of a megabyte
    doc.line_starts  # noqa: B018 - worked out once for the text, as any check does
    tracemalloc.start()
    try:
        lines = {doc.line_at(i, i + 3) for i in range(0, len(doc.text), 10_000)}  # 96 spans
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert lines == {doc.lines[0]} and peak < len(doc.text) / 100


def applied(text: str, spans: list[tuple[int, int, str]]) -> str:
    for start, end, repair in reversed(spans):
        text = text[:start] + repair + text[end:]
    return text


def test_a_long_line_of_mojibake_is_compared_spot_by_spot(monkeypatch: pytest.MonkeyPatch):
    """difflib's time grows up to the cube of the length it compares: a whole article of mojibake on one
    line (20,000 characters) took many minutes when the line was compared whole."""
    import difflib

    import ftfy

    compared: list[int] = []
    real = difflib.SequenceMatcher

    def counting(junk, a, b, autojunk=True):
        compared.append(len(a) + len(b))
        return real(junk, a, b, autojunk=autojunk)

    monkeypatch.setattr(difflib, "SequenceMatcher", counting)
    clean = "The café owner’s ‘best’ résumé, déjà vu in Zürich. " * 40  # 2,000 characters, one line
    garbled = clean.encode("utf-8").decode("cp1252")
    config = ftfy.TextFixerConfig(replace_lossy_sequences=False, explain=False)
    assert ftfy.fix_encoding(garbled, config) == clean
    spans = encoding._changed_spans(garbled, clean)
    assert applied(garbled, spans) == clean and len(spans) == 6 * 40  # one finding for each garbled spot
    assert max(compared) <= 200  # encoding._REFINE: letter by letter only spot by spot, never the whole line


def test_where_ftfy_takes_a_space_the_repair_still_lines_up():
    """"â€ " is read as the bytes of "†", its space standing for a lost no-break space byte."""
    old, new = "A dagger â€ here, and cafÃ© there.", "A dagger †here, and café there."
    spans = encoding._changed_spans(old, new)
    assert applied(old, spans) == new and [old[s:e] for s, e, _ in spans] == ["â€ ", "Ã©"]
