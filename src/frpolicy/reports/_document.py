r"""A report laid out as titled tables: what every format of :mod:`frpolicy.reports` writes.

Every report is first laid out as a :class:`Document`: a title, a few lines of what was
read and how, headline numbers, and tables (:class:`Table`), each with its columns, its
rows of typed cells, an optional :class:`Chart`, and, when a listing was cut, how many rows
exist. The renderers (one module a format: text, Markdown, CSV, HTML) only format what the
document holds, so every format shows the same numbers.

Cells are typed values, not strings: a renderer for people shows a count as ``1,204``, a
time as ``2024-06-30 end of day`` and a duration as ``3.2 days``; the CSV writes the same
cells as ``1204``, ISO 8601 and hours, for a spreadsheet to sort and filter. Text from the
input (ids, names, messages) is escaped by :func:`~frpolicy._text.printable` in every
format a person reads.
"""

from __future__ import annotations

import enum
import math
from collections.abc import Sequence
from datetime import datetime, time
from typing import Any

import attrs

from frpolicy._text import printable
from frpolicy.reports._charts import Series

__all__ = [
    "COUNT_COLUMNS",
    "Cell",
    "Chart",
    "Column",
    "Document",
    "Kind",
    "Table",
    "count_rows",
    "duration",
    "human",
    "listing_note",
    "machine",
    "table_named",
    "when",
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


_FORMULA = ("=", "+", "-", "@", "\t", "\r")


def machine(cell: Cell, kind: Kind) -> str:  # noqa: PLR0911 - one return per kind of cell
    """A cell for a spreadsheet: ISO 8601, enumeration values, plain numbers.

    Text that a spreadsheet would run as a formula (``=``, ``+``, ``-``, ``@`` first) is
    prefixed with ``'``, as spreadsheets themselves mark text, and control characters are
    escaped: a CSV is opened by people too.
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
    if kind is not Kind.COUNT and value.startswith(_FORMULA):
        return "'" + value
    return value


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


COUNT_COLUMNS = (Column("measure", "", Kind.KEY), Column("count", "count", Kind.COUNT))
"""The columns of a table of counts by measure, as :func:`count_rows` fills them."""


def count_rows(value: Any) -> tuple[tuple[Cell, ...], ...]:  # noqa: ANN401 - any attrs class of counts
    """A row per field of an attrs class of counts (a report's totals): its name and count."""
    return tuple((f.name, getattr(value, f.name)) for f in attrs.fields(type(value)))
