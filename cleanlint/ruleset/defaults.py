"""Where the default rule packs are.

In an installed wheel they sit inside the package (cleanlint/rules); in a source checkout or an editable
install they are the top-level rules/ folder that the wheel is built from.
"""

from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent.parent  # cleanlint/, above ruleset/


def default_rules_dir() -> Path:
    installed = _PACKAGE / "rules"
    return installed if installed.is_dir() else _PACKAGE.parent / "rules"
