"""YAML front matter, read so that no file can make a run hang or run out of memory.

Front matter is a few fields (title, source, url, date). YAML can say far more: an alias repeats a node,
so nine anchors of nine aliases each (a "billion laughs") stand for 9**9 copies of one string, a file of
a few hundred bytes whose fields, once built and written out (the findings cache serialises them), take
gigabytes. Nothing here expands: an anchor or alias is refused as its node is read, before any value is
built, and so is front matter over MAX_BYTES or nested deeper than MAX_DEPTH (PyYAML composes nodes by
recursion, so deep nesting would end in RecursionError). A refusal is the file's error; the run goes on.
"""

from __future__ import annotations

from functools import cache
from typing import Any

MAX_BYTES = 64 * 1024  # front matter is a few fields; far more is a mistake or an attack
MAX_DEPTH = 64  # lists and mappings inside each other; front matter is flat or nearly

_END_MARKERS = ("\n---\n", "\n...\n")


class FrontMatterError(ValueError):
    """Front matter that is not read; str() says why, for the file's one-line error."""


def split_front_matter(text: str) -> tuple[int, dict[str, Any]]:
    """Where the body starts and the front matter's fields; (0, {}) for a text without front matter."""
    if not text.startswith("---\n"):
        return 0, {}
    ends = [(i, marker) for marker in _END_MARKERS if (i := text.find(marker, 3)) != -1]
    if not ends:
        return 0, {}
    end, marker = min(ends)
    block = text[4:end]
    size = len(block.encode("utf-8", "surrogatepass"))
    if size > MAX_BYTES:
        limit = MAX_BYTES // 1024
        raise FrontMatterError(f"front matter is {size / 1024:.1f} KB, larger than the {limit} KB limit; not read")
    import yaml  # here: most articles have no front matter

    loader, refused = _safe_loader()
    try:
        fields = yaml.load(block, Loader=loader)  # a SafeLoader: no Python objects, and no aliases
    except refused as err:
        raise FrontMatterError(f"{err.problem}{_line(err.problem_mark)}; not read") from None
    except yaml.YAMLError as err:
        raise FrontMatterError(f"front matter is not valid YAML{_line(getattr(err, 'problem_mark', None))}") from None
    return end + len(marker), fields if isinstance(fields, dict) else {}


def _line(mark: Any) -> str:
    """The file's line of a parser mark: the front matter starts on the file's second line."""
    return f" (line {mark.line + 2})" if mark is not None else ""


@cache
def _safe_loader() -> tuple[type, type]:
    """PyYAML's SafeLoader (safeyaml.py's, whose every failure is a YAMLError), refusing anchors, aliases
    and deep nesting as each node is composed, and the error it raises then.

    The pure-Python loader, not the C one: the check hooks into composing, which the C loader does in C.
    Front matter is small, so the speed does not matter.
    """
    import yaml

    from ..safeio.safeyaml import StrictSafeLoader

    class Refused(yaml.MarkedYAMLError):
        pass

    class Loader(StrictSafeLoader):
        depth = 0

        def compose_node(self, parent: Any, index: Any) -> Any:
            event = self.peek_event()
            problem = None
            if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None) is not None:
                problem = "front matter uses a YAML anchor or alias"
            elif self.depth >= MAX_DEPTH:
                problem = f"front matter is nested deeper than {MAX_DEPTH} levels"
            if problem is not None:
                raise Refused(problem=problem, problem_mark=event.start_mark)
            self.depth += 1
            try:
                return super().compose_node(parent, index)
            finally:
                self.depth -= 1

    return Loader, Refused
