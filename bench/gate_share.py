#!/usr/bin/env python3
"""How often a rule's literal gate opens in vain, measured inside one check of a folder's texts.

    python bench/gate_share.py ../shared/bench/aeb-dev            # *.article.txt of the folder

A gated rule (kinds/support/gated.py) searches a document only when the literals its pattern needs are all in it:
`GatedAlternation.for_document` then gives a searcher, else None. A gate that opens where the pattern then
finds nothing cost a search, and often a walk over lines, for no finding. This counts, over the
(gated alternation, document) pairs whose gate opened, those whose searcher found at least one match while
the rule used it; and it times, in a second pass without the counting, the share of the whole check
(document structure, the literal scan and every rule) spent in rule calls where a gate opened and none of
the rule's opened searchers matched.

The counting wraps `for_document` on the class while it runs, so the engine is measured as it is: nothing
in cleanlint knows of it. Gates of other kinds (the language check's marker words, the repetition and glue
kinds' own tests) are not gated alternations and are not counted.
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class GateShare:
    """Counts and times of one folder's check; see the module's docstring for what each means."""

    documents: int
    gated_rules: int  # rules that asked a gated alternation for a searcher at least once
    rules: int
    opened: int  # (gated alternation, document) pairs whose gate opened
    matched: int  # of those, the pairs whose searcher found at least one match
    vain_seconds: float  # rule calls in which a gate opened and no opened searcher matched
    check_seconds: float  # the whole check: structure, the literal scan and every rule call

    @property
    def matched_share(self) -> float:
        return self.matched / self.opened if self.opened else 0.0

    @property
    def vain_time_share(self) -> float:
        return self.vain_seconds / self.check_seconds if self.check_seconds else 0.0


class Recording:
    """A searcher that notes whether any of its searches found something, and is otherwise that searcher."""

    __slots__ = ("found", "inner")

    def __init__(self, inner):
        self.inner = inner
        self.found = False

    def _seen(self, m):
        if m is not None:
            self.found = True
        return m

    def search(self, *args, **kwargs):
        return self._seen(self.inner.search(*args, **kwargs))

    def match(self, *args, **kwargs):
        return self._seen(self.inner.match(*args, **kwargs))

    def fullmatch(self, *args, **kwargs):
        return self._seen(self.inner.fullmatch(*args, **kwargs))

    def finditer(self, *args, **kwargs):
        for m in self.inner.finditer(*args, **kwargs):
            self.found = True
            yield m

    def __getattr__(self, name: str):
        return getattr(self.inner, name)


@contextmanager
def recorded_gates(log: list[tuple[object, Recording | None]]) -> Iterator[None]:
    """While inside, every `GatedAlternation.for_document` call appends (alternation, its recorded searcher
    or None) to `log`, and the rule gets the recorded searcher."""
    from cleanlint.kinds.support.gated import GatedAlternation

    original, original_match_line = GatedAlternation.for_document, GatedAlternation.match_line

    def for_document(self, doc):
        searcher = original(self, doc)
        recorded = None if searcher is None else Recording(searcher)
        log.append((self, recorded))
        return recorded

    def match_line(self, searcher, text, at):
        """The alternation reads the searcher it gave (its alternatives), so it gets that one back."""
        if not isinstance(searcher, Recording):
            return original_match_line(self, searcher, text, at)
        return searcher._seen(original_match_line(self, searcher.inner, text, at))

    GatedAlternation.for_document, GatedAlternation.match_line = for_document, match_line
    try:
        yield
    finally:
        GatedAlternation.for_document, GatedAlternation.match_line = original, original_match_line


def build_checks(rules: Sequence | None = None) -> tuple[list[tuple[object, Callable]], Callable]:
    """The checks of `rules` (by default the default rules that run without a selection), built as the
    engine builds them, and the literal scan that runs once per document before them."""
    from cleanlint.kinds import KINDS
    from cleanlint.ruleset.defaults import default_rules_dir
    from cleanlint.ruleset.loader import load_rules
    from cleanlint.scan.gates import Gates

    if rules is None:
        rules = [r for r in load_rules([default_rules_dir()]) if r.enabled]
    gates = Gates()
    checks = [(rule, KINDS[rule.kind].build(rule, gates)) for rule in rules]
    gates.compile()
    return checks, gates.present


def _runs(rule, doc) -> bool:
    """Whether the engine runs `rule` on `doc` (a rule with `sources` runs only on documents of them)."""
    if not rule.sources:
        return True
    from cleanlint.sources.provenance import matches, source_names

    return matches(rule.sources, source_names(doc))


def measure(texts: Sequence[str], rules: Sequence | None = None, repeat: int = 3) -> GateShare:
    """Count the gates over `texts` in one pass, then time `repeat` plain passes and keep the quickest."""
    from cleanlint.document import Document

    checks, scan = build_checks(rules)
    log: list[tuple[object, Recording | None]] = []
    vain: set[tuple[int, int]] = set()  # (document, check) calls where a gate opened in vain
    gated: set[int] = set()
    opened = matched = 0
    with recorded_gates(log):
        for d, text in enumerate(texts):
            doc = Document(text)
            scan(doc)
            for c, (rule, check) in enumerate(checks):
                if not _runs(rule, doc):
                    continue
                log.clear()
                check(doc)
                if log:
                    gated.add(c)
                found: dict[int, bool] = {}  # by alternation, should a rule ask one twice for a document
                for alternation, recorded in log:
                    if recorded is not None:
                        found[id(alternation)] = found.get(id(alternation), False) or recorded.found
                opened += len(found)
                matched += sum(found.values())
                if found and not any(found.values()):
                    vain.add((d, c))
    best: tuple[float, float] | None = None
    clock = time.perf_counter
    for _ in range(repeat):
        total = wasted = 0.0
        for d, text in enumerate(texts):
            began = clock()
            doc = Document(text)
            _ = doc.lines, doc.content_lines, doc.paragraphs
            scan(doc)
            total += clock() - began
            for c, (rule, check) in enumerate(checks):
                if not _runs(rule, doc):
                    continue
                began = clock()
                check(doc)
                spent = clock() - began
                total += spent
                if (d, c) in vain:
                    wasted += spent
        if best is None or total < best[1]:
            best = (wasted, total)
    wasted, total = best or (0.0, 0.0)
    return GateShare(len(texts), len(gated), len(checks), opened, matched, wasted, total)


def describe(share: GateShare) -> str:
    """The figure as the speed table prints it."""
    return (
        f"{share.matched_share:.0%} ({share.matched} of {share.opened}); in vain: "
        f"{share.vain_time_share:.0%} of the check's time; {share.gated_rules} of {share.rules} rules gated, "
        f"{share.documents} texts"
    )


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("folder", type=Path)
    ap.add_argument("--glob", default="*.article.txt", help="which files of the folder (default: %(default)s)")
    ap.add_argument("--repeat", type=int, default=3, help="timed passes; the quickest is kept")
    args = ap.parse_args()
    texts = [p.read_text(encoding="utf-8") for p in sorted(args.folder.glob(args.glob))]
    if not texts:
        raise SystemExit(f"no texts matching {args.glob} in {args.folder}")
    print(f"opened gates that matched: {describe(measure(texts, repeat=args.repeat))}")


if __name__ == "__main__":
    main()
