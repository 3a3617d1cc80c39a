r"""A report laid out as titled tables, and those tables as text, Markdown or CSV.

Every report of :mod:`frpolicy.reports` is first laid out as a :class:`Document`: a title,
a few lines of what was read and how, headline numbers, and tables (:class:`Table`), each with
its columns, its rows of typed cells, an optional :class:`Chart`, and, when a listing was
cut, how many rows exist. The renderers here (and the page of :mod:`frpolicy._html`) only
format what the document holds, so every format shows the same numbers.

Cells are typed values, not strings: a renderer for people shows a count as ``1,204``, a
time as ``2024-06-30 end of day`` and a duration as ``3.2 days``; the CSV writes the same
cells as ``1204``, ISO 8601 and hours, for a spreadsheet to sort and filter. Text from the
input (ids, names, messages) is escaped by :func:`~frpolicy._text.printable` in every
format a person reads.
"""

from __future__ import annotations

import csv
import enum
import io
import math
from collections.abc import Sequence
from datetime import datetime, time

import attrs

from frpolicy._cells import neutralised
from frpolicy._charts import Series
from frpolicy._text import printable

__all__ = [
    "Cell",
    "Chart",
    "Column",
    "Document",
    "Kind",
    "Table",
    "csv_table",
    "human",
    "listing_note",
    "markdown",
    "text",
]

Cell = str | int | float | datetime | enum.Enum | tuple[str | enum.Enum, ...] | None
"""A value in a table: text, a count, hours, a time, an enumeration member, a list, nothing."""


class Kind(enum.Enum):
    """What a column holds, which decides how each format writes it."""

    TEXT = "text"
    KEY = "key"
    """A name in snake case (``lines_read``): people read it with spaces."""
    ID = "id"
    """An identifier: never wrapped in a page."""
    COUNT = "count"
    WHEN = "when"
    HOURS = "hours"
    """A duration in hours: people read it in minutes, hours or days."""
    LIST = "list"


@attrs.frozen
class Column:
    """A column: its CSV header (``key``), its header for people, and what it holds."""

    key: str
    label: str
    kind: Kind = Kind.TEXT
    terminal: bool = True
    """Whether the text format shows it: a terminal is narrow."""
    page: bool = True
    """Whether the HTML page shows it (a page is wider; what it leaves out is elsewhere on it)."""
    under_row: bool = False
    """Whether the page shows it under its row, across the table: for a sentence, not a word."""


@attrs.frozen(kw_only=True)
class Chart:
    """A bar chart of a table's numbers, drawn on the page above the table."""

    title: str
    labels: tuple[str, ...]
    series: tuple[Series, ...]
    vertical: bool = False


@attrs.frozen(kw_only=True)
class Table:
    """A titled table of a report; ``name`` is how ``--table`` chooses it for CSV.

    ``total`` is how many rows exist when the table is a listing (violations, problems,
    changes, records), so a cut listing can say how many are not listed; ``noun`` names
    its rows (``violations``). ``about`` says in a sentence what the table shows.
    """

    name: str
    title: str
    columns: tuple[Column, ...]
    rows: tuple[tuple[Cell, ...], ...]
    about: str = ""
    total: int | None = None
    noun: str = "rows"
    chart: Chart | None = None

    @property
    def cut(self) -> int:
        """How many rows exist but are not listed."""
        return 0 if self.total is None else self.total - len(self.rows)


@attrs.frozen(kw_only=True)
class Document:
    """A report laid out for people: title, facts, headline numbers, findings, tables."""

    title: str
    facts: tuple[str, ...]
    headline: tuple[tuple[str, int], ...]
    findings: str
    tables: tuple[Table, ...]
    footer: str


# -- cells ----------------------------------------------------------------------------------


def _offset(moment: datetime) -> str:
    offset = moment.utcoffset()
    if offset is None:
        return ""
    minutes = int(offset.total_seconds() // 60)
    sign = "-" if minutes < 0 else "+"
    hours, rest = divmod(abs(minutes), 60)
    return f"{sign}{hours:02d}:{rest:02d}"


def when(moment: datetime) -> str:
    """A time as people read it: ``2024-03-01 14:05 -05:00``, or ``2024-06-30 end of day``."""
    if moment.time() == time.max:
        return f"{moment:%Y-%m-%d} end of day"
    return f"{moment:%Y-%m-%d %H:%M} {_offset(moment)}".rstrip()


def duration(hours: float) -> str:
    """Hours as people read them: ``40 minutes``, ``30.5 hours``, ``83.2 days``."""
    if hours < 1:
        return f"{math.ceil(hours * 60)} minutes"
    if hours < 48:  # noqa: PLR2004 - two days and more read better in days
        return f"{hours:,.1f} hours"
    return f"{hours / 24:,.1f} days"


def _label(member: enum.Enum) -> str:
    """A member as a table cell names it: ``criminal investigation``, ``the State Police``."""
    label = getattr(member, "label", None)
    if label is None:
        return str(member.value).replace("_", " ")
    return str(label).removeprefix("a ").removeprefix("an ")


def _item(item: str | enum.Enum) -> str:
    return _label(item) if isinstance(item, enum.Enum) else item


def human(cell: Cell, kind: Kind) -> str:  # noqa: PLR0911 - one return per kind of cell
    """A cell as a person reads it (escaped: never a control character)."""
    if cell is None or cell == ():
        return ""
    if isinstance(cell, bool):
        return "yes" if cell else "no"
    if isinstance(cell, int) and kind is Kind.COUNT:
        return f"{cell:,}"
    if isinstance(cell, float | int) and kind is Kind.HOURS:
        return duration(cell)
    if isinstance(cell, datetime):
        return when(cell)
    if isinstance(cell, enum.Enum):
        return _label(cell)
    if isinstance(cell, tuple):
        return printable(", ".join(_item(item) for item in cell))
    if kind is Kind.KEY:
        return printable(str(cell).replace("_", " "))
    return printable(str(cell))


def machine(cell: Cell, kind: Kind) -> str:  # noqa: PLR0911 - one return per kind of cell
    """A cell for a spreadsheet: ISO 8601, enumeration values, plain numbers.

    Text that a spreadsheet would run as a formula (``=``, ``+``, ``-``, ``@`` first, after
    any spaces, or their full-width forms) is prefixed with ``'``, as spreadsheets
    themselves mark text (:func:`~frpolicy._cells.neutralised`), and control characters
    are escaped: a CSV is opened by people too.
    """
    if cell is None:
        return ""
    if isinstance(cell, bool):
        return "true" if cell else "false"
    if isinstance(cell, float):
        return f"{cell:.2f}"
    if isinstance(cell, int):
        return str(cell)
    if isinstance(cell, datetime):
        return cell.isoformat()
    if isinstance(cell, enum.Enum):
        return str(cell.value)
    if isinstance(cell, tuple):
        cell = "; ".join(str(i.value) if isinstance(i, enum.Enum) else i for i in cell)
    value = printable(cell)
    return value if kind is Kind.COUNT else neutralised(value)


def listing_note(table: Table) -> str:
    """What a cut listing says where it is listed: how many rows exist and are not shown."""
    if not table.cut or table.total is None:
        return ""
    shown = len(table.rows)
    if shown == 0:
        return (
            f"None of the {table.total:,} {table.noun} is listed: the report was made with a "
            "limit of 0. Each is counted in the totals and charts."
        )
    return (
        f"{shown:,} of {table.total:,} {table.noun} listed; the other {table.cut:,} are "
        f"counted in the totals and charts but not listed: the report was limited to {shown:,}."
    )


# -- text -----------------------------------------------------------------------------------


def text(document: Document) -> str:
    """The document as plain text for a terminal: aligned columns, one row a line."""
    out = [printable(document.title), "=" * len(printable(document.title))]
    out += [printable(f) for f in document.facts]
    out += ["", printable(document.findings), ""]
    for table in document.tables:
        title = printable(table.title)
        out += [title, "-" * len(title)]
        note = listing_note(table)
        if note:
            out.append(f"  ({note})")
        if not table.rows:
            out += ["  (none)", ""] if not table.cut else [""]
            continue
        shown = [i for i, c in enumerate(table.columns) if c.terminal]
        columns = [table.columns[i] for i in shown]
        header = [c.label for c in columns]
        cells = [[human(r[i], table.columns[i].kind) for i in shown] for r in table.rows]
        widths = [max(len(x) for x in column) for column in zip(header, *cells, strict=True)]
        right = [c.kind in {Kind.COUNT, Kind.HOURS} for c in columns]
        for row in (header, *cells):
            padded = [
                x.rjust(w) if r else x.ljust(w) for x, w, r in zip(row, widths, right, strict=True)
            ]
            out.append("  " + "  ".join(padded).rstrip())
        out.append("")
    out.append(printable(document.footer))
    return "\n".join(out) + "\n"


# -- Markdown -------------------------------------------------------------------------------


def _md(cell: str) -> str:
    escaped = "".join(f"\\{ch}" if ch in "\\`*_[]<>|#" else ch for ch in cell)
    return escaped or " "


def markdown(document: Document) -> str:
    """The document as Markdown (GitHub's tables), for a wiki, a ticket or a pull request."""
    out = [f"# {_md(printable(document.title))}", ""]
    out += [f"{_md(printable(f))}  " for f in document.facts]
    out += ["", _md(printable(document.findings)), ""]
    for table in document.tables:
        out += [f"## {_md(printable(table.title))}", ""]
        if table.about:
            out += [_md(table.about), ""]
        note = listing_note(table)
        if note:
            out += [f"> {_md(note)}", ""]
        if not table.rows:
            out += ["(none)", ""] if not table.cut else []
            continue
        out.append("| " + " | ".join(_md(c.label) for c in table.columns) + " |")
        out.append(
            "|"
            + "".join(
                "---:|" if c.kind in {Kind.COUNT, Kind.HOURS} else "---|" for c in table.columns
            )
        )
        for row in table.rows:
            cells = (_md(human(v, c.kind)) for v, c in zip(row, table.columns, strict=True))
            out.append("| " + " | ".join(cells) + " |")
        out.append("")
    out.append(f"*{_md(printable(document.footer))}*")
    return "\n".join(out) + "\n"


# -- CSV ------------------------------------------------------------------------------------


def csv_table(table: Table) -> str:
    """One table as CSV, a header row of column keys and a row per row, every row listed.

    Raises:
        ValueError: the table is a listing that was cut: a CSV table is always whole.
    """
    if table.cut:
        msg = (
            f"the {table.name} table lists {len(table.rows):,} of {table.total:,} "
            f"{table.noun}; a CSV table is always whole: make the report without a limit"
        )
        raise ValueError(msg)
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow([c.key for c in table.columns])
    for row in table.rows:
        writer.writerow([machine(v, c.kind) for v, c in zip(row, table.columns, strict=True)])
    return buffer.getvalue()


def table_named(tables: Sequence[Table], name: str) -> Table:
    """The table called ``name``.

    Raises:
        ValueError: there is none; the message lists the names there are.
    """
    for table in tables:
        if table.name == name:
            return table
    msg = f"no table {name!r} in this report; tables: {', '.join(t.name for t in tables)}"
    raise ValueError(msg)
