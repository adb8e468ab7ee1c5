"""One finding per span: when two rules find the same text, the report names it once.

Families meet at their edges: a comment section holds its comment counter, a tail list of stray numbers is
also a cut-off fragment, a credit line holds a glued word. Reported twice, such text inflates every count
and tells the user two stories about one line. Two rules on the same span are reported once, by the one
whose fix does most (a safe removal before an unsafe fix before a report), and a finding inside another's
removal that is at least as safe is left out: that removal takes it anyway.
"""

from __future__ import annotations

from ..model import Category, Finding, Safety


def _weight(f: Finding) -> int:
    if f.fix is None:
        return 0
    return 2 if f.fix.safety is Safety.SAFE else 1


def _removes(outer: Finding, inner: Finding) -> bool:
    """Whether `outer`'s fix deletes all of `inner`'s text, and is at least as safe as `inner`'s fix."""
    fix = outer.fix
    return (
        fix is not None
        and not fix.edit.replacement
        and fix.edit.start <= inner.start
        and inner.end <= fix.edit.end
        and _weight(outer) >= _weight(inner)
    )


def one_per_span(findings: list[Finding]) -> list[Finding]:
    """The findings, in text order, less those another finding stands for (see the module's docstring)."""
    order = sorted(
        findings,
        key=lambda f: (f.start, -f.end, -_weight(f), f.category is not Category.BOILERPLATE, f.code),
    )
    kept: list[Finding] = []
    covering: list[Finding] = []  # kept removals that may still hold later findings
    for f in order:
        if kept and (kept[-1].start, kept[-1].end) == (f.start, f.end):
            continue  # the same span: the first, by the order above, speaks for it
        covering = [c for c in covering if c.fix is not None and c.fix.edit.end > f.start]
        if any(_removes(c, f) for c in covering):
            continue
        kept.append(f)
        if f.fix is not None and not f.fix.edit.replacement:
            covering.append(f)
    kept.sort(key=Finding.sort_key)
    return kept
