"""The language check reads a document roughly first (bytes methods, no tokenizing) and judges exactly only
what the rough counts leave open. That shortcut must never change a finding, nor which units langdetect
reads: the rough counts must bound the exact ones, and a check that cannot use them must agree."""

from __future__ import annotations

import zlib
from collections import Counter

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cleanlint.document import Document
from cleanlint.kinds import language
from cleanlint.kinds.support import language_detect, language_judge, language_rough
from cleanlint.kinds.support.language_markers import LETTER_WORDS, RUN, WORD, Markers
from cleanlint.scan.gates import Gates

from ..conftest import DEFAULT_RULES

L101 = next(rule for rule in DEFAULT_RULES if rule.code == "L101")
MARKERS = {lang: frozenset(w.casefold() for w in words) for lang, words in L101.options.markers.items()}

# Words and characters where a rough reading could go wrong: case folding that changes length or leaves
# ASCII ("İ", "ſ", the Kelvin sign), letters glued to punctuation, digits and non-ASCII characters, scripts
# without spaces, markers of several languages.
TRICKY = (
    "the",
    "The",
    "THE",
    "a",
    "de",
    "la",
    "que",
    "in",
    "i",
    "e",
    "o",
    "und",
    "é",
    "più",
    "и",
    "і",
    "İn",
    "ſo",
    "\u212ae",
    "café",
    "it’s",
    "“The",
    "don't",
    "x1y",
    "a_b",
    "2019",
    "3,4",
    "日本語",
    "の",
    "ǅ",
    "µ",
    "ª",
    "a\u0301",
    "\u0345",
    "\u00a0",
    "—",
    "’",
    "“",
    "”",
    "„",
    "«",
    "»",
    "…",
    "\u200b",
    "\u2060",
    "‹",
    "-",
    ".",
    ",",
    " ",
    " ",
    " ",
    "\n",
    "\n\n",
    "\t",
    "\r",
)
SENTENCES = (
    "The White House said on Thursday that Russia had used North Korean missiles in its attacks on Ukraine.",
    "El gobierno de Corea del Norte ha enviado misiles a Rusia para la guerra, según dijo la Casa Blanca.",
    "Le gouvernement a annoncé mardi que les prix de l'énergie seront gelés pour les ménages et les entreprises.",
    "Die Regierung hat am Dienstag angekündigt, dass die Energiepreise für Haushalte eingefroren werden.",
    "Правительство во вторник объявило, что цены на энергию для домохозяйств будут заморожены до конца года.",
    "政府は火曜日、家庭と中小企業向けのエネルギー価格を年末まで凍結すると発表した。これは物価高騰への措置である。",
    "7 tackles, 3 assists (10 combined). 1 sack, 2 TFL, 2 QH, 2 INT, 4 passes defended, 1 FF, 2 PD.",
    "Vladimir Putin, Kim Jong Un, Sergei Shoigu, Andrei Belousov, Valery Gerasimov, Choe Son Hui, Pak Jong Chon",
    "Photo: David Zalubowski, STF / Associated Press",
    "Advertisement",
)


def spaced(c: str) -> bool:
    """Whether the rough reading reads the character as white space: punctuation that is never in a word."""
    return "\u2000" <= c <= "\u206f" or c in "\u00a0\u00ab\u00bb"


tricky_text = st.lists(st.sampled_from(TRICKY), max_size=60).map("".join)
line = st.one_of(
    st.sampled_from(SENTENCES), tricky_text, st.lists(st.sampled_from(SENTENCES), max_size=4).map(" ".join)
)
documents = st.tuples(
    st.lists(st.tuples(line, st.sampled_from(["\n", "\n\n"])), min_size=1, max_size=12),
    st.sampled_from([None, "en", "es-ES", "ru", "ja", "-", "xx"]),
)
checked = settings(
    max_examples=300,
    derandomize=True,
    database=None,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)


@pytest.mark.slow
@checked
@given(tricky_text)
def test_rough_counts_bound_the_exact_counts(text: str):
    """Each line's markers as the rough reading sees them are at most its true ones, and its words at least
    its true ones, counted either way L101 counts words: so a unit it counts fewer than `min_words` words in
    is one foreign_language would not judge."""
    markers = Markers.build(L101.options.markers, L101.options.min_share)
    rough = language_rough.read(text, markers.run_tags)
    lines = text.split("\n")
    assert len(rough.tags) == len(rough.most_words) == len(lines)
    for tags, most_words, non_ascii, line_text in zip(
        rough.tags, rough.most_words, rough.non_ascii, lines, strict=True
    ):
        words = Counter(w.casefold() for w in WORD.findall(line_text))
        assert most_words >= sum(words.values())
        assert most_words + non_ascii >= len(LETTER_WORDS.findall(line_text))
        assert non_ascii == sum(not c.isascii() and not spaced(c) for c in line_text)
        assert tags.count(RUN) == most_words - non_ascii  # a run mark for each run
        for lang, tag in markers.tag_of.items():
            assert tags.count(tag) <= sum(n for word, n in words.items() if word in MARKERS[lang])


def test_a_long_text_is_read_in_pieces_as_each_line_alone(monkeypatch: pytest.MonkeyPatch):
    """Pieces end at line breaks, including one that ends the text, and a line over `max_length` (in bytes
    of UTF-8) is read as empty wherever it is."""
    markers = Markers.build(L101.options.markers, L101.options.min_share)
    text = "\n".join([*SENTENCES, "x " * 80, *SENTENCES[::-1], ""]) * 3
    monkeypatch.setattr(language_rough, "_PIECE", 7)
    pieces = language_rough.read(text, markers.run_tags, 150)
    alone = [language_rough.read(line, markers.run_tags, 150) for line in text.split("\n")]
    assert pieces.tags == [r.tags[0] for r in alone]
    assert pieces.most_words == [r.most_words[0] for r in alone]
    assert pieces.non_ascii == [r.non_ascii[0] for r in alone]
    too_long = [len(line.encode()) > 150 for line in text.split("\n")]
    assert sum(too_long) >= 6 and all(n == 0 for n, long in zip(pieces.most_words, too_long, strict=True) if long)


@pytest.mark.slow
@checked
@given(tricky_text, st.sampled_from(sorted(MARKERS)))
def test_rough_bounds_hold_for_every_expected_language(text: str, expected: str):
    """line_bounds: no line has fewer markers of `expected` than the first bound says, nor more of another
    language than the second; so a unit the bounds settle is settled by its exact counts too."""
    markers = Markers.build(L101.options.markers, L101.options.min_share)
    if expected not in markers.tag_of:
        return
    own, rival = language_rough.line_bounds(language_rough.read(text, markers.run_tags), markers, expected)
    for mine, most, line_text in zip(own, rival, text.split("\n"), strict=True):
        counts = markers.counts([w.casefold() for w in WORD.findall(line_text)])
        assert mine <= counts.pop(expected, 0)
        assert all(n <= most for n in counts.values())


@pytest.fixture
def stand_in_langdetect(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """A quick, repeatable stand-in for langdetect; the texts it is asked about, in order."""
    asked: list[str] = []

    def detect(_self: object, text: str) -> tuple[str, float] | None:
        asked.append(text)
        code = zlib.crc32(text.encode("utf-8", "surrogatepass"))
        return None if code % 11 == 0 else (("en", "es", "fr", "de", "ru", "ja")[code % 6], 0.9 + code % 100 / 1000)

    monkeypatch.setattr(language_detect.Detector, "__call__", detect)
    return asked


def blind(text: str) -> language_rough.Rough:
    """A rough reading that settles nothing, so that every unit is judged exactly: it sees no marker, and
    bounds the words of a line by its characters."""
    lengths = [len(line) for line in text.split("\n")]
    return language_rough.Rough(tags=[""] * len(lengths), most_words=lengths, non_ascii=lengths)


def assert_same_as_exact(doc: Document, asked: list[str], monkeypatch: pytest.MonkeyPatch) -> None:
    asked.clear()
    fast = [(f.start, f.end, f.message) for f in language.build(L101, Gates())(doc)]
    fast_asked = list(asked)
    asked.clear()
    with monkeypatch.context() as patch:
        patch.setattr(language, "read", lambda text, _tags, _max_length: blind(text))
        patch.setattr(language_judge, "read", lambda text, _tags, _max_length: blind(text))
        exact = language.build(L101, Gates())(Document(doc.text, body_start=doc.body_start, metadata=doc.metadata))
    assert fast == [(f.start, f.end, f.message) for f in exact]
    assert fast_asked == asked


@pytest.mark.slow
@given(documents)
@checked
def test_the_rough_shortcut_changes_nothing(stand_in_langdetect: list[str], monkeypatch: pytest.MonkeyPatch, case):
    parts, declared = case
    doc = Document(
        "".join(part + sep for part, sep in parts), metadata={} if declared is None else {"language": declared}
    )
    assert_same_as_exact(doc, stand_in_langdetect, monkeypatch)


@pytest.mark.parametrize("cut", [0, 1, 50])  # where in a line the sample of the main language ends
@pytest.mark.parametrize("body_start", [0, 10, 40])  # front matter, which may end inside a line
def test_long_documents_change_nothing(
    stand_in_langdetect: list[str], monkeypatch: pytest.MonkeyPatch, cut, body_start
):
    head = "---\nlanguage: xx\n---\n" + "x" * 20
    line = SENTENCES[1] + " " + SENTENCES[0]
    body = "\n".join([line] * (language_judge.SAMPLE // (len(line) + 1))) + "\n" + "y" * cut + SENTENCES[2] * 40
    doc = Document(head[:body_start] + body + "\n\n" + "\n".join(SENTENCES), body_start=body_start)
    assert_same_as_exact(doc, stand_in_langdetect, monkeypatch)


def findings(text: str, **metadata: str) -> list[str]:
    return [f.message for f in language.build(L101, Gates())(Document(text, metadata=metadata))]


@pytest.mark.slow
def test_the_main_language_is_decided_by_the_sample_alone():
    """The first ten thousand characters are Spanish; a longer English line starts inside them."""
    spanish, english = SENTENCES[1], SENTENCES[0]
    text = f"{spanish}\n" * (language_judge.SAMPLE // (len(spanish) + 1)) + f"{english} " * 200 + "\n"
    assert findings(text) == ['paragraph in "en", not in the expected "es"']


@pytest.mark.slow
def test_markers_the_rough_reading_cannot_see_still_count():
    """Five English markers against six Spanish ones, which are not ASCII."""
    line = "Seven tackles, three assists, two sacks, four passes defended, forced fumble, recovered fumble, blocked "
    line += "kick today."  # sixteen words of letters, no English marker: Spanish keeps the majority
    assert findings(f"the the the the the más más más más más más\n\n{line}\n") == [
        'paragraph in "en", not in the expected "es"'
    ]
    assert findings(f"the the the the the mas mas mas mas mas mas\n\n{line}\n") == []  # "mas" is no marker


def test_figures_do_not_make_a_line_long_enough_to_judge():
    """A line of sports statistics has fourteen words of letters and as many numbers: too few words to be
    judged, as its language says little (and langdetect is unsure of it)."""
    spanish = f"{SENTENCES[1]}\n\n{SENTENCES[1]}\n\n"
    assert findings(f"{spanish}{SENTENCES[6]}\n") == []
    assert findings(f"{spanish}{SENTENCES[6]} {SENTENCES[0]}\n") == ['paragraph in "en", not in the expected "es"']


def test_a_tie_goes_to_the_language_whose_markers_come_first():
    text = f"os os os os os el el el el el\n\n{SENTENCES[4]}\n"  # as many Portuguese markers as Spanish
    assert findings(text) == ['paragraph in "ru", not in the expected "pt"']


@pytest.mark.slow
def test_a_declared_code_without_a_language_declares_nothing():
    text = f"{SENTENCES[1]}\n\n{SENTENCES[0]}\n\n{SENTENCES[1]}\n"
    assert findings(text, language="-") == findings(text) == ['paragraph in "en", not in the expected "es"']
