"""Line-led searches find what the `^` pattern finds, and gated alternations what the whole alternation
finds, at every start and end a kind may search between."""

from __future__ import annotations

import subprocess
import sys

import pytest
import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from cleanlint.kinds.support.gated import AnyOf
from cleanlint.kinds.support.line_led import LineLed, line_led_rest
from cleanlint.kinds.support.patterns import FLAGS, TimedPattern

LINE_PATTERNS = [
    r"^(?:Read more|Related)(?::\s*\S.*)?$",
    r"^\d+\s*/\s*\d+$",
    r"^[^\n]{0,3}",  # can match the empty string
    r"^(?:By|BY)\s+\p{Lu}\w*(?=\n|$)",
    r"^(a)\1*$",  # a back-reference keeps its group number
    r"^\bx\b|",  # not rewritten: a top-level branch
    r"^(?:x|^y)z",  # a ^ inside still means a line start
    r"^Photo: [^\n]*\n+Credit",  # runs over a line break
]


@pytest.mark.parametrize(
    ("pattern", "rest"),
    [
        (r"^(?:Read more|Related)$", "(?:Read more|Related)$"),
        (r"^[|a]b", "[|a]b"),  # a bar in a class is not a branch
        (r"^\|a", r"\|a"),
        (r"^[]|]x", "[]|]x"),
        (r"^a|b", None),  # ^ binds to the first branch only
        (r"^(?<=\n)a", None),  # a look-behind would see the newline put in front
        (r"^(?i)a", None),  # a global flag must stay first
        (r"^a\Kb", None),  # \K moves the match's start
        (r"^(a", None),
        (r"a^", None),
        (r"^", None),
    ],
)
def test_which_patterns_are_line_led(pattern, rest):
    assert line_led_rest(pattern) == rest


def spans(matches) -> list[tuple[int, int, str]]:
    return [(m.start(), m.end(), m.group()) for m in matches]


texts = st.lists(
    st.sampled_from(
        [
            "Read more",
            "Related: x",
            "Related",
            "By Ann",
            "by ann",
            "12 / 3",
            "a",
            "aa",
            "x",
            "yz",
            "xz",
            "Photo: p",
            "Credit",
            "",
            " ",
            "text",
        ]
    ),
    max_size=8,
).map("\n".join)


@pytest.mark.slow
@settings(max_examples=300, derandomize=True)
@given(st.sampled_from(LINE_PATTERNS), texts, st.data())
def test_line_led_search_equals_the_pattern(pattern, text, data):
    rest = line_led_rest(pattern)
    if rest is None:
        return  # searched as written
    for flags in (FLAGS, FLAGS | regex.IGNORECASE):
        plain, led = TimedPattern(pattern, flags), LineLed(rest, flags)
        pos = data.draw(st.integers(0, len(text)))
        endpos = data.draw(st.one_of(st.none(), st.integers(pos, len(text))))
        for method in ("search", "match", "fullmatch"):
            want, got = getattr(plain, method)(text, pos, endpos), getattr(led, method)(text, pos, endpos)
            assert spans([want] if want else []) == spans([got] if got else []), (method, pos, endpos)
        stepped = []  # finditer's steps, with empty matches stepped over as LineLed does
        at = pos
        while at <= (len(text) if endpos is None else endpos) and (m := plain.search(text, at, endpos)) is not None:
            stepped.append(m)
            at = m.end() if m.end() > m.start() else m.end() + 1
        assert spans(led.finditer(text, pos, endpos)) == spans(stepped)


ALTERNATIVES = [r"Read more", r"Read", r"^Related", r"\d+", r"more\b", r"^(?:By|Read)\b"]


@pytest.mark.slow
@settings(max_examples=200, derandomize=True)
@given(st.lists(st.sampled_from(ALTERNATIVES), min_size=2, max_size=5, unique=True), texts, st.data())
def test_any_of_finds_what_the_alternation_finds(chosen, text, data):
    whole = TimedPattern("|".join(f"(?:{p})" for p in chosen), FLAGS)
    parts = AnyOf([LineLed(rest, FLAGS) if (rest := line_led_rest(p)) else TimedPattern(p, FLAGS) for p in chosen])
    pos = data.draw(st.integers(0, len(text)))
    endpos = data.draw(st.one_of(st.none(), st.integers(pos, len(text))))
    for method in ("search", "match", "fullmatch"):
        want, got = getattr(whole, method)(text, pos, endpos), getattr(parts, method)(text, pos, endpos)
        assert spans([want] if want else []) == spans([got] if got else []), method
    assert spans(parts.finditer(text, pos, endpos)) == spans(whole.finditer(text, pos, endpos))
    # searching on from each match's end, as the kinds' loops do, reuses what lies ahead
    at, found = pos, []
    while at <= len(text) and (m := parts.search(text, at)) is not None:
        found.append(m)
        at = max(m.end(), m.start() + 1)
    assert spans(found) == spans(whole.finditer(text, pos))  # no alternative here matches the empty string


EMPTY_MATCHING_RULES = """\
rules:
  - code: X101
    name: maybe-foo
    kind: phrase
    summary: A pattern that also matches the empty string
    why: A rule author's slip that must not stop a run
    message: maybe foo
    category: boilerplate
    patterns: ['(?:foo)?', '^(?:Bar)?']
  - code: X102
    name: maybe-block
    kind: block
    summary: A block whose start also matches the empty string
    why: A rule author's slip that must not stop a run
    message: maybe block
    category: boilerplate
    start: ['(?:More)?$']
    until_end: true
"""


@pytest.mark.slow
def test_patterns_that_match_the_empty_string_end_their_search_loops(tmp_path):
    """The regex module starts a search asked to begin past the end at the end: a loop that steps past an
    empty match there would find it again for ever."""
    (tmp_path / "rules.yaml").write_text(EMPTY_MATCHING_RULES, encoding="utf-8")
    (tmp_path / "a.txt").write_text("Some text.\nfoo bar\nBar\n\nMore", encoding="utf-8")
    command = [sys.executable, "-m", "cleanlint", "check", "--no-cache", "--no-default-rules"]
    proc = subprocess.run(
        [*command, "--rules", str(tmp_path / "rules.yaml"), str(tmp_path / "a.txt")],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert proc.returncode == 1, proc.stderr
    assert "a.txt:2:1: X101" in proc.stdout
