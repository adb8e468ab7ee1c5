"""Symbolic links: `fix` never writes outside the folders it was given, and never turns a link into a file.

Corpora kept with git-annex or DataLad are made of symlinked articles, and a symlinked folder can point
anywhere on the machine. A folder walk does not descend into symlinked folders (as git does not), and
`fix` does not write through a symlinked file it found by walking; a link named on the command line is the
user's choice, and `fix` rewrites its target, keeping the link.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from cleanlint.cli.main import main
from cleanlint.safeio.atomic import file_digest, write_bytes_atomic

from ..conftest import folders

DIRTY = "The council approved the budget on Tuesday.\nShare this article on Facebook\nThe vote was seven to two.\n"
FIXED = "The council approved the budget on Tuesday.\nThe vote was seven to two.\n"
NOTICE = "a symbolic link; not rewritten (name it on the command line to fix its target)"


def run(*args: str | Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "cleanlint", *map(str, args)], capture_output=True, text=True)


def corpus_with_a_link(tmp_path: Path, name: str, target_text: str) -> tuple[Path, Path, Path]:
    """corpus/story.txt (dirty) and corpus/NAME, a relative link to outside/NAME holding `target_text`."""
    corpus, outside = folders(tmp_path, "corpus", "outside")
    (corpus / "story.txt").write_text(DIRTY, encoding="utf-8")
    target = outside / name
    target.write_text(target_text, encoding="utf-8")
    link = corpus / name
    link.symlink_to(Path("..", "outside", name))
    return corpus, link, target


@pytest.mark.slow
def test_fix_of_a_folder_does_not_descend_into_a_symlinked_folder(tmp_path: Path):
    corpus, outside = tmp_path / "corpus", tmp_path / "outside" / "dir"
    corpus.mkdir()
    outside.mkdir(parents=True)
    (corpus / "story.txt").write_text(DIRTY, encoding="utf-8")
    inner = outside / "inner.txt"
    inner.write_text(DIRTY, encoding="utf-8")
    (corpus / "linkdir").symlink_to(Path("..", "outside", "dir"), target_is_directory=True)
    proc = run("fix", corpus)
    assert proc.returncode == 0, proc.stderr
    assert inner.read_text(encoding="utf-8") == DIRTY  # outside the corpus: untouched
    assert (corpus / "story.txt").read_text(encoding="utf-8") == FIXED
    assert "Applied 1 fix in 1 of 1 file" in proc.stdout
    assert "linkdir" not in run("check", corpus).stdout
    # named on the command line, the symlinked folder is the user's choice, and it is walked
    proc = run("fix", corpus / "linkdir")
    assert proc.returncode == 0, proc.stderr
    assert inner.read_text(encoding="utf-8") == FIXED and (corpus / "linkdir").is_symlink()


@pytest.mark.slow
def test_a_symlinked_article_found_in_a_folder_is_reported_but_not_written(tmp_path: Path):
    corpus, link, target = corpus_with_a_link(tmp_path, "link.txt", DIRTY)
    check = run("check", corpus)
    assert f"{link}:2:1: B503" in check.stdout  # reading through a link is harmless
    proc = run("fix", corpus)
    assert proc.returncode == 1  # its finding remains
    assert link.is_symlink() and os.readlink(link) == os.path.join("..", "outside", "link.txt")
    assert target.read_text(encoding="utf-8") == DIRTY
    assert (corpus / "story.txt").read_text(encoding="utf-8") == FIXED
    assert proc.stderr.splitlines() == [f"{link}: {NOTICE}"]
    assert f"{link}:2:1: B503" in proc.stdout
    assert "Applied 1 fix in 1 of 2 files; 1 finding remains" in proc.stdout
    diff = run("fix", "--diff", corpus)  # the diff shows what fix would do, and fix leaves the link alone
    assert "link.txt" not in diff.stdout and f"{link}: {NOTICE}" in diff.stderr


@pytest.mark.slow
def test_a_symlinked_article_named_on_the_command_line_has_its_target_fixed(tmp_path: Path):
    _, link, target = corpus_with_a_link(tmp_path, "link.txt", DIRTY)
    proc = run("fix", link)
    assert proc.returncode == 0, proc.stderr
    assert link.is_symlink() and os.readlink(link) == os.path.join("..", "outside", "link.txt")
    assert target.read_text(encoding="utf-8") == FIXED
    assert not [p for p in target.parent.iterdir() if "cleanlint-tmp" in p.name]


@pytest.mark.slow
def test_a_symlinked_jsonl_file_is_written_only_when_named(tmp_path: Path):
    original = json.dumps({"id": 1, "text": DIRTY}) + "\n"
    corpus, link, target = corpus_with_a_link(tmp_path, "corpus.jsonl", original)
    proc = run("fix", corpus)
    assert proc.returncode == 1 and f"{link}: {NOTICE}" in proc.stderr
    assert link.is_symlink() and target.read_text(encoding="utf-8") == original
    proc = run("fix", link)
    assert proc.returncode == 0, proc.stderr
    assert link.is_symlink() and json.loads(target.read_text(encoding="utf-8"))["text"] == FIXED


@pytest.mark.slow
def test_the_text_of_a_page_is_not_written_through_a_link_a_search_found(tmp_path: Path, capsys):
    """For a page, the file fix writes is its text beside it: that is the file that must not be a link."""
    from ..sources.test_html import ARTICLE, BOILERPLATE, page

    corpus, outside = folders(tmp_path, "corpus", "outside")
    html = corpus / "page.html"
    html.write_bytes(page())
    assert main(["fix", str(html)]) == 0  # the page's text, as cleanlint writes it
    text, target = corpus / "page.txt", outside / "page.txt"
    text.rename(target)
    text.symlink_to(Path("..", "outside", "page.txt"))
    html.write_bytes(page([*ARTICLE, "The work is due to begin in the autumn, a spokesman said.", *BOILERPLATE]))
    before = target.read_bytes()
    capsys.readouterr()
    assert main(["fix", str(corpus)]) == 1  # the page's findings remain
    assert text.is_symlink() and target.read_bytes() == before
    assert capsys.readouterr().err.splitlines() == [
        f"{html}: its text page.txt is a symbolic link; not rewritten (name the page on the command line to fix"
        " its target)"
    ]
    assert main(["fix", str(html)]) == 0
    assert text.is_symlink() and "due to begin in the autumn" in target.read_text(encoding="utf-8")


def test_an_atomic_write_to_a_link_replaces_its_target_and_keeps_the_link(tmp_path: Path):
    """The one write path every writer shares (fix, undo, reports, the baseline)."""
    target = tmp_path / "elsewhere" / "a.txt"
    target.parent.mkdir()
    target.write_text("old\n", encoding="utf-8")
    link = tmp_path / "a.txt"
    link.symlink_to(target)
    write_bytes_atomic(link, b"new\n", file_digest(link))
    assert link.is_symlink() and target.read_bytes() == b"new\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.txt", "elsewhere"]  # no temporary file beside the link
