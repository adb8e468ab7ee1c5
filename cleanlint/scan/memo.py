"""What reading and compiling the rules' patterns works out, by the pattern's text, kept between runs.

A hook that checks one edited file builds every rule's check and compiles the patterns the file opens, and
both cost more than checking the file: the `regex` module parses a pattern in Python before its C engine
gets the compiled code, and reading a pattern for its line-led form or the characters its match can start
with is Python too. Each of those is a pure function of the pattern's text, so its answers can be kept.

Each table here maps an input (a pattern's text, with its flags for a compiled pattern) to what one function
made of it. The rule cache keeps the tables beside the rules they were filled for (ruleset/cache.py, PreparedStore,
sealed with the user's key like every entry), and a later run starts from them: `remembered` answers from
a table before calling its function. A compiled pattern is kept as the `regex` module pickles it, its
compiled code, which loads without parsing the pattern again; it is unpickled only when first used, so a run
pays for the patterns its documents open, not for the whole table. Compiled code belongs to one build of
the `regex` module, so the tables are stamped with it (`stamp`) and dropped for another.

Nothing here reads or writes a file: the tables are handed to the cache and taken from it whole.
"""

from __future__ import annotations

import os
import pickle
from collections.abc import Callable
from functools import wraps
from typing import Any, TypeVar

import regex

T = TypeVar("T")

COMPILED = "compiled"  # the table of compiled patterns, by (source, flags): pickled bytes, or the pattern

_tables: dict[str, dict[Any, Any]] = {COMPILED: {}}


def remembered(name: str) -> Callable[[Callable[[str], T]], Callable[[str], T]]:
    """Decorates a pure function of one pattern text: its answers are kept in the table `name`."""

    def decorate(function: Callable[[str], T]) -> Callable[[str], T]:
        table = _tables.setdefault(name, {})

        @wraps(function)
        def answer(text: str) -> T:
            try:
                return table[text]
            except KeyError:
                value = table[text] = function(text)
                return value

        return answer

    return decorate


def compiled(source: str, flags: int = 0) -> regex.Pattern:
    """`source` compiled with `flags`, once a process (the `regex` module's own cache holds 500 patterns,
    fewer than a rule set has): from the table when a run kept its code, else compiled (and kept)."""
    table = _tables[COMPILED]
    key = (source, int(flags))
    found = table.get(key)
    if found is None:
        found = table[key] = regex.compile(source, flags)
    elif isinstance(found, bytes):
        found = table[key] = pickle.loads(found)  # the tables came from a sealed cache entry: see above
    return found


def stamp() -> str:
    """The build of the `regex` module that compiled code belongs to: its version and its compiled part's
    file (whose name tells the platform; an upgrade rewrites it)."""
    from regex import _regex  # the C engine the compiled code is for

    origin = getattr(_regex, "__file__", "") or ""
    try:
        info = os.stat(origin)
        where = f"{origin}:{info.st_size}:{info.st_mtime_ns}"
    except OSError:
        where = origin
    return f"{regex.__version__}\0{where}"


def size() -> int:
    """How many answers the tables hold: tables loaded from a cache entry and grown since hold more."""
    return sum(map(len, _tables.values()))


def taken() -> dict[str, dict[Any, Any]]:
    """Every table, as the cache keeps them: compiled patterns as pickled bytes."""
    out = {name: dict(table) for name, table in _tables.items() if name != COMPILED}
    out[COMPILED] = {key: _pickled(value) for key, value in _tables[COMPILED].items()}
    return out


def _pickled(value: Any) -> bytes:
    return value if isinstance(value, bytes) else pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)


def load(tables: dict[str, dict[Any, Any]]) -> int:
    """Add what a run kept (`taken`) to the tables, and say how many answers that was; an answer worked out
    in this process stays as it is."""
    for name, kept in tables.items():
        table = _tables.setdefault(name, {})
        for key, value in kept.items():
            table.setdefault(key, value)
    return sum(map(len, tables.values()))
