"""Connected components, for the two places where links join things into sets: articles into stories
(grouping.py) and mentions of one fact into slots (compare.py)."""

from __future__ import annotations

from collections.abc import Hashable, Iterable
from typing import TypeVar

Node = TypeVar("Node", bound=Hashable)


def connected(nodes: Iterable[Node], edges: Iterable[tuple[Node, Node]]) -> list[list[Node]]:
    """The sets of `nodes` joined by `edges` (union-find), each in the order of `nodes`, and ordered by their
    first member. A node alone is a set of one; an edge must join two of `nodes`."""
    parent: dict[Node, Node] = {node: node for node in nodes}

    def root(node: Node) -> Node:
        while parent[node] != node:
            parent[node] = parent[parent[node]]
            node = parent[node]
        return node

    for a, b in edges:
        parent[root(b)] = root(a)
    sets: dict[Node, list[Node]] = {}
    for node in parent:
        sets.setdefault(root(node), []).append(node)
    return list(sets.values())
