"""A rule's alternatives behind the gates of their literals: for each document, only those that can match.

An alternative that cannot match anywhere in a text takes no part in a scan of it, so leaving it out
changes no match: the findings are those of the whole alternation, in its order. Each alternative is
compiled on its own, once, when a document first opens it, and those a document opens are searched as
one alternation (AnyOf). One that starts with `^` is searched as a newline and the rest (line_led.py).
"""

from __future__ import annotations

from collections.abc import Sequence

import regex

from ...scan.first_chars import First, first_chars
from ...scan.gates import Gates
from .line_led import LineLed, line_led_rest
from .patterns import FLAGS, TimedPattern, phrase_to_regex


class AnyOf:
    """Several patterns searched as the alternation of them, in their order, without compiling it.

    The alternation matches, from a position, where the earliest of its alternatives does, and at that
    place with the first alternative (in order) that matches there, as that alternative alone would. So
    searching each alternative and taking the leftmost, the first at a tie, gives the alternation's very
    matches. Each alternative is compiled once for a whole run, where an alternation of the ones a
    document opens would be compiled again for every new set of them.

    Searches without an end position keep each alternative's last match: searching on from further along
    reuses it while it still lies ahead, which is what a loop over one text's matches does.
    """

    __slots__ = ("_ahead", "_patterns", "_text")

    def __init__(self, patterns: Sequence[TimedPattern | LineLed]):
        self._patterns = patterns
        self._text: str | None = None
        self._ahead: list[tuple[int, regex.Match | None] | None] = []

    def search(self, text: str, pos: int = 0, endpos: int | None = None) -> regex.Match | None:
        best = None
        for i, pattern in enumerate(self._patterns):
            m = pattern.search(text, pos, endpos) if endpos is not None else self._search_on(i, text, pos)
            if m is not None and (best is None or m.start() < best.start()):
                best = m
        return best

    def _search_on(self, i: int, text: str, pos: int) -> regex.Match | None:
        if text is not self._text:
            self._text, self._ahead = text, [None] * len(self._patterns)
        kept = self._ahead[i]
        if kept is not None and kept[0] <= pos and (kept[1] is None or kept[1].start() >= pos):
            return kept[1]  # nothing matched between where that search began and where it found its match
        m = self._patterns[i].search(text, pos)
        self._ahead[i] = (pos, m)
        return m

    def match(self, text: str, pos: int = 0, endpos: int | None = None) -> regex.Match | None:
        return next((m for p in self._patterns if (m := p.match(text, pos, endpos)) is not None), None)

    def fullmatch(self, text: str, pos: int = 0, endpos: int | None = None) -> regex.Match | None:
        return next((m for p in self._patterns if (m := p.fullmatch(text, pos, endpos)) is not None), None)

    def finditer(self, text: str, pos: int = 0, endpos: int | None = None):
        """Non-overlapping matches, left to right; after an empty match the search goes on one further."""
        last = len(text) if endpos is None else min(endpos, len(text))  # a search from past it starts at it
        while pos <= last and (m := self.search(text, pos, endpos)) is not None:
            yield m
            pos = m.end() if m.end() > m.start() else m.end() + 1


def searchable(source: str, flags: int) -> TimedPattern | LineLed:
    """One alternative, compiled when first searched; line-led when it starts with `^` (line_led.py)."""
    rest = line_led_rest(source)
    return TimedPattern(source, flags) if rest is None else LineLed(rest, flags)


class GatedAlternation:
    """A rule's alternatives (regular expressions), each behind the gate of its literals: for a document,
    the alternation of only the alternatives that can match it, or None when none can. Each is compiled
    on its own, so an inline flag such as `(?i)` holds for its own alternative only.
    """

    def __init__(self, alternatives: Sequence[str], flags: int, gates: Gates, phrases: dict[int, str] | None = None):
        """`phrases`: the literal phrase each alternative made from one (patterns.phrase_to_regex) stands for,
        by its index; its gate then asks for its words in a row."""
        self._scan = gates
        self._patterns = [searchable(source, flags) for source in alternatives]
        self._gates = [gates.gate(source, (phrases or {}).get(i)) for i, source in enumerate(alternatives)]
        self._always = [i for i, gate in enumerate(self._gates) if not gate.clauses]
        self._owner = gates.alternatives(tuple(self._gates), phrases)
        self._sources = list(alternatives)
        self._index = {id(pattern): i for i, pattern in enumerate(self._patterns)}
        self._first: list[First | bool | None] = [False] * len(alternatives)  # False: not read yet

    def for_document(self, doc) -> Searcher | None:
        opened = self._scan.opened(doc).get(self._owner)
        if self._always:
            opened = sorted({*self._always, *(opened or ())})
        if not opened:
            return None
        if len(opened) == 1:
            return self._patterns[opened[0]]
        return AnyOf([self._patterns[i] for i in opened])

    def match_line(self, searcher: Searcher, text: str, at: int) -> regex.Match | None:
        """`searcher.match(text, at)` for `searcher` from `for_document` and `at` a line start, without calling
        the alternatives whose match cannot start with the character there (first_chars.py): a date line's
        "^\\d{4}-" where the line starts with a letter. A call costs more than looking at the character."""
        first = text[at : at + 1]
        for pattern in searcher._patterns if isinstance(searcher, AnyOf) else (searcher,):
            i = self._index[id(pattern)]
            if self._first[i] is False:
                self._first[i] = first_chars(self._sources[i])  # read when first needed: most never are
            can = self._first[i]
            if can is not None and not can.admits(first):
                continue
            if (m := pattern.match(text, at)) is not None:
                return m
        return None


Searcher = TimedPattern | LineLed | AnyOf  # what a document's gated alternation is searched with


def gated_alternation(
    gates: Gates, patterns: tuple[str, ...], phrases: tuple[str, ...] = (), ignore_case: bool = False
) -> GatedAlternation:
    """`patterns` (regexes) and `phrases` (literal text) as one gated alternation, in that order."""
    alternatives = [*patterns, *(phrase_to_regex(p) for p in phrases)]
    literal = {len(patterns) + i: phrase for i, phrase in enumerate(phrases)}
    return GatedAlternation(alternatives, FLAGS | (regex.IGNORECASE if ignore_case else 0), gates, literal)
