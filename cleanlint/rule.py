"""A validated rule: what a YAML rule file says, as typed values.

Kinds receive a Rule and build a check from it; they never see raw YAML. The helper `finding` keeps the
decision of whether a finding carries a fix in one place, so no kind can attach a fix its rule forbids.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from enum import Enum
from typing import Any

from .model import Category, Edit, Evidence, Finding, Fix, Safety, Severity


class FixAction(str, Enum):
    REMOVE = "remove"  # delete the span (boilerplate)
    REPLACE = "replace"  # put the kind's suggestion in its place (artifacts)
    NONE = "none"  # report only


@dataclass(frozen=True)
class FixSpec:
    action: FixAction = FixAction.NONE
    safety: Safety = Safety.SAFE


@dataclass(frozen=True)
class Example:
    """A rule's documentation and its test at once.

    `findings` lists the exact texts the rule must flag in `input` (empty: it must flag nothing);
    `output` is the text after fixing with this rule alone, unsafe fixes included.
    """

    input: str
    findings: tuple[str, ...] | None = None
    output: str | None = None
    note: str = ""
    source: str | None = None  # the document's source; None: the rule's first source; "": no known source


@dataclass(frozen=True)
class Rule:
    code: str
    name: str
    kind: str
    category: Category
    severity: Severity
    message: str
    summary: str
    why: str
    fix: FixSpec
    options: Any  # the kind's frozen options dataclass
    examples: tuple[Example, ...] = ()
    origin: str = ""  # "file:line" where the rule is defined
    sources: tuple[str, ...] = ()  # only documents from these sources (see provenance.py); (): all
    enabled: bool = True  # False: opt-in, runs only when `select` or `extend-select` names it

    def finding(
        self,
        start: int,
        end: int,
        edit: Edit | None = None,
        evidence: Iterable[Evidence] = (),
        held: str | None = None,
        **fmt: str,
    ) -> Finding:
        """A finding of this rule on [start, end); `edit` becomes its fix if the rule allows one. `evidence`
        is what, besides the rule's wording, marks the text (model.Evidence). `held` is why the kind itself
        saw that this text is not the rule's furniture after all: a safe fix is then offered as unsafe."""
        fix = None
        if edit is not None and self.fix.action is not FixAction.NONE:
            if held is not None and self.fix.safety is Safety.SAFE:
                fix = Fix(edit, Safety.UNSAFE, held)
            else:
                fix = Fix(edit, self.fix.safety)
        signals = {Evidence.WORDING, *evidence}
        if self.sources:
            signals.add(Evidence.RECURRENCE)
        message = self.message.format_map(_Defaulting({k: quoted(v) for k, v in fmt.items()})) if fmt else self.message
        return Finding(self.code, self.name, self.category, self.severity, message, start, end, fix, frozenset(signals))


QUOTE_LIMIT = 80  # characters of matched text a message quotes; the finding's span says where the rest is


def quoted(text: str) -> str:
    """`text` as a message quotes it: on one line, and at most QUOTE_LIMIT characters. A rule that matches a
    whole 20 MB line must not print 20 MB, and a quote must not break its report line. A long quote keeps its
    start and its end, where a cut-off sentence or a glued seam shows, around an ellipsis."""
    if len(text) > QUOTE_LIMIT:
        half = QUOTE_LIMIT // 2
        text = text[:half].rstrip() + "…" + text[-(QUOTE_LIMIT - half - 1) :].lstrip()
    return text.replace("\r", " ").replace("\n", " ")


class _Defaulting(dict):
    """Leaves an unknown {placeholder} in a message as it is instead of raising."""

    def __missing__(self, key: str) -> str:
        return "{" + key + "}"
