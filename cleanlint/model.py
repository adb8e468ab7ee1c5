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
        """Edits that overlap or touch cannot be applied together safely in one pass.

        Touching counts: an insertion at the very end of a removal would glue text to whatever the
        removal exposes, so the second edit waits for the re-lint of the next pass.
        """
        return self.start <= other.end and other.start <= self.end


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
