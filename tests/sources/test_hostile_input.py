"""More hostile input, end to end, as test_bad_input.py: one line naming the file, the run goes on, exit 2,
nothing written for that file, never a traceback."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from ..cli.test_bad_input import DIRTY, FIXED, assert_one_line_errors, run, snapshot
from .test_sources import laughs


@pytest.mark.slow
def test_front_matter_with_aliases_is_one_error_and_the_run_goes_on(tmp_path: Path):
    (tmp_path / "laughs.txt").write_text(laughs(3) + DIRTY, encoding="utf-8")
    (tmp_path / "good.txt").write_text(DIRTY, encoding="utf-8")
    before = snapshot(tmp_path)
    proc = run("fix", str(tmp_path))
    assert proc.returncode == 2
    assert_one_line_errors(proc, {tmp_path / "laughs.txt": "front matter uses a YAML anchor or alias"})
    after = snapshot(tmp_path)
    assert after.pop("good.txt") == FIXED.encode() and after == {"laughs.txt": before["laughs.txt"]}


@pytest.mark.slow
def test_a_file_name_that_is_not_utf8_is_fixed_logged_and_undone(tmp_path: Path):
    """os.fsdecode makes the byte 0xff of the name the character U+DCFF: the log carries it as a JSON
    escape, which reads back as the same character, so undo finds the very file again."""
    name = os.fsdecode(b"bad\xffname.txt")
    try:
        (tmp_path / name).write_text(DIRTY, encoding="utf-8")
    except (OSError, UnicodeEncodeError):
        pytest.skip("this file system takes only UTF-8 file names")
    (tmp_path / "good.txt").write_text(DIRTY, encoding="utf-8")
    log = tmp_path.parent / f"{tmp_path.name}.log"
    proc = run("fix", "--log", str(log), str(tmp_path))
    assert proc.returncode == 0, proc.stderr
    assert (tmp_path / name).read_text(encoding="utf-8") == FIXED
    entries = [json.loads(line) for line in log.read_text(encoding="utf-8").splitlines()]  # the log is UTF-8
    assert sorted(os.fsencode(e["path"]) for e in entries) == [
        os.fsencode(tmp_path / "bad\udcffname.txt"),
        os.fsencode(tmp_path / "good.txt"),
    ]
    proc = run("undo", str(log))
    assert proc.returncode == 0 and "Traceback" not in proc.stderr
    assert (tmp_path / name).read_text(encoding="utf-8") == DIRTY == (tmp_path / "good.txt").read_text()


LONE_SURROGATE = '{"text": "Caf\\udce9 owners met.\\nShare this article on Facebook\\n"}\n'


@pytest.mark.slow
@pytest.mark.parametrize("args", [("check",), ("check", "--format", "json"), ("check", "--format", "html"), ("fix",)])
def test_a_record_with_a_lone_surrogate_is_an_error_naming_its_line(tmp_path: Path, args: tuple[str, ...]):
    """JSON can escape half a surrogate pair, which is no Unicode text: the line is an error, the file's other
    records are checked, and the file is not written, since the record could not be written back as UTF-8."""
    corpus = tmp_path / "corpus.jsonl"
    corpus.write_text(json.dumps({"text": DIRTY}) + "\n" + LONE_SURROGATE, encoding="utf-8")
    (tmp_path / "good.txt").write_text(DIRTY, encoding="utf-8")
    before = corpus.read_bytes()
    proc = run(*args, str(tmp_path))
    assert proc.returncode == 2
    assert_one_line_errors(proc, {corpus: "line 2: field 'text' is not valid Unicode (a lone surrogate, \\udce9)"})
    assert corpus.read_bytes() == before
    if args == ("check", "--format", "json"):
        assert [f["record"] for f in json.loads(proc.stdout)["findings"] if f["path"] == str(corpus)] == [1]
    if args == ("fix",):
        assert (tmp_path / "good.txt").read_text(encoding="utf-8") == FIXED


@pytest.mark.slow
def test_mine_reports_a_record_with_a_lone_surrogate_and_mines_the_rest(tmp_path: Path):
    corpus = tmp_path / "corpus.jsonl"
    corpus.write_text(json.dumps({"text": DIRTY}) + "\n" + LONE_SURROGATE, encoding="utf-8")
    proc = run("mine", str(corpus))
    assert proc.returncode == 2
    assert_one_line_errors(proc, {corpus: "line 2: field 'text' is not valid Unicode"})
    assert "Mined 1 document " in proc.stderr


@pytest.mark.slow
@pytest.mark.parametrize(
    ("value", "message"),
    [
        ('!!python/object/apply:os.system ["echo pwned"]', "could not determine a constructor for the tag"),
        ("!!int abc", "'abc' is not a valid int (line 1)"),
    ],
)
def test_a_tag_in_a_rule_file_or_the_settings_is_one_line_and_nothing_runs(tmp_path: Path, value: str, message: str):
    rule = tmp_path / "rule.yaml"
    rule.write_text(
        "code: X901\nname: tagged\nkind: phrase\nsummary: s\ncategory: boilerplate\npatterns: ['Share this']\n"
        f"message: {value}\n",
        encoding="utf-8",
    )
    article = tmp_path / "story.txt"
    article.write_text(DIRTY, encoding="utf-8")
    proc = run("fix", "--rules", str(rule), str(article))
    assert proc.returncode == 2 and proc.stdout == "" and article.read_text(encoding="utf-8") == DIRTY
    (line,) = proc.stderr.splitlines()
    assert line.startswith(f"cleanlint: error: {rule}:7:10: message: ") and message.split(" (line")[0] in line

    settings = tmp_path / "corpus" / ".cleanlint.yaml"
    settings.parent.mkdir()
    settings.write_text(f"ignore: {value}\n", encoding="utf-8")
    (settings.parent / "story.txt").write_text(DIRTY, encoding="utf-8")
    proc = run("fix", str(settings.parent))
    assert proc.returncode == 2 and proc.stdout == ""
    (line,) = proc.stderr.splitlines()
    assert line.startswith(f"cleanlint: error: {settings}: invalid settings file: ") and message in line
    assert (settings.parent / "story.txt").read_text(encoding="utf-8") == DIRTY


@pytest.mark.slow
def test_a_utf16_file_with_a_bom_is_checked_fixed_in_its_own_encoding_and_undone(tmp_path: Path):
    """UTF-16 (as Windows tools write it: a BOM, CRLF) is text, not a binary file for its NUL bytes."""
    story = tmp_path / "story.txt"
    original = b"\xff\xfe" + DIRTY.replace("\n", "\r\n").encode("utf-16-le")
    story.write_bytes(original)
    check = run("check", str(story))
    assert check.returncode == 1 and f"{story}:2:1: B503" in check.stdout and check.stderr == ""
    log = tmp_path.parent / f"{tmp_path.name}.log"
    assert run("fix", "--log", str(log), str(story)).returncode == 0
    fixed = b"\xff\xfe" + FIXED.replace("\n", "\r\n").encode("utf-16-le")
    assert story.read_bytes() == fixed  # the same encoding, BOM and line ends
    again = run("fix", str(story))  # idempotent: nothing left to fix, nothing written
    assert again.returncode == 0 and "Applied 0 fixes" in again.stdout and story.read_bytes() == fixed
    assert run("undo", str(log)).returncode == 0 and story.read_bytes() == original
