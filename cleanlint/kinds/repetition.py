"""repetition: a line or paragraph that repeats an earlier one, such as a headline printed twice.

Scrapers often keep both the page title and the article's own headline. The later copy is the finding
(and what `fix` removes), so the first occurrence, usually the headline, stays where it was. A line that
comes back again and again (a gallery caption printed under every picture) is furniture in every copy:
with `keep_first: false` each occurrence is a finding, once the line occurs `min_count` times.

Two units repeat when they read the same once punctuation and case are set aside. Working that out for
every unit (a regular expression per line) is what most articles, which repeat nothing, would pay for, so
a coarse key settles them first, computed for all units at once by a few C-level bytes operations: a unit's
ASCII letters and digits, lower-cased, less the letters that case folding makes of other characters (ß
folds to "ss", ﬁ to "fi", the Kelvin sign to "k"). Units that read the same always share it: punctuation
and white space never count, and each character counts the same whatever its case. So only units whose
key occurs `min_count` times can repeat, and only those are compared exactly.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Literal

from ..document import Document, Region, word_count
from ..model import Edit, Evidence, Finding
from ..rule import Rule
from ..scan.gates import Gates
from ..scan.memo import compiled
from .support.patterns import compile_alternation

_NOT_WORD = compiled(r"[\W_]+")
# the coarse key's characters: ASCII digits and the letters that no other character case-folds into (the
# others are a f h i j k l n s t w y, from ß ſ ẞ ﬀ-ﬆ İ ŉ ǰ ẖ ẗ ẘ ẙ ẚ and the Kelvin sign)
_KEY_CHARACTERS = "bcdegmopqruvxz0123456789"
_LOWER = bytes.maketrans(_KEY_CHARACTERS.upper().encode(), _KEY_CHARACTERS.encode())
_NOT_KEY = bytes(b for b in range(256) if chr(b) not in f"{_KEY_CHARACTERS}{_KEY_CHARACTERS.upper()}\n")


@dataclass(frozen=True)
class Options:
    unit: Literal["line", "paragraph"] = "line"
    min_words: int = field(default=4, metadata={"doc": "shorter units may repeat legitimately"})
    position: Literal["anywhere", "head"] = field(
        default="head", metadata={"doc": "head: only repeats among the first `window` content lines"}
    )
    window: int = 6
    min_count: int = field(default=2, metadata={"doc": "how many times a unit must occur to be reported"})
    keep_first: bool = field(default=True, metadata={"doc": "false: every occurrence is reported, the first too"})
    unless: tuple[str, ...] = field(
        default=(), metadata={"regex": True, "doc": "leave a unit alone when one of these matches in it"}
    )
    min_words_multi: int = field(
        default=0, metadata={"doc": "a unit of two sentences or more is judged from this many words (0: never)"}
    )
    safe_copies: Literal["any", "doubled"] = field(
        default="any",
        metadata={"doc": "doubled: only a copy of two sentences or more right after its twin is safely removed"},
    )


def problems(options: Options) -> list[tuple[str, str]]:
    if options.min_count < 2:
        return [("min_count", "must be at least 2: a unit that occurs once does not repeat")]
    if options.safe_copies == "doubled" and not options.keep_first:
        return [("safe_copies", "doubled needs keep_first: the first copy is what makes the second lossless")]
    return []


APART = "apart from its first copy"  # a pull quote, or a line repeated for effect, stands apart too
ONE_SENTENCE = "one sentence"  # a caption printed over and under its picture, or a line said twice
NOT_EXACT = "not letter for letter"  # the copies differ in case or punctuation: one of them may be the right one


def squeezed(text: str) -> str:
    """`text` with each run of white space one space, and none at either end: copies that differ only in
    white space are the same paragraph."""
    return " ".join(text.split())


def doubled_held(doc: Document, before: Region, copy: Region) -> str | None:
    """Why removing `copy`, a later copy of the unit `before` (the copy before it in the text), is not
    certain to lose nothing, or None when it is: only white space lies between them, they are the same
    letter for letter, and they hold two sentences or more."""
    text = doc.text
    if text[before.end : copy.start].strip():
        return APART
    if squeezed(text[before.start : before.end]) != squeezed(text[copy.start : copy.end]):
        return NOT_EXACT
    if doc.sentence_at(copy.start, copy.end) is not None:
        return ONE_SENTENCE
    return None


def line_keys(text: str) -> list[bytes]:
    """The coarse key of each line of `text` (see the module's docstring); UTF-8 encodes every
    non-ASCII character as bytes above 127, which the key leaves out."""
    return text.encode("utf-8", "surrogatepass").translate(_LOWER, _NOT_KEY).split(b"\n")


def unit_keys(text: str, spans: list[tuple[int, int]]) -> list[bytes]:
    """The coarse key of each span of whole lines (in text order, not overlapping), from one pass over
    the text they cover: translating many short pieces one by one costs more."""
    if not spans:
        return []
    keys = line_keys(text[spans[0][0] : spans[-1][1]])
    found, line, at = [], 0, spans[0][0]
    for start, end in spans:
        line += text.count("\n", at, start)
        last = line + text.count("\n", start, end)
        found.append(b"".join(keys[line : last + 1]))
        line, at = last, end
    return found


_MEMO = object()  # this module's entry in Document.memo: the coarse key of each line, and their counts


def counted_line_keys(doc: Document) -> tuple[list[bytes], Counter[bytes]]:
    """The coarse key of each line of the document's text, and how often each occurs: worked out once per
    document, as every rule that looks for repeats anywhere in the text (captions, paragraphs) needs them."""
    known = doc.memo.get(_MEMO)
    if known is None:
        keys = line_keys(doc.text)
        known = doc.memo[_MEMO] = (keys, Counter(keys))
    return known


def repeated_body_lines(doc: Document, min_count: int) -> list[Region]:
    """The content lines of the body whose coarse key occurs at least `min_count` times in the text."""
    text = doc.text
    keys, counts = counted_line_keys(doc)
    common = {key for key, count in counts.items() if count >= min_count}
    # Blank lines have an empty key too, and each "\n\n" holds one: when the empty key is left with fewer
    # than `min_count` lines without those, no content line with an empty key can repeat.
    if b"" in common and keys.count(b"") - text.count("\n\n") < min_count:
        common.discard(b"")
    if not common:
        return []
    lines = text.split("\n")
    first = text.count("\n", 0, doc.body_start)
    if doc.body_start > 0 and text[doc.body_start - 1] != "\n":
        first += 1  # the line that holds the body's start begins in the front matter
    found = []
    for index in range(first, len(keys)):
        if keys[index] in common and lines[index].strip():
            start = doc.line_starts[index]
            found.append(Region(start, start + len(lines[index])))
    return found


def build(rule: Rule, _gates: Gates):
    opts: Options = rule.options
    unless = compile_alternation(opts.unless)

    def candidates(doc: Document) -> list[Region]:
        """The units that may repeat: every unit that does has a coarse key shared by `min_count` units."""
        if opts.unit == "line" and opts.position == "anywhere":
            return repeated_body_lines(doc, opts.min_count)
        if opts.position == "head":
            spans = [(ln.start, ln.end) for ln in doc.head_lines(opts.window)]
            if opts.unit == "paragraph":  # a paragraph is in the head when it starts there
                spans = [(p.start, p.end) for p in doc.paragraphs if spans and p.start < spans[-1][1] + 1]
        else:
            spans = [(p.start, p.end) for p in doc.paragraphs]
        if len(spans) < opts.min_count:
            return []
        keys = unit_keys(doc.text, spans)
        counts = Counter(keys)
        return [Region(*span) for span, key in zip(spans, keys, strict=True) if counts[key] >= opts.min_count]

    def reading(doc: Document, unit: Region) -> str | None:
        """How the unit reads once punctuation and case are set aside; None when it is too short to count
        or an `unless` pattern excuses it."""
        text = doc.text[unit.start : unit.end]
        if unless is not None and unless.search(text):
            return None
        words = word_count(text)
        if words < opts.min_words and not (
            0 < opts.min_words_multi <= words and doc.sentence_at(unit.start, unit.end) is None
        ):
            return None
        return _NOT_WORD.sub(" ", text).strip().casefold()

    def repeated(doc: Document) -> list[tuple[Region, str]]:
        """The candidates whose letters and digits, once case is set aside, those of `min_count` candidates
        are: the coarse key leaves out every character beyond ASCII, so in a text of another script most of
        its lines share one. Only these can make up `min_count` copies that read the same."""
        units = [(unit, doc.text[unit.start : unit.end]) for unit in candidates(doc)]
        if len(units) < opts.min_count:
            return []
        letters = {text: _NOT_WORD.sub("", text).casefold() for _unit, text in units}
        counts = Counter(letters[text] for _unit, text in units)
        return [(unit, text) for unit, text in units if counts[letters[text]] >= opts.min_count]

    def check(doc: Document) -> list[Finding]:
        occurrences: dict[str, list[Region]] = {}
        readings: dict[str, str | None] = {}  # copies are mostly identical to the letter: each is read once
        for unit, text in repeated(doc):
            if text not in readings:
                readings[text] = reading(doc, unit)
            if readings[text] is not None:
                occurrences.setdefault(readings[text], []).append(unit)
        out = []
        for copies in occurrences.values():
            if len(copies) < opts.min_count:
                continue
            for index, unit in enumerate(copies):
                if opts.keep_first and index == 0:
                    continue
                out.append(copy_finding(doc, unit, copies[index - 1] if index else None, len(copies)))
        return out

    def copy_finding(doc: Document, unit: Region, before: Region | None, count: int) -> Finding:
        """The finding for one reported copy; `before` is the copy before it, if any."""
        edit = Edit(*doc.removal(unit.start, unit.end), "")
        evidence = [Evidence.REPEATED, *([Evidence.POSITION] if opts.position == "head" else [])]
        held = None
        if opts.safe_copies == "doubled":
            held = APART if before is None else doubled_held(doc, before, unit)
            if held is None:  # the removed copy is its twin whole: nothing of the text goes with it
                evidence.append(Evidence.SHAPE)
        return rule.finding(unit.start, unit.end, edit, evidence, held, count=str(count))

    return check
