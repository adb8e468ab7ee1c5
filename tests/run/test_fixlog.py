"""`fix --log` and `undo`: every applied edit is on record, and undo gives back the very bytes fix read."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from cleanlint.cli.main import main

DIRTY = "The council approved the budget on Tuesday.\nShare this article on Facebook\nThe vote was seven to two.\n"
FIXED = "The council approved the budget on Tuesday.\nThe vote was seven to two.\n"
MISTRANSLATED = "She studied at the Middle School of Journalism in Chicago, her colleagues said on Monday.\n"


def log_lines(log: Path) -> list[dict]:
    return [json.loads(line) for line in log.read_text(encoding="utf-8").splitlines()]


def test_each_edit_is_logged_with_what_it_removed(tmp_path: Path):
    story = tmp_path / "story.txt"
    story.write_text(DIRTY, encoding="utf-8")
    log = tmp_path / "fix.log"
    assert main(["fix", "--log", str(log), str(story)]) == 0
    (entry,) = log_lines(log)
    assert entry["path"] == str(story.resolve()) and entry["code"] == "B503"
    assert entry["removed"] == "Share this article on Facebook\n" and entry["replacement"] == ""
    assert DIRTY[entry["start"] : entry["end"]] == entry["removed"]


@pytest.mark.slow
def test_undo_restores_bom_crlf_and_every_byte_after_several_runs(tmp_path: Path, capsys):
    """Two runs logged to one file (safe fixes, then unsafe ones): undo takes back both, newest first."""
    story = tmp_path / "story.txt"
    original = b"\xef\xbb\xbf" + (DIRTY + MISTRANSLATED).replace("\n", "\r\n").encode("utf-8")
    story.write_bytes(original)
    log = tmp_path / "fix.log"
    main(["fix", "--log", str(log), str(story)])
    main(["fix", "--unsafe-fixes", "--log", str(log), str(story)])
    fixed = story.read_bytes()
    assert b"Share this" not in fixed and b"Medill" in fixed and fixed.startswith(b"\xef\xbb\xbf")
    entries = log_lines(log)
    assert [e["code"] for e in entries] == ["B503", "A101"]
    assert entries[0]["removed"] == "Share this article on Facebook\r\n"  # offsets and text as in the file
    capsys.readouterr()
    assert main(["undo", str(log)]) == 0
    assert story.read_bytes() == original
    assert "Undid 2 edits in 1 file." in capsys.readouterr().out


def test_undo_refuses_a_file_changed_since_and_restores_the_others(tmp_path: Path, capsys):
    edited, untouched = tmp_path / "edited.txt", tmp_path / "untouched.txt"
    for path in (edited, untouched):
        path.write_text(DIRTY, encoding="utf-8")
    log = tmp_path / "fix.log"
    main(["fix", "--log", str(log), str(tmp_path)])
    edited.write_text(FIXED + "A later paragraph someone added by hand.\n", encoding="utf-8")
    capsys.readouterr()
    assert main(["undo", str(log)]) == 2
    err = capsys.readouterr().err
    assert f"error: {edited.resolve()}: changed since fix wrote it" in err
    assert edited.read_text().endswith("by hand.\n") and untouched.read_text() == DIRTY
    assert main(["undo", str(log)]) == 2  # undone already: nothing is done twice
    assert untouched.read_text() == DIRTY


def test_undo_of_named_files_only(tmp_path: Path):
    first, second = tmp_path / "first.txt", tmp_path / "second.txt"
    for path in (first, second):
        path.write_text(DIRTY, encoding="utf-8")
    log = tmp_path / "fix.log"
    main(["fix", "--log", str(log), str(tmp_path)])
    assert main(["undo", str(log), str(second)]) == 0
    assert first.read_text() == FIXED and second.read_text() == DIRTY


@pytest.mark.slow
def test_a_write_refused_is_marked_in_the_log_and_skipped_by_undo(tmp_path: Path, monkeypatch):
    """If the file changes between reading and writing, the logged run never happened: undo must not replay it."""
    from cleanlint.run import runner

    story = tmp_path / "story.txt"
    story.write_text(DIRTY, encoding="utf-8")
    log = tmp_path / "fix.log"
    real_write = runner.write_atomic

    def someone_edits_first(source, text):
        source.path.write_text(DIRTY + "Edited meanwhile.\n", encoding="utf-8")
        real_write(source, text)

    monkeypatch.setattr(runner, "write_atomic", someone_edits_first)
    assert main(["fix", "--log", str(log), str(story)]) == 2
    monkeypatch.undo()
    assert story.read_text().endswith("Edited meanwhile.\n")
    assert log_lines(log)[-1]["not-written"] is True
    assert main(["undo", str(log)]) == 0  # nothing to undo, and nothing damaged
    assert story.read_text().endswith("Edited meanwhile.\n")


@pytest.mark.slow
def test_undo_of_a_jsonl_corpus_gives_back_its_bytes(tmp_path: Path):
    corpus = tmp_path / "corpus.jsonl"
    original = (
        json.dumps({"id": 1, "text": DIRTY}) + "\n\n" + json.dumps({"id": 2, "text": "Clean text here."}) + "\r\n"
    ).encode()
    corpus.write_bytes(original)
    log = tmp_path / "fix.log"
    assert main(["fix", "--log", str(log), str(corpus)]) == 0
    assert json.loads(corpus.read_text().splitlines()[0])["text"] == FIXED
    (entry,) = log_lines(log)
    assert (entry["record"], entry["field"], entry["removed"]) == (1, "text", "Share this article on Facebook\n")
    assert main(["undo", str(log)]) == 0
    assert corpus.read_bytes() == original


def test_a_log_that_is_not_a_fix_log_is_one_error(tmp_path: Path, capsys):
    log = tmp_path / "notes.txt"
    log.write_text('{"path": "x"}\n', encoding="utf-8")
    assert main(["undo", str(log)]) == 2
    assert capsys.readouterr().err.strip() == f"cleanlint: error: {log}:1: not a line of a cleanlint fix log"
    assert main(["undo", str(tmp_path / "missing.log")]) == 2


def test_a_log_that_cannot_be_written_stops_fix_before_any_file_is_touched(tmp_path: Path, capsys):
    story = tmp_path / "story.txt"
    story.write_text(DIRTY, encoding="utf-8")
    log = tmp_path / "no-such-folder" / "fix.log"
    assert main(["fix", "--log", str(log), str(story)]) == 2
    assert capsys.readouterr().err.strip() == (
        f"cleanlint: error: cannot write the fix log {log}: No such file or directory"
    )
    assert story.read_text() == DIRTY


def test_a_path_that_is_not_utf8_is_logged_as_json_escapes_and_read_back_the_same(tmp_path: Path):
    from cleanlint.run.fixlog import LoggedEdit, append, read_log

    path = os.fsdecode(bytes(tmp_path) + b"/caf\xe9.txt")  # the name as os.fsdecode gives it: "caf\udce9.txt"
    edit = LoggedEdit(path, None, None, "B503", ("B503",), 0, 6, "Café ’", "", "after", "before")
    line = edit.line()
    assert "caf\\udce9.txt" in line and "Café ’" in line  # only the surrogate is escaped; text stays readable
    log = tmp_path / "fix.log"
    append(log, [line])
    assert read_log(log) == [edit] and os.fsencode(read_log(log)[0].path).endswith(b"/caf\xe9.txt")
