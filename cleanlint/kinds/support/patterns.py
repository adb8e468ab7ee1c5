"""Turning a rule's phrases and regular expressions into patterns.

Phrases are what most rule authors write: literal text, where any run of white space (a no-break space
included, which scrapers leave everywhere) matches any other, and a phrase that starts or ends with a letter
only matches at a word boundary. Regular expressions are for the rest. A rule's main patterns are searched
behind the gates of their literals (gated.py); its helper patterns (`unless`, a block's `end` and `items`)
become one alternation here.

A rule author's regular expression can backtrack for minutes on one unlucky text ("(a|aa)+c"). Every call
of a rule's pattern is therefore given a time limit (the `regex` module's timeout): PATTERN_SECONDS per
megabyte of the text, and never less than that. When it runs out, TimeoutError stops the rule on that
document; the engine reports it and the run goes on.
"""

from __future__ import annotations

import regex

# each pattern compiled once a process (the loader compiles it to validate it, its check would again), and its
# compiled code kept between runs
from ...scan.memo import compiled, remembered

# ^ and $ match at line ends; no-break and other Unicode spaces count as \s (regex module default).
FLAGS = regex.MULTILINE
PATTERN_SECONDS = 2.0


class TimedPattern:
    """A compiled pattern whose every search, match and scan stops with TimeoutError when it runs too long.

    Made from source text, it is compiled on first use: of a rule set's thousand alternatives most never
    meet a text of a run, and the `regex` module compiles slowly.
    """

    __slots__ = ("_compiled", "_flags", "_source")

    def __init__(self, pattern: regex.Pattern | str, flags: int = 0):
        self._compiled = pattern if not isinstance(pattern, str) else None
        self._source, self._flags = pattern, flags

    @property
    def pattern(self) -> regex.Pattern:
        if self._compiled is None:
            self._compiled = compiled(self._source, self._flags)
        return self._compiled

    @staticmethod
    def _limit(text: str) -> float:
        return PATTERN_SECONDS * max(1.0, len(text) / 1_000_000)

    def search(self, text: str, pos: int = 0, endpos: int | None = None) -> regex.Match | None:
        return self.pattern.search(text, pos, endpos, timeout=self._limit(text))

    def match(self, text: str, pos: int = 0, endpos: int | None = None) -> regex.Match | None:
        return self.pattern.match(text, pos, endpos, timeout=self._limit(text))

    def fullmatch(self, text: str, pos: int = 0, endpos: int | None = None) -> regex.Match | None:
        return self.pattern.fullmatch(text, pos, endpos, timeout=self._limit(text))

    def finditer(self, text: str, pos: int = 0, endpos: int | None = None):
        return self.pattern.finditer(text, pos, endpos, timeout=self._limit(text))


@remembered("phrase_to_regex")  # a rule set has thousands of phrases
def phrase_to_regex(phrase: str) -> str:
    parts = [regex.escape(word) for word in phrase.split()]
    body = r"\s+".join(parts)
    if phrase[:1].isalnum():
        body = r"\b" + body
    if phrase[-1:].isalnum():
        body = body + r"\b"
    return body


def compile_alternation(
    patterns: tuple[str, ...], phrases: tuple[str, ...] = (), ignore_case: bool = False
) -> TimedPattern | None:
    """One pattern matching any of `patterns` (regexes) or `phrases` (literal text), compiled when first
    used: the patterns a check needs only after its first match never compile in most runs."""
    alternatives = [f"(?:{p})" for p in patterns] + [f"(?:{phrase_to_regex(p)})" for p in phrases]
    if not alternatives:
        return None
    flags = FLAGS | (regex.IGNORECASE if ignore_case else 0)
    source = "|".join(alternatives)
    return TimedPattern(source, flags)


