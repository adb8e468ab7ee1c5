"""The Python examples of docs/python.md ("Use from Python") and of the README's tour run, from the root of
the repository, and print what the page shows after each. An example that needs a package cleanlint does not
depend on (Hugging Face `datasets`) is skipped where it is not installed."""

from __future__ import annotations

import importlib.util
import re
import subprocess
import sys
from pathlib import Path

import pytest

import cleanlint

from .conftest import ROOT
from .markdown import page

pytestmark = pytest.mark.slow

SECTION = page("python.md")
_SHOWN = r"```python\n(.*?)```\n\n```text\n(.*?)```"
EXAMPLES = re.findall(_SHOWN, SECTION, re.S)
TOUR = re.findall(_SHOWN, page("README.md").split("\n### From Python\n", 1)[1].split("\n#", 1)[0], re.S)
OPTIONAL = {"dask": "the dask extra", "datasets": "Hugging Face datasets"}


def test_the_section_has_its_examples():
    assert SECTION.startswith("# Use from Python\n")
    assert len(EXAMPLES) == 4
    assert [m for m in OPTIONAL if any(f"import {m}" in code for code, _ in EXAMPLES)] == list(OPTIONAL)
    assert len(TOUR) == 1


@pytest.mark.parametrize(
    ("code", "output"), EXAMPLES + TOUR, ids=["loop", "process-pool", "dask-bag", "datasets-map", "readme-tour"]
)
def test_an_example_prints_what_the_page_shows(tmp_path: Path, code: str, output: str):
    for module, what in OPTIONAL.items():
        if re.search(rf"^import {module}\b", code, re.M) and importlib.util.find_spec(module) is None:
            pytest.skip(f"needs {what}")
    script = tmp_path / "example.py"
    script.write_text(code, encoding="utf-8")
    proc = subprocess.run([sys.executable, str(script)], cwd=ROOT, capture_output=True, text=True, timeout=600)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout == output


def test_the_public_names_are_the_ones_listed():
    table = SECTION.split("| name | what it is |", 1)[1].split("\n\n", 1)[0]
    rows = [row.split("|")[1] for row in table.splitlines() if row.startswith("| `")]
    listed = {name for cell in rows for name in re.findall(r"`(\w+)`", cell)}
    assert listed == set(cleanlint.__all__)


def test_the_package_says_it_is_typed():
    assert (ROOT / "cleanlint" / "py.typed").is_file()
