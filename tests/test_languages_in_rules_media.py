"""The boilerplate rules of some packs document their furniture in the corpus's languages, not in English alone.

A page in German, French, Spanish, Portuguese, Italian, Dutch or Polish prints its bylines, credits, photo
lines and blog furniture in its own words, and real reporting in that language uses the same words in
sentences. So every boilerplate rule of the packs below shows, in its examples, at least five languages
besides English, each with an example it removes and an example of reporting it leaves alone.

An example names its languages at the start of its note ("de: ...", "fr, es: ..."). The declaration is
checked: in an example of reporting (one the rule leaves alone) each declared language must be the one
langdetect, seeded, finds in at least one of its lines, so a note cannot claim a language its text is not in.
Furniture lines are too short for langdetect to judge, so a positive example is taken at its note's word.
"""

from __future__ import annotations

import re

import pytest

from cleanlint.defaults import default_rules_dir
from cleanlint.loader import load_rules
from cleanlint.model import Category
from cleanlint.rule import Example, Rule

# the packs held to this; widen the list as other packs gain their languages
RULE_FILES_WITH_LANGUAGES = ("credits.yaml", "photos.yaml", "cms.yaml")
MIN_LANGUAGES = 5  # besides English
LANGUAGES = ("de", "fr", "es", "pt", "it", "nl", "pl")
_DECLARED = re.compile(r"^((?:[a-z]{2})(?:\s*,\s*[a-z]{2})*)\s*:\s")
_MIN_WORDS = 6  # shorter lines are too short for langdetect to judge


def _rules() -> list[Rule]:
    rules = load_rules([default_rules_dir() / name for name in RULE_FILES_WITH_LANGUAGES])
    return [r for r in rules if r.category is Category.BOILERPLATE]


def declared_languages(example: Example) -> tuple[str, ...]:
    """The languages an example's note names at its start ("de, fr: ..."), or none."""
    match = _DECLARED.match(example.note or "")
    return tuple(code.strip() for code in match.group(1).split(",")) if match else ()


def removes_something(example: Example) -> bool:
    if example.findings:
        return True
    return example.output is not None and example.output != example.input


def leaves_all(example: Example) -> bool:
    if example.findings is not None:
        return not example.findings
    return example.output == example.input


def coverage(rule: Rule) -> tuple[set[str], set[str]]:
    """The languages (besides English) of the rule's positive examples, and of its negative ones."""
    positive: set[str] = set()
    negative: set[str] = set()
    for example in rule.examples:
        languages = set(declared_languages(example)) - {"en"}
        if removes_something(example):
            positive |= languages
        if leaves_all(example):
            negative |= languages
    return positive, negative


def detected_languages(text: str) -> set[str]:
    """The languages langdetect finds in the lines of `text` long enough to judge."""
    from langdetect import DetectorFactory, detect
    from langdetect.lang_detect_exception import LangDetectException

    DetectorFactory.seed = 0
    found = set()
    for line in text.splitlines():
        words = re.findall(r"[^\W\d_]+", line)
        if len(words) < _MIN_WORDS:
            continue
        try:
            found.add(detect(" ".join(words)))
        except LangDetectException:
            continue
    return found


RULES = _rules()


def _listed(languages: set[str]) -> str:
    return ", ".join(sorted(languages)) or "none"


def test_the_packs_have_boilerplate_rules():
    assert len(RULES) >= 20


def test_every_rule_shows_five_languages_besides_english_both_ways():
    short = {}
    for rule in RULES:
        positive, negative = coverage(rule)
        both = positive & negative
        if len(both) < MIN_LANGUAGES:
            short[f"{rule.code} {rule.name}"] = (
                f"{len(both)} languages with both ({_listed(both)}); "
                f"removed in {_listed(positive)}; left alone in {_listed(negative)}"
            )
    assert not short, "rules short of examples in the corpus's languages:\n" + "\n".join(
        f"  {name}: {why}" for name, why in short.items()
    )


NEGATIVES = [
    (rule, i, example)
    for rule in RULES
    for i, example in enumerate(rule.examples)
    if leaves_all(example) and set(declared_languages(example)) - {"en"}
]


@pytest.mark.parametrize(("rule", "index", "example"), NEGATIVES, ids=[f"{r.code}-{i + 1}" for r, i, _ in NEGATIVES])
def test_a_negative_example_is_in_the_languages_its_note_names(rule, index, example):
    declared = set(declared_languages(example)) - {"en"}
    assert declared <= set(LANGUAGES), f"unknown language code in the note: {sorted(declared - set(LANGUAGES))}"
    missing = declared - detected_languages(example.input)
    assert not missing, (
        f"{rule.code} example {index + 1}: its note names {sorted(declared)}, but no line of it long enough to "
        f"judge reads as {sorted(missing)} (found {sorted(detected_languages(example.input))})"
    )


def test_the_note_convention_is_read():
    example = Example(input="x", note="de, fr: a byline", findings=("x",))
    assert declared_languages(example) == ("de", "fr")
    assert declared_languages(Example(input="x", note="a byline")) == ()
    assert removes_something(example) and not leaves_all(example)
