"""Symbolic links: `fix` never writes outside the folders it was given, and never turns a link into a file.

Corpora kept with git-annex or DataLad are made of symlinked articles, and a symlinked folder can point
anywhere on the machine. A folder walk does not descend into symlinked folders (as git does not), and
`fix` does not write through a symlinked file it found by walking; a link named on the command line is the
user's choice, and `fix` rewrites its target, keeping the link.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from cleanlint.atomic import file_digest, write_bytes_atomic

DIRTY = "The council approved the budget on Tuesday.\nShare this article on Facebook\nThe vote was seven to two.\n"
FIXED = "The council approved the budget on Tuesday.\nThe vote was seven to two.\n"


def run(*args: str | Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "cleanlint", *map(str, args)], capture_output=True, text=True)


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
    assert "Applied 1 fixes in 1 of 1 files" in proc.stdout
    assert "linkdir" not in run("check", corpus).stdout
    # named on the command line, the symlinked folder is the user's choice, and it is walked
    proc = run("fix", corpus / "linkdir")
    assert proc.returncode == 0, proc.stderr
    assert inner.read_text(encoding="utf-8") == FIXED and (corpus / "linkdir").is_symlink()


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
