"""The settings that choose a run's rules, resolved one way for the command line and for Python.

`cleanlint check --select B --rules extra.yaml` and `Linter(select="B", rules="extra.yaml")` say the same
thing; both become a Settings, and from it and the settings file come the same engine and the same errors
(a code that names no rule, a rule file that cannot be used), so the two faces cannot drift apart.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path

from ..config import Config, ConfigError
from ..engine.engine import Engine, Selection
from ..ruleset.defaults import default_rules_dir
from .spec import EngineSpec


@dataclass(frozen=True)
class Settings:
    """What `--select`, `--extend-select`, `--ignore`, `--rules`, `--no-default-rules`, `--gazetteer` and
    `--config` say, and the settings file's `language`, `language-backend` and `max-removal` when given from
    Python. Each adds to
    or replaces the settings file's value just as the command line's options do."""

    select: tuple[str, ...] = ()  # replaces the settings' select
    extend_select: tuple[str, ...] = ()  # adds to the settings' extend-select
    ignore: tuple[str, ...] = ()  # adds to the settings' ignore
    rules: tuple[Path, ...] = ()  # beside the default rules and the settings' rules
    no_default_rules: bool = False
    gazetteer: tuple[Path, ...] = ()  # beside the settings' gazetteer
    language: str | None = None  # replaces the settings' language
    language_backend: str | None = None  # replaces the settings' language-backend
    max_removal: float | None = None  # replaces the settings' max-removal
    config: Path | None = None  # the settings file named; None: the caller finds one, or there is none

    def applied_to(self, config: Config) -> Config:
        """The settings file's values with the ones given here in their place."""
        changes: dict[str, object] = {}
        if self.language is not None:
            changes["language"] = self.language
        if self.max_removal is not None:
            changes["max_removal"] = float(self.max_removal)
        return replace(config, **changes) if changes else config

    def spec(self, config: Config, cache_dir: Path | None) -> EngineSpec:
        """What the engine is built from: the rule paths, the selection and the names, the settings file's
        and these together."""
        rule_paths = () if self.no_default_rules else (default_rules_dir(),)
        rule_paths += config.rules + self.rules
        selection = Selection(
            self.select or config.select,
            config.ignore + self.ignore,
            config.extend_select + self.extend_select,
        )
        backend = self.language_backend or config.language_backend
        return EngineSpec(rule_paths, selection, config.gazetteer + self.gazetteer, cache_dir, backend)

    def refuse_unknown_codes(self, config: Config, engine: Engine) -> None:
        """A code or prefix that names no rule is an error, as in ruff: a typo in `--select B50l` or in the
        settings' `ignore` would otherwise select nothing, or ignore nothing, and the run would look clean."""
        where = f"{config.path}: " if config.path else ""
        named = [
            ("--select", self.select),
            ("--extend-select", self.extend_select),
            ("--ignore", self.ignore),
            (f"{where}select", config.select),
            (f"{where}extend-select", config.extend_select),
            (f"{where}ignore", config.ignore),
            *((f"{where}per-path-ignores {glob!r}", codes) for glob, codes in config.per_path_ignores),
        ]
        if not any(entries for _, entries in named):
            return  # nothing to check: a hook run answered from the findings cache need not read the rules
        known = engine.rule_codes
        for option, entries in named:
            for entry in entries:
                if not any(code.startswith(entry) for code in known):
                    raise ConfigError(
                        f"{option}: {entry!r} is not the code or prefix of any rule in use (see `cleanlint rules`)"
                    )


def parse_codes(value: str) -> tuple[str, ...]:
    """Comma-separated codes or prefixes (`B,A101`); none at all is an error, since `--select ''` would
    otherwise mean no selection: every rule."""
    codes = tuple(c.strip() for c in value.split(",") if c.strip())
    if not codes:
        raise ConfigError(f"expected rule codes or prefixes such as B,A101, got {value!r}")
    return codes
