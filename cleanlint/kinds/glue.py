"""glue: words or sentences run together where a scraper dropped the space or line break.

"Top NewsWhite House", "difference.Russia's", "Comments0": the seam is a lower-case letter followed by a
capital, a full stop followed by a capital, or a word followed by a count. Real text has the same shapes
(McDonald, YouTube, example.Com in a URL), so names written that way are listed as exceptions, tokens
that look like addresses, hashtags or handles are skipped, and a case seam needs three lower-case letters
before the capital. A token that occurs more than once in a document is taken as written on purpose (a
brand such as GiveWell recurs; a scraper's seam does not). The fix inserts one space.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Literal

import regex

from ..document import Document
from ..model import Edit, Finding
from ..rule import Rule

Join = Literal["case", "sentence", "digit"]

_CHUNK = regex.compile(r"\S+")
_SEAMS: dict[str, regex.Pattern] = {
    # three lower-case letters then a capitalised word: NewsWhite, rightsOpens (not YouTube, MacBook)
    "case": regex.compile(r"(?<=\p{Ll}{3})(?=\p{Lu}\p{Ll}{2})"),
    # end of a sentence then the next one: difference.Russia's
    "sentence": regex.compile(r"(?<=\p{Ll}{2}[.!?][\"'”’]?)(?=\p{Lu}\p{Ll})"),
    # a capitalised word then a count: Comments0, Shares12
    "digit": regex.compile(r"(?<=(?<!\p{L})\p{Lu}\p{Ll}{2,})(?=\d+(?!\S))"),
}
_ADDRESS = regex.compile(r"^[#@]|://|www\.|@|\.(?:com|org|net|html?|php)\b", regex.IGNORECASE)
_WORD = regex.compile(r"[\p{L}\p{N}]+")


@dataclass(frozen=True)
class Options:
    joins: tuple[Join, ...] = field(default=("case", "sentence", "digit"), metadata={"doc": "seams to look for"})
    exceptions: tuple[str, ...] = field(default=(), metadata={"doc": "words that are right as written"})
    repeated_ok: bool = field(default=True, metadata={"doc": "a token seen twice in a document is not glue"})


def build(rule: Rule):
    opts: Options = rule.options
    seams = [_SEAMS[j] for j in opts.joins]
    exceptions = frozenset(opts.exceptions)

    def check(doc: Document) -> list[Finding]:
        out = []
        counts: Counter[str] | None = None  # words of the body, counted only once a seam is found
        for chunk in _CHUNK.finditer(doc.text, doc.body_start):
            text = chunk.group()
            if len(text) < 5 or _ADDRESS.search(text):
                continue
            cuts = sorted({m.start() for seam in seams for m in seam.finditer(text)})
            if not cuts:
                continue
            words = _WORD.findall(text)
            if any(word in exceptions for word in words):
                continue
            if opts.repeated_ok:
                if counts is None:
                    counts = Counter(_WORD.findall(doc.text, doc.body_start))
                if any(counts[word] > 1 for word in words):
                    continue
            at = chunk.start() + cuts[0]
            out.append(rule.finding(chunk.start(), chunk.end(), Edit(at, at, " "), match=text))
        return out

    return check
