"""Runs compiled rules over documents. Pure: a Document in, findings out, nothing printed or written.

Rules are built into checks once, when the Engine is made, and reused for every document of a run; that
purity is what lets the same engine serve a pre-commit hook, a worker process and a test alike.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from .document import Document
from .kinds import KINDS
from .model import Finding
from .rule import Rule


@dataclass(frozen=True)
class Selection:
    """Which codes run: `select` and `ignore` hold codes or prefixes ("B", "B1", "B101")."""

    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()

    def allows(self, code: str) -> bool:
        if self.select and not any(code.startswith(p) for p in self.select):
            return False
        return not any(code.startswith(p) for p in self.ignore)


class Engine:
    def __init__(self, rules: Sequence[Rule], selection: Selection = Selection()):
        self.rules = [r for r in rules if selection.allows(r.code)]
        self._checks = [(rule, KINDS[rule.kind].build(rule)) for rule in self.rules]

    def check(self, doc: Document, skip: Iterable[str] = ()) -> list[Finding]:
        """All findings in `doc`, in text order; `skip` holds codes or prefixes to leave out here."""
        skip = tuple(skip)
        out: list[Finding] = []
        for rule, check in self._checks:
            if skip and rule.code.startswith(skip):
                continue
            out.extend(check(doc))
        out.sort(key=Finding.sort_key)
        return out
