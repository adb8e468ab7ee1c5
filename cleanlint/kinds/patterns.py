"""Turning a rule's phrases and regular expressions into one compiled pattern.

Phrases are what most rule authors write: literal text, where any run of white space (a no-break space
included, which scrapers leave everywhere) matches any other, and a phrase that starts or ends with a letter
only matches at a word boundary. Regular expressions are for the rest. Both become one alternation, so a
rule costs one scan of the text.

A rule author's regular expression can backtrack for minutes on one unlucky text ("(a|aa)+c"). Every call
of a rule's pattern is therefore given a time limit (the `regex` module's timeout): PATTERN_SECONDS per
megabyte of the text, and never less than that. When it runs out, TimeoutError stops the rule on that
document; the engine reports it and the run goes on.
"""

from __future__ import annotations

import regex

# ^ and $ match at line ends; no-break and other Unicode spaces count as \s (regex module default).
FLAGS = regex.MULTILINE
PATTERN_SECONDS = 2.0


class TimedPattern:
    """A compiled pattern whose every search, match and scan stops with TimeoutError when it runs too long.

    Made from source text, it is compiled on first use: a list of a thousand phrases grouped by first word
    has hundreds of groups, most of which never meet a text, and the `regex` module compiles slowly.
    """

    __slots__ = ("_compiled", "_flags", "_source")

    def __init__(self, pattern: regex.Pattern | str, flags: int = 0):
        self._compiled = pattern if not isinstance(pattern, str) else None
        self._source, self._flags = pattern, flags

    @property
    def pattern(self) -> regex.Pattern:
        if self._compiled is None:
            self._compiled = regex.compile(self._source, self._flags)
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


def phrase_to_regex(phrase: str) -> str:
    parts = [regex.escape(word) for word in phrase.split()]
    body = r"\s+".join(parts)
    if phrase[:1].isalnum():
        body = r"\b" + body
    if phrase[-1:].isalnum():
        body = body + r"\b"
    return body


def compile_alternation(
    patterns: tuple[str, ...], phrases: tuple[str, ...] = (), ignore_case: bool = False, lazy: bool = False
) -> TimedPattern | None:
    """One compiled pattern matching any of `patterns` (regexes) or `phrases` (literal text); with `lazy`,
    compiled when first used."""
    alternatives = [f"(?:{p})" for p in patterns] + [f"(?:{phrase_to_regex(p)})" for p in phrases]
    if not alternatives:
        return None
    flags = FLAGS | (regex.IGNORECASE if ignore_case else 0)
    source = "|".join(alternatives)
    return TimedPattern(source, flags) if lazy else TimedPattern(regex.compile(source, flags))


def regex_error(pattern: str) -> str | None:
    """Why `pattern` does not compile, or None when it does."""
    try:
        regex.compile(pattern, FLAGS)
    except regex.error as err:
        return str(err)
    return None


def phrase_starts(phrases: tuple[str, ...], ignore_case: bool):
    """A function giving, in order, the places in a text where one of `phrases` may start, each with the
    pattern to confirm it: (offset, compiled pattern).

    A list of hundreds of phrases compiled into one alternation is scanned at well under 1 MB/s, because
    the regex engine tries every alternative at every position. An Aho-Corasick automaton of the phrases'
    first words finds the few places worth trying in one pass, and each place is confirmed by an anchored
    match of only the phrases with that first word. Where first words of several groups start at the same
    place ("the", "then"), the phrases of those groups together decide, in the list's order, so the
    findings are exactly those of a full scan. Every pattern is compiled when first needed.
    """
    import ahocorasick

    groups: dict[str, list[str]] = {}
    for phrase in phrases:
        if phrase.split():
            first = phrase.split()[0]
            groups.setdefault(first.lower() if ignore_case else first, []).append(phrase)
    order = {phrase: i for i, phrase in reversed(list(enumerate(phrases)))}
    whole = compile_alternation((), phrases, ignore_case, lazy=True)
    single = {key: compile_alternation((), tuple(members), ignore_case, lazy=True) for key, members in groups.items()}
    shared: dict[frozenset[str], TimedPattern] = {}  # groups whose first words start at one place ("the", "then")
    automaton = ahocorasick.Automaton()
    for key in groups:
        automaton.add_word(key, (len(key), key))
    automaton.make_automaton()

    def pattern_for(keys: list[str]) -> TimedPattern:
        if len(keys) == 1:
            return single[keys[0]]
        together = frozenset(keys)
        if together not in shared:  # only these groups' phrases can start here; in the list's order
            members = sorted({p for key in together for p in groups[key]}, key=order.__getitem__)
            shared[together] = compile_alternation((), tuple(members), ignore_case, lazy=True)
        return shared[together]

    def starts(text: str, pos: int) -> list[tuple[int, TimedPattern]]:
        haystack = text.lower() if ignore_case else text
        if len(haystack) != len(text):  # a rare letter whose lower case is longer: try every position
            return [(at, whole) for at in range(pos, len(text))]
        if not len(automaton):
            return []
        found: dict[int, list[str]] = {}
        for end, (length, key) in automaton.iter(haystack, pos):
            at = end - length + 1
            if at > 0 and haystack[at - 1].isalnum() and haystack[at].isalnum():
                continue  # inside a word, where the phrase's leading word boundary cannot match
            found.setdefault(at, []).append(key)
        return [(at, pattern_for(keys)) for at, keys in sorted(found.items())]

    return starts
