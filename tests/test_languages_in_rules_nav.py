"""Boilerplate rules know the corpus's languages: each rule's examples show its forms in at least five
languages besides English, and leave alone reporting in each of them that uses the same trigger words.

An example says which languages it is written in by the start of its note, as ISO 639-1 codes before a
colon ("de: ...", "fr, es: ..."); a note without them is English. Labels such as "Anzeige" or
"PUBLICIDAD" are too short for a language detector to judge one by one, so the note is what counts, and
langdetect (seeded, so every run agrees) checks that the notes are not wrong: for each rule, each
language it claims among its flagged examples, and each it claims among its negatives, must be what
langdetect finds on some line of those examples.

The rule files this covers are listed in NAV_APPEALS_RULE_FILES; adding a file to the list holds its
boilerplate rules to the same standard.
"""

from __future__ import annotations

from collections import defaultdict

import pytest
import regex

from cleanlint.model import Category
from cleanlint.rule import Example, Rule

from .conftest import DEFAULT_RULES

NAV_APPEALS_RULE_FILES = ("navigation.yaml", "appeals.yaml")
MIN_LANGUAGES = 5  # besides English
# rules of these files that are still English-first, each with the reason
NOT_YET: dict[str, str] = {
    "B102": "a section label glued to the headline: its labels are English menus' (Top News, World News)",
}

_TAGS = regex.compile(r"^\s*([a-z]{2}(?:\s*,\s*[a-z]{2})*)\s*:")
_WORD = regex.compile(r"\p{L}+")
MIN_LINE_WORDS = 3  # shorter lines (labels, buttons) are not given to the detector
MIN_PROBABILITY = 0.2


def languages(example: Example) -> tuple[str, ...]:
    """The languages an example's note names at its start; English when it names none."""
    m = _TAGS.match(example.note or "")
    return tuple(code.strip() for code in m.group(1).split(",")) if m else ("en",)


def _rule_file(rule: Rule) -> str:
    return rule.origin.split(":")[0].replace("\\", "/").rsplit("/", 1)[-1]


COVERED = [
    r
    for r in DEFAULT_RULES
    if _rule_file(r) in NAV_APPEALS_RULE_FILES and r.category is Category.BOILERPLATE and r.code not in NOT_YET
]


def _by_language(rule: Rule) -> tuple[dict[str, list[Example]], dict[str, list[Example]]]:
    flagged: dict[str, list[Example]] = defaultdict(list)
    left: dict[str, list[Example]] = defaultdict(list)
    for ex in rule.examples:
        if ex.findings is None:
            continue
        for lang in languages(ex):
            (flagged if ex.findings else left)[lang].append(ex)
    return flagged, left


def _short_of(rule: Rule) -> str | None:
    flagged, left = _by_language(rule)
    both = sorted((set(flagged) & set(left)) - {"en"})
    if len(both) >= MIN_LANGUAGES:
        return None
    only = sorted((set(flagged) ^ set(left)) - {"en"})
    listed = ", ".join(both) or "none"
    return f"{rule.code} {rule.name}: {len(both)} ({listed}); one side only: {', '.join(only) or 'none'}"


def test_the_files_are_covered():
    files = {_rule_file(r) for r in COVERED}
    assert files == set(NAV_APPEALS_RULE_FILES), f"no boilerplate rule found in {set(NAV_APPEALS_RULE_FILES) - files}"
    assert all(code in {r.code for r in DEFAULT_RULES} for code in NOT_YET), "NOT_YET names a rule that is gone"


def test_every_rule_has_examples_both_ways_in_five_languages_besides_english():
    short = [reason for rule in COVERED if (reason := _short_of(rule)) is not None]
    assert not short, (
        f"boilerplate rules need flagged and left-alone examples in at least {MIN_LANGUAGES} languages besides "
        "English (languages with both):\n" + "\n".join(short)
    )


def test_examples_of_the_covered_rules_have_notes():
    missing = [f"{r.code} example {i + 1}" for r in COVERED for i, ex in enumerate(r.examples) if not ex.note]
    assert not missing, "every example says what it shows in a note: " + ", ".join(missing)


def _detected(examples: list[Example]) -> set[str]:
    from langdetect import DetectorFactory, detect_langs
    from langdetect.lang_detect_exception import LangDetectException

    DetectorFactory.seed = 0
    found: set[str] = set()
    for ex in examples:
        for line in ex.input.splitlines():
            if len(_WORD.findall(line)) < MIN_LINE_WORDS:
                continue
            try:
                found |= {guess.lang for guess in detect_langs(line) if guess.prob >= MIN_PROBABILITY}
            except LangDetectException:  # a line of figures or symbols
                continue
    return found


@pytest.mark.parametrize("rule", COVERED, ids=lambda r: r.code)
def test_the_notes_name_the_languages_the_examples_are_in(rule):
    flagged, left = _by_language(rule)
    wrong = []
    for side, groups in (("flagged", flagged), ("left alone", left)):
        for lang, examples in groups.items():
            if lang != "en" and lang not in _detected(examples):
                wrong.append(f"{side} examples noted {lang!r}: no line of them reads as {lang}")
    assert not wrong, f"{rule.code} {rule.name}: " + "; ".join(wrong)
