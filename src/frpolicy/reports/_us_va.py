"""Virginia's annual public report on facial recognition, Va. Code §§15.2-1723.2, 52-4.5.

2022 Va. Acts ch. 737 (SB 741), in force from July 1, 2022 until July 1, 2026, has each local
law-enforcement agency and campus police department that uses facial recognition, and the
Department of State Police, collect and maintain data on that use and publish a report of
it every year. What was read:

- the Legislative Information System's summary of the act as enacted (lis.virginia.gov,
  legiscan.com): the agencies and the Department "collect and maintain certain data related
  to the use of facial recognition technology and ... publish an annual report to provide
  information to the public regarding the agency's use of facial recognition technology"
  (verification ``summary``);
- the House amendments to HB 1339, its companion (lis.virginia.gov, HB1339AH), in the text:
  among the data to be kept, "(viii) demographic information for the individuals whose
  images are queried";
- the Department of Criminal Justice Services' report RD703 (rga.lis.virginia.gov, November
  2025): the State Police and local and campus police chiefs "collect and publicly post, by
  April 1 of each year, specified information on their use", and DCJS examined the data
  posted for calendar years 2023 and 2024 (it found no department that reported a use).

The chaptered text, and with it the full list of the data items, was not reached: the
report holds the usage data a search log holds (each use, by authorized use and crime, by
technology and by database, and the people whose images were queried, by age band, race
and gender), says so, and leaves the rest to the agency. :func:`virginia_annual_report`
counts each use performed in a calendar year (the year DCJS read each report as covering)
that the law in force on its day obliges the agency to record for the report (the duty
``VA-RECORDS`` of the 2022 act: under the bans of 2021 and of July 2026 no use is
authorized and none is recorded for a report). A request never run is no use. Each use the
law did not authorize is listed with why, for the agency's own review: an operator who
searches for another reason commits a crime (``VA-UNAUTHORIZED-USE``).

Which agency's report a use run by one body for another counts in is a question the sources
leave open: the report's own reading :data:`AGENCY_READING`.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from datetime import date, datetime, tzinfo

import attrs

from frpolicy.compliance import LAW_IN_FORCE, Entry, version_for
from frpolicy.jurisdictions import Jurisdiction, Version
from frpolicy.jurisdictions.us_va.ch737 import INSTRUMENT
from frpolicy.jurisdictions.us_va.common import LOCAL_POLICE, cite
from frpolicy.law import Choice, Confidence, Reading, Source, Verification
from frpolicy.model import AgencyKind, Database, Gender, Purpose, Race, SearchRecord
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
    owes,
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
    human,
)
from frpolicy.reports._registry import ReportTerms, StatutoryReport

__all__ = [
    "AGENCY_READING",
    "ANNUAL_REPORT",
    "CERTIFICATION",
    "VIRGINIA_TABLES",
    "DatabaseUse",
    "QueriedCount",
    "TechnologyUse",
    "UseCount",
    "VirginiaAnnualReport",
    "VirginiaTotals",
    "VirginiaUse",
    "virginia_annual_report",
]

_CODE = "US-VA"
_NAME = "annual-report"
_DUTY = "VA-RECORDS"
_SOURCES = (
    "the Legislative Information System's summary of SB 741 as enacted (lis.virginia.gov, "
    "legiscan.com); the data item 'demographic information for the individuals whose images "
    "are queried' in the text of the House amendments to HB 1339 (lis.virginia.gov, "
    "HB1339AH); DCJS, RD703 (rga.lis.virginia.gov, November 2025): posted 'by April 1 of each "
    "year', the data of calendar years 2023 and 2024 examined. The chaptered text was not read."
)

AGENCY_READING = Reading(
    id="va-annual-report-agency",
    question="A use one body runs for another (the State Police for a county, the FBI for a "
    "city): in which agency's annual report does it count? The sources speak of the agency's "
    "'use' of facial recognition, which both are.",
    choices=(
        Choice(
            id="performing-agency",
            text="In the report of the Virginia police agency that ran it: its operator "
            "conducted the search, and the State Police's model policy has it handle the "
            "requests for assistance of local and campus police. A use run by a body the "
            "sections do not bind (the FBI, a vendor) counts in the report of the Virginia "
            "agency that asked for it.",
        ),
        Choice(
            id="requesting-agency",
            text="In the report of the Virginia police agency that asked for it, whoever ran "
            "it: the use served its investigation. A use run for a body the sections do not "
            "bind counts in the report of the Virginia agency that ran it.",
        ),
    ),
    source=Source(
        verification=Verification.SUMMARY,
        confidence=Confidence.LOW,
        reference=f"{_SOURCES}; an interpretation of the agency's 'use'",
    ),
    citation=cite(INSTRUMENT.id, LOCAL_POLICE),
)
"""Which agency's report a use counts in, when one body runs it for another."""

VIRGINIA_TABLES = (
    "uses",
    "purposes",
    "technologies",
    "databases",
    "people",
    "unauthorized-uses",
    "totals",
    "problems",
    "assumptions",
)
"""The tables of a :class:`VirginiaAnnualReport`, by name (the first is the CSV default)."""

_POLICE = frozenset({AgencyKind.LOCAL_POLICE, AgencyKind.STATE_POLICE})


@attrs.frozen(kw_only=True)
class VirginiaUse:
    """One use of facial recognition in the year, as the report counts it.

    ``agency`` is whose report counts it; ``crime`` the offense's code and ``description``
    its title, for a use that names one (``None`` otherwise); ``age``, ``race`` and
    ``gender`` describe the individual whose image was queried, as recorded. ``outcome`` is
    the law's on the use.
    """

    line: int
    request_id: str
    agency: str
    performed_by: str
    performed_at: datetime
    purpose: Purpose
    crime: str | None
    description: str | None
    system: str
    databases: tuple[Database, ...]
    candidates_returned: int
    age: str
    race: Race | None
    gender: Gender | None
    outcome: Outcome


@attrs.frozen(kw_only=True)
class UseCount:
    """The uses of one agency for one purpose and crime (``None``: no crime named)."""

    agency: str
    purpose: Purpose
    crime: str | None
    description: str | None
    uses: int


@attrs.frozen(kw_only=True)
class TechnologyUse:
    """The uses of one technology by one agency, with what the law asks of the technology.

    ``approved``: the Division of Purchases and Supply approved it; ``tested_accuracy``:
    its true positives in NIST's evaluation, in its worst demographic group, in hundredths
    of a percent (``None``: not stated).
    """

    agency: str
    system: str
    vendor: str
    approved: bool
    tested_accuracy: int | None
    uses: int


@attrs.frozen(kw_only=True)
class DatabaseUse:
    """The uses of one agency that searched one database (a use of two counts under each)."""

    agency: str
    database: Database | None
    uses: int


@attrs.frozen(kw_only=True)
class QueriedCount:
    """The individuals whose images one agency queried, by age band, race and gender.

    One individual a use, as the log records them (``None``: not recorded).
    """

    agency: str
    age: str
    race: Race | None
    gender: Gender | None
    individuals: int


@attrs.frozen(kw_only=True)
class VirginiaTotals:
    """What the report counted, so that every line of the log is accounted for.

    ``records`` is ``not_performed`` plus ``outside_period`` plus ``before_the_law`` plus
    ``not_recorded_for_a_report`` plus ``other_agencies`` plus ``uses``: the requests never
    run, the uses of days outside the period, of days before any law, those the law in force
    does not have recorded for a report (outside the sections, or under a ban), those of
    other agencies (for one agency's report), and the uses counted.
    """

    lines_read: int
    records: int
    malformed_lines: int
    blank_lines: int
    duplicate_request_ids: int
    not_performed: int
    outside_period: int
    before_the_law: int
    not_recorded_for_a_report: int
    other_agencies: int
    uses: int
    individuals_recorded: int
    unauthorized_uses: int


@attrs.frozen(kw_only=True)
class VirginiaAnnualReport:
    """A Virginia police agency's annual public report on its use of facial recognition.

    ``uses`` lists each use of the year; ``purposes``, ``technologies`` and ``databases``
    count them; ``people`` counts the individuals whose images were queried, by age band,
    race and gender; ``unauthorized_uses`` are the uses the law in force did not authorize,
    each with why. ``due`` is April 1 of the next year. Without ``agency``, every agency's,
    by agency.
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
    totals: VirginiaTotals
    purposes: tuple[UseCount, ...]
    technologies: tuple[TechnologyUse, ...]
    databases: tuple[DatabaseUse, ...]
    people: tuple[QueriedCount, ...]
    unauthorized_uses: tuple[NotAllowedRecord, ...]
    unauthorized_uses_not_listed: int
    uses: tuple[VirginiaUse, ...]
    uses_not_listed: int
    input_problems: tuple[ProblemRecord, ...]
    input_problems_not_listed: int
    assumptions: Assumptions

    def document(self) -> Document:
        """The report laid out for people, as every format but JSON writes it."""
        return _document(self)


# -- reading the log -------------------------------------------------------------------------


@attrs.define
class _Tally(LogTally):
    not_performed: int = 0
    outside_period: int = 0
    before_the_law: int = 0
    not_recorded: int = 0
    other_agencies: int = 0
    uses: list[VirginiaUse] = attrs.Factory(list)
    use_count: int = 0
    purposes: Counter[tuple[str, Purpose, str | None, str | None]] = attrs.Factory(Counter)
    technologies: Counter[tuple[str, str, str, bool, int | None]] = attrs.Factory(Counter)
    databases: Counter[tuple[str, Database | None]] = attrs.Factory(Counter)
    people: Counter[tuple[str, str, Race | None, Gender | None]] = attrs.Factory(Counter)
    refused: list[NotAllowedRecord] = attrs.Factory(list)
    refused_count: int = 0
    names: dict[str, str] = attrs.Factory(dict)
    versions: dict[str, Version] = attrs.Factory(dict)

    def take(self, number: int, record: SearchRecord, how: _Terms) -> None:
        """Sort one record: never run, of another year, not for a report, or a use counted."""
        request, terms = record.request, how.terms
        performed = request.performed_at
        if performed is None:
            self.not_performed += 1
            return
        if not terms.period.includes(performed, how.zone):
            self.outside_period += 1
            return
        judged = terms.version or version_for(how.place, record)
        if judged.instrument.id == NO_LAW:
            self.before_the_law += 1
            return
        decision = judged.evaluate(request)
        if not owes(decision, _DUTY):
            self.not_recorded += 1
            return
        agency = _reporting_agency(record, how.reading)
        if terms.agency is not None and agency != terms.agency:
            self.other_agencies += 1
            return
        for party in (request.requesting_agency, request.performing_agency):
            self.names.setdefault(party.id, party.name)
        self.versions.setdefault(judged.instrument.id, judged)
        self._count(number, record, agency, decision.outcome, how.zone)
        if decision.outcome in {Outcome.NOT_PERMITTED, Outcome.FORBIDDEN}:
            self.refused_count += 1
            self.keep(self.refused, not_allowed(number, record, judged))

    def _count(
        self, number: int, record: SearchRecord, agency: str, outcome: Outcome, zone: tzinfo
    ) -> None:
        request = record.request
        performed = request.performed_at
        assert performed is not None  # noqa: S101 - only uses performed are counted
        offense = request.offense
        crime, description = (offense.code, offense.title) if offense else (None, None)
        technology = request.technology
        databases = tuple(sorted(request.databases, key=lambda d: d.value))
        age = age_band(record.subject_age)
        self.use_count += 1
        self.purposes[agency, request.purpose, crime, description] += 1
        self.technologies[
            agency,
            technology.name,
            technology.vendor,
            technology.approved,
            technology.tested_accuracy,
        ] += 1
        for database in databases or (None,):
            self.databases[agency, database] += 1
        self.people[agency, age, record.subject_race, record.subject_gender] += 1
        self.keep(
            self.uses,
            VirginiaUse(
                line=number,
                request_id=request.id,
                agency=agency,
                performed_by=request.performing_agency.id,
                performed_at=performed.astimezone(zone),
                purpose=request.purpose,
                crime=crime,
                description=description,
                system=technology.name,
                databases=databases,
                candidates_returned=record.candidates_returned,
                age=age,
                race=record.subject_race,
                gender=record.subject_gender,
                outcome=outcome,
            ),
        )


def _reporting_agency(record: SearchRecord, reading: Reading) -> str:
    """The agency whose report a use counts in, by the report's reading in force.

    The one the reading names, when it is a Virginia police agency; else the other party.
    """
    request = record.request
    first, second = request.performing_agency, request.requesting_agency
    if reading.chosen == "requesting-agency":
        first, second = second, first
    return first.id if first.kind in _POLICE and first.home == _CODE else second.id


@attrs.frozen
class _Terms:
    terms: ReportTerms
    place: Jurisdiction
    reading: Reading
    zone: tzinfo


def virginia_annual_report(
    entries: Iterable[tuple[int, Entry]], terms: ReportTerms
) -> VirginiaAnnualReport:
    """The annual public report of a Virginia search log, for the uses of ``terms.period``.

    A use counts on the day it was performed, in Virginia time, when the law in force on its
    day (or ``terms.version``) has it recorded for the report (the duty ``VA-RECORDS``). A
    request never run is no use. Every other record is counted apart, so every line of the
    log is accounted for.

    Raises:
        ValueError: ``terms.limit`` is negative, ``terms.law`` is not Virginia's, or the
            choice asked for the report's reading is not one of its choices.
    """
    tally = _Tally(terms.limit, problem_limit=terms.problem_limit)
    place = law_of(_CODE, terms.law)
    reading = terms.choice(AGENCY_READING)
    zone = place.versions[0].policy.calendar.zone
    how = _Terms(terms, place, reading, zone)
    tally.read(entries, lambda number, record: tally.take(number, record, how))
    versions = list(tally.versions.values()) or [terms.version or place.version(INSTRUMENT.id)]
    return _report(tally, how, versions)


def _report(tally: _Tally, how: _Terms, versions: list[Version]) -> VirginiaAnnualReport:
    terms = how.terms
    return VirginiaAnnualReport(
        generator=generator(),
        jurisdiction=_CODE,
        version=terms.version.instrument.id if terms.version else LAW_IN_FORCE,
        period=terms.period,
        agency=terms.agency,
        time_zone=str(how.zone),
        log=terms.log,
        filer=Filer(
            agency=terms.agency,
            name=tally.names.get(terms.agency or "", ""),
            contact=terms.contact,
        ),
        due=date(terms.period.end.year + 1, 4, 1),
        totals=VirginiaTotals(
            lines_read=tally.lines_read,
            records=tally.not_performed
            + tally.outside_period
            + tally.before_the_law
            + tally.not_recorded
            + tally.other_agencies
            + tally.use_count,
            malformed_lines=tally.problem_count,
            blank_lines=tally.blank,
            duplicate_request_ids=tally.duplicate_count,
            not_performed=tally.not_performed,
            outside_period=tally.outside_period,
            before_the_law=tally.before_the_law,
            not_recorded_for_a_report=tally.not_recorded,
            other_agencies=tally.other_agencies,
            uses=tally.use_count,
            individuals_recorded=sum(
                n
                for (_, age, race, gender), n in tally.people.items()
                if race or gender or age != age_band(None)
            ),
            unauthorized_uses=tally.refused_count,
        ),
        purposes=tuple(
            UseCount(agency=a, purpose=p, crime=c, description=d, uses=n)
            for (a, p, c, d), n in sorted(
                tally.purposes.items(), key=lambda i: (i[0][0], -i[1], i[0][1].value, i[0][2] or "")
            )
        ),
        technologies=tuple(
            TechnologyUse(
                agency=a, system=s, vendor=v, approved=ok, tested_accuracy=accuracy, uses=n
            )
            for (a, s, v, ok, accuracy), n in sorted(
                tally.technologies.items(), key=lambda i: (i[0][0], i[0][1], i[0][2])
            )
        ),
        databases=tuple(
            DatabaseUse(agency=a, database=d, uses=n)
            for (a, d), n in sorted(
                tally.databases.items(), key=lambda i: (i[0][0], i[0][1].value if i[0][1] else "")
            )
        ),
        people=tuple(
            QueriedCount(agency=a, age=age, race=race, gender=gender, individuals=n)
            for (a, age, race, gender), n in sorted(
                tally.people.items(), key=lambda i: demographic_order(i[0])
            )
        ),
        unauthorized_uses=tuple(tally.refused),
        unauthorized_uses_not_listed=tally.refused_count - len(tally.refused),
        uses=tuple(tally.uses),
        uses_not_listed=tally.use_count - len(tally.uses),
        input_problems=tally.records(terms.log),
        input_problems_not_listed=tally.not_listed,
        assumptions=report_assumptions(
            versions,
            terms,
            report=f"{_CODE}:{_NAME}",
            readings=(how.reading,),
            counted="the report counts the uses of its year",
        ),
    )


# -- laid out for people ---------------------------------------------------------------------

CERTIFICATION = (
    "I certify that this report discloses every use of facial recognition technology by the "
    "agency in the year, and the demographic information of the individuals whose images were "
    "queried, as the agency's records show them."
)
"""The statement the chief of police (or the Superintendent of State Police) signs."""


def _accuracy(hundredths: int | None) -> str:
    return "not stated" if hundredths is None else f"{hundredths / 100:.2f} %"


def _tables(r: VirginiaAnnualReport) -> tuple[Table, ...]:
    t = r.totals
    by_purpose: Counter[str] = Counter()
    for x in r.purposes:
        by_purpose[human(x.purpose, Kind.TEXT)] += x.uses
    top = by_purpose.most_common()
    return (
        Table(
            name="purposes",
            title="Uses by authorized use and crime",
            about="The purpose of each use (the law allows fourteen authorized uses) and the "
            "crime named, where one is.",
            columns=(
                Column("agency", "agency", Kind.ID),
                Column("purpose", "purpose"),
                Column("crime", "code", Kind.ID),
                Column("description", "crime"),
                Column("uses", "uses", Kind.COUNT),
            ),
            rows=tuple((x.agency, x.purpose, x.crime, x.description, x.uses) for x in r.purposes),
            chart=Chart(
                title="Uses by purpose",
                labels=tuple(label for label, _ in top),
                series=(Series("uses", BLUE, tuple(n for _, n in top)),),
            ),
        ),
        Table(
            name="technologies",
            title="Technologies used",
            about="Each technology and its vendor, whether the Division of Purchases and Supply "
            "approved it, and its accuracy in NIST's evaluation in its worst demographic group "
            "(the law asks at least 98 %).",
            columns=(
                Column("agency", "agency", Kind.ID),
                Column("system", "technology"),
                Column("vendor", "vendor"),
                Column("approved", "approved"),
                Column("tested_accuracy", "tested accuracy"),
                Column("uses", "uses", Kind.COUNT),
            ),
            rows=tuple(
                (x.agency, x.system, x.vendor, x.approved, _accuracy(x.tested_accuracy), x.uses)
                for x in r.technologies
            ),
        ),
        Table(
            name="databases",
            title="Uses by database searched",
            about="A use that searched two databases counts under each.",
            columns=(
                Column("agency", "agency", Kind.ID),
                Column("database", "database"),
                Column("uses", "uses", Kind.COUNT),
            ),
            rows=tuple((x.agency, x.database or "none recorded", x.uses) for x in r.databases),
        ),
        people_table(
            name="people",
            title="The individuals whose images were queried, by age, race and gender",
            about="One individual a use, as the log records them: the demographic information "
            "the report gives (the House amendments' item (viii)); 'not recorded' where the "
            "records do not say.",
            noun="individuals",
            chart="Individuals whose images were queried, by race and gender",
            rows=((x.agency, x.age, x.race, x.gender, x.individuals) for x in r.people),
        ),
        not_allowed_table(
            r.unauthorized_uses,
            total=t.unauthorized_uses,
            name="unauthorized-uses",
            title="Uses the law did not authorize",
            about="Each use of the year the law in force did not permit, or forbade, with the "
            "provisions that decided and what it lacked: for the agency's review (an operator "
            "who searches for a reason other than an authorized use commits a Class 3 "
            "misdemeanor). Whether the posted report lists them was not read.",
        ),
        Table(
            name="uses",
            title="Each use counted",
            about="Each use of the year, in the report of the agency it counts for (the "
            "report's reading va-annual-report-agency), with the individual whose image was "
            "queried as recorded (blank: not recorded).",
            columns=(
                Column("line", "line", Kind.COUNT),
                Column("request_id", "request", Kind.ID),
                Column("agency", "report of", Kind.ID),
                Column("performed_by", "run by", Kind.ID, terminal=False),
                Column("performed_at", "used", Kind.WHEN),
                Column("purpose", "purpose"),
                Column("crime", "crime", Kind.ID),
                Column("system", "technology", terminal=False),
                Column("databases", "databases", Kind.LIST, terminal=False),
                Column("candidates_returned", "candidates", Kind.COUNT, terminal=False),
                Column("age", "age"),
                Column("race", "race"),
                Column("gender", "gender"),
                Column("outcome", "outcome", terminal=False),
            ),
            rows=tuple(
                (
                    x.line,
                    x.request_id,
                    x.agency,
                    x.performed_by,
                    x.performed_at,
                    x.purpose,
                    x.crime,
                    x.system,
                    x.databases,
                    x.candidates_returned,
                    x.age,
                    x.race,
                    x.gender,
                    x.outcome,
                )
                for x in r.uses
            ),
            total=t.uses,
            noun="uses",
        ),
        totals_table(
            t,
            about="Every record of the log is accounted for: never run, of another year, "
            "before any law, not recorded for a report (outside the sections, or under a ban), "
            "of another agency, or a use counted.",
        ),
        problems_table(r.input_problems, r.input_problems_not_listed),
    )


def _document(r: VirginiaAnnualReport) -> Document:
    t = r.totals
    judged = judged_under(r.version, "use")
    calendar_year = r.period.label.isdigit()
    return Document(
        title=f"Facial recognition annual report, {r.period.label}"
        + (f", of {r.agency}" if r.agency is not None else ", every agency"),
        facts=(
            (
                f"Virginia ({r.jurisdiction}), Va. Code §§15.2-1723.2, 23.1-815.1 and 52-4.5 as "
                f"2022 Va. Acts ch. 737 wrote them (from the summary; the demographics item "
                f"from the text); judged under {judged}."
            ),
            (
                f"From {r.log}: each use counted on the day it was performed, in "
                f"{r.time_zone} time. The list of data items was not read past the "
                "demographics: the tables are the usage data a search log holds."
                + ("" if calendar_year else " The report covers a calendar year; this is not one.")
            ),
        ),
        headline=(
            ("uses", t.uses),
            ("agencies", len({x.agency for x in r.purposes})),
            ("individuals recorded", t.individuals_recorded),
            ("unauthorized uses", t.unauthorized_uses),
        ),
        findings=(
            f"{counted(t.uses, 'use')} of facial recognition {r.period.during}, by "
            f"{counted(len({x.agency for x in r.purposes}), 'agency', 'agencies')}"
            f"; the individual whose image was queried is recorded for {t.individuals_recorded:,}; "
            f"{t.unauthorized_uses:,} the law in force did not authorize. Not in the report: "
            f"{counted(t.not_performed, 'request')} never run, "
            f"{counted(t.outside_period, 'use')} of other years and "
            f"{t.not_recorded_for_a_report:,} the law does not have recorded for a report "
            "(outside the sections, or under a ban)"
            + (f", {t.other_agencies:,} of other agencies" if r.agency is not None else "")
            + "."
        ),
        tables=_tables(r),
        footer=made_by(r.generator, r.schema_version),
        assumptions=r.assumptions,
        filing=Filing(
            filer_role="Chief of police, or the Superintendent of State Police",
            filer=filed_by(r.filer),
            contact=r.filer.contact,
            recipient="the public: posted on the agency's website (DCJS gathers the data)",
            period=r.period.label,
            due=f"posted by {r.due.day} {r.due:%B %Y}",
            certification=CERTIFICATION,
        ),
        default=VIRGINIA_TABLES[0],
    )


ANNUAL_REPORT = StatutoryReport(
    jurisdiction=_CODE,
    name=_NAME,
    title="Annual public report on the use of facial recognition (Va. Code §§15.2-1723.2, "
    "23.1-815.1, 52-4.5)",
    citation=cite(INSTRUMENT.id, LOCAL_POLICE),
    source=Source(
        verification=Verification.SUMMARY, confidence=Confidence.HIGH, reference=_SOURCES
    ),
    who="each local police department and campus police department that uses facial "
    "recognition, and the Department of State Police",
    recipient="the public: posted on the agency's website",
    due="April 1 each year (until the 2022 provisions expire on July 1, 2026)",
    period="the preceding calendar year",
    report_type=VirginiaAnnualReport,
    tables=VIRGINIA_TABLES,
    make=virginia_annual_report,
    readings=(AGENCY_READING,),
)
"""Virginia's annual public report, as registered: ``US-VA:annual-report``."""
