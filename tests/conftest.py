"""Shared fixtures: the default rules are loaded once per test session, as one run would load them."""

from __future__ import annotations

import shutil
import textwrap
from pathlib import Path

import pytest

from cleanlint.defaults import default_rules_dir
from cleanlint.engine import Engine
from cleanlint.loader import RuleError, load_rules

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
DEFAULT_RULES = load_rules([default_rules_dir()])


def write(tmp_path: Path, text: str, name: str = "rule.yaml") -> Path:
    """A rule file in `tmp_path`, written from an indented string."""
    path = tmp_path / name
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


def error_of(path: Path) -> str:
    """The one-line error that loading the rule file at `path` gives."""
    with pytest.raises(RuleError) as info:
        load_rules([path])
    return str(info.value)


@pytest.fixture(scope="session")
def default_engine() -> Engine:
    return Engine(DEFAULT_RULES)


@pytest.fixture
def seeds_copy(tmp_path: Path) -> Path:
    """A private copy of the seed articles, safe to fix in place."""
    target = tmp_path / "seeds"
    shutil.copytree(SEEDS, target)
    return target
