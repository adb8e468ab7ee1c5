"""The cache folder is part of the corpus, which others can commit to: nothing planted there may run code,
change a report, or redirect a write.

Each attack plants what a shared corpus repository could carry (`git add -f` gets past the cache's
.gitignore) at the very names the next run looks up, then checks that the run reports exactly what a run
with --no-cache reports, and that nothing ran or was written where it should not be.
"""

from __future__ import annotations

import os
import pickle
import shlex
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from cleanlint.cli.main import main
from cleanlint.engine.engine import Engine

CACHE = ".cleanlint_cache"


class Planted:
    """A pickle as an attacker would write it: unpickling it runs a shell command, here one that creates
    `marker`."""

    def __init__(self, marker: Path):
        self.marker = marker

    def __reduce__(self):
        return (os.system, (f"touch {shlex.quote(str(self.marker))}",))


def planted(marker: Path) -> bytes:
    return pickle.dumps([Planted(marker)])


def check(capsys, corpus: Path, *args: str) -> tuple[int, str]:
    """The exit status and JSON report of `cleanlint check` over `corpus`."""
    status = main(["check", "--format", "json", *args, str(corpus)])
    return status, capsys.readouterr().out


def files_in(folder: Path) -> set[str]:
    return {str(p.relative_to(folder)) for p in folder.rglob("*")} if folder.exists() else set()


@pytest.fixture
def corpus(seeds_copy: Path, monkeypatch) -> Path:
    """The seeds, checked from their own folder: without a settings file the cache is kept there."""
    monkeypatch.chdir(seeds_copy)
    return seeds_copy


@pytest.fixture
def expected(corpus: Path, capsys) -> tuple[int, str]:
    """The report of a run that reads and writes no cache."""
    status, out = check(capsys, corpus, "--no-cache")
    assert status == 1 and '"code"' in out  # the seeds have findings: a planted entry could hide them
    assert not (corpus / CACHE).exists()
    return status, out


@pytest.mark.slow
def test_a_planted_findings_entry_runs_nothing_and_changes_nothing(corpus: Path, expected, capsys, tmp_path: Path):
    assert check(capsys, corpus) == expected
    entries = [e for e in (corpus / CACHE / "findings").glob("*/*") if not e.name.startswith(".")]
    assert len(entries) == 5  # one for each article: the names the next run looks up
    marker = tmp_path / "ran"
    for entry in entries:
        entry.write_bytes(planted(marker))
    assert check(capsys, corpus) == expected
    assert not marker.exists()


@pytest.mark.slow
@pytest.mark.parametrize("which", ["rules", "prepared", "memo"])
def test_a_planted_rules_or_scanner_entry_runs_nothing_and_changes_nothing(
    corpus: Path, expected, capsys, tmp_path: Path, which: str
):
    """The loaded rules, what the literal scan worked out from them, and the compiled patterns and other
    readings of them are read when a document must be checked: the findings are removed so that every
    document is."""
    assert check(capsys, corpus) == expected
    rules = corpus / CACHE / "rules"
    entries = {which: next(rules.glob(f"*.{which}.pickle")) for which in ("prepared", "memo")}
    (entries["rules"],) = set(rules.glob("*.pickle")) - set(entries.values())
    marker = tmp_path / "ran"
    entries[which].write_bytes(planted(marker))
    for entry in (corpus / CACHE / "findings").rglob("*"):
        if entry.is_file():
            entry.unlink()
    assert check(capsys, corpus) == expected
    assert not marker.exists()


@pytest.mark.slow
def test_a_forged_entry_is_a_miss_and_a_genuine_one_a_hit(corpus: Path, expected, capsys, monkeypatch):
    """A valid pickle that says a document has no findings is not believed unless it is sealed with the
    user's key; the entries the run then writes are, and the next run is answered from them."""
    assert check(capsys, corpus) == expected
    entries = [e for e in (corpus / CACHE / "findings").glob("*/*") if not e.name.startswith(".")]
    for entry in entries:
        entry.write_bytes(pickle.dumps([]))
    assert check(capsys, corpus) == expected  # not "no findings"

    from cleanlint.safeio.cacheauth import KEY_BYTES, sealed  # an entry sealed as cleanlint seals, with another key

    for entry in entries:
        name = entry.relative_to(corpus / CACHE).as_posix()
        entry.write_bytes(sealed(b"\x01" * KEY_BYTES, name, pickle.dumps([])))
    assert check(capsys, corpus) == expected

    def no_rules(self, doc, skip=()):
        raise AssertionError("a cached document was checked again")

    monkeypatch.setattr(Engine, "check", no_rules)
    assert check(capsys, corpus) == expected  # every entry genuine again: no document is checked


@pytest.mark.slow
def test_an_entry_moved_to_another_name_is_a_miss(corpus: Path, expected, capsys):
    """Each entry is sealed for its own name: one document's findings, genuine as they are, are not
    believed for another document."""
    assert check(capsys, corpus) == expected
    entries = sorted(e for e in (corpus / CACHE / "findings").glob("*/*") if not e.name.startswith("."))
    contents = [e.read_bytes() for e in entries]
    assert len(set(contents)) == len(contents)
    for entry, content in zip(entries, contents[1:] + contents[:1], strict=True):
        entry.write_bytes(content)
    assert check(capsys, corpus) == expected


@pytest.mark.slow
def test_a_cache_written_with_another_users_key_is_a_miss(corpus: Path, expected, capsys, monkeypatch, tmp_path):
    """A colleague's own cache, committed with the corpus, is no better than a forged one: their key is not
    this user's, so every document is checked here again."""
    assert check(capsys, corpus) == expected
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "another-user"))
    checked = []
    real_check = Engine.check
    monkeypatch.setattr(Engine, "check", lambda self, doc, skip=(): checked.append(doc) or real_check(self, doc, skip))
    assert check(capsys, corpus) == expected
    assert len(checked) == 5


def link_all_findings_folders(cache: Path, target: Path) -> None:
    for n in range(256):
        (cache / "findings" / f"{n:02x}").symlink_to(target, target_is_directory=True)


@pytest.mark.slow
@pytest.mark.parametrize("link", [CACHE, f"{CACHE}/rules", f"{CACHE}/findings", f"{CACHE}/findings/xx"])
def test_a_symlinked_cache_folder_is_not_followed(corpus: Path, expected, capsys, tmp_path: Path, link: str):
    """Whatever folder of the cache is a symlink, the run has no cache: nothing is written where the link
    points, nor anywhere else in the cache."""
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    if link.endswith("xx"):  # every folder that findings could be kept in
        (corpus / CACHE / "findings").mkdir(parents=True)
        link_all_findings_folders(corpus / CACHE, elsewhere)
    else:
        (corpus / link).parent.mkdir(parents=True, exist_ok=True)
        (corpus / link).symlink_to(elsewhere, target_is_directory=True)
    before = files_in(corpus / CACHE) if not (corpus / CACHE).is_symlink() else set()
    for _ in range(2):  # the second run would read what the first wrote
        assert check(capsys, corpus) == expected
    assert not list(elsewhere.iterdir())
    if not (corpus / CACHE).is_symlink():
        assert files_in(corpus / CACHE) == before


@pytest.mark.slow
def test_a_symlink_planted_at_the_gitignore_is_not_followed(corpus: Path, expected, capsys, tmp_path: Path):
    (corpus / CACHE).mkdir()
    victim = tmp_path / "victim"
    (corpus / CACHE / ".gitignore").symlink_to(victim)
    assert check(capsys, corpus) == expected
    assert not victim.exists() and (corpus / CACHE / ".gitignore").is_symlink()


@pytest.mark.slow
def test_a_symlink_planted_at_a_temporary_files_name_is_not_followed(corpus: Path, expected, capsys, tmp_path):
    """A temporary file is made fresh, never opened by a name that could be guessed and planted."""
    assert check(capsys, corpus) == expected
    victim = tmp_path / "victim"
    for entry in (corpus / CACHE / "rules").glob("*.pickle"):
        entry.unlink()
        entry.with_name(f".{entry.name}.{os.getpid()}.tmp").symlink_to(victim)
    assert check(capsys, corpus) == expected
    assert not victim.exists()


@pytest.mark.slow
def test_the_key_is_private_and_made_once(tmp_path: Path, monkeypatch):
    """The key is made on the first run, in the user's own cache folder, readable by the user alone, and
    never made again."""
    article = tmp_path / "story.txt"
    article.write_text("The council met on Tuesday.\n", encoding="utf-8")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))  # the processes started below find it
    key = tmp_path / "xdg" / "cleanlint" / "key"
    command = [sys.executable, "-m", "cleanlint", "check", str(article)]
    first = subprocess.run(command, capture_output=True, text=True, cwd=tmp_path)
    assert first.returncode == 0, first.stderr
    info = key.lstat()
    assert stat.S_ISREG(info.st_mode) and stat.S_IMODE(info.st_mode) == 0o600 and info.st_size == 32
    made = key.read_bytes()
    assert subprocess.run(command, capture_output=True, text=True, cwd=tmp_path).returncode == 0
    assert key.read_bytes() == made


def spoil(folder: Path, how: str) -> None:
    """A key file in `folder` that must not be used."""
    folder.mkdir(parents=True)
    key = folder / "key"
    if how == "symlink":
        private = folder / "elsewhere"
        private.write_bytes(b"k" * 32)
        private.chmod(0o600)
        key.symlink_to(private)
    elif how == "folder":
        key.mkdir()
    else:
        key.write_bytes(b"k" * (31 if how == "short" else 32))
        key.chmod({"group-readable": 0o640, "world-readable": 0o604}.get(how, 0o600))
        if how == "not the user's":
            if os.geteuid() != 0:
                pytest.skip("only root can give a file to another user")
            os.chown(key, os.getuid() + 1, -1)


@pytest.mark.slow
@pytest.mark.parametrize(
    "how", ["symlink", "folder", "short", "group-readable", "world-readable", "not the user's", "unwritable home"]
)
def test_without_a_usable_key_there_is_no_cache(corpus: Path, expected, capsys, monkeypatch, tmp_path, how):
    """A key that others could read, or have put there, is not used, nor replaced: the run has no cache."""
    xdg = tmp_path / "xdg"
    if how == "unwritable home":
        xdg.write_text("a file, where the cache folder would be made\n", encoding="utf-8")
    else:
        spoil(xdg / "cleanlint", how)
    monkeypatch.setenv("XDG_CACHE_HOME", str(xdg))
    keys = files_in(xdg)
    assert check(capsys, corpus) == expected
    assert not (corpus / CACHE).exists()
    assert files_in(xdg) == keys
