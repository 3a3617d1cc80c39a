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
record, unless the audit was made with a limit (to keep memory flat on a huge log, or a
terminal short); then the listing says, where it is listed, how many are not, and a CSV of
that listing is refused rather than written short.

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
"""

from __future__ import annotations

import enum
import json
import math
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from datetime import date, datetime, timedelta, tzinfo
from importlib import metadata
from typing import TypeVar

import attrs

from frpolicy._document import csv_table, markdown, table_named, text
from frpolicy._layout import audit_document, eopss_document
from frpolicy.compliance import (
    LAW_IN_FORCE,
    Audit,
    AuditResult,
    Entry,
    InputProblem,
    ObligationState,
    Violation,
    ViolationKind,
    version_for,
)
from frpolicy.jurisdictions import Version, jurisdiction
from frpolicy.model import AgencyKind, Database, EventKind, Gender, Purpose, Race, SearchRecord
from frpolicy.policy import Outcome
from frpolicy.serialization import to_dict

T = TypeVar("T")

__all__ = [
    "AUDIT_TABLES",
    "EOPSS_TABLES",
    "FORMATS",
    "SCHEMA_VERSION",
    "AgencyCount",
    "AgencyStatistics",
    "AuditReport",
    "Basis",
    "ChangeRecord",
    "ComparisonReport",
    "DatabaseCount",
    "DutyCount",
    "EopssReport",
    "EopssTotals",
    "LawNote",
    "MonthCount",
    "OutcomeCount",
    "Period",
    "ProblemRecord",
    "ProvisionChanges",
    "ProvisionCount",
    "ProvisionViolations",
    "RaceCount",
    "RequestRecord",
    "SearcherStatistics",
    "Totals",
    "Transition",
    "VersionCount",
    "ViolationRecord",
    "audit_report",
    "eopss_report",
    "render",
]

FORMATS = ("text", "markdown", "json", "csv", "html")
"""The formats a report renders in."""

SCHEMA_VERSION = 1
"""The version of the reports' JSON shape: raised when a field is removed or changes meaning."""

AUDIT_TABLES = (
    "violations",
    "totals",
    "violations-by-provision",
    "agencies",
    "violations-by-month",
    "obligations",
    "problems",
    "outcomes",
    "provisions",
    "versions",
    "changes",
    "changes-by-outcome",
    "changes-by-provision",
    "compared-totals",
    "compared-obligations",
)
"""The tables of an :class:`AuditReport`, by name (the first is the CSV default).

The ``changes`` tables exist only in a report with a comparison.
"""

EOPSS_TABLES = (
    "requests",
    "totals",
    "searchers",
    "agencies",
    "databases",
    "demographics",
    "problems",
    "law",
)
"""The tables of an :class:`EopssReport`, by name (the first is the CSV default)."""

# -- the audit report -----------------------------------------------------------------------


@attrs.frozen(kw_only=True)
class Totals:
    """The counts of an audit: lines read, searches, violations, obligations.

    Every line read is a record, a malformed line or a blank one, so ``lines_read`` is
    their sum. ``duplicate_request_ids`` counts records whose request id an earlier line
    already had (each is audited, and listed as an input problem). ``violations`` is
    ``unauthorized_searches`` plus ``obligations_violated``.
    """

    lines_read: int
    records: int
    malformed_lines: int
    blank_lines: int
    duplicate_request_ids: int
    searches_performed: int
    violations: int
    unauthorized_searches: int
    obligations_met: int
    obligations_pending: int
    obligations_violated: int
    obligations_not_engaged: int


@attrs.frozen(kw_only=True)
class OutcomeCount:
    """How many requests got an outcome."""

    outcome: Outcome
    requests: int


@attrs.frozen(kw_only=True)
class VersionCount:
    """How many requests were judged under a version (an instrument) of the law."""

    version: str
    requests: int


@attrs.frozen(kw_only=True)
class ProvisionCount:
    """How many requests a provision decided, and to what outcome.

    A refusal is decided by every permission that failed, so a request not permitted
    counts under each of them.
    """

    provision: str
    citation: str
    outcome: Outcome
    requests: int


@attrs.frozen(kw_only=True)
class AgencyCount:
    """What the requests of one agency (the agency that asked for the searches) came to."""

    agency: str
    name: str
    requests: int
    searches: int
    permitted: int
    not_permitted: int
    forbidden: int
    not_applicable: int
    unauthorized_searches: int
    obligations_violated: int

    @property
    def violations(self) -> int:
        """Unauthorized searches and obligations violated."""
        return self.unauthorized_searches + self.obligations_violated


@attrs.frozen(kw_only=True)
class DutyCount:
    """Where the obligations of one duty stand: met, pending, violated, or not engaged."""

    duty: str
    citation: str
    met: int
    pending: int
    violated: int
    not_engaged: int


@attrs.frozen(kw_only=True)
class ProvisionViolations:
    """How many violations a provision counts.

    An unauthorized search counts once, under the permission it came closest to meeting
    (or the prohibition that forbade it); a late obligation under its duty.
    """

    provision: str
    citation: str
    kind: ViolationKind
    violations: int


@attrs.frozen(kw_only=True)
class MonthCount:
    """The violations of the searches performed in one month (``2024-03``, local time).

    A request never performed counts in the month it was asked for.
    """

    month: str
    unauthorized_searches: int
    obligations_violated: int


@attrs.frozen(kw_only=True)
class ViolationRecord:
    """One violation, a row of the report: where it is in the log, who, when, what, why.

    ``provisions`` are the provisions breached: for an unauthorized search every
    permission that failed, the closest first (or the prohibitions that forbade it); for
    an obligation its duty. ``late_by_hours`` is how late the obligation was met, or, if
    it never was, how overdue it was at the report's ``as_of`` time.
    """

    line: int | None
    request_id: str
    agency: str
    performing_agency: str
    submitted_at: datetime
    searched_at: datetime | None
    kind: ViolationKind
    provisions: tuple[str, ...]
    citations: tuple[str, ...]
    case_id: str | None
    version: str
    due: datetime | None
    fulfilled_at: datetime | None
    late_by_hours: float | None
    missing: str


@attrs.frozen(kw_only=True)
class ProblemRecord:
    """A line of an input file that could not be used, and why, field path first."""

    file: str
    line: int
    errors: tuple[str, ...]


@attrs.frozen(kw_only=True)
class Transition:
    """How many requests would go from one outcome to another under the compared version."""

    before: Outcome
    after: Outcome
    requests: int


@attrs.frozen(kw_only=True)
class ProvisionChanges:
    """How many changes of outcome a provision is responsible for."""

    provision: str
    requests: int


@attrs.frozen(kw_only=True)
class ChangeRecord:
    """A request whose outcome the compared version would change, and the provisions why."""

    line: int | None
    request_id: str
    before: Outcome
    after: Outcome
    responsible: tuple[str, ...]


@attrs.frozen(kw_only=True)
class ComparisonReport:
    """What judging the same log under another version (``after``) would change."""

    before: str
    after: str
    compared: int
    changed: int
    transitions: tuple[Transition, ...]
    changes_by_provision: tuple[ProvisionChanges, ...]
    changes: tuple[ChangeRecord, ...]
    changes_not_listed: int
    totals: Totals
    by_outcome: tuple[OutcomeCount, ...]
    obligations: tuple[DutyCount, ...]


@attrs.frozen(kw_only=True)
class AuditReport:
    """What the audit of a search log found: every number every format of the report shows.

    ``version`` is the instrument every search was judged under, or
    :data:`~frpolicy.compliance.LAW_IN_FORCE`. ``as_of`` is the time obligations were
    checked at, and ``as_of_source`` where it came from. The ``*_not_listed`` counts say
    how many violations, input problems or changes were counted but not listed (none,
    unless the audit was made with a limit).
    """

    schema_version: int = SCHEMA_VERSION
    generator: str
    jurisdiction: str
    version: str
    as_of: datetime
    as_of_source: str
    log: str
    cases: str | None
    case_records: int | None
    totals: Totals
    by_outcome: tuple[OutcomeCount, ...]
    by_version: tuple[VersionCount, ...]
    by_provision: tuple[ProvisionCount, ...]
    by_agency: tuple[AgencyCount, ...]
    obligations: tuple[DutyCount, ...]
    violations_by_provision: tuple[ProvisionViolations, ...]
    violations_by_month: tuple[MonthCount, ...]
    violations: tuple[ViolationRecord, ...]
    violations_not_listed: int
    input_problems: tuple[ProblemRecord, ...]
    input_problems_not_listed: int
    comparison: ComparisonReport | None = None


def _generator() -> str:
    try:
        return f"frpolicy {metadata.version('frpolicy')}"
    except metadata.PackageNotFoundError:  # pragma: no cover - run from a source tree
        return "frpolicy"


def _totals(audit: Audit) -> Totals:
    obligations = audit.obligation_totals()
    return Totals(
        lines_read=audit.lines_read,
        records=audit.records,
        malformed_lines=audit.problem_count,
        blank_lines=audit.blank_lines,
        duplicate_request_ids=audit.duplicate_count,
        searches_performed=audit.performed,
        violations=audit.violation_count,
        unauthorized_searches=audit.violations_by_kind[ViolationKind.UNAUTHORIZED_SEARCH],
        obligations_met=obligations.get(ObligationState.MET, 0),
        obligations_pending=obligations.get(ObligationState.PENDING, 0),
        obligations_violated=obligations.get(ObligationState.VIOLATED, 0),
        obligations_not_engaged=obligations.get(ObligationState.NOT_ENGAGED, 0),
    )


def _by_outcome(audit: Audit) -> tuple[OutcomeCount, ...]:
    return tuple(OutcomeCount(outcome=o, requests=audit.by_outcome.get(o, 0)) for o in Outcome)


def _obligations(audit: Audit) -> tuple[DutyCount, ...]:
    counts = audit.by_obligation
    return tuple(
        DutyCount(
            duty=duty,
            citation=audit.citations.get(duty, ""),
            met=counts.get((duty, ObligationState.MET), 0),
            pending=counts.get((duty, ObligationState.PENDING), 0),
            violated=counts.get((duty, ObligationState.VIOLATED), 0),
            not_engaged=counts.get((duty, ObligationState.NOT_ENGAGED), 0),
        )
        for duty in sorted({duty for duty, _ in counts})
    )


def _agencies(audit: Audit) -> tuple[AgencyCount, ...]:
    rows = []
    for agency in {a for a, _ in audit.by_agency}:
        outcomes = {o: audit.by_agency.get((agency, o), 0) for o in Outcome}
        rows.append(
            AgencyCount(
                agency=agency,
                name=audit.agency_names.get(agency, agency),
                requests=sum(outcomes.values()),
                searches=audit.performed_by_agency.get(agency, 0),
                permitted=outcomes[Outcome.PERMITTED],
                not_permitted=outcomes[Outcome.NOT_PERMITTED],
                forbidden=outcomes[Outcome.FORBIDDEN],
                not_applicable=outcomes[Outcome.NOT_APPLICABLE],
                unauthorized_searches=audit.violations_by_agency.get(
                    (agency, ViolationKind.UNAUTHORIZED_SEARCH), 0
                ),
                obligations_violated=audit.violations_by_agency.get(
                    (agency, ViolationKind.OBLIGATION), 0
                ),
            )
        )
    return tuple(sorted(rows, key=lambda r: (-r.violations, -r.requests, r.agency)))


def _months(audit: Audit) -> tuple[MonthCount, ...]:
    """Every month from the first violation's to the last's, those without any included."""
    counts = audit.violations_by_month
    if not counts:
        return ()
    first, last = min(m for m, _ in counts), max(m for m, _ in counts)
    year, month = int(first[:4]), int(first[5:7])
    rows = []
    while f"{year:04d}-{month:02d}" <= last:
        key = f"{year:04d}-{month:02d}"
        rows.append(
            MonthCount(
                month=key,
                unauthorized_searches=counts.get((key, ViolationKind.UNAUTHORIZED_SEARCH), 0),
                obligations_violated=counts.get((key, ViolationKind.OBLIGATION), 0),
            )
        )
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)  # noqa: PLR2004 - December
    return tuple(rows)


def _violations_by_provision(audit: Audit) -> tuple[ProvisionViolations, ...]:
    rows = [
        ProvisionViolations(
            provision=provision,
            citation=audit.citations.get(provision, ""),
            kind=ViolationKind(kind),
            violations=n,
        )
        for (provision, kind), n in audit.violations_by_provision.items()
    ]
    return tuple(sorted(rows, key=lambda r: (-r.violations, r.provision)))


def _hours(delta: timedelta) -> float:
    """Hours, rounded up to the hundredth: a violation is never shown as late by 0."""
    return math.ceil(delta.total_seconds() / 36) / 100


def _violation(v: Violation, as_of: datetime) -> ViolationRecord:
    late = None
    if v.kind is ViolationKind.OBLIGATION and v.due is not None:
        late = _hours((v.fulfilled_at or as_of) - v.due)
    return ViolationRecord(
        line=v.line,
        request_id=v.request_id,
        agency=v.agency,
        performing_agency=v.performing_agency,
        submitted_at=v.submitted_at,
        searched_at=v.searched_at,
        kind=v.kind,
        provisions=v.provisions,
        citations=v.citations,
        case_id=v.case_id,
        version=v.instrument,
        due=v.due,
        fulfilled_at=v.fulfilled_at,
        late_by_hours=late,
        missing=v.missing,
    )


def _problems(
    file: str, problems: Iterable[InputProblem], *more: Iterable[InputProblem]
) -> list[ProblemRecord]:
    merged = sorted((p for group in (problems, *more) for p in group), key=lambda p: p.line)
    return [ProblemRecord(file=file, line=p.line, errors=p.errors) for p in merged]


def audit_report(  # noqa: PLR0913 - the parts of the report, each named
    result: AuditResult,
    *,
    log: str = "the log",
    as_of_source: str = "given",
    cases: str | None = None,
    case_records: int | None = None,
    case_problems: Sequence[InputProblem] = (),
) -> AuditReport:
    """The report of an audit: where what an audit counted becomes what every format shows.

    Args:
        result: What :func:`~frpolicy.compliance.audit_log` found.
        log: The name of the log audited, as the report shows it.
        as_of_source: Where the time obligations were checked at came from.
        cases: The name of the cases file, if one was read.
        case_records: How many case records were read from it.
        case_problems: The lines of the cases file that could not be read.
    """
    audit = result.audit
    problems = _problems(log, audit.problems, audit.duplicates)
    if case_problems:
        problems += _problems(cases or "the cases", case_problems)
    return AuditReport(
        generator=_generator(),
        jurisdiction=result.jurisdiction,
        version=result.version,
        as_of=result.as_of,
        as_of_source=as_of_source,
        log=log,
        cases=cases,
        case_records=case_records,
        totals=_totals(audit),
        by_outcome=_by_outcome(audit),
        by_version=tuple(
            VersionCount(version=v, requests=n) for v, n in sorted(audit.by_instrument.items())
        ),
        by_provision=tuple(
            ProvisionCount(
                provision=rule,
                citation=audit.citations.get(rule, ""),
                outcome=Outcome(outcome),
                requests=n,
            )
            for (rule, outcome), n in sorted(audit.by_provision.items())
        ),
        by_agency=_agencies(audit),
        obligations=_obligations(audit),
        violations_by_provision=_violations_by_provision(audit),
        violations_by_month=_months(audit),
        violations=tuple(_violation(v, result.as_of) for v in audit.violations),
        violations_not_listed=audit.omitted_violations,
        input_problems=tuple(problems),
        input_problems_not_listed=audit.omitted_problems + audit.omitted_duplicates,
        comparison=_comparison(result),
    )


def _comparison(result: AuditResult) -> ComparisonReport | None:
    compared, other = result.comparison, result.other
    if compared is None or other is None:
        return None
    return ComparisonReport(
        before=compared.before,
        after=compared.after,
        compared=compared.compared,
        changed=compared.change_count,
        transitions=tuple(
            Transition(before=b, after=a, requests=n)
            for (b, a), n in sorted(compared.transitions.items(), key=lambda i: (-i[1], str(i[0])))
            if a is not b
        ),
        changes_by_provision=tuple(
            ProvisionChanges(provision=p, requests=n)
            for p, n in sorted(compared.by_provision.items(), key=lambda i: (-i[1], i[0]))
        ),
        changes=tuple(
            ChangeRecord(
                line=c.line,
                request_id=c.request_id,
                before=c.before,
                after=c.after,
                responsible=c.responsible,
            )
            for c in compared.changes
        ),
        changes_not_listed=compared.omitted_changes,
        totals=_totals(other),
        by_outcome=_by_outcome(other),
        obligations=_obligations(other),
    )


# -- the EOPSS report -----------------------------------------------------------------------

_PERIOD = re.compile(
    r"(?P<year>\d{4})(?:-?Q(?P<quarter>[1-4]))?|(?P<start>\d{4}-\d{2}-\d{2})/(?P<end>\d{4}-\d{2}-\d{2})"
)


@attrs.frozen(kw_only=True)
class Period:
    """The days a report covers, both included, in the jurisdiction's own time zone.

    Raises:
        ValueError: ``end`` is before ``start``.
    """

    start: date
    end: date

    def __attrs_post_init__(self) -> None:
        if self.end < self.start:
            msg = f"end: {self.end.isoformat()} is before start {self.start.isoformat()}"
            raise ValueError(msg)

    @classmethod
    def parse(cls, text: str) -> Period:
        """A period as people write it: a quarter, a year, or two days.

        >>> Period.parse("2024Q3")
        Period(start=datetime.date(2024, 7, 1), end=datetime.date(2024, 9, 30))
        >>> Period.parse("2023-09-01/2024-09-30").label
        '1 September 2023 to 30 September 2024'

        Raises:
            ValueError: the text is none of these.
        """
        found = _PERIOD.fullmatch(text.strip())
        try:
            if found is None:
                raise ValueError  # noqa: TRY301 - one message for every malformed period
            if found["start"]:
                return cls(
                    start=date.fromisoformat(found["start"]), end=date.fromisoformat(found["end"])
                )
            year = int(found["year"])
            if found["quarter"]:
                first = 3 * int(found["quarter"]) - 2
                last = date(year, first + 2, 1) + timedelta(days=31)
                return cls(start=date(year, first, 1), end=last - timedelta(days=last.day))
            return cls(start=date(year, 1, 1), end=date(year, 12, 31))
        except ValueError as error:
            detail = f" ({error})" if str(error) else ""
            msg = (
                "expected a quarter (2024Q3), a year (2024) or two days "
                f"(2023-09-01/2024-09-30), got {text!r}{detail}"
            )
            raise ValueError(msg) from None

    @property
    def label(self) -> str:
        """The period in words, such as ``2024 Q3``, ``2024`` or ``1 September 2023 to ...``."""
        for candidate in (f"{self.start.year}Q{(self.start.month + 2) // 3}", str(self.start.year)):
            if Period.parse(candidate) == self:
                return candidate.replace("Q", " Q")
        return f"{_day(self.start)} to {_day(self.end)}"

    @property
    def during(self) -> str:
        """The period as it follows a count, ``in 2024 Q3`` or ``from 1 September 2023 to ...``."""
        label = self.label
        return f"in {label}" if label[0].isdigit() and " to " not in label else f"from {label}"

    def includes(self, moment: datetime, zone: tzinfo) -> bool:
        """Whether a moment falls on one of the period's days, in ``zone``."""
        return self.start <= moment.astimezone(zone).date() <= self.end


def _day(day: date) -> str:
    return f"{day.day} {day:%B %Y}"


class Basis(enum.Enum):
    """What a request rested on, as the EOPSS statistics count it."""

    COURT_ORDERED = "court_ordered"
    """A court order, or a warrant (a court's order on a higher standard)."""
    EXIGENT = "exigent"
    """An emergency, with neither a court order nor a warrant."""
    NEITHER = "neither"
    """Neither: no court order, warrant or emergency is recorded."""

    @property
    def label(self) -> str:
        """The basis as the EOPSS data label it, such as ``court-ordered``."""
        return self.value.replace("_", "-")

    @classmethod
    def of(cls, record: SearchRecord) -> Basis:
        """The basis of a logged request."""
        request = record.request
        if request.court_order is not None or request.warrant is not None:
            return cls.COURT_ORDERED
        return cls.EXIGENT if request.emergency is not None else cls.NEITHER


@attrs.frozen(kw_only=True)
class RequestRecord:
    """One request, and its search if it was performed: a row of the record the law keeps.

    The fields are those the summaries of the law list: the date, the agency that asked
    and the one that searched, the basis, for an emergency the reason, the number of
    matches (``candidates_returned``), the databases searched, and the race and gender of
    the person searched.
    """

    line: int
    request_id: str
    submitted_at: datetime
    performed_at: datetime | None
    agency: str
    agency_name: str
    searcher: str
    searcher_name: str
    searcher_kind: AgencyKind
    purpose: Purpose
    basis: Basis
    emergency_reason: str | None
    offense: str | None
    databases: tuple[Database, ...]
    candidates_returned: int
    subject_race: Race | None
    subject_gender: Gender | None


@attrs.frozen(kw_only=True)
class SearcherStatistics:
    """Requests to one kind of searching body in the period, by basis, and its searches."""

    searcher: AgencyKind
    requests: int
    court_ordered: int
    exigent: int
    neither: int
    searches: int


@attrs.frozen(kw_only=True)
class AgencyStatistics:
    """The requests one agency made in the period: to whom, on what basis, and searches."""

    agency: str
    name: str
    requests: int
    court_ordered: int
    exigent: int
    neither: int
    to_state_police: int
    to_fbi: int
    to_registry: int
    to_others: int
    searches: int


@attrs.frozen(kw_only=True)
class DatabaseCount:
    """Searches in the period that ran against a database (``None``: none recorded)."""

    database: Database | None
    searches: int


@attrs.frozen(kw_only=True)
class RaceCount:
    """Searches in the period of persons of one race (``None``: not recorded), by gender."""

    race: Race | None
    female: int
    male: int
    nonbinary: int
    gender_not_recorded: int
    searches: int


@attrs.frozen(kw_only=True)
class EopssTotals:
    """What the report counted, so that every record of the log is accounted for.

    ``records`` is ``outside_period`` plus ``other_agencies`` plus ``outside_scope`` plus
    ``reported``: the records neither asked for nor performed in the period, those of
    other agencies (for one agency's report), those the law does not govern, and those in
    the report. ``requests`` counts the requests submitted in the period, ``searches`` the
    searches performed in it.
    """

    lines_read: int
    records: int
    malformed_lines: int
    blank_lines: int
    duplicate_request_ids: int
    outside_period: int
    other_agencies: int
    outside_scope: int
    reported: int
    requests: int
    searches: int


@attrs.frozen(kw_only=True)
class LawNote:
    """A provision the report answers, with its citation and what it asks."""

    provision: str
    citation: str
    text: str


@attrs.frozen(kw_only=True)
class EopssReport:
    """The requests and searches of a period, as Massachusetts law has them reported to EOPSS.

    In force (G.L. c.6 §220 as St. 2020, c.253 wrote it): each agency documents its
    requests and searches and reports them to EOPSS quarterly; EOPSS publishes annual
    statistics by agency, by basis (court-ordered or exigent), with State Police and FBI
    searches counted apart. The 2023 bill (H.1728, H.4359) adds a public record of each
    request and search (§220(g)) and statistics by race and gender (§220(h)). For one
    ``agency``'s quarterly report, only the requests it made or searches it ran count. This
    report
    holds all of it: ``records`` (each request), ``by_searcher``, ``by_agency``,
    ``by_database`` and ``by_race``.
    """

    schema_version: int = SCHEMA_VERSION
    generator: str
    jurisdiction: str
    version: str
    period: Period
    agency: str | None
    time_zone: str
    log: str
    totals: EopssTotals
    by_searcher: tuple[SearcherStatistics, ...]
    by_agency: tuple[AgencyStatistics, ...]
    by_database: tuple[DatabaseCount, ...]
    by_race: tuple[RaceCount, ...]
    law: tuple[LawNote, ...]
    records: tuple[RequestRecord, ...]
    records_not_listed: int
    input_problems: tuple[ProblemRecord, ...]
    input_problems_not_listed: int


_NAMED_SEARCHERS = (AgencyKind.STATE_POLICE, AgencyKind.FBI, AgencyKind.MOTOR_VEHICLE_REGISTRY)
"""The searching bodies the law names: their rows are shown even when they count nothing."""


@attrs.define
class _Tally:
    """The running counts of an EOPSS report."""

    limit: int | None
    lines_read: int = 0
    blank: int = 0
    outside_period: int = 0
    other_agencies: int = 0
    outside_scope: int = 0
    reported: int = 0
    requests: int = 0
    searches: int = 0
    records: list[RequestRecord] = attrs.Factory(list)
    record_count: int = 0
    problems: list[InputProblem] = attrs.Factory(list)
    problem_count: int = 0
    first_lines: dict[str, int] = attrs.Factory(dict)
    duplicates: list[InputProblem] = attrs.Factory(list)
    duplicate_count: int = 0
    searcher: Counter[tuple[AgencyKind, str]] = attrs.Factory(Counter)
    agency: Counter[tuple[str, str]] = attrs.Factory(Counter)
    names: dict[str, str] = attrs.Factory(dict)
    database: Counter[Database | None] = attrs.Factory(Counter)
    race: Counter[tuple[Race | None, Gender | None]] = attrs.Factory(Counter)
    versions: dict[str, Version] = attrs.Factory(dict)

    def keep(self, items: list[T], item: T) -> None:
        if self.limit is None or len(items) < self.limit:
            items.append(item)

    def problem(self, problem: InputProblem) -> None:
        self.problem_count += 1
        self.keep(self.problems, problem)

    def note_id(self, request_id: str, line: int) -> None:
        first = self.first_lines.setdefault(request_id, line)
        if first != line:
            self.duplicate_count += 1
            message = f"$.request.id: {request_id!r} is also the id of line {first}"
            self.keep(self.duplicates, InputProblem(line=line, errors=(message,)))

    def count(self, line: int, record: SearchRecord, *, asked: bool, searched: bool) -> None:
        request = record.request
        basis = Basis.of(record)
        kind = request.performing_agency.kind
        agency = request.requesting_agency
        self.names[agency.id] = agency.name
        self.reported += 1
        if asked:
            self.requests += 1
            self.searcher[kind, "requests"] += 1
            self.searcher[kind, basis.value] += 1
            self.agency[agency.id, "requests"] += 1
            self.agency[agency.id, basis.value] += 1
            self.agency[agency.id, _TO.get(kind, "to_others")] += 1
        if searched:
            self.searches += 1
            self.searcher[kind, "searches"] += 1
            self.agency[agency.id, "searches"] += 1
            databases: list[Database | None] = [*request.databases] or [None]
            for database in databases:
                self.database[database] += 1
            self.race[record.subject_race, record.subject_gender] += 1
        self.record_count += 1
        self.keep(self.records, _request_record(line, record))


_TO = {
    AgencyKind.STATE_POLICE: "to_state_police",
    AgencyKind.FBI: "to_fbi",
    AgencyKind.MOTOR_VEHICLE_REGISTRY: "to_registry",
}


def _request_record(line: int, record: SearchRecord) -> RequestRecord:
    request = record.request
    return RequestRecord(
        line=line,
        request_id=request.id,
        submitted_at=request.submitted_at,
        performed_at=request.performed_at,
        agency=request.requesting_agency.id,
        agency_name=request.requesting_agency.name,
        searcher=request.performing_agency.id,
        searcher_name=request.performing_agency.name,
        searcher_kind=request.performing_agency.kind,
        purpose=request.purpose,
        basis=Basis.of(record),
        emergency_reason=request.emergency.facts or None if request.emergency else None,
        offense=request.offense.code if request.offense else None,
        databases=tuple(sorted(request.databases, key=lambda d: d.value)),
        candidates_returned=record.candidates_returned,
        subject_race=record.subject_race,
        subject_gender=record.subject_gender,
    )


def _law(versions: Iterable[Version]) -> tuple[LawNote, ...]:
    """The duties to keep and report records, and the provisions on reports, of the versions."""
    notes: dict[str, LawNote] = {}
    for version in versions:
        for duty in version.policy.duties:
            if duty.fulfilled_by in {EventKind.SEARCH_DOCUMENTED, EventKind.SEARCH_REPORTED}:
                notes.setdefault(
                    f"{duty.id} {duty.citation}",
                    LawNote(provision=duty.id, citation=str(duty.citation), text=duty.paraphrase),
                )
        for provision in version.provisions:
            if "EOPSS" in provision.text:
                notes.setdefault(
                    f"{provision.id} {provision.citation}",
                    LawNote(
                        provision=provision.id,
                        citation=str(provision.citation or ""),
                        text=provision.text,
                    ),
                )
    return tuple(notes.values())


def eopss_report(  # noqa: PLR0913 - what the report is of, each named
    entries: Iterable[tuple[int, Entry]],
    *,
    period: Period,
    log: str = "the log",
    agency: str | None = None,
    version: Version | None = None,
    limit: int | None = None,
) -> EopssReport:
    """The requests and searches of a Massachusetts log in one period, for EOPSS.

    A request counts in the period it was submitted in, a search in the period it was
    performed in, each day taken in Massachusetts time. Only what the law governs is
    reported: a record outside the scope of the version it is judged under (the law in
    force on its day, or ``version``) is counted apart, as is every record of another
    period, so every line of the log is accounted for in the totals.

    Args:
        entries: The numbered lines of the log, read (as for
            :func:`~frpolicy.compliance.audit_log`).
        period: The days reported on.
        log: The name of the log, as the report shows it.
        agency: The id of one agency, for its own report: only the requests it made and
            the searches it ran (default: every agency's, as EOPSS publishes them).
        version: The version every record is judged under (default: the law in force on
            its day).
        limit: List at most this many records and input problems (the rest are counted).

    Raises:
        ValueError: ``limit`` is negative.
    """
    if limit is not None and limit < 0:
        msg = f"limit: must not be negative, got {limit}"
        raise ValueError(msg)
    place = jurisdiction("US-MA")
    zone = place.versions[0].policy.calendar.zone
    tally = _Tally(limit)
    for number, entry in entries:
        tally.lines_read += 1
        if entry is None:
            tally.blank += 1
            continue
        if isinstance(entry, InputProblem):
            tally.problem(entry)
            continue
        tally.note_id(entry.request.id, number)
        request = entry.request
        asked = period.includes(request.submitted_at, zone)
        searched = request.performed_at is not None and period.includes(request.performed_at, zone)
        if not (asked or searched):
            tally.outside_period += 1
            continue
        if agency is not None and agency not in {
            request.requesting_agency.id,
            request.performing_agency.id,
        }:
            tally.other_agencies += 1
            continue
        try:
            judged = version or version_for(place, entry)
        except LookupError as error:
            message = f"$.request.performed_at: {error}; choose a version"
            tally.problem(InputProblem(line=number, errors=(message,)))
            continue
        if judged.decide(request) is Outcome.NOT_APPLICABLE:
            tally.outside_scope += 1
            continue
        tally.versions.setdefault(judged.instrument.id, judged)
        tally.count(number, entry, asked=asked, searched=searched)
    return _eopss(tally, period, log, agency=agency, version=version, zone=str(zone))


def _eopss(  # noqa: PLR0913 - what the report is of, each named
    tally: _Tally,
    period: Period,
    log: str,
    *,
    agency: str | None,
    version: Version | None,
    zone: str,
) -> EopssReport:
    kinds = list(_NAMED_SEARCHERS) + sorted(
        {k for k, _ in tally.searcher} - set(_NAMED_SEARCHERS), key=lambda k: k.value
    )
    s, a = tally.searcher, tally.agency
    problems = _problems(log, tally.problems, tally.duplicates)
    return EopssReport(
        generator=_generator(),
        jurisdiction="US-MA",
        version=version.instrument.id if version else LAW_IN_FORCE,
        period=period,
        agency=agency,
        time_zone=zone,
        log=log,
        totals=EopssTotals(
            lines_read=tally.lines_read,
            records=tally.outside_period
            + tally.other_agencies
            + tally.outside_scope
            + tally.reported,
            malformed_lines=tally.problem_count,
            blank_lines=tally.blank,
            duplicate_request_ids=tally.duplicate_count,
            outside_period=tally.outside_period,
            other_agencies=tally.other_agencies,
            outside_scope=tally.outside_scope,
            reported=tally.reported,
            requests=tally.requests,
            searches=tally.searches,
        ),
        by_searcher=tuple(
            SearcherStatistics(
                searcher=k,
                requests=s[k, "requests"],
                court_ordered=s[k, Basis.COURT_ORDERED.value],
                exigent=s[k, Basis.EXIGENT.value],
                neither=s[k, Basis.NEITHER.value],
                searches=s[k, "searches"],
            )
            for k in kinds
        ),
        by_agency=tuple(
            sorted(
                (
                    AgencyStatistics(
                        agency=agency,
                        name=name,
                        requests=a[agency, "requests"],
                        court_ordered=a[agency, Basis.COURT_ORDERED.value],
                        exigent=a[agency, Basis.EXIGENT.value],
                        neither=a[agency, Basis.NEITHER.value],
                        to_state_police=a[agency, "to_state_police"],
                        to_fbi=a[agency, "to_fbi"],
                        to_registry=a[agency, "to_registry"],
                        to_others=a[agency, "to_others"],
                        searches=a[agency, "searches"],
                    )
                    for agency, name in tally.names.items()
                ),
                key=lambda r: (-r.requests, -r.searches, r.agency),
            )
        ),
        by_database=tuple(
            DatabaseCount(database=d, searches=n)
            for d, n in sorted(tally.database.items(), key=lambda i: (-i[1], str(i[0])))
        ),
        by_race=tuple(
            RaceCount(
                race=race,
                female=tally.race[race, Gender.FEMALE],
                male=tally.race[race, Gender.MALE],
                nonbinary=tally.race[race, Gender.NONBINARY],
                gender_not_recorded=tally.race[race, None],
                searches=sum(n for (r, _), n in tally.race.items() if r is race),
            )
            for race in (*Race, None)
        ),
        law=_law(tally.versions.values()),
        records=tuple(tally.records),
        records_not_listed=tally.record_count - len(tally.records),
        input_problems=tuple(problems),
        input_problems_not_listed=(tally.problem_count - len(tally.problems))
        + (tally.duplicate_count - len(tally.duplicates)),
    )


# -- rendering ------------------------------------------------------------------------------


_SMALL_FLOAT = re.compile(rb"0\.0000|\de-")
"""How orjson writes a number below 10^-4, which Python writes otherwise (``1e-05``).

A string holding the same characters matches too: then the text is written again by
:func:`json.dumps`, which is always right.
"""


def _indented_json(data: object) -> str:
    """``json.dumps(data, indent=2, ensure_ascii=False)``, by ``orjson`` when it is installed.

    The same text, several times as fast: the standard library's encoder is pure Python
    when it indents. ``data`` is JSON-ready (as :func:`~frpolicy.serialization.to_dict`
    gives it: finite numbers); what orjson does not write as Python does (an integer past
    64 bits, a lone surrogate from a file name, a number below 10^-4) is left to
    :func:`json.dumps`.
    """
    try:
        import orjson  # noqa: PLC0415 - the fast extra, imported when a report is written
    except ImportError:  # pragma: no cover - the test environment has the extra
        return json.dumps(data, indent=2, ensure_ascii=False)
    try:
        written = orjson.dumps(
            data,
            option=orjson.OPT_INDENT_2
            | orjson.OPT_PASSTHROUGH_DATETIME
            | orjson.OPT_PASSTHROUGH_DATACLASS,
        )
    except TypeError:  # orjson.JSONEncodeError: json.dumps writes it, or says why not
        pass
    else:
        if not _SMALL_FLOAT.search(written):
            return written.decode("utf-8")
    return json.dumps(data, indent=2, ensure_ascii=False)


def render(report: AuditReport | EopssReport, fmt: str, *, table: str | None = None) -> str:
    """A report in one of :data:`FORMATS`.

    Args:
        report: What to render.
        fmt: ``text``, ``markdown``, ``json``, ``csv`` or ``html``.
        table: For ``csv``, the table to write (:data:`AUDIT_TABLES`,
            :data:`EOPSS_TABLES`; default the first: the violations of an audit, the
            requests of an EOPSS report).

    Raises:
        ValueError: an unknown format or table, a table for a format other than ``csv``,
            or a CSV of a listing the report does not hold whole.
    """
    if fmt not in FORMATS:
        msg = f"no report format {fmt!r}; known: {', '.join(FORMATS)}"
        raise ValueError(msg)
    if table is not None and fmt != "csv":
        msg = f"a table is chosen for the csv format only, not for {fmt}"
        raise ValueError(msg)
    if fmt == "json":
        return _indented_json(to_dict(report)) + "\n"
    if isinstance(report, AuditReport):
        document, default = audit_document(report), AUDIT_TABLES[0]
    else:
        document, default = eopss_document(report), EOPSS_TABLES[0]
    if fmt == "csv":
        return csv_table(table_named(document.tables, table or default))
    if fmt == "html":
        from frpolicy._html import page  # noqa: PLC0415 - the page and its charts, when asked

        return page(document)
    return markdown(document) if fmt == "markdown" else text(document)
