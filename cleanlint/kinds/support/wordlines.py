"""A large set of words, each with a short value, looked up without being read into Python objects first.

The misspelt-name rule knows a hundred thousand English words and thirty thousand words of place names, and
asks about the few dozen capitalised words of an article. Making all of them into a dict or a set costs a
hook run tens of milliseconds before the first question; kept as UTF-8 lines in groups by their first two
characters, one bytes string read from a file answers each question with a search of its group, a few
hundred bytes, and needs no decoding at all.
"""

from __future__ import annotations

import operator
from collections.abc import Mapping
from dataclasses import dataclass


@dataclass(frozen=True)
class WordLines:
    """Words and their values as lines `word<TAB>value` (the value may be empty), grouped by the words' first
    two characters: `spans` gives each group's place in `data`, from the newline before its first line to
    the end of its last."""

    data: bytes
    spans: dict[str, tuple[int, int]]

    @classmethod
    def of(cls, values: Mapping[str, str]) -> WordLines:
        """The lines of `values` (word -> value). A word with a tab or a newline in it is left out: it is
        no word a text's letters can spell."""
        groups: dict[str, list[str]] = {}
        for word in sorted(values):
            if word and "\t" not in word and "\n" not in word and "\n" not in values[word]:
                groups.setdefault(word[:2], []).append(f"{word}\t{values[word]}\n")
        parts, size, spans = [b"\n"], 1, {}
        for start, lines in groups.items():
            chunk = "".join(lines).encode("utf-8")
            spans[start] = (size - 1, size + len(chunk))
            parts.append(chunk)
            size += len(chunk)
        return cls(b"".join(parts), spans)

    def layout(self) -> tuple[list[str], list[int]]:
        """The groups' first characters and where each group starts in `data`, in the order of `data`: with
        the data, all it takes to read the lines back (`laid_out`); each group ends where the next starts."""
        ordered = sorted(self.spans.items(), key=lambda item: item[1])
        return [start for start, _ in ordered], [begin for _, (begin, _) in ordered]

    @classmethod
    def laid_out(cls, data: bytes, keys: list, starts: list) -> WordLines:
        """Lines read back from their `layout`: ValueError unless every group starts at a newline after the
        one before and the last line ends the data, so that a damaged file is found when it is read, not in
        the middle of a check. Checked for all the groups at once: there are thousands."""
        if not (isinstance(keys, list) and isinstance(starts, list) and len(keys) == len(starts)):
            raise ValueError("the groups are not laid out")
        if not (all(type(key) is str for key in keys) and all(type(at) is int for at in starts)):
            raise ValueError("a group is not named by characters and placed by an offset")
        if starts and not (
            starts[0] >= 0
            and all(map(operator.lt, starts, starts[1:]))
            and starts[-1] < len(data) - 1
            and data.endswith(b"\n")
            and all(data[at] == 0x0A for at in starts)
        ):
            raise ValueError("a group is not a run of lines")
        ends = [*(at + 1 for at in starts[1:]), len(data)]
        return cls(data, dict(zip(keys, zip(starts, ends, strict=True), strict=True)))

    def get(self, word: str) -> str | None:
        """The value of `word`; None when it is not one of the words."""
        span = self.spans.get(word[:2])
        if span is None or "\t" in word or "\n" in word:
            return None
        key = f"\n{word}\t".encode("utf-8", "surrogatepass")
        at = self.data.find(key, span[0], span[1])
        if at < 0:
            return None
        start = at + len(key)
        end = self.data.find(b"\n", start, span[1])
        return self.data[start:end].decode("utf-8") if end >= 0 else None

    def __contains__(self, word: object) -> bool:
        return isinstance(word, str) and self.get(word) is not None
