"""cleanlint from Python: the rules and fixes of the command line, on texts a pipeline already holds.

    linter = cleanlint.Linter(select="B")
    findings = linter.check(text)
    cleaned = linter.fix(text).text

A Linter is built once from the settings the command line takes (settings.py), which loads and validates
the rules once; `check` and `fix` then take each text through the same per-document path as `cleanlint
check` and `cleanlint fix` (outcome.examine), so a text gives the same findings and the same fixed text
either way. A text is treated as a JSONL record's text is: its offsets are its own, `metadata` plays the
part of front matter, and nothing is read or written.

A Linter pickles as its settings. The process that unpickles it (a process pool's worker, a Dask, Spark or
Ray worker) builds the engine from them on its own machine, once: every later copy of the same Linter that
reaches it uses the engine it built.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Mapping
from dataclasses import replace
from functools import lru_cache
from pathlib import Path
from typing import Any

from .config import (
    Config,
    ConfigError,
    language_backend_problem,
    language_problem,
    load_config,
    max_removal_problem,
)
from .document import Document
from .engine.engine import Engine
from .engine.fixer import FixResult
from .model import Finding
from .ruleset.files import RuleError
from .run.outcome import examine
from .run.plan import RunPlan
from .run.settings import Settings, parse_codes

Codes = str | Iterable[str]  # "B,A101" or ["B", "A101"]
PathLike = str | os.PathLike[str]
Paths = PathLike | Iterable[PathLike]

_TEXT = Path("<text>")  # what a text is called where a run would name its file
_MOST_KEPT = 8  # engines a process keeps for Linters it has unpickled, and default linters of check_text


class CleanlintError(Exception):
    """Settings or rule files that cannot be used, or a text whose rules ran out of time. str() is the line
    the command line prints after `cleanlint: error: ` for the same problem."""


class Linter:
    """The rules of a run, built once, to check and fix one text at a time.

    The settings are those of `cleanlint check` and `fix`: `select` replaces the settings file's select;
    `extend_select`, `ignore`, `rules` (rule files or folders) and `gazetteer` (files of names) add to its
    own; `no_default_rules` leaves out the rules that come with cleanlint; `language`, `language_backend`
    and `max_removal` replace the settings file's. `config` is a settings file (pyproject.toml or
    .cleanlint.yaml); unlike the command line, none is looked for when it is not given. Its settings about
    files (exclude, per-path-ignores, max-file-size, text-field, baseline) do not apply to texts.
    """

    def __init__(
        self,
        *,
        select: Codes | None = None,
        extend_select: Codes | None = None,
        ignore: Codes | None = None,
        rules: Paths | None = None,
        no_default_rules: bool = False,
        gazetteer: Paths | None = None,
        language: str | None = None,
        language_backend: str | None = None,
        max_removal: float | None = None,
        config: PathLike | None = None,
    ) -> None:
        settings = Settings(
            select=_codes("--select", select),
            extend_select=_codes("--extend-select", extend_select),
            ignore=_codes("--ignore", ignore),
            rules=_paths(rules),
            no_default_rules=bool(no_default_rules),
            gazetteer=_paths(gazetteer),
            language=_valid(language, language_problem),
            language_backend=_valid(language_backend, language_backend_problem),
            max_removal=_valid(max_removal, max_removal_problem),
            config=Path(config) if config is not None else None,
        )
        self._token = os.urandom(8).hex()  # this Linter, and every copy of it unpickled anywhere
        self._settings = settings
        self._engine, self._config = _build(settings)

    def check(self, text: str, *, metadata: Mapping[str, Any] | None = None) -> list[Finding]:
        """The findings in `text`, in text order, their offsets code points into it. `metadata` is what front
        matter would say of it: `source` and `url` for rules of one source, `language` the expected one."""
        seen = examine(self._engine, RunPlan(self._config), _TEXT, _document(text, metadata))
        if seen.stopped:
            raise CleanlintError(seen.stopped)
        return list(seen.findings)

    def fix(self, text: str, *, metadata: Mapping[str, Any] | None = None, unsafe: bool = False) -> FixResult:
        """`text` with the safe fixes applied (and the unsafe ones too, with `unsafe`), as `cleanlint fix`
        writes it, with the edits made, the findings left in the fixed text, and why no fix was applied if
        the removals would take more than max-removal of its words."""
        plan = RunPlan(self._config, fix=True, unsafe_fixes=unsafe)
        seen = examine(self._engine, plan, _TEXT, _document(text, metadata))
        if seen.stopped or seen.fix_result is None:
            raise CleanlintError(seen.stopped or "the text could not be fixed")
        return seen.fix_result

    def __getstate__(self) -> dict[str, Any]:
        """The settings, with their paths made absolute (a worker may run in another folder), and this
        Linter's token, by which a worker knows an engine it has built for it already."""
        s = self._settings
        absolute = replace(
            s,
            rules=tuple(p.absolute() for p in s.rules),
            gazetteer=tuple(p.absolute() for p in s.gazetteer),
            config=s.config.absolute() if s.config is not None else None,
        )
        return {"settings": absolute, "token": self._token}

    def __setstate__(self, state: dict[str, Any]) -> None:
        self._settings, self._token = state["settings"], state["token"]
        self._engine, self._config = _built_for(self._token, self._settings)

    def __repr__(self) -> str:
        s = self._settings
        given = {
            "select": s.select,
            "extend_select": s.extend_select,
            "ignore": s.ignore,
            "rules": tuple(map(str, s.rules)),
            "no_default_rules": s.no_default_rules,
            "gazetteer": tuple(map(str, s.gazetteer)),
            "language": s.language,
            "language_backend": s.language_backend,
            "max_removal": s.max_removal,
            "config": str(s.config) if s.config else None,
        }
        return "Linter(" + ", ".join(f"{k}={v!r}" for k, v in given.items() if v) + ")"


def check_text(text: str, *, metadata: Mapping[str, Any] | None = None, **settings: Any) -> list[Finding]:
    """`Linter(**settings).check(text)`, with the Linter built on the first call and kept for the next ones
    with the same settings (a rule file edited meanwhile is not read again: build a Linter for that)."""
    return _default(**settings).check(text, metadata=metadata)


def fix_text(
    text: str, *, metadata: Mapping[str, Any] | None = None, unsafe: bool = False, **settings: Any
) -> FixResult:
    """`Linter(**settings).fix(text)`, with the Linter kept as for check_text."""
    return _default(**settings).fix(text, metadata=metadata, unsafe=unsafe)


def _default(**settings: Any) -> Linter:
    key = tuple(sorted((name, _hashable(value)) for name, value in settings.items()))
    return _default_for(key)


@lru_cache(maxsize=_MOST_KEPT)
def _default_for(key: tuple[tuple[str, Any], ...]) -> Linter:
    return Linter(**dict(key))


def _hashable(value: Any) -> Any:
    """A setting as a key of the default linters: lists and other iterables as tuples."""
    if isinstance(value, (str, bytes, os.PathLike)) or not isinstance(value, Iterable):
        return value
    return tuple(value)


def _build(settings: Settings) -> tuple[Engine, Config]:
    """The engine and settings file of `settings`, validated as the command line validates them. Texts have
    no paths, so per-path ignores, which would match the name "<text>", are left out."""
    try:
        config = settings.applied_to(load_config(settings.config))
        engine = settings.spec(config, None).build()
        settings.refuse_unknown_codes(config, engine)
    except (ConfigError, RuleError) as err:
        raise CleanlintError(str(err)) from None
    return engine, replace(config, per_path_ignores=())


_unpickled: dict[str, tuple[Engine, Config]] = {}  # per process: the engines built for unpickled Linters


def _built_for(token: str, settings: Settings) -> tuple[Engine, Config]:
    """The engine for the Linter `token` in this process: built on the first copy that arrives, reused for
    the next (a process pool sends the Linter again with every task)."""
    if token not in _unpickled:
        if len(_unpickled) >= _MOST_KEPT:
            del _unpickled[next(iter(_unpickled))]
        _unpickled[token] = _build(settings)
    return _unpickled[token]


def _document(text: str, metadata: Mapping[str, Any] | None) -> Document:
    if not isinstance(text, str):
        raise TypeError(f"expected the text as a str, got {type(text).__name__}")
    return Document(text, str(_TEXT), 0, dict(metadata) if metadata else {})


def _codes(option: str, value: Codes | None) -> tuple[str, ...]:
    """Codes or prefixes, as a comma-separated string or a list of them; refused as the command line refuses
    `--select ''`."""
    if value is None:
        return ()
    items = [value] if isinstance(value, str) else list(value)
    try:
        return tuple(code for item in items for code in parse_codes(item))
    except (ConfigError, AttributeError):
        raise CleanlintError(f"{option}: expected rule codes or prefixes such as B,A101, got {value!r}") from None


def _paths(value: Paths | None) -> tuple[Path, ...]:
    if value is None:
        return ()
    if isinstance(value, (str, os.PathLike)):
        return (Path(value),)
    return tuple(Path(p) for p in value)


def _valid(value: Any, problem: Callable[[Any], str | None]) -> Any:
    if value is not None and (message := problem(value)) is not None:
        raise CleanlintError(message)
    return value
