"""The cache of findings: a file whose text, path, rules and settings are unchanged is not checked again.

A corpus changes a few files a day, and a hook or CI run that checks it all again spends nearly all its
time on text it has already seen. Each check stores the findings of a document under a key made of
everything they depend on: the engine's fingerprint (the rule files' bytes, cleanlint's code, the selection,
the gazetteers), the file's absolute path (rules can be scoped to a source's folder), the per-path ignores,
the document's text and front matter. Any change to any of them is a miss; a hit gives the findings the
check would give, and the report is made from the text as read, so positions are exact.

Entries live in `.cleanlint_cache/findings/`, one small file each, written whole or not at all. Only
`check` reads and writes them; `fix` always runs the rules. `--no-cache` bypasses the cache entirely.
"""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path

from .document import Document
from .model import Finding
from .rulecache import read_entry, write_entry


def entry_key(fingerprint: str, path: Path, doc: Document, skip: tuple[str, ...]) -> str:
    digest = hashlib.sha256(fingerprint.encode())
    digest.update(os.fsencode(os.path.abspath(path)) + b"\0" + "\0".join(skip).encode() + b"\0")
    digest.update(json.dumps(doc.metadata, sort_keys=True, default=str).encode() + b"\0")
    digest.update(f"{doc.body_start}\0".encode() + doc.text.encode("utf-8", "surrogatepass"))
    return digest.hexdigest()[:40]


def _entry(cache_dir: Path, key: str) -> Path:
    return cache_dir / "findings" / key[:2] / key


def load_findings(cache_dir: Path, key: str) -> list[Finding] | None:
    return read_entry(_entry(cache_dir, key), Finding)


def store_findings(cache_dir: Path, key: str, findings: list[Finding]) -> None:
    write_entry(cache_dir, _entry(cache_dir, key), findings)
