"""Document structure and the white space a removal takes with it."""

from __future__ import annotations

import pickle

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cleanlint.document import Document


def remove(text: str, part: str) -> str:
    doc = Document(text)
    start = text.index(part)
    a, b = doc.removal(start, start + len(part))
    return text[:a] + text[b:]


@pytest.mark.parametrize(
    ("text", "part", "expected"),
    [
        ("A\n\nX\n\nB", "X", "A\n\nB"),  # blank-line paragraphs keep one break
        ("A\nX\n\nB", "X", "A\n\nB"),  # the paragraph break after X survives
        ("A\nX\nB", "X", "A\nB"),  # one paragraph per line
        ("X\n\nB\n", "X", "B\n"),  # at the top
        ("A\n\nX\n", "X", "A\n"),  # at the end, the final newline is kept
        ("A\n\nX", "X", "A"),  # at the end, no final newline added
        ("Top NewsWhite House", "Top News", "White House"),  # glued: only the characters
        ("the difference.Russia's forces", "the difference.", "Russia's forces"),
        ("a Foo b", "Foo", "a b"),  # no double space
        ("a b Foo", "Foo", "a b"),  # no trailing space
    ],
)
def test_removal_leaves_tidy_text(text, part, expected):
    assert remove(text, part) == expected


def test_lines_paragraphs_and_head_tail():
    doc = Document("Head\n\nOne\nTwo\n\n\nThree\n")
    assert [doc.text[r.start : r.end] for r in doc.content_lines] == ["Head", "One", "Two", "Three"]
    assert [doc.text[r.start : r.end] for r in doc.paragraphs] == ["Head", "One\nTwo", "Three"]
    assert doc.in_head(doc.text.index("One"), 2) and not doc.in_head(doc.text.index("Two"), 2)
    assert doc.in_tail(doc.text.index("Two"), 2) and not doc.in_tail(doc.text.index("One"), 2)
    assert doc.position(doc.text.index("Two")) == (4, 1)


def test_sentences_respect_abbreviations_and_initials():
    doc = Document("The U.S. said Mr. Kirby spoke. John F. Kennedy agreed! And mortar shells, and guns.\n")
    assert [doc.text[r.start : r.end] for r in doc.sentences] == [
        "The U.S. said Mr. Kirby spoke.",
        "John F. Kennedy agreed!",
        "And mortar shells, and guns.",
    ]


def test_front_matter_is_outside_the_body():
    text = "---\ntitle: See also\n---\nBody\n"
    doc = Document(text, body_start=text.index("Body"))
    assert [doc.text[r.start : r.end] for r in doc.lines] == ["Body"]


# a finding's own line or sentence, found without splitting the whole text, is the one the split gives

_PIECES = ["Mr. Smith", " said", ". ", "It rained", "! ", "\n", "\n\n", "  ", "U.S. ", "J. Doe", "?", "ok", "\t"]


@pytest.mark.slow
@settings(max_examples=200, derandomize=True)
@given(
    st.lists(st.sampled_from(_PIECES), max_size=30),
    st.booleans(),
    st.lists(st.tuples(st.integers(0, 200), st.integers(0, 30)), max_size=20),
)
def test_line_and_sentence_at_a_span_are_those_of_the_whole_split(pieces, front_matter, spans):
    text = ("---\ntitle: x\n---\n" if front_matter else "") + "".join(pieces)
    doc = Document(text, body_start=17 if front_matter else 0)
    for start, length in spans:
        start = min(start, len(text))
        end = min(start + length, len(text))
        assert doc.line_at(start, end) == doc.enclosing(doc.content_lines, start, end)
        assert doc.sentence_at(start, end) == doc.enclosing(doc.sentences, start, end)


@settings(max_examples=200, derandomize=True)
@given(
    st.lists(st.sampled_from(_PIECES), max_size=30),
    st.booleans(),
    st.integers(0, 8),
    st.lists(st.integers(0, 200), max_size=10),
)
def test_head_and_tail_read_few_lines_yet_agree_with_all_lines(pieces, front_matter, window, offsets):
    text = ("---\ntitle: x\n---\n" if front_matter else "") + "".join(pieces)
    fresh = Document(text, body_start=17 if front_matter else 0)
    split = Document(text, body_start=17 if front_matter else 0)
    lines = split.content_lines  # with every line split first, the answers come from content_lines
    for offset in offsets:
        head, tail = lines[:window], lines[-window:]
        assert fresh.in_head(offset, window) == (bool(head) and offset < head[-1].end + 1)
        assert fresh.in_tail(offset, window) == (bool(tail) and offset >= tail[0].start)
        assert split.in_head(offset, window) == fresh.in_head(offset, window)
        assert split.in_tail(offset, window) == fresh.in_tail(offset, window)


def test_a_document_sent_to_another_process_leaves_its_caches_behind():
    """Worker processes send documents back; what was worked out for the text (the literal scan's answer is
    kept under the scanner itself, which cannot be pickled) stays in the worker."""
    doc = Document("Title\n\nBody text.\n", path="a.txt", body_start=7)
    doc.memo[object()] = lambda: None  # unpicklable, like a compiled scanner
    assert doc.lines and doc.sentences
    copy = pickle.loads(pickle.dumps(doc))
    assert copy == doc and copy.memo == {} and "lines" not in copy.__dict__
    assert copy.lines == doc.lines and copy.sentences == doc.sentences
