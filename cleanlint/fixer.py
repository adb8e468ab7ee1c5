"""Applies fixes: non-overlapping edits, pass after pass, until the text stops changing.

One pass applies every fix that does not overlap or touch another, then the text is linted again,
because removing one piece of boilerplate can expose the next ("Top News" glued to a headline that then
repeats). Looping to a fixed point is what makes `fix` idempotent. The guard refuses every removal in a
document when together they would take more than `max_removal` of its words: a rule gone wrong must not
silently empty someone's article.
"""

from __future__ import annotations

from dataclasses import dataclass

from .document import Document
from .engine import Engine
from .kinds.scoping import word_count
from .model import Edit, Finding, Safety

MAX_PASSES = 20


@dataclass(frozen=True)
class AppliedEdit:
    """An edit as applied in one pass: offsets into the text of that pass."""

    finding: Finding
    removed: str

    @property
    def edit(self) -> Edit:
        assert self.finding.fix is not None
        return self.finding.fix.edit


@dataclass(frozen=True)
class FixResult:
    text: str
    applied: tuple[AppliedEdit, ...]
    remaining: tuple[Finding, ...]  # findings in the fixed text
    refused: str | None = None  # why removals were not applied, if they were not
    converged: bool = True


def _applicable(findings: list[Finding], unsafe: bool, removals: bool) -> list[Finding]:
    """The fixable findings of one pass, with overlapping edits left for a later pass."""
    candidates = [
        f
        for f in findings
        if f.fix is not None and (unsafe or f.fix.safety is Safety.SAFE) and (removals or f.fix.edit.replacement)
    ]
    candidates.sort(key=lambda f: (f.fix.edit.start, -(f.fix.edit.end - f.fix.edit.start), f.code))
    chosen: list[Finding] = []
    for f in candidates:
        if not any(_conflict(f.fix.edit, c.fix.edit) for c in chosen):
            chosen.append(f)
    return chosen


def _conflict(a: Edit, b: Edit) -> bool:
    """Removals never conflict with each other (together they are one removal); other edits may."""
    return not (a.replacement == "" and b.replacement == "") and a.overlaps(b)


def _merged(doc: Document, chosen: list[Finding]) -> list[Edit]:
    """The edits of one pass, in text order, with each run of touching removals made one removal.

    Consecutive lines of boilerplate are removed by separate findings whose edits meet or overlap in the
    white space between them; as one removal, re-tidied by Document.removal, they leave no blank lines.
    """
    runs: list[tuple[Edit, int, int]] = []  # (edit, first finding start, last finding end)
    for f in sorted(chosen, key=lambda f: f.fix.edit.start):
        e = f.fix.edit
        if runs and e.replacement == "" and runs[-1][0].replacement == "" and e.start <= runs[-1][0].end:
            prev, first, last = runs[-1]
            runs[-1] = (Edit(prev.start, max(prev.end, e.end), ""), first, max(last, f.end))
        else:
            runs.append((e, f.start, f.end))
    edits = []
    for e, first, last in runs:
        if e.replacement == "":
            a, b = doc.removal(first, last)
            e = Edit(min(a, e.start), max(b, e.end), "")
        edits.append(e)
    return edits


def _run(engine: Engine, doc: Document, unsafe: bool, removals: bool, skip: tuple[str, ...]):
    applied: list[AppliedEdit] = []
    for _ in range(MAX_PASSES):
        findings = engine.check(doc, skip)
        chosen = _applicable(findings, unsafe, removals)
        if not chosen:
            return doc, applied, findings, True
        text = doc.text
        applied.extend(AppliedEdit(f, text[f.fix.edit.start : f.fix.edit.end]) for f in chosen)
        for e in reversed(_merged(doc, chosen)):
            text = text[: e.start] + e.replacement + text[e.end :]
        doc = Document(text, doc.path, doc.body_start, doc.metadata)
    return doc, applied, engine.check(doc, skip), False


def fix_document(
    engine: Engine,
    doc: Document,
    unsafe: bool = False,
    max_removal: float = 0.4,
    skip: tuple[str, ...] = (),
) -> FixResult:
    fixed, applied, remaining, converged = _run(engine, doc, unsafe, True, skip)
    total = word_count(doc.text[doc.body_start :])
    # counted on the texts, not per finding: findings whose removals overlap remove their words once
    removed = total - word_count(fixed.text[fixed.body_start :])
    refused = None
    if total and removed / total > max_removal:
        refused = (
            f"fix refused: the removals would take {removed} of {total} words "
            f"({removed / total:.0%}, more than the {max_removal:.0%} allowed by max-removal)"
        )
        fixed, applied, remaining, converged = _run(engine, doc, unsafe, False, skip)
    return FixResult(fixed.text, tuple(applied), tuple(remaining), refused, converged)
