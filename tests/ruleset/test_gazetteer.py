"""A corpus's own gazetteer: its names are known to the misspelt-name rule, and a bad file stops the run."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest


def check(tmp_path: Path, *args: str) -> subprocess.CompletedProcess:
    command = [sys.executable, "-m", "cleanlint", "check", "--select", "A401", "--format", "json", *args]
    return subprocess.run(command, capture_output=True, text=True, cwd=tmp_path)


def flagged(proc: subprocess.CompletedProcess, text: str) -> list[str]:
    return [text[f["start"] : f["end"]] for f in json.loads(proc.stdout)["findings"]]


# Itaquera is spelt right nowhere in it: only a gazetteer that knows the name tells "Itaquerra" for a slip
ARTICLE = "Fans packed the stadium at Itaquerra before the match, and Zaporizzhia cheered.\n"


@pytest.mark.slow
def test_gazetteer_names_are_known_and_their_near_misses_reported(tmp_path: Path):
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    assert flagged(check(tmp_path, "a.txt"), ARTICLE) == ["Zaporizzhia"]
    (tmp_path / "names.yaml").write_text("Itaquera: []\nZaporizhzhia: [Zaporizzhia]\n", encoding="utf-8")
    with_names = check(tmp_path, "--gazetteer", "names.yaml", "a.txt")
    assert flagged(with_names, ARTICLE) == ["Itaquerra"]
    assert "Itaquera" in json.loads(with_names.stdout)["findings"][0]["message"]


@pytest.mark.slow
def test_gazetteer_from_the_settings(tmp_path: Path):
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "names").mkdir()
    (tmp_path / "names" / "places.yaml").write_text("Itaquera:\n", encoding="utf-8")
    (tmp_path / ".cleanlint.yaml").write_text("gazetteer: [names/places.yaml]\n", encoding="utf-8")
    assert flagged(check(tmp_path, "a.txt"), ARTICLE) == ["Itaquerra", "Zaporizzhia"]


@pytest.mark.slow
def test_a_broken_gazetteer_is_one_line_naming_the_place(tmp_path: Path):
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "names.yaml").write_text("Itaquera: []\nKyiv: Kiev\n", encoding="utf-8")
    proc = check(tmp_path, "--gazetteer", "names.yaml", "a.txt")
    assert proc.returncode == 2 and proc.stdout == ""
    assert proc.stderr.strip().splitlines() == [
        "cleanlint: error: names.yaml:2:7: Kyiv: expected a list of other spellings (may be empty)"
    ]
    missing = check(tmp_path, "--gazetteer", "nowhere.yaml", "a.txt")
    assert missing.returncode == 2 and "nowhere.yaml" in missing.stderr and "Traceback" not in missing.stderr
