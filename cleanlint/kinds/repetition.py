"""repetition: a line or paragraph that repeats an earlier one, such as a headline printed twice.

Scrapers often keep both the page title and the article's own headline. The later copy is the finding
(and what `fix` removes), so the first occurrence, usually the headline, stays where it was. A line that
comes back again and again (a gallery caption printed under every picture) is furniture in every copy:
with `keep_first: false` each occurrence is a finding, once the line occurs `min_count` times.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

import regex

from ..document import Document
from ..model import Edit, Finding
from ..rule import Rule
from ..scan import Gates
from .patterns import compile_alternation
from .scoping import word_count

_NOT_WORD = regex.compile(r"[\W_]+")


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


def problems(options: Options) -> list[tuple[str, str]]:
    if options.min_count < 2:
        return [("min_count", "must be at least 2: a unit that occurs once does not repeat")]
    return []


def build(rule: Rule, _gates: Gates):
    opts: Options = rule.options
    unless = compile_alternation(opts.unless)

    def check(doc: Document) -> list[Finding]:
        units = doc.content_lines if opts.unit == "line" else doc.paragraphs
        if opts.position == "head":
            units = [u for u in units if doc.in_head(u.start, opts.window)]
        occurrences: dict[str, list] = {}
        for unit in units:
            text = doc.text[unit.start : unit.end]
            if word_count(text) >= opts.min_words and (unless is None or not unless.search(text)):
                occurrences.setdefault(_NOT_WORD.sub(" ", text).strip().casefold(), []).append(unit)
        out = []
        for copies in occurrences.values():
            if len(copies) < opts.min_count:
                continue
            for unit in copies if not opts.keep_first else copies[1:]:
                edit = Edit(*doc.removal(unit.start, unit.end), "")
                out.append(rule.finding(unit.start, unit.end, edit, count=str(len(copies))))
        return out

    return check
