"""Structure is content: the rules that must not touch tables, code, transcripts, content lists and verse.

A table row looks like a breadcrumb trail, a transcript's repeated answer like a repeated caption, code like
leftover markup or glued sentences (`React.Component`). Inside the regions structure/regions.py finds, findings of
boilerplate rules, of repetition and markup rules, and of the glued-text repair are left out: each would
remove or rewrite content. Other artifacts (mojibake in a table, a misspelt name in a transcript) are still
reported there. The regions are worked out only for a document where such a rule found something.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from ..document import Document
from ..model import Category, Finding

if TYPE_CHECKING:
    from ..rule import Rule

_SHY_KINDS = frozenset({"repetition", "markup", "glue"})


def structure_shy(rule: Rule) -> bool:
    """Whether the rule's findings are left out inside structured regions."""
    return rule.category is Category.BOILERPLATE or rule.kind in _SHY_KINDS


def outside_structure(doc: Document, findings: Iterable[Finding]) -> list[Finding]:
    """The findings that neither lie in a structured region nor edit text in one."""
    findings = list(findings)
    if not findings:
        return findings
    from .regions import in_structure  # here: most documents give these rules nothing to judge

    kept = []
    for f in findings:
        start, end = (f.start, f.end) if f.fix is None else (min(f.start, f.fix.edit.start), max(f.end, f.fix.edit.end))
        if in_structure(doc, start, end) is None:
            kept.append(f)
    return kept
