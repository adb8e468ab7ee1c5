"""Project settings: [tool.cleanlint] in pyproject.toml, or .cleanlint.yaml, found by walking up.

The nearest folder that has either file (at or above the first path checked) holds the settings, as with
ruff; relative paths in it are relative to that folder. Unknown keys are errors, not silently ignored: a
typo in `ignore` would otherwise turn a rule back on without anyone noticing.
"""

from __future__ import annotations

import fnmatch
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

CONFIG_FILES = ("pyproject.toml", ".cleanlint.yaml")
_KEYS = {
    "select", "extend-select", "ignore", "rules", "gazetteer", "per-path-ignores", "exclude", "language",
    "max-removal", "max-file-size", "text-field", "baseline", "language-backend",
}

TEXT_FIELD = "text"  # the field of a JSONL record, or the column of a Parquet file, that holds the article
# The language identifiers of the language check (the setting `language-backend`, a rule's `backend:`): the
# package each needs and the extra that installs it. Kept with the settings, so that a settings file is
# judged without loading the check.
LANGUAGE_BACKENDS = {"langdetect": ("langdetect", ""), "cld2": ("pycld2", "cld2")}


class ConfigError(Exception):
    """Settings that cannot be used; str() is the one line shown to the user."""


@dataclass(frozen=True)
class Config:
    path: Path | None = None  # the file the settings came from
    select: tuple[str, ...] = ()
    extend_select: tuple[str, ...] = ()  # added to select, or to the default rules; turns opt-in rules on
    ignore: tuple[str, ...] = ()
    rules: tuple[Path, ...] = ()  # extra rule files or folders, used beside the defaults
    gazetteer: tuple[Path, ...] = ()  # files of names that every `names` rule knows as well
    per_path_ignores: tuple[tuple[str, tuple[str, ...]], ...] = ()  # (glob, codes)
    exclude: tuple[str, ...] = ()  # globs of files and folders not to check
    language: str | None = None  # the articles' expected language, for language rules
    language_backend: str | None = None  # the identifier of every `language` rule; None: each rule's own
    max_removal: float = 0.4  # the share of a document's words that fix may remove at most
    max_file_size: float = 10.0  # megabytes: larger article files, and longer JSONL lines, are refused
    text_field: str = TEXT_FIELD  # the field of a JSONL record, or the Parquet column, that holds the article
    baseline: Path | None = None  # the file of accepted findings

    @property
    def max_file_bytes(self) -> int:
        return int(self.max_file_size * 1024 * 1024)

    @property
    def root(self) -> Path:
        return self.path.parent if self.path else Path.cwd()

    def _matches(self, path: Path, pattern: str) -> bool:
        try:
            rel = path.resolve().relative_to(self.root.resolve()).as_posix()
        except ValueError:
            rel = path.as_posix()
        return fnmatch.fnmatch(rel, pattern) or fnmatch.fnmatch(path.name, pattern)

    def ignores_for(self, path: Path) -> tuple[str, ...]:
        return tuple(c for glob, codes in self.per_path_ignores if self._matches(path, glob) for c in codes)

    def is_excluded(self, path: Path) -> bool:
        return any(self._matches(path, glob) for glob in self.exclude)


def find_config(start: Path) -> Path | None:
    """The settings file nearest to `start`, walking up; a pyproject.toml counts only with [tool.cleanlint]."""
    folder = start.resolve()
    folder = folder if folder.is_dir() else folder.parent
    for candidate in (folder, *folder.parents):
        for name in CONFIG_FILES:
            path = candidate / name
            if path.is_file() and (name != "pyproject.toml" or "[tool.cleanlint" in _read(path)):
                return path
    return None


def load_config(path: Path | None) -> Config:
    if path is None:
        return Config()
    text = _read(path)
    import yaml  # here: most runs have no settings file, or a TOML one

    from .safeio.safeyaml import safe_load

    if sys.version_info >= (3, 11):
        import tomllib
    else:  # pragma: no cover - exercised on Python 3.10 only
        import tomli as tomllib
    try:
        if path.suffix == ".toml":
            data = tomllib.loads(text).get("tool", {}).get("cleanlint", {})
        else:
            _refuse_duplicate_keys(path, yaml.compose(text, Loader=yaml.SafeLoader))
            data = safe_load(text) or {}
    except (tomllib.TOMLDecodeError, yaml.YAMLError) as err:
        mark = getattr(err, "problem_mark", None)
        line = f" (line {mark.line + 1})" if mark is not None else ""
        raise ConfigError(f"{path}: invalid settings file: {str(err).splitlines()[0]}{line}") from None
    if not isinstance(data, dict):
        raise ConfigError(f"{path}: settings must be a mapping")
    return _parse(path, data)


def _refuse_duplicate_keys(path: Path, node: Any) -> None:
    """YAML keeps the last of two equal keys without a word, so a second `ignore:` further down a settings
    file would silently replace the first; TOML refuses it, and so do rule files."""
    import yaml

    if isinstance(node, yaml.MappingNode):
        seen: dict[Any, int] = {}
        for key, value in node.value:
            if isinstance(key, yaml.ScalarNode):
                if key.value in seen:
                    raise ConfigError(
                        f"{path}:{key.start_mark.line + 1}: {key.value!r} is already set at line {seen[key.value]}"
                    )
                seen[key.value] = key.start_mark.line + 1
            _refuse_duplicate_keys(path, value)
    elif isinstance(node, yaml.SequenceNode):
        for item in node.value:
            _refuse_duplicate_keys(path, item)


def _read(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as err:
        raise ConfigError(f"{path}: cannot read settings: {err}") from None


def language_problem(value: Any) -> str | None:
    """What is wrong with `value` as the setting `language`, or None; said the same from a file or from Python."""
    return None if value is None or isinstance(value, str) else "language must be a language code such as 'en'"


def language_backend_problem(value: Any) -> str | None:
    """What is wrong with `value` as the setting `language-backend`, or None: an identifier cleanlint knows
    and that is installed here."""
    if value is None:
        return None
    if not isinstance(value, str) or value not in LANGUAGE_BACKENDS:
        return f"language-backend must be one of {', '.join(LANGUAGE_BACKENDS)}"
    return missing_language_backend(value)


def missing_language_backend(backend: str) -> str | None:
    """Why `backend` cannot be used here, in one line, or None when it can. The package of an optional
    backend is only looked for, not imported: that waits until a unit reaches the identifier."""
    if backend not in LANGUAGE_BACKENDS:
        return f"unknown language backend {backend!r} (backends: {', '.join(LANGUAGE_BACKENDS)})"
    if backend == "langdetect":  # a dependency of cleanlint's own
        return None
    module, extra = LANGUAGE_BACKENDS[backend]
    from importlib.util import find_spec  # here: a run that names no backend need not load it

    if find_spec(module) is not None:
        return None
    return f"the language backend {backend!r} needs {module}, which is not installed: pip install 'cleanlint[{extra}]'"


def max_removal_problem(value: Any) -> str | None:
    """What is wrong with `value` as the setting `max-removal`, or None."""
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not 0 < value <= 1:
        return "max-removal must be a number above 0 and at most 1 (a share of the words)"
    return None


def _parse(path: Path, data: dict[str, Any]) -> Config:
    def fail(message: str) -> ConfigError:
        return ConfigError(f"{path}: {message}")

    for key in data:
        if key not in _KEYS:
            raise fail(f"unknown setting {key!r} (settings: {', '.join(sorted(_KEYS))})")

    def texts(key: str, value: Any, what: str) -> tuple[str, ...]:
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise fail(f"{key} must be a list of {what}")
        return tuple(value)

    def codes(key: str, value: Any) -> tuple[str, ...]:
        found = texts(key, value, "rule codes or prefixes")
        if not all(code.strip() for code in found):  # "" is a prefix of every code: it would select all
            raise fail(f"{key} holds an empty code (expected codes or prefixes such as B or A101)")
        return found

    def files(key: str, value: Any) -> tuple[str, ...]:
        return texts(key, value, "file or folder paths")

    ppi = data.get("per-path-ignores", {})
    if not isinstance(ppi, dict):
        raise fail("per-path-ignores must map path globs to lists of codes")
    language = data.get("language")
    if (problem := language_problem(language)) is not None:
        raise fail(problem)
    language_backend = data.get("language-backend")
    if (problem := language_backend_problem(language_backend)) is not None:
        raise fail(problem)
    max_removal = data.get("max-removal", 0.4)
    if (problem := max_removal_problem(max_removal)) is not None:
        raise fail(problem)
    max_file_size = data.get("max-file-size", 10)
    if isinstance(max_file_size, bool) or not isinstance(max_file_size, (int, float)) or max_file_size <= 0:
        raise fail("max-file-size must be a number of megabytes above 0")
    text_field = data.get("text-field", TEXT_FIELD)
    if not isinstance(text_field, str) or not text_field:
        raise fail("text-field must be the name of the JSONL field that holds the article, such as 'text'")
    baseline = data.get("baseline")
    if baseline is not None and (not isinstance(baseline, str) or not baseline):
        raise fail("baseline must be the path of a baseline file")
    return Config(
        path=path,
        select=codes("select", data.get("select", [])),
        extend_select=codes("extend-select", data.get("extend-select", [])),
        ignore=codes("ignore", data.get("ignore", [])),
        rules=tuple(path.parent / p for p in files("rules", data.get("rules", []))),
        gazetteer=tuple(path.parent / p for p in files("gazetteer", data.get("gazetteer", []))),
        per_path_ignores=tuple((glob, codes("per-path-ignores", c)) for glob, c in ppi.items()),
        exclude=texts("exclude", data.get("exclude", []), "globs of files or folders"),
        language=language,
        language_backend=language_backend,
        max_removal=float(max_removal),
        max_file_size=float(max_file_size),
        text_field=text_field,
        baseline=path.parent / baseline if baseline else None,
    )
