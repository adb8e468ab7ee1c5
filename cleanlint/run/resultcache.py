"""The cache of findings: a file whose text, path, rules and settings are unchanged is not checked again.

A corpus changes a few files a day, and a hook or CI run that checks it all again spends nearly all its
time on text it has already seen. Each check stores the findings of a document under a key made of
everything they depend on: the engine's fingerprint (the rule files' bytes, cleanlint's code, the selection,
the gazetteers), the file's absolute path (rules can be scoped to a source's folder), the per-path ignores,
the document's text and front matter. Any change to any of them is a miss; a hit gives the findings the
check would give, and the report is made from the text as read, so positions are exact.

Entries live in `.cleanlint_cache/findings/`, one small file each, written whole or not at all. The key is
predictable, and the folder is part of the corpus: a hit is trusted only when the entry is sealed with the
user's own key for that very key, and the folder is never followed through a symlink (cachestore.py), so a
planted entry is a miss and the document is checked. Only `check` reads and writes them; `fix` always runs
the rules. `--no-cache` bypasses the cache entirely.
"""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path

from ..document import Document
from ..model import Finding
from ..safeio.cachestore import read_entry, write_entry


def entry_key(fingerprint: str, path: Path, doc: Document, skip: tuple[str, ...]) -> str:
    digest = hashlib.sha256(fingerprint.encode())
    digest.update(os.fsencode(os.path.abspath(path)) + b"\0" + "\0".join(skip).encode() + b"\0")
    digest.update(json.dumps(doc.metadata, sort_keys=True, default=str).encode() + b"\0")
    digest.update(f"{doc.body_start}\0".encode() + doc.text.encode("utf-8", "surrogatepass"))
    return digest.hexdigest()[:40]


def _entry(key: str) -> str:
    return f"findings/{key[:2]}/{key}"


def load_findings(cache_dir: Path, key: str) -> list[Finding] | None:
    return read_entry(cache_dir, _entry(key), Finding)


def store_findings(cache_dir: Path, key: str, findings: list[Finding]) -> None:
    write_entry(cache_dir, _entry(key), findings)
