"""The user's own cache key, and the seal that proves a cache entry was written with it.

Cache entries are pickles, and unpickling runs whatever code the bytes name. The cache folder sits in the
corpus, where anyone who can commit to the corpus can plant a file under the very name the next run looks
up (`git add -f` gets past the folder's `.gitignore`). So an entry is unpickled only once an HMAC-SHA256
over its name and bytes, made with a key that never leaves the user's machine, checks out: nobody without
that key can write an entry this machine will read, and an authentic entry moved to another entry's name
no longer checks out either.

The key is 32 random bytes in `$XDG_CACHE_HOME/cleanlint/key` (else `~/.cache/cleanlint/key`), created
with mode 0600 and never overwritten. A key file that is a symlink, not the user's own, readable by the
group or others, or of the wrong length is not used; neither is a key that cannot be created (a home that
cannot be written). Without a key there is no cache at all: it only ever saves time. The key is read once
per process.
"""

from __future__ import annotations

import hashlib
import hmac
import os
import stat
from pathlib import Path

KEY_BYTES = 32
KEY_NAME = "key"
MAGIC = b"cleanlint-cache-v1\n"  # what an entry starts with, before its seal
SEAL_BYTES = hashlib.sha256().digest_size

_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)
_NONBLOCK = getattr(os, "O_NONBLOCK", 0)  # a FIFO planted at the key's name must not hang the run
_CLOEXEC = getattr(os, "O_CLOEXEC", 0)
# where a file cannot be opened without following a symlink, or has no owner to check, there is no key
SUPPORTED = bool(_NOFOLLOW) and hasattr(os, "getuid")

# the key of each key folder, or None when there is none to be had: read once per process (the folder is
# known by the variables it is found from, which cost less to look up than a path costs to make)
_keys: dict[tuple[str | None, str | None], bytes | None] = {}


def key_folder() -> Path | None:
    """The user's own cache folder for cleanlint, as the XDG base directory specification places it."""
    xdg = os.environ.get("XDG_CACHE_HOME", "")
    if os.path.isabs(xdg):  # the specification says a relative value is to be ignored
        return Path(xdg) / "cleanlint"
    home = os.path.expanduser("~")
    # no home to be found: "~" comes back as it was, and a relative folder could be in the corpus itself
    return Path(home) / ".cache" / "cleanlint" if os.path.isabs(home) else None


def secret_key() -> bytes | None:
    """The user's key, made on first use; None when there is none to be had, and then no cache."""
    where = (os.environ.get("XDG_CACHE_HOME"), os.environ.get("HOME"))
    if where not in _keys:
        folder = key_folder() if SUPPORTED else None
        _keys[where] = None if folder is None else _key_in(folder)
    return _keys[where]


def _key_in(folder: Path) -> bytes | None:
    path = folder / KEY_NAME
    return _read_key(path) if os.path.lexists(path) else _create_key(folder, path)


def _read_key(path: Path) -> bytes | None:
    """The key in `path`, if it is a private regular file of the user's with exactly KEY_BYTES in it."""
    try:
        fd = os.open(path, os.O_RDONLY | _NOFOLLOW | _NONBLOCK | _CLOEXEC)
    except OSError:  # a symlink (ELOOP), unreadable, removed meanwhile
        return None
    try:
        info = os.fstat(fd)
        if (
            not stat.S_ISREG(info.st_mode)
            or info.st_uid != os.getuid()
            or info.st_mode & 0o077
            or info.st_size != KEY_BYTES
        ):
            return None
        key = os.read(fd, KEY_BYTES + 1)
    except OSError:
        return None
    finally:
        os.close(fd)
    return key if len(key) == KEY_BYTES else None


def _create_key(folder: Path, path: Path) -> bytes | None:
    """A new key in `path`; the one another process made meanwhile, if it was first."""
    key = os.urandom(KEY_BYTES)  # what secrets.token_bytes returns, without importing random
    try:
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | _NOFOLLOW | _CLOEXEC, 0o600)
    except FileExistsError:
        return _read_key(path)
    except OSError:
        return None
    try:
        written = os.write(fd, key)
    except OSError:
        written = 0
    finally:
        os.close(fd)
    if written != KEY_BYTES:  # a disk full: leave no short key behind to spoil later runs
        path.unlink(missing_ok=True)
        return None
    return key


def _seal(key: bytes, name: str, payload: bytes) -> bytes:
    return hmac.new(key, MAGIC + name.encode() + b"\0" + payload, hashlib.sha256).digest()


def sealed(key: bytes, name: str, payload: bytes) -> bytes:
    """`payload` as an entry stored under `name` (its path in the cache folder) holds it, sealed."""
    return MAGIC + _seal(key, name, payload) + payload


def unsealed(key: bytes, name: str, entry: bytes) -> bytes | None:
    """The payload of an entry read from `name`; None unless it was sealed with `key` for that very name."""
    head = len(MAGIC) + SEAL_BYTES
    if len(entry) < head or not entry.startswith(MAGIC):
        return None
    payload = entry[head:]
    return payload if hmac.compare_digest(entry[len(MAGIC) : head], _seal(key, name, payload)) else None
