"""The HTML report's view of one document: its text cut at every finding boundary, and its figures.

Kept apart from report/html.py, which only gathers and writes: these functions are pure (a Document and its
findings in, strings and numbers out), so the segmenting, the escaping and the two figures the page shows
(the quality score and the words `fix` removes) are tested without writing a page.

Everything that comes from an article (its text, path, metadata, and the messages, which quote it) passes
through `html.escape` with quotes escaped, so an article holding `<script>` or `" onmouseover=` stays text.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from html import escape
from itertools import pairwise
from pathlib import Path

from ..document import Document, word_count
from ..model import Category, Finding, Safety
from ..sources.provenance import declared_source


@dataclass(frozen=True)
class Segment:
    """A stretch of text covered by the same findings: [start, end), or a point (start == end) for a
    finding of no width, such as a missing space."""

    start: int
    end: int
    findings: tuple[Finding, ...]


@dataclass(frozen=True)
class Removal:
    """The words the document's safe fixes would take out, in all and by rule code."""

    words: int
    by_code: tuple[tuple[str, int], ...]


def segments(doc: Document, findings: Sequence[Finding]) -> list[Segment]:
    """The body cut at every finding's start and end, each piece with the findings that cover it.

    Findings overlap (a link hint inside an agency notice, a stray number inside a widget counter), so a
    piece may carry several; cutting at every boundary gives each character exactly the set covering it,
    which is what lets the page's rule filter un-highlight one rule and keep another.
    """
    begin, length = doc.body_start, len(doc.text)

    def clamp(x: int) -> int:
        return min(max(x, begin), length)

    ordered = sorted(findings, key=Finding.sort_key)
    points = sorted({begin, length, *(clamp(f.start) for f in ordered), *(clamp(f.end) for f in ordered)})
    starting: dict[int, list[Finding]] = {}
    empty: dict[int, list[Finding]] = {}
    for f in ordered:
        (starting if clamp(f.end) > clamp(f.start) else empty).setdefault(clamp(f.start), []).append(f)
    out: list[Segment] = []
    active: list[Finding] = []
    for a, b in pairwise(points):
        if a in empty:
            out.append(Segment(a, a, tuple(empty[a])))
        active = sorted([f for f in active if clamp(f.end) > a] + starting.get(a, []), key=Finding.sort_key)
        out.append(Segment(a, b, tuple(active)))
    if length in empty:
        out.append(Segment(length, length, tuple(empty[length])))
    return out


def is_removal(f: Finding) -> bool:
    """Whether the finding's fix takes its text out (leaving at most white space)."""
    return f.fix is not None and f.fix.edit.end > f.fix.edit.start and not f.fix.edit.replacement.strip()


def _merged(spans: Iterable[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """Overlapping spans joined; each joined span keeps the code of the span that began it. Spans that
    only touch (one removed line, then the next) stay apart, so that each rule is credited its own words."""
    out: list[tuple[int, int, str]] = []
    for start, end, code in sorted(spans, key=lambda s: (s[0], -s[1], s[2])):
        if out and start < out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], end), out[-1][2])
        else:
            out.append((start, end, code))
    return out


def removal(doc: Document, findings: Sequence[Finding]) -> Removal:
    """The words the document's safe fixes would remove, as `cleanlint fix` without --unsafe-fixes would.

    The safe fixes that take text out are joined where they overlap, so that nested findings count their
    words once, and the words of the joined spans are counted (each span's words go to the rule whose fix
    begins it). A safe fix that replaces text adds the words of the text it replaces less those of its
    replacement, when that is more than nothing (a glued word split in two removes no word). This is a
    count of the text as read: `fix` may remove a little more on a later pass, and refuses a document whose
    removals would take more than its max-removal share (40% by default).
    """

    safe = [f for f in findings if f.has_safe_fix]
    spans = _merged((f.fix.edit.start, f.fix.edit.end, f.code) for f in safe if is_removal(f))
    counts: Counter[str] = Counter()
    for start, end, code in spans:
        counts[code] += word_count(doc.text[start:end])
    for f in safe:
        e = f.fix.edit
        if is_removal(f) or any(start < e.end and e.start < end for start, end, _ in spans):
            continue
        counts[f.code] += max(0, word_count(doc.text[e.start : e.end]) - word_count(e.replacement))
    kept = tuple(sorted((code, n) for code, n in counts.items() if n))
    return Removal(sum(n for _, n in kept), kept)


def body_words(doc: Document) -> int:

    return word_count(doc.text[doc.body_start :])


def score(doc: Document, findings: Sequence[Finding], words: int) -> int:
    """The document's quality score, 0-100: the share of its words (front matter aside) that no finding
    covers, whatever its category, rounded down, so that only a document without findings scores 100.

    One figure for people sorting thousands of documents: a score of 60 says that two fifths of the words
    are boilerplate, damaged or in another language, and which documents to read first.
    """

    if not words:
        return 100
    flagged = sum(
        word_count(doc.text[start:end])
        for start, end, _ in _merged((max(f.start, doc.body_start), f.end, f.code) for f in findings)
    )
    kept = max(0, words - flagged)
    if kept == words and findings:
        return 99  # findings that cover no whole word (a missing space) still cost the document its 100
    return 100 * kept // words


def source_of(doc: Document | None, path: Path) -> str:
    """The name the charts file a document under: its metadata's `source` or `site`, else the host of
    its `url`, else the name of the folder the file is in."""
    if doc is not None and (declared := declared_source(doc.metadata, ("source", "site"))):
        return declared
    return Path(path).absolute().parent.name or "(no folder)"


def _fix_note(f: Finding) -> str:
    if f.fix is None:
        return "reported only"
    safety = "safe fix" if f.fix.safety is Safety.SAFE else "unsafe fix (--unsafe-fixes)"
    edit = f.fix.edit
    if edit.start == edit.end:
        return f"{safety}: inserts “{edit.replacement}”"
    if not edit.replacement.strip():
        return f"{safety}: removed"
    return f"{safety}: replaced with “{edit.replacement}”"


def describe(f: Finding) -> str:
    """One line of a segment's tooltip: code, rule, message, and what fix does."""
    return f"{f.code} {f.rule}: {f.message} · {_fix_note(f)}"


_CATEGORY_CLASS = {Category.BOILERPLATE: "bp", Category.ARTIFACT: "art", Category.LANGUAGE: "lang"}


def _segment_html(text: str, seg: Segment) -> str:
    """A segment as markup: plain text, or <del> when a fix removes it, else <mark>, coloured by what
    covers it, with the codes (for the filter) and every finding's description (for the tooltip)."""
    piece = escape(text[seg.start : seg.end])
    if not seg.findings:
        return piece
    classes = ["seg"]
    removed = [f for f in seg.findings if is_removal(f)]
    if removed:
        safe = any(f.has_safe_fix for f in removed)
        classes.append("rm" if safe else "rmu")
    for category in (Category.BOILERPLATE, Category.ARTIFACT, Category.LANGUAGE):
        if any(f.category is category for f in seg.findings):
            classes.append(_CATEGORY_CLASS[category])
    if seg.start == seg.end:
        classes.append("pt")
    tag = "del" if removed else "mark"
    codes = " ".join(sorted({f.code for f in seg.findings}))
    title = "\n".join(describe(f) for f in seg.findings)
    return f'<{tag} class="{" ".join(classes)}" data-codes="{escape(codes)}" title="{escape(title)}">{piece}</{tag}>'


def text_html(doc: Document, findings: Sequence[Finding], anchor: str) -> str:
    """The document's text as markup, white space kept (the page shows it pre-wrapped), with an anchor at
    each finding's start for the document's list of findings to link to. Front matter is shown dimmed."""
    ordered = sorted(findings, key=Finding.sort_key)
    anchors: dict[int, list[int]] = {}
    for i, f in enumerate(ordered):
        anchors.setdefault(max(f.start, doc.body_start), []).append(i)
    parts = []
    if doc.body_start:
        parts.append(f'<span class="fm">{escape(doc.text[: doc.body_start])}</span>')
    for seg in segments(doc, ordered):
        parts.extend(f'<span class="anchor" id="{anchor}-f{i}"></span>' for i in anchors.pop(seg.start, ()))
        parts.append(_segment_html(doc.text, seg))
    for at in sorted(anchors):
        parts.extend(f'<span class="anchor" id="{anchor}-f{i}"></span>' for i in anchors[at])
    return "".join(parts)


def findings_html(doc: Document, findings: Sequence[Finding], anchor: str) -> str:
    """The document's findings as list items: where, code, rule, message, fix; each links into the text."""
    items = []
    for i, f in enumerate(sorted(findings, key=Finding.sort_key)):
        line, col = doc.position(f.start)
        items.append(
            f'<li data-code="{escape(f.code)}"><a href="#{anchor}-f{i}"><span class="loc">{line}:{col}</span> '
            f'<span class="code {_CATEGORY_CLASS[f.category]}">{escape(f.code)}</span> {escape(f.rule)}</a>'
            f'<span class="msg">{escape(f.message)}</span><span class="fixnote">{escape(_fix_note(f))}</span></li>'
        )
    return "".join(items)
