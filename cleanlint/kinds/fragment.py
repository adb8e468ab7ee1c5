"""fragment: a garbled scrap where a sentence should be, such as "And mortar shells, and guns."

Spinners and broken extractors leave short, verbless, conjunction-led lists behind. Writers use
conjunction-led fragments too ("But not for long."), so by default the scrap must also be a list (a comma
and a second conjunction) and contain no word from `verbs` and no -ed or -ing form. Reported only: what the
sentence should have said cannot be guessed.

Splitting a whole article into sentences costs more than all the rest of this check, and almost no
sentence starts with a lead word. So the lead words are looked for first, where they stand as whole words
(as the word pattern below reads them: the first word of a sentence is one); when a list is required, the
line around one must have the list shape too, as a sentence never spans lines. Only the sentences holding
what is left are split out and given the same test as before.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import regex

from ..document import Document
from ..model import Finding
from ..rule import Rule
from ..scan.gates import Gates
from ..scan.memo import compiled

_WORD_CHAR = r"[\p{L}'’-]"
_WORD = compiled(_WORD_CHAR + "+")
_VERB_FORM = compiled(r"\p{L}{2,}(?:ed|ing)$")


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
    listed = compiled(r",\s+(?:and|or|nor)\s")
    # a sentence's first word is a whole run of word characters, so a lead word that is not one never leads
    whole_leads = sorted(w for w in leads if _WORD.fullmatch(w))  # in one order: the pattern is kept by its text
    stands_alone = compiled(rf"(?<!{_WORD_CHAR})(?:{'|'.join(map(regex.escape, whole_leads))})(?!{_WORD_CHAR})")

    def is_scrap(sentence: str) -> bool:
        words = _WORD.findall(sentence)
        if not words or words[0] not in leads or len(words) > opts.max_words or sentence[-1:] not in ".!?":
            return False
        if opts.require_list and not listed.search(sentence):
            return False
        return not any(w.casefold() in verbs or _VERB_FORM.search(w.casefold()) for w in words[1:])

    def may_lead(doc: Document, start: int, listed_lines: dict[int, bool]) -> bool:
        """Whether the line holding a lead word at `start` has the list shape a scrap needs (a sentence
        never spans lines). Each line is searched once, whatever the number of lead words on it."""
        if not opts.require_list:
            return True
        line = doc.line_at(start, start)
        if line is None:
            return False
        if line.start not in listed_lines:
            listed_lines[line.start] = listed.search(doc.text, line.start, line.end) is not None
        return listed_lines[line.start]

    def lead_spans(text: str, start: int) -> list[tuple[int, int]]:
        """Where a lead word stands as a whole word, in order. str.find looks for each lead word faster
        than any pattern looks for all of them at once; the pattern then only checks the few hits."""
        ends: dict[int, int] = {}
        for word in whole_leads:
            at = text.find(word, start)
            while at != -1:
                if lead := stands_alone.match(text, at):
                    ends[at] = lead.end()
                at = text.find(word, at + 1)
        return sorted(ends.items())

    def check(doc: Document) -> list[Finding]:
        text, scraps, listed_lines = doc.text, {}, {}  # scraps: a dict, as an ordered set
        for start, end in lead_spans(text, doc.body_start):
            if not may_lead(doc, start, listed_lines):
                continue
            sentence = doc.sentence_at(start, end)
            if sentence is None or sentence in scraps:  # two lead words in one sentence
                continue
            if is_scrap(text[sentence.start : sentence.end]):
                scraps[sentence] = None
        return [rule.finding(s.start, s.end, match=text[s.start : s.end]) for s in scraps]

    return check
