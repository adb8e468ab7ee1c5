"""Which rule files a run reads, and the error that names a place in one of them.

Kept apart from the loader, which needs the YAML parser: a run whose rules come from the cache
(ruleset/cache.py) only lists and hashes the files, and need not import it.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any


class RuleError(Exception):
    """A rule file that cannot be used; str() is the one line shown to the user. `node` and `mark` are
    the YAML parser's, for the line and column."""

    def __init__(self, path: Path, node: Any | None, message: str, mark: Any | None = None):
        mark = node.start_mark if node is not None else mark
        line, col = (mark.line + 1, mark.column + 1) if mark is not None else (1, 1)
        super().__init__(f"{path}:{line}:{col}: {message}")


def rule_files(paths: Iterable[Path]) -> list[Path]:
    """The .yaml/.yml files named, or found below the folders named, in a stable order."""
    out: list[Path] = []
    for path in paths:
        if path.is_dir():
            out.extend(sorted(p for p in path.rglob("*") if p.suffix in (".yaml", ".yml") and p.is_file()))
        elif path.is_file():
            out.append(path)
        else:
            raise RuleError(path, None, "no such rule file or folder")
    return out
