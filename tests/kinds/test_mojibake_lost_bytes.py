"""Mojibake whose bytes were lost: the repair follows context, is offered as unsafe when it is a guess, and
is never a character that is probably wrong (the dagger ftfy makes of "â€ ")."""

from __future__ import annotations

import pytest

from cleanlint.document import Document
from cleanlint.engine.engine import Engine, Selection
from cleanlint.model import Safety

from ..conftest import DEFAULT_RULES
from .test_artifact_kinds import findings, fixed


def fixes(text: str) -> list[tuple[str, str | None, str | None]]:
    """(found, replacement, safety) of each A601 finding."""
    engine = Engine(DEFAULT_RULES, Selection(select=("A601",)))
    out = []
    for f in engine.check(Document(text)):
        fix = f.fix
        out.append((text[f.start : f.end], fix and fix.edit.replacement, fix and fix.safety.value))
    return out


def test_inside_a_quotation_the_lost_byte_is_a_closing_quote():
    text = "She called it “a great dayâ€ for the town.\n"
    assert fixes(text) == [("â€", "\u201d", Safety.SAFE.value)]
    assert fixed("A601", text) == "She called it “a great day” for the town.\n"


def test_an_opening_quote_that_is_itself_mojibake_counts():
    text = "She called it â€œa great dayâ€ for the town.\n"
    assert fixed("A601", text) == "She called it “a great day” for the town.\n"


@pytest.mark.parametrize(
    "text",
    [
        "It was over.â€ The court rose.\n",  # a closing quote whose opening is on an earlier line
        "It was over.â€\n",  # at the end of its line
        "He said “yes” and then nothing moreâ€ at all.\n",  # the last quote before it closes
    ],
)
def test_elsewhere_the_closing_quote_is_a_guess(text):
    assert fixes(text) == [("â€", "\u201d", Safety.UNSAFE.value)]
    assert fixed("A601", text) == text
    assert "\u2020" not in fixed("A601", text, unsafe=True)
    assert "\u201d" in fixed("A601", text, unsafe=True).replace("“yes”", "")


def test_between_letters_nothing_is_written():
    text = "The wellâ€known chef opened it.\n"
    assert fixes(text) == [("â€", None, None)]
    assert fixed("A601", text, unsafe=True) == text


def test_the_dagger_and_a_whole_closing_quote_are_still_repaired():
    assert fixed("A601", "Smithâ€\u00a0died.\n") == "Smith\u2020died.\n"  # the no-break space byte is there
    assert fixed("A601", "a â€œgreat dayâ€\u009d.\n") == "a “great day”.\n"


def test_a_run_that_decodes_to_the_script_of_the_text_is_repaired():
    text = "주말 ë°¤ 9시 MBC와 SBS는 막장극의 대결로 붙는다.\n"
    assert fixes(text) == [("ë°¤", "밤", Safety.SAFE.value)]


def test_japanese_with_lost_bytes_is_reported_and_left():
    text = "商標権の侵害です。\nã¾ãŸã€ãã®ä»–ã«ã‚‚ã€\n"
    assert fixes(text) == [("ã¾ãŸã€ãã®ä»–ã«ã‚‚ã€", None, None)]
    assert fixed("A601", text, unsafe=True) == text


@pytest.mark.parametrize(
    "text",
    [
        "»Gruß« aus Köln, sagte er.\n",  # ß« would decode to an NKo letter: no script of the text
        "NÃO e AÇÃO em SÃO PAULO; ção, não.\n",
        "Þórður and Ýmir won in Reykjavík.\n",
        "Prices: £5, €12, ¥300 and 5¢; 20°C, ½ cup, ¿qué? ¡sí!\n",
        "« Le café » à Paris, où l’été dure.\n",
        "Smith† died in 1990; see the note‡.\n",
        "주말 밤 9시 café «Über» 드라마 ñandú.\n",  # Latin-1 letters beside Hangul that are no mojibake
    ],
)
def test_real_text_is_not_mojibake(text):
    assert findings("A601", text) == []
