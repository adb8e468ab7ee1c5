"""The cache folder, `.cleanlint_cache/`: entries read and written so that nothing in it can run code or
redirect a write.

The folder sits in the corpus, so whoever can commit to the corpus can put anything in it. Two things keep
that harmless:

- every entry is sealed with the user's own key (cacheauth.py) and unpickled only once the seal checks out,
  so a planted pickle, whatever it would run, is never unpickled: it is a miss, and the run does the work
  itself, with the same results;
- nothing in the folder is followed through a symlink. A run whose `.cleanlint_cache`, `rules/`,
  `findings/` or a folder in `findings/` is a symlink or not a folder at all has no cache (see
  `usable_cache_dir`), silently: the cache only ever saves time, and a report must not depend on it. Each
  folder is also opened without following a symlink and entries are reached through those open folders,
  so a symlink swapped in during a run is refused too; entries are opened without following a symlink, and
  written to a fresh temporary file (O_EXCL, never a name opened with truncation) renamed over the entry.

The folder holds a `.gitignore` of `*`, so that it never shows up in the corpus's commits; it is written
only when missing, and never through a symlink. A cache that cannot be read or written is ignored.
"""

from __future__ import annotations

import os
import pickle
import stat
from contextlib import suppress
from pathlib import Path

from .cacheauth import SUPPORTED, sealed, secret_key, unsealed

CACHE_DIR_NAME = ".cleanlint_cache"
FOLDERS = ("rules", "findings")  # what the folder holds; findings/ holds a folder for each two hex digits
GITIGNORE = "# written by cleanlint: the cache is never committed\n*\n"

_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)
_DIRECTORY = getattr(os, "O_DIRECTORY", 0)
_NONBLOCK = getattr(os, "O_NONBLOCK", 0)  # a FIFO planted at an entry's name must not hang the run
_CLOEXEC = getattr(os, "O_CLOEXEC", 0)
_DIR_FLAGS = os.O_RDONLY | _DIRECTORY | _NOFOLLOW | _CLOEXEC
_NEW_FLAGS = os.O_WRONLY | os.O_CREAT | os.O_EXCL | _NOFOLLOW | _CLOEXEC
# folders opened without following a symlink, and files opened relative to them; else no cache at all
_SAFE = SUPPORTED and bool(_DIRECTORY) and os.open in os.supports_dir_fd and os.mkdir in os.supports_dir_fd

_ignored: set[Path] = set()  # cache folders whose .gitignore this process has seen to


def cache_dir_for(root: Path) -> Path:
    return root / CACHE_DIR_NAME


def usable_cache_dir(root: Path) -> Path | None:
    """The cache folder of the settings' folder `root`, or None when this run is to have no cache: no key
    can be had, or the folder or one inside it is a symlink or not a folder. Reads no entry."""
    cache_dir = cache_dir_for(root)
    if not _SAFE or secret_key() is None:
        return None
    return cache_dir if _sound(cache_dir) else None


def _sound(cache_dir: Path) -> bool:
    """Whether every folder of the cache that exists is a folder of its own, not a symlink or a file."""
    folders = [cache_dir, *(cache_dir / name for name in FOLDERS)]
    try:
        if not all(stat.S_ISDIR(os.lstat(f).st_mode) for f in folders if os.path.lexists(f)):
            return False
        with os.scandir(cache_dir / "findings") as entries:
            return all(entry.is_dir(follow_symlinks=False) for entry in entries)
    except FileNotFoundError:  # no findings yet
        return True
    except OSError:
        return False


def read_entry(cache_dir: Path, name: str, item_type: type) -> list | None:
    """The list of `item_type` values the entry `name` (a path inside the cache folder, such as
    "rules/KEY.pickle") holds; None for a miss, an entry not sealed with the user's key for that name, or an
    entry of another version."""
    payload = _authentic(cache_dir, name)
    if payload is None:
        return None
    try:
        items = pickle.loads(payload)  # sealed with the user's key: written by cleanlint, for this name
    except (pickle.UnpicklingError, EOFError, AttributeError, ImportError, TypeError, ValueError):
        return None
    return items if isinstance(items, list) and all(isinstance(i, item_type) for i in items) else None


def holds_entry(cache_dir: Path, name: str) -> bool:
    """Whether the cache holds an authentic entry `name`, which is then not unpickled."""
    return _authentic(cache_dir, name) is not None


def write_entry(cache_dir: Path, name: str, items: list) -> None:
    """Store `items` as the entry `name`, whole or not at all (also when two runs write it at once). Best
    effort: a cache that cannot be written only costs time."""
    key = secret_key()
    if key is None or not _SAFE:
        return
    data = sealed(key, name, pickle.dumps(items, protocol=pickle.HIGHEST_PROTOCOL))
    *folders, file = name.split("/")
    folder = _open_folder(cache_dir, folders, create=True)
    if folder is None:
        return
    tmp = f".{file}.{os.getpid()}.{os.urandom(4).hex()}.tmp"  # a fresh name, created, never truncated
    try:
        fd = os.open(tmp, _NEW_FLAGS, 0o600, dir_fd=folder)
        try:
            with os.fdopen(fd, "wb") as stream:
                stream.write(data)
            os.replace(tmp, file, src_dir_fd=folder, dst_dir_fd=folder)  # replaces a symlink, never follows it
        except OSError:
            with suppress(OSError):
                os.unlink(tmp, dir_fd=folder)
    except OSError:
        pass
    finally:
        os.close(folder)


def _authentic(cache_dir: Path, name: str) -> bytes | None:
    """The payload of the entry `name`, if it was sealed with the user's key for that name."""
    key = secret_key()
    if key is None or not _SAFE:
        return None
    *folders, file = name.split("/")
    folder = _open_folder(cache_dir, folders, create=False)
    if folder is None:
        return None
    try:
        fd = os.open(file, os.O_RDONLY | _NOFOLLOW | _NONBLOCK | _CLOEXEC, dir_fd=folder)
        with os.fdopen(fd, "rb") as stream:
            data = stream.read() if stat.S_ISREG(os.fstat(fd).st_mode) else None
    except OSError:  # missing, a symlink (ELOOP), unreadable
        return None
    finally:
        os.close(folder)
    return None if data is None else unsealed(key, name, data)


def _open_folder(cache_dir: Path, parts: list[str], create: bool) -> int | None:
    """An open descriptor of the folder `parts` inside `cache_dir`, each opened (or made, if `create`)
    without following a symlink; None when one is missing, a symlink or not a folder."""
    try:
        fd, made = _open_dir(str(cache_dir), None, create)
    except OSError:
        return None
    if create and (made or cache_dir not in _ignored):
        _write_gitignore(fd)
        _ignored.add(cache_dir)
    for part in parts:
        try:
            child: int | None = _open_dir(part, fd, create)[0]
        except OSError:
            child = None
        os.close(fd)
        if child is None:
            return None
        fd = child
    return fd


def _open_dir(name: str, parent: int | None, create: bool) -> tuple[int, bool]:
    """The folder `name` (in `parent`, an open folder) opened without following a symlink, and whether it
    was made just now. The parents of the cache folder itself are the user's path, followed as given."""
    try:
        return os.open(name, _DIR_FLAGS, dir_fd=parent), False
    except FileNotFoundError:
        if not create:
            raise
    made = True
    try:
        os.mkdir(name, dir_fd=parent)
    except FileExistsError:  # another process made it meanwhile (or planted something: the open refuses it)
        made = False
    return os.open(name, _DIR_FLAGS, dir_fd=parent), made


def _write_gitignore(folder: int) -> None:
    """The folder's .gitignore, if it has none; a symlink planted there is left as it is, never followed."""
    try:
        fd = os.open(".gitignore", _NEW_FLAGS, 0o666, dir_fd=folder)
    except OSError:  # there already, or the folder cannot be written
        return
    with suppress(OSError), os.fdopen(fd, "w", encoding="utf-8") as stream:
        stream.write(GITIGNORE)
