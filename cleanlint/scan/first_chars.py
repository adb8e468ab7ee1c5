"""Which characters a regular expression's match can start with: what lets a check skip the lines a pattern
cannot match at all.

A rule bound to the head or the tail of an article tries each of its alternatives at each line there, and a
call of the `regex` module costs microseconds, while most lines start with a letter that a date line's
`^\\d{4}-` cannot start with. `first_chars` reads a pattern for the characters its match can start with;
one look at a line's first character then rules most alternatives out.

The reading is conservative: whatever it does not model stands for any character, and a construct that
could make the answer wrong (verbose mode, conditionals, recursion, fuzzy matching, named lists, set
operations in a class) gives no answer at all. Look-arounds and anchors consume nothing, so they do not
restrict the answer. Characters are compared case-folded, so one answer serves a pattern with IGNORECASE
and without. A class of many characters is kept as the test that holds for each of its members: `\\d` is
str.isdecimal, a letter property (`\\p{L}`, `\\p{Lu}`) str.isalpha, `\\s` str.isspace.
"""

from __future__ import annotations

from dataclasses import dataclass

from .memo import remembered
from .regex_reader import GiveUp, RegexReader

_DECIMAL, _ALPHA, _NUMERIC, _SPACE = "decimal", "alpha", "numeric", "space"
_TESTS = {_DECIMAL: str.isdecimal, _ALPHA: str.isalpha, _NUMERIC: str.isnumeric, _SPACE: str.isspace}
# general categories of letters (str.isalpha holds for exactly these) and of numbers
_PROPERTIES = {
    **dict.fromkeys(("L", "Lu", "Ll", "Lt", "Lm", "Lo", "Letter"), _ALPHA),
    "Nd": _DECIMAL,
    "N": _NUMERIC,
}
_ZERO_WIDTH_ESCAPES = frozenset("bBAZzGmMK")
_CONTROL_ESCAPES = {"n": "\n", "t": "\t", "r": "\r", "f": "\f", "a": "\a", "e": "\x1b", "v": "\v"}
_MAX_RANGE = 256  # a class range of more characters than this stands for any character


def fold(char: str) -> str:
    """A character as `First` compares it: case-folded to its first character, the dotless ı read as i (the
    regex module's IGNORECASE lets it match I, as gates.fold has it)."""
    folded = char.casefold()[:1]
    return "i" if folded == "ı" else folded


@dataclass(frozen=True)
class First:
    """What the first character of a match can be: one of `chars` (case-folded), one that passes a test
    of `kinds`, or, with `anything`, any. `empty`: the part can match without consuming a character, so
    what follows it may come first."""

    chars: frozenset[str] = frozenset()
    kinds: frozenset[str] = frozenset()
    anything: bool = False
    empty: bool = False

    def admits(self, char: str) -> bool:
        """Whether a match can start with `char` (a line's first character; "" at the end of the text)."""
        if self.anything or self.empty or not char:
            return True
        return fold(char) in self.chars or any(_TESTS[kind](char) for kind in self.kinds)

    def __or__(self, other: First) -> First:
        anything, empty = self.anything or other.anything, self.empty or other.empty
        return First(self.chars | other.chars, self.kinds | other.kinds, anything, empty)


_ANY = First(anything=True)
_NOTHING = First(empty=True)  # consumes nothing: an anchor, a look-around, an inline flag


@remembered("first_chars")
def first_chars(pattern: str) -> First | None:
    """What a match of `pattern` can start with; None when the pattern is beyond this reader. Kept between
    runs (memo.py)."""
    reader = _Reader(pattern)
    try:
        found = reader.alternation()
    except (GiveUp, IndexError, ValueError):
        return None
    return found if reader.at == len(pattern) else None


class _Reader(RegexReader[First]):
    """The `regex` module's syntax read as far as a match's first character goes."""

    def alternation(self) -> First:
        found = self.sequence()
        while self.peek() == "|":
            self.at += 1
            found = found | self.sequence()
        return found

    def sequence(self) -> First:
        found, empty = First(), True  # what comes first, while every part so far may be empty
        while self.at < len(self.text) and self.peek() not in "|)":
            item = self.quantified(self.atom())
            if empty:
                found, empty = found | First(item.chars, item.kinds, item.anything), item.empty
        return First(found.chars, found.kinds, found.anything, empty)

    def quantified(self, item: First) -> First:
        counts = self.quantifier()
        if counts is not None and counts[0] == 0:  # it may be left out: what follows may come first
            return First(item.chars, item.kinds, item.anything, True)
        return item

    def any_char(self) -> First:
        return _ANY

    def anchor(self, char: str) -> First:
        return _NOTHING

    def literal(self, char: str) -> First:
        return First(frozenset({fold(char)}))

    def nothing(self) -> First:
        return _NOTHING

    def named_reference(self) -> First:
        return _ANY  # a back-reference

    def grouped(self, inner: First, look_around: bool, positive: bool) -> First:
        return _NOTHING if look_around else inner

    def flags(self) -> First:
        """(?i), (?m-s), or (?i:...) scoping them; anything else here (verbose mode, a conditional, a
        recursion) is beyond this reader."""
        start = self.at
        while self.at < len(self.text) and (self.text[self.at].isalnum() or self.text[self.at] == "-"):
            self.at += 1
        flags = self.text[start : self.at]
        if not flags or "x" in flags or not all(c in "aiLmsufbrVw0-" for c in flags) or self.peek() not in ":)":
            raise GiveUp("a group this reader does not know")
        self.at += 1
        if self.text[self.at - 1] == ")":
            return _NOTHING
        inner = self.alternation()
        self.close_group()
        return inner

    def escape(self) -> First:
        char = self.text[self.at]
        self.at += 1
        if char in _ZERO_WIDTH_ESCAPES:
            return _NOTHING
        if char == "d":
            return First(kinds=frozenset({_DECIMAL}))
        if char == "s":
            return First(kinds=frozenset({_SPACE}))
        if char in ("p", "P"):
            kind = self.property_kind()
            return First(kinds=frozenset({kind})) if char == "p" and kind else _ANY
        if char in _CONTROL_ESCAPES:
            return First(frozenset({_CONTROL_ESCAPES[char]}))
        if char in ("x", "u", "U"):
            return First(frozenset({fold(self.code_point(char))}))
        if char.isdigit() or char in "DSwWX":
            return _ANY  # a back-reference, or a class of most characters
        if char.isalnum():
            raise GiveUp(f"the escape \\{char}")  # \L<list>, \N{...}, \R and any escape not known here
        return First(frozenset({fold(char)}))

    def property_kind(self) -> str | None:
        """The kind of a property escape's characters (\\p{Lu}, \\pL), or None for any other property."""
        if self.peek() == "{":
            close = self.text.index("}", self.at)
            name, self.at = self.text[self.at + 1 : close], close + 1
        else:
            name, self.at = self.peek(), self.at + 1
        return _PROPERTIES.get(name)

    def character_class(self) -> First:
        """The characters of a class: its members and ranges, and the kinds of its class escapes. A negated
        class, a large range or a class escape of most characters stands for any character."""
        negated = self.peek() == "^"
        self.at += negated
        chars: set[str] = set()
        kinds: set[str] = set()
        anything, first = negated, True
        while first or self.text[self.at] != "]":
            first = False
            if self.peek(2) in ("&&", "--", "||", "~~") or self.peek() == "[":
                raise GiveUp("a set operation, a nested set or a POSIX class")
            low, kind = self.member()
            if self.peek() == "-" and self.peek(2) not in ("-]", "-"):  # a range, not a trailing "-"
                self.at += 1
                high, _ = self.member()
                if low is None or high is None or ord(high) - ord(low) > _MAX_RANGE:
                    anything = True
                else:
                    chars.update(fold(chr(c)) for c in range(ord(low), ord(high) + 1))
            elif low is not None:
                chars.add(fold(low))
            elif kind is not None:
                kinds.add(kind)
            else:
                anything = True
        self.at += 1
        return _ANY if anything else First(frozenset(chars), frozenset(kinds))

    def member(self) -> tuple[str | None, str | None]:
        """One member of a class: (the character, None), or (None, its kind) for a class escape of a known
        kind, or (None, None) for one of most characters (\\w, \\D, \\P{L})."""
        char = self.text[self.at]
        self.at += 1
        if char != "\\":
            return char, None
        escaped = self.text[self.at]
        self.at += 1
        if escaped in _CONTROL_ESCAPES:
            return _CONTROL_ESCAPES[escaped], None
        if escaped in ("x", "u", "U"):
            return self.code_point(escaped), None
        if escaped in ("d", "s"):
            return None, _DECIMAL if escaped == "d" else _SPACE
        if escaped in ("p", "P"):
            kind = self.property_kind()
            return None, kind if escaped == "p" else None
        if escaped.isalnum():
            return None, None  # \w, \W, \D, \S, \b (a backspace here) and the like
        return escaped, None
