"""Plain values passed between detection, fixing and reporting.

Everything here is frozen: a finding computed in a worker process, a cache or a test is the same value
wherever it travels, and nothing downstream can quietly change what a rule decided.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from enum import Enum
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .document import Document


class Category(str, Enum):
    """What kind of damage a rule finds; decides what `fix` may do with it."""

    BOILERPLATE = "boilerplate"  # not part of the article: fix removes it
    ARTIFACT = "artifact"  # damaged article text: reported, repaired when the repair is certain
    LANGUAGE = "language"  # text in another language than expected


class Severity(str, Enum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"


class Safety(str, Enum):
    """A safe fix is applied by `fix`; an unsafe one only with --unsafe-fixes."""

    SAFE = "safe"
    UNSAFE = "unsafe"


@dataclass(frozen=True)
class Edit:
    """Replace text[start:end] with `replacement` (offsets in code points, end exclusive)."""

    start: int
    end: int
    replacement: str

    def overlaps(self, other: Edit) -> bool:
        """Whether the two edits cannot be applied in the same pass.

        Overlapping ranges conflict. So does an insertion at the edge of another edit: a space inserted
        where a removal ends would be glued to whatever the removal exposes, so it waits for the re-lint
        of the next pass. Two removals that merely touch are one contiguous removal and do not conflict.
        """
        if self.start < other.end and other.start < self.end:
            return True
        if self.start == self.end:
            return other.start <= self.start <= other.end
        if other.start == other.end:
            return self.start <= other.start <= self.end
        return False


class Evidence(str, Enum):
    """What marks a finding's text as boilerplate. Wording alone is never enough for a safe removal: words
    that furniture uses ("Subscribe", "Research by") are words reporting uses too. See evidence.py."""

    WORDING = "wording"  # a pattern or phrase of the rule matched
    POSITION = "position"  # it stands where the rule's family stands: the head or the tail of the text
    SHAPE = "shape"  # the pattern accounts for the whole unit removed, or the unit is a short label
    BLOCK = "block"  # a block with two anchored ends, or a heading and the list items under it
    REPEATED = "repeated"  # the unit recurs in the document
    RECURRENCE = "recurrence"  # a rule for one source: the text recurs across that source's documents


@dataclass(frozen=True)
class Fix:
    edit: Edit
    safety: Safety
    held: str | None = None  # why a fix the rule calls safe is only offered as unsafe here (evidence.py)


@dataclass(frozen=True)
class Finding:
    """One rule's verdict on one span of one document."""

    code: str
    rule: str
    category: Category
    severity: Severity
    message: str
    start: int
    end: int
    fix: Fix | None = None
    evidence: frozenset[Evidence] = frozenset()

    def sort_key(self) -> tuple[int, int, str]:
        return (self.start, self.end, self.code)

    @property
    def has_safe_fix(self) -> bool:
        """Whether plain `cleanlint fix` (without --unsafe-fixes) acts on this finding."""
        return self.fix is not None and self.fix.safety is Safety.SAFE

    def to_dict(self, text: str, path: str | None = None) -> dict[str, Any]:
        """This finding as an object of the JSON report (CONTRACT.md). A finding holds offsets only: `text`,
        the text it was found in, gives its line and column; `path` names where that text came from."""
        from .document import Document  # here: a finding travels (to workers, into caches) without it

        return finding_object(self, Document(text), path)


def finding_object(
    finding: Finding,
    doc: Document,
    path: str | None,
    record: int | None = None,
    offset: Callable[[int], int] | None = None,
) -> dict:
    """`finding` as an object of the JSON report (CONTRACT.md): the one place that shape is made, for the
    reports and for `Finding.to_dict` alike. `doc` is the text it was found in (its lines and columns);
    `offset` maps an offset into it to one into the file's own text (a file with CRLF line ends)."""
    at = offset or _same
    line, col = doc.position(finding.start)
    end_line, end_col = doc.position(finding.end)
    fix = None
    if finding.fix is not None:
        e = finding.fix.edit
        fix = {"start": at(e.start), "end": at(e.end), "replacement": e.replacement, "safety": finding.fix.safety.value}
        if finding.fix.held:
            fix["held"] = finding.fix.held
    return {
        "path": path,
        **({} if record is None else {"record": record}),
        "code": finding.code,
        "rule": finding.rule,
        "category": finding.category.value,
        "severity": finding.severity.value,
        "message": finding.message,
        "line": line,
        "column": col,
        "end_line": end_line,
        "end_column": end_col,
        "start": at(finding.start),
        "end": at(finding.end),
        "fix": fix,
    }


def _same(offset: int) -> int:
    return offset
