"""Symbolic links: `fix` never writes outside the folders it was given, and never turns a link into a file.

Corpora kept with git-annex or DataLad are made of symlinked articles, and a symlinked folder can point
anywhere on the machine. A folder walk does not descend into symlinked folders (as git does not), and
`fix` does not write through a symlinked file it found by walking; a link named on the command line is the
user's choice, and `fix` rewrites its target, keeping the link.
"""

from __future__ import annotations

from pathlib import Path

from cleanlint.atomic import file_digest, write_bytes_atomic


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
