"""More hostile input, end to end, as test_bad_input.py: one line naming the file, the run goes on, exit 2,
nothing written for that file, never a traceback."""

from __future__ import annotations

from pathlib import Path

from .test_bad_input import DIRTY, FIXED, assert_one_line_errors, run, snapshot
from .test_sources import laughs


def test_front_matter_with_aliases_is_one_error_and_the_run_goes_on(tmp_path: Path):
    (tmp_path / "laughs.txt").write_text(laughs(3) + DIRTY, encoding="utf-8")
    (tmp_path / "good.txt").write_text(DIRTY, encoding="utf-8")
    before = snapshot(tmp_path)
    proc = run("fix", str(tmp_path))
    assert proc.returncode == 2
    assert_one_line_errors(proc, {tmp_path / "laughs.txt": "front matter uses a YAML anchor or alias"})
    after = snapshot(tmp_path)
    assert after.pop("good.txt") == FIXED.encode() and after == {"laughs.txt": before["laughs.txt"]}
