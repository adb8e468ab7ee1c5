"""glue: words or sentences run together where a scraper dropped the space or line break.

"Top NewsWhite House", "difference.Russia's", "Comments0": the seam is a lower-case letter followed by a
capital, a full stop followed by a capital, or a word followed by a count. Real text has the same shapes:
brands are written in camel case (TaskRabbit, GrubHub, SecureDrop) far more often than a scraper glues two
words, and each brand is rare enough that no list of exceptions keeps up. So when a rule lists labels, a
seam between two capitalised words, or before a count, counts only when the whole word on one side of it
is a label that scrapers glue to their neighbours: a page's furniture, not a name. The side matters: "Top
News" ends a heading glued to the next line (NewsWhite), while outlets end in it (SpaceNews), so "News" is
one of `labels_before`; "Published" starts a dateline glued to the byline before it (YonhapPublished), so
it is one of `labels_after`. A seam after a lower-case word ("rightsOpens") is not how names are written
and always counts. Tokens that look like addresses, hashtags or handles are skipped, and a token seen
twice in a document is taken as written on purpose, and so is a run of over MAX_RUN characters without
a space (an address, a data blob). The fix inserts one space.

Two joins read more than the seam. A sentence seam ("jobs.The", "said.”The") is told from code, addresses
and initials by the words on both sides of it (glue_sentence.py); the token that recurs is the glued pair
itself, not each of its words ("The" recurs in every article). A label seam ("PoliticsThe vote ...") is a
site's section label glued to the headline at the top of the text (glue_label.py), and its repair is the
label's removal rather than a space. Where the words leave a seam in doubt (a capitalised word before the
stop, a single label before a capitalised word), the fix is offered as unsafe, with the reason.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Literal

import regex

from ..document import Document
from ..model import Edit, Evidence, Finding
from ..rule import Rule
from ..scan.gates import Gates
from ..scan.memo import compiled
from .support import glue_label, glue_sentence

Join = Literal["case", "sentence", "digit", "label"]

_SEAMS: dict[str, regex.Pattern] = {
    # three lower-case letters then a capitalised word: NewsWhite, rightsOpens (not YouTube, MacBook)
    "case": compiled(r"(?<=\p{Ll}{3})(?=\p{Lu}\p{Ll}{2})"),
    # end of a sentence then the next one: difference.Russia's, said.”The, (2019).The; judged by glue_sentence
    "sentence": glue_sentence.SEAM,
    # a capitalised word then a count: Comments0, Shares12
    "digit": compiled(r"(?<=(?<!\p{L})\p{Lu}\p{Ll}{2,})(?=\d+(?!\S))"),
}
_RUN_BEFORE = compiled(r"\S*", regex.REVERSE)  # the part of a run of non-space text before a place
_RUN_AFTER = compiled(r"\S*")
_ADDRESS = compiled(r"^[#@]|://|www\.|@|\.(?:com|org|net|html?|php)\b", regex.IGNORECASE)
_WORD = compiled(r"[\p{L}\p{N}]+")
_LETTERS_BEFORE = compiled(r"\p{L}+", regex.REVERSE)  # matched back from a place: only its own letters
_LETTERS_AFTER = compiled(r"\p{L}+")
_TOKEN_EDGES = "\"'“”‘’()[],.;:!?«»"  # stripped when a run of non-space text is counted as a token
# Runs of non-space text longer than this are never glue: two labels or words glued together are tens of
# characters, and a longer run is an address, a data blob or base64, whose seams (hundreds of thousands in
# a few megabytes) would each be judged by reading the run around it, a time that grows with the square of
# its length.
MAX_RUN = 200
_LOWER_LED = compiled(r"\p{Ll}{4,}$")  # "rights" in rightsOpens: a sentence's word, never a brand's head


@dataclass(frozen=True)
class Options:
    joins: tuple[Join, ...] = field(default=("case", "sentence", "digit"), metadata={"doc": "seams to look for"})
    exceptions: tuple[str, ...] = field(default=(), metadata={"doc": "words that are right as written"})
    repeated_ok: bool = field(default=True, metadata={"doc": "a token seen twice in a document is not glue"})
    labels_before: tuple[str, ...] = field(
        default=(), metadata={"doc": 'labels glued to what follows them ("News" in NewsWhite, "Comments" in Comments0)'}
    )
    labels_after: tuple[str, ...] = field(
        default=(), metadata={"doc": 'labels glued to the word before them ("Published" in YonhapPublished)'}
    )
    openers: tuple[str, ...] = field(
        default=(),
        metadata={
            "doc": 'words that open sentences and headlines and never end a name ("The", "Il", "W"): '
            "after them a sentence or label seam is certain"
        },
    )
    section_labels: tuple[str, ...] = field(
        default=(), metadata={"doc": 'with the label join: labels sites print above headlines ("Politics", "Top News")'}
    )
    window: int = field(default=1, metadata={"doc": "with the label join: content lines from the top a label may open"})


def problems(options: Options) -> list[tuple[str, str]]:
    if "label" in options.joins:
        if len(options.joins) > 1:
            return [("joins", "the label join stands alone: its repair removes the label, the others insert a space")]
        if not options.section_labels:
            return [("section_labels", "the label join needs the labels it looks for")]
    return []


def build(rule: Rule, _gates: Gates):
    opts: Options = rule.options
    exceptions = frozenset(opts.exceptions)
    openers = frozenset(w.replace("'", "’") for w in opts.openers)
    if "label" in opts.joins:
        return _label_check(rule, opts, exceptions, openers)
    seams = [(join, _SEAMS[join]) for join in opts.joins]
    before_labels, after_labels = frozenset(opts.labels_before), frozenset(opts.labels_after)
    judged = bool(before_labels or after_labels)  # without labels, every seam counts

    def is_seam(text: str, join: str, at: int) -> bool:
        """Whether the case or digit seam at `at` in a token is glue rather than a name in camel case."""
        if not judged:
            return True
        before = _LETTERS_BEFORE.match(text, 0, at)
        after = _LETTERS_AFTER.match(text, at)
        if before is None:
            return False
        if join == "case" and _LOWER_LED.fullmatch(before.group()):
            return True
        return before.group() in before_labels or (after is not None and after.group() in after_labels)

    def chunks_with_seams(doc: Document) -> list[tuple[int, int]]:
        """The runs of non-space text, up to MAX_RUN characters, that hold a seam, in text order.

        Each seam pattern looks at letters and marks only, never across white space, so a seam found
        in the whole text is one found in its run: one scan per join replaces a scan per word. A run is
        read once, for its first seam; the seams after it in the same run are passed over.
        """
        text, found = doc.text, set()
        for _join, seam in seams:
            run_end = -1
            for m in seam.finditer(text, doc.body_start):
                if m.start() < run_end:
                    continue
                start = _RUN_BEFORE.match(text, doc.body_start, m.start()).start()
                run_end = _RUN_AFTER.match(text, m.start()).end()
                if run_end - start <= MAX_RUN:
                    found.add((start, run_end))
        return sorted(found)

    def cuts_in(doc: Document, start: int, end: int) -> list[tuple[int, str, str | None]]:
        """Where the run [start, end) is glued: the place, the join, and why its space is not certain (None:
        it is)."""
        text, cuts = doc.text, []
        for join, seam in seams:
            for m in seam.finditer(text, start, min(end + 1, len(text))):  # a lookahead may read the space
                if m.start() >= end:
                    break
                if join == "sentence":
                    verdict = glue_sentence.judge(text, m, start, end, openers, doc.body_start)
                    if verdict is not None:
                        cuts.append((verdict.at, join, verdict.held))
                elif is_seam(text[start:end], join, m.start() - start):
                    cuts.append((m.start(), join, None))
        return sorted(cuts, key=lambda cut: cut[0])

    def check(doc: Document) -> list[Finding]:
        out = []
        counts: Counter[str] | None = None  # words of the body, counted only once a seam is found
        tokens: Counter[str] | None = None  # runs of non-space text of the body, likewise
        for chunk_start, chunk_end in chunks_with_seams(doc):
            text = doc.text[chunk_start:chunk_end]
            if len(text) < 5 or _ADDRESS.search(text):
                continue
            cuts = cuts_in(doc, chunk_start, chunk_end)
            if not cuts:
                continue
            words = _WORD.findall(text)
            if any(word in exceptions for word in words):
                continue
            if opts.repeated_ok:
                if counts is None:
                    counts = Counter(_WORD.findall(doc.text, doc.body_start))
                    tokens = Counter(t.strip(_TOKEN_EDGES) for t in doc.text[doc.body_start :].split())
                if tokens[text.strip(_TOKEN_EDGES)] > 1:
                    continue
                # a name in camel case recurs as a word; a sentence seam's words ("The") recur in any text
                if cuts[0][1] != "sentence" and any(counts[word] > 1 for word in words):
                    continue
            at, _join, held = cuts[0]
            out.append(rule.finding(chunk_start, chunk_end, Edit(at, at, " "), held=held, match=text))
        return out

    return check


def _label_check(rule: Rule, opts: Options, exceptions: frozenset[str], openers: frozenset[str]):
    """The label join: a section label glued to the headline among the first `window` lines, removed."""
    patterns = glue_label.label_patterns(opts.section_labels)

    def check(doc: Document) -> list[Finding]:
        out = []
        for label in glue_label.find(doc, patterns, openers, exceptions, opts.window, opts.repeated_ok):
            cut = doc.removal(label.start, label.seam)
            evidence = [Evidence.POSITION, Evidence.SHAPE]
            match = doc.text[label.start : label.seam]
            out.append(rule.finding(label.start, label.seam, Edit(*cut, ""), evidence, held=label.held, match=match))
        return out

    return check
