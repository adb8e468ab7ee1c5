"""Inline SVG charts for the HTML report: horizontal bars for counts, and a histogram of scores.

Drawn here as markup rather than by a script library, because the page must open anywhere without the
network and read the same printed or without JavaScript. Colours come from the page's CSS classes, so a
chart's bars match the highlights in the text.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from html import escape

_WIDTH, _LABEL, _BAR, _ROW = 520, 210, 240, 19


@dataclass(frozen=True)
class Bar:
    """One bar: its label, value and colour class; `code` makes it a rule filter when clicked."""

    label: str
    value: int
    css: str = "bar"
    code: str | None = None


def _clip(label: str, width: int = 32) -> str:
    return label if len(label) <= width else label[: width - 1] + "…"


def bar_chart(chart_id: str, title: str, bars: Sequence[Bar], limit: int = 20, unit: str = "") -> str:
    """A titled chart of the largest `limit` bars, longest first; the rest are summed in one more row, so
    that a corpus of a thousand sources still gets a chart that fits on a screen."""
    ranked = sorted(bars, key=lambda b: (-b.value, b.label))
    shown = ranked[:limit]
    if len(ranked) > limit:
        rest = ranked[limit:]
        shown.append(Bar(f"{len(rest)} more", sum(b.value for b in rest), "bar rest"))
    head = f'<figure class="chart" id="{chart_id}"><figcaption>{escape(title)}</figcaption>'
    if not shown or not any(b.value for b in shown):
        return head + '<p class="empty">nothing to show</p></figure>'
    top = max(b.value for b in shown) or 1
    height = len(shown) * _ROW + 6
    rows = []
    for i, b in enumerate(shown):
        y = i * _ROW + 3
        width = max(2, round(_BAR * b.value / top)) if b.value else 0
        attrs = f' class="row pick" data-code="{escape(b.code)}"' if b.code else ' class="row"'
        tip = f"{b.label}: {b.value}{unit}"
        rows.append(
            f"<g{attrs}><title>{escape(tip)}</title>"
            f'<text x="{_LABEL - 8}" y="{y + 13}" text-anchor="end">{escape(_clip(b.label))}</text>'
            f'<rect class="{escape(b.css)}" x="{_LABEL}" y="{y + 2}" width="{width}" height="{_ROW - 5}" rx="3"/>'
            f'<text class="val" x="{_LABEL + width + 6}" y="{y + 13}">{b.value}</text></g>'
        )
    svg = (
        f'<svg viewBox="0 0 {_WIDTH} {height}" width="{_WIDTH}" height="{height}" role="img" '
        f'aria-label="{escape(title)}">{"".join(rows)}</svg>'
    )
    return f"{head}{svg}</figure>"


def score_bin(score: int) -> int:
    """The histogram bar a score falls in: tenths (0-9 ... 90-99), and 100 alone."""
    return min(max(score, 0) // 10, 10)


def score_histogram(chart_id: str, title: str, bins: Sequence[int]) -> str:
    """Documents by score (`bins` as counted with score_bin): how much of the corpus is clean, and how far
    the rest is from it. Counts rather than scores are passed, so a run keeps 11 numbers, not one a document."""
    head = f'<figure class="chart" id="{chart_id}"><figcaption>{escape(title)}</figcaption>'
    if not any(bins):
        return head + '<p class="empty">nothing to show</p></figure>'
    top, width, base, slot = max(bins) or 1, 40, 118, 44
    bars = []
    for i, n in enumerate(bins):
        label = "100" if i == 10 else f"{i * 10}–{i * 10 + 9}"
        h = round(96 * n / top) if n else 0
        x = 20 + i * slot
        css = "bar good" if i >= 9 else "bar fair" if i >= 7 else "bar poor"
        bars.append(
            f"<g><title>{escape(f'score {label}: {n} documents')}</title>"
            f'<rect class="{css}" x="{x}" y="{base - h}" width="{width}" height="{h}" rx="3"/>'
            f'<text class="val" x="{x + width / 2}" y="{base - h - 4}" text-anchor="middle">{n or ""}</text>'
            f'<text class="tick" x="{x + width / 2}" y="{base + 14}" text-anchor="middle">{label}</text></g>'
        )
    svg = (
        f'<svg viewBox="0 0 520 138" width="520" height="138" role="img" '
        f'aria-label="{escape(title)}">{"".join(bars)}</svg>'
    )
    return f"{head}{svg}</figure>"
