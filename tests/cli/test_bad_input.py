"""Hostile input, end to end: each bad file gets one line naming it, the others go on, exit 2, nothing written.

A pre-commit hook runs on whatever lands in a corpus repository, so the command itself is tested, in a
subprocess, as the hook calls it: a traceback or a half-written file there would cost someone their data.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

DIRTY = "The council approved the budget on Tuesday.\nShare this article on Facebook\nThe vote was seven to two.\n"
FIXED = "The council approved the budget on Tuesday.\nThe vote was seven to two.\n"


def run(*args: str, prefix: tuple[str, ...] = ()) -> subprocess.CompletedProcess:
    return subprocess.run([*prefix, sys.executable, "-m", "cleanlint", *args], capture_output=True, text=True)


def snapshot(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in folder.iterdir() if p.is_file() and not p.is_symlink()}


def assert_one_line_errors(proc: subprocess.CompletedProcess, expected: dict[Path, str]) -> None:
    """Every expected error is one line naming its file, and nothing on stderr looks like a crash."""
    errors = proc.stderr.splitlines()
    for path, message in expected.items():
        assert any(e.startswith(f"error: {path}") and message in e for e in errors), (path, message, errors)
    assert "Traceback" not in proc.stderr


@pytest.mark.slow
def test_each_bad_file_is_named_the_good_one_is_fixed_and_no_bad_file_is_written(tmp_path: Path):
    (tmp_path / "latin1.txt").write_bytes("Caf\xe9 owners met on Monday.\n".encode("latin-1"))
    (tmp_path / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    (tmp_path / "records.jsonl").write_text(
        json.dumps({"text": DIRTY}) + "\n{not json\n" + json.dumps({"title": "no text"}) + "\n", encoding="utf-8"
    )
    (tmp_path / "broken-front-matter.md").write_text("---\ntitle: [unclosed\n---\n" + DIRTY, encoding="utf-8")
    good = tmp_path / "good.txt"
    good.write_text(DIRTY, encoding="utf-8")
    before = snapshot(tmp_path)

    proc = run("fix", str(tmp_path))

    assert proc.returncode == 2
    assert_one_line_errors(
        proc,
        {
            tmp_path / "latin1.txt": "not UTF-8 text (byte 0xe9 at offset 3)",
            tmp_path / "binary.txt": "binary file",
            tmp_path / "records.jsonl": "line 2: not JSON",
            tmp_path / "broken-front-matter.md": "front matter is not valid YAML",
        },
    )
    assert any("line 3: not an object with a string field 'text'" in e for e in proc.stderr.splitlines())
    after = snapshot(tmp_path)
    assert after.pop("good.txt") == FIXED.encode()  # the run went on: the good file was fixed
    assert after == {k: v for k, v in before.items() if k != "good.txt"}  # nothing else was written


@pytest.mark.slow
def test_a_jsonl_file_with_a_bad_line_still_reports_its_good_records(tmp_path: Path):
    corpus = tmp_path / "corpus.jsonl"
    corpus.write_text(json.dumps({"text": DIRTY}) + "\n[1, 2\n", encoding="utf-8")
    proc = run("check", "--format", "json", str(corpus))
    assert proc.returncode == 2
    report = json.loads(proc.stdout)
    assert [(f["record"], f["code"]) for f in report["findings"]] == [(1, "B503")]
    assert [e["message"] for e in report["errors"]] == [
        f"{corpus}: line 2: not JSON (Expecting ',' delimiter at column 6)"
    ]


@pytest.mark.slow
def test_a_100_mb_file_is_refused_by_its_size_before_it_is_read(tmp_path: Path):
    """A sparse 100 MB file: refused from its size alone, so the refusal costs no memory and no time."""
    big = tmp_path / "dump.txt"
    with open(big, "wb") as out:
        out.truncate(100 * 1024 * 1024)
    (tmp_path / "good.txt").write_text(DIRTY, encoding="utf-8")
    proc = run("fix", str(tmp_path))
    assert proc.returncode == 2
    assert_one_line_errors(proc, {big: "is 100.0 MB, larger than the 10 MB limit (setting max-file-size); not read"})
    assert big.stat().st_size == 100 * 1024 * 1024 and (tmp_path / "good.txt").read_text() == FIXED


@pytest.mark.slow
def test_a_jsonl_line_over_the_size_limit_is_skipped_in_bounded_memory(tmp_path: Path):
    """A 100 MB JSONL file whose one line is too long is read in chunks: the line is an error, the rest go on.

    The limit is lowered to 1 MB in the settings so that the test writes 3 MB, not 100; the code path is
    the same one a 100 MB line takes.
    """
    (tmp_path / ".cleanlint.yaml").write_text("max-file-size: 1\n", encoding="utf-8")
    corpus = tmp_path / "corpus.jsonl"
    long_line = json.dumps({"text": "word " * 600_000})
    corpus.write_text(json.dumps({"text": DIRTY}) + "\n" + long_line + "\n" + json.dumps({"text": DIRTY}) + "\n")
    before = corpus.read_bytes()
    proc = run("fix", str(corpus))
    assert proc.returncode == 2
    assert_one_line_errors(proc, {corpus: "line 2: 2.9 MB, larger than the limit"})
    assert corpus.read_bytes() == before  # a file with a bad line is never rewritten


@pytest.mark.slow
@pytest.mark.skipif(sys.platform == "win32", reason="POSIX permissions")
def test_an_unreadable_file_is_named_and_the_others_are_checked(tmp_path: Path):
    secret = tmp_path / "secret.txt"
    secret.write_text(DIRTY, encoding="utf-8")
    (tmp_path / "good.txt").write_text(DIRTY, encoding="utf-8")
    secret.chmod(0)
    prefix: tuple[str, ...] = ()
    if os.geteuid() == 0:  # root reads anything; without these capabilities, root obeys the file's mode too
        if shutil.which("setpriv") is None:
            pytest.skip("running as root and setpriv is not installed to drop the capability to read anything")
        prefix = ("setpriv", "--bounding-set=-dac_override,-dac_read_search")
    try:
        proc = run("fix", str(tmp_path), prefix=prefix)
    finally:
        secret.chmod(0o644)
    assert proc.returncode == 2
    assert_one_line_errors(proc, {secret: "cannot read: Permission denied"})
    assert secret.read_text() == DIRTY and (tmp_path / "good.txt").read_text() == FIXED


@pytest.mark.slow
def test_a_file_loop_of_symlinks_is_an_error_and_a_folder_loop_is_not_entered(tmp_path: Path):
    corpus = tmp_path / "corpus"
    (corpus / "a").mkdir(parents=True)
    (corpus / "a" / "story.txt").write_text(DIRTY, encoding="utf-8")
    (corpus / "a" / "back").symlink_to(corpus, target_is_directory=True)  # a folder loop
    (corpus / "one.txt").symlink_to(corpus / "two.txt")  # a file loop
    (corpus / "two.txt").symlink_to(corpus / "one.txt")
    proc = run("check", str(corpus))
    assert proc.returncode == 2
    assert_one_line_errors(proc, {corpus / "one.txt": "Too many levels of symbolic links"})
    assert proc.stdout.count("story.txt:2:1: B503") == 1  # the symlinked folder is not entered


@pytest.mark.slow
def test_a_broken_rule_file_stops_the_run_before_anything_is_checked(tmp_path: Path):
    rule = tmp_path / "broken.yaml"
    rule.write_text("code: X901\nname: broken\nkind: phrase\nphrases: ['unclosed\n", encoding="utf-8")
    article = tmp_path / "story.txt"
    article.write_text(DIRTY, encoding="utf-8")
    proc = run("fix", "--rules", str(rule), str(article))
    assert proc.returncode == 2
    (line,) = proc.stderr.splitlines()
    assert re.fullmatch(rf"cleanlint: error: {re.escape(str(rule))}:\d+:\d+: invalid YAML: .+", line)  # file:line:col
    assert proc.stdout == "" and article.read_text() == DIRTY


@pytest.mark.slow
def test_a_pattern_that_backtracks_is_stopped_and_the_run_goes_on(tmp_path: Path):
    """ "(a|aa)+c" takes exponential time on a run of a's with no c: the time limit stops it on that file."""
    rule = tmp_path / "slow.yaml"
    rule.write_text(
        "code: X901\nname: backtracking\nkind: phrase\nsummary: a rule that backtracks\nmessage: slow\n"
        "category: boilerplate\nseverity: warning\npatterns: ['(a|aa)+c']\nfix: {action: none}\n"
        "examples:\n  - input: \"aac\\n\"\n    findings: ['aac']\n",
        encoding="utf-8",
    )
    trap = tmp_path / "trap.txt"
    trap.write_text("The story.\n" + "a" * 64 + "\nShare this article on Facebook\n", encoding="utf-8")
    good = tmp_path / "good.txt"
    good.write_text(DIRTY, encoding="utf-8")
    proc = run("fix", "--rules", str(rule), str(tmp_path))
    assert proc.returncode == 2
    assert_one_line_errors(proc, {trap: "rule X901 took too long on this text and was stopped"})
    assert "Share this article" in trap.read_text()  # a file with a stopped rule is not written
    assert good.read_text() == FIXED
