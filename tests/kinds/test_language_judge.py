"""The language check's exact judgement: which units the cheap test leaves to langdetect, and how quotations
are read. The units here are written for these tests; langdetect itself runs only where a test says so."""

from __future__ import annotations

import pytest

from cleanlint.document import Document
from cleanlint.kinds import language
from cleanlint.kinds.support import language_detect, language_judge
from cleanlint.kinds.support.language_markers import WORD, Markers
from cleanlint.scan.gates import Gates

from ..conftest import DEFAULT_RULES

L101 = next(rule for rule in DEFAULT_RULES if rule.code == "L101")
MARKERS = Markers.build(L101.options.markers, L101.options.min_share)
WITHOUT_POLISH = Markers.build({k: v for k, v in L101.options.markers.items() if k != "pl"}, 0.15)
ENGLISH = "The council said on Tuesday that the new library would open in the spring, and that it had hired staff."


def open_to_langdetect(text: str, markers: Markers = MARKERS, expected: str = "en") -> bool:
    return language_judge.may_be_foreign(markers, text, WORD.findall(text), expected)


@pytest.mark.parametrize(
    "text",
    [
        ENGLISH,
        "New chip delivers faster wireless connection to your devices and longer battery life overall",  # terse
        "Guests included José María Aznar, Jean-Claude Juncker, Donald Tusk, Mario Draghi and Pedro Sánchez.",
    ],
)
def test_english_the_markers_settle_is_not_sent_to_langdetect(text):
    assert not open_to_langdetect(text)


@pytest.mark.parametrize(
    ("text", "markers"),
    [
        # as many English markers ("a", "as", "no", "do") as a terse English line, but more Portuguese ones
        ("A diretoria do porto disse que o volume de cargas subiu no mês passado, o maior do ano.", MARKERS),
        # a language without markers: letters outside ASCII, a few English markers ("i", "a", "do") among them
        ("Rada miasta przyjęła budżet i zapowiedziała budowę szkoły, a do końca roku także mostu.", WITHOUT_POLISH),
        # and without those letters: almost no English markers at all
        ("Pemerintah daerah mengumumkan bahwa pembangunan jalan tol baru akan dimulai bulan depan.", MARKERS),
    ],
)
def test_other_languages_are_sent_to_langdetect(text, markers):
    assert open_to_langdetect(text, markers)


def test_a_marker_shared_by_languages_counts_for_each():
    assert MARKERS.counts(["a", "in", "the"]) == {"en": 3, "fr": 1, "de": 1, "it": 1, "nl": 1, "pt": 1}
    assert MARKERS.settles(3, 1, 3) and not MARKERS.settles(1, 2, 3) and not MARKERS.settles(1, 0, 20)


def test_a_quotation_is_judged_by_its_frame():
    judging = language_judge.Judging(MARKERS, 12, 0.95, 100_000, language_detect.Detector())
    quote = "“Мы не отступим ни на шаг, пока враг стоит на нашей земле, и мы будем сражаться до конца,”"
    assert language_judge.frame(f"{quote} he said.") == "  he said."
    assert language_judge.frame(ENGLISH) is None
    assert language_judge.quotes_in_frame(judging, f"{quote} the president told parliament.", "en") is False
    assert language_judge.quotes_in_frame(judging, f"{quote} {ENGLISH}", "en") is True  # the frame is judged
    assert language_judge.quotes_in_frame(judging, f"Zelensky: {quote}", "en") is None  # a quotation under a name
    assert language_judge.quotes_in_frame(judging, f"{quote} dijo el presidente.", "en") is None
    assert language_judge.quotes_in_frame(judging, f"{quote} powiedział minister.", "en") is None


@pytest.fixture
def asked(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """langdetect's stand-in: every text is Russian, and each one asked is kept."""
    texts: list[str] = []

    def detect(_self: object, text: str) -> tuple[str, float]:
        texts.append(text)
        return "ru", 1.0

    monkeypatch.setattr(language_detect.Detector, "__call__", detect)
    return texts


def findings(text: str) -> list[str]:
    return [text[f.start : f.end] for f in language.build(L101, Gates())(Document(text, metadata={"language": "en"}))]


def test_reporting_a_quotation_is_not_judged(asked):
    quote = "“Мы не отступим ни на шаг, пока враг стоит на нашей земле, и мы будем сражаться до конца,”"
    assert findings(f"{ENGLISH}\n{quote} the president told parliament on Tuesday.\n{ENGLISH}\n") == []
    assert asked == []


def test_a_long_frame_is_judged_without_the_quotation(asked):
    quote = "«Мы будем бороться до конца, что бы ни случилось с нами и с нашей страной, и мы не отступим никогда»"
    line = f"{quote}, said the commander, adding that his troops had held the line again overnight."
    assert open_to_langdetect(line)  # whole, the unit is more Russian than English
    assert findings(f"{ENGLISH}\n{line}\n") == []  # its frame is English
    assert asked == []
    assert findings(f"{ENGLISH}\n{quote}\n") == [quote]  # a quotation whole is judged whole
    assert asked == [quote]
