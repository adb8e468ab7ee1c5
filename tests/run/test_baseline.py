"""The baseline: accepted findings are neither reported nor fixed; new ones are, even where old ones sit."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from cleanlint.cli.main import main

SHARE = "Share this article on Facebook\n"
STORY = "The council approved the budget on Tuesday.\n" + SHARE + "The vote was seven to two.\n"


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "corpus"
    (folder / "sub").mkdir(parents=True)
    (folder / "one.txt").write_text(STORY, encoding="utf-8")
    (folder / "sub" / "two.txt").write_text(STORY, encoding="utf-8")
    (folder / ".cleanlint.yaml").write_text("language: en\n", encoding="utf-8")
    return folder


@pytest.mark.slow
def test_write_baseline_then_only_new_findings_are_reported(corpus: Path, capsys):
    assert main(["check", "--write-baseline", str(corpus)]) == 0
    assert "Wrote 2 findings in 2 files to the baseline" in capsys.readouterr().out
    baseline = json.loads((corpus / ".cleanlint-baseline.json").read_text())
    assert sorted(e["path"] for e in baseline["findings"]) == ["one.txt", "sub/two.txt"]  # relative: committable

    assert main(["check", str(corpus)]) == 0
    assert "2 accepted by the baseline not shown" in capsys.readouterr().out

    # lines move, and a second copy of the accepted text appears: only the new copy is reported
    (corpus / "one.txt").write_text("A new first paragraph.\n" + STORY + SHARE, encoding="utf-8")
    assert main(["check", str(corpus)]) == 1
    out = capsys.readouterr().out
    assert out.count("B503") == 1 and "one.txt:5:1: B503" in out


@pytest.mark.slow
def test_fix_leaves_accepted_text_alone(corpus: Path):
    main(["check", "--write-baseline", str(corpus)])
    (corpus / "sub" / "two.txt").write_text(STORY + SHARE, encoding="utf-8")
    assert main(["fix", str(corpus)]) == 0
    assert (corpus / "one.txt").read_text() == STORY  # accepted: kept
    assert (corpus / "sub" / "two.txt").read_text().count(SHARE) == 1  # the new copy went, the accepted one stayed
    assert main(["check", "--no-baseline", str(corpus)]) == 1  # still there for whoever asks


@pytest.mark.slow
def test_a_named_baseline_must_exist_and_be_a_baseline(corpus: Path, tmp_path: Path, capsys):
    assert main(["check", "--baseline", str(tmp_path / "none.json"), str(corpus)]) == 2
    assert "no such baseline file" in capsys.readouterr().err
    bad = tmp_path / "bad.json"
    bad.write_text("[1, 2]", encoding="utf-8")
    assert main(["check", "--baseline", str(bad), str(corpus)]) == 2
    assert (
        capsys.readouterr().err.strip()
        == f"cleanlint: error: {bad}: not a cleanlint baseline (expected JSON with a list of findings)"
    )


@pytest.mark.slow
def test_the_settings_name_the_baseline(corpus: Path, capsys):
    (corpus / ".cleanlint.yaml").write_text("baseline: accepted.json\n", encoding="utf-8")
    main(["check", "--write-baseline", str(corpus)])
    assert (corpus / "accepted.json").is_file() and not (corpus / ".cleanlint-baseline.json").exists()
    capsys.readouterr()
    assert main(["check", str(corpus)]) == 0


@pytest.mark.slow
def test_jsonl_records_are_accepted_one_by_one(tmp_path: Path, capsys):
    corpus = tmp_path / "corpus.jsonl"
    corpus.write_text(json.dumps({"text": STORY}) + "\n", encoding="utf-8")
    main(["check", "--write-baseline", "--baseline", str(tmp_path / "b.json"), str(corpus)])
    with corpus.open("a", encoding="utf-8") as out:
        out.write(json.dumps({"text": STORY}) + "\n")
    capsys.readouterr()
    assert main(["check", "--baseline", str(tmp_path / "b.json"), str(corpus)]) == 1
    assert f"{corpus}:record 2:2:1: B503" in capsys.readouterr().out
