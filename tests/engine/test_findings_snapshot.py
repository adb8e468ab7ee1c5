"""The default rules' full findings on the seeds and the shared bench texts, against a stored snapshot.

Speed work rewrites how the kinds loop and gate; it must not change one finding. The snapshot holds, for each
text, every finding's code, span and fix (its span, its safety, why it is held, and a digest of its
replacement), not the text itself. It changes only with a deliberate change to the rules or the kinds, in a
commit of its own: `CLEANLINT_UPDATE_SNAPSHOT=1 python -m pytest tests/engine/test_findings_snapshot.py` writes it
again, and the diff of tests/snapshots/findings.json shows what changed.

The bench texts live beside the project (../shared/bench/aeb-dev); where they are missing, only the seeds
are compared.
"""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path

import pytest

from cleanlint.document import Document

from ..conftest import ROOT, SEEDS, TESTS

SNAPSHOT = TESTS / "snapshots" / "findings.json"
BENCH = ROOT.parent / "shared" / "bench" / "aeb-dev"


def _texts() -> dict[str, Path]:
    texts = {f"seeds/{p.name}": p for p in sorted(SEEDS.glob("*.txt"))}
    texts.update({f"aeb-dev/{p.name}": p for p in sorted(BENCH.glob("*.article.txt"))})
    return texts


def _row(finding) -> list:
    fix = finding.fix
    if fix is None:
        return [finding.code, finding.start, finding.end]
    digest = hashlib.sha256(fix.edit.replacement.encode()).hexdigest()[:12]
    return [finding.code, finding.start, finding.end, fix.edit.start, fix.edit.end, digest, fix.safety.value, fix.held]


def _findings(engine, path: Path) -> list[list]:
    return [_row(f) for f in engine.check(Document(path.read_text(encoding="utf-8")))]


def _one_finding_a_line(found: dict[str, list[list]]) -> str:
    """The snapshot as JSON whose diff reads as findings: a line per text and per finding."""
    texts = []
    for name in sorted(found):
        rows = ",\n".join("  " + json.dumps(row) for row in found[name])
        texts.append(f"{json.dumps(name)}: [" + (f"\n{rows}\n" if rows else "") + "]")
    return "{\n" + ",\n".join(texts) + "\n}\n"


@pytest.mark.slow
def test_the_default_rules_find_what_the_snapshot_holds(default_engine):
    found = {name: _findings(default_engine, path) for name, path in _texts().items()}
    if os.environ.get("CLEANLINT_UPDATE_SNAPSHOT"):
        SNAPSHOT.parent.mkdir(exist_ok=True)
        SNAPSHOT.write_text(_one_finding_a_line(found), encoding="utf-8")
        pytest.skip("snapshot written")
    stored = json.loads(SNAPSHOT.read_text(encoding="utf-8"))
    compared = {name: stored.get(name) for name in found}
    changed = sorted(name for name in found if compared[name] != found[name])
    assert not changed, f"{len(changed)} texts whose findings differ from the snapshot, first {changed[:5]}"


def test_the_snapshot_covers_the_seeds():
    stored = json.loads(SNAPSHOT.read_text(encoding="utf-8"))
    assert {f"seeds/{p.name}" for p in SEEDS.glob("*.txt")} <= set(stored)
    assert sum(len(rows) for rows in stored.values()) > 100
