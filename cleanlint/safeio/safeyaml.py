"""PyYAML's safe loading, with every failure a YAML error that says where it is.

The safe constructor refuses tags that would run code (`!!python/object/apply:os.system`) with a
ConstructorError, but a standard tag given a value it cannot make (`!!int abc`, `!!timestamp nope`)
escapes it as a bare ValueError or AttributeError, which would end a run with a traceback. Rule files,
settings and front matter all come from users or scrapers, so here those become ConstructorErrors
marked with the node's place, which each reader turns into its usual one-line error.
"""

from __future__ import annotations

from typing import Any

import yaml
from yaml.constructor import ConstructorError, SafeConstructor

# what SafeConstructor's methods raise on a value their tag cannot make (int("abc"), a date that does not
# parse, an overflowing float, and so on)
_VALUE_ERRORS = (ValueError, TypeError, AttributeError, OverflowError, IndexError, KeyError)


class StrictConstructor(SafeConstructor):
    """SafeConstructor whose every failure is a ConstructorError with the failing node's mark."""

    def construct_object(self, node: yaml.Node, deep: bool = False) -> Any:
        try:
            return super().construct_object(node, deep)
        except _VALUE_ERRORS:
            tag = node.tag.rsplit(":", 1)[-1]
            problem = f"{node.value!r} is not a valid {tag}"[:300]
            raise ConstructorError(None, None, problem, node.start_mark) from None


class StrictSafeLoader(yaml.SafeLoader, StrictConstructor):
    """yaml.SafeLoader with StrictConstructor."""


def safe_load(text: str) -> Any:
    """yaml.safe_load, raising only yaml.YAMLError."""
    return yaml.load(text, Loader=StrictSafeLoader)
