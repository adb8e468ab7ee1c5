"""Line-anchored patterns searched as what they are: a newline followed by the rest.

Most boilerplate patterns start with `^` (the engine compiles them with MULTILINE): "^(?:Read more|Related)".
The `regex` module has no quick way to reach a line start, so it tries such a pattern at every character
of the text. Written as `\\n(?:Read more|Related)` and searched in the text with a newline put in front,
the same pattern starts with a literal, which the module looks for with a fast string search: three to
ten times faster on articles. Offsets are shifted back, so a match is reported where `^...` matches.

Only a pattern that starts with `^` and has no other top-level branch is rewritten, and only when nothing
in it could see the newline put in front or move the match's start: no look-behind, no `\\A`, `\\G` or
`\\K`, no global inline flag (which must stay first). Anything else is searched as written.
"""

from __future__ import annotations

import regex

from ...scan.memo import compiled, remembered
from .patterns import FLAGS, TimedPattern

_GLOBAL_FLAGS = compiled(r"\(\?[a-zA-Z]+\)")


@remembered("starts_a_line")
def starts_a_line(pattern: str) -> bool:
    """Whether every match of the pattern starts at a line start: a leading `^` that binds the whole of it
    (no `|` outside every group), and nothing (`\\K`) that moves a match's start."""
    rest = pattern[1:]
    return (
        pattern.startswith("^")
        and rest[:1] not in ("", "*", "+", "?", "{")
        and "\\K" not in rest
        and not _has_top_level_branch(rest)
    )


@remembered("line_led_rest")
def line_led_rest(pattern: str) -> str | None:
    """What follows the leading `^` of a pattern that can be searched as `\\n` and that, or None. Both
    readings are kept between runs (memo.py): a rule set has a thousand patterns to read."""
    if not starts_a_line(pattern):
        return None
    rest = pattern[1:]
    if "(?<" in rest or _GLOBAL_FLAGS.search(rest):
        return None  # a look-behind or a named group (both written "(?<"), or a flag that must come first
    if "\\A" in rest or "\\G" in rest:
        return None  # they would see the newline put in front
    return rest


def _has_top_level_branch(pattern: str) -> bool:
    """Whether a `|` outside every group splits the pattern, so that `^` would bind to its first branch
    only. Unsure (an unbalanced or unusual pattern) counts as yes."""
    depth, at, size = 0, 0, len(pattern)
    while at < size:
        char = pattern[at]
        if char == "\\":
            at += 2
            continue
        if char == "[":
            at = _class_end(pattern, at)
            if at < 0:
                return True
        elif char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
            if depth < 0:
                return True
        elif char == "|" and depth == 0:
            return True
        at += 1
    return depth != 0


def _class_end(pattern: str, at: int) -> int:
    """The index of the `]` that closes the class opening at `at`, or -1."""
    at += 1
    if pattern[at : at + 1] == "^":
        at += 1
    if pattern[at : at + 1] == "]":  # a leading "]" is a member
        at += 1
    while at < len(pattern):
        char = pattern[at]
        if char == "\\":
            at += 2
            continue
        if char == "[":
            return -1  # a nested set or a POSIX class: not read here
        if char == "]":
            return at
        at += 1
    return -1


class _Shifted:
    """A match of the line-led pattern, told in the offsets of the text as given."""

    __slots__ = ("_end", "_start", "_text")

    def __init__(self, text: str, start: int, end: int):
        self._text, self._start, self._end = text, start, end

    def start(self) -> int:
        return self._start

    def end(self) -> int:
        return self._end

    def span(self) -> tuple[int, int]:
        return self._start, self._end

    def group(self) -> str:
        return self._text[self._start : self._end]


_framed: list[str] = ["", "\n"]  # the last text given, and that text with a newline in front


def _with_newline_in_front(text: str) -> str:
    if text is not _framed[0]:
        _framed[:] = [text, "\n" + text]
    return _framed[1]


class LineLed:
    """`^rest`, searched as `\\nrest` in the text with a newline in front. Text position p is position
    p + 1 there, and the newline before it, at p, is there exactly when p starts a line."""

    __slots__ = ("_pattern",)

    def __init__(self, rest: str, flags: int):
        self._pattern = TimedPattern("\\n" + rest, flags)

    def _shifted(self, text: str, m) -> _Shifted | None:
        return None if m is None else _Shifted(text, m.start(), m.end() - 1)

    def search(self, text: str, pos: int = 0, endpos: int | None = None) -> _Shifted | None:
        end = None if endpos is None else endpos + 1
        return self._shifted(text, self._pattern.search(_with_newline_in_front(text), pos, end))

    def match(self, text: str, pos: int = 0, endpos: int | None = None) -> _Shifted | None:
        end = None if endpos is None else endpos + 1
        return self._shifted(text, self._pattern.match(_with_newline_in_front(text), pos, end))

    def fullmatch(self, text: str, pos: int = 0, endpos: int | None = None) -> _Shifted | None:
        end = None if endpos is None else endpos + 1
        return self._shifted(text, self._pattern.fullmatch(_with_newline_in_front(text), pos, end))

    def finditer(self, text: str, pos: int = 0, endpos: int | None = None):
        """Non-overlapping matches, left to right; after an empty match the search goes on one further."""
        last = len(text) if endpos is None else min(endpos, len(text))  # a search from past it starts at it
        while pos <= last and (m := self.search(text, pos, endpos)) is not None:
            yield m
            pos = m.end() if m.end() > m.start() else m.end() + 1


def regex_error(pattern: str) -> str | None:
    """Why `pattern` does not compile, or None when it does. A pattern that a check searches as a newline
    and the rest (above) is compiled in that form, which the check then finds compiled."""
    rest = line_led_rest(pattern)
    try:
        compiled(pattern if rest is None else "\\n" + rest, FLAGS)
    except regex.error as searched:
        try:
            regex.compile(pattern, FLAGS)  # the error as the rule's author wrote the pattern
        except regex.error as err:
            return str(err)
        return str(searched)
    return None
