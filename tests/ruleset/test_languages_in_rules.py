"""The boilerplate rules of the listed packs show their forms in the corpus's languages, not only English.

The corpus is mostly German, then Spanish, French, Polish and English; sites in those languages print their
furniture in their own words ("Lesen Sie auch:", "VEA TAMBIÉN:", "Teilen mit:", "Keine Kommentare"), and a
rule that knows only the English forms leaves it all behind. A rule's examples are its documentation and its
tests, so each rule must show, in at least `MIN_LANGUAGES` languages besides English, text it removes and
reporting in that language that uses the same words and that it must leave alone.

An example names its languages at the start of its note ("de, fr: ..."). In an example of reporting (one
the rule leaves alone) the note is checked against the input: langdetect (seeded, so every run agrees) must
find each named language on a line of the example, so a note cannot claim a language its example is not
written in. Furniture lines are too short for langdetect, so an example the rule removes is taken at its
note's word.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import regex

from cleanlint.model import Category
from cleanlint.rule import Example, Rule

from ..conftest import DEFAULT_RULES

# every pack of boilerplate rules
PACKS = (
    "navigation.yaml",
    "related.yaml",
    "credits.yaml",
    "photos.yaml",
    "widgets.yaml",
    "comments.yaml",
    "appeals.yaml",
    "cms.yaml",
)
MIN_LANGUAGES = 5
# langdetect's codes for the languages an example may name
KNOWN = frozenset({"de", "fr", "es", "pt", "it", "nl", "pl", "en", "ru", "ja", "sv", "da", "cs"})

_NAMED = regex.compile(r"^([a-z]{2}(?:,\s*[a-z]{2})*):\s")
_WORD = regex.compile(r"\p{L}+")
MIN_WORDS = 4  # shorter lines (a label, a name, "Teilen") are not judged alone: langdetect guesses on them
LIKELY = 0.1


def _rules() -> list[Rule]:
    return [
        r
        for r in DEFAULT_RULES
        if r.category is Category.BOILERPLATE and Path(r.origin.split(":")[0]).name in PACKS
    ]


def named_languages(example: Example) -> frozenset[str]:
    """The languages an example's note names before its colon ("de, fr: ..."); none if it names none."""
    m = _NAMED.match(example.note)
    return frozenset(code.strip() for code in m.group(1).split(",")) if m else frozenset()


def detected_languages(text: str) -> frozenset[str]:
    """The languages langdetect (seeded, for a stable answer) finds likely on each line of at least MIN_WORDS
    words, and in the shorter lines of each block read together (a table's cells, a list's items): every
    language it gives a chance of at least LIKELY, since Dutch reads as Afrikaans and short Italian as
    Catalan too."""
    from langdetect import DetectorFactory, detect_langs
    from langdetect.lang_detect_exception import LangDetectException

    DetectorFactory.seed = 0
    chunks = [line for line in text.splitlines() if len(_WORD.findall(line)) >= MIN_WORDS]
    for block in text.split("\n\n"):  # the short lines of each block, read together
        short = " ".join(line for line in block.splitlines() if len(_WORD.findall(line)) < MIN_WORDS)
        if len(_WORD.findall(short)) >= MIN_WORDS:
            chunks.append(short)
    found = set()
    for chunk in chunks:
        try:
            found.update(guess.lang for guess in detect_langs(chunk) if guess.prob >= LIKELY)
        except LangDetectException:
            continue
    return frozenset(found)


def flags(example: Example) -> bool:
    return bool(example.findings) or (example.output is not None and example.output != example.input)


def leaves_alone(example: Example) -> bool:
    return example.findings == () or (example.findings is None and example.output == example.input)


def languages(rule: Rule, keep) -> set[str]:
    return {lang for ex in rule.examples if keep(ex) for lang in named_languages(ex)} - {"en"}


RULES = _rules()


def test_the_packs_have_boilerplate_rules():
    found = {Path(r.origin.split(":")[0]).name for r in RULES}
    assert found == set(PACKS)


def test_every_rule_shows_five_languages_besides_english_both_ways():
    """In each of five languages besides English, the rule has an example it removes and one of reporting
    it leaves alone: a language with only one of the two is half documented, and half tested."""
    short = {}
    for r in RULES:
        removed, kept = languages(r, flags), languages(r, leaves_alone)
        if len(removed & kept) < MIN_LANGUAGES:
            short[r.code] = f"removes in {sorted(removed)}, leaves alone in {sorted(kept)}"
    assert not short, (
        f"rules without examples both ways in {MIN_LANGUAGES} languages besides English (languages named at "
        f"the start of an example's note, 'de, fr: ...'): {short}"
    )


@pytest.mark.slow
@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.code)
def test_the_languages_a_note_names_are_the_examples(rule):
    wrong = []
    for i, ex in enumerate(rule.examples, 1):
        named = named_languages(ex)
        if named - KNOWN:
            wrong.append(f"example {i}: unknown language code {sorted(named - KNOWN)}")
        if not leaves_alone(ex):
            continue  # furniture lines are too short for langdetect: an example it removes is taken at its note
        missing = named - detected_languages(ex.input)
        if missing:
            wrong.append(f"example {i}: names {sorted(missing)}, which no line of its input is written in")
    assert not wrong, f"{rule.code} {rule.name}: " + "; ".join(wrong)


def test_a_note_names_its_languages_before_a_colon():
    ex = Example(input="x", note="de, fr: labels of German and French sites")
    assert named_languages(ex) == {"de", "fr"}
    assert named_languages(Example(input="x", note="reporting about comments")) == frozenset()
    assert detected_languages("Der Stadtrat hat am Mittwoch den Haushalt beschlossen.\nTeilen") == {"de"}
