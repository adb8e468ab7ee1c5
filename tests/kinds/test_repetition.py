"""Repeated paragraphs (A502) beyond the rule's examples: which copies plain `fix` may remove, and what repeats
by nature."""

from __future__ import annotations

import dataclasses
from functools import cache

import pytest

from cleanlint.document import Document, Region
from cleanlint.engine.engine import Engine, Selection
from cleanlint.engine.fixer import fix_document
from cleanlint.kinds import repetition
from cleanlint.model import Safety

from ..conftest import DEFAULT_RULES

TWO = "The council approved the budget on Tuesday. Libraries will open on Sundays from March."
ONE = "The council approved the budget on Tuesday after a debate that lasted well into the night."


@cache
def _engine(codes: tuple[str, ...]) -> Engine:
    return Engine(DEFAULT_RULES, Selection(select=codes))


def _check(text: str, codes: tuple[str, ...] = ("A502",)):
    return _engine(codes).check(Document(text))


def _fixed(text: str, unsafe: bool = False) -> str:
    return fix_document(_engine(("A502",)), Document(text), unsafe, 1.0, ()).text


def _held(text: str) -> list[str | None]:
    return [f.fix.held if f.fix and f.fix.safety is Safety.UNSAFE else None for f in _check(text)]


@pytest.mark.parametrize(
    ("text", "held"),
    [
        (f"{TWO}\n{TWO}\n", [None]),  # copy after copy: safe
        (f"{TWO}\n\n\n{TWO}\n", [None]),  # blank lines between are no text
        (f"{TWO}\n{TWO}\n{TWO}\n", [None, None]),
        (f"{TWO}\nThe mayor left.\n{TWO}\n", [repetition.APART]),
        (f"{ONE}\n{ONE}\n", [repetition.ONE_SENTENCE]),
        (f"{TWO}\n{TWO.upper()}\n", [repetition.NOT_EXACT]),
        (f"{TWO}\n{TWO.replace('. ', '; ')}\n", [repetition.NOT_EXACT]),
    ],
)
def test_only_a_copy_right_after_its_twin_is_removed_by_plain_fix(text, held):
    assert _held(text) == held


def test_white_space_inside_a_copy_does_not_make_it_another_paragraph():
    text = f"{TWO}\n{TWO.replace(' ', '  ')}\t\nEnd of story here.\n"
    assert _fixed(text) == f"{TWO}\nEnd of story here.\n"


def test_a_held_copy_goes_only_with_unsafe_fixes():
    text = f"{TWO}\nThe mayor left.\n{TWO}\n"
    assert _fixed(text) == text
    assert _fixed(text, unsafe=True) == f"{TWO}\nThe mayor left.\n"


def test_the_first_copy_always_stays():
    text = f"Intro line of the story.\n{TWO}\n{TWO}\n{TWO}\nOutro.\n"
    out = _fixed(text)
    assert out.count(TWO) == 1 and out.startswith(f"Intro line of the story.\n{TWO}\n")


@pytest.mark.parametrize(
    "line",
    [
        "Prices rose. Shares fell.",  # two sentences, too short
        "Prices rose sharply in March across the whole of the region",  # 11 words, one sentence, no stop
        "Officials in the region said the new bridge would open to traffic in the spring",  # no stop: a title
    ],
)
def test_short_lines_and_titles_are_not_paragraphs(line):
    assert _check(f"{line}\nThe rest.\n{line}\n") == []


def test_two_sentences_count_from_fewer_words():
    short = "Air pollution can be solved. Some cities have made progress."  # 10 words, two sentences
    assert len(_check(f"{short}\n{short}\n")) == 1


def test_a_table_row_code_and_a_transcript_are_structure():
    answer = "MR HALE: I have no record of that call at all, and I checked the log twice."
    transcript = f"The inquiry went on.\n{answer}\nQ. And the next morning?\n{answer}\nQ. Or later?\n{answer}\n"
    assert _check(transcript) == []


def test_a_caption_printed_four_times_is_reported_once_per_copy_by_b405():
    caption = "Firefighters at the warehouse on Mill Road in Leeds on Monday, the service said."
    text = f"{caption}\nThe fire started at 3am.\n{caption}\n{caption}\nNobody was hurt.\n{caption}\n"
    codes = [f.code for f in _check(text, ("A502", "B405"))]
    assert codes == ["B405"] * 4


def test_doubled_needs_keep_first():
    options = dataclasses.replace(repetition.Options(), safe_copies="doubled", keep_first=False)
    assert repetition.problems(options)


def test_doubled_held_reads_the_text_between_the_copies():
    text = f"{TWO}\n \n{TWO}\n"
    first = Region(0, len(TWO))
    second = Region(len(TWO) + 3, 2 * len(TWO) + 3)
    assert repetition.doubled_held(Document(text), first, second) is None
    text = f"{TWO}\nx\n{TWO}\n"
    assert repetition.doubled_held(Document(text), first, second) == repetition.APART
