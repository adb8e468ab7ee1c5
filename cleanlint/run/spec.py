"""What an engine is made from: the rule files, the selection, the names and the language backend.

Small and frozen, so that it travels inside the run's plan to worker processes and Dask workers, which build
an engine of their own from it; built once here, it also says which caches the engine may read.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass, replace
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from ..engine.engine import Engine, Selection
from ..ruleset.cache import PreparedStore, cached_codes, cached_rules, holds_rules, rules_key
from ..ruleset.files import RuleError

if TYPE_CHECKING:
    from ..rule import Rule


@dataclass(frozen=True)
class EngineSpec:
    """What an engine is made from; small enough to send to worker processes, which build their own."""

    rule_paths: tuple[Path, ...]
    selection: Selection
    gazetteer: tuple[Path, ...] = ()  # files of names added to every `names` rule
    cache_dir: Path | None = None  # where loaded rules are cached (ruleset/cache.py); None: no cache
    language_backend: str | None = None  # the identifier every `language` rule uses; None: each rule's own

    def build(self) -> Engine:
        key = self._rules_key()
        store = PreparedStore(self.cache_dir, key) if self.cache_dir is not None and key else None
        if self.cache_dir is not None and key and not self.gazetteer and holds_rules(self.cache_dir, key):
            # rules that loaded without error before: read them only if a document is checked at all
            cached = partial(cached_rules, self.rule_paths, self.cache_dir, key)
            later = partial(_loaded_with_backend, cached, self.language_backend)
            codes = partial(cached_codes, self.cache_dir, key)
            return Engine(later, self.selection, self._fingerprint(key), store, codes)
        rules = cached_rules(self.rule_paths, self.cache_dir, key)  # says now what is wrong with a rule file
        if self.gazetteer:
            from ..ruleset.gazetteer import (  # here: it reads YAML, which most runs need not
                load_gazetteer,
                with_gazetteer,
            )

            rules = with_gazetteer(rules, load_gazetteer(self.gazetteer))  # and with a gazetteer
        rules = _with_backend(rules, self.language_backend)
        return Engine(rules, self.selection, self._fingerprint(key) if key else "", store)

    def _rules_key(self) -> str | None:
        """The rules' cache key, read once for both caches; None without a cache, or when the rule files
        cannot be read (loading them then says why)."""
        if self.cache_dir is None:
            return None
        try:
            return rules_key(self.rule_paths)
        except (OSError, RuleError):
            return None

    def _fingerprint(self, key: str) -> str:
        """What findings depend on besides the text: the rules (files and code), the selection, the names."""
        digest = hashlib.sha256(f"{key}\0{self.selection!r}\0{self.language_backend}\0".encode())
        for path in self.gazetteer:
            digest.update(path.read_bytes() + b"\0")
        return digest.hexdigest()


def _with_backend(rules: list[Rule], backend: str | None) -> list[Rule]:
    """The rules, every `language` rule using `backend` (the setting `language-backend`); None: as written."""
    if backend is None:
        return rules
    return [replace(r, options=replace(r.options, backend=backend)) if r.kind == "language" else r for r in rules]


def _loaded_with_backend(load: Callable[[], list[Rule]], backend: str | None) -> list[Rule]:
    return _with_backend(load(), backend)
