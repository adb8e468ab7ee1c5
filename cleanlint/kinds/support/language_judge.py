"""The language check's exact judgement: the main language of a document, and the language of one unit.

A unit is judged only when it is long enough (`min_words` words of letters: a line of figures is not a
paragraph) and reads as prose (lines of capitalised words are names or titles, whose language no statistics
can tell). The cheap test of language_markers.py settles most units; langdetect decides the rest, and a
finding needs its verdict for another language with `min_probability`.

A quotation is the speaker's words, not the article's: an English paragraph may quote a minister in Russian
or a coach in Spanish. So a unit that holds a quotation and text around it (its frame) is judged by the
frame alone when the frame is long enough to judge; a shorter frame ("Zelensky told parliament on
Tuesday.") makes the unit reporting, which is not judged, unless another language's markers outnumber the
expected language's in it ("dijo el presidente"), or it has none of them and letters outside ASCII
("powiedział minister"). A unit that is one quotation whole, or a quotation under a name, is judged whole.
"""

from __future__ import annotations

from dataclasses import dataclass

from ...document import Document
from ...scan.memo import compiled
from .language_detect import Detector
from .language_markers import LETTER_WORDS, OWN_SCRIPT, WORD, Markers, is_prose
from .language_rough import Rough, read, sure_main_language

SAMPLE = 10000  # characters of the body that decide its main language
DETECT_SAMPLE = 2000  # what langdetect reads: enough for a sure verdict, and its cost grows with length
# a quotation on one line, between the marks of the languages the markers cover (“…”, „…“, «…», 「…」)
_QUOTATION = compiled(
    r"“[^“”\n]*”|„[^„“”\n]*[“”]|”[^“”\n]*”|«[^«»\n]*»|»[^«»\n]*«|\"[^\"\n]*\"|「[^「」\n]*」|『[^『』\n]*』"
)


@dataclass(frozen=True)
class Judging:
    """What judging a unit needs: the markers, the rule's thresholds, and langdetect."""

    markers: Markers
    min_words: int
    min_probability: float
    max_length: int
    detect: Detector


def main_language(doc: Document, rough: Rough | None, judging: Judging) -> str | None:
    """The language of most of the body: by markers, else by a script only one language uses, else by
    langdetect. `rough` is the rough reading of the body's lines, or None when it was not made."""
    markers = judging.markers
    sample = doc.text[doc.body_start : doc.body_start + SAMPLE]
    if rough is not None:
        # the body's lines wholly in the sample are read already; the rest is the sample's last line
        whole = sample.count("\n") if doc.lines[0].start == doc.body_start else 0
        rest = read(sample[sample.rfind("\n") + 1 :] if whole else sample, markers.run_tags, judging.max_length)
        sure = sure_main_language(
            markers,
            "".join(rough.tags[:whole] + rest.tags),
            sum(rough.most_words[:whole]) + sum(rest.most_words),
            sum(rough.non_ascii[:whole]) + sum(rest.non_ascii),
        )
        if sure is not None:
            return sure
    words = WORD.findall(sample)
    folded = list(map(str.casefold, words))
    found = markers.counts(folded)
    if found:
        top = max(found.values())
        if markers.has_share(top, len(words)):  # a tie goes to the language whose markers come first
            tied = [lang for lang, n in found.items() if n == top]
            if len(tied) > 1:  # stable: for the same first word, in the order of `markers`
                tied.sort(key=lambda lang: min(map(folded.index, markers.words[lang].intersection(folded))))
            return tied[0]
    for lang in OWN_SCRIPT:
        if markers.script_share(sample, words, lang) >= 0.5:
            return lang
    verdict = judging.detect(sample[:DETECT_SAMPLE])
    return verdict[0] if verdict else None


def may_be_foreign(markers: Markers, text: str, words: list[str], expected: str) -> bool:
    """The cheap test: False when the unit is surely in `expected` or cannot be judged (names, titles).

    Markers settle a unit where they reach the share and no other language has more (Markers.settles; twice
    the share for a language that writes only ASCII letters, in a unit with others). A unit short of that
    is a terse line of `expected` ("New chip delivers faster wireless connection to your devices") or
    another language: it is left to langdetect when another language has more markers, when it has almost
    none of `expected`'s (a third of the share), or when it has letters outside ASCII, which a language
    without markers of its own mostly writes (Polish "ł", Czech "ř", Swedish "å").
    """
    folded = list(map(str.casefold, words))
    own = markers.own_count(expected, folded)
    outside = not "".join(words).isascii()
    share = markers.has_share(own, len(words) * (2 if markers.doubled(expected, outside) else 1))
    outnumbered = markers.outnumbered(expected, own, folded)
    if share and not outnumbered:  # Markers.settles
        return False
    if not is_prose(words) or markers.script_share(text, words, expected) >= 0.5:
        return False
    return outnumbered or not markers.has_share(3 * own, len(words)) or outside


def frame(text: str) -> str | None:
    """`text` without its quotations, or None when it has none."""
    outside = _QUOTATION.sub(" ", text)
    return None if outside == text else outside


def quotes_in_frame(judging: Judging, text: str, expected: str) -> bool | None:
    """For a unit with quotations: True when its frame (the words around them) is long enough to be judged
    as a unit of its own; False when it is shorter ("Macron told reporters."): the unit reports a quotation
    and is not judged; None when the unit is to be judged whole, as it has no quotation, or a frame of less
    than two words (a quotation under a name), or one that looks foreign as may_be_foreign sees it: more
    markers of another language than of `expected` ("dijo el presidente"), or none of `expected`'s and
    letters outside ASCII ("powiedział minister")."""
    outside = frame(text)
    if outside is None:
        return None
    words = WORD.findall(outside)
    if len(words) >= judging.min_words or len(LETTER_WORDS.findall(outside)) >= judging.min_words:
        return True
    found = judging.markers.counts(list(map(str.casefold, words)))
    own = found.pop(expected, 0)
    foreign = max(found.values(), default=0) > own or (not own and not "".join(words).isascii())
    return None if len(words) < 2 or foreign else False


def foreign_language(judging: Judging, text: str, expected: str) -> str | None:
    """The language a unit is in, when it is judged to be another than `expected`; else None."""
    if len(text) < judging.min_words or len(text) > judging.max_length:
        return None  # too short even for a language written without spaces; or a dump, not a paragraph
    words = WORD.findall(text)
    if len(words) < judging.min_words and len(LETTER_WORDS.findall(text)) < judging.min_words:
        return None  # numbers are not words here: a line of figures is not a paragraph to judge
    if not words or not may_be_foreign(judging.markers, text, words, expected):
        return None
    quoting = quotes_in_frame(judging, text, expected)
    if quoting is not None:  # a quotation in its frame: the frame's language is the paragraph's
        return foreign_language(judging, frame(text) or "", expected) if quoting else None
    verdict = judging.detect(text[:DETECT_SAMPLE])
    if verdict is None:
        return None
    found, probability = verdict
    if found == expected or probability < judging.min_probability:
        return None
    return found
