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
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Literal

import regex

from ..document import Document
from ..model import Edit, Finding
from ..rule import Rule
from ..scan import Gates

Join = Literal["case", "sentence", "digit"]

_SEAMS: dict[str, regex.Pattern] = {
    # three lower-case letters then a capitalised word: NewsWhite, rightsOpens (not YouTube, MacBook)
    "case": regex.compile(r"(?<=\p{Ll}{3})(?=\p{Lu}\p{Ll}{2})"),
    # end of a sentence then the next one: difference.Russia's
    "sentence": regex.compile(r"(?<=\p{Ll}{2}[.!?][\"'”’]?)(?=\p{Lu}\p{Ll})"),
    # a capitalised word then a count: Comments0, Shares12
    "digit": regex.compile(r"(?<=(?<!\p{L})\p{Lu}\p{Ll}{2,})(?=\d+(?!\S))"),
}
_RUN_BEFORE = regex.compile(r"\S*", regex.REVERSE)  # the part of a run of non-space text before a place
_RUN_AFTER = regex.compile(r"\S*")
_ADDRESS = regex.compile(r"^[#@]|://|www\.|@|\.(?:com|org|net|html?|php)\b", regex.IGNORECASE)
_WORD = regex.compile(r"[\p{L}\p{N}]+")
_LETTERS_BEFORE = regex.compile(r"\p{L}+", regex.REVERSE)  # matched back from a place: only its own letters
_LETTERS_AFTER = regex.compile(r"\p{L}+")
# Runs of non-space text longer than this are never glue: two labels or words glued together are tens of
# characters, and a longer run is an address, a data blob or base64, whose seams (hundreds of thousands in
# a few megabytes) would each be judged by reading the run around it, a time that grows with the square of
# its length.
MAX_RUN = 200
_LOWER_LED = regex.compile(r"\p{Ll}{4,}$")  # "rights" in rightsOpens: a sentence's word, never a brand's head


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


def build(rule: Rule, _gates: Gates):
    opts: Options = rule.options
    seams = [(join, _SEAMS[join]) for join in opts.joins]
    exceptions = frozenset(opts.exceptions)
    before_labels, after_labels = frozenset(opts.labels_before), frozenset(opts.labels_after)
    judged = bool(before_labels or after_labels)  # without labels, every seam counts

    def is_seam(text: str, join: str, at: int) -> bool:
        """Whether the seam at `at` in a token is glue rather than a name written in camel case."""
        if join == "sentence" or not judged:
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

    def check(doc: Document) -> list[Finding]:
        out = []
        counts: Counter[str] | None = None  # words of the body, counted only once a seam is found
        for chunk_start, chunk_end in chunks_with_seams(doc):
            text = doc.text[chunk_start:chunk_end]
            if len(text) < 5 or _ADDRESS.search(text):
                continue
            cuts = sorted(
                {m.start() for join, seam in seams for m in seam.finditer(text) if is_seam(text, join, m.start())}
            )
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
            at = chunk_start + cuts[0]
            out.append(rule.finding(chunk_start, chunk_end, Edit(at, at, " "), match=text))
        return out

    return check
