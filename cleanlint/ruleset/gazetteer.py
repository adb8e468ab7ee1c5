"""A corpus's own gazetteer: names it spells one way, added to every `names` rule.

The default misspelt-name rule knows the places and organisations of wire news; a corpus about Brazilian
football or Korean television needs its own. A gazetteer file maps each canonical name to the other
spellings it accepts, in the same shape as a `names` rule's `names`:

    Zaporizhzhia: [Zaporizhia]
    Vinícius Júnior: [Vinicius Junior]
    Itaquera: []

Merging the names into the rules, rather than writing a second `names` rule, matters: a second rule would
not know the first one's names, and each would report the other's canonical spellings as near-misses.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Sequence
from pathlib import Path

import yaml

from ..rule import Rule
from .loader import RuleError, compose_yaml


def load_gazetteer(paths: Iterable[Path]) -> dict[str, tuple[str, ...]]:
    """Canonical name -> accepted spellings, from every file in `paths` (later files add to earlier)."""
    names: dict[str, tuple[str, ...]] = {}
    for path in paths:
        for name, variants in _read(path).items():
            names[name] = tuple(dict.fromkeys(names.get(name, ()) + variants))
    return names


def _read(path: Path) -> dict[str, tuple[str, ...]]:
    root = compose_yaml(path, "gazetteer")
    if root is None:
        return {}
    if not isinstance(root, yaml.MappingNode):
        raise RuleError(path, root, "a gazetteer maps each name to a list of other accepted spellings")
    out: dict[str, tuple[str, ...]] = {}
    for key_node, value_node in root.value:
        name = key_node.value if isinstance(key_node, yaml.ScalarNode) else None
        if not name or key_node.tag != "tag:yaml.org,2002:str":
            raise RuleError(path, key_node, "each name must be text")
        if isinstance(value_node, yaml.ScalarNode) and value_node.tag == "tag:yaml.org,2002:null":
            out[name] = ()
            continue
        if not isinstance(value_node, yaml.SequenceNode) or not all(
            isinstance(v, yaml.ScalarNode) and v.tag == "tag:yaml.org,2002:str" and v.value for v in value_node.value
        ):
            raise RuleError(path, value_node, f"{name}: expected a list of other spellings (may be empty)")
        out[name] = tuple(v.value for v in value_node.value)
    return out


def with_gazetteer(rules: Sequence[Rule], names: dict[str, tuple[str, ...]]) -> list[Rule]:
    """`rules`, with every `names` rule knowing `names` as well."""
    if not names:
        return list(rules)
    out = []
    for rule in rules:
        if rule.kind == "names":
            merged = dict(rule.options.names)
            for name, variants in names.items():
                merged[name] = tuple(dict.fromkeys(merged.get(name, ()) + variants))
            rule = dataclasses.replace(rule, options=dataclasses.replace(rule.options, names=merged))
        out.append(rule)
    return out
