"""Bar charts as inline SVG: small, dependency-free, the same on every machine.

A report page shows counts by category (violations by provision, by agency, by month;
obligations by duty and state). One kind of chart does all of them: bars, stacked when
there are several series, horizontal for named categories and vertical for a time
series. The SVG is plain text with no script and no external resource, so a page that
holds it stays one self-contained file, prints as it shows, and reads with a screen
reader: every chart has a title and a description, every bar segment a tooltip.

>>> svg = bar_chart(
...     title="Violations by agency",
...     labels=("BPD", "WPD"),
...     series=(Series("unauthorized searches", "#d55e00", (3, 1)),),
... )
>>> svg.startswith("<svg")
True
>>> "BPD: 3 unauthorized searches" in svg
True
"""

from __future__ import annotations

import hashlib
import math
from collections.abc import Sequence
from html import escape

import attrs

__all__ = [
    "BLUE",
    "GREY",
    "LATE",
    "MET",
    "PENDING",
    "UNAUTHORIZED",
    "Series",
    "bar_chart",
]

_FONT = 12
_CHAR = 0.66 * _FONT  # a generous advance of a sans-serif character, for layout only
_WIDTH = 720
_BAR = 18
_GAP = 8
_LABEL_MAX = 40  # characters of a label shown: all of every label a report draws
_AXIS = "#57606a"
_GRID = "#d0d7de"


# Colours a colour-blind reader tells apart (Okabe and Ito), one meaning each.
UNAUTHORIZED = "#cc79a7"
"""Searches performed without authority."""
LATE = "#d55e00"
"""Obligations violated: met late or not at all."""
MET = "#009e73"
"""Obligations met in time."""
PENDING = "#e69f00"
"""Obligations still pending; exigent requests."""
BLUE = "#0072b2"
"""Counts with no judgment attached (requests, searches)."""
GREY = "#8c959f"
"""What is not recorded, or neither."""


@attrs.frozen
class Series:
    """One series of a chart: its name, its colour and a value per category."""

    name: str
    color: str
    values: tuple[int, ...]


def _ticks(top: int) -> list[int]:
    """At most six round steps from 0 to at least ``top``."""
    if top <= 0:
        return [0, 1]
    raw = top / 5
    magnitude = 10 ** math.floor(math.log10(raw)) if raw >= 1 else 1
    step = next(m * magnitude for m in (1, 2, 5, 10) if m * magnitude >= raw)
    return list(range(0, math.ceil(top / step) * step + 1, step))


def _clip(label: str, limit: int = _LABEL_MAX) -> str:
    return label if len(label) <= limit else label[: limit - 1] + "…"


def _legend(series: Sequence[Series], y: int) -> list[str]:
    if len(series) < 2:  # noqa: PLR2004 - one series needs no key
        return []
    out, x = [], 0.0
    for s in series:
        out.append(
            f'<rect x="{x:.1f}" y="{y}" width="12" height="12" fill="{s.color}" rx="2"/>'
            f'<text x="{x + 17:.1f}" y="{y + 10}">{escape(s.name)}</text>'
        )
        x += 17 + len(s.name) * _CHAR + 20
    return out


def _frame(title: str, description: str, width: float, height: float, body: list[str]) -> str:
    # an id from the content, so the same chart is the same text on every run
    ident = "c" + hashlib.blake2s(f"{title}\0{description}".encode(), digest_size=4).hexdigest()
    return "".join(
        [
            (
                f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width:.0f} {height:.0f}" '
                f'width="100%" role="img" aria-labelledby="{ident}t {ident}d" '
                f'font-family="system-ui, sans-serif" font-size="{_FONT}" class="chart">'
            ),
            f'<title id="{ident}t">{escape(title)}</title>',
            f'<desc id="{ident}d">{escape(description)}</desc>',
            *body,
            "</svg>",
        ]
    )


def _describe(labels: Sequence[str], series: Sequence[Series]) -> str:
    parts = []
    for i, label in enumerate(labels):
        values = ", ".join(f"{s.values[i]:,} {s.name}" for s in series)
        parts.append(f"{label}: {values}")
    return "; ".join(parts) + "."


def _check(labels: Sequence[str], series: Sequence[Series]) -> None:
    for s in series:
        if len(s.values) != len(labels):
            msg = f"series {s.name!r} has {len(s.values)} values for {len(labels)} labels"
            raise ValueError(msg)
        if any(v < 0 for v in s.values):
            msg = f"series {s.name!r} has a negative value"
            raise ValueError(msg)


def bar_chart(
    *,
    title: str,
    labels: Sequence[str],
    series: Sequence[Series],
    vertical: bool = False,
) -> str:
    """A bar chart, stacked when there are several series, as an SVG element.

    Horizontal bars (one row per label, the label on the left) suit named categories;
    ``vertical`` columns suit a time series (the labels under the columns, every second
    one when they crowd). Each bar's total is written at its end.

    Raises:
        ValueError: a series has not one value per label, or a negative value.
    """
    _check(labels, series)
    if vertical:
        return _columns(title, labels, series)
    return _bars(title, labels, series)


def _bars(title: str, labels: Sequence[str], series: Sequence[Series]) -> str:
    totals = [sum(s.values[i] for s in series) for i in range(len(labels))]
    ticks = _ticks(max(totals, default=0))
    left = min(max((len(_clip(lb)) for lb in labels), default=4), _LABEL_MAX) * _CHAR + 12
    right = 8 * _CHAR  # room for the total written after the longest bar
    plot = _WIDTH - left - right
    legend = 24 if len(series) > 1 else 0
    top = legend + 4
    height = top + len(labels) * (_BAR + _GAP) + 22
    scale = plot / ticks[-1]
    body = _legend(series, 0)
    axis_y = top + len(labels) * (_BAR + _GAP)
    for t in ticks:
        x = left + t * scale
        body.append(
            f'<line x1="{x:.1f}" y1="{top - 2}" x2="{x:.1f}" y2="{axis_y}" stroke="{_GRID}"/>'
            f'<text x="{x:.1f}" y="{axis_y + 15}" text-anchor="middle" fill="{_AXIS}">'
            f"{t:,}</text>"
        )
    for i, label in enumerate(labels):
        y = top + i * (_BAR + _GAP)
        body.append(
            f'<text x="0" y="{y + _BAR / 2 + 4:.1f}">'
            f"<title>{escape(label)}</title>{escape(_clip(label))}</text>"
        )
        x = left
        for s in series:
            width = s.values[i] * scale
            if width > 0:
                body.append(
                    f'<rect x="{x:.1f}" y="{y}" width="{width:.1f}" height="{_BAR}" '
                    f'fill="{s.color}"><title>{escape(label)}: {s.values[i]:,} '
                    f"{escape(s.name)}</title></rect>"
                )
            x += width
        body.append(
            f'<text x="{x + 5:.1f}" y="{y + _BAR / 2 + 4:.1f}" font-weight="600">'
            f"{totals[i]:,}</text>"
        )
    body.append(
        f'<line x1="{left:.1f}" y1="{top - 2}" x2="{left:.1f}" y2="{axis_y}" stroke="{_AXIS}"/>'
    )
    return _frame(title, _describe(labels, series), _WIDTH, height, body)


def _columns(title: str, labels: Sequence[str], series: Sequence[Series]) -> str:
    totals = [sum(s.values[i] for s in series) for i in range(len(labels))]
    ticks = _ticks(max(totals, default=0))
    left = max(len(f"{ticks[-1]:,}") * _CHAR + 10, 30)
    legend = 24 if len(series) > 1 else 0
    top, plot_height = legend + 20, 180
    height = top + plot_height + 30
    plot = _WIDTH - left - 8
    slot = plot / max(len(labels), 1)
    bar = min(slot * 0.7, 48)
    every = max(1, math.ceil(len(max(labels, key=len, default="")) * _CHAR / (slot - 4)))
    scale = plot_height / ticks[-1]
    base = top + plot_height
    body = _legend(series, 0)
    for t in ticks:
        y = base - t * scale
        body.append(
            f'<line x1="{left:.1f}" y1="{y:.1f}" x2="{_WIDTH - 8}" y2="{y:.1f}" stroke="{_GRID}"/>'
            f'<text x="{left - 6:.1f}" y="{y + 4:.1f}" text-anchor="end" fill="{_AXIS}">'
            f"{t:,}</text>"
        )
    for i, label in enumerate(labels):
        x = left + i * slot + (slot - bar) / 2
        y = float(base)
        for s in series:
            h = s.values[i] * scale
            if h > 0:
                y -= h
                body.append(
                    f'<rect x="{x:.1f}" y="{y:.1f}" width="{bar:.1f}" height="{h:.1f}" '
                    f'fill="{s.color}"><title>{escape(label)}: {s.values[i]:,} '
                    f"{escape(s.name)}</title></rect>"
                )
        if totals[i]:
            body.append(
                f'<text x="{x + bar / 2:.1f}" y="{y - 4:.1f}" text-anchor="middle" '
                f'font-weight="600">{totals[i]:,}</text>'
            )
        if i % every == 0:
            body.append(
                f'<text x="{x + bar / 2:.1f}" y="{base + 16}" text-anchor="middle" '
                f'fill="{_AXIS}">{escape(label)}</text>'
            )
    body.append(
        f'<line x1="{left:.1f}" y1="{base}" x2="{_WIDTH - 8}" y2="{base}" stroke="{_AXIS}"/>'
    )
    return _frame(title, _describe(labels, series), _WIDTH, height, body)
