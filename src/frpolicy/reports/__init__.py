"""Reports: what an audit found, and what the law has agencies report, as data and as pages.

An audit (:func:`~frpolicy.compliance.audit_log`) counts as it reads; :func:`audit_report`
turns what it counted into an :class:`AuditReport`, a frozen value holding every number
any format shows: totals, requests by outcome, agency and provision, obligations by duty,
violations by provision and by month, each violation, each input problem, and, with a
comparison, what another version of the law would change. :func:`eopss_report` reads a log
for one period into an :class:`EopssReport`: the requests and searches Massachusetts law has
reported to the Executive Office of Public Safety and Security (EOPSS), each one and in
statistics.

:func:`render` writes either report in one of :data:`FORMATS`: ``text`` for a terminal,
``markdown``, ``json`` (the report's own fields, described by its JSON Schema:
``frpolicy.json_schema(AuditReport)``), ``csv`` (one table a file, chosen by name, every
row listed) and ``html`` (one self-contained page with charts, for the screen and for
print). Every format shows the same numbers.

Nothing is cut without saying so. A report lists every violation, input problem, change and
record, unless the audit was made with a limit (to keep a terminal short); then the listing
says, where it is listed, how many are not, and a CSV of that listing is refused rather than
written short.

Nor is a long listing held in memory. The violations of an audit that lists every one wait,
past a few thousand, in a temporary file; the report's listing (a :class:`Listing`) reads
them back in the log's order as it is iterated, and :func:`stream` writes the report in
pieces, the listing a row at a time, so a report of a million lines takes the memory of one
of a few thousand. :func:`render` gives the same text whole.

>>> from datetime import datetime, timezone
>>> import frpolicy
>>> from frpolicy.compliance import audit_log
>>> ma = frpolicy.jurisdiction("US-MA")
>>> result = audit_log([], ma, as_of=datetime(2025, 1, 1, tzinfo=timezone.utc))
>>> report = audit_report(result, log="searches.jsonl")
>>> report.totals.lines_read, report.totals.violations
(0, 0)
>>> render(report, "text").splitlines()[0]
'Audit of searches.jsonl'
>>> render(report, "csv", table="violations").splitlines()[0].split(",")[:4]
['line', 'request_id', 'agency', 'performing_agency']

Every report states what it rests on (:class:`Assumptions`): the library and the law that
made it, each reading of the law in force with how sure it is and whether it was adopted or
asked for, each input file with its lines and SHA-256, and the time obligations were checked
at. Each count by provision and each violation carries how sure the provision behind it is,
and an audit made under every reading (:class:`ReadingsAudit`) says how far each count moves
under the other readings (:class:`Sensitivity`).

The reports the law of a place requires are registered by their code (``US-MA:eopss``,
``US-MD:annual-report``...) as :class:`StatutoryReport` objects, found by
:func:`statutory_report`; a package adds its own under the ``frpolicy.reports`` entry-point
group. A report lays itself out as a :class:`Document` of titled :class:`Table` objects,
which every format writes.

The work is done in private modules, one a report (the audit, EOPSS, Maryland's, Maine's,
Montana's, Utah's, Virginia's, Washington's, the EU's) and one a format (text, Markdown, CSV, HTML);
this module is their public face.
"""

from __future__ import annotations

import importlib
from collections.abc import Iterator
from typing import TYPE_CHECKING

from frpolicy.reports._assumptions import (
    ASSUMPTIONS_VERSION,
    Assumptions,
    ChoiceOrigin,
    HashingReader,
    InputFile,
    LawApplied,
    ReadingInForce,
)
from frpolicy.reports._audit import (
    AUDIT_TABLES,
    AgencyCount,
    AuditReport,
    ChangeRecord,
    ComparisonReport,
    CountRange,
    DutyCount,
    MonthCount,
    OutcomeCount,
    ProvisionChanges,
    ProvisionCount,
    ProvisionViolations,
    ReadingChoiceCounts,
    Sensitivity,
    Totals,
    Transition,
    VerificationCount,
    VersionCount,
    ViolationRecord,
    audit_report,
)
from frpolicy.reports._charts import Series
from frpolicy.reports._common import SCHEMA_VERSION, Filer, NotAllowedRecord, Period, ProblemRecord
from frpolicy.reports._csv import csv_lines
from frpolicy.reports._document import (
    Cell,
    Chart,
    Column,
    Document,
    Filing,
    Kind,
    Listing,
    Span,
    Table,
    table_named,
)
from frpolicy.reports._eopss import (
    EOPSS_TABLES,
    AgencyStatistics,
    Basis,
    DatabaseCount,
    EopssReport,
    EopssTotals,
    LawNote,
    RaceCount,
    RequestRecord,
    SearcherStatistics,
    eopss_report,
)
from frpolicy.reports._json import json_chunks
from frpolicy.reports._markdown import markdown_lines
from frpolicy.reports._registry import (
    REPORT_ENTRY_POINT_GROUP,
    Report,
    ReportError,
    ReportTerms,
    StatutoryReport,
    report_errors,
    statutory_report,
    statutory_reports,
)
from frpolicy.reports._sensitivity import OtherReading, ReadingsAudit, other_choices
from frpolicy.reports._text import text_lines

if TYPE_CHECKING:
    from frpolicy.reports._eu import (
        EU_TABLES,
        EuNotificationReport,
        EuNotificationTotals,
        EuObjectiveCount,
        EuUse,
        eu_notifications,
    )
    from frpolicy.reports._us_md import (
        MARYLAND_TABLES,
        CrimeCount,
        MarylandAnnualReport,
        MarylandSearch,
        MarylandTotals,
        MatchCount,
        PersonCount,
        SystemUse,
        maryland_annual_report,
    )
    from frpolicy.reports._us_me import (
        BUREAU_LOG_TABLES,
        BureauLog,
        BureauLogTotals,
        LoggedRequest,
        PlaceCount,
        PurposeCount,
        bureau_log,
    )
    from frpolicy.reports._us_mt import (
        MONTANA_DEPARTMENT_TABLES,
        MONTANA_LOCAL_TABLES,
        MontanaDepartmentReport,
        MontanaDepartmentTotals,
        MontanaLocalReport,
        MontanaLocalTotals,
        MontanaSearch,
        OffenseSearches,
        RequesterSearches,
        montana_department_report,
        montana_local_report,
    )
    from frpolicy.reports._us_ut import (
        UTAH_TABLES,
        CrimeTypeCount,
        ImageSourceCount,
        UtahAnnualReport,
        UtahRequest,
        UtahTotals,
        utah_annual_report,
    )
    from frpolicy.reports._us_va import (
        VIRGINIA_TABLES,
        DatabaseUse,
        QueriedCount,
        TechnologyUse,
        UseCount,
        VirginiaAnnualReport,
        VirginiaTotals,
        VirginiaUse,
        virginia_annual_report,
    )
    from frpolicy.reports._us_wa import (
        SUBJECTS_TABLES,
        WARRANT_TABLES,
        JudgeCount,
        SubjectCount,
        SurveillanceWarrant,
        WarrantReport,
        WarrantSubjectsReport,
        WarrantTotals,
        colorado_warrant_report,
        colorado_warrant_subjects_report,
        warrant_report,
        warrant_subjects_report,
    )

__all__ = [
    "ASSUMPTIONS_VERSION",
    "AUDIT_TABLES",
    "BUREAU_LOG_TABLES",
    "EOPSS_TABLES",
    "EU_TABLES",
    "FORMATS",
    "MARYLAND_TABLES",
    "MONTANA_DEPARTMENT_TABLES",
    "MONTANA_LOCAL_TABLES",
    "REPORT_ENTRY_POINT_GROUP",
    "SCHEMA_VERSION",
    "SUBJECTS_TABLES",
    "UTAH_TABLES",
    "VIRGINIA_TABLES",
    "WARRANT_TABLES",
    "AgencyCount",
    "AgencyStatistics",
    "Assumptions",
    "AuditReport",
    "Basis",
    "BureauLog",
    "BureauLogTotals",
    "Cell",
    "ChangeRecord",
    "Chart",
    "ChoiceOrigin",
    "Column",
    "ComparisonReport",
    "CountRange",
    "CrimeCount",
    "CrimeTypeCount",
    "DatabaseCount",
    "DatabaseUse",
    "Document",
    "DutyCount",
    "EopssReport",
    "EopssTotals",
    "EuNotificationReport",
    "EuNotificationTotals",
    "EuObjectiveCount",
    "EuUse",
    "Filer",
    "Filing",
    "HashingReader",
    "ImageSourceCount",
    "InputFile",
    "JudgeCount",
    "Kind",
    "LawApplied",
    "LawNote",
    "Listing",
    "LoggedRequest",
    "MarylandAnnualReport",
    "MarylandSearch",
    "MarylandTotals",
    "MatchCount",
    "MontanaDepartmentReport",
    "MontanaDepartmentTotals",
    "MontanaLocalReport",
    "MontanaLocalTotals",
    "MontanaSearch",
    "MonthCount",
    "NotAllowedRecord",
    "OffenseSearches",
    "OtherReading",
    "OutcomeCount",
    "Period",
    "PersonCount",
    "PlaceCount",
    "ProblemRecord",
    "ProvisionChanges",
    "ProvisionCount",
    "ProvisionViolations",
    "PurposeCount",
    "QueriedCount",
    "RaceCount",
    "ReadingChoiceCounts",
    "ReadingInForce",
    "ReadingsAudit",
    "Report",
    "ReportError",
    "ReportTerms",
    "RequestRecord",
    "RequesterSearches",
    "SearcherStatistics",
    "Sensitivity",
    "Series",
    "Span",
    "StatutoryReport",
    "SubjectCount",
    "SurveillanceWarrant",
    "SystemUse",
    "Table",
    "TechnologyUse",
    "Totals",
    "Transition",
    "UseCount",
    "UtahAnnualReport",
    "UtahRequest",
    "UtahTotals",
    "VerificationCount",
    "VersionCount",
    "ViolationRecord",
    "VirginiaAnnualReport",
    "VirginiaTotals",
    "VirginiaUse",
    "WarrantReport",
    "WarrantSubjectsReport",
    "WarrantTotals",
    "audit_report",
    "bureau_log",
    "colorado_warrant_report",
    "colorado_warrant_subjects_report",
    "eopss_report",
    "eu_notifications",
    "maryland_annual_report",
    "montana_department_report",
    "montana_local_report",
    "other_choices",
    "render",
    "report_errors",
    "statutory_report",
    "statutory_reports",
    "stream",
    "utah_annual_report",
    "virginia_annual_report",
    "warrant_report",
    "warrant_subjects_report",
]

# Each state's report loads its state's law: imported when first used.
_LAZY = {
    "frpolicy.reports._us_md": (
        "MARYLAND_TABLES",
        "CrimeCount",
        "MarylandAnnualReport",
        "MarylandSearch",
        "MarylandTotals",
        "MatchCount",
        "PersonCount",
        "SystemUse",
        "maryland_annual_report",
    ),
    "frpolicy.reports._us_me": (
        "BUREAU_LOG_TABLES",
        "BureauLog",
        "BureauLogTotals",
        "LoggedRequest",
        "PlaceCount",
        "PurposeCount",
        "bureau_log",
    ),
    "frpolicy.reports._us_wa": (
        "SUBJECTS_TABLES",
        "WARRANT_TABLES",
        "JudgeCount",
        "SubjectCount",
        "SurveillanceWarrant",
        "WarrantReport",
        "WarrantSubjectsReport",
        "WarrantTotals",
        "colorado_warrant_report",
        "colorado_warrant_subjects_report",
        "warrant_report",
        "warrant_subjects_report",
    ),
    "frpolicy.reports._us_mt": (
        "MONTANA_DEPARTMENT_TABLES",
        "MONTANA_LOCAL_TABLES",
        "MontanaDepartmentReport",
        "MontanaDepartmentTotals",
        "MontanaLocalReport",
        "MontanaLocalTotals",
        "MontanaSearch",
        "OffenseSearches",
        "RequesterSearches",
        "montana_department_report",
        "montana_local_report",
    ),
    "frpolicy.reports._eu": (
        "EU_TABLES",
        "EuNotificationReport",
        "EuNotificationTotals",
        "EuObjectiveCount",
        "EuUse",
        "eu_notifications",
    ),
    "frpolicy.reports._us_ut": (
        "UTAH_TABLES",
        "CrimeTypeCount",
        "ImageSourceCount",
        "UtahAnnualReport",
        "UtahRequest",
        "UtahTotals",
        "utah_annual_report",
    ),
    "frpolicy.reports._us_va": (
        "VIRGINIA_TABLES",
        "DatabaseUse",
        "QueriedCount",
        "TechnologyUse",
        "UseCount",
        "VirginiaAnnualReport",
        "VirginiaTotals",
        "VirginiaUse",
        "virginia_annual_report",
    ),
}


def __dir__() -> list[str]:
    """The module's names, those imported when first used among them."""
    return sorted({*globals(), *__all__})


def __getattr__(name: str) -> object:
    """The names of a state's reports, imported the first time one is used."""
    for module, names in _LAZY.items():
        if name in names:
            value = getattr(importlib.import_module(module), name)
            globals()[name] = value
            return value
    msg = f"module 'frpolicy.reports' has no attribute {name!r}"
    raise AttributeError(msg)


FORMATS = ("text", "markdown", "json", "csv", "html")
"""The formats a report renders in."""


def render(report: Report, fmt: str, *, table: str | None = None) -> str:
    """A report in one of :data:`FORMATS`, whole (:func:`stream` writes it in pieces).

    Args:
        report: What to render: an :class:`AuditReport`, an :class:`EopssReport`, or any
            report a :class:`StatutoryReport` makes.
        fmt: ``text``, ``markdown``, ``json``, ``csv`` or ``html``.
        table: For ``csv``, the table to write (:data:`AUDIT_TABLES`,
            :data:`EOPSS_TABLES`, a statutory report's ``tables``; default the first: the
            violations of an audit, the requests of an EOPSS report).

    Raises:
        ValueError: an unknown format or table, a table for a format other than ``csv``,
            or a CSV of a listing the report does not hold whole.
    """
    return "".join(stream(report, fmt, table=table))


def stream(report: Report, fmt: str, *, table: str | None = None) -> Iterator[str]:
    """A report in one of :data:`FORMATS`, in pieces: what :func:`render` gives, joined.

    The pieces are lines, or, in JSON, runs of lines; a long listing is read and written
    a row at a time, so writing each piece as it comes holds no more than one. Everything
    :func:`render` refuses is refused before the first piece.

    >>> from datetime import datetime, timezone
    >>> import frpolicy
    >>> from frpolicy.compliance import audit_log
    >>> as_of = datetime(2025, 1, 1, tzinfo=timezone.utc)
    >>> report = audit_report(audit_log([], frpolicy.jurisdiction("US-MA"), as_of=as_of))
    >>> "".join(stream(report, "markdown")) == render(report, "markdown")
    True

    Raises:
        ValueError: as :func:`render`.
    """
    if fmt not in FORMATS:
        msg = f"no report format {fmt!r}; known: {', '.join(FORMATS)}"
        raise ValueError(msg)
    if table is not None and fmt != "csv":
        msg = f"a table is chosen for the csv format only, not for {fmt}"
        raise ValueError(msg)
    if fmt == "json":
        return json_chunks(report)
    document = report.document()
    if fmt == "csv":
        sections = document.sections
        return csv_lines(table_named(sections, table or document.default or sections[0].name))
    if fmt == "html":
        from frpolicy.reports._html import page_lines  # noqa: PLC0415 - the page and its charts, when asked

        return page_lines(document)
    return markdown_lines(document) if fmt == "markdown" else text_lines(document)
