"""Shared fixtures: the default rules are loaded once per test session, as one run would load them."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from cleanlint.defaults import default_rules_dir
from cleanlint.engine import Engine
from cleanlint.loader import load_rules

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
DEFAULT_RULES = load_rules([default_rules_dir()])


@pytest.fixture(scope="session")
def default_engine() -> Engine:
    return Engine(DEFAULT_RULES)


@pytest.fixture
def seeds_copy(tmp_path: Path) -> Path:
    """A private copy of the seed articles, safe to fix in place."""
    target = tmp_path / "seeds"
    shutil.copytree(SEEDS, target)
    return target
