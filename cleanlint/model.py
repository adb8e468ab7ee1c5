"""Plain values passed between detection, fixing and reporting.

Everything here is frozen: a finding computed in a worker process, a cache or a test is the same value
wherever it travels, and nothing downstream can quietly change what a rule decided.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum


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


@dataclass(frozen=True)
class Fix:
    edit: Edit
    safety: Safety


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

    def sort_key(self) -> tuple[int, int, str]:
        return (self.start, self.end, self.code)

    @property
    def has_safe_fix(self) -> bool:
        """Whether plain `cleanlint fix` (without --unsafe-fixes) acts on this finding."""
        return self.fix is not None and self.fix.safety is Safety.SAFE
