"""The reports the law of each place requires, found by their code: ``US-MD:annual-report``.

A :class:`StatutoryReport` is a report a provision requires an agency (or a judge) to make,
declared by its jurisdiction: its code, the provision and how sure its reading is, who
reports, to whom, by when and for what period, the report's own readings of the text, and
the function that makes it from a search log and the :class:`ReportTerms` (the period,
the law, who files it). Reports are found by entry point, as jurisdictions are: a package
adds one under the ``frpolicy.reports`` group, named by its code and naming a
:class:`StatutoryReport`. A plug-in that cannot be loaded never affects the others; it is
listed by :func:`report_errors`.

>>> [r.code for r in statutory_reports() if r.jurisdiction == "US-MA"]
['US-MA:eopss']
"""

from __future__ import annotations

import functools
import typing
from collections.abc import Callable, Iterable, Mapping
from typing import TYPE_CHECKING, Any

import attrs

from frpolicy.compliance import Entry
from frpolicy.jurisdictions import Jurisdiction, Version
from frpolicy.law import Citation, Reading, Source
from frpolicy.reports._assumptions import Assumptions, InputFile
from frpolicy.reports._common import Period, law_of

if TYPE_CHECKING:
    from importlib.metadata import EntryPoint, EntryPoints

    from frpolicy.reports._document import Document

__all__ = [
    "REPORT_ENTRY_POINT_GROUP",
    "Report",
    "ReportError",
    "ReportTerms",
    "StatutoryReport",
    "report_errors",
    "statutory_report",
    "statutory_reports",
]

REPORT_ENTRY_POINT_GROUP = "frpolicy.reports"
"""The entry-point group under which packages register statutory reports."""


class Report(typing.Protocol):
    """What a report made from a log is: a frozen attrs value that lays itself out.

    It states its ``assumptions`` (the law, the readings, the inputs), which every format
    shows.
    """

    @property
    def assumptions(self) -> Assumptions:
        """What the report rests on."""
        ...

    def document(self) -> Document:
        """The report laid out for people."""
        ...


@attrs.frozen(kw_only=True)
class ReportTerms:
    """What a statutory report is made for: the period, the law, who files it, what was read.

    ``law`` is the jurisdiction with the readings in force (default: the registered one,
    as adopted); ``version`` judges every record (default: the law in force on its day).
    ``agency`` makes one agency's own report (the id it files under); ``contact`` is who
    to ask about it. ``asked`` are the reading choices asked for, of the law and of the
    report (reading id to choice id). ``inputs`` are the files read, hashed. ``limit``
    lists at most so many records of each listing (the rest are counted);
    ``problem_limit``, so many input problems (default: ``limit``).
    """

    period: Period
    law: Jurisdiction | None = None
    version: Version | None = None
    agency: str | None = None
    contact: str = ""
    log: str = "the log"
    inputs: tuple[InputFile, ...] = ()
    asked: Mapping[str, str] = attrs.field(factory=dict)
    limit: int | None = None
    problem_limit: int | None = None

    def place(self, code: str) -> Jurisdiction:
        """The law to apply: the one given, or the registered jurisdiction of ``code``.

        Raises:
            ValueError: the law given is another jurisdiction's.
            LookupError: no jurisdiction of ``code`` is installed.
        """
        return law_of(code, self.law)

    def choice(self, reading: Reading) -> Reading:
        """A report's own reading, with the choice asked for (if any) in force.

        Raises:
            ValueError: the choice asked for is not one of the reading's.
        """
        asked = self.asked.get(reading.id)
        return reading if asked is None else reading.choose(asked)


def _non_empty(_instance: object, attribute: attrs.Attribute[Any], value: str) -> None:
    if not value.strip():
        msg = f"{attribute.name}: must not be empty"
        raise ValueError(msg)


@attrs.frozen(kw_only=True)
class StatutoryReport:
    """A report the law of a place requires, and how to make it from a search log.

    ``who`` reports, to ``recipient``, ``due`` by when, covering ``period`` (each in a
    phrase, as the provision has it). ``source`` says how sure the reading of the
    provision is. ``readings`` are questions the provision's text leaves open about the
    report itself, each with its choices (the first adopted); a choice is asked for with
    ``ReportTerms.asked``. ``make`` makes the report, a value of ``report_type`` (whose
    JSON Schema ``frpolicy schema`` prints); ``tables`` are the names of its tables, for
    ``--table``.
    """

    jurisdiction: str = attrs.field(validator=_non_empty)
    name: str = attrs.field(validator=_non_empty)
    title: str = attrs.field(validator=_non_empty)
    citation: Citation
    source: Source
    who: str
    recipient: str
    due: str
    period: str
    report_type: type
    tables: tuple[str, ...]
    make: Callable[[Iterable[tuple[int, Entry]], ReportTerms], Report] = attrs.field(
        eq=False, repr=False
    )
    readings: tuple[Reading, ...] = ()

    @property
    def code(self) -> str:
        """The report's code: its jurisdiction's, a colon, and its name."""
        return f"{self.jurisdiction}:{self.name}"


class ReportError(LookupError):
    """An installed report plug-in that cannot be used, and why, in one line."""

    def __init__(self, code: str, reason: str) -> None:
        """Record the code and the reason."""
        self.code = code
        self.reason = reason
        super().__init__(f"report {code!r} cannot be used: {reason}")

    def __str__(self) -> str:
        """The message, without the quotes a ``LookupError`` adds to its argument."""
        return str(self.args[0])


def _one_line(text: str, limit: int = 300) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else f"{text[:limit]} (cut)"


def _origin(entry: EntryPoint) -> str:
    dist = getattr(entry, "dist", None)
    package = f" of {dist.name} {dist.version}" if dist is not None else ""
    return f"the entry point {entry.name} = {entry.value}{package}"


def entry_points(*, group: str) -> EntryPoints:
    """The installed entry points of ``group``, read when a report is first asked for."""
    from importlib.metadata import entry_points as installed  # noqa: PLC0415 - costly import

    return installed(group=group)


@functools.cache
def _registry() -> dict[str, tuple[EntryPoint, ...]]:
    """The installed entry points of the group, by name: read once, loaded when asked."""
    found: dict[str, list[EntryPoint]] = {}
    for entry in entry_points(group=REPORT_ENTRY_POINT_GROUP):
        found.setdefault(entry.name, []).append(entry)
    return {name: tuple(found[name]) for name in sorted(found)}


@functools.cache
def _load(code: str) -> StatutoryReport | ReportError:
    """The report the entry points named ``code`` register, or why there is none."""
    loaded: list[StatutoryReport] = []
    for entry in _registry()[code]:
        try:
            value = entry.load()
        except (Exception, SystemExit) as error:  # noqa: BLE001 - any failure of a plug-in is its own
            reason = f"{_origin(entry)} failed to load: {type(error).__name__}: {error}"
            return ReportError(code, _one_line(reason))
        if not isinstance(value, StatutoryReport):
            kind = (
                f"the class {value.__name__}" if isinstance(value, type) else type(value).__name__
            )
            return ReportError(code, f"{_origin(entry)} names {kind}, not a StatutoryReport")
        if value.code != code:
            reason = f"{_origin(entry)} names the report {value.code!r}; an entry point is "
            reason += "named by its report's code"
            return ReportError(code, _one_line(reason))
        if all(value is not other for other in loaded):
            loaded.append(value)
    if len(loaded) > 1:
        origins = "; ".join(_origin(entry) for entry in _registry()[code])
        reason = f"{len(loaded)} packages register it ({origins}); uninstall all but one"
        return ReportError(code, _one_line(reason))
    return loaded[0]


def statutory_report(code: str) -> StatutoryReport:
    """The registered report with this code (``"US-MD:annual-report"``).

    Raises:
        ReportError: the plug-in registering it is broken (a ``LookupError``).
        LookupError: no installed package registers it.
    """
    if code not in _registry():
        installed = ", ".join(_registry()) or "none"
        msg = f"no report {code!r} is installed; installed: {installed}"
        raise LookupError(msg)
    found = _load(code)
    if isinstance(found, ReportError):
        raise found
    return found


def statutory_reports() -> tuple[StatutoryReport, ...]:
    """Every installed report that can be used, by code (see :func:`report_errors`)."""
    return tuple(found for code in _registry() if isinstance(found := _load(code), StatutoryReport))


def report_errors() -> tuple[ReportError, ...]:
    """Every installed report plug-in that cannot be used, by code, each with why."""
    return tuple(found for code in _registry() if isinstance(found := _load(code), ReportError))
