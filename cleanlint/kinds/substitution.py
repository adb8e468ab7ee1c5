"""substitution: known wrong phrases, each with the phrase it should be.

Mistranslations and spun phrases come from a finite vocabulary ("Middle School of Journalism" for Medill,
"in point" for "in question"), so they are data: a swap map. `unless` names contexts where the phrase is
right after all ("a case in point"). The suggestion is the fix; most packs mark it unsafe, because a
swap that is right in one article can be wrong in another.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import regex

from ..document import Document
from ..model import Edit, Finding
from ..rule import Rule
from ..scan import Gates
from .gated import gated_alternation
from .patterns import compile_alternation

_SPACE = regex.compile(r"\s+")


@dataclass(frozen=True)
class Options:
    swaps: dict[str, str] = field(metadata={"doc": "wrong phrase -> suggested phrase"})
    ignore_case: bool = True
    unless: tuple[str, ...] = field(
        default=(), metadata={"regex": True, "doc": "leave a match alone when one of these overlaps it"}
    )


def problems(options: Options) -> list[tuple[str, str]]:
    if not options.swaps:
        return [("swaps", "a substitution rule needs at least one swap")]
    return []


def _key(text: str) -> str:
    return _SPACE.sub(" ", text).strip().casefold()


def _match_case(suggestion: str, found: str) -> str:
    """Capitalise the suggestion when the wrong phrase was capitalised (start of a sentence)."""
    if found[:1].isupper() and suggestion[:1].islower():
        return suggestion[0].upper() + suggestion[1:]
    return suggestion


def build(rule: Rule, gates: Gates):
    opts: Options = rule.options
    alternation = gated_alternation(gates, (), tuple(opts.swaps), opts.ignore_case)
    suggestions = {_key(wrong): right for wrong, right in opts.swaps.items()}
    unless = compile_alternation(opts.unless, ignore_case=True)

    def check(doc: Document) -> list[Finding]:
        pattern = alternation.for_document(doc)
        if pattern is None:
            return []
        excluded = []
        if unless is not None:
            excluded = [(m.start(), m.end()) for m in unless.finditer(doc.text, doc.body_start)]
        out = []
        for m in pattern.finditer(doc.text, doc.body_start):
            if any(s < m.end() and m.start() < e for s, e in excluded):
                continue
            suggestion = _match_case(suggestions[_key(m.group())], m.group())
            edit = Edit(m.start(), m.end(), suggestion)
            out.append(rule.finding(m.start(), m.end(), edit, match=m.group(), suggestion=suggestion))
        return out

    return check
