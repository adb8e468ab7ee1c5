"""fragment: a garbled scrap where a sentence should be, such as "And mortar shells, and guns."

Spinners and broken extractors leave short, verbless, conjunction-led lists behind. Writers use
conjunction-led fragments too ("But not for long."), so by default the scrap must also be a list (a comma
and a second conjunction) and contain no word from `verbs` and no -ed or -ing form. Reported only: what the
sentence should have said cannot be guessed.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import regex

from ..document import Document
from ..model import Finding
from ..rule import Rule
from ..scan import Gates

_WORD = regex.compile(r"[\p{L}'’-]+")
_VERB_FORM = regex.compile(r"\p{L}{2,}(?:ed|ing)$")


@dataclass(frozen=True)
class Options:
    lead_words: tuple[str, ...] = field(default=("And", "Or", "Nor"), metadata={"doc": "a scrap starts so"})
    max_words: int = 8
    require_list: bool = field(default=True, metadata={"doc": "needs ', and' or ', or' after the lead"})
    verbs: tuple[str, ...] = field(default=(), metadata={"doc": "words that make it a clause, not a scrap"})


def build(rule: Rule, _gates: Gates):
    opts: Options = rule.options
    leads = frozenset(opts.lead_words)
    verbs = frozenset(v.casefold() for v in opts.verbs)
    listed = regex.compile(r",\s+(?:and|or|nor)\s")

    def is_scrap(sentence: str) -> bool:
        words = _WORD.findall(sentence)
        if not words or words[0] not in leads or len(words) > opts.max_words or sentence[-1:] not in ".!?":
            return False
        if opts.require_list and not listed.search(sentence):
            return False
        return not any(w.casefold() in verbs or _VERB_FORM.search(w.casefold()) for w in words[1:])

    def check(doc: Document) -> list[Finding]:
        return [
            rule.finding(s.start, s.end, match=doc.text[s.start : s.end])
            for s in doc.sentences
            if is_scrap(doc.text[s.start : s.end])
        ]

    return check
