"""The words that say what a sentence is about, shared by grouping and sentence alignment.

Rewrites of one story keep its content words (names, nouns, verbs) and change the glue around them, so both
the grouping and the alignment compare content words only. A word is cut to its first letters (a crude
stem) so that "missile"/"missiles" and "launch"/"launched" count as one word without a language model.
Month names and figures are left out on purpose: they are the facts being checked, and two statements that
disagree on a date must still be recognised as the same statement.
"""

from __future__ import annotations

import regex

STEM_LENGTH = 5  # letters kept of a content word: enough to tell words apart, few enough to merge inflections

STOPWORDS = frozenset(
    """a about above after again against all also am an and any are as at be because been before being below
    between both but by can could did do does doing down during each few for from further had has have having he
    her here hers him his how i if in into is it its itself just me more most my no nor not now of off on once
    only or other our ours out over own same she should so some such than that the their theirs them then there
    these they this those through to too under until up very was we were what when where which while who whom
    why will with would you your said says say told tell added according noted stated saying""".split()  # noqa: SIM905
)

MONTHS = {
    "jan": 1, "january": 1, "feb": 2, "february": 2, "mar": 3, "march": 3, "apr": 4, "april": 4, "may": 5,
    "jun": 6, "june": 6, "jul": 7, "july": 7, "aug": 8, "august": 8, "sep": 9, "sept": 9, "september": 9,
    "oct": 10, "october": 10, "nov": 11, "november": 11, "dec": 12, "december": 12,
}  # fmt: skip

_WORD = regex.compile(r"[\p{L}][\p{L}\p{M}'’-]*")


def words(text: str) -> list[str]:
    """The words of `text`, lower-cased, without figures or punctuation."""
    return [w.lower().strip("'’-") for w in _WORD.findall(text)]


def content_words(text: str) -> list[str]:
    """The stems of the words that carry meaning: no stop words, no month names, nothing under 3 letters."""
    return [w[:STEM_LENGTH] for w in words(text) if len(w) >= 3 and w not in STOPWORDS and w not in MONTHS]


def lowercase_words(text: str) -> set[str]:
    """The words of `text` written in lower case: a capitalised word found among them is a common word."""
    return {w.strip("'’-") for w in _WORD.findall(text) if w[0].islower()}
