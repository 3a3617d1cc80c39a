"""Massachusetts' report to EOPSS: the requests and searches of a period, each one and in figures.

:func:`eopss_report` reads a log for one period into an :class:`EopssReport`: the requests
and searches Massachusetts law has reported to the Executive Office of Public Safety and
Security (EOPSS), each one and in statistics by searching body, agency, basis, database,
race and gender. :func:`eopss_document` lays it out for people, in the tables
:data:`EOPSS_TABLES` names.
"""

from __future__ import annotations

import enum
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from datetime import date, datetime, timedelta, tzinfo

import attrs

from frpolicy.compliance import LAW_IN_FORCE, Entry, InputProblem, version_for
from frpolicy.jurisdictions import Jurisdiction, Version
from frpolicy.law import Citation, Confidence, Source, Verification
from frpolicy.model import (
    AgencyKind,
    Database,
    EventKind,
    Gender,
    Purpose,
    Race,
    SearchRecord,
)
from frpolicy.policy import Outcome
from frpolicy.reports._assumptions import Assumptions, InputFile, assumptions
from frpolicy.reports._charts import BLUE, GREY, MET, PENDING, Series
from frpolicy.reports._common import (
    SCHEMA_VERSION,
    Filer,
    LogTally,
    NotAllowedRecord,
    Period,
    ProblemRecord,
    filed_by,
    generator,
    judged_under,
    law_of,
    made_by,
    not_allowed,
    not_allowed_table,
    problems_table,
    totals_table,
)
from frpolicy.reports._document import (
    Chart,
    Column,
    Document,
    Filing,
    Kind,
    Table,
)
from frpolicy.reports._registry import ReportTerms, StatutoryReport

__all__ = [
    "CERTIFICATION",
    "EOPSS",
    "EOPSS_TABLES",
    "AgencyStatistics",
    "Basis",
    "DatabaseCount",
    "EopssReport",
    "EopssTotals",
    "LawNote",
    "RaceCount",
    "RequestRecord",
    "SearcherStatistics",
    "eopss_document",
    "eopss_report",
]

EOPSS_TABLES = (
    "requests",
    "not-allowed",
    "totals",
    "searchers",
    "agencies",
    "databases",
    "demographics",
    "problems",
    "law",
    "assumptions",
)
"""The tables of an :class:`EopssReport`, by name (the first is the CSV default)."""


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
    not_allowed: int


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
    report holds all of it: ``records`` (each request), ``by_searcher``, ``by_agency``,
    ``by_database`` and ``by_race``; and, as an agency files it, who files it
    (``filer``), by when (``due``, by the reading of the due date in force), and the
    requests of the period the law does not allow (``not_allowed``), each with why.
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
    filer: Filer
    due: str
    not_allowed: tuple[NotAllowedRecord, ...]
    not_allowed_not_listed: int
    assumptions: Assumptions

    def document(self) -> Document:
        """The report laid out for people, as every format but JSON writes it."""
        return eopss_document(self)


_NAMED_SEARCHERS = (AgencyKind.STATE_POLICE, AgencyKind.FBI, AgencyKind.MOTOR_VEHICLE_REGISTRY)
"""The searching bodies the law names: their rows are shown even when they count nothing."""


@attrs.define
class _Tally(LogTally):
    """The running counts of an EOPSS report."""

    outside_period: int = 0
    other_agencies: int = 0
    outside_scope: int = 0
    reported: int = 0
    requests: int = 0
    searches: int = 0
    request_records: list[RequestRecord] = attrs.Factory(list)
    record_count: int = 0
    searcher: Counter[tuple[AgencyKind, str]] = attrs.Factory(Counter)
    agency: Counter[tuple[str, str]] = attrs.Factory(Counter)
    names: dict[str, str] = attrs.Factory(dict)
    database: Counter[Database | None] = attrs.Factory(Counter)
    race: Counter[tuple[Race | None, Gender | None]] = attrs.Factory(Counter)
    versions: dict[str, Version] = attrs.Factory(dict)
    seen: dict[str, str] = attrs.Factory(dict)
    refused: list[NotAllowedRecord] = attrs.Factory(list)
    refused_count: int = 0

    def refuse(self, line: int, record: SearchRecord, version: Version) -> None:
        """Note a request of the period the law does not allow, with why."""
        self.refused_count += 1
        if self.limit is None or len(self.refused) < self.limit:
            self.refused.append(not_allowed(line, record, version))

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
        self.keep(self.request_records, _request_record(line, record))


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
    law: Jurisdiction | None = None,
    contact: str = "",
    inputs: Sequence[InputFile] = (),
    asked: Mapping[str, str] | None = None,
    problem_limit: int | None = None,
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
        law: Massachusetts' law, with the readings in force (default: as adopted).
        contact: Whom to ask about the report, for the block of who files it.
        inputs: The files read, hashed.
        asked: The reading choices asked for (reading id to choice id).
        problem_limit: List at most this many input problems (default: ``limit``).

    Raises:
        ValueError: ``limit`` or ``problem_limit`` is negative, or ``law`` is not
            Massachusetts'.
    """
    for name, given in (("limit", limit), ("problem_limit", problem_limit)):
        if given is not None and given < 0:
            msg = f"{name}: must not be negative, got {given}"
            raise ValueError(msg)
    place = law_of("US-MA", law)
    zone = place.versions[0].policy.calendar.zone
    tally = _Tally(limit, problem_limit=problem_limit)
    how = _Terms(period, zone, agency, place, version)
    tally.read(entries, lambda number, record: _read(tally, number, record, how))
    versions = list(tally.versions.values()) or [version or place.versions[0]]
    return _eopss(
        tally,
        period,
        log,
        agency=agency,
        version=version,
        zone=str(zone),
        filer=Filer(
            agency=agency, name=tally.names.get(agency, "") if agency else "", contact=contact
        ),
        due=_due(period, versions),
        assumptions=assumptions(
            versions,
            library=generator(),
            inputs=inputs,
            asked=asked or {},
            as_of_source="not used: the report counts what happened in its period",
        ),
    )


@attrs.frozen
class _Terms:
    period: Period
    zone: tzinfo
    agency: str | None
    place: Jurisdiction
    version: Version | None


def _read(tally: _Tally, number: int, record: SearchRecord, terms: _Terms) -> None:
    """Count one record: of another period or agency, outside the law, or reported."""
    request = record.request
    period, zone = terms.period, terms.zone
    submitted = period.includes(request.submitted_at, zone)
    searched = request.performed_at is not None and period.includes(request.performed_at, zone)
    if not (submitted or searched):
        tally.outside_period += 1
        return
    parties = (request.requesting_agency, request.performing_agency)
    for party in parties:
        tally.seen.setdefault(party.id, party.name)
    if terms.agency is not None and terms.agency not in {p.id for p in parties}:
        tally.other_agencies += 1
        return
    try:
        judged = terms.version or version_for(terms.place, record)
    except LookupError as error:
        message = f"$.request.performed_at: {error}; choose a version"
        tally.problem(InputProblem(line=number, errors=(message,)))
        return
    outcome = judged.decide(request)
    if outcome is Outcome.NOT_APPLICABLE:
        tally.outside_scope += 1
        return
    tally.versions.setdefault(judged.instrument.id, judged)
    tally.count(number, record, asked=submitted, searched=searched)
    if outcome in {Outcome.NOT_PERMITTED, Outcome.FORBIDDEN}:
        tally.refuse(number, record, judged)


def _due(period: Period, versions: Sequence[Version]) -> str:
    """When the quarterly report of ``period`` is due, by the reading in force, in words."""
    try:
        reading = versions[0].policy.reading("quarterly-report-due")
    except LookupError:
        return "quarterly; the law read gives no due date"
    said = f"(reading {reading.id}={reading.chosen}, {reading.source})"
    quarter = Period.parse(f"{period.start.year:04}Q{(period.start.month + 2) // 3}")
    if quarter != period:
        rule = "the end of the quarter after" if reading.chosen == "next-quarter" else "the end of"
        return f"each quarter's requests by {rule} that quarter {said}"
    end = period.end
    if reading.chosen == "next-quarter":
        if end == date.max:
            return f"by the end of the quarter after this one, past the calendar's end {said}"
        following = period.end + timedelta(days=1)
        end = Period.parse(f"{following.year:04}Q{(following.month + 2) // 3}").end
    return f"by {_day_said(end)} {said}"


def _day_said(day: date) -> str:
    return f"{day.day} {day:%B} {day.year:04}"  # year 1 is 0001, as a period is written


def _eopss(  # noqa: PLR0913 - what the report is of, each named
    tally: _Tally,
    period: Period,
    log: str,
    *,
    agency: str | None,
    version: Version | None,
    zone: str,
    filer: Filer,
    due: str,
    assumptions: Assumptions,
) -> EopssReport:
    kinds = list(_NAMED_SEARCHERS) + sorted(
        {k for k, _ in tally.searcher} - set(_NAMED_SEARCHERS), key=lambda k: k.value
    )
    s, a = tally.searcher, tally.agency
    return EopssReport(
        generator=generator(),
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
            not_allowed=tally.refused_count,
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
        records=tuple(tally.request_records),
        records_not_listed=tally.record_count - len(tally.request_records),
        input_problems=tally.records(log),
        input_problems_not_listed=tally.not_listed,
        filer=filer,
        due=due,
        not_allowed=tuple(tally.refused),
        not_allowed_not_listed=tally.refused_count - len(tally.refused),
        assumptions=assumptions,
    )


# -- laid out for people ---------------------------------------------------------------------


def _eopss_tables(r: EopssReport) -> list[Table]:
    searchers, agencies, databases = r.by_searcher, r.by_agency, r.by_database
    basis = (
        ("court-ordered", BLUE),
        ("exigent", PENDING),
        ("neither", GREY),
    )
    searcher_labels = tuple(s.searcher.label for s in searchers)
    return [
        Table(
            name="searchers",
            title="Requests and searches by searching body",
            about="Requests submitted in the period to each body that searches, by what they "
            "rested on, and the searches each performed in the period. State Police and FBI "
            "searches are counted apart, as the law asks.",
            columns=(
                Column("searcher", "searching body"),
                Column("requests", "requests", Kind.COUNT),
                Column("court_ordered", "court-ordered", Kind.COUNT),
                Column("exigent", "exigent", Kind.COUNT),
                Column("neither", "neither", Kind.COUNT),
                Column("searches", "searches", Kind.COUNT),
            ),
            rows=tuple(
                (s.searcher, s.requests, s.court_ordered, s.exigent, s.neither, s.searches)
                for s in searchers
            ),
            chart=Chart(
                title="Requests by searching body and basis",
                labels=searcher_labels,
                series=tuple(
                    Series(name, color, tuple(getattr(s, field) for s in searchers))
                    for (name, color), field in zip(
                        basis, ("court_ordered", "exigent", "neither"), strict=True
                    )
                ),
            ),
        ),
        Table(
            name="agencies",
            title="Requests by agency",
            about="Each agency that asked for searches in the period: on what basis, of whom, "
            "and the searches performed for it.",
            columns=(
                Column("agency", "agency", Kind.ID),
                Column("name", "name"),
                Column("requests", "requests", Kind.COUNT),
                Column("court_ordered", "court-ordered", Kind.COUNT),
                Column("exigent", "exigent", Kind.COUNT),
                Column("neither", "neither", Kind.COUNT),
                Column("to_state_police", "to the State Police", Kind.COUNT),
                Column("to_fbi", "to the FBI", Kind.COUNT),
                Column("to_registry", "to the Registry", Kind.COUNT),
                Column("to_others", "to others", Kind.COUNT),
                Column("searches", "searches", Kind.COUNT),
            ),
            rows=tuple(
                (
                    x.agency,
                    x.name,
                    x.requests,
                    x.court_ordered,
                    x.exigent,
                    x.neither,
                    x.to_state_police,
                    x.to_fbi,
                    x.to_registry,
                    x.to_others,
                    x.searches,
                )
                for x in agencies
            ),
            chart=Chart(
                title="Requests by agency and basis",
                labels=tuple(x.agency for x in agencies),
                series=tuple(
                    Series(name, color, tuple(getattr(x, field) for x in agencies))
                    for (name, color), field in zip(
                        basis, ("court_ordered", "exigent", "neither"), strict=True
                    )
                ),
            ),
        ),
        Table(
            name="databases",
            title="Searches by database",
            about="The databases the period's searches ran against; a search of two "
            "databases counts under each.",
            columns=(
                Column("database", "database"),
                Column("searches", "searches", Kind.COUNT),
            ),
            rows=tuple((d.database or "none recorded", d.searches) for d in databases),
            chart=Chart(
                title="Searches by database",
                labels=tuple(
                    d.database.value.replace("_", " ") if d.database else "none recorded"
                    for d in databases
                ),
                series=(Series("searches", BLUE, tuple(d.searches for d in databases)),),
            ),
        ),
        _race_table(r),
        not_allowed_table(
            r.not_allowed,
            total=r.totals.not_allowed,
            about="Each request of the period the law in force did not permit, or forbade, "
            "with the provisions that decided and what the request lacked for each: what the "
            "agency must explain.",
        ),
        Table(
            name="requests",
            title="Each request and search",
            about="The record of each request submitted and each search performed in the "
            "period: what the quarterly reports hold and, under the 2023 bill, the public "
            "record (a request of the period searched after it, or searched in it but asked "
            "before, is listed once).",
            columns=(
                Column("line", "line", Kind.COUNT),
                Column("request_id", "request", Kind.ID),
                Column("submitted_at", "submitted", Kind.WHEN),
                Column("performed_at", "searched", Kind.WHEN),
                Column("agency", "agency", Kind.ID),
                Column("searcher", "searched by", Kind.ID),
                Column("purpose", "purpose"),
                Column("basis", "basis"),
                Column("emergency_reason", "emergency", under_row=True),
                Column("offense", "offense", Kind.ID),
                Column("databases", "databases", Kind.LIST),
                Column("candidates_returned", "matches", Kind.COUNT),
                Column("subject_race", "race"),
                Column("subject_gender", "gender"),
            ),
            rows=tuple(
                (
                    x.line,
                    x.request_id,
                    x.submitted_at,
                    x.performed_at,
                    x.agency,
                    x.searcher,
                    x.purpose,
                    x.basis,
                    x.emergency_reason,
                    x.offense,
                    x.databases,
                    x.candidates_returned,
                    x.subject_race,
                    x.subject_gender,
                )
                for x in r.records
            ),
            total=r.totals.reported,
            noun="requests",
        ),
        totals_table(
            r.totals,
            about="Every record of the log is accounted for: of another period, outside the "
            "law's scope, or in this report.",
        ),
        problems_table(r.input_problems, r.input_problems_not_listed),
        Table(
            name="law",
            title="What the law asks",
            about="The provisions this report answers, as encoded (see the documentation of "
            "each version for its sources and how sure they are).",
            columns=(
                Column("provision", "provision", Kind.ID),
                Column("citation", "citation"),
                Column("text", "what it asks"),
            ),
            rows=tuple((n.provision, n.citation, n.text) for n in r.law),
        ),
    ]


def _race_table(r: EopssReport) -> Table:
    rows = r.by_race
    genders = (
        ("female", "female", BLUE),
        ("male", "male", PENDING),
        ("nonbinary", "non-binary", MET),
        ("gender_not_recorded", "not recorded", GREY),
    )
    shown = [x for x in rows if x.searches]
    return Table(
        name="demographics",
        title="Searches by race and gender of the person searched",
        about="The statistics the 2023 bill asks for in §220(h), in the federal minimum "
        "categories of race and ethnicity; not recorded where the log does not say.",
        columns=(
            Column("race", "race"),
            *(Column(key, label, Kind.COUNT) for key, label, _ in genders),
            Column("searches", "searches", Kind.COUNT),
        ),
        rows=tuple(
            (
                x.race or "not recorded",
                x.female,
                x.male,
                x.nonbinary,
                x.gender_not_recorded,
                x.searches,
            )
            for x in rows
        ),
        chart=Chart(
            title="Searches by race and gender",
            labels=tuple(x.race.label if x.race else "not recorded" for x in shown),
            series=tuple(
                Series(label, color, tuple(getattr(x, key) for x in shown))
                for key, label, color in genders
            ),
        ),
    )


def eopss_document(r: EopssReport) -> Document:
    """An EOPSS report laid out for people: facts, headline numbers, findings, tables."""
    t = r.totals
    by_kind = {s.searcher: s for s in r.by_searcher}
    police, fbi = by_kind[AgencyKind.STATE_POLICE], by_kind[AgencyKind.FBI]
    judged = judged_under(r.version, "request")
    return Document(
        title=f"Facial recognition requests and searches, {r.period.label}"
        + (f", of {r.agency}" if r.agency is not None else ""),
        facts=(
            (
                f"Massachusetts ({r.jurisdiction}), for the Executive Office of Public Safety "
                f"and Security (EOPSS); judged under {judged}."
            ),
            (
                f"From {r.log}: requests counted on the day submitted, searches on the day "
                f"performed, in {r.time_zone} time."
            ),
        ),
        headline=(
            ("requests", t.requests),
            ("searches", t.searches),
            ("requests to the State Police", police.requests),
            ("court-ordered", police.court_ordered),
            ("exigent", police.exigent),
            ("requests to the FBI", fbi.requests),
        ),
        findings=(
            f"{t.requests:,} requests and {t.searches:,} searches {r.period.during}: "
            f"{police.requests:,} requests to the State Police ({police.court_ordered:,} "
            f"court-ordered, {police.exigent:,} exigent, {police.neither:,} neither) and "
            f"{fbi.requests:,} to the FBI. Not in the report: {t.outside_period:,} records of "
            f"other periods"
            + (f", {t.other_agencies:,} of other agencies" if r.agency is not None else "")
            + f" and {t.outside_scope:,} the law does not govern."
            + (
                f" The law does not allow {t.not_allowed:,} of the requests reported: see "
                "Requests the law does not allow."
                if t.not_allowed
                else ""
            )
        ),
        tables=tuple(_eopss_tables(r)),
        footer=made_by(r.generator, r.schema_version),
        assumptions=r.assumptions,
        filing=Filing(
            filer_role="Reporting agency",
            filer=filed_by(r.filer),
            contact=r.filer.contact,
            recipient="the Executive Office of Public Safety and Security (EOPSS)",
            period=r.period.label,
            due=r.due,
            certification=CERTIFICATION,
        ),
        default=EOPSS_TABLES[0],
    )


CERTIFICATION = (
    "I certify that this report lists every facial recognition request the agency made and "
    "every search it performed in the period, as its records show them, and that the "
    "records are true and complete to the best of my knowledge."
)
"""The statement the person who files a report signs."""


def _make(entries: Iterable[tuple[int, Entry]], terms: ReportTerms) -> EopssReport:
    return eopss_report(
        entries,
        period=terms.period,
        log=terms.log,
        agency=terms.agency,
        version=terms.version,
        limit=terms.limit,
        law=terms.law,
        contact=terms.contact,
        inputs=terms.inputs,
        asked=terms.asked,
        problem_limit=terms.problem_limit,
    )


EOPSS = StatutoryReport(
    jurisdiction="US-MA",
    name="eopss",
    title="Quarterly report of facial recognition requests and searches to EOPSS",
    citation=Citation(instrument="St. 2020, c.253", section="G.L. c.6 §220"),
    source=Source(
        verification=Verification.SUMMARY,
        confidence=Confidence.MEDIUM,
        reference="fastdemocracy MAB00081266; idtechwire; EOPSS report data (provisions "
        "catalog MA-LAW-LOG, MA-LAW-ANNUAL, MA-REPORT)",
    ),
    who="each agency that asks for or performs a facial recognition search",
    recipient="the Executive Office of Public Safety and Security (EOPSS), which publishes "
    "annual statistics",
    due="quarterly; the sources give no date (reading quarterly-report-due)",
    period="a calendar quarter (any run of days for EOPSS's own statistics)",
    report_type=EopssReport,
    tables=EOPSS_TABLES,
    make=_make,
)
"""Massachusetts' quarterly report to EOPSS, as registered: ``US-MA:eopss``."""
