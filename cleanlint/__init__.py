"""cleanlint: a content-quality linter for scraped news articles.

The names below are the Python API (api.py), and all of it: imported when first used, so that the command
line, which imports this package first, does not pay for them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

if TYPE_CHECKING:
    from .api import CleanlintError as CleanlintError
    from .api import Linter as Linter
    from .api import check_text as check_text
    from .api import fix_text as fix_text
    from .engine.fixer import AppliedEdit as AppliedEdit
    from .engine.fixer import FixResult as FixResult
    from .model import Category as Category
    from .model import Edit as Edit
    from .model import Finding as Finding
    from .model import Fix as Fix
    from .model import Safety as Safety
    from .model import Severity as Severity

_PUBLIC = {
    "Linter": "api",
    "CleanlintError": "api",
    "check_text": "api",
    "fix_text": "api",
    "Finding": "model",
    "Fix": "model",
    "Edit": "model",
    "Category": "model",
    "Severity": "model",
    "Safety": "model",
    "FixResult": "engine.fixer",
    "AppliedEdit": "engine.fixer",
}
__all__ = ["__version__", *_PUBLIC]


def __getattr__(name: str) -> Any:
    if name not in _PUBLIC:
        raise AttributeError(f"module 'cleanlint' has no attribute {name!r}")
    from importlib import import_module

    value = getattr(import_module(f".{_PUBLIC[name]}", __name__), name)
    globals()[name] = value  # found directly from now on
    return value


def __dir__() -> list[str]:
    return sorted(__all__)
