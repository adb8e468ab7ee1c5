"""names: near-misses of names in a gazetteer, such as "Zaphorizia" for "Zaporizhzhia".

A capitalised word that is not itself a known spelling but comes close to one (rapidfuzz's ratio at or
above `min_score`) is reported with the canonical spelling. Accepted variants ("Zaporizhia") are listed
with their name so they are never reported. Only words of the same first letter and similar length are
compared, which keeps the check cheap and its guesses sane. The suggestion is an unsafe fix: a name can be
a different, real name that the gazetteer does not know.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

import regex

from ..document import Document
from ..model import Edit, Finding
from ..rule import Rule
from ..scan import Gates

# A capitalised word, with inner hyphens or apostrophes (O'Brien, Abu-Dhabi) but not a possessive 's.
_CANDIDATE = regex.compile(r"(?<![\p{L}\p{N}'’-])\p{Lu}\p{Ll}+(?:[-’'](?!s\b)\p{Lu}?\p{Ll}+)*(?![\p{L}\p{N}])")


@dataclass(frozen=True)
class Options:
    names: dict[str, tuple[str, ...]] = field(
        metadata={"doc": "canonical name -> accepted other spellings (may be empty)"}
    )
    min_score: float = field(default=80.0, metadata={"doc": "rapidfuzz ratio, 0-100"})
    min_length: int = field(default=6, metadata={"doc": "shorter words are not judged"})


def problems(options: Options) -> list[tuple[str, str]]:
    if not 0 < options.min_score <= 100:
        return [("min_score", "must be between 0 and 100")]
    return []


def build(rule: Rule, _gates: Gates):
    from rapidfuzz import fuzz  # only when a names rule is in use

    opts: Options = rule.options
    known = {n.casefold() for name, variants in opts.names.items() for n in (name, *variants)}
    by_initial: dict[str, list[tuple[str, str]]] = {}
    for name in opts.names:
        by_initial.setdefault(name[:1].casefold(), []).append((name, name.casefold()))

    # The same capitalised words come back in article after article; each is compared with the names once.
    @lru_cache(maxsize=1 << 16)
    def closest(word: str) -> str | None:
        best, best_score, folded = None, opts.min_score, word.casefold()
        for name, folded_name in by_initial.get(word[:1].casefold(), ()):
            if abs(len(name) - len(word)) > max(3, len(name) // 3):
                continue
            score = fuzz.ratio(folded, folded_name)
            if score >= best_score:
                best, best_score = name, score
        return best

    def check(doc: Document) -> list[Finding]:
        # each distinct word once; most articles have no near-miss, and then no word's place is needed
        words = set(_CANDIDATE.findall(doc.text, doc.body_start))
        misses = {w: n for w in words if len(w) >= opts.min_length and w.casefold() not in known and (n := closest(w))}
        if not misses:
            return []
        out = []
        for m in _CANDIDATE.finditer(doc.text, doc.body_start):
            word = m.group()
            name = misses.get(word)
            if name is not None:
                edit = Edit(m.start(), m.end(), name)
                out.append(rule.finding(m.start(), m.end(), edit, match=word, suggestion=name))
        return out

    return check
