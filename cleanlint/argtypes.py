"""Argument types shared by the commands: a bad value is a usage error that says what was expected."""

from __future__ import annotations

import argparse
from collections.abc import Callable


def whole_number(minimum: int) -> Callable[[str], int]:
    def parse(value: str) -> int:
        if not value.isdigit() or int(value) < minimum:
            raise argparse.ArgumentTypeError(f"expected a whole number of at least {minimum}, got {value!r}")
        return int(value)

    return parse


def fraction(example: str) -> Callable[[str], float]:
    """A share above 0 and at most 1; `example` is a sensible value for the option, shown in the error."""

    def parse(value: str) -> float:
        try:
            share = float(value)
        except ValueError:
            share = -1.0
        if not 0 < share <= 1:
            raise argparse.ArgumentTypeError(
                f"expected a fraction above 0 and at most 1, such as {example}, got {value!r}"
            )
        return share

    return parse
