"""A phrase rule bound to the head or tail tries its patterns only at the lines there (phrase.py); it must
find exactly what a search of the whole text, kept to the same position, finds. Texts are drawn from lines
that the patterns match, lines they nearly match, blank and white-space lines (which `\\s*` can run over),
in any order and length."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cleanlint.document import Document
from cleanlint.engine.engine import Engine
from cleanlint.kinds import phrase
from cleanlint.kinds.support.line_led import starts_a_line
from cleanlint.ruleset.loader import load_rules

LINES = [
    "By Ana Diaz",
    "  By Ana Diaz and Tom Lee  ",
    "By the way, the council met.",
    "Photo: Reuters",
    "Photo: the river at dawn, as the mayor saw it.",
    "Share this:",
    "",
    "   ",
    "\t",
    "The council voted on Tuesday to close the depot after a long debate.",
    "Updated 3 hours ago",
    "Filed under: Politics",
]

RULE = """\
rules:
  - code: X701
    name: edge-labels
    kind: phrase
    category: boilerplate
    summary: labels at the edges
    why: a test
    message: label
    fix: {{action: remove, safety: safe}}
    scope: line
    position: {position}
    window: {window}
    max_words: 12
    patterns:
      - '^\\s*By\\s+\\p{{Lu}}\\p{{L}}+(?:\\s+(?:and\\s+)?\\p{{Lu}}\\p{{L}}+)*\\s*$'
      - '^(?:Photo|Updated)[: ][^\\n]{{1,30}}$'
      - '^Share this:(?=\\s*\\n\\s*\\S)'
      # white space first: it matches from a blank line above, never at its own line's start
      - '^\\s+Filed under: [^\\n]{{1,30}}$'
"""


def engine(tmp_path: Path, position: str, window: int) -> Engine:
    path = tmp_path / f"{position}-{window}.yaml"
    path.write_text(textwrap.dedent(RULE.format(position=position, window=window)), encoding="utf-8")
    return Engine(load_rules([path]))


def spans(found) -> list[tuple[int, int, str | None]]:
    return [(f.start, f.end, f.fix.held if f.fix else None) for f in found]


def test_a_pattern_starts_a_line_when_its_caret_binds_all_of_it():
    assert all(starts_a_line(p) for p in ("^By", r"^\s*By", "^(?:A|B)", r"^(?<!x)By"))
    assert not any(starts_a_line(p) for p in ("^A|B", "By", r"^A\KB", "^*"))


@pytest.mark.slow
@settings(max_examples=150, derandomize=True)
@given(
    lines=st.lists(st.sampled_from(LINES), min_size=0, max_size=30),
    position=st.sampled_from(["head", "tail", "edge"]),
    window=st.integers(min_value=1, max_value=6),
    final_newline=st.booleans(),
)
def test_trying_the_edge_lines_finds_what_searching_the_text_finds(
    tmp_path_factory, monkeypatch_module, lines, position, window, final_newline
):
    text = "\n".join(lines) + ("\n" if final_newline else "")
    tmp = tmp_path_factory.mktemp("rules")
    at_edges = engine(tmp, position, window).check(Document(text))
    with monkeypatch_module.context() as patch:
        patch.setattr(phrase, "starts_a_line", lambda _pattern: False)  # search the whole text instead
        whole = engine(tmp, position, window).check(Document(text))
    assert spans(at_edges) == spans(whole)


@pytest.fixture(scope="module")
def monkeypatch_module():
    with pytest.MonkeyPatch.context() as patch:
        yield patch
