"""Articles in which every line is reporting, written to use the words and shapes the default rules look
for: "By Land and Sea, ..." headlines, "Subscribe-and-save" deals, a transcript that repeats an answer, a
song's refrain, a code sample, tables flattened one cell per line, "Edited by X, the anthology ...", an
appeal quoted in a story. `fix` must leave every one of them byte for byte, and `check` must offer no safe
removal of boilerplate in them: a rule that fires on such a line is wrong for its family, not the article.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from cleanlint.cli.main import main
from cleanlint.document import Document
from cleanlint.engine.fixer import fix_document

from .conftest import TESTS

REPORTING = TESTS / "reporting"
ARTICLES = sorted(REPORTING.glob("*.txt"))


def test_there_is_a_corpus():
    assert len(ARTICLES) >= 10


@pytest.mark.parametrize("path", ARTICLES, ids=[p.stem for p in ARTICLES])
def test_fix_changes_nothing(default_engine, path: Path):
    text = path.read_text(encoding="utf-8")
    # no guard against removing too much: a rule must not take a line of these, however few it takes
    result = fix_document(default_engine, Document(text), max_removal=1.0)
    removed = [(f.code, text[f.start : f.end]) for f in result.applied]
    assert result.text == text, removed


@pytest.fixture
def reporting_copy(tmp_path: Path) -> Path:
    target = tmp_path / "reporting"
    shutil.copytree(REPORTING, target)
    return target


@pytest.mark.slow
def test_fix_leaves_the_files_byte_for_byte(reporting_copy: Path, capsys):
    before = {p.name: p.read_bytes() for p in reporting_copy.glob("*.txt")}
    main(["fix", "--no-cache", "--no-progress", str(reporting_copy)])
    capsys.readouterr()
    after = {p.name: p.read_bytes() for p in reporting_copy.glob("*.txt")}
    assert [name for name in before if after[name] != before[name]] == []


@pytest.mark.slow
def test_check_offers_no_safe_removal_of_boilerplate(reporting_copy: Path, capsys):
    main(["check", "--no-cache", "--no-progress", "--format", "json", str(reporting_copy)])
    report = json.loads(capsys.readouterr().out)
    assert report["errors"] == []
    safe = [
        (Path(f["path"]).name, f["line"], f["code"])
        for f in report["findings"]
        if f["category"] == "boilerplate" and f["fix"] is not None and f["fix"]["safety"] == "safe"
    ]
    assert safe == []
