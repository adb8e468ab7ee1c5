"""Finding the lines and paragraphs that recur across a source's documents: candidates for boilerplate rules.

No rule pack can know every site's footer. A line printed verbatim under 40 of a site's 50 articles is
that site's furniture; a sentence in 2 of 500 articles is a quote that two stories share. Counting in how
many of a source's documents each line occurs, against a floor of documents and of share, tells the two
apart, and a stricter share for lines that read like reporting keeps prose out. Detection is pure:
documents go in, frozen candidates come out; `minepack.py` writes them as a rule pack, `cli/main.py` reads files.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

import regex

from ..document import Document, Region
from ..kinds.support.scoping import Position

Unit = Literal["line", "paragraph"]

EDGE_LINES = 10  # occurrences all within this many content lines of the head or tail give the rule a position
WINDOW_SLACK = 2  # content lines added to the observed window, for documents with a line more or less
STRICT_SHARE = 0.8  # the share needed by one-word lines and by lines that read like reporting
PROSE_WORDS = 20  # a unit this long reads like reporting
MAX_PARAGRAPH_LINES = 8  # longer paragraphs are not counted as units (their lines still are)
MAX_SAMPLES = 2
MAX_VARIANTS = 8

_DIGITS = regex.compile(r"\d+")
_WORDS = regex.compile(r"\p{L}+")
_REPORTING = regex.compile(r"\b(?:said|says|told|according to)\b|[\"“”«»„]", regex.IGNORECASE)


@dataclass(frozen=True)
class MineOptions:
    min_docs: int = 3  # a candidate occurs in at least this many documents of its source
    min_share: float = 0.5  # ... and in at least this share of them
    max_per_source: int = 0  # keep the most frequent candidates of each source (0: all)


@dataclass(frozen=True)
class Sample:
    """One place a candidate stands, as written, with the lines around it: for the rule's example."""

    path: str
    line: int  # 1-based line of the file where the unit starts
    text: str  # the line, or the paragraph with its line breaks
    before: str = ""  # the content line before the unit ("" at the top)
    after: str = ""  # the content line after it ("" at the end)
    gap_before: bool = False  # a blank line stands between `before` and the unit
    gap_after: bool = False


@dataclass(frozen=True)
class Candidate:
    """A line or paragraph that recurs: what a proposed rule is made from."""

    unit: Unit
    texts: tuple[str, ...]  # the spellings seen (white space collapsed), most frequent first
    sources: tuple[str, ...]  # the sources it recurs in; () when its documents name no source
    docs: int  # documents it occurs in
    total: int  # documents of those sources
    position: Position  # head, tail or edge when every occurrence stood there; else anywhere
    window: int  # content lines of the head or tail that held every occurrence, with some slack
    paths: tuple[str, ...]  # a few of its documents, as path:line
    sample: Sample

    @property
    def share(self) -> float:
        return self.docs / self.total


@dataclass(frozen=True)
class MineResult:
    candidates: tuple[Candidate, ...]
    documents: int  # documents counted (exact copies once)
    duplicates: int  # documents skipped as exact copies of one already counted
    sources: tuple[tuple[str | None, int], ...]  # (source, documents); None: documents that name none


class _Stats:
    """Running counts for one unit of one source; mutable while mining, never returned."""

    __slots__ = ("docs", "edge", "first", "head", "last_doc", "samples", "tail", "variants")

    def __init__(self, first: tuple[int, int, int]):
        self.docs = 0
        self.last_doc = -1
        self.head = self.tail = self.edge = 0  # the largest distance seen from the head, tail, nearer edge
        self.first = first  # (document number, content line index, file line) of the first occurrence
        self.variants: dict[str, int] = {}
        self.samples: list[Sample] = []


class _Source:
    __slots__ = ("docs", "seen", "units")

    def __init__(self) -> None:
        self.docs = 0
        self.seen: set[bytes] = set()
        self.units: dict[str, _Stats] = {}


def normalise(text: str) -> str:
    """The counting key: white space collapsed, case folded, every run of digits alike ("3 hours ago")."""
    return _DIGITS.sub("0", " ".join(text.split()).casefold())


def needs_strict_share(text: str) -> bool:
    """Whether a unit is too short to be telling, or reads like reporting (a quote, "said", a long sentence)."""
    words = _WORDS.findall(text)
    return len(words) < 2 or len(words) >= PROSE_WORDS or _REPORTING.search(text) is not None


class Miner:
    """Counts units document by document (`add`), then picks the candidates (`result`).

    Only counts, a few spellings and a couple of samples are kept per unit, never whole documents.
    """

    def __init__(self, options: MineOptions = MineOptions()):
        self.options = options
        self._sources: dict[str | None, _Source] = {}
        self._paths: list[str] = []
        self._duplicates = 0

    def add(self, doc: Document, source: str | None, skip: Sequence[tuple[int, int]] = ()) -> None:
        """Count `doc` under `source`; spans in `skip` (what the rules in use flag already) are not counted."""
        lines = doc.content_lines
        if not lines:
            return
        group = self._sources.setdefault(source, _Source())
        digest = hashlib.blake2b("\n".join(doc.text[ln.start : ln.end] for ln in lines).encode(), digest_size=16)
        if digest.digest() in group.seen:
            self._duplicates += 1
            return
        group.seen.add(digest.digest())
        group.docs += 1
        number = len(self._paths)
        self._paths.append(doc.path)
        for unit, first, last in _units(doc, lines):
            region = Region(lines[first].start, lines[last].end)
            if any(a < region.end and region.start < b for a, b in skip):
                continue
            text = doc.text[region.start : region.end]
            if not any(ch.isalnum() for ch in text):
                continue
            key = ("P" if unit == "paragraph" else "L") + normalise(text)
            stats = group.units.get(key)
            if stats is None:
                stats = group.units[key] = _Stats((number, first, doc.line_index(region.start) + 1))
            stats.head = max(stats.head, first)
            stats.tail = max(stats.tail, len(lines) - 1 - last)
            stats.edge = max(stats.edge, min(first, len(lines) - 1 - last))
            if stats.last_doc == number:
                continue
            stats.last_doc = number
            stats.docs += 1
            spelling = " ".join(text.split())
            if spelling in stats.variants or len(stats.variants) < MAX_VARIANTS:
                stats.variants[spelling] = stats.variants.get(spelling, 0) + 1
            if stats.docs > 1 and len(stats.samples) < MAX_SAMPLES:
                stats.samples.append(_sample(doc, lines, first, last))

    def result(self) -> MineResult:
        picked: dict[str, list[tuple[str | None, _Stats, int]]] = {}
        for name, group in self._sources.items():
            chosen = [(k, s) for k, s in group.units.items() if self._recurs(s, group.docs)]
            chosen.sort(key=lambda ks: (-ks[1].docs, ks[1].first))
            if self.options.max_per_source:
                chosen = chosen[: self.options.max_per_source]
            for key, stats in chosen:
                picked.setdefault(key, []).append((name, stats, group.docs))
        candidates = [self._candidate(key, found) for key, found in picked.items()]
        candidates = _without_lines_of_paragraphs(candidates)
        candidates.sort(key=lambda c: ([_source_order(s) for s in c[0].sources], c[1]))
        counts = tuple(sorted(((n, g.docs) for n, g in self._sources.items()), key=lambda ng: _source_order(ng[0])))
        return MineResult(
            tuple(c for c, _ in candidates), sum(g.docs for g in self._sources.values()), self._duplicates, counts
        )

    def _recurs(self, stats: _Stats, total: int) -> bool:
        if stats.docs < max(self.options.min_docs, 2) or stats.docs < self.options.min_share * total:
            return False
        if not stats.samples:
            return False
        top = max(stats.variants, key=stats.variants.__getitem__)
        return not needs_strict_share(top) or stats.docs >= STRICT_SHARE * total

    def _candidate(self, key: str, found: list[tuple[str | None, _Stats, int]]):
        """One candidate from the sources a unit recurs in, with the order it first appeared in."""
        variants: dict[str, int] = {}
        for _, stats, _ in found:
            for text, n in stats.variants.items():
                variants[text] = variants.get(text, 0) + n
        head, tail, edge = (max(getattr(s, a) for _, s, _ in found) for a in ("head", "tail", "edge"))
        if head < EDGE_LINES and head <= tail:
            position, window = "head", head + 1 + WINDOW_SLACK
        elif tail < EDGE_LINES:
            position, window = "tail", tail + 1 + WINDOW_SLACK
        elif edge < EDGE_LINES:
            position, window = "edge", edge + 1 + WINDOW_SLACK
        else:
            position, window = "anywhere", 0
        names = [name for name, _, _ in found]
        firsts = sorted(s.first for _, s, _ in found)
        samples = [sample for _, s, _ in sorted(found, key=lambda f: f[1].first) for sample in s.samples]
        paths = [f"{self._paths[n]}:{line}" for n, _, line in firsts[:1]]
        paths += [f"{s.path}:{s.line}" for s in samples if f"{s.path}:{s.line}" not in paths]
        candidate = Candidate(
            unit="paragraph" if key.startswith("P") else "line",
            texts=tuple(sorted(variants, key=lambda t: -variants[t])),
            sources=() if None in names else tuple(sorted(n for n in names if n is not None)),
            docs=sum(s.docs for _, s, _ in found),
            total=sum(total for _, _, total in found),
            position=position,
            window=window,
            paths=tuple(paths[:3]),
            sample=samples[0],
        )
        return candidate, firsts[0]


def _source_order(name: str | None) -> tuple[bool, str, str]:
    """Sources in alphabetical order whatever their case; documents that name none last."""
    return (name is None, (name or "").casefold(), name or "")


def _units(doc: Document, lines: list[Region]):
    """(unit, first, last content line index) of every line, and of every paragraph of several lines."""
    for i in range(len(lines)):
        yield "line", i, i
    if len(doc.paragraphs) < 2:
        return  # one paragraph is the whole document, not a unit of it
    index = {ln.start: i for i, ln in enumerate(lines)}
    for para in doc.paragraphs:
        first = index[para.start]
        last = next(i for i in range(first, len(lines)) if lines[i].end == para.end)
        if 0 < last - first < MAX_PARAGRAPH_LINES:
            yield "paragraph", first, last


def _sample(doc: Document, lines: list[Region], first: int, last: int) -> Sample:
    text = doc.text

    def gap(a: Region, b: Region) -> bool:
        return doc.line_index(b.start) - doc.line_index(a.start) > 1

    before = lines[first - 1] if first > 0 else None
    after = lines[last + 1] if last + 1 < len(lines) else None
    return Sample(
        path=doc.path,
        line=doc.line_index(lines[first].start) + 1,
        text=text[lines[first].start : lines[last].end],
        before=text[before.start : before.end] if before else "",
        after=text[after.start : after.end] if after else "",
        gap_before=bool(before) and gap(before, lines[first]),
        gap_after=bool(after) and gap(lines[last], after),
    )


def _without_lines_of_paragraphs(candidates: list[tuple[Candidate, tuple]]) -> list[tuple[Candidate, tuple]]:
    """Drops a line candidate that recurs only as part of a recurring paragraph: the paragraph's rule has it."""
    covered: dict[tuple[str, ...], dict[str, int]] = {}
    for c, _ in candidates:
        if c.unit == "paragraph":
            for line in c.sample.text.split("\n"):
                keys = covered.setdefault(c.sources, {})
                keys[normalise(line)] = max(keys.get(normalise(line), 0), c.docs)
    return [
        (c, order)
        for c, order in candidates
        if c.unit == "paragraph" or c.docs > covered.get(c.sources, {}).get(normalise(c.texts[0]), 0)
    ]
