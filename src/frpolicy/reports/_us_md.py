"""Maryland's annual report on facial recognition, Crim. Proc. §2-510, made from a search log.

§2-510(a), read in two copies of the code (self-law.org and casetext.com; the provisions
catalog had it from a summary only): on or before February 1 each year, a law enforcement
agency using or contracting for the use of facial recognition technology prepares and
publishes a report for the prior calendar year, including

1. the name of each facial recognition system, and the names and a description of the
   databases searched;
2. for each system, the total number of searches performed by the agency, and the type of
   crime or incident associated with each use;
3. the total number of possible matches returned that led to further investigative action,
   for each system and each database searched, including the age, race and gender of the
   individuals connected to them, where the government records searched give them; and
4. any data breaches or unauthorized uses of facial recognition under the agency's control.

(b) The agency submits the report to the Governor's Office of Crime Prevention, Youth, and
Victim Services by May 1; (c) that office reports to the Governor and the General Assembly
by October 1, disaggregated by agency.

:func:`maryland_annual_report` counts each search performed in the year that the subtitle
governs. The log says which matches were acted on (``SearchRecord.matches_acted_on``) and
who the person sought was (``subject_age``, ``subject_race``, ``subject_gender``): it records
one person a search, so a search whose matches led to further action counts that person
once. Unauthorized uses are the searches the law in force did not permit or forbade, each
with why; data breaches are not in a search log, and the agency adds any. Which agency's
report a search run by one body for another counts in is a question the text leaves open:
the report's own reading (:data:`AGENCY_READING`).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from datetime import date, datetime, tzinfo

import attrs

from frpolicy.compliance import LAW_IN_FORCE, Entry, version_for
from frpolicy.jurisdictions import Jurisdiction, Version
from frpolicy.law import Choice, Citation, Confidence, Reading, Source, Verification
from frpolicy.model import AgencyKind, Database, Gender, Race, SearchRecord
from frpolicy.policy import NO_LAW, Outcome
from frpolicy.reports._assumptions import Assumptions
from frpolicy.reports._charts import BLUE, Series
from frpolicy.reports._common import (
    SCHEMA_VERSION,
    Filer,
    LogTally,
    NotAllowedRecord,
    Period,
    ProblemRecord,
    age_band,
    counted,
    demographic_order,
    filed_by,
    generator,
    judged_under,
    law_of,
    made_by,
    not_allowed,
    not_allowed_table,
    people_table,
    problems_table,
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
    "AGENCY_READING",
    "ANNUAL_REPORT",
    "MARYLAND_TABLES",
    "CrimeCount",
    "MarylandAnnualReport",
    "MarylandSearch",
    "MarylandTotals",
    "MatchCount",
    "PersonCount",
    "SystemUse",
    "maryland_annual_report",
]

_CODE = "US-MD"
_NAME = "annual-report"
_SECTION = "Md. Code, Crim. Proc. §2-510"
_CITATION = Citation(instrument="2024 Md. Laws ch. 808", section=_SECTION, subsection="(a)")
_TEXT = Source(
    verification=Verification.TEXT,
    confidence=Confidence.HIGH,
    reference="self-law.org/code/md/criminal-procedure/2-510; casetext.com, Crim. Proc. "
    "§2-510 'Annual report' (added by 2024 Md. Laws chs. 808, 809)",
)

AGENCY_READING = Reading(
    id="md-annual-report-agency",
    question="A search one body runs for another: in which agency's §2-510 report does it "
    "count? (a)(2) counts 'searches performed by the law enforcement agency', and (a) binds "
    "an agency 'using or contracting for the use of' facial recognition.",
    choices=(
        Choice(
            id="performing-agency",
            text="In the report of the agency that performed it, as (a)(2) words it; a search "
            "run for a Maryland law enforcement agency by a body that is not one (the Motor "
            "Vehicle Administration, the FBI) counts in the report of the agency that asked "
            "for it, which used facial recognition through another's service.",
        ),
        Choice(
            id="requesting-agency",
            text="In the report of the agency that asked for it, whoever performed it: the "
            "search served its investigation.",
        ),
    ),
    source=Source(
        verification=Verification.TEXT,
        confidence=Confidence.LOW,
        reference="Crim. Proc. §2-510(a)(2); an interpretation of 'performed by'",
    ),
    citation=Citation(instrument="2024 Md. Laws ch. 808", section=_SECTION, subsection="(a)(2)"),
)
"""Which agency's report a search counts in, when one body runs it for another."""

MARYLAND_TABLES = (
    "searches",
    "systems",
    "crimes",
    "matches",
    "people",
    "unauthorized-uses",
    "totals",
    "problems",
    "assumptions",
)
"""The tables of a :class:`MarylandAnnualReport`, by name (the first is the CSV default)."""

_POLICE = frozenset({AgencyKind.LOCAL_POLICE, AgencyKind.STATE_POLICE})


@attrs.frozen(kw_only=True)
class MarylandSearch:
    """One search of the year, as the report counts it (``agency``: whose report)."""

    line: int
    request_id: str
    agency: str
    performed_at: datetime
    system: str
    databases: tuple[Database, ...]
    crime: str
    description: str
    matches_returned: int
    matches_acted_on: int | None
    age: str
    race: Race | None
    gender: Gender | None


@attrs.frozen(kw_only=True)
class SystemUse:
    """§2-510(a)(1)-(2): a system an agency used, the databases it searched, and how often."""

    agency: str
    name: str
    system: str
    vendor: str
    databases: tuple[Database, ...]
    searches: int


@attrs.frozen(kw_only=True)
class CrimeCount:
    """§2-510(a)(2): the searches with one system associated with one type of crime or incident.

    ``crime`` is the offense's code, or, for a search with no offense named, its purpose;
    ``description`` the offense's title or the purpose in words.
    """

    agency: str
    system: str
    crime: str
    description: str
    searches: int


@attrs.frozen(kw_only=True)
class MatchCount:
    """§2-510(a)(3): possible matches, and those that led to further action, by system and database.

    A search of two databases counts under each (which database a match came from is not in
    the log). ``not_recorded`` counts searches whose log does not say how many matches were
    acted on.
    """

    agency: str
    system: str
    database: Database | None
    searches: int
    matches_returned: int
    matches_acted_on: int
    not_recorded: int


@attrs.frozen(kw_only=True)
class PersonCount:
    """§2-510(a)(3): the people matches were acted on, by age band, race and gender.

    One person a search whose matches led to further action: the person it sought, as the
    log records them (``None``: not recorded).
    """

    agency: str
    age: str
    race: Race | None
    gender: Gender | None
    individuals: int


@attrs.frozen(kw_only=True)
class MarylandTotals:
    """What the report counted, so that every line of the log is accounted for.

    ``records`` is ``outside_period`` plus ``not_performed`` plus ``other_agencies`` plus
    ``outside_scope`` plus ``before_the_law`` plus ``searches``: the records not searched in
    the year, those asked for but never run, those of other agencies (for one agency's
    report), those the subtitle does not govern, those of days before it was in force, and
    the searches reported.
    """

    lines_read: int
    records: int
    malformed_lines: int
    blank_lines: int
    duplicate_request_ids: int
    outside_period: int
    not_performed: int
    other_agencies: int
    outside_scope: int
    before_the_law: int
    searches: int
    matches_returned: int
    matches_acted_on: int
    matches_not_recorded: int
    individuals: int
    unauthorized_uses: int


@attrs.frozen(kw_only=True)
class MarylandAnnualReport:
    """A Maryland law enforcement agency's annual report under §2-510, for one year.

    ``searches`` lists each search counted; ``systems``, ``crimes``, ``matches`` and
    ``people`` are items (1) to (3) of §2-510(a); ``unauthorized_uses`` item (4) as far as a
    search log shows it (the searches the law did not allow). ``due`` and ``submit_by`` are
    the days (a) and (b) set. Without ``agency``, every agency's report, disaggregated by
    agency as the Governor's Office compiles them.
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
    submit_by: date
    totals: MarylandTotals
    systems: tuple[SystemUse, ...]
    crimes: tuple[CrimeCount, ...]
    matches: tuple[MatchCount, ...]
    people: tuple[PersonCount, ...]
    unauthorized_uses: tuple[NotAllowedRecord, ...]
    unauthorized_uses_not_listed: int
    searches: tuple[MarylandSearch, ...]
    searches_not_listed: int
    input_problems: tuple[ProblemRecord, ...]
    input_problems_not_listed: int
    assumptions: Assumptions

    def document(self) -> Document:
        """The report laid out for people, as every format but JSON writes it."""
        return _document(self)


@attrs.define
class _Tally(LogTally):
    """The running counts of a Maryland annual report."""

    outside_period: int = 0
    not_performed: int = 0
    other_agencies: int = 0
    outside_scope: int = 0
    before_the_law: int = 0
    searches: list[MarylandSearch] = attrs.Factory(list)
    search_count: int = 0
    names: dict[str, str] = attrs.Factory(dict)
    systems: Counter[tuple[str, str, str]] = attrs.Factory(Counter)
    system_databases: dict[tuple[str, str], set[Database]] = attrs.Factory(dict)
    crimes: Counter[tuple[str, str, str, str]] = attrs.Factory(Counter)
    matches: Counter[tuple[str, str, Database | None, str]] = attrs.Factory(Counter)
    people: Counter[tuple[str, str, Race | None, Gender | None]] = attrs.Factory(Counter)
    refused: list[NotAllowedRecord] = attrs.Factory(list)
    refused_count: int = 0
    versions: dict[str, Version] = attrs.Factory(dict)
    returned: int = 0
    acted: int = 0
    not_recorded: int = 0

    def count(self, line: int, record: SearchRecord, agency: str, zone: tzinfo) -> None:
        request = record.request
        performed = request.performed_at
        assert performed is not None  # noqa: S101 - only searches performed are counted
        system = request.technology.name
        offense = request.offense
        crime, description = (
            (offense.code, offense.title)
            if offense is not None
            else (request.purpose.value, request.purpose.label)
        )
        acted = record.matches_acted_on
        self.returned += record.candidates_returned
        self.acted += acted or 0
        self.not_recorded += acted is None
        self.systems[agency, system, request.technology.vendor] += 1
        self.system_databases.setdefault((agency, system), set()).update(request.databases)
        self.crimes[agency, system, crime, description] += 1
        databases: list[Database | None] = [*sorted(request.databases, key=lambda d: d.value)]
        for database in databases or [None]:
            key = (agency, system, database)
            self.matches[(*key, "searches")] += 1
            self.matches[(*key, "returned")] += record.candidates_returned
            self.matches[(*key, "acted")] += acted or 0
            self.matches[(*key, "not_recorded")] += acted is None
        if acted:
            age = age_band(record.subject_age)
            self.people[agency, age, record.subject_race, record.subject_gender] += 1
        self.search_count += 1
        self.keep(
            self.searches,
            MarylandSearch(
                line=line,
                request_id=request.id,
                agency=agency,
                performed_at=performed.astimezone(zone),
                system=system,
                databases=tuple(sorted(request.databases, key=lambda d: d.value)),
                crime=crime,
                description=description,
                matches_returned=record.candidates_returned,
                matches_acted_on=acted,
                age=age_band(record.subject_age),
                race=record.subject_race,
                gender=record.subject_gender,
            ),
        )


def _reporting_agency(record: SearchRecord, reading: Reading, version: Version) -> str:
    """The agency whose report a search counts in, by the report's reading in force."""
    request = record.request
    if reading.chosen == "requesting-agency":
        return request.requesting_agency.id
    bound = set(_POLICE)
    if version.policy.reading("md-prosecutors").chosen == "included":
        bound.add(AgencyKind.PROSECUTOR)
    performer = request.performing_agency
    return performer.id if performer.kind in bound else request.requesting_agency.id


@attrs.frozen
class _Terms:
    terms: ReportTerms
    place: Jurisdiction
    reading: Reading
    zone: tzinfo


def _take(tally: _Tally, number: int, record: SearchRecord, how: _Terms) -> None:
    """Count one record: of another year, never run, outside the law, or a search reported."""
    request, terms = record.request, how.terms
    if request.performed_at is None:
        tally.not_performed += 1
        return
    if not terms.period.includes(request.performed_at, how.zone):
        tally.outside_period += 1
        return
    judged = terms.version or version_for(how.place, record)
    if judged.instrument.id == NO_LAW:
        tally.before_the_law += 1
        return
    outcome = judged.decide(request)
    if outcome is Outcome.NOT_APPLICABLE:
        tally.outside_scope += 1
        return
    agency = _reporting_agency(record, how.reading, judged)
    if terms.agency is not None and agency != terms.agency:
        tally.other_agencies += 1
        return
    for party in (request.requesting_agency, request.performing_agency):
        tally.names.setdefault(party.id, party.name)
    tally.versions.setdefault(judged.instrument.id, judged)
    tally.count(number, record, agency, how.zone)
    if outcome in {Outcome.NOT_PERMITTED, Outcome.FORBIDDEN}:
        tally.refused_count += 1
        if terms.limit is None or len(tally.refused) < terms.limit:
            tally.refused.append(not_allowed(number, record, judged))


def maryland_annual_report(
    entries: Iterable[tuple[int, Entry]], terms: ReportTerms
) -> MarylandAnnualReport:
    """The §2-510 annual report of a Maryland search log, for the year of ``terms.period``.

    A search counts in the year it was performed, in Maryland time; a request never
    performed is no search. Only what the subtitle governs counts (the scope of the version
    each record is judged under: the law in force on its day, or ``terms.version``); a
    search of a day before the law was in force is counted apart, as is every record of
    another year, so every line of the log is accounted for in the totals.

    Raises:
        ValueError: ``terms.limit`` is negative, ``terms.law`` is not Maryland's, or a choice
            asked for the report's reading is not one of its choices.
    """
    tally = _Tally(terms.limit, problem_limit=terms.problem_limit)
    place = law_of(_CODE, terms.law)
    reading = terms.choice(AGENCY_READING)
    zone = place.versions[0].policy.calendar.zone
    how = _Terms(terms, place, reading, zone)
    tally.read(entries, lambda number, record: _take(tally, number, record, how))
    versions = list(tally.versions.values()) or [terms.version or place.versions[0]]
    return _report(tally, terms, reading, versions, str(zone))


def _report(
    tally: _Tally, terms: ReportTerms, reading: Reading, versions: list[Version], zone: str
) -> MarylandAnnualReport:
    year = terms.period.end.year + 1
    return MarylandAnnualReport(
        generator=generator(),
        jurisdiction=_CODE,
        version=terms.version.instrument.id if terms.version else LAW_IN_FORCE,
        period=terms.period,
        agency=terms.agency,
        time_zone=zone,
        log=terms.log,
        filer=Filer(
            agency=terms.agency,
            name=tally.names.get(terms.agency or "", ""),
            contact=terms.contact,
        ),
        due=date(year, 2, 1),
        submit_by=date(year, 5, 1),
        totals=MarylandTotals(
            lines_read=tally.lines_read,
            records=tally.outside_period
            + tally.not_performed
            + tally.other_agencies
            + tally.outside_scope
            + tally.before_the_law
            + tally.search_count,
            malformed_lines=tally.problem_count,
            blank_lines=tally.blank,
            duplicate_request_ids=tally.duplicate_count,
            outside_period=tally.outside_period,
            not_performed=tally.not_performed,
            other_agencies=tally.other_agencies,
            outside_scope=tally.outside_scope,
            before_the_law=tally.before_the_law,
            searches=tally.search_count,
            matches_returned=tally.returned,
            matches_acted_on=tally.acted,
            matches_not_recorded=tally.not_recorded,
            individuals=sum(tally.people.values()),
            unauthorized_uses=tally.refused_count,
        ),
        systems=tuple(
            SystemUse(
                agency=agency,
                name=tally.names.get(agency, agency),
                system=system,
                vendor=vendor,
                databases=tuple(
                    sorted(tally.system_databases[agency, system], key=lambda d: d.value)
                ),
                searches=n,
            )
            for (agency, system, vendor), n in sorted(tally.systems.items())
        ),
        crimes=tuple(
            CrimeCount(agency=a, system=s, crime=c, description=d, searches=n)
            for (a, s, c, d), n in sorted(tally.crimes.items(), key=lambda i: (i[0][:2], -i[1]))
        ),
        matches=_matches(tally),
        people=tuple(
            PersonCount(agency=a, age=age, race=race, gender=gender, individuals=n)
            for (a, age, race, gender), n in sorted(
                tally.people.items(), key=lambda i: demographic_order(i[0])
            )
        ),
        unauthorized_uses=tuple(tally.refused),
        unauthorized_uses_not_listed=tally.refused_count - len(tally.refused),
        searches=tuple(tally.searches),
        searches_not_listed=tally.search_count - len(tally.searches),
        input_problems=tally.records(terms.log),
        input_problems_not_listed=tally.not_listed,
        assumptions=report_assumptions(
            versions,
            terms,
            report=f"{_CODE}:{_NAME}",
            readings=(reading,),
            counted="the report counts what happened in its year",
        ),
    )


def _matches(tally: _Tally) -> tuple[MatchCount, ...]:
    keys = sorted(
        {(a, s, d) for (a, s, d, _) in tally.matches},
        key=lambda k: (k[0], k[1], k[2].value if k[2] else ""),
    )
    m = tally.matches
    return tuple(
        MatchCount(
            agency=a,
            system=s,
            database=d,
            searches=m[a, s, d, "searches"],
            matches_returned=m[a, s, d, "returned"],
            matches_acted_on=m[a, s, d, "acted"],
            not_recorded=m[a, s, d, "not_recorded"],
        )
        for a, s, d in keys
    )


# -- laid out for people ---------------------------------------------------------------------

CERTIFICATION = (
    "I certify that this report discloses every facial recognition search the agency "
    "performed, or had performed for it, in the year, as its records show them, and that it "
    "is true and complete to the best of my knowledge."
)
"""The statement the agency's officer signs."""


def _tables(r: MarylandAnnualReport) -> list[Table]:
    crimes: Counter[str] = Counter()
    for x in r.crimes:
        crimes[x.description] += x.searches
    top = crimes.most_common()
    return [
        Table(
            name="systems",
            title="(1)-(2) Systems, databases and searches",
            about="Each facial recognition system the agency used in the year, the databases "
            "it searched, and the searches performed with it.",
            columns=(
                Column("agency", "agency", Kind.ID),
                Column("name", "name"),
                Column("system", "system"),
                Column("vendor", "vendor"),
                Column("databases", "databases searched", Kind.LIST),
                Column("searches", "searches", Kind.COUNT),
            ),
            rows=tuple(
                (x.agency, x.name, x.system, x.vendor, x.databases, x.searches) for x in r.systems
            ),
        ),
        Table(
            name="crimes",
            title="(2) Searches by type of crime or incident",
            about="The type of crime (the offense named) or of incident (the purpose, where no "
            "offense is named) associated with each use, by system.",
            columns=(
                Column("agency", "agency", Kind.ID),
                Column("system", "system"),
                Column("crime", "code", Kind.ID),
                Column("description", "crime or incident"),
                Column("searches", "searches", Kind.COUNT),
            ),
            rows=tuple((x.agency, x.system, x.crime, x.description, x.searches) for x in r.crimes),
            chart=Chart(
                title="Searches by type of crime or incident",
                labels=tuple(label for label, _ in top),
                series=(Series("searches", BLUE, tuple(n for _, n in top)),),
            ),
        ),
        Table(
            name="matches",
            title="(3) Possible matches, and those that led to further action",
            about="By system and database searched; a search of two databases counts under "
            "each. 'Not recorded' counts searches whose log does not say how many matches were "
            "acted on.",
            columns=(
                Column("agency", "agency", Kind.ID),
                Column("system", "system"),
                Column("database", "database"),
                Column("searches", "searches", Kind.COUNT),
                Column("matches_returned", "possible matches", Kind.COUNT),
                Column("matches_acted_on", "led to further action", Kind.COUNT),
                Column("not_recorded", "not recorded", Kind.COUNT),
            ),
            rows=tuple(
                (
                    x.agency,
                    x.system,
                    x.database or "none recorded",
                    x.searches,
                    x.matches_returned,
                    x.matches_acted_on,
                    x.not_recorded,
                )
                for x in r.matches
            ),
        ),
        people_table(
            name="people",
            title="(3) People connected to matches acted on, by age, race and gender",
            about="One person a search whose matches led to further action (the person it "
            "sought, as the log records them); 'not recorded' where the records searched do "
            "not say.",
            noun="individuals",
            chart="People connected to matches acted on, by race and gender",
            rows=((x.agency, x.age, x.race, x.gender, x.individuals) for x in r.people),
        ),
        not_allowed_table(
            r.unauthorized_uses,
            total=r.totals.unauthorized_uses,
            name="unauthorized-uses",
            title="(4) Unauthorized uses",
            about="Each search of the year the law in force did not permit, or forbade, with "
            "the provisions that decided and what it lacked. Data breaches are not in a "
            "search log: the agency adds any.",
        ),
        Table(
            name="searches",
            title="Each search counted",
            about="Each search of the year the subtitle governs, in the report of the agency "
            "it counts for (the report's reading md-annual-report-agency).",
            columns=(
                Column("line", "line", Kind.COUNT),
                Column("request_id", "request", Kind.ID),
                Column("agency", "report of", Kind.ID),
                Column("performed_at", "searched", Kind.WHEN),
                Column("system", "system", terminal=False),
                Column("databases", "databases", Kind.LIST, terminal=False),
                Column("crime", "crime or incident", Kind.ID),
                Column("matches_returned", "matches", Kind.COUNT),
                Column("matches_acted_on", "acted on", Kind.COUNT),
                Column("age", "age"),
                Column("race", "race"),
                Column("gender", "gender"),
            ),
            rows=tuple(
                (
                    x.line,
                    x.request_id,
                    x.agency,
                    x.performed_at,
                    x.system,
                    x.databases,
                    x.crime,
                    x.matches_returned,
                    x.matches_acted_on,
                    x.age,
                    x.race,
                    x.gender,
                )
                for x in r.searches
            ),
            total=r.totals.searches,
            noun="searches",
        ),
        totals_table(
            r.totals,
            about="Every record of the log is accounted for: of another year, never performed, "
            "of another agency, outside the subtitle, before it was in force, or a search "
            "counted.",
        ),
        problems_table(r.input_problems, r.input_problems_not_listed),
    ]


def _day(day: date) -> str:
    return f"{day.day} {day:%B %Y}"


def _document(r: MarylandAnnualReport) -> Document:
    t = r.totals
    calendar_year = r.period.label.isdigit()
    return Document(
        title=f"Facial recognition annual report, {r.period.label}"
        + (f", of {r.agency}" if r.agency is not None else ", every agency"),
        facts=(
            f"Maryland ({r.jurisdiction}), Crim. Proc. §2-510; judged under "
            + judged_under(r.version, "search")
            + ".",
            f"From {r.log}: each search counted on the day performed, in {r.time_zone} time."
            + ("" if calendar_year else " §2-510 reports a calendar year; this period is not one."),
        ),
        headline=(
            ("searches", t.searches),
            ("systems", len({(x.agency, x.system) for x in r.systems})),
            ("possible matches", t.matches_returned),
            ("led to further action", t.matches_acted_on),
            ("people", t.individuals),
            ("unauthorized uses", t.unauthorized_uses),
        ),
        findings=(
            f"{counted(t.searches, 'search', 'searches')} {r.period.during}, with "
            f"{counted(len({x.system for x in r.systems}), 'system')}: {t.matches_returned:,} "
            "possible "
            f"matches, {t.matches_acted_on:,} of which led to further investigative action"
            + (
                f" ({t.matches_not_recorded:,} searches do not record it)"
                if t.matches_not_recorded
                else ""
            )
            + f"; {counted(t.unauthorized_uses, 'search', 'searches')} the law did not allow. "
            f"Not in the report: {counted(t.outside_period, 'record')} of other years, "
            f"{counted(t.not_performed, 'request')} never performed, "
            f"{counted(t.outside_scope, 'record')} the subtitle does not govern and "
            f"{counted(t.before_the_law, 'search', 'searches')} from before it was in force"
            + (f", {t.other_agencies:,} of other agencies" if r.agency is not None else "")
            + "."
        ),
        tables=tuple(_tables(r)),
        footer=made_by(r.generator, r.schema_version),
        assumptions=r.assumptions,
        filing=Filing(
            filer_role="Law enforcement agency",
            filer=filed_by(r.filer),
            contact=r.filer.contact,
            recipient="published; then the Governor's Office of Crime Prevention, Youth, and "
            "Victim Services",
            period=r.period.label,
            due=f"publish by {_day(r.due)}; submit by {_day(r.submit_by)}",
            certification=CERTIFICATION,
        ),
        default=MARYLAND_TABLES[0],
    )


ANNUAL_REPORT = StatutoryReport(
    jurisdiction=_CODE,
    name=_NAME,
    title="Annual report on facial recognition (Crim. Proc. §2-510)",
    citation=_CITATION,
    source=_TEXT,
    who="each law enforcement agency using or contracting for the use of facial recognition",
    recipient="the public (published), then the Governor's Office of Crime Prevention, Youth, "
    "and Victim Services by May 1",
    due="February 1 each year",
    period="the prior calendar year",
    report_type=MarylandAnnualReport,
    tables=MARYLAND_TABLES,
    make=maryland_annual_report,
    readings=(AGENCY_READING,),
)
"""Maryland's §2-510 annual report, as registered: ``US-MD:annual-report``."""
