"""Whether a safe removal has earned the right to be applied: evidence beyond wording, and no prose taken.

Rules that fire on words alone delete reporting on pages nobody tuned them for ("Subscribers in Europe
accounted for ...", "Research by X found ..."). So a rule's `safe` is a claim, checked on each finding:

- a removal needs at least one signal besides the words it matched (model.Evidence): its position, its
  shape, two anchored ends, repetition, or recurrence across a source's documents;
- a removal whose text reads as running prose (prose.py) needs structural evidence that it is furniture: a
  block with two anchored ends or a heading with its list, recurrence across the source's documents, its
  position together with the family's own shape (a formula that leads or closes the line where the family
  stands), or a line repeated in the document that has the shape of furniture (a gallery caption printed
  under every picture).

Evidence is pooled by span: when several rules find the same text, each knows what all of them saw (one
rule sees the caption's form, another that it is printed four times).

A finding that falls short keeps its fix, offered as unsafe, with the reason: `check` shows it, `fix` leaves
the text, `fix --unsafe-fixes` applies it. The decision is made where findings are made (engine.py), so
`check`, `fix` and every report agree on it.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace

from ..document import Document
from ..model import Evidence, Finding, Fix, Safety
from ..structure.prose import reads_as_prose

# signals that a removal is furniture even where its text reads as prose
_STRUCTURAL = frozenset({Evidence.BLOCK, Evidence.RECURRENCE})
# pairs of signals that are structural together
_PAIRS = (frozenset({Evidence.POSITION, Evidence.SHAPE}), frozenset({Evidence.REPEATED, Evidence.SHAPE}))
ONLY_WORDING = "wording alone"  # nothing but the words it matched marks it as boilerplate
PROSE = "reads as prose"  # and no structure marks it as boilerplate


def held_reason(doc: Document, finding: Finding) -> str | None:
    """Why `finding`'s safe removal must not be applied, or None when it may."""
    return _reason(doc, finding, finding.evidence)


def _reason(doc: Document, finding: Finding, evidence: frozenset[Evidence]) -> str | None:
    fix = finding.fix
    if fix is None or fix.safety is not Safety.SAFE or fix.edit.replacement:
        return None  # nothing to judge: reported only, already unsafe, or a repair rather than a removal
    signals = evidence - {Evidence.WORDING}
    if signals & _STRUCTURAL or any(pair <= signals for pair in _PAIRS):
        return None
    if reads_as_prose(doc, finding.start, finding.end):
        return PROSE  # the reason a reader can check, whether or not anything else marked it
    return None if signals else ONLY_WORDING


def judged(doc: Document, findings: Iterable[Finding]) -> list[Finding]:
    """The findings, each safe removal that has not earned it offered as unsafe with its reason."""
    findings = list(findings)
    pooled: dict[tuple[int, int], frozenset[Evidence]] = {}
    for f in findings:
        pooled[(f.start, f.end)] = pooled.get((f.start, f.end), frozenset()) | f.evidence
    out = []
    for f in findings:
        reason = _reason(doc, f, pooled[(f.start, f.end)])
        if reason is not None and f.fix is not None:
            f = replace(f, fix=Fix(f.fix.edit, Safety.UNSAFE, reason))
        out.append(f)
    return out
