"""A validated rule: what a YAML rule file says, as typed values.

Kinds receive a Rule and build a check from it; they never see raw YAML. The helper `finding` keeps the
decision of whether a finding carries a fix in one place, so no kind can attach a fix its rule forbids.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum
from typing import Any

from .model import Category, Edit, Finding, Fix, Safety, Severity


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

    def finding(self, start: int, end: int, edit: Edit | None = None, **fmt: str) -> Finding:
        """A finding of this rule on [start, end); `edit` becomes its fix if the rule allows one."""
        fix = None
        if edit is not None and self.fix.action is not FixAction.NONE:
            fix = Fix(edit, self.fix.safety)
        message = self.message.format_map(_Defaulting(fmt)) if fmt else self.message
        return Finding(self.code, self.name, self.category, self.severity, message, start, end, fix)


class _Defaulting(dict):
    """Leaves an unknown {placeholder} in a message as it is instead of raising."""

    def __missing__(self, key: str) -> str:
        return "{" + key + "}"
