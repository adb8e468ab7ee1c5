"""A Linter travels to other processes as its settings and gives the same results there: a process pool's
workers (started afresh, not forked) and a dask.distributed cluster's."""

from __future__ import annotations

import multiprocessing
import pickle
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import pytest

import cleanlint

from .conftest import SEEDS

pytestmark = pytest.mark.slow

RULE = (
    "code: X901\nname: house-promo\nkind: phrase\ncategory: boilerplate\nmessage: promo\nsummary: s\n"
    "scope: line\npatterns: ['^Download our app\\b']\nfix: {action: remove}\n"
)
PROMO = "The mayor resigned on Monday after weeks of protests.\nDownload our app today\n"


def seed_texts() -> list[str]:
    return [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))]


def codes(findings: list[cleanlint.Finding]) -> list[str]:
    return [f.code for f in findings]


def test_an_unpickled_linter_is_built_once_per_process_from_its_settings(tmp_path: Path, monkeypatch):
    (tmp_path / "house.yaml").write_text(RULE, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    linter = cleanlint.Linter(rules="house.yaml", extend_select="X9")  # a path relative to this folder
    data = pickle.dumps(linter)
    monkeypatch.chdir(SEEDS)  # where the worker runs is not where the Linter was built
    first, second = pickle.loads(data), pickle.loads(data)
    assert "X901" in codes(first.check(PROMO)) and codes(first.check(PROMO)) == codes(linter.check(PROMO))
    assert first._engine is second._engine  # the second copy uses the engine the first one built
    assert pickle.loads(pickle.dumps(cleanlint.Linter()))._engine is not first._engine


def test_a_linter_works_in_a_process_pool():
    linter = cleanlint.Linter(select="B")
    texts = seed_texts()
    spawned = multiprocessing.get_context("spawn")  # workers that import cleanlint afresh, as on macOS or Windows
    with ProcessPoolExecutor(2, mp_context=spawned) as pool:
        found = list(pool.map(linter.check, texts))
        fixed = list(pool.map(linter.fix, texts))
    assert found == [linter.check(t) for t in texts] and any(found)
    assert [r.text for r in fixed] == [linter.fix(t).text for t in texts]


def test_a_linter_works_on_a_dask_cluster():
    distributed = pytest.importorskip("distributed", reason="dask is in the test extra: pip install -e '.[test]'")
    import dask.bag as db

    linter = cleanlint.Linter(select="B")
    texts = seed_texts()
    cluster = distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None)
    with cluster, distributed.Client(cluster):
        found = db.from_sequence(texts, npartitions=2).map(linter.check).compute()
        cleaned = db.from_sequence(texts, npartitions=2).map(lambda t: linter.fix(t).text).compute()
    assert found == [linter.check(t) for t in texts] and any(found)
    assert cleaned == [linter.fix(t).text for t in texts]
