"""What a pattern's match can start with: the answer may admit too much, never too little."""

from __future__ import annotations

import pytest
import regex
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cleanlint.document import Document
from cleanlint.kinds.support.line_led import starts_a_line
from cleanlint.kinds.support.patterns import FLAGS
from cleanlint.scan.first_chars import first_chars

from ..conftest import DEFAULT_RULES, ROOT, SEEDS

BENCH = ROOT.parent / "shared" / "bench" / "aeb-dev"


@pytest.mark.parametrize(
    ("pattern", "admitted", "refused"),
    [
        (r"^\d{4}-\d{2}", "2٣", "J -\n"),  # any decimal digit, the Arabic-Indic three too
        (r"^(?:Jan|Feb)[a-z]* \d", "jJfF", "mx1"),
        (r"^\s*(?:By|BY)\s+\p{Lu}", " \t\nbB", "xj1"),  # a match may start on the blank line above
        (r"^(?<!\bBorn:\n)(?:(?:Mon|Tue),?\s+)?\d{1,2}\s", "mMtT7", "wJ-"),  # an optional part, then the rest
        (r"^(?!(?:Die|A)\b)\p{Lu}[\p{L}.'’-]+\s+is\b", "AÉdz", "1(- "),  # a look-ahead restricts nothing
        (r"^[«‹<]?\s*(?:Next|Prev)\b", "«‹< \nnNpP", "x>"),
        (r"^(?i:updated)|^(?:Posted|Publié)", "uUpP", "x"),
        (r"^\(?(?:Mit Material|Reporting)", "(mMrR", "x"),
        (r"^[-+−]?[\d.,:/%]+$", "-+−.,:/%9", "a "),
        (r"^ß", "ßsSẞ", "t"),  # compared case-folded: "ß" is "ss"
        (r"^I", "iIı", "j"),  # the dotless ı is read as i
    ],
)
def test_what_a_match_can_start_with(pattern, admitted, refused):
    found = first_chars(pattern)
    assert found is not None
    assert all(found.admits(c) for c in admitted), [c for c in admitted if not found.admits(c)]
    assert not any(found.admits(c) for c in refused), [c for c in refused if found.admits(c)]


@pytest.mark.parametrize("pattern", [r"^$", r"^\s*$", r"^(?:Foo)?", r".+", r"^[^x]", r"^\w+", r"^(\w)\1"])
def test_a_pattern_that_may_start_anywhere_admits_every_character(pattern):
    found = first_chars(pattern)
    assert found is not None and all(found.admits(c) for c in "a1 \n.é")


@pytest.mark.parametrize(
    "pattern", [r"(?x) ^ foo", r"(?(1)a|b)", r"(?:reply){e<=1}", r"\L<words>", r"[[:alpha:]]x", r"(?R)", r"a)"]
)
def test_patterns_beyond_the_reader_give_no_answer(pattern):
    assert first_chars(pattern) is None


TEMPLATES = [
    r"\d{4}-\d{2}-\d{2}",
    r"(?:Jan|Feb|Mar)[a-z]* \d{1,2},? \d{4}",
    r"\s*(?:By|BY)\s+[A-Z][a-z]+",
    r"[«‹<]?\s*(?:Next|Prev(?:ious)?) (?:post|story)",
    r"(?:\d+\s+)?(?:Comments?|Replies)(?: \(\d+\))?",
    r"[-+]?[\d.,:/%]+(?:[ \t]+[\d.,:/%]+){0,3}",
    r"(?:(?:Mon|Tue)[a-z]*,? )?\d{1,2} (?:Jan|Feb)[a-z]*",
    r"\(?(?:Mit Material|Reporting|Editing) (?:von|by) [A-Z][a-z]+\)?",
]


@pytest.mark.slow
@settings(max_examples=300, derandomize=True, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_every_match_starts_with_an_admitted_character(data):
    template = data.draw(st.sampled_from(TEMPLATES))
    text = data.draw(st.from_regex(template, fullmatch=True))
    found = first_chars(template)
    assert found is not None and found.admits(text[:1]), (template, text)
    swapped = text.swapcase()  # what the pattern matches when it ignores case
    if regex.fullmatch(template, swapped, regex.IGNORECASE):
        assert found.admits(swapped[:1]), (template, swapped)


@pytest.mark.slow
def test_the_line_led_patterns_of_the_default_rules_admit_every_line_they_match():
    """On every line of the seed articles and the bench texts (where they are beside the project), each
    line-led pattern of the default rules: where it matches, its answer admits the line's first character."""
    paths = [*sorted(SEEDS.glob("*.txt")), *sorted(BENCH.glob("*.article.txt"))]
    texts = [Document(p.read_text(encoding="utf-8")).text for p in paths]
    checked = 0
    for rule in DEFAULT_RULES:
        flags = FLAGS | (regex.IGNORECASE if getattr(rule.options, "ignore_case", False) else 0)
        for source in [*getattr(rule.options, "patterns", ()), *getattr(rule.options, "start", ())]:
            found = first_chars(source)
            if found is None or not starts_a_line(source):
                continue
            pattern = regex.compile(source, flags)
            for text in texts:
                starts = [0, *(i + 1 for i, c in enumerate(text) if c == "\n")]
                for at in starts:
                    if pattern.match(text, at) is not None:
                        checked += 1
                        assert found.admits(text[at : at + 1]), (rule.code, source[:60], text[at : at + 40])
    assert checked > 40
