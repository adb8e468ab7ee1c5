"""The baseline: findings accepted as they are, so that later runs report only new ones, text untouched.

A corpus adopting cleanlint has thousands of findings on day one; the baseline lets it start clean and
hold the line. Each accepted finding is kept as (file, code, fingerprint), where the fingerprint is a hash
of the text the finding covers with its white space squeezed, not a line number: lines move when text above
them is edited, and the accepted finding must still be recognised. Entries count: a baseline with one
"© Reuters" in a file accepts one, and a second copy added later is reported. Accepted findings are left
alone by `fix` too: accepting a finding means keeping its text.

File names are stored relative to the baseline's folder, so the file can be committed with the corpus.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

from ..document import Document
from ..model import Finding
from ..safeio.printable import escape_surrogates

DEFAULT_NAME = ".cleanlint-baseline.json"
_VERSION = 1

Key = tuple[str, str, str]  # (file, code, fingerprint); the file of a JSONL record is "path#line"


class BaselineError(Exception):
    """A baseline that cannot be read or written; str() is the one line shown to the user."""


def fingerprint(text: str) -> str:
    return hashlib.sha256(" ".join(text.split()).encode("utf-8")).hexdigest()[:16]


def _file_key(root: Path, path: Path, record: int | None) -> str:
    absolute = Path(os.path.abspath(path))
    try:
        name = absolute.relative_to(root).as_posix()
    except ValueError:
        name = absolute.as_posix()
    return f"{name}#{record}" if record is not None else name


def keys(root: Path, path: Path, record: int | None, doc: Document, findings: Iterable[Finding]) -> list[Key]:
    name = _file_key(root, path, record)
    return [(name, f.code, fingerprint(doc.text[f.start : f.end])) for f in findings]


@dataclass(frozen=True)
class Baseline:
    root: Path  # the folder of the baseline file: file names are relative to it
    by_file: Mapping[str, tuple[tuple[tuple[str, str], int], ...]]  # file -> ((code, fingerprint), count)

    @property
    def size(self) -> int:
        return sum(n for entries in self.by_file.values() for _, n in entries)

    def split(
        self, path: Path, record: int | None, doc: Document, findings: list[Finding]
    ) -> tuple[list[Finding], int]:
        """The findings not accepted by the baseline, and how many were."""
        accepted = self.by_file.get(_file_key(self.root, path, record)) if findings else None
        if not accepted:
            return findings, 0
        budget = Counter(dict(accepted))
        kept = []
        for finding in findings:
            key = (finding.code, fingerprint(doc.text[finding.start : finding.end]))
            if budget[key] > 0:
                budget[key] -= 1
            else:
                kept.append(finding)
        return kept, len(findings) - len(kept)


def load_baseline(path: Path) -> Baseline:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        entries = data["findings"]
        counted = Counter((str(e["path"]), str(e["code"]), str(e["fingerprint"])) for e in entries)
    except FileNotFoundError:
        raise BaselineError(
            f"{path}: no such baseline file (write one with `cleanlint check --write-baseline`)"
        ) from None
    except OSError as err:
        raise BaselineError(f"{path}: cannot read the baseline: {err.strerror or err}") from None
    except (UnicodeDecodeError, json.JSONDecodeError, KeyError, TypeError):
        raise BaselineError(f"{path}: not a cleanlint baseline (expected JSON with a list of findings)") from None
    by_file: dict[str, list[tuple[tuple[str, str], int]]] = {}
    for (name, code, mark), count in sorted(counted.items()):
        by_file.setdefault(name, []).append(((code, mark), count))
    return Baseline(Path(os.path.abspath(path)).parent, {k: tuple(v) for k, v in by_file.items()})


def render_baseline(entries: Iterable[Key]) -> str:
    """The baseline file's text: entries sorted, one per line of the list, so that it diffs well in git."""
    items = [{"path": p, "code": c, "fingerprint": f} for p, c, f in sorted(entries)]
    lines = ",\n".join("    " + json.dumps(item, ensure_ascii=False) for item in items)
    body = f"[\n{lines}\n  ]" if items else "[]"
    # a file name that is not UTF-8 is its JSON escape (\udcff), which reads back as the same name
    return escape_surrogates(f'{{\n  "version": {_VERSION},\n  "findings": {body}\n}}\n')
