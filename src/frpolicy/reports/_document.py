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

from frpolicy._cells import neutralised
from frpolicy._text import printable
from frpolicy.law import Source, Verification
from frpolicy.reports._assumptions import Assumptions, ChoiceOrigin, ReadingInForce
from frpolicy.reports._charts import Series

__all__ = [
    "COUNT_COLUMNS",
    "Cell",
    "Chart",
    "Column",
    "Document",
    "Filing",
    "Kind",
    "Span",
    "Table",
    "assumption_lines",
    "assumptions_table",
    "badge",
    "count_rows",
    "duration",
    "human",
    "listing_note",
    "machine",
    "table_named",
    "when",
]

Cell = str | int | float | datetime | enum.Enum | tuple[str | enum.Enum, ...] | Source | None
"""A value in a table: text, a count, hours, a time, an enumeration member, a list, a
provision's source, nothing."""


class Kind(enum.Enum):
    """What a column holds, which decides how each format writes it."""

    TEXT = "text"
    """Text, written as it is (escaped where people read it)."""
    KEY = "key"
    """A name in snake case (``lines_read``): people read it with spaces."""
    ID = "id"
    """An identifier: never wrapped in a page."""
    COUNT = "count"
    """A count: ``1,204`` for people, ``1204`` in CSV."""
    WHEN = "when"
    """A time: ``2024-03-01 14:05 -05:00`` for people, ISO 8601 in CSV."""
    HOURS = "hours"
    """A duration in hours: people read it in minutes, hours or days."""
    LIST = "list"
    """A list: comma-separated for people, ``;``-separated in CSV."""
    SOURCE = "source"
    """How a provision was read and how sure that is (a :class:`~frpolicy.law.Source`): a
    badge on a page, as in the documentation; two columns in CSV, ``verification`` and
    ``confidence``."""


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
class Filing:
    """A report as an agency files it: who files it, with whom, for when, and who signs.

    ``filer`` and ``contact`` are left as lines to fill in when empty. ``certification``
    is the statement the signature certifies.
    """

    filer_role: str
    filer: str
    contact: str
    recipient: str
    period: str
    due: str
    certification: str

    @property
    def rows(self) -> tuple[tuple[str, str], ...]:
        """The block's lines, a label and its value (a blank to fill in: a rule)."""
        blank = "_" * 32
        return (
            (self.filer_role, self.filer or blank),
            ("Contact", self.contact or blank),
            ("Filed with", self.recipient),
            ("Period", self.period),
            ("Due", self.due),
        )

    @property
    def signature(self) -> tuple[tuple[str, str], ...]:
        """The lines a signer fills in."""
        return (("Signature", "_" * 32), ("Name and title", "_" * 32), ("Date", "_" * 16))


@attrs.frozen(kw_only=True)
class Span:
    """How far a headline figure moves under the other readings of the law: least, most, why."""

    label: str
    low: int
    high: int
    said: str


@attrs.frozen(kw_only=True)
class Document:
    """A report laid out for people: title, facts, headline numbers, findings, tables.

    ``assumptions`` (what the report rests on) follow the tables in every format, and a
    few lines of them the facts. ``resting_on`` counts the findings by how the provisions
    behind them were read, for the headline. ``spans`` say, for a headline figure, how far
    it moves under the other readings of the law. ``filing`` is the block of a report an
    agency files: who files it, and the certification they sign.
    """

    title: str
    facts: tuple[str, ...]
    headline: tuple[tuple[str, int], ...]
    findings: str
    tables: tuple[Table, ...]
    footer: str
    assumptions: Assumptions | None = None
    resting_on: tuple[tuple[Verification, int], ...] = ()
    spans: tuple[Span, ...] = ()
    filing: Filing | None = None
    default: str = ""
    """The table a CSV holds when none is named (the first, when empty)."""

    @property
    def sections(self) -> tuple[Table, ...]:
        """The tables, then the table of what the report assumes."""
        if self.assumptions is None:
            return self.tables
        return (*self.tables, assumptions_table(self.assumptions))

    @property
    def header(self) -> tuple[str, ...]:
        """The facts, then what the report assumes, in a few lines."""
        if self.assumptions is None:
            return self.facts
        return (*self.facts, *assumption_lines(self.assumptions))

    @property
    def sureness(self) -> str:
        """The findings by how the law behind them was read, in a sentence (or nothing)."""
        if not self.resting_on:
            return ""
        parts = [f"{n:,} {_READ_FROM[v]} ({_LETTER[v]})" for v, n in self.resting_on]
        total = sum(n for _, n in self.resting_on)
        return (
            f"Of the {total:,} findings, "
            + ", ".join(parts)
            + ": each as sure as the least sure of its provision and the readings it rests on."
        )


_LETTER = {
    Verification.TEXT: "V",
    Verification.SUMMARY: "S",
    Verification.NEWS: "N",
    Verification.UNVERIFIED: "M",
}
"""The letters of the provisions catalog, as the documentation's badges show them."""
_READ_FROM = {
    Verification.TEXT: "rest on the text of the law",
    Verification.SUMMARY: "on a summary",
    Verification.NEWS: "on the news",
    Verification.UNVERIFIED: "on what no source checks",
}


def badge(source: Source) -> str:
    """A source as the documentation's badge reads: ``V · text · high``."""
    verification = source.verification
    return f"{_LETTER[verification]} · {verification.value} · {source.confidence.value}"


def assumption_lines(a: Assumptions) -> list[str]:
    """What a report assumes, in a few lines for its heading."""
    laws = "; ".join(f"{law.jurisdiction} {law.instrument} ({law.package})" for law in a.laws)
    lines = [f"Made by {a.library}, applying {laws or 'no law'}."]
    asked = a.not_adopted
    if a.readings:
        said = ", ".join(
            f"{r.label} ({_whose(r)}; {r.verification.value}, {r.confidence.value} confidence)"
            for r in a.readings
        )
        lines.append(f"Readings of the law in force: {said}.")
    if asked:
        lines.append(
            "Read otherwise than adopted: " + ", ".join(r.label for r in asked) + "; each "
            "count of this report rests on that choice."
        )
    lines.extend(
        f"Read {f.name} ({f.role}): {f.lines:,} lines, {f.bytes:,} bytes, SHA-256 {f.sha256}."
        for f in a.inputs
    )
    return lines


def _whose(r: ReadingInForce) -> str:
    if r.origin is ChoiceOrigin.ADOPTED:
        return "adopted"
    return "asked, the adopted reading" if r.adopted else "asked, NOT the adopted reading"


def assumptions_table(a: Assumptions) -> Table:
    """What a report assumes, a row an assumption: library, law, readings, inputs, as-of."""
    rows: list[tuple[Cell, ...]] = [("library", "frpolicy", a.library, None, None, None)]
    rows += [
        (
            "law",
            f"{law.jurisdiction} {law.instrument}",
            law.status.replace("_", " "),
            None,
            None,
            f"encoded by {law.package}",
        )
        for law in a.laws
    ]
    rows += [
        (
            "reading",
            r.reading,
            r.choice,
            Source(verification=r.verification, confidence=r.confidence),
            _whose(r),
            f"{r.question} Read as: {r.choice_text} ({r.citation or ', '.join(r.instruments)})",
        )
        for r in a.readings
    ]
    rows += [
        (
            "input",
            f.name,
            f.sha256,
            None,
            None,
            f"the {f.role}: {f.lines:,} lines, {f.bytes:,} bytes",
        )
        for f in a.inputs
    ]
    if a.as_of is not None:
        rows.append(("as of", "obligations checked", a.as_of, None, None, a.as_of_source))
    return Table(
        name="assumptions",
        title="What this report assumes",
        about="The library and the law that made this report, each reading of the law in "
        "force (with how sure it is, and whether it is the reading adopted), each input read "
        "(its SHA-256 is what sha256sum prints), and the time obligations were checked at.",
        columns=(
            Column("kind", "kind"),
            Column("name", "name", Kind.ID),
            Column("value", "value", Kind.ID),
            Column("source", "how sure", Kind.SOURCE),
            Column("choice", "choice"),
            Column("detail", "detail", under_row=True, terminal=False),
        ),
        rows=tuple(rows),
    )


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
    if isinstance(cell, Source):
        return badge(cell)
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
    if isinstance(cell, Source):
        return f"{cell.verification.value}; {cell.confidence.value}"
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
