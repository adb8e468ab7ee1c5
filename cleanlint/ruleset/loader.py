"""YAML rule files -> validated Rule values, with errors that point at file:line:col.

Rules are written by people, so a mistake must be found before any article is touched and must say where
it is: an unknown key, a value of the wrong type or a regex that does not compile is a RuleError naming
the file, line, column and key. PyYAML's node tree keeps those positions; plain `safe_load` would lose them.
"""

from __future__ import annotations

import dataclasses
import types
import typing
from pathlib import Path
from typing import Any

import regex
import yaml

from ..kinds import KINDS
from ..kinds.support.line_led import regex_error
from ..model import Category, Safety, Severity
from ..rule import Example, FixAction, FixSpec, Rule
from ..safeio.safeyaml import StrictConstructor
from ..sources.provenance import pattern_problem
from .files import RuleError, rule_files

_CODE = regex.compile(r"[A-Z]{1,3}[0-9]{2,4}")
_NAME = regex.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
_RULE_KEYS = {
    "code", "name", "kind", "category", "severity", "message", "summary", "why", "fix", "examples", "enabled", "sources"
}
_PACK_KEYS = {"pack", "description", "source", "license", "defaults", "rules"}
_DEFAULT_KEYS = {"kind", "category", "severity", "fix", "sources"}
_SafeLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_EXAMPLE_HINTS = typing.get_type_hints(Example)


def load_rules(paths: typing.Iterable[Path]) -> list[Rule]:
    """Every rule in the files and folders named; codes and names must be unique across all of them."""
    rules: list[Rule] = []
    seen: dict[str, str] = {}
    for path in rule_files(paths):
        for rule, node in _load_file(path):
            for key in (rule.code, rule.name):
                if key in seen:
                    raise RuleError(path, node, f"{key!r} is already defined at {seen[key]}")
                seen[key] = rule.origin
            rules.append(rule)
    return rules


def compose_yaml(path: Path, what: str = "rule file") -> yaml.Node | None:
    """The YAML node tree of the file at `path` (None when empty), keeping line and column for errors."""
    try:
        return yaml.compose(path.read_text(encoding="utf-8"), Loader=_SafeLoader)
    except UnicodeDecodeError:
        raise RuleError(path, None, f"{what} is not UTF-8 text") from None
    except OSError as err:
        raise RuleError(path, None, f"cannot read {what}: {err.strerror}") from None
    except yaml.MarkedYAMLError as err:
        raise RuleError(path, None, f"invalid YAML: {err.problem}", err.problem_mark or err.context_mark) from None


def _load_file(path: Path) -> list[tuple[Rule, yaml.Node]]:
    root = compose_yaml(path)
    if root is None:
        return []
    top = _mapping(path, root, "rule file")
    if "rules" not in top and "code" in top:
        return [(_rule(path, root, {}), root)]
    _unknown(path, top, _PACK_KEYS, "rule pack")
    defaults_node = top.get("defaults", (None, None))[1]
    defaults = _mapping(path, defaults_node, "defaults") if defaults_node is not None else {}
    _unknown(path, defaults, _DEFAULT_KEYS, "defaults")
    rules_node = top.get("rules", (None, None))[1]
    if not isinstance(rules_node, yaml.SequenceNode):
        raise RuleError(path, rules_node or root, "a rule pack needs `rules:`, a list of rules")
    return [(_rule(path, node, defaults), node) for node in rules_node.value]


def _mapping(path: Path, node: yaml.Node, what: str) -> dict[str, tuple[yaml.Node, yaml.Node]]:
    """A mapping node as {key: (key node, value node)}; duplicate keys are errors, not silent overwrites."""
    if not isinstance(node, yaml.MappingNode):
        raise RuleError(path, node, f"{what} must be a mapping")
    out: dict[str, tuple[yaml.Node, yaml.Node]] = {}
    for key_node, value_node in node.value:
        key = key_node.value
        if key in out:
            raise RuleError(path, key_node, f"duplicate key {key!r}")
        out[key] = (key_node, value_node)
    return out


def _unknown(path: Path, mapping: dict, allowed: set[str], what: str) -> None:
    for key, (key_node, _) in mapping.items():
        if key not in allowed:
            raise RuleError(path, key_node, f"unknown key {key!r} in {what} (allowed: {', '.join(sorted(allowed))})")


def _rule(path: Path, node: yaml.Node, defaults: dict) -> Rule:
    fields = {**defaults, **_mapping(path, node, "rule")}
    where = f"{path}:{node.start_mark.line + 1}"

    def get(key: str, hint: Any, default: Any = dataclasses.MISSING) -> Any:
        if key not in fields:
            if default is dataclasses.MISSING:
                raise RuleError(path, node, f"rule is missing required key {key!r}")
            return default
        return _coerce(path, key, fields[key][1], hint)

    kind_name = get("kind", str)
    kind = KINDS.get(kind_name)
    if kind is None:
        raise RuleError(path, fields["kind"][1], f"unknown kind {kind_name!r} (kinds: {', '.join(KINDS)})")
    option_fields = {f.name: f for f in dataclasses.fields(kind.options)}
    for key, (key_node, _) in fields.items():
        if key not in _RULE_KEYS and key not in option_fields:
            raise RuleError(
                path,
                key_node,
                f"unknown key {key!r} for a {kind_name} rule (options: {', '.join(option_fields) or 'none'})",
            )
    code, name = get("code", str), get("name", str)
    if not _CODE.fullmatch(code):
        raise RuleError(path, fields["code"][1], f"code {code!r} must be 1-3 capitals and 2-4 digits, like B101")
    if not _NAME.fullmatch(name):
        raise RuleError(path, fields["name"][1], f"name {name!r} must be kebab-case, like donation-appeal")
    fix = _fix(path, fields.get("fix"), kind)
    options = _options(path, node, fields, kind.options, get)
    for key, message in kind.problems(options):
        raise RuleError(path, fields.get(key, (node, node))[0], f"{key}: {message}")
    if fix.action is FixAction.REMOVE and fix.safety is Safety.SAFE and "sources" not in fields:
        for key, message in kind.wording_only(options):
            raise RuleError(
                path,
                fields.get(key, (node, node))[0],
                f"{key}: {message}. A safe removal needs evidence beyond wording: a position (head, tail, edge), "
                "patterns that lead or close their line, max_words of at most 20, scope: match, or sources; "
                "or make the fix unsafe",
            )
    return Rule(
        code=code,
        name=name,
        kind=kind_name,
        category=get("category", Category),
        severity=get("severity", Severity, Severity.WARNING),
        message=get("message", str),
        summary=get("summary", str),
        why=get("why", str, ""),
        fix=fix,
        enabled=get("enabled", bool, True),
        options=options,
        examples=_examples(path, fields.get("examples")),
        origin=where,
        sources=_sources(path, fields.get("sources")),
    )


def _sources(path: Path, entry) -> tuple[str, ...]:
    """A rule's `sources`: names, hosts or folder names (see provenance.py); a list, or one as text."""
    if entry is None:
        return ()
    node = entry[1]
    value = _coerce(path, "sources", node, tuple[str, ...])
    if not value:
        raise RuleError(path, node, "sources: name at least one source, or leave the key out to check every source")
    item_nodes = node.value if isinstance(node, yaml.SequenceNode) else [node]
    for item_node, source in zip(item_nodes, value, strict=True):
        if (problem := pattern_problem(source)) is not None:
            raise RuleError(path, item_node, f"sources: {source!r}: {problem}")
    return tuple(" ".join(s.split()) for s in value)


def _fix(path: Path, entry, kind) -> FixSpec:
    if entry is None:
        return FixSpec()
    fields = _mapping(path, entry[1], "fix")
    _unknown(path, fields, {"action", "safety"}, "fix")
    action = _coerce(path, "action", fields["action"][1], FixAction) if "action" in fields else FixAction.NONE
    safety = _coerce(path, "safety", fields["safety"][1], Safety) if "safety" in fields else Safety.SAFE
    if action not in kind.fix_actions:
        allowed = ", ".join(sorted(a.value for a in kind.fix_actions))
        raise RuleError(path, fields["action"][1], f"a {kind.name} rule cannot {action.value} (allowed: {allowed})")
    return FixSpec(action, safety)


def _options(path: Path, node: yaml.Node, fields: dict, options_type: type, get) -> Any:
    hints = typing.get_type_hints(options_type)
    values = {}
    for f in dataclasses.fields(options_type):
        required = f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING
        if f.name not in fields:
            if required:
                raise RuleError(path, node, f"rule is missing required key {f.name!r}")
            continue
        values[f.name] = get(f.name, hints[f.name])
        if f.metadata.get("regex"):
            value_node = fields[f.name][1]
            item_nodes = value_node.value if isinstance(value_node, yaml.SequenceNode) else [value_node]
            for item_node, pattern in zip(item_nodes, values[f.name], strict=True):
                if (problem := regex_error(pattern)) is not None:
                    raise RuleError(path, item_node, f"{f.name}: bad regular expression {pattern!r}: {problem}")
    return options_type(**values)


def _examples(path: Path, entry) -> tuple[Example, ...]:
    if entry is None:
        return ()
    if not isinstance(entry[1], yaml.SequenceNode):
        raise RuleError(path, entry[1], "examples must be a list")
    out = []
    for node in entry[1].value:
        fields = _mapping(path, node, "example")
        _unknown(path, fields, {"input", "findings", "output", "note", "source"}, "example")
        if "input" not in fields:
            raise RuleError(path, node, "example is missing required key 'input'")
        values = {k: _coerce(path, k, v, _EXAMPLE_HINTS[k]) for k, (_, v) in fields.items()}
        out.append(Example(**values))
    return tuple(out)


def _coerce(path: Path, key: str, node: yaml.Node, hint: Any) -> Any:
    """The value of `node` as type `hint`, or a RuleError saying what was expected."""
    origin, args = typing.get_origin(hint), typing.get_args(hint)
    try:
        value = StrictConstructor().construct_object(node, deep=True)
    except yaml.constructor.ConstructorError as err:  # a tag refused (!!python/...) or a value it cannot make
        raise RuleError(path, None, f"{key}: {err.problem}", err.problem_mark or node.start_mark) from None

    def wrong(expected: str) -> RuleError:
        return RuleError(path, node, f"{key}: expected {expected}, got {type(value).__name__} {value!r}"[:300])

    if origin is typing.Literal:
        if value not in args:
            raise RuleError(path, node, f"{key}: {value!r} is not one of {', '.join(map(str, args))}")
        return value
    if isinstance(hint, type) and issubclass(hint, str) and hint is not str:  # a str Enum
        try:
            return hint(value)
        except ValueError:
            raise RuleError(path, node, f"{key}: {value!r} is not one of {', '.join(m.value for m in hint)}") from None
    if origin is tuple:
        if isinstance(value, str):
            value = [value]
        if typing.get_origin(args[0]) is typing.Literal:
            allowed = typing.get_args(args[0])
            if not isinstance(value, list) or any(v not in allowed for v in value):
                raise RuleError(path, node, f"{key}: expected a list of {', '.join(map(str, allowed))}")
            return tuple(value)
        if not isinstance(value, list) or not all(_is(v, args[0]) for v in value):
            raise wrong(f"a list of {args[0].__name__}")
        return tuple(value)
    if origin is dict:
        if not isinstance(value, dict) or not all(isinstance(k, str) for k in value):
            raise wrong("a mapping with text keys")
        return {k: _dict_value(path, key, node, v, args[1]) for k, v in value.items()}
    if origin in (typing.Union, types.UnionType):
        if value is None and type(None) in args:
            return None
        return _coerce(path, key, node, next(a for a in args if a is not type(None)))
    if not _is(value, hint):
        raise wrong(hint.__name__)
    return float(value) if hint is float else value


def _dict_value(path: Path, key: str, node: yaml.Node, value: Any, hint: Any) -> Any:
    if typing.get_origin(hint) is tuple:
        value = [] if value is None else [value] if isinstance(value, str) else value
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise RuleError(path, node, f"{key}: expected each value to be a list of text, got {value!r}")
        return tuple(value)
    if not _is(value, hint):
        raise RuleError(path, node, f"{key}: expected each value to be {hint.__name__}, got {value!r}")
    return value


def _is(value: Any, hint: Any) -> bool:
    if hint is float:
        return isinstance(value, (int, float)) and not isinstance(value, bool)
    if hint is int:
        return isinstance(value, int) and not isinstance(value, bool)
    return isinstance(value, hint)
