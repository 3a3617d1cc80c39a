"""The HTML format: a report as one self-contained page, styled, with charts, for screen and print.

The page is a single file: its style sheet is inline, its charts are inline SVG
(:mod:`frpolicy.reports._charts`), and it loads nothing from the network, so it can be mailed,
archived or attached to a filing and opens the same anywhere. It is well-formed XHTML
(an XML parser reads it), and everything from the input is escaped.

On screen the tables keep their header in view; in print the navigation is dropped,
table headers repeat on each page, and no chart or row is split across pages.
"""

from __future__ import annotations

import enum
from datetime import datetime
from html import escape

from frpolicy._text import printable
from frpolicy.law import Source, Verification
from frpolicy.reports._charts import bar_chart
from frpolicy.reports._document import (
    Cell,
    Column,
    Document,
    Filing,
    Kind,
    Table,
    assumption_lines,
    badge,
    human,
    listing_note,
)

__all__ = ["page"]

_STYLE = """
:root { --ink: #1f2328; --muted: #59636e; --line: #d1d9e0; --head: #f6f8fa;
  --accent: #0969da; --warn: #9a6700; --warn-bg: #fff8c5; }
* { box-sizing: border-box; }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { margin: 0; color: var(--ink); background: #fff;
  font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial,
  "Noto Sans", "DejaVu Sans", sans-serif; }
main { max-width: 1320px; margin: 0 auto; padding: 28px 32px 56px; }
header { border-bottom: 3px solid var(--ink); padding-bottom: 12px; margin-bottom: 20px; }
h1 { font-size: 26px; line-height: 1.25; margin: 0 0 6px; overflow-wrap: anywhere; }
h2 { font-size: 19px; margin: 36px 0 4px; padding-top: 8px; border-top: 1px solid var(--line); }
.facts { margin: 0; padding: 0; list-style: none; color: var(--muted); }
.findings { font-size: 17px; margin: 16px 0; }
.headline { display: grid; grid-template-columns: repeat(auto-fit, minmax(150px, 1fr));
  gap: 10px; margin: 16px 0 8px; padding: 0; list-style: none; }
.headline li { border: 1px solid var(--line); border-radius: 8px; padding: 10px 14px; }
.headline .n { display: block; font-size: 26px; font-weight: 650;
  font-variant-numeric: tabular-nums; }
.headline .k { color: var(--muted); font-size: 13px; }
nav { margin: 8px 0 0; font-size: 14px; }
nav a { color: var(--accent); text-decoration: none; margin-right: 14px; white-space: nowrap; }
nav a:hover { text-decoration: underline; }
.about { color: var(--muted); margin: 0 0 10px; max-width: 80ch; }
.cut { background: var(--warn-bg); border-left: 4px solid var(--warn); padding: 8px 12px;
  margin: 8px 0 12px; }
figure { margin: 8px 0 16px; max-width: 760px; break-inside: avoid; }
.scroll { overflow-x: auto; }
table { border-collapse: collapse; font-size: 13.5px; margin: 0 0 8px; }
th, td { border: 1px solid var(--line); padding: 4px 7px; text-align: left;
  vertical-align: top; }
thead th { background: var(--head); position: sticky; top: 0; z-index: 1;
  font-weight: 600; }
tbody tr:nth-child(even) td { background: #fafbfc; }
tbody.record tr td { background: #fff; }
tbody.record:nth-of-type(even) tr td { background: #f6f8fa; }
tbody.record tr:first-child td { border-bottom: 0; }
tr.under td { border-top: 0; padding: 0 8px 6px 24px; color: var(--ink); }
tr.under .label { color: var(--muted); }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
td.num { white-space: nowrap; }
thead th { vertical-align: bottom; }
td.id { white-space: nowrap; font-family: ui-monospace, SFMono-Regular, Menlo, Consolas,
  "DejaVu Sans Mono", monospace; font-size: 12.5px; }
td.when span, td.list span.id { white-space: nowrap; }
td.wide { min-width: 28ch; max-width: 70ch; }
td.phrase { min-width: 15ch; }
.none { color: var(--muted); font-style: italic; }
.assumed { margin: 10px 0 0; padding: 8px 12px 8px 28px; border-left: 4px solid var(--line);
  background: var(--head); color: var(--ink); font-size: 13.5px; overflow-wrap: anywhere; }
.assumed li.warn { color: var(--warn); font-weight: 600; }
.sureness { margin: 4px 0 12px; }
.sureness .frp-badge { margin: 0 2px 0 10px; }
.headline .span { display: block; color: var(--warn); font-size: 12.5px; }
.filing { display: grid; grid-template-columns: max-content 1fr; gap: 2px 14px;
  margin: 12px 0 4px; }
.filing dt { color: var(--muted); }
.filing dd { margin: 0; }
.signature { display: grid; grid-template-columns: max-content minmax(18em, 28em);
  gap: 18px 14px; margin: 18px 0 0; }
.signature dt { color: var(--muted); align-self: end; }
.signature dd { margin: 0; border-bottom: 1px solid var(--ink); min-height: 1.6em; }
.frp-badge { display: inline-block; padding: 0.05em 0.5em; border-radius: 0.7em;
  font-size: 0.85em; font-weight: 600; white-space: nowrap; border: 1px solid transparent; }
.frp-text { background: #d9f2dd; color: #0f5323; border-color: #7cc48a; }
.frp-summary { background: #fff1cc; color: #6b4a00; border-color: #e3bf5a; }
.frp-news { background: #ffe0cc; color: #7a2e00; border-color: #f0955a; }
.frp-unverified { background: #fbd5d5; color: #7d1010; border-color: #e57373; }
footer { margin-top: 40px; padding-top: 10px; border-top: 1px solid var(--line);
  color: var(--muted); font-size: 13px; }
@media print {
  @page { margin: 14mm 12mm; }
  body { font-size: 10pt; }
  main { max-width: none; padding: 0; }
  nav { display: none; }
  thead { display: table-header-group; }
  thead th { position: static; }
  tr, tbody.record, figure, .headline li, section.together, .certify, .lead {
    break-inside: avoid; }
  h2, .about, .cut { break-after: avoid; }
  table { font-size: 8.5pt; }
  .scroll { overflow: visible; }
  /* a page cannot scroll: a long id (a SHA-256, a path) breaks rather than be cut off */
  td.id span.long { white-space: normal; overflow-wrap: anywhere; }
}
"""

_CLASS = {
    Kind.COUNT: "num",
    Kind.HOURS: "num",
    Kind.ID: "id",
    Kind.WHEN: "when",
    Kind.LIST: "list",
}


def _e(text: str) -> str:
    return escape(printable(text))


def _cell_class(column: Column) -> str:
    if column.kind is Kind.TEXT and column.key in {"missing", "text"}:
        return ' class="wide"'
    if column.kind is Kind.TEXT and column.key in {"choice", "judge"}:
        return ' class="phrase"'
    name = _CLASS.get(column.kind)
    return f' class="{name}"' if name else ""


def _badge(source: Source) -> str:
    """A provision's source as the documentation shows it: a coloured badge."""
    return f'<span class="frp-badge frp-{source.verification.value}">{escape(badge(source))}</span>'


def _cell(value: Cell, column: Column) -> str:
    """A cell's HTML: a time may break between its day and its hour, a list between items."""
    if isinstance(value, Source):
        return _badge(value)
    if isinstance(value, datetime):
        day, _, hour = human(value, column.kind).partition(" ")
        return f"<span>{escape(day)}</span> <span>{escape(hour)}</span>"
    if isinstance(value, tuple) and column.kind is Kind.LIST:
        # an id never breaks; a label (an enumeration member) may
        return "<br />".join(
            ("<span>" if isinstance(item, enum.Enum) else '<span class="id">')
            + f"{escape(human((item,), column.kind))}</span>"
            for item in value
        )
    text = escape(human(value, column.kind))
    if column.kind is Kind.ID and len(text) > _LONG_ID:
        return f'<span class="long">{text}</span>'
    return text


_LONG_ID = 32
"""An id longer than this may break on a printed page, which cannot scroll (a SHA-256 is 64)."""


def _under(value: Cell, column: Column) -> str:
    """A cell shown under its row, across the table: a list runs on, as a sentence does."""
    if isinstance(value, tuple) and column.kind is Kind.LIST:
        return escape(human(value, column.kind))
    return _cell(value, column)


_KEEP_TOGETHER = 30
"""A section of at most this many rows is not split across printed pages."""


def _table(table: Table) -> list[str]:
    compact = ' class="together"' if len(table.rows) <= _KEEP_TOGETHER else ""
    # the heading, what the table shows and its chart stay on one printed page
    out = [
        f'<section id="{escape(table.name)}"{compact}>',
        '<div class="lead">',
        f"<h2>{_e(table.title)}</h2>",
    ]
    if table.about:
        out.append(f'<p class="about">{_e(table.about)}</p>')
    note = listing_note(table)
    if note:
        out.append(f'<p class="cut" role="note">{_e(note)}</p>')
    chart = table.chart
    if chart is not None and any(any(s.values) for s in chart.series):
        svg = bar_chart(
            title=printable(chart.title),
            labels=[printable(label) for label in chart.labels],
            series=chart.series,
            vertical=chart.vertical,
        )
        out.append(f"<figure>{svg}</figure>")
    out.append("</div>")
    if not table.rows:
        if not table.cut:
            out.append('<p class="none">None.</p>')
        out.append("</section>")
        return out
    shown = [i for i, c in enumerate(table.columns) if c.page and not c.under_row]
    under = [i for i, c in enumerate(table.columns) if c.page and c.under_row]
    heads = "".join(
        f'<th scope="col"{_cell_class(table.columns[i])}>{_e(table.columns[i].label)}</th>'
        for i in shown
    )
    out += ['<div class="scroll"><table>', f"<thead><tr>{heads}</tr></thead>"]
    if not under:
        out.append("<tbody>")
    for row in table.rows:
        cells = "".join(
            f"<td{_cell_class(table.columns[i])}>{_cell(row[i], table.columns[i])}</td>"
            for i in shown
        )
        if not under:
            out.append(f"<tr>{cells}</tr>")
            continue
        out += ['<tbody class="record">', f"<tr>{cells}</tr>"]
        out += [
            f'<tr class="under"><td colspan="{len(shown)}"><span class="label">'
            f"{_e(table.columns[i].label)}:</span> {_under(row[i], table.columns[i])}</td></tr>"
            for i in under
            if row[i] not in {None, "", ()}
        ]
        out.append("</tbody>")
    out += ["</table></div>" if under else "</tbody></table></div>", "</section>"]
    return out


_LETTER = {
    Verification.TEXT: "V",
    Verification.SUMMARY: "S",
    Verification.NEWS: "N",
    Verification.UNVERIFIED: "M",
}


def _filing(filing: Filing) -> list[str]:
    return [
        '<dl class="filing">',
        *(f"<dt>{_e(label)}</dt><dd>{_e(value)}</dd>" for label, value in filing.rows),
        "</dl>",
    ]


def _certification(filing: Filing) -> list[str]:
    return [
        '<section id="certification" class="certify">',
        "<h2>Certification</h2>",
        f"<p>{_e(filing.certification)}</p>",
        '<dl class="signature">',
        *(f"<dt>{_e(label)}</dt><dd></dd>" for label, _ in filing.signature),
        "</dl>",
        "</section>",
    ]


def _assumed(document: Document) -> list[str]:
    if document.assumptions is None:
        return []
    asked = bool(document.assumptions.not_adopted)
    lines = assumption_lines(document.assumptions)
    return [
        '<ul class="assumed" aria-label="What this report assumes">',
        *(
            f'<li class="warn">{_e(line)}</li>'
            if asked and line.startswith("Read otherwise")
            else f"<li>{_e(line)}</li>"
            for line in lines
        ),
        "</ul>",
    ]


def _sureness(document: Document) -> list[str]:
    if not document.resting_on:
        return []
    total = sum(n for _, n in document.resting_on)
    parts = "".join(
        f'<span class="frp-badge frp-{v.value}">{_LETTER[v]} · {v.value}</span> {n:,}'
        for v, n in document.resting_on
    )
    return [
        (
            f'<p class="sureness">The {total:,} findings by how the law behind them was read:'
            f"{parts}</p>"
        )
    ]


def _headline(document: Document) -> list[str]:
    spans = {s.label: s for s in document.spans}
    return [
        '<ul class="headline">',
        *(
            f'<li><span class="n">{value:,}</span><span class="k">{_e(key)}</span>'
            + (
                f'<span class="span" title="{_e(spans[key].said)}">{spans[key].low:,} to '
                f"{spans[key].high:,} under other readings</span>"
                if key in spans
                else ""
            )
            + "</li>"
            for key, value in document.headline
        ),
        "</ul>",
    ]


def page(document: Document) -> str:
    """The document as a self-contained XHTML page."""
    filing = document.filing
    out = [
        "<!DOCTYPE html>",
        '<html xmlns="http://www.w3.org/1999/xhtml" lang="en">',
        "<head>",
        '<meta charset="utf-8" />',
        '<meta name="viewport" content="width=device-width, initial-scale=1" />',
        f"<title>{_e(document.title)}</title>",
        f"<style>{_STYLE}</style>",
        "</head>",
        "<body>",
        "<main>",
        "<header>",
        f"<h1>{_e(document.title)}</h1>",
        *(_filing(filing) if filing is not None else []),
        '<ul class="facts">',
        *(f"<li>{_e(fact)}</li>" for fact in document.facts),
        "</ul>",
        *_assumed(document),
        "</header>",
        f'<p class="findings">{_e(document.findings)}</p>',
        *_sureness(document),
        *_headline(document),
        '<nav aria-label="Sections">',
        *(f'<a href="#{escape(t.name)}">{_e(t.title)}</a>' for t in document.sections),
        *(['<a href="#certification">Certification</a>'] if filing is not None else []),
        "</nav>",
    ]
    for table in document.sections:
        out += _table(table)
    if filing is not None:
        out += _certification(filing)
    out += [f"<footer>{_e(document.footer)}</footer>", "</main>", "</body>", "</html>", ""]
    return "\n".join(out)
