"""The text a regular expression cannot match without: what lets one scan decide which patterns to run.

Most of a rule set's patterns never match a given article, yet each costs a pass over its text. A pattern
like `\\bSee\\s+also\\b` cannot match a text that does not contain "see" and "also"; `(?:REUTERS|AFP)\\s*/`
cannot match one without "reuters" or "afp". `required_literals` reads a pattern and returns such sets:
every match contains a string of each set, case-folded so that one scan of the case-folded
text serves case-sensitive and case-insensitive patterns alike (case folding maps each character on its
own, so a substring of the text stays a substring when both are folded). The engine scans each text once
for the literals of every rule (scan/gates.py) and runs a pattern only when one of its literals is there.

The analysis is conservative: wherever the pattern does something this reader does not model (a class of
many characters, a back-reference), that part is taken to match anything, and a construct that could
make the answer wrong (verbose mode, fuzzy matching, named lists, conditionals, recursion) gives no
answer at all: no clause, which means the pattern is always run. A wrong answer would lose findings, a missing
one only costs time.
"""

from __future__ import annotations

import regex

from .literal_facts import (
    ANYTHING,
    EMPTY,
    MAX_STRINGS,
    Clause,
    Facts,
    alternation,
    best_clauses,
    repeat,
    sequence,
    usable,
)
from .memo import compiled
from .regex_reader import GiveUp, RegexReader

_ZERO_WIDTH_ESCAPES = frozenset("bBAZzGmMK")
_UNKNOWN_ESCAPES = frozenset("dDwWsShHvVXRN")
_CONTROL_ESCAPES = {"n": "\n", "t": "\t", "r": "\r", "f": "\f", "a": "\a", "e": "\x1b"}
_PLAIN = compiled(r"[^\\()\[\]{}|.^$*+?]+")  # characters that stand for themselves
_BLANKS = frozenset(" \t")
BLANKS_AT_LINE_END = compiled(r"[ \t]+(?=\n|\Z)")


class _Reader(RegexReader[Facts]):
    """The `regex` module's syntax read as far as literals go."""

    def __init__(self, pattern: str, multiline: bool):
        super().__init__(pattern)
        self.multiline = multiline
        # with MULTILINE, ^ matches only after a newline or at the start, and $ only before a newline or
        # at the end: gates.fold frames the text with a newline on each side
        self.line_edge = Facts(frozenset({"\n"})) if multiline else EMPTY

    def alternation(self) -> Facts:
        branches = [self.sequence()]
        while self.peek() == "|":
            self.at += 1
            branches.append(self.sequence())
        return branches[0] if len(branches) == 1 else alternation(branches)

    def sequence(self) -> Facts:
        items: list[Facts] = []
        while self.at < len(self.text) and self.peek() not in "|)":
            plain = _PLAIN.match(self.text, self.at)
            if plain is not None and plain.end() - plain.start() > 1:
                # a run of plain characters, read at once; a quantifier after it binds to its last one
                end = plain.end() - (plain.end() < len(self.text) and self.text[plain.end()] in "*+?{")
                items.append(Facts(frozenset({self.text[self.at : end].casefold()})))
                self.at = end
                continue
            atom = self.atom()
            item = self.quantified(atom)
            if self.multiline and atom.exact and atom.exact <= _BLANKS and self.peek() == "$":
                item = EMPTY  # blanks at a line end, which the scanned text has not (gates.fold)
            items.append(item)
        return sequence(items)

    def quantified(self, item: Facts) -> Facts:
        counts = self.quantifier()
        return item if counts is None else repeat(item, *counts)

    def any_char(self) -> Facts:
        return ANYTHING

    def anchor(self, char: str) -> Facts:
        return self.line_edge

    def literal(self, char: str) -> Facts:
        return Facts(frozenset({char.casefold()}))

    def nothing(self) -> Facts:
        return EMPTY

    def grouped(self, inner: Facts, look_around: bool, positive: bool) -> Facts:
        if look_around:  # consumes nothing, but what a positive look-around sees is in the text
            return Facts(frozenset({""}), best_clauses([usable(inner.exact), *inner.clauses]) if positive else ())
        return inner

    def flags(self) -> Facts:
        """(?i), (?m-s), or (?i:...) scoping them; anything else here is beyond this reader."""
        m = regex.compile(r"([a-zA-Z0-9]*)(?:-([a-zA-Z]*))?([:)])").match(self.text, self.at)
        if m is None or not regex.fullmatch(r"[aiLmsufber]*", m.group(1)):
            # (?x), (?V1), (?w) (whose ^ also follows other line breaks), (?(cond)), (?R), (?P>name), ...
            raise GiveUp("a group this reader does not know")
        self.at = m.end()
        if m.group(3) == ")":
            return EMPTY
        inner = self.alternation()
        self.close_group()
        return inner

    def escape(self) -> Facts:
        if self.at >= len(self.text):
            raise GiveUp("a trailing backslash")
        char = self.text[self.at]
        self.at += 1
        if char in _ZERO_WIDTH_ESCAPES:
            return EMPTY
        if char in ("p", "P", "N", "g"):
            if self.peek() in ("{", "<"):
                end = self.text.find("}" if self.peek() == "{" else ">", self.at)
                self.at = end + 1 if end != -1 else len(self.text)
            else:
                self.at += 1
            return ANYTHING
        if char in _UNKNOWN_ESCAPES or char.isdigit():
            return ANYTHING  # a class, or a back-reference
        if char in _CONTROL_ESCAPES:
            return Facts(frozenset({_CONTROL_ESCAPES[char]}))
        if char in ("x", "u", "U"):
            return Facts(frozenset({self.code_point(char).casefold()}))
        if char.isalpha():
            raise GiveUp(f"the escape \\{char}")  # \L<list> and any escape this reader does not know
        return Facts(frozenset({char.casefold()}))

    def character_class(self) -> Facts:
        """The characters of a class, when it names them: a few letters that fold to at most four
        ([Ss]), or up to MAX_STRINGS characters that are neither letters, digits, spaces nor line breaks
        (marks, symbols, control characters). Negated classes, class escapes (\\d, \\p{L}) and large ranges of
        letters stand for anything."""
        negated = self.peek() == "^"
        self.at += negated
        members: set[str] = set()
        known, first = True, True
        while self.at < len(self.text) and (first or self.text[self.at] != "]"):
            first = False
            low = self.class_member()
            if self.peek() == "-" and self.peek(2) not in ("-]", "-"):  # a range, not a trailing "-"
                self.at += 1
                high = self.class_member()
                if low is None or high is None or ord(high) - ord(low) > MAX_STRINGS:
                    known = False
                else:
                    members.update(chr(c) for c in range(ord(low), ord(high) + 1))
            elif low is None:
                known = False
            else:
                members.add(low)
        if self.at >= len(self.text):
            raise GiveUp("an unclosed class")
        self.at += 1
        folded = frozenset(c.casefold() for c in members)
        if negated or not known or not folded or len(folded) > MAX_STRINGS:
            return ANYTHING
        if len(folded) > 4 and any(c.isalnum() or c in " \n" for c in folded):
            return ANYTHING  # [a-z], [\s.,]: strings that every text has tell nothing
        return Facts(folded)

    def class_member(self) -> str | None:
        """One character of a class, or None for a class escape (\\w, \\p{L}) that stands for many."""
        char = self.text[self.at]
        self.at += 1
        if char == "[":
            raise GiveUp("a nested class or a POSIX class")
        if char != "\\":
            return char
        escaped = self.text[self.at]
        self.at += 1
        if escaped in _CONTROL_ESCAPES:
            return _CONTROL_ESCAPES[escaped]
        if escaped in ("x", "u", "U"):
            return self.code_point(escaped)
        if escaped in ("p", "P", "N") and self.peek() == "{":
            self.at = self.text.index("}", self.at) + 1
            return None
        if escaped.isalnum():
            return None  # \d, \w, \s, \b (a backspace here) and the like
        return escaped


def required_literals(pattern: str, multiline: bool = False, verbose: bool = False) -> tuple[Clause, ...]:
    """Sets of case-folded strings such that every match of `pattern` contains one string of each set,
    the most telling set first; () when nothing is known.

    With `multiline`, a `^` stands for the newline before it and a `$` for the one after it, and the
    scanned text is taken to be as gates.fold makes it: framed by a newline on each side, without spaces
    or tabs at the end of a line. The strings are given without them too: "by \\n" becomes "by\\n", and
    "by " becomes "by". This holds for every search whose end, if it is given one, is at the end of a line or of
    the text, as the engine's searches are. `verbose` says the pattern is compiled with the VERBOSE flag,
    whose white space and comments this reader does not model: it then gives no answer.
    """
    if verbose:
        return ()
    reader = _Reader(pattern, multiline)
    try:
        facts = reader.alternation()
        if reader.at != len(pattern):
            return ()  # an unbalanced ")": not a pattern the regex module compiles either
    except (GiveUp, IndexError):
        return ()
    exact = usable(facts.exact)
    clauses = best_clauses([exact]) if exact is not None else facts.clauses
    if not multiline:
        return clauses
    return best_clauses([frozenset(BLANKS_AT_LINE_END.sub("", s) for s in clause) for clause in clauses])


def phrase_literals(phrase: str) -> tuple[Clause, ...]:
    """What `required_literals` finds in a literal phrase's pattern (`\\bword\\s+word\\b`, see
    kinds/patterns.phrase_to_regex): each of its words, case-folded, the most telling first."""
    return best_clauses([frozenset({word.casefold()}) for word in phrase.split()])
