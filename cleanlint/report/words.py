"""Counts as people read them in a summary line: "1 file", "3 files", "1 finding remains".

Apart from the report formats so that a command that prints only a summary (consistency, undo) need not
load them.
"""

from __future__ import annotations


def counted(number: int, noun: str, plural: str | None = None) -> str:
    """`number` and the noun it counts, singular for one: "1 file", "3 files", "0 fixes"."""
    return f"{number} {noun if number == 1 else plural or noun + 's'}"
