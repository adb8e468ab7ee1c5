"""Harm per rule: the words each rule's fixes remove from scraped texts, and how many of them the gold text keeps.

A rule that removes words of the article body does more damage than one that leaves boilerplate behind, and
the averaged scores of score.py hide which rule did it. This module reads what `cleanlint fix --log` applied
to copies of NNN.article.txt and charges every removed word to a rule. bench/quality.py prints the table.

Words are the tokens of score.py's bag-of-words metric (its TOKEN_RE, \\w+), counted with their repeats.

- A word is removed when an edit of the log takes it out: every word of a removal (replacement ""), and of a
  replacement the words of the old text that the new text does not hold (an "&amp;" -> "&" repair removes
  "amp"; a glued word split in two removes the glued word and adds two; added words are not counted).
- A removed word is a gold word by the bag-of-words argument of score.py: on a page, a removal of token t
  costs recall when the gold text holds more copies of t than the cleaned text still does. Of the removed
  copies of t, min(removed, gold - cleaned) are gold words, so a page's gold words add up to its
  bag-of-words loss, |input ∩ gold| - |cleaned ∩ gold| (multisets), whenever every changed token is one the
  log removed. When a page removed more copies of t than that, the gold words are the removed copies that
  the input's alignment with the gold text (difflib over the token sequences) matches to a gold word, and
  then the others in log order; gold words placed by that order alone are counted in the notes.
- A removed word goes to the rules whose findings' fixes cover it. The log names the findings inside an edit
  (`codes`; touching removals are merged into one edit) but not where each lies, so the spans come from
  `cleanlint check --format json` on the same texts as read: every finding of one of the edit's codes whose
  fix covers the word's position in the input. Findings that overlap each other both cover the word, and it
  counts for each rule (either one alone would have removed it), so the rows can add up to more than the
  page totals; the notes say by how much. A word no such span covers (a finding that only a later pass of
  `fix` found, or text a replacement wrote) goes to the edit's first code, and the notes count those too.

The table has a row per rule code: edits (the log's edits that hold a finding of the rule; a merged edit
counts for each of its codes), pages (with such an edit), words removed, gold words removed, and gold pages
(pages where it removed at least one gold word). The verdict names the rules with gold words removed on more
than one page: the project's bar is none.
"""

from __future__ import annotations

import difflib
import importlib.util
import json
import re
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

COLUMNS = ("rule", "edits", "pages", "words removed", "gold words removed", "gold pages")


def token_pattern(score: Path) -> re.Pattern[str]:
    """score.py's own token pattern, so that the words here are the words its bag-of-words metric counts."""
    spec = importlib.util.spec_from_file_location("score", score)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.TOKEN_RE


@dataclass
class Removed:
    """One removed word: the rules charged with it, and whether it is a gold word."""

    token: str
    position: int  # where it starts in the input as read, -1 for text a replacement wrote
    codes: tuple[str, ...]
    spanned: bool  # False: no finding span covered it, and it went to the edit's first code
    gold: bool = False


@dataclass
class Page:
    """What fix did to one page: its edits' codes, its removed words, and its bag-of-words loss."""

    name: str
    edit_codes: list[tuple[str, ...]]
    removed: list[Removed]
    loss: int  # |input ∩ gold| - |cleaned ∩ gold|
    ordered: int  # gold words placed by log order, with no removed copy aligned to the gold text


def read_text(path: Path) -> str:
    """The text as cleanlint counts its offsets: decoded, no BOM, line ends as they are in the file."""
    return path.read_bytes().decode("utf-8-sig", errors="replace")


def page_harm(
    name: str,
    original: str,
    gold: str,
    cleaned: str,
    edits: Sequence[dict],
    spans: Sequence[tuple[str, int, int]],
    token_re: re.Pattern[str],
) -> Page:
    """Replays the page's log lines on `original`, charging each removed word to the rules whose fix spans
    (code, start, end in `original`) cover it, and marks the gold words; the replay must end at `cleaned`."""
    text, origin = original, list(range(len(original)))  # origin: each character's offset in the input
    removed: list[Removed] = []
    for e in edits:
        start, end = e["start"], e["end"]
        if text[start:end] != e["removed"]:
            raise ValueError(f"{name}: the fix log does not replay on the input at {start}")
        kept = Counter(token_re.findall(e["replacement"]))
        for m in token_re.finditer(e["removed"]):
            if kept[m.group()] > 0:  # a replacement that keeps the word does not remove it
                kept[m.group()] -= 1
                continue
            pos = origin[start + m.start()]
            codes = tuple(sorted({c for c, a, b in spans if c in e["codes"] and a <= pos < b})) if pos >= 0 else ()
            removed.append(Removed(m.group(), pos, codes or (e["codes"][0],), bool(codes)))
        text = text[:start] + e["replacement"] + text[end:]
        origin[start:end] = [-1] * len(e["replacement"])
    if text != cleaned:
        raise ValueError(f"{name}: replaying the fix log does not give the cleaned text")

    inp, gld, cln = (token_re.findall(t) for t in (original, gold, cleaned))
    g, c = Counter(gld), Counter(cln)
    loss = sum((Counter(inp) & g).values()) - sum((c & g).values())
    starts = [m.start() for m in token_re.finditer(original)]
    matcher = difflib.SequenceMatcher(None, inp, gld, autojunk=False)
    aligned = {starts[i + k] for i, _, n in matcher.get_matching_blocks() for k in range(n)}
    copies: dict[str, list[Removed]] = defaultdict(list)
    for r in removed:
        copies[r.token].append(r)
    ordered = 0
    for token, found in copies.items():
        budget = min(len(found), max(0, g[token] - c[token]))
        for r in sorted(found, key=lambda r: r.position not in aligned)[:budget]:  # stable: log order next
            r.gold = True
            ordered += budget < len(found) and r.position not in aligned
    return Page(name, [tuple(e["codes"]) for e in edits], removed, loss, ordered)


@dataclass
class Rule:
    code: str
    edits: int = 0
    pages: set[str] = field(default_factory=set)
    words: int = 0
    gold: int = 0
    gold_pages: set[str] = field(default_factory=set)

    def row(self) -> tuple[str, int, int, int, int, int]:
        return (self.code, self.edits, len(self.pages), self.words, self.gold, len(self.gold_pages))


def per_rule(pages: Sequence[Page]) -> list[Rule]:
    """One row per rule code: an edit counts for every code in it, a word for every rule charged with it.
    Sorted by gold words removed, then words removed, most first."""
    rules: dict[str, Rule] = {}
    for page in pages:
        for codes in page.edit_codes:
            for code in codes:
                rule = rules.setdefault(code, Rule(code))
                rule.edits += 1
                rule.pages.add(page.name)
        for r in page.removed:
            for code in r.codes:
                rule = rules.setdefault(code, Rule(code))
                rule.words += 1
                rule.gold += r.gold
                if r.gold:
                    rule.gold_pages.add(page.name)
    return sorted(rules.values(), key=lambda r: (-r.gold, -r.words, r.code))


def measure(folder: Path, cleaned: Path, log: Path, findings: Sequence[dict], token_re: re.Pattern[str]) -> list[Page]:
    """The pages `fix` edited: `cleaned` holds NNN.txt, cleaned copies of folder/NNN.article.txt, `log` the fix
    log of that run and `findings` the JSON findings of `cleanlint check` on the copies as they were read."""
    edits: dict[str, list[dict]] = defaultdict(list)
    for line in log.read_text(encoding="utf-8").splitlines():
        item = json.loads(line)
        if item.get("not-written"):
            raise ValueError(f"{item['path']}: fix could not write it")
        edits[Path(item["path"]).stem].append(item)
    spans: dict[str, list[tuple[str, int, int]]] = defaultdict(list)
    for f in findings:
        if f.get("fix"):
            spans[Path(f["path"]).stem].append((f["code"], f["fix"]["start"], f["fix"]["end"]))
    return [
        page_harm(
            name,
            read_text(folder / f"{name}.article.txt"),
            read_text(folder / f"{name}.gold.txt"),
            read_text(cleaned / f"{name}.txt"),
            edits[name],
            spans[name],
            token_re,
        )
        for name in sorted(edits)
    ]


def report(pages: Sequence[Page], total_pages: int) -> list[str]:
    """The table and its notes as printed lines, ending with the verdict."""
    rules = per_rule(pages)
    rows = [COLUMNS, *(tuple(str(x) for x in r.row()) for r in rules)]
    widths = [max(len(row[i]) for row in rows) for i in range(len(COLUMNS))]
    lines = [
        "  ".join(
            cell.ljust(w) if i == 0 else cell.rjust(w) for i, (cell, w) in enumerate(zip(row, widths, strict=True))
        )
        for row in rows
    ]
    removed = [r for p in pages for r in p.removed]
    gold = sum(r.gold for r in removed)
    loss = sum(p.loss for p in pages)
    edits = sum(len(p.edit_codes) for p in pages)
    notes = [
        f"{edits} edits on {len(pages)} of {total_pages} pages removed {len(removed)} words, {gold} of them gold "
        f"words on {sum(any(r.gold for r in p.removed) for p in pages)} pages",
        f"bag-of-words loss, input∩gold - cleaned∩gold: {loss}"
        + ("" if loss == gold else f" (not {gold}: the log's edits do not account for every changed token)"),
        f"the rows add up to {sum(r.gold for r in rules)} gold words and {sum(r.words for r in rules)} words: "
        f"{sum(r.gold for r in removed if len(r.codes) > 1)} gold words and "
        f"{sum(len(r.codes) > 1 for r in removed)} words lie in the fixes of more than one rule and count for each",
        f"{sum(not r.spanned for r in removed)} words ({sum(r.gold for r in removed if not r.spanned)} gold) lie "
        "outside every finding span of their edit and count for its first code",
        f"{sum(p.ordered for p in pages)} gold words were told from other removed copies of the same word by log "
        "order alone (no copy aligned to the gold text)",
    ]
    return [*lines, "", *notes, verdict(rules, total_pages)]


def verdict(rules: Sequence[Rule], total_pages: int) -> str:
    """The project's bar: no rule may remove gold words on more than one page."""
    over = [f"{r.code} ({len(r.gold_pages)} pages)" for r in rules if len(r.gold_pages) > 1]
    if not over:
        return f"verdict: no rule removes gold words on more than one page of {total_pages}"
    return f"verdict: gold words removed on more than one page of {total_pages} by {', '.join(over)}"


def markdown(pages: Sequence[Page]) -> str:
    """The table as markdown, for docs/quality.md."""
    rows = [" | ".join(str(x) for x in r.row()) for r in per_rule(pages)]
    head = " | ".join(COLUMNS)
    return "\n".join([f"| {head} |", "|" + " --- |" * len(COLUMNS), *(f"| {row} |" for row in rows)]) + "\n"
