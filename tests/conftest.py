"""Shared fixtures: the default rules are loaded once per test session, as one run would load them.

The cache's key (cacheauth.py) lives in the user's cache folder: every test, and every process a test
starts, finds it in a folder of the session's own instead, through XDG_CACHE_HOME."""

from __future__ import annotations

import shutil
import textwrap
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import settings

from cleanlint.engine.engine import Engine
from cleanlint.ruleset.defaults import default_rules_dir
from cleanlint.ruleset.loader import RuleError, load_rules

# Property tests check what the code does, not how fast: on a loaded machine (CI, two cores shared) a draw
# that takes longer than Hypothesis's default 200 ms must not fail a test. Speed is measured in bench/.
settings.register_profile("cleanlint", deadline=None)
settings.load_profile("cleanlint")

ROOT = Path(__file__).resolve().parent.parent
TESTS = ROOT / "tests"  # the tests' own data: snapshots, schemas, reporting
SEEDS = ROOT / "seeds"
DEFAULT_RULES = load_rules([default_rules_dir()])


def write(tmp_path: Path, text: str, name: str = "rule.yaml") -> Path:
    """A rule file in `tmp_path`, written from an indented string."""
    path = tmp_path / name
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


def folders(tmp_path: Path, *names: str) -> list[Path]:
    """Empty folders of these names in tmp_path, made and returned in order (a corpus and a place outside it)."""
    made = [tmp_path / name for name in names]
    for folder in made:
        folder.mkdir()
    return made


def error_of(path: Path) -> str:
    """The one-line error that loading the rule file at `path` gives."""
    with pytest.raises(RuleError) as info:
        load_rules([path])
    return str(info.value)


@pytest.fixture(scope="session", autouse=True)
def private_cache_home(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """XDG_CACHE_HOME for the whole session, set before any other fixture copies the environment, so that no
    test writes a key into the real ~/.cache."""
    home = tmp_path_factory.mktemp("xdg-cache")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("XDG_CACHE_HOME", str(home))
        yield home


@pytest.fixture(scope="session")
def default_engine() -> Engine:
    return Engine(DEFAULT_RULES)


@pytest.fixture
def seeds_copy(tmp_path: Path) -> Path:
    """A private copy of the seed articles, safe to fix in place."""
    target = tmp_path / "seeds"
    shutil.copytree(SEEDS, target)
    return target
