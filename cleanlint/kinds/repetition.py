"""repetition: a line or paragraph that repeats an earlier one, such as a headline printed twice.

Scrapers often keep both the page title and the article's own headline. The later copy is the finding
(and what `fix` removes), so the first occurrence, usually the headline, stays where it was.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

import regex

from ..document import Document
from ..model import Edit, Finding
from ..rule import Rule
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


def build(rule: Rule):
    opts: Options = rule.options

    def check(doc: Document) -> list[Finding]:
        units = doc.content_lines if opts.unit == "line" else doc.paragraphs
        if opts.position == "head":
            units = [u for u in units if doc.in_head(u.start, opts.window)]
        seen: set[str] = set()
        out = []
        for unit in units:
            text = doc.text[unit.start : unit.end]
            if word_count(text) < opts.min_words:
                continue
            key = _NOT_WORD.sub(" ", text).strip().casefold()
            if key in seen:
                out.append(rule.finding(unit.start, unit.end, Edit(*doc.removal(unit.start, unit.end), "")))
            seen.add(key)
        return out

    return check
