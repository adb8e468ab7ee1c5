"""Whether text reads as running prose: the test that keeps a safe fix from deleting reporting.

Boilerplate is mostly labels, names, links and short prompts; reporting is sentences. jusText tells good
paragraphs from boilerplate by their length and their density of function words ("the", "of", "und",
"de"), and its stoplists ship with it (trafilatura depends on it). A line of at least MIN_WORDS words that
ends as a sentence ends and whose share of function words reaches MIN_DENSITY in the document's language
(one of those the rule packs cover) reads as prose. That is a judgement about the text alone, whatever
rule found it, so it holds on pages nobody tuned the rules for: "Subscribers in Europe accounted for nearly
half of the new sign-ups." reads as prose; "Subscribe" and "(Reporting by Jane Doe; Editing by John Roe)"
do not.

The stoplists are read from jusText's package folder without importing it (that would import lxml), and
only when a safe removal is judged; each document is judged with the stoplist of its own language.
"""

from __future__ import annotations

import importlib.util
from collections import Counter
from functools import cache
from pathlib import Path

from ..document import Document
from ..scan.memo import compiled

# jusText's own thresholds are 0.30 (low) and 0.32 (high) on paragraphs of 70 and 200 characters and more.
MIN_WORDS = 10
MIN_DENSITY = 0.30
# the languages of the default rule packs, as jusText names its stoplists
LANGUAGES = ("English", "German", "French", "Spanish", "Portuguese", "Italian", "Dutch", "Polish")

TITLE_CASE = 0.6  # a line whose longer words are capitalised this often is a headline
_WORD = compiled(r"[\p{L}\p{M}'’]+")
_CLOSING = "[\"'”’»)\\]]*"
_FULL_STOP_END = compiled(rf"(?<!\.\.)[.!。！]{_CLOSING}\s*$")  # not "..." : a teaser cut off
_QUESTION_END = compiled(rf"[?？]{_CLOSING}\s*$")
_SENTENCE_INSIDE = compiled(r"\p{Ll}[.!?]\s+\p{Lu}")


@cache
def _stoplists() -> tuple[frozenset[str], ...]:
    return tuple(frozenset(w.lower() for w in _stoplist_words(language)) for language in LANGUAGES)


def _stoplist_words(language: str) -> list[str]:
    """jusText's stoplist of `language`, as it writes its words ("the", "The", "John", "London")."""
    spec = importlib.util.find_spec("justext")
    if spec is None or not spec.submodule_search_locations:
        raise ImportError("jusText's stoplists are missing: pip install justext")
    folder = Path(next(iter(spec.submodule_search_locations))) / "stoplists"
    return (folder / f"{language}.txt").read_text(encoding="utf-8").split()


_MEMO = "prose-stoplist"
_SAMPLE = 2000  # characters of the body that tell its language


def stoplist(doc: Document) -> frozenset[str]:
    """The function words of the document's language: the stoplist its body is densest in. One list per
    document, not the densest for each line: a long stoplist (Polish has 3,570 words, "by" and "in" among
    them) would find most English lines dense in its own words."""
    if _MEMO not in doc.memo:
        counts = Counter(w.lower() for w in _WORD.findall(doc.text, doc.body_start, doc.body_start + _SAMPLE))
        lists = _stoplists()
        # each distinct word once, weighted by its count
        doc.memo[_MEMO] = max(lists, key=lambda stop: sum(map(counts.__getitem__, stop.intersection(counts))))
    return doc.memo[_MEMO]


def line_reads_as_prose(line: str, stop: frozenset[str]) -> bool:
    """Whether one line is a sentence or more of running text in the language of `stop`: long enough,
    ending as a sentence ends, and dense in function words. Headlines ("Could an astronaut lost in space
    use gravity to get around?") are as dense in function words as prose, but they end without a full
    stop; a list of them is what related-link rules remove."""
    words = _WORD.findall(line)
    if len(words) < MIN_WORDS or not _ends_sentence(line, words):
        return False
    return sum(map(stop.__contains__, map(str.lower, words))) >= MIN_DENSITY * len(words)


def _ends_sentence(line: str, words: list[str]) -> bool:
    """A full stop or an exclamation mark at the end; or a question mark after an earlier sentence, in a
    line not in the title case of a headline (a headline may ask a question, running text goes on)."""
    if _FULL_STOP_END.search(line):
        return True
    if not (_QUESTION_END.search(line) and _SENTENCE_INSIDE.search(line)):
        return False
    longer = [w for w in words if len(w) > 3]
    return sum(1 for w in longer if w[0].isupper()) < TITLE_CASE * len(longer)


_JUDGED = "prose-judged"


def reads_as_prose(doc: Document, start: int, end: int) -> bool:
    """Whether any line of the document's text in [start, end) reads as running prose. Judged once per span
    and document: the kind that finds a unit and the evidence check that weighs its removal ask alike."""
    judged = doc.memo.setdefault(_JUDGED, {})
    if (start, end) not in judged:
        stop = stoplist(doc)
        judged[(start, end)] = any(line_reads_as_prose(line, stop) for line in doc.text[start:end].splitlines())
    return judged[(start, end)]


def stoplists() -> dict[str, frozenset[str]]:
    """The stoplist of each language of LANGUAGES, by jusText's name for it ("English"), in lower case."""
    return dict(zip(LANGUAGES, _stoplists(), strict=True))


@cache
def lower_case_stoplist(language: str) -> frozenset[str]:
    """The words of a stoplist that it writes in lower case: jusText's lists, made from Wikipedia's
    commonest words, also hold names ("John", "Robert", "London"), which are no function words."""
    return frozenset(w for w in _stoplist_words(language) if w.islower())
