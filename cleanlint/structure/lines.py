"""The structure of text lines, for structure/regions.py: transcripts, content lists and verse.

These are the regions that read like prose line by line and repeat or shorten lines the way furniture does:
a witness gives the same answer four times, two recipes share an ingredient line, a song comes back to its
refrain, a poem is a run of short lines. What tells them from a share bar, a list of related headlines or
a block of photo credits is the run as a whole: speakers that recur, quantities and results, lines that
carry on one another. Each detector takes the body's lines and which of them are still free (a line that
an earlier detector claimed ends a run) and yields (first, last) line indices, last included.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterator
from itertools import pairwise

Span = tuple[int, int]

# labels that open furniture lines, lower-cased: a line with one is never a speaker, a specification or
# a line of verse ("Photo: Reuters", "Updated: 3 hours ago", "Related Stories")
_FURNITURE = frozenset(
    "share|share this|tweet|email|e-mail|print|comments|comment|related|related stories|related articles|"  # noqa: SIM905
    "read more|more|see also|also read|read also|advertisement|ad|sponsored|tags|topics|photo|photos|image|"
    "images|picture|video|watch|listen|credit|credits|source|sources|caption|updated|published|posted|date|"
    "time|by|author|follow|follow us|subscribe|sign up|newsletter|home|menu|search|log in|login|register|"
    "most read|most popular|popular|trending|latest|latest news|top stories|recommended|next|previous|back|"
    "copyright|reading time|views|likes|tel|phone|fax|mobile|website|web|contact|note|editor's note|"
    "editor’s note|correction|update|breaking|breaking news|live|exclusive|analysis|opinion|explainer|factbox|"
    "alert|warning|filed under|posted in|category|categories|don't miss|don’t miss|buy now|shop now|foto|fotos|"
    "фото|читайте также|leia também|lesen sie auch|lire aussi|blog archive|archive|archives|archiv|blog-archiv|"
    "archivo|archivo del blog|archivio|arquivo|arquivo do blog|archief|archiwum".split("|")
)
# the start of a heading over other stories or a widget ("You may also like", "More from Sport:"), a line of
# a recent-comments widget ("Ben commented on"), a video player's controls ("Current Time 0:00")
_HEADING = re.compile(
    r"[-*•·»›>|\s]*(?:©|(?:you (?:may|might) also like|more (?:from|on|in|stories|news|to read)"
    r"|related (?:stories|news|articles|content|coverage|posts)|read (?:more|next|also)|see also|also (?:read|on|see)"
    r"|most (?:read|popular|viewed|shared)|editor['’]?s picks|in other news|what to read next|don['’]?t miss"
    r"|copyright)\b"
    r"|(?:related|recommended|trending|popular|latest|top stories|watch|listen)"
    r"(?:\s+(?:news|stories|now|videos|for you))?\s*(?::.*)?$"
    r"|.*\s(?:commented|replied|posted)\s+(?:on|to|in)$|(?:current|remaining) time\b|stream type\b|playback rate\b)",
    re.IGNORECASE,
)
_SPEAKER = re.compile(
    r"\[([^\]]{1,40})\]:\s+\S|([^\W\d_][\w'’.-]*(?:[ \t]+[^\W\d_][\w'’.-]*){0,3})\s?:\s+\S|([QA])\.\s"
)
_PARTICLES = frozenset("de da del della di van von der den du la le al el bin ibn of the".split())  # noqa: SIM905
# list markers: a bullet, or a number with its stop ("3.", "3)"), or a step ("Step 3:")
_MARKER = re.compile(r"\s*(?:[-*•·▪–—]\s+|(\d{1,3})[.)]\s+|(?:Step|Schritt|Étape|Paso|Passo|Шаг)\s+(\d{1,3})[:.]?\s+)")
_UNITS = (
    r"g|kg|mg|mcg|µg|ml|l|cl|dl|oz|lbs?|cups?|c|tbsps?|tsps?|tbs|tablespoons?|teaspoons?|pinch(?:es)?|dash(?:es)?"
    r"|cloves?|cans?|tins?|slices?|sticks?|bunch(?:es)?|handfuls?|sprigs?|grams?|kilos?|litres?|liters?|pounds?"
    r"|ounces?|pints?|quarts?|inch(?:es)?|cm|mm|г|кг|мл|л|шт|ст|ч|EL|TL|Msp|cs|cc|cuillères?|cucharadas?|tazas?"
)
# a quantity at the start of a line ("2 cups", "1/2 tsp", "200g", "1 1/2", "2-3", "½"), with its unit
_QUANTITY = re.compile(
    rf"(?:\d+(?:[.,/]\d+)?(?:\s\d/\d)?|[½¼¾⅓⅔⅛⅜⅝⅞])(?:\s*(?:-|–|to)\s*\d+(?:[.,/]\d+)?)?\s*(?:({_UNITS})\b\.?)?\s*([^\W\d_]*)"
)
# what a page counts in its furniture ("2 hours ago", "23 comments", "4 min read", "1 of 12")
_COUNTS = frozenset(
    "ago of comments comment shares share views likes replies retweets followers reads read min mins minutes "  # noqa: SIM905
    "minute hours hour hrs days day weeks week months month years year photos images pictures videos stories "
    "articles pages".split()
)
_DOSE = re.compile(r"\d\s?(?:mg|mcg|µg|ml|IU|mmol|units?|tablets?|capsules?|drops?)\b")
# a result: a score between two names ("Riverside 2-1 Millbrook", "Riverside 2 Millbrook 1"), or a line
# that ends in a time, a gap or two or more numbers
_RESULT = re.compile(
    r"\D{2,}?\s\d{1,3}\s?[-–:]\s?\d{1,3}(?:\s\D.*)?$|.*\s[+]?\d{1,2}:\d{2}(?::\d{2})?(?:[.,]\d+)?s?$"
    r"|.*\s\+\d+(?:[.,]\d+)?s$|.*\s\d+(?:[.,]\d+)?%?(?:\s+\(?[-+]?\d+(?:[.,]\d+)?%?\)?){1,}$"
    r"|[^\d\s]\D*\s\d{1,2}\s+[^\W\d_]\D*\s\d{1,2}$"
)
# a specification or dosage line, "Weight: 1.2 kg": a short label, a colon and a short value with a number
_SPEC = re.compile(r"([^\W\d][^:]{0,29}):\s+(\S.{0,40})$")
DIGIT = re.compile(r"[\d½¼¾⅓⅔⅛]")
# a list item's mark: a bullet, a number, a letter or numeral in brackets ("(b)", "iv)")
_ITEM = re.compile(r"[-*•·▪]\s|\d{1,3}[.)]\s|\(?[a-z]{1,4}\)\s")
# what the lines of code and markup have and verse has not
_SYMBOLS = re.compile(r"[{}\[\]<>=$_|\\/#@*%]|\w\(")
_SENTENCE_END = re.compile(r"[.!?…][\"'”’)]*\s+[\"'“‘(]?[^\W\d_]")
_CONJUNCTIONS = frozenset(
    "and but or nor so yet for as till until when while where if though like with then oh o "  # noqa: SIM905
    "und et y e и а но mais pero aber ma".split()
)


def runs(texts: list[str], free: list[bool], test: Callable[[str], object]) -> Iterator[tuple[int, list]]:
    """Maximal runs of free lines for which `test` gives something true: the first index and the results."""
    run: list = []
    for i, line in enumerate(texts):
        value = test(line) if free[i] else None
        if value:
            run.append(value)
        elif run:
            yield i - len(run), run
            run = []
    if run:
        yield len(texts) - len(run), run


# a cell of a meta line that pipes divide ("By Ana Diaz | March 3 | 3 Comments"): not a table's
_META_CELL = re.compile(
    r"\s*(?:by|posted|filed|updated|published|tags?|categor(?:y|ies)|share)\b"
    r"|\s*\d+\s+(?:comments?|shares?|views|likes|replies|min(?:ute)?s?\s+read)\b",
    re.IGNORECASE,
)


def meta_row(line: str) -> bool:
    """Whether a line divided by pipes is a byline, a date, counts or tags rather than a table row."""
    return any(_META_CELL.match(cell) for cell in line.split("|"))


def _label(line: str) -> str:
    """What a line says before any colon, lower-cased and without list marks or closing punctuation."""
    return line.split(":", 1)[0].strip(" \t-*•·»›>|").lower()


def transcript_spans(texts: list[str], free: list[bool]) -> Iterator[Span]:
    """Transcripts and interviews: three or more turns that open with a speaker ("Q:", "A:", "THE COURT:",
    "MR. SMITH:", "Sarah Jones:", "[Host]:"), a few speakers recurring. A speaker is at most four capitalised
    words. Up to two lines without a speaker may continue a turn. A block of labelled furniture ("Photo:",
    "Source:", "Updated:") is not a transcript, and neither is a run of distinct labels (a specification)."""
    turns: list[tuple[int, str]] = []
    gap = 0  # lines without a speaker since the last turn
    for i, line in enumerate(texts):
        speaker = _speaker(line) if free[i] else None
        if speaker is not None:
            turns.append((i, speaker))
            gap = 0
        elif not free[i] or (line.strip() and (gap := gap + 1) > 2):
            yield from _conversation(texts, turns)
            turns, gap = [], 0
    yield from _conversation(texts, turns)


def _speaker(line: str) -> str | None:
    if ":" not in line and not line.startswith(("Q.", "A.")):
        return None
    m = _SPEAKER.match(line)
    if m is None:
        return None
    name = (m.group(1) or m.group(2) or m.group(3)).strip()
    if name.lower() in _FURNITURE or (m.group(2) and not all(w[0].isupper() or w in _PARTICLES for w in name.split())):
        return None
    return name.rstrip(".").casefold()


def _conversation(texts: list[str], turns: list[tuple[int, str]]) -> Iterator[Span]:
    """Turns that make a conversation: the speakers take turns, and their words are not cut short ("…"),
    as in a widget of recent comments, where one name heads several truncated lines in a row."""
    if len(turns) < 3:
        return
    switches = sum(a[1] != b[1] for a, b in pairwise(turns))
    cut = sum(texts[i].endswith(("…", "...")) for i, _ in turns)
    if switches * 2 < len(turns) - 1 or cut * 2 > len(turns):
        return
    counts = Counter(speaker for _, speaker in turns)
    if 2 <= len(counts) <= max(2, (len(turns) + 1) // 2) and counts.most_common(1)[0][1] >= 2:
        yield turns[0][0], turns[-1][0]


def list_spans(texts: list[str], free: list[bool]) -> Iterator[Span]:
    """Lists of content: three or more numbered steps in order, or three or more lines of quantities and
    results (ingredients, dosages, race results and standings, a specification sheet).

    Numbered items are steps when most end in a full stop, or results when most carry results or
    quantities; a numbered list of headlines ("Most read") is neither. A line of a quantity list must carry
    a unit ("2 cups flour", "200g butter"), a score, a time, a dose or a "label: number" value, or be a short
    quantity ("3 eggs"); a list of headlines or links carries none, whatever its bullets."""
    yield from _numbered(texts, free)
    run: list[int] = []
    strong = 0
    for i, line in enumerate(texts):
        kind = _list_line(line) if free[i] else 0
        if kind:
            run.append(i)
            strong += kind == 2
        elif run and run[-1] == i - 1 and free[i] and 0 < len(line.split()) <= 5 and not line.rstrip().endswith("."):
            pass  # one short line without a quantity may stand inside ("salt and pepper", "For the sauce:")
        else:
            if _is_quantity_list(texts, run, strong):
                yield run[0], run[-1]
            run, strong = [], 0
    if _is_quantity_list(texts, run, strong):
        yield run[0], run[-1]


def _is_quantity_list(texts: list[str], run: list[int], strong: int) -> bool:
    """Whether a run of list lines, `strong` of them carrying a quantity or a result, is a list of content:
    three lines or more, most of them strong, not under a heading of the page's furniture."""
    return len(run) >= 3 and strong >= 2 and strong * 2 >= len(run) and not _under_furniture(texts, run[0])


def _under_furniture(texts: list[str], first: int) -> bool:
    """Whether the line above a list is a heading of the page's furniture ("Blog Archive", "Most read"):
    then its counts are the widget's ("► 2019 (31)"), not results."""
    above = next((line for line in reversed(texts[max(0, first - 2) : first]) if line.strip()), "")
    return bool(above) and (_label(above) in _FURNITURE or bool(_HEADING.match(above)))


def _list_line(line: str) -> int:
    """2 for a line of a quantity or result, 1 for a longer line that only starts with a number, 0 else."""
    t = line.strip()
    if not t or len(t) > 120 or not DIGIT.search(t):
        return 0
    m = _MARKER.match(t)
    item = t[m.end() :] if m else t
    words = len(item.split())
    if words > 12 or _label(item) in _FURNITURE or _HEADING.match(item):
        return 0
    spec = _SPEC.match(item)
    if spec and len(spec.group(2).split()) <= 6:
        return 2 if DIGIT.search(spec.group(2)) else 0
    q = _QUANTITY.match(item)
    counted = q is not None and q.group(2).islower() and q.group(2) not in _COUNTS
    if q and (q.group(1) or (counted and words <= 4)):
        return 2
    if _DOSE.search(item) or _RESULT.match(item):
        return 2
    return 1 if counted else 0


_NUMBER_STARTS = frozenset("0123456789SÉPШ")  # how a numbered item's line may start: "3.", "Step 3"


def _numbered(texts: list[str], free: list[bool]) -> Iterator[Span]:
    """Items numbered 1, 2, 3 ... in order, with blank lines or up to two lines of text between them."""
    items: list[int] = []
    number = between = 0
    for i, line in enumerate(texts):
        m = _MARKER.match(line) if free[i] and line.lstrip()[:1] in _NUMBER_STARTS else None
        value = int(m.group(1) or m.group(2) or 0) if m else 0
        if value and items and value == number + 1:
            items.append(i)
            number, between = value, 0
        elif value or not free[i] or (line.strip() and (between := between + 1) > 2):
            yield from _steps(texts, items)
            items, number, between = ([i] if value else []), value, 0
    yield from _steps(texts, items)


def _steps(texts: list[str], items: list[int]) -> Iterator[Span]:
    if len(items) < 3:
        return
    ended = sum(texts[i].rstrip().endswith(".") for i in items)
    quantified = sum(_list_line(texts[i]) == 2 for i in items)
    if ended * 2 >= len(items) or quantified * 2 >= len(items):
        yield items[0], items[-1]


def verse_spans(texts: list[str], free: list[bool]) -> Iterator[Span]:
    """Verse: four or more short lines (ten words at most) that run on, in one stanza or in stanzas that a
    single blank line parts, of similar length, most not ending a sentence.

    Short lines are also what menus and lists of headlines are made of, so the run must show that its
    lines carry on one another: enough of them start in lower case or with a conjunction ("And", "But",
    "When"), end with a comma or a dash, or come back as a refrain, and at least one must start in lower
    case or end with a comma or dash (a widget repeats lines too). A run with a furniture label in it or
    just above it ("Related Stories", "Share"), of one- and two-word lines, or with many title-case,
    numbered or bulleted lines, lines of code, or sentences that end inside lines (hard-wrapped prose) is
    not verse."""
    group: list[int] = []
    size = 0  # lines in the group's last stanza
    for first, stanza in runs(texts, free, _short):
        parted = first > 0 and free[first - 1] and not _text(texts[first - 1])  # by one blank line from the group
        if size >= 2 and len(stanza) >= 2 and group and first == group[-1] + 2 and parted:
            group += range(first, first + len(stanza))
        else:
            if len(group) >= 4:
                yield from _poem(texts, group)
            group = list(range(first, first + len(stanza)))
        size = len(stanza)
    if len(group) >= 4:
        yield from _poem(texts, group)


def _text(line: str) -> str:
    """The line without white space and the invisible characters that some pages leave on empty lines."""
    return line.strip().strip("\u200b\u200c\u200d\u2060\ufeff")


def _short(line: str) -> bool:
    t = _text(line)
    return bool(t) and len(t) <= 70 and len(t.split()) <= 10


def _poem(texts: list[str], lines: list[int]) -> Iterator[Span]:
    """The group of short lines as verse, if it is verse."""
    before = lines[0] - 1
    while before >= 0 and not _text(texts[before]):
        before -= 1
    verse = [_text(texts[i]) for i in lines]
    if (before >= 0 and _furniture(texts[before])) or any(_furniture(v) for v in verse):
        return
    n = len(verse)
    sizes = sorted(len(v.split()) for v in verse)
    median = sizes[n // 2]
    if median < 3:
        return  # one- and two-word lines are menus and labels
    counts = Counter(verse)
    flowing = refrains = joined = ended = titled = numbered = unlike = items = 0
    for v in verse:
        words = v.split()
        flows = v[0].islower() or v[-1] in ",;—–-"  # a line that carries on into the next
        flowing += flows
        refrains += counts[v] > 1
        joined += flows or counts[v] > 1 or words[0].strip("\"'“‘(¿¡").lower() in _CONJUNCTIONS
        ended += v[-1] in ".!?:"
        titled += len(words) >= 3 and sum(w[0].isupper() for w in words) * 10 >= len(words) * 7
        numbered += DIGIT.search(v) is not None
        unlike += _SENTENCE_END.search(v) is not None or _SYMBOLS.search(v) is not None  # wrapped prose, code
        items += _ITEM.match(v) is not None
    similar = sum(median / 2.5 <= size <= median * 2.5 for size in sizes)
    if (
        flowing >= 1
        and flowing + refrains >= 2
        and joined * 5 >= n * 2
        and ended * 2 <= n
        and max(titled, numbered, unlike, items) * 4 <= n
        and similar * 4 >= n * 3
    ):
        yield lines[0], lines[-1]


def _furniture(line: str) -> bool:
    t = line.strip()
    return _label(t) in _FURNITURE or _HEADING.match(t) is not None
