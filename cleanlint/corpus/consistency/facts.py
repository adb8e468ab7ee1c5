"""The checkable facts of a sentence: dates, quantities with a unit, and capitalised names.

Only what can be compared without understanding the sentence is taken: a date has a month and a day (in
either order, a year if given), a quantity has a unit from a closed list (so "the KN-23" or "two major
challenges" is never a quantity), and a name is a capitalised word. Each fact keeps its span, so that a
disagreement can point at the characters that carry it.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum
from functools import cache

import regex

from .words import MONTHS


class Kind(str, Enum):
    NAME = "name"
    NUMBER = "number"
    DATE = "date"


@dataclass(frozen=True)
class Date:
    month: int
    day: int
    year: int | None = None


@dataclass(frozen=True)
class Quantity:
    """`amount` in `unit`, known to within `precision` (550 -> 10, 1.5 million -> 100000): a rounded figure
    agrees with the precise one it rounds."""

    amount: float
    unit: str
    precision: float


@dataclass(frozen=True)
class Fact:
    kind: Kind
    value: Date | Quantity | str  # a name's value is the word as written
    start: int  # offsets into the article's text
    end: int

    @property
    def key(self) -> str:
        """What facts of one kind are compared within: a quantity's unit; the kind itself otherwise."""
        return self.value.unit if isinstance(self.value, Quantity) else self.kind.value


# Things counted, each its own unit: "12 soldiers" and "15 soldiers" disagree; "12 soldiers" and "15 dead" do not.
COUNTED_NOUNS = (  # noqa: SIM905
    "deaths dead casualties victims civilians soldiers troops children students workers employees residents "
    "patients cases votes seats missiles drones rockets"
).split()

# Units by every spelling, with one name each: "km" and "kilometres" are the same unit, "miles" another; no
# conversion is made, so 900 km and 550 miles are simply not compared.
UNITS = {
    **dict.fromkeys(("km", "kms", "kilometre", "kilometres", "kilometer", "kilometers"), "km"),
    **dict.fromkeys(("mile", "miles"), "mile"),
    **dict.fromkeys(("metre", "metres", "meter", "meters"), "m"),
    **dict.fromkeys(("foot", "feet", "ft"), "ft"),
    **dict.fromkeys(("inch", "inches"), "inch"),
    **dict.fromkeys(("kg", "kilogram", "kilograms", "kilogramme", "kilogrammes"), "kg"),
    **dict.fromkeys(("tonne", "tonnes"), "tonne"),
    **dict.fromkeys(("ton", "tons"), "ton"),
    **dict.fromkeys(("percent", "per cent", "%", "percentage points"), "%"),
    **dict.fromkeys(("people", "persons"), "people"),
    **dict.fromkeys(("year", "years"), "year"),
    **dict.fromkeys(("month", "months"), "month"),
    **dict.fromkeys(("week", "weeks"), "week"),
    **dict.fromkeys(("day", "days"), "day"),
    **dict.fromkeys(("hour", "hours"), "hour"),
    **{noun: noun for noun in COUNTED_NOUNS},
}
_MULTIPLIERS = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}
_CURRENCIES = {"$": "USD", "€": "EUR", "£": "GBP"}


@cache
def _patterns() -> tuple[regex.Pattern, regex.Pattern, regex.Pattern, regex.Pattern, regex.Pattern]:
    """Compiled on first use; months are matched as written, capitalised, so that "may" the verb is no month."""
    month = "|".join(sorted((m.capitalize() for m in MONTHS), key=len, reverse=True))
    day = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
    year = r"(?:,?\s+(?P<year>(?:1[89]|20)\d\d)\b)?"
    month_day = regex.compile(rf"\b(?P<month>{month})\.?\s+{day}\b(?![:.,]?\d){year}")
    day_month = regex.compile(rf"\b{day}\s+(?:of\s+)?(?P<month>{month})\b{year}")
    number = r"(?P<number>\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)"
    scale = r"(?:\s+(?P<scale>thousand|million|billion|trillion)\b)?"
    units = "|".join(regex.escape(u) for u in sorted(UNITS, key=len, reverse=True))
    quantity = regex.compile(rf"(?<![\w.,$€£-]){number}{scale}(?:\s*|-)(?P<unit>{units})(?!\w)", regex.IGNORECASE)
    money = regex.compile(rf"(?P<currency>[$€£])\s?{number}{scale}(?!\w|[.,]\d)")
    name = regex.compile(r"(?<![\p{L}\p{M}'’-])\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)*(?![\p{L}\p{M}-])")
    return month_day, day_month, quantity, money, name


def facts_in(text: str, start: int, end: int) -> list[Fact]:
    """The facts of text[start:end] (a sentence), with offsets into `text`."""
    month_day, day_month, quantity, money, name = _patterns()
    found: list[Fact] = []
    taken: list[tuple[int, int]] = []
    for pattern in (month_day, day_month):
        for m in pattern.finditer(text, start, end):
            day = int(m["day"])
            if 1 <= day <= 31 and not _overlaps(taken, m.start(), m.end()):
                value = Date(MONTHS[m["month"].lower()], day, int(m["year"]) if m["year"] else None)
                found.append(Fact(Kind.DATE, value, m.start(), m.end()))
                taken.append((m.start(), m.end()))
    for m in quantity.finditer(text, start, end):
        if not _overlaps(taken, m.start(), m.end()):
            found.append(Fact(Kind.NUMBER, _quantity(m, UNITS[m["unit"].lower()]), m.start(), m.end()))
    for m in money.finditer(text, start, end):
        found.append(Fact(Kind.NUMBER, _quantity(m, _CURRENCIES[m["currency"]]), m.start(), m.end()))
    for m in name.finditer(text, start, end):
        if not _overlaps(taken, m.start(), m.end()):
            found.append(Fact(Kind.NAME, m.group(), m.start(), m.end()))
    return sorted(found, key=lambda f: f.start)


def _overlaps(taken: list[tuple[int, int]], start: int, end: int) -> bool:
    return any(start < t_end and t_start < end for t_start, t_end in taken)


def _quantity(m: regex.Match, unit: str) -> Quantity:
    digits = m["number"].replace(",", "")
    scale = _MULTIPLIERS[m["scale"].lower()] if m["scale"] else 1.0
    if "." in digits:
        precision = 10.0 ** -len(digits.split(".")[1])
    else:
        precision = 10.0 ** (len(digits) - len(digits.rstrip("0"))) if digits.strip("0") else 1.0
    return Quantity(float(digits) * scale, unit, precision * scale)
