"""Replacing a file in one rename, and only if nobody changed it since it was read.

`fix` rewrites files that people and other tools edit too. The new content goes to a temporary file in the
same folder, is flushed to disk, and is renamed over the original: a crash or a kill at any moment leaves
either the old file or the new one, never half of one. Just before the rename the file is read once more,
and if its bytes are no longer those that were read, nothing is replaced. A kill can leave a temporary file
behind (named `.NAME.*.cleanlint-tmp`, never an article suffix, so no run reads it); the original is whole.

A symbolic link is never replaced by a regular file: corpora kept with git-annex or DataLad are made of
links, and a rename over one would cut it from its target. The rename goes over the file the link resolves
to, with the temporary file in that file's folder, and the link stays as it was. Which links may be
written through at all is for the callers to decide (runner.py, links.py, undo.py).
"""

from __future__ import annotations

import hashlib
import io
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO, TextIO

TEMP_SUFFIX = ".cleanlint-tmp"
_CHUNK = 1 << 20


class WriteRefused(Exception):
    """The file was not replaced; str() says why, in words for the user (without the path)."""


def file_digest(path: Path) -> str | None:
    """The SHA-256 of the file's bytes, read in chunks; None when there is no such file."""
    digest = hashlib.sha256()
    try:
        with open(path, "rb") as stream:
            while chunk := stream.read(_CHUNK):
                digest.update(chunk)
    except FileNotFoundError:
        return None
    except OSError as err:
        raise WriteRefused(f"cannot re-read before writing: {err.strerror or err}") from None
    return digest.hexdigest()


@contextmanager
def replacing(path: Path, expected: str | None, new_mode: int = 0o644) -> Iterator[BinaryIO]:
    """A stream to write the new content of `path` to; it replaces the file when the block ends normally.

    `expected` is the digest of the bytes read earlier, or None for a file that did not exist: a new file
    gets `new_mode`, an existing one keeps its own permissions. If the block raises, or the file changed in
    the meantime, the original stays as it is and the temporary file is removed. A symbolic link keeps
    pointing where it did: the file it resolves to is replaced (see the module's docstring).
    """
    import tempfile  # here: a run that writes nothing need not load it

    path = write_target(path)

    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=TEMP_SUFFIX, dir=path.parent)
    except OSError as err:
        raise WriteRefused(f"cannot write: {err.strerror or err}") from None
    try:
        with os.fdopen(fd, "wb") as out:
            yield out
            out.flush()
            os.fsync(out.fileno())
        current = file_digest(path)
        if current != expected:
            raise WriteRefused("changed on disk since it was read; not written")
        os.chmod(tmp, new_mode if current is None else path.stat().st_mode & 0o7777)
        os.replace(tmp, path)
    except BaseException as err:
        Path(tmp).unlink(missing_ok=True)
        if isinstance(err, OSError):
            raise WriteRefused(f"cannot write: {err.strerror or err}") from None
        raise
    _sync_folder(path.parent)


def write_target(path: Path) -> Path:
    """The file a write to `path` replaces: `path` itself, or for a symbolic link the file it resolves to."""
    return Path(os.path.realpath(path)) if os.path.islink(path) else path


def write_bytes_atomic(path: Path, data: bytes, expected: str | None, new_mode: int = 0o644) -> None:
    with replacing(path, expected, new_mode) as out:
        out.write(data)


@contextmanager
def report_destination(path: Path | None) -> Iterator[TextIO]:
    """Standard output, or a report file that appears whole when the block ends: a run that fails or is
    interrupted leaves the previous report as it was, never half of a new one."""
    if path is None:
        yield sys.stdout
        return
    with replacing(path, file_digest(path)) as raw:
        # a file name that is not UTF-8 is written as an escape (JSON reads it back as the same name)
        text = io.TextIOWrapper(raw, encoding="utf-8", errors="backslashreplace", newline="")
        yield text
        text.flush()
        text.detach()  # the binary stream is replacing()'s to close


def _sync_folder(folder: Path) -> None:
    """Make the rename itself durable; some file systems cannot sync a folder, which is no reason to fail."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
