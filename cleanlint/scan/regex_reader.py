"""A recursive-descent reader of the `regex` module's syntax, shared by the readings of a pattern.

Two questions are asked of every rule's pattern before any text is read: which strings its matches must
contain (literals.py, for the literal gates) and which characters a match can start with (first_chars.py,
for skipping lines). Both walk the same syntax: atoms, quantifiers, groups and their heads, escapes, code
points. This reader walks it once and leaves what each part stands for to its subclass, so the two readings
cannot read the syntax differently. Whatever a subclass cannot see through, it raises GiveUp for, and its
caller then gives no answer.
"""

from __future__ import annotations

from typing import Generic, TypeVar

from .memo import compiled

T = TypeVar("T")
_COUNTS = compiled(r"\{(\d*)(?:(,)(\d*))?\}")  # {3}, {2,}, {,5}, {2,5}


class GiveUp(Exception):
    """The pattern uses something this reader cannot see through; the pattern must always run."""


class RegexReader(Generic[T]):
    """Reads a pattern from `at`; a subclass says what each part stands for (a value of type T)."""

    def __init__(self, pattern: str):
        self.text, self.at = pattern, 0

    def peek(self, n: int = 1) -> str:
        return self.text[self.at : self.at + n]

    # what the parts stand for: the subclass's
    def alternation(self) -> T:
        raise NotImplementedError

    def character_class(self) -> T:
        raise NotImplementedError

    def escape(self) -> T:
        raise NotImplementedError

    def flags(self) -> T:
        """(?i), (?m-s) or (?i:...), read from just after "(?"."""
        raise NotImplementedError

    def any_char(self) -> T:
        raise NotImplementedError

    def anchor(self, char: str) -> T:
        raise NotImplementedError

    def literal(self, char: str) -> T:
        raise NotImplementedError

    def nothing(self) -> T:
        """What a part that matches no text at all stands for (a comment)."""
        raise NotImplementedError

    def grouped(self, inner: T, look_around: bool, positive: bool) -> T:
        """What a group around `inner` stands for; a look-around consumes nothing."""
        raise NotImplementedError

    def named_reference(self) -> T:
        """(?P=name), read to its end."""
        raise GiveUp("a back-reference by name")

    # the syntax
    def quantifier(self) -> tuple[int, int | None] | None:
        """The least and most repeats (None: no limit) a quantifier at the reading place allows, read with
        the lazy or possessive mark after it; None when no quantifier is there."""
        char = self.peek()
        if char in ("*", "+", "?"):
            self.at += 1
            low, high = {"*": (0, None), "+": (1, None), "?": (0, 1)}[char]
        elif char == "{":
            m = _COUNTS.match(self.text, self.at)
            if m is None:
                raise GiveUp("a brace that is not a count: fuzzy matching or a literal brace")
            self.at = m.end()
            low = int(m.group(1) or 0)
            high = low if m.group(2) is None else (int(m.group(3)) if m.group(3) else None)
        else:
            return None
        if self.peek() in ("?", "+"):  # lazy or possessive: the same strings
            self.at += 1
        return low, high

    def atom(self) -> T:
        char = self.text[self.at]
        self.at += 1
        if char == "(":
            return self.group()
        if char == "[":
            return self.character_class()
        if char == "\\":
            return self.escape()
        if char == ".":
            return self.any_char()
        if char in "^$":
            return self.anchor(char)
        if char in "*+?{":
            raise GiveUp("a quantifier with nothing before it")
        return self.literal(char)

    def group(self) -> T:
        """A group, read from just after its "(": its head says what kind of group it is."""
        look_around = positive = False
        if self.peek() == "?":
            self.at += 1
            head = self.peek(2)
            if head[:1] == "#":
                self.at = self._past(")", "an unclosed comment")
                return self.nothing()
            if head[:1] in ("=", "!") or head in ("<=", "<!"):
                self.at += 1 if head[:1] in ("=", "!") else 2
                look_around, positive = True, head[:1] == "=" or head == "<="
            elif head[:1] in (":", ">", "|"):
                self.at += 1
            elif head[:1] in ("<", "'") or head == "P<":
                self.at = self._past(">" if head[:1] != "'" else "'", "an unclosed group name", self.at + 1)
            elif head == "P=":
                self.at = self._past(")", "an unclosed back-reference")
                return self.named_reference()
            else:
                return self.flags()
        inner = self.alternation()
        self.close_group()
        return self.grouped(inner, look_around, positive)

    def close_group(self) -> None:
        if self.peek() != ")":
            raise GiveUp("an unclosed group")
        self.at += 1

    def code_point(self, kind: str) -> str:
        """The character of \\xHH, \\x{...}, \\uHHHH or \\UHHHHHHHH, read from just after its letter."""
        if kind == "x" and self.peek() == "{":
            end = self._past("}", "an unclosed code point") - 1
            digits, self.at = self.text[self.at + 1 : end], end + 1
        else:
            width = {"x": 2, "u": 4, "U": 8}[kind]
            digits, self.at = self.text[self.at : self.at + width], self.at + width
        try:
            return chr(int(digits, 16))
        except ValueError as err:
            raise GiveUp("a malformed code point") from err

    def _past(self, closing: str, unclosed: str, start: int | None = None) -> int:
        end = self.text.find(closing, self.at if start is None else start)
        if end == -1:
            raise GiveUp(unclosed)
        return end + 1
