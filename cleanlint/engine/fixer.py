"""Applies fixes: non-overlapping edits, pass after pass, until the text stops changing.

One pass applies every fix that does not overlap or touch another, then the text is linted again,
because removing one piece of boilerplate can expose the next ("Top News" glued to a headline that then
repeats). Looping to a fixed point is what makes `fix` idempotent. The guard refuses every fix in a
document when its removals together would take more than `max_removal` of its words: a rule gone wrong
must not silently empty someone's article. A reader comment thread, found by its repeated signatures, is
readers' text, not the article's, and is left out of that count.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from ..document import Document, word_count
from ..model import Edit, Finding, Safety, finding_object
from .engine import Engine

MAX_PASSES = 20
READERS_TEXT_KINDS = frozenset({"thread"})  # kinds whose removals take readers' text, not the article's


# Which of a pass's findings to act on: the baseline leaves out the findings it has accepted.
FindingFilter = Callable[[Document, list[Finding]], list[Finding]]


@dataclass(frozen=True)
class AppliedEdit:
    """One change to the text, as applied: the edits of a fix, in order, each on the text the ones before it
    left. Replaying them turns the original into the fixed text; undoing them from last to first turns it back.

    A removal may be wider than its findings (the white space it leaves behind is tidied away) or be the
    union of touching findings; `codes` names every finding inside it, `spans` their ranges in `start`..`end`.
    """

    codes: tuple[str, ...]
    start: int
    end: int
    removed: str
    replacement: str
    spans: tuple[tuple[int, int], ...]

    def to_dict(self) -> dict[str, Any]:
        """The edit as `fix --log` names it: the codes in it, and what it did where (offsets into the text as
        the edits before it left it)."""
        return {
            "codes": list(self.codes),
            "start": self.start,
            "end": self.end,
            "removed": self.removed,
            "replacement": self.replacement,
        }


@dataclass(frozen=True)
class FixResult:
    """One text fixed: what `fix` writes, what it did, and what is left to report.

    A removal its rule calls safe but that has not earned it on this text is not applied: it stays among
    `remaining`, its `fix.held` saying why ("reads as prose", "wording alone", ...). `refused` says why no
    fix at all was applied (more than `max-removal` of the words would go).
    """

    text: str
    applied: tuple[Finding, ...]  # the findings whose fixes were applied
    edits: tuple[AppliedEdit, ...]  # what those fixes did to the text, in order
    remaining: tuple[Finding, ...]  # findings in the fixed text (the baseline's among them)
    refused: str | None = None  # why no fix was applied, if the guard refused them
    converged: bool = True

    def to_dict(self, path: str | None = None) -> dict[str, Any]:
        """The fixed text, its edits, and its remaining findings as objects of the JSON report (CONTRACT.md),
        their offsets into the fixed text; `path` names where the text came from."""

        doc = Document(self.text)
        return {
            "text": self.text,
            "edits": [e.to_dict() for e in self.edits],
            "findings": [finding_object(f, doc, path) for f in self.remaining],
            "refused": self.refused,
            "converged": self.converged,
        }


def _applicable(findings: list[Finding], unsafe: bool) -> list[Finding]:
    """The fixable findings of one pass, with overlapping edits left for a later pass."""
    candidates = [f for f in findings if f.fix is not None and (unsafe or f.fix.safety is Safety.SAFE)]
    candidates.sort(key=lambda f: (f.fix.edit.start, -(f.fix.edit.end - f.fix.edit.start), f.code))
    chosen: list[Finding] = []
    for f in candidates:
        if not any(_conflict(f.fix.edit, c.fix.edit) for c in chosen):
            chosen.append(f)
    return chosen


def _conflict(a: Edit, b: Edit) -> bool:
    """Removals never conflict with each other (together they are one removal); other edits may."""
    return not (a.replacement == "" and b.replacement == "") and a.overlaps(b)


def _merged(doc: Document, chosen: list[Finding]) -> list[tuple[Edit, list[Finding]]]:
    """The edits of one pass, in text order, each with its findings; removals that touch are made one.

    Consecutive lines of boilerplate are removed by separate findings whose edits meet or overlap in the
    white space between them; as one removal, re-tidied by Document.removal, they leave no blank lines.
    Tidying widens a removal over white space, which can make it reach another edit: two removals that then
    touch become one, and a replacement that a removal now reaches waits for the next pass (its finding is
    left out of this pass). A removal never reaches into the front matter.
    """
    runs: list[tuple[Edit, int, int, list[Finding]]] = []  # (edit, first finding start, last finding end, findings)
    for f in sorted(chosen, key=lambda f: f.fix.edit.start):
        e = f.fix.edit
        if runs and e.replacement == "" and runs[-1][0].replacement == "" and e.start <= runs[-1][0].end:
            prev, first, last, members = runs[-1]
            runs[-1] = (Edit(prev.start, max(prev.end, e.end), ""), first, max(last, f.end), [*members, f])
        else:
            runs.append((e, f.start, f.end, [f]))
    widened = [(_widened(doc, e, first, last), members) for e, first, last, members in runs]
    widened.sort(key=lambda item: (item[0].start, item[0].end))
    edits: list[tuple[Edit, list[Finding]]] = []
    for e, members in widened:
        while edits and _reaches(edits[-1][0], e):
            prev, before = edits[-1]
            if prev.replacement == "" and e.replacement == "":
                edits.pop()
                members = [*before, *members]
                union = Edit(min(prev.start, e.start), max(prev.end, e.end), "")
                e = _widened(doc, union, min(f.start for f in members), max(f.end for f in members))
            elif prev.replacement == "":
                break  # e waits for the next pass
            else:
                edits.pop()  # prev waits for the next pass
        else:
            edits.append((e, members))
    return edits


def _widened(doc: Document, e: Edit, first: int, last: int) -> Edit:
    """A removal from the finding at `first` to the one ending at `last`, with the white space it would
    leave behind (Document.removal), never reaching into the front matter; other edits as they are."""
    if e.replacement:
        return e
    a, b = doc.removal(first, last)
    return Edit(max(min(a, e.start), doc.body_start), max(b, e.end), "")


def _reaches(a: Edit, b: Edit) -> bool:
    """Whether two edits of a pass, `a` starting first, cannot be applied apart: removals that touch, or
    edits that overlap as Edit.overlaps says."""
    if a.replacement == "" and b.replacement == "":
        return a.end >= b.start
    return a.overlaps(b)


def _apply(text: str, merged: list[tuple[Edit, list[Finding]]]) -> tuple[str, list[AppliedEdit]]:
    """The text with one pass's edits applied, and those edits with offsets into the text as each one finds it."""
    parts, applied, shift, pos = [], [], 0, 0
    for e, members in merged:
        parts += [text[pos : e.start], e.replacement]
        spans = tuple((max(f.fix.edit.start, e.start) + shift, min(f.fix.edit.end, e.end) + shift) for f in members)
        codes = tuple(dict.fromkeys(f.code for f in members))
        applied.append(AppliedEdit(codes, e.start + shift, e.end + shift, text[e.start : e.end], e.replacement, spans))
        shift += len(e.replacement) - (e.end - e.start)
        pos = e.end
    parts.append(text[pos:])
    return "".join(parts), applied


def _run(engine: Engine, doc: Document, unsafe: bool, skip: tuple[str, ...], keep: FindingFilter):
    applied: list[Finding] = []
    edits: list[AppliedEdit] = []
    for _ in range(MAX_PASSES):
        findings = engine.check(doc, skip)
        chosen = _applicable(keep(doc, findings), unsafe)
        if not chosen:
            return doc, applied, edits, findings, True
        merged = _merged(doc, chosen)
        applied.extend(f for _, members in merged for f in members)
        text, done = _apply(doc.text, merged)
        edits.extend(done)
        doc = Document(text, doc.path, doc.body_start, doc.metadata)
    return doc, applied, edits, engine.check(doc, skip), False


def _keep_all(_doc: Document, findings: list[Finding]) -> list[Finding]:
    return findings


def fix_document(
    engine: Engine,
    doc: Document,
    unsafe: bool = False,
    max_removal: float = 0.4,
    skip: tuple[str, ...] = (),
    keep: FindingFilter = _keep_all,
) -> FixResult:

    fixed, applied, edits, remaining, converged = _run(engine, doc, unsafe, skip, keep)
    # The words the removals take, against those they take plus those left. Counted on the removals only (a
    # replacement such as "&amp;" -> "&" changes the count too, but removes nothing), and on what was removed
    # rather than per finding, so that findings whose removals overlap count their words once.
    # A reader comment thread is not the article: its words count neither as taken from the article nor as
    # part of it, so that an article under a long thread can be cleaned, and its other removals are still
    # held to the article's own words.
    readers = {rule.code for rule in engine.rules if rule.kind in READERS_TEXT_KINDS}
    removed = sum(word_count(e.removed) for e in edits if not e.replacement and not set(e.codes) <= readers)
    total = removed + word_count(fixed.text[fixed.body_start :])
    refused = None
    if total and removed / total > max_removal:
        refused = (
            f"fix refused: the removals would take {removed} of {total} words "
            f"({removed / total:.0%}, more than the {max_removal:.0%} allowed by max-removal)"
        )
        # Nothing is applied, replacements included: one (a glued word split) can change what the removals
        # find, and the next run would then judge another text. Left as it is, the file gets the same verdict
        # every run, and the user a note to look at it.
        return FixResult(doc.text, (), (), tuple(engine.check(doc, skip)), refused)
    return FixResult(fixed.text, tuple(applied), tuple(edits), tuple(remaining), refused, converged)
