"""Montana's two annual reports on facial recognition searches, MCA 44-15-111(2) and (3).

MCA 44-15-111, read whole in the text (self-law.org, codes.findlaw.com "current as of
January 01, 2024", lawserver.com; the same words in each, as enacted by Laws of Montana
2023, ch. 781):

    (2) By June 30 of each year, a local law enforcement agency that utilized facial
    recognition technology shall submit a report to the criminal intelligence information
    section established in 44-5-501 containing all of the following information based on
    data from the previous calendar year: (a) the number of facial recognition searches
    run; (b) the offenses that the searches were used to investigate; and (c) the number
    of arrests and convictions that resulted from the searches.
    (3) By September 1 of each year, in accordance with 5-11-210, the department of
    justice shall submit a report to the economic affairs interim committee and the law
    and justice interim committee containing all the following information based on data
    from the previous calendar year: (a) the information submitted to the department of
    justice pursuant to subsection (2); (b) the names of the law enforcement agencies and
    other entities requesting facial recognition services; (c) the number of searches run;
    (d) the offenses that the searches were used to investigate; and (e) the number of
    arrests and convictions that resulted from the searches.

They are two reports, registered apart: each has its own filer (each local agency; the
Department of Justice), recipient (the Criminal Intelligence Information Section; two
interim committees), day (June 30; September 1) and items, and the second takes in the
first. :func:`montana_local_report` counts the searches a local agency's report counts
(those the duty ``MT-LOCAL-REPORT`` attaches to) and :func:`montana_department_report` the
Department's own (the duty ``MT-DEPARTMENT-REPORT``: every search it runs, with who asked),
with, as item (3)(a), what the local reports of the same log hold. Each counts the searches
run in the period (the text's "previous calendar year"), on the day each was run, in Montana
time, lawful or not; a request never run is no search run, and is counted apart. A search
with no offense named (a missing or deceased person) investigated none, and is said so.

Item (c) of (2), and (e) of (3), the arrests and convictions that resulted, are not in a
search log: each report says so where it would give them, for the filer to add from its
case records. Nothing the text does not ask for is counted. Which local agency's report
counts a search one body runs for another is the report's own reading
(:data:`LOCAL_AGENCY`): the text asks an agency "that utilized facial recognition
technology" for "the number of facial recognition searches run", and does not say whether
asking the Department to run one is using it.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from datetime import date, datetime, tzinfo

import attrs

from frpolicy.compliance import LAW_IN_FORCE, Entry, version_for
from frpolicy.jurisdictions import Jurisdiction, Version
from frpolicy.jurisdictions.us_mt.common import cite
from frpolicy.law import Choice, Confidence, Reading, Source, Verification
from frpolicy.model import Agency, AgencyKind, SearchRecord
from frpolicy.policy import NO_LAW, Decision, Outcome
from frpolicy.reports._assumptions import Assumptions
from frpolicy.reports._charts import BLUE, Series
from frpolicy.reports._common import (
    SCHEMA_VERSION,
    Filer,
    LogTally,
    Period,
    ProblemRecord,
    counted,
    filed_by,
    generator,
    judged_under,
    law_of,
    made_by,
    owes,
    problems_table,
    reading_in_force,
    report_assumptions,
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
    "DEPARTMENT_CERTIFICATION",
    "DEPARTMENT_REPORT",
    "LOCAL_AGENCY",
    "LOCAL_CERTIFICATION",
    "LOCAL_REPORT",
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
]

_CODE = "US-MT"
_LOCAL_DUTY = "MT-LOCAL-REPORT"
_DEPARTMENT_DUTY = "MT-DEPARTMENT-REPORT"
_TEXT = (
    "MCA 44-15-111 (self-law.org, codes.findlaw.com, lawserver.com), as enacted by Laws of "
    "Montana 2023, ch. 781 (SB 397)"
)
_NOT_IN_A_LOG = "not in a search log"

LOCAL_AGENCY = Reading(
    id="mt-local-report-agency",
    question="MCA 44-15-111(2) asks a local law enforcement agency 'that utilized facial "
    "recognition technology' to report 'the number of facial recognition searches run'. Does "
    "a search the Department of Justice (or another body) runs at a local agency's request "
    "count in that agency's report, or only the searches a local agency runs itself?",
    choices=(
        Choice(
            id="asking-agency",
            text="In the report of the local agency that asked for it (or ran it, when no "
            "local agency asked): it used the technology through the body that ran the "
            "search, the chapter reaches 'requesting' facial recognition, and the "
            "Department's own report takes in the local reports apart from its searches.",
        ),
        Choice(
            id="running-agency",
            text="Only in the report of a local agency that ran it: the searches 'run' are "
            "its own; a search the Department ran for it is in the Department's report alone.",
        ),
    ),
    source=Source(
        verification=Verification.TEXT,
        confidence=Confidence.LOW,
        reference=f"{_TEXT}; an interpretation of 'utilized' and 'searches run' in (2)",
    ),
    citation=cite("111", "(2)"),
)
"""Whose June 30 report counts a search one body runs at a local agency's request."""

MONTANA_LOCAL_TABLES = ("searches", "offenses", "totals", "problems", "assumptions")
"""The tables of a :class:`MontanaLocalReport`, by name (the first is the CSV default)."""

MONTANA_DEPARTMENT_TABLES = (
    "searches",
    "requesters",
    "offenses",
    "local-reports",
    "totals",
    "problems",
    "assumptions",
)
"""The tables of a :class:`MontanaDepartmentReport`, by name (the first is the CSV default)."""


@attrs.frozen(kw_only=True)
class MontanaSearch:
    """One search run in the period, as a report counts it.

    ``agency`` is the agency whose report counts it; ``requested_by`` asked for it and
    ``performed_by`` ran it. ``offense`` is the offense's code, or ``None`` for a search that
    investigated none (``description`` then says its purpose).
    """

    line: int
    request_id: str
    agency: str
    requested_by: str
    performed_by: str
    performed_at: datetime
    offense: str | None
    description: str
    outcome: Outcome


@attrs.frozen(kw_only=True)
class OffenseSearches:
    """Items (2)(a)-(b) and (3)(c)-(d): the searches one agency ran for one offense.

    ``offense`` is ``None`` for the searches that investigated no offense (a missing or
    deceased person), counted by purpose in ``description``.
    """

    agency: str
    offense: str | None
    description: str
    searches: int


@attrs.frozen(kw_only=True)
class RequesterSearches:
    """Item (3)(b): an agency or other entity that requested the Department's searches.

    ``home`` is where it belongs (``US-MT``, another state's code, ``US`` for a federal
    agency; ``None``: not recorded).
    """

    requester: str
    name: str
    home: str | None
    searches: int


@attrs.frozen(kw_only=True)
class MontanaLocalTotals:
    """What a June 30 report counted, so that every line of the log is accounted for.

    ``records`` is ``not_run`` plus ``outside_period`` plus ``before_the_law`` plus
    ``outside_the_report`` plus ``other_agencies`` plus ``searches``: the requests of the
    period never run, the searches run on other days, before the chapter was in force, those
    no local agency's report counts, those of other agencies (for one agency's report), and
    the searches counted.
    """

    lines_read: int
    records: int
    malformed_lines: int
    blank_lines: int
    duplicate_request_ids: int
    not_run: int
    outside_period: int
    before_the_law: int
    outside_the_report: int
    other_agencies: int
    searches: int
    not_permitted: int


@attrs.frozen(kw_only=True)
class MontanaDepartmentTotals:
    """What a September 1 report counted, so that every line of the log is accounted for.

    ``records`` is ``not_run`` plus ``outside_period`` plus ``before_the_law`` plus
    ``outside_the_report`` plus ``searches``: as for :class:`MontanaLocalTotals`, with the
    Department's searches counted. ``local_searches`` are those the local reports count
    (item (a)): many are also the Department's, run at a local agency's request.
    """

    lines_read: int
    records: int
    malformed_lines: int
    blank_lines: int
    duplicate_request_ids: int
    not_run: int
    outside_period: int
    before_the_law: int
    outside_the_report: int
    searches: int
    requesters: int
    not_permitted: int
    local_searches: int


@attrs.frozen(kw_only=True)
class MontanaLocalReport:
    """A local law enforcement agency's June 30 report under MCA 44-15-111(2), for a period.

    ``offenses`` are items (a) and (b); ``searches`` lists each search counted. Item (c),
    the arrests and convictions, is not in a search log. Due June 30 of the year after the
    period (``due``). Without ``agency``, every local agency's report, by agency.
    """

    schema_version: int = SCHEMA_VERSION
    generator: str
    jurisdiction: str
    version: str
    period: Period
    agency: str | None
    time_zone: str
    log: str
    filer: Filer
    due: date
    totals: MontanaLocalTotals
    offenses: tuple[OffenseSearches, ...]
    searches: tuple[MontanaSearch, ...]
    searches_not_listed: int
    input_problems: tuple[ProblemRecord, ...]
    input_problems_not_listed: int
    assumptions: Assumptions

    def document(self) -> Document:
        """The report laid out for people, as every format but JSON writes it."""
        return _local_document(self)


@attrs.frozen(kw_only=True)
class MontanaDepartmentReport:
    """The Department of Justice's September 1 report under MCA 44-15-111(3), for a period.

    ``local_offenses`` is item (a), what the local reports of the same log hold;
    ``requesters`` item (b); ``offenses`` items (c) and (d), of the Department's searches,
    each listed in ``searches``. Item (e), the arrests and convictions, is not in a search
    log. Due September 1 of the year after the period (``due``).
    """

    schema_version: int = SCHEMA_VERSION
    generator: str
    jurisdiction: str
    version: str
    period: Period
    time_zone: str
    log: str
    filer: Filer
    due: date
    totals: MontanaDepartmentTotals
    requesters: tuple[RequesterSearches, ...]
    offenses: tuple[OffenseSearches, ...]
    local_offenses: tuple[OffenseSearches, ...]
    searches: tuple[MontanaSearch, ...]
    searches_not_listed: int
    input_problems: tuple[ProblemRecord, ...]
    input_problems_not_listed: int
    assumptions: Assumptions

    def document(self) -> Document:
        """The report laid out for people, as every format but JSON writes it."""
        return _department_document(self)


# -- reading the log -------------------------------------------------------------------------


def _montana_local(agency: Agency) -> bool:
    return agency.kind is AgencyKind.LOCAL_POLICE and agency.home == _CODE


@attrs.frozen
class _Terms:
    terms: ReportTerms
    place: Jurisdiction
    reading: Reading
    zone: tzinfo
    department: bool


@attrs.define
class _Tally(LogTally):
    not_run: int = 0
    outside_period: int = 0
    before_the_law: int = 0
    outside_the_report: int = 0
    other_agencies: int = 0
    search_count: int = 0
    not_permitted: int = 0
    searches: list[MontanaSearch] = attrs.Factory(list)
    offenses: Counter[tuple[str, str | None, str]] = attrs.Factory(Counter)
    local_offenses: Counter[tuple[str, str | None, str]] = attrs.Factory(Counter)
    requesters: Counter[tuple[str, str, str | None]] = attrs.Factory(Counter)
    names: dict[str, str] = attrs.Factory(dict)
    versions: dict[str, Version] = attrs.Factory(dict)

    def take(self, number: int, record: SearchRecord, how: _Terms) -> None:
        """Sort one record: never run, of another period or outside the report, or counted."""
        request, terms = record.request, how.terms
        performed = request.performed_at
        if performed is None:
            # a request never run is no search run; counted once, if made in the period
            if terms.period.includes(request.submitted_at, how.zone):
                self.not_run += 1
            else:
                self.outside_period += 1
            return
        if not terms.period.includes(performed, how.zone):
            self.outside_period += 1
            return
        judged = terms.version or version_for(how.place, record)
        if judged.instrument.id == NO_LAW:
            self.before_the_law += 1
            return
        decision = judged.evaluate(request)
        local = _local_agency(record, decision, how.reading)
        if local is not None:
            self.local_offenses[(local.id, *_offense(record))] += 1
        if how.department:
            if not owes(decision, _DEPARTMENT_DUTY):
                self.outside_the_report += 1
                return
            agency = request.performing_agency
            asking = request.requesting_agency
            self.requesters[asking.id, asking.name, asking.home] += 1
        else:
            if local is None:
                self.outside_the_report += 1
                return
            if terms.agency is not None and local.id != terms.agency:
                self.other_agencies += 1
                return
            agency = local
        self.versions.setdefault(judged.instrument.id, judged)
        self.names.setdefault(agency.id, agency.name)
        self.not_permitted += decision.outcome in {Outcome.NOT_PERMITTED, Outcome.FORBIDDEN}
        offense, description = _offense(record)
        self.search_count += 1
        self.offenses[agency.id, offense, description] += 1
        self.keep(
            self.searches,
            MontanaSearch(
                line=number,
                request_id=request.id,
                agency=agency.id,
                requested_by=request.requesting_agency.id,
                performed_by=request.performing_agency.id,
                performed_at=performed.astimezone(how.zone),
                offense=offense,
                description=description,
                outcome=decision.outcome,
            ),
        )


def _local_agency(record: SearchRecord, decision: Decision, reading: Reading) -> Agency | None:
    """The local agency whose June 30 report counts a search, by the reading in force."""
    if not owes(decision, _LOCAL_DUTY):
        return None
    request = record.request
    asking, running = request.requesting_agency, request.performing_agency
    if reading.chosen == "asking-agency" and _montana_local(asking):
        return asking
    return running if _montana_local(running) else None


def _offense(record: SearchRecord) -> tuple[str | None, str]:
    """The offense a search investigated, its code and title; or none, and the purpose."""
    request = record.request
    if request.offense is not None:
        return request.offense.code, request.offense.title
    return None, f"no offense ({request.purpose.label})"


def _read(
    entries: Iterable[tuple[int, Entry]], terms: ReportTerms, *, department: bool
) -> tuple[_Tally, _Terms, list[Version]]:
    tally = _Tally(terms.limit, problem_limit=terms.problem_limit)
    place = law_of(_CODE, terms.law)
    reading = terms.choice(LOCAL_AGENCY)
    zone = place.versions[0].policy.calendar.zone
    how = _Terms(terms, place, reading, zone, department)
    tally.read(entries, lambda number, record: tally.take(number, record, how))
    versions = list(tally.versions.values()) or [terms.version or place.versions[0]]
    return tally, how, versions


def montana_local_report(
    entries: Iterable[tuple[int, Entry]], terms: ReportTerms
) -> MontanaLocalReport:
    """The MCA 44-15-111(2) report of a Montana search log, for the searches run in a period.

    A search counts on the day it was run, in Montana time, when the duty
    ``MT-LOCAL-REPORT`` attaches to it under the law in force on its day (or
    ``terms.version``), in the report of the local agency the report's reading
    ``mt-local-report-agency`` names. ``terms.agency`` makes one agency's report. Every other
    record is counted apart.

    Raises:
        ValueError: ``terms.limit`` is negative, ``terms.law`` is not Montana's, or a choice
            asked for one of the report's readings is not one of its choices.
    """
    tally, how, versions = _read(entries, terms, department=False)
    t = how.terms
    return MontanaLocalReport(
        generator=generator(),
        jurisdiction=_CODE,
        version=t.version.instrument.id if t.version else LAW_IN_FORCE,
        period=t.period,
        agency=t.agency,
        time_zone=str(how.zone),
        log=t.log,
        filer=Filer(agency=t.agency, name=tally.names.get(t.agency or "", ""), contact=t.contact),
        due=date(t.period.end.year + 1, 6, 30),
        totals=MontanaLocalTotals(
            lines_read=tally.lines_read,
            records=tally.not_run
            + tally.outside_period
            + tally.before_the_law
            + tally.outside_the_report
            + tally.other_agencies
            + tally.search_count,
            malformed_lines=tally.problem_count,
            blank_lines=tally.blank,
            duplicate_request_ids=tally.duplicate_count,
            not_run=tally.not_run,
            outside_period=tally.outside_period,
            before_the_law=tally.before_the_law,
            outside_the_report=tally.outside_the_report,
            other_agencies=tally.other_agencies,
            searches=tally.search_count,
            not_permitted=tally.not_permitted,
        ),
        offenses=_offense_rows(tally.offenses),
        searches=tuple(tally.searches),
        searches_not_listed=tally.search_count - len(tally.searches),
        input_problems=tally.records(t.log),
        input_problems_not_listed=tally.not_listed,
        assumptions=_assumed(how, versions, "local-report"),
    )


def montana_department_report(
    entries: Iterable[tuple[int, Entry]], terms: ReportTerms
) -> MontanaDepartmentReport:
    """The MCA 44-15-111(3) report of a Montana search log, for the searches run in a period.

    The Department's searches count on the day each was run, in Montana time, when the duty
    ``MT-DEPARTMENT-REPORT`` attaches to it under the law in force on its day (or
    ``terms.version``), with who requested it; item (a) holds what the local reports of the
    same log count, as :func:`montana_local_report` counts it. ``terms.agency`` names the
    Department's filer, and filters nothing: the Department reports every search it ran.

    Raises:
        ValueError: ``terms.limit`` is negative, ``terms.law`` is not Montana's, or a choice
            asked for one of the report's readings is not one of its choices.
    """
    tally, how, versions = _read(entries, terms, department=True)
    t = how.terms
    return MontanaDepartmentReport(
        generator=generator(),
        jurisdiction=_CODE,
        version=t.version.instrument.id if t.version else LAW_IN_FORCE,
        period=t.period,
        time_zone=str(how.zone),
        log=t.log,
        filer=Filer(agency=t.agency, name=tally.names.get(t.agency or "", ""), contact=t.contact),
        due=date(t.period.end.year + 1, 9, 1),
        totals=MontanaDepartmentTotals(
            lines_read=tally.lines_read,
            records=tally.not_run
            + tally.outside_period
            + tally.before_the_law
            + tally.outside_the_report
            + tally.search_count,
            malformed_lines=tally.problem_count,
            blank_lines=tally.blank,
            duplicate_request_ids=tally.duplicate_count,
            not_run=tally.not_run,
            outside_period=tally.outside_period,
            before_the_law=tally.before_the_law,
            outside_the_report=tally.outside_the_report,
            searches=tally.search_count,
            requesters=len(tally.requesters),
            not_permitted=tally.not_permitted,
            local_searches=sum(tally.local_offenses.values()),
        ),
        requesters=tuple(
            RequesterSearches(requester=r, name=name, home=home, searches=n)
            for (r, name, home), n in sorted(tally.requesters.items(), key=lambda i: (-i[1], i[0]))
        ),
        offenses=_offense_rows(tally.offenses),
        local_offenses=_offense_rows(tally.local_offenses),
        searches=tuple(tally.searches),
        searches_not_listed=tally.search_count - len(tally.searches),
        input_problems=tally.records(t.log),
        input_problems_not_listed=tally.not_listed,
        assumptions=_assumed(how, versions, "department-report"),
    )


def _offense_rows(counts: Counter[tuple[str, str | None, str]]) -> tuple[OffenseSearches, ...]:
    """Searches by agency and offense: most first within an agency, no offense last."""
    return tuple(
        OffenseSearches(agency=a, offense=o, description=d, searches=n)
        for (a, o, d), n in sorted(
            counts.items(), key=lambda i: (i[0][0], i[0][1] is None, -i[1], i[0][1] or i[0][2])
        )
    )


def _assumed(how: _Terms, versions: list[Version], name: str) -> Assumptions:
    return report_assumptions(
        versions,
        how.terms,
        report=f"{_CODE}:{name}",
        readings=(how.reading,),
        counted="the report counts the searches run in its period",
    )


# -- laid out for people ---------------------------------------------------------------------

LOCAL_CERTIFICATION = (
    "I certify that this report gives the number of facial recognition searches the agency "
    "ran in the calendar year and the offenses they were used to investigate, as its records "
    "show them, with the arrests and convictions that resulted from them."
)
"""The statement the local agency's officer signs."""

DEPARTMENT_CERTIFICATION = (
    "I certify that this report gives the information the local law enforcement agencies "
    "submitted, the names of the agencies and other entities that requested facial "
    "recognition services, the number of searches run, the offenses they were used to "
    "investigate and the arrests and convictions that resulted, from the data of the "
    "calendar year."
)
"""The statement the Department of Justice's officer signs."""


def _day(day: date) -> str:
    return f"{day.day} {day:%B %Y}"


def _offenses_table(
    rows: tuple[OffenseSearches, ...], *, name: str, title: str, about: str
) -> Table:
    by_offense: Counter[str] = Counter()
    for x in rows:
        by_offense[x.description] += x.searches
    top = by_offense.most_common()
    return Table(
        name=name,
        title=title,
        about=about,
        columns=(
            Column("agency", "agency", Kind.ID),
            Column("offense", "code", Kind.ID),
            Column("description", "offense investigated"),
            Column("searches", "searches run", Kind.COUNT),
            Column("arrests_and_convictions", "arrests and convictions"),
        ),
        rows=tuple(
            (x.agency, x.offense or "", x.description, x.searches, _NOT_IN_A_LOG) for x in rows
        ),
        chart=Chart(
            title="Searches run by offense investigated",
            labels=tuple(label for label, _ in top),
            series=(Series("searches", BLUE, tuple(n for _, n in top)),),
        ),
    )


def _searches_table(r: MontanaLocalReport | MontanaDepartmentReport, *, about: str) -> Table:
    return Table(
        name="searches",
        title="Each search run",
        about=about,
        columns=(
            Column("line", "line", Kind.COUNT),
            Column("request_id", "request", Kind.ID),
            Column("agency", "report of", Kind.ID),
            Column("requested_by", "requested by", Kind.ID),
            Column("performed_by", "run by", Kind.ID, terminal=False),
            Column("performed_at", "run", Kind.WHEN),
            Column("offense", "code", Kind.ID, page=False),
            Column("description", "offense investigated"),
            Column("outcome", "outcome", terminal=False),
        ),
        rows=tuple(
            (
                x.line,
                x.request_id,
                x.agency,
                x.requested_by,
                x.performed_by,
                x.performed_at,
                x.offense or "",
                x.description,
                x.outcome,
            )
            for x in r.searches
        ),
        total=r.totals.searches,
        noun="searches",
    )


def _local_document(r: MontanaLocalReport) -> Document:
    t = r.totals
    agencies = len({x.agency for x in r.offenses})
    return Document(
        title=f"Facial recognition searches, {r.period.label}"
        + (f", of {r.agency}" if r.agency is not None else ", every local agency"),
        facts=(
            (
                f"Montana ({r.jurisdiction}), MCA 44-15-111(2), for the Criminal Intelligence "
                f"Information Section of the Department of Justice; judged under "
                f"{judged_under(r.version, 'search')}."
            ),
            (
                f"From {r.log}: each search counted on the day it was run, in {r.time_zone} "
                "time, lawful or not; the searches are, by "
                f"{reading_in_force(r.assumptions, LOCAL_AGENCY)} Item "
                "(c), the number of arrests and convictions that resulted from the searches, "
                "is not in a search log: the agency adds it from its case records."
            ),
        ),
        headline=(
            ("searches run", t.searches),
            ("offenses", len({x.offense for x in r.offenses if x.offense is not None})),
            ("agencies", agencies),
            ("not permitted", t.not_permitted),
        ),
        findings=(
            f"{counted(t.searches, 'search', 'searches')} run {r.period.during} by or for "
            f"{counted(agencies, 'local agency', 'local agencies')}, to investigate "
            f"{counted(len({x.offense for x in r.offenses if x.offense}), 'offense')}; "
            f"{t.not_permitted:,} the law in force did not permit. Not in the report: "
            f"{counted(t.not_run, 'request')} of the period never run, "
            f"{counted(t.outside_period, 'record')} of other periods, {t.before_the_law:,} "
            f"before the chapter, {t.outside_the_report:,} no local agency's report counts"
            + (f", {t.other_agencies:,} of other agencies" if r.agency is not None else "")
            + "."
        ),
        tables=(
            _searches_table(
                r,
                about="Each search of the period a local agency's report counts, by the day it "
                "was run, with the offense it was used to investigate.",
            ),
            _offenses_table(
                r.offenses,
                name="offenses",
                title="(a)-(c) Searches run by offense investigated",
                about="The number of searches run, by the offense each was used to "
                "investigate; the arrests and convictions that resulted are for the agency to "
                "add.",
            ),
            totals_table(
                t,
                about="Every record of the log is accounted for: never run, run on other days "
                "or before the chapter, counted by no local agency's report, of another "
                "agency, or a search counted.",
            ),
            problems_table(r.input_problems, r.input_problems_not_listed),
        ),
        footer=made_by(r.generator, r.schema_version),
        assumptions=r.assumptions,
        filing=Filing(
            filer_role="Local law enforcement agency",
            filer=filed_by(r.filer),
            contact=r.filer.contact,
            recipient="the Criminal Intelligence Information Section, Department of Justice",
            period=r.period.label,
            due=f"by {_day(r.due)}",
            certification=LOCAL_CERTIFICATION,
        ),
        default=MONTANA_LOCAL_TABLES[0],
    )


def _department_document(r: MontanaDepartmentReport) -> Document:
    t = r.totals
    return Document(
        title=f"Facial recognition searches of the Department of Justice, {r.period.label}",
        facts=(
            (
                f"Montana ({r.jurisdiction}), MCA 44-15-111(3), for the economic affairs "
                "interim committee and the law and justice interim committee; judged under "
                f"{judged_under(r.version, 'search')}."
            ),
            (
                f"From {r.log}: each search the Department ran counted on the day it was run, "
                f"in {r.time_zone} time, lawful or not, with who requested it. Item (a) is what "
                "the local agencies' reports of the same log count: by "
                f"{reading_in_force(r.assumptions, LOCAL_AGENCY)} "
                "Item (e), the number of arrests and convictions that resulted, is not in a "
                "search log: the Department adds it from the local reports and its case "
                "records."
            ),
        ),
        headline=(
            ("searches run", t.searches),
            ("requesting entities", t.requesters),
            ("offenses", len({x.offense for x in r.offenses if x.offense is not None})),
            ("local searches", t.local_searches),
            ("not permitted", t.not_permitted),
        ),
        findings=(
            f"{counted(t.searches, 'search', 'searches')} run by the Department "
            f"{r.period.during}, requested by "
            f"{counted(t.requesters, 'agency or entity', 'agencies or entities')}; "
            f"{t.not_permitted:,} the law in force did not permit; the local agencies' "
            f"reports count {counted(t.local_searches, 'search', 'searches')}. Not in the "
            f"report: {counted(t.not_run, 'request')} of the period never run, "
            f"{counted(t.outside_period, 'record')} of other periods, {t.before_the_law:,} "
            f"before the chapter, {t.outside_the_report:,} not the Department's."
        ),
        tables=(
            _searches_table(
                r,
                about="Each search the Department ran in the period, by the day it was run, "
                "with who requested it and the offense it was used to investigate.",
            ),
            Table(
                name="requesters",
                title="(b) The agencies and other entities requesting facial recognition services",
                about="Each agency or other entity that requested a search the Department ran "
                "in the period, where it belongs, and how many.",
                columns=(
                    Column("requester", "requester", Kind.ID),
                    Column("name", "name"),
                    Column("home", "of", Kind.ID),
                    Column("searches", "searches run", Kind.COUNT),
                ),
                rows=tuple(
                    (x.requester, x.name, x.home or "not recorded", x.searches)
                    for x in r.requesters
                ),
            ),
            _offenses_table(
                r.offenses,
                name="offenses",
                title="(c)-(e) The Department's searches by offense investigated",
                about="The number of searches the Department ran, by the offense each was used "
                "to investigate; the arrests and convictions that resulted are for the "
                "Department to add.",
            ),
            _offenses_table(
                r.local_offenses,
                name="local-reports",
                title="(a) What the local agencies' reports hold",
                about="The searches each local agency's June 30 report counts, by offense, "
                "from the same log: a search the Department ran at a local agency's request is "
                "counted here and above.",
            ),
            totals_table(
                t,
                about="Every record of the log is accounted for: never run, run on other days "
                "or before the chapter, not the Department's, or a search counted.",
            ),
            problems_table(r.input_problems, r.input_problems_not_listed),
        ),
        footer=made_by(r.generator, r.schema_version),
        assumptions=r.assumptions,
        filing=Filing(
            filer_role="Department of Justice",
            filer=filed_by(r.filer),
            contact=r.filer.contact,
            recipient="the economic affairs interim committee and the law and justice interim "
            "committee",
            period=r.period.label,
            due=f"by {_day(r.due)}",
            certification=DEPARTMENT_CERTIFICATION,
        ),
        default=MONTANA_DEPARTMENT_TABLES[0],
    )


_SOURCE = Source(verification=Verification.TEXT, confidence=Confidence.HIGH, reference=_TEXT)

LOCAL_REPORT = StatutoryReport(
    jurisdiction=_CODE,
    name="local-report",
    title="A local agency's annual report of facial recognition searches (MCA 44-15-111(2))",
    citation=cite("111", "(2)"),
    source=_SOURCE,
    who="each local law enforcement agency that utilized facial recognition technology",
    recipient="the Criminal Intelligence Information Section of the Department of Justice",
    due="June 30 each year",
    period="the previous calendar year",
    report_type=MontanaLocalReport,
    tables=MONTANA_LOCAL_TABLES,
    make=montana_local_report,
    readings=(LOCAL_AGENCY,),
)
"""Montana's local agencies' June 30 report, as registered: ``US-MT:local-report``."""

DEPARTMENT_REPORT = StatutoryReport(
    jurisdiction=_CODE,
    name="department-report",
    title="The Department of Justice's annual report of facial recognition searches "
    "(MCA 44-15-111(3))",
    citation=cite("111", "(3)"),
    source=_SOURCE,
    who="the Department of Justice",
    recipient="the economic affairs interim committee and the law and justice interim committee",
    due="September 1 each year",
    period="the previous calendar year",
    report_type=MontanaDepartmentReport,
    tables=MONTANA_DEPARTMENT_TABLES,
    make=montana_department_report,
    readings=(LOCAL_AGENCY,),
)
"""The Montana Department of Justice's September 1 report, as registered:
``US-MT:department-report``."""
