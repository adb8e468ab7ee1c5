"""names: misspelt names, such as "Zaphorizia" for "Zaporizhzhia" or "Afhganistan" for "Afghanistan".

Two ways of knowing a name, each with its own evidence:

- The rule's `names` (and a corpus's `--gazetteer`): a capitalised word that is not itself a known spelling
  but comes close to one (rapidfuzz's ratio at or above `min_score`) is reported with the canonical
  spelling. Accepted variants ("Zaporizhia") are listed with their name so they are never reported. Only
  words of the same first letter and similar length are compared, which keeps the check cheap and its
  guesses sane.
- With `world` (name_slips.py), the names of the world's places (placenames.py) and the document's own
  names: a capitalised word one slip (name_edits.py: a transposition, an insertion or a deletion) away from
  a well-known place, or from a name the document writes more often or that is a place. Most such words
  are real words or names of their own, so the word itself must be unknown and written once, and read as
  a place would be, in English.

Both ways leave alone a word that reads as a part of a person's name ("Adam Kropelin", "Mr Huston") or that
is in a URL or an identifier.

The suggestion is an unsafe fix: a name can be a different, real name that no gazetteer knows.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

from ..document import Document
from ..model import Edit, Finding
from ..rule import Rule
from ..scan.gates import Gates
from ..scan.memo import compiled
from .support.name_slips import in_a_persons_name, in_code, slip_check

# A capitalised word, with inner hyphens or apostrophes (O'Brien, Abu-Dhabi) but not a possessive 's.
_CANDIDATE = compiled(r"(?<![\p{L}\p{N}'’-])\p{Lu}\p{Ll}+(?:[-’'](?!s\b)\p{Lu}?\p{Ll}+)*(?![\p{L}\p{N}])")


@dataclass(frozen=True)
class Options:
    names: dict[str, tuple[str, ...]] = field(
        metadata={"doc": "canonical name -> accepted other spellings (may be empty)"}
    )
    min_score: float = field(default=80.0, metadata={"doc": "rapidfuzz ratio, 0-100"})
    min_length: int = field(default=6, metadata={"doc": "shorter words are not judged"})
    world: bool = field(
        default=False, metadata={"doc": "also words one slip from a well-known place or the document's own names"}
    )
    min_slip_length: int = field(
        default=5, metadata={"doc": "with `world`, shorter words are not judged (one less beside their name)"}
    )
    max_word_zipf: float = field(
        default=2.5, metadata={"doc": "a word this common in English (wordfreq's Zipf scale) is no misspelling"}
    )
    min_place_zipf: float = field(
        default=2.5, metadata={"doc": "with `world`, a place is well known when its name is this common in English"}
    )


def problems(options: Options) -> list[tuple[str, str]]:
    if not 0 < options.min_score <= 100:
        return [("min_score", "must be between 0 and 100")]
    if options.min_slip_length < 3:
        return [("min_slip_length", "must be at least 3")]
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
        """The listed name `word` is a misspelling of, or None: a word too short to judge, a spelling the
        rule lists, or one near no name."""
        folded = word.casefold()
        if len(word) < opts.min_length or folded in known:
            return None
        best, best_score = None, opts.min_score
        for name, folded_name in by_initial.get(word[:1].casefold(), ()):
            if abs(len(name) - len(word)) > max(3, len(name) // 3):
                continue
            score = fuzz.ratio(folded, folded_name)
            if score >= best_score:
                best, best_score = name, score
        return best

    slips = slip_check(known, opts.min_slip_length, opts.max_word_zipf, opts.min_place_zipf) if opts.world else None

    def check(doc: Document) -> list[Finding]:
        # each distinct word once; most articles have no near-miss, and then no word's place is needed
        words = set(_CANDIDATE.findall(doc.text, doc.body_start))
        misses = {w: n for w in words if (n := closest(w))}
        out = []
        if misses:
            for m in _CANDIDATE.finditer(doc.text, doc.body_start):
                word = m.group()
                name = misses.get(word)
                if name is None or in_code(doc.text, m.start(), m.end()):
                    continue
                if not in_a_persons_name(doc.text, m.start(), m.end()):
                    edit = Edit(m.start(), m.end(), name)
                    out.append(rule.finding(m.start(), m.end(), edit, match=word, suggestion=name))
        if slips is not None:
            taken = [(f.start, f.end) for f in out]
            for start, end, name in slips(doc):
                if not any(s < end and start < e for s, e in taken):
                    edit = Edit(start, end, name)
                    out.append(rule.finding(start, end, edit, match=doc.text[start:end], suggestion=name))
            out.sort(key=lambda f: f.start)
        return out

    return check
