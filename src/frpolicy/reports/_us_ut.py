"""Utah's annual report on facial recognition comparisons, Utah Code §77-23e-106(3).

§77-23e-106(3), read in the text (self-law.org, lexace.ai, codes.findlaw.com; the same words
in each, as enacted by Laws of Utah 2021, ch. 200):

    (a) On or after August 1 but before October 15 of each year, a government entity that
    uses a facial recognition system to conduct a facial recognition comparison shall
    provide to the Government Operations Interim Committee a report that discloses:
    (i) the different types of crime for which the department received a request; (ii) how
    many requests the department received for each type of crime; (iii) the number of
    probable matches the department provided in response to each request; and (iv) the
    image source from which the department made each match.
    (b) In responding to a request for a release of statistical information under
    Subsection (2)(a), a government entity may not disclose details regarding a pending
    investigation.

(2)(a) has every government entity release, on request, the first three items of its own
comparisons ("the government entity received"). :func:`utah_annual_report` counts the
requests an entity received in a period (the text names none: the report covers the one
asked for), by type of crime (the offense named; for a request to identify a deceased or
incapacitated person, or under a threat to life, its purpose), with the probable matches it
gave for each and the image source of each match. Every request received counts, completed
or not: a request not completed gave no match. The log's candidates returned are the
probable matches provided. No detail of an investigation is listed: no case number,
narrative, requesting agency or person.

Two questions the text leaves open are the report's own readings: whose requests the items
count, since they speak of "the department" while every entity reports
(:data:`REPORT_ITEMS`); and what "the image source from which the department made each
match" is (:data:`IMAGE_SOURCE`). The requests counted are those the duty
``UT-ANNUAL-REPORT`` attaches to: comparisons a Utah government entity runs on an image
database, under the law's own readings in force.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from datetime import date, datetime, tzinfo

import attrs

from frpolicy.compliance import LAW_IN_FORCE, Entry, version_for
from frpolicy.jurisdictions import Jurisdiction, Version
from frpolicy.jurisdictions.us_ut.ch200 import THE_DEPARTMENT_SEARCHES
from frpolicy.jurisdictions.us_ut.common import cite
from frpolicy.law import Choice, Confidence, Reading, Source, Verification
from frpolicy.model import Database, ImageSource, SearchRecord
from frpolicy.policy import NO_LAW, Outcome
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
    "ANNUAL_REPORT",
    "CERTIFICATION",
    "IMAGE_SOURCE",
    "REPORT_ITEMS",
    "UTAH_TABLES",
    "CrimeTypeCount",
    "ImageSourceCount",
    "UtahAnnualReport",
    "UtahRequest",
    "UtahTotals",
    "utah_annual_report",
]

_CODE = "US-UT"
_NAME = "annual-report"
_DUTY = "UT-ANNUAL-REPORT"
_TEXT = (
    "Utah Code §77-23e-106(2)-(3) (self-law.org, lexace.ai, codes.findlaw.com), as enacted by "
    "Laws of Utah 2021, ch. 200"
)

REPORT_ITEMS = Reading(
    id="ut-report-items",
    question="§77-23e-106(3)(a) binds every government entity that conducts facial "
    "recognition comparisons, but its items count what 'the department' (the Department of "
    "Public Safety) received, provided and made. Whose requests does an entity's report "
    "count?",
    choices=(
        Choice(
            id="own-requests",
            text="The entity's own: 'the department' in the items is read as the entity that "
            "reports, as (2)(a) words the same items for 'the government entity'; otherwise "
            "an entity other than the Department would have nothing of its own to report.",
        ),
        Choice(
            id="the-departments",
            text="The Department of Public Safety's alone, as the items say: requests another "
            "entity received are in no report.",
        ),
    ),
    source=Source(
        verification=Verification.TEXT,
        confidence=Confidence.LOW,
        reference=f"{_TEXT}; an interpretation of 'the department' in (3)(a)(i)-(iv)",
    ),
    citation=cite("106", "(3)(a)"),
)
"""Whose requests an entity's report counts: its own, or the Department of Public Safety's."""

IMAGE_SOURCE = Reading(
    id="ut-image-source",
    question="§77-23e-106(3)(a)(iv) asks for 'the image source from which the department "
    "made each match'. Is that the database the matching image was in, or where the image "
    "compared came from?",
    choices=(
        Choice(
            id="database",
            text="The database the match was found in (driver license photos, booking "
            "photos): a match is made from the images of a database, and the chapter "
            "speaks of image databases.",
        ),
        Choice(
            id="probe",
            text="Where the image compared came from (a surveillance camera, social media, "
            "a body-worn camera): the source of the image the request brought.",
        ),
    ),
    source=Source(
        verification=Verification.TEXT,
        confidence=Confidence.LOW,
        reference=f"{_TEXT}; an interpretation of (3)(a)(iv)",
    ),
    citation=cite("106", "(3)(a)(iv)"),
)
"""What the image source of a match is: the database searched, or the probe's origin."""

UTAH_TABLES = ("requests", "crimes", "sources", "totals", "problems", "assumptions")
"""The tables of a :class:`UtahAnnualReport`, by name (the first is the CSV default)."""


@attrs.frozen(kw_only=True)
class UtahRequest:
    """(3)(a)(iii)-(iv): one request received, the probable matches given, and their source.

    ``entity`` received it (the government entity whose report counts it). ``crime`` is the
    offense's code, or for a request with no offense named its purpose; ``description`` the
    offense's title or the purpose in words. ``searched_at`` is ``None`` for a request not
    completed, which gave no match. ``databases`` were searched; ``probe_source`` is where
    the image compared came from.
    """

    line: int
    request_id: str
    entity: str
    received_at: datetime
    crime: str
    description: str
    searched_at: datetime | None
    probable_matches: int
    databases: tuple[Database, ...]
    probe_source: ImageSource
    outcome: Outcome


@attrs.frozen(kw_only=True)
class CrimeTypeCount:
    """(3)(a)(i)-(ii): the requests one entity received for one type of crime, and their matches."""

    entity: str
    crime: str
    description: str
    requests: int
    probable_matches: int


@attrs.frozen(kw_only=True)
class ImageSourceCount:
    """(3)(a)(iv): the probable matches one entity made from one image source.

    ``source`` is a :class:`~frpolicy.model.Database` or, read so, an
    :class:`~frpolicy.model.ImageSource` value; ``requests`` counts the requests with a
    match from it. A request that searched two databases counts under each: which one a
    match came from is not in the log.
    """

    entity: str
    source: str
    label: str
    requests: int
    probable_matches: int


@attrs.frozen(kw_only=True)
class UtahTotals:
    """What the report counted, so that every line of the log is accounted for.

    ``records`` is ``outside_period`` plus ``before_the_law`` plus ``outside_the_chapter``
    plus ``other_entities`` plus ``other_agencies`` plus ``requests``: the records received
    on days outside the period, before the chapter was in force, those the chapter's report
    does not count (no Utah entity's comparison on an image database), those of entities
    other than the Department (read so), those of other entities (for one entity's report),
    and the requests counted.
    """

    lines_read: int
    records: int
    malformed_lines: int
    blank_lines: int
    duplicate_request_ids: int
    outside_period: int
    before_the_law: int
    outside_the_chapter: int
    other_entities: int
    other_agencies: int
    requests: int
    completed: int
    not_completed: int
    probable_matches: int
    not_permitted: int


@attrs.frozen(kw_only=True)
class UtahAnnualReport:
    """A Utah government entity's annual report under §77-23e-106(3), for a period.

    ``crimes`` are items (i) and (ii), ``requests`` item (iii) (each request and the probable
    matches given for it), ``sources`` item (iv). The report is provided on or after
    ``window_opens`` and before ``window_closes`` (August 1 and October 15 of the year after
    the period, or of its year when it ends before August). Without ``agency``, every
    entity's report, by entity.
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
    window_opens: date
    window_closes: date
    totals: UtahTotals
    crimes: tuple[CrimeTypeCount, ...]
    sources: tuple[ImageSourceCount, ...]
    requests: tuple[UtahRequest, ...]
    requests_not_listed: int
    input_problems: tuple[ProblemRecord, ...]
    input_problems_not_listed: int
    assumptions: Assumptions

    def document(self) -> Document:
        """The report laid out for people, as every format but JSON writes it."""
        return _document(self)


# -- reading the log -------------------------------------------------------------------------


@attrs.define
class _Tally(LogTally):
    outside_period: int = 0
    before_the_law: int = 0
    outside_the_chapter: int = 0
    other_entities: int = 0
    other_agencies: int = 0
    requests: list[UtahRequest] = attrs.Factory(list)
    request_count: int = 0
    completed: int = 0
    matches: int = 0
    not_permitted: int = 0
    crimes: Counter[tuple[str, str, str, str]] = attrs.Factory(Counter)
    sources: Counter[tuple[str, str, str, str]] = attrs.Factory(Counter)
    names: dict[str, str] = attrs.Factory(dict)
    versions: dict[str, Version] = attrs.Factory(dict)

    def take(self, number: int, record: SearchRecord, how: _Terms) -> None:
        """Sort one record: of another period, outside the chapter or entity, or counted."""
        request, terms = record.request, how.terms
        if not terms.period.includes(request.submitted_at, how.zone):
            self.outside_period += 1
            return
        judged = terms.version or version_for(how.place, record)
        if judged.instrument.id == NO_LAW:
            self.before_the_law += 1
            return
        decision = judged.evaluate(request)
        if not owes(decision, _DUTY):
            self.outside_the_chapter += 1
            return
        if how.items.chosen == "the-departments" and not THE_DEPARTMENT_SEARCHES(request):
            self.other_entities += 1
            return
        entity = request.performing_agency
        if terms.agency is not None and entity.id != terms.agency:
            self.other_agencies += 1
            return
        self.versions.setdefault(judged.instrument.id, judged)
        self.names.setdefault(entity.id, entity.name)
        self.not_permitted += decision.outcome in {Outcome.NOT_PERMITTED, Outcome.FORBIDDEN}
        self._count(number, record, decision.outcome, how)

    def _count(self, number: int, record: SearchRecord, outcome: Outcome, how: _Terms) -> None:
        request = record.request
        entity = request.performing_agency.id
        offense = request.offense
        crime, description = (
            (offense.code, offense.title)
            if offense is not None
            else (request.purpose.value, request.purpose.label)
        )
        searched = request.performed_at
        matches = record.candidates_returned if searched is not None else 0
        databases = tuple(sorted(request.databases, key=lambda d: d.value))
        self.request_count += 1
        self.completed += searched is not None
        self.matches += matches
        self.crimes[entity, crime, description, "requests"] += 1
        self.crimes[entity, crime, description, "matches"] += matches
        if matches:
            for value, label in _sources(how.source, databases, request.probe.source):
                self.sources[entity, value, label, "requests"] += 1
                self.sources[entity, value, label, "matches"] += matches
        self.keep(
            self.requests,
            UtahRequest(
                line=number,
                request_id=request.id,
                entity=entity,
                received_at=request.submitted_at.astimezone(how.zone),
                crime=crime,
                description=description,
                searched_at=searched.astimezone(how.zone) if searched is not None else None,
                probable_matches=matches,
                databases=databases,
                probe_source=request.probe.source,
                outcome=outcome,
            ),
        )


_DATABASES = {
    Database.MOTOR_VEHICLE_RECORDS: "driver license photos",
    Database.BOOKING_PHOTOS: "booking photos",
    Database.OTHER: "another image database",
}


def _sources(
    reading: Reading, databases: tuple[Database, ...], probe: ImageSource
) -> list[tuple[str, str]]:
    """The image sources of a request's matches, by the reading in force: value and label."""
    if reading.chosen == "probe":
        return [(probe.value, probe.value.replace("_", " "))]
    if not databases:
        return [("none", "no database recorded")]
    return [(d.value, _DATABASES.get(d, d.value.replace("_", " "))) for d in databases]


@attrs.frozen
class _Terms:
    terms: ReportTerms
    place: Jurisdiction
    items: Reading
    source: Reading
    zone: tzinfo


def utah_annual_report(
    entries: Iterable[tuple[int, Entry]], terms: ReportTerms
) -> UtahAnnualReport:
    """The §77-23e-106(3) report of a Utah search log, for the requests received in a period.

    A request counts on the day it was received, in Utah time, when the duty
    ``UT-ANNUAL-REPORT`` attaches to it under the law in force on its day (or
    ``terms.version``). ``terms.agency`` makes one entity's report: the entity that
    received the requests and ran the comparisons. Every other record is counted apart.

    Raises:
        ValueError: ``terms.limit`` is negative, ``terms.law`` is not Utah's, or a choice
            asked for one of the report's readings is not one of its choices.
    """
    tally = _Tally(terms.limit, problem_limit=terms.problem_limit)
    place = law_of(_CODE, terms.law)
    items, source = terms.choice(REPORT_ITEMS), terms.choice(IMAGE_SOURCE)
    zone = place.versions[0].policy.calendar.zone
    how = _Terms(terms, place, items, source, zone)
    tally.read(entries, lambda number, record: tally.take(number, record, how))
    versions = list(tally.versions.values()) or [terms.version or place.versions[0]]
    return _report(tally, how, versions)


def _window(period: Period) -> tuple[date, date]:
    """The first August 1 after the period, and the October 15 the report must come before."""
    end = period.end
    year = end.year if end < date(end.year, 8, 1) else end.year + 1
    return date(year, 8, 1), date(year, 10, 15)


def _report(tally: _Tally, how: _Terms, versions: list[Version]) -> UtahAnnualReport:
    terms = how.terms
    opens, closes = _window(terms.period)
    crimes = sorted(
        {k[:3] for k in tally.crimes},
        key=lambda k: (k[0], -tally.crimes[(*k, "requests")], k[1]),
    )
    sources = sorted({k[:3] for k in tally.sources})
    return UtahAnnualReport(
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
        window_opens=opens,
        window_closes=closes,
        totals=UtahTotals(
            lines_read=tally.lines_read,
            records=tally.outside_period
            + tally.before_the_law
            + tally.outside_the_chapter
            + tally.other_entities
            + tally.other_agencies
            + tally.request_count,
            malformed_lines=tally.problem_count,
            blank_lines=tally.blank,
            duplicate_request_ids=tally.duplicate_count,
            outside_period=tally.outside_period,
            before_the_law=tally.before_the_law,
            outside_the_chapter=tally.outside_the_chapter,
            other_entities=tally.other_entities,
            other_agencies=tally.other_agencies,
            requests=tally.request_count,
            completed=tally.completed,
            not_completed=tally.request_count - tally.completed,
            probable_matches=tally.matches,
            not_permitted=tally.not_permitted,
        ),
        crimes=tuple(
            CrimeTypeCount(
                entity=e,
                crime=c,
                description=d,
                requests=tally.crimes[e, c, d, "requests"],
                probable_matches=tally.crimes[e, c, d, "matches"],
            )
            for e, c, d in crimes
        ),
        sources=tuple(
            ImageSourceCount(
                entity=e,
                source=s,
                label=label,
                requests=tally.sources[e, s, label, "requests"],
                probable_matches=tally.sources[e, s, label, "matches"],
            )
            for e, s, label in sources
        ),
        requests=tuple(tally.requests),
        requests_not_listed=tally.request_count - len(tally.requests),
        input_problems=tally.records(terms.log),
        input_problems_not_listed=tally.not_listed,
        assumptions=report_assumptions(
            versions,
            terms,
            report=f"{_CODE}:{_NAME}",
            readings=(how.source, how.items),
            counted="the report counts the requests received in its period",
        ),
    )


# -- laid out for people ---------------------------------------------------------------------

CERTIFICATION = (
    "I certify that this report discloses every request for a facial recognition comparison "
    "the entity received in the period, the probable matches it provided for each and the "
    "image source of each match, as its records show them, and no detail of a pending "
    "investigation."
)
"""The statement the entity's officer signs."""


def _day(day: date) -> str:
    return f"{day.day} {day:%B %Y}"


def _tables(r: UtahAnnualReport) -> tuple[Table, ...]:
    t = r.totals
    by_crime: Counter[str] = Counter()
    for x in r.crimes:
        by_crime[x.description] += x.requests
    top = by_crime.most_common()
    return (
        Table(
            name="requests",
            title="(iii) Each request, and the probable matches provided",
            about="Each request received in the period, by the day it was received: its type "
            "of crime, whether the comparison was run, the probable matches provided (none for "
            "a request not completed) and the databases searched. No case number, narrative, "
            "requesting agency or person is listed: (3)(b) forbids details of a pending "
            "investigation.",
            columns=(
                Column("line", "line", Kind.COUNT),
                Column("request_id", "request", Kind.ID),
                Column("entity", "received by", Kind.ID),
                Column("received_at", "received", Kind.WHEN),
                Column("crime", "type of crime", Kind.ID, page=False),
                Column("description", "type of crime", terminal=False),
                Column("searched_at", "compared", Kind.WHEN),
                Column("probable_matches", "probable matches", Kind.COUNT),
                Column("databases", "databases", Kind.LIST),
                Column("probe_source", "image compared from", terminal=False),
                Column("outcome", "outcome", terminal=False),
            ),
            rows=tuple(
                (
                    x.line,
                    x.request_id,
                    x.entity,
                    x.received_at,
                    x.crime,
                    x.description,
                    x.searched_at,
                    x.probable_matches,
                    x.databases,
                    x.probe_source,
                    x.outcome,
                )
                for x in r.requests
            ),
            total=t.requests,
            noun="requests",
        ),
        Table(
            name="crimes",
            title="(i)-(ii) Requests by type of crime",
            about="The types of crime requests were received for (the offense named; the "
            "purpose, for a request to identify a person or under a threat to life), how many "
            "of each, and the probable matches provided for them.",
            columns=(
                Column("entity", "received by", Kind.ID),
                Column("crime", "code", Kind.ID),
                Column("description", "type of crime"),
                Column("requests", "requests", Kind.COUNT),
                Column("probable_matches", "probable matches", Kind.COUNT),
            ),
            rows=tuple(
                (x.entity, x.crime, x.description, x.requests, x.probable_matches) for x in r.crimes
            ),
            chart=Chart(
                title="Requests by type of crime",
                labels=tuple(label for label, _ in top),
                series=(Series("requests", BLUE, tuple(n for _, n in top)),),
            ),
        ),
        Table(
            name="sources",
            title="(iv) The image source of the matches",
            about="The probable matches made from each image source (by the reading "
            "ut-image-source), and the requests with a match from it. A request that searched "
            "two databases counts under each: which one a match came from is not in the log.",
            columns=(
                Column("entity", "made by", Kind.ID),
                Column("source", "source", Kind.ID),
                Column("label", "image source"),
                Column("requests", "requests", Kind.COUNT),
                Column("probable_matches", "probable matches", Kind.COUNT),
            ),
            rows=tuple(
                (x.entity, x.source, x.label, x.requests, x.probable_matches) for x in r.sources
            ),
        ),
        totals_table(
            t,
            about="Every record of the log is accounted for: received outside the period or "
            "before the chapter, not counted by its report, of another entity, or a request "
            "counted.",
        ),
        problems_table(r.input_problems, r.input_problems_not_listed),
    )


def _document(r: UtahAnnualReport) -> Document:
    t = r.totals
    judged = judged_under(r.version, "request")
    return Document(
        title=f"Facial recognition comparisons, {r.period.label}"
        + (f", of {r.agency}" if r.agency is not None else ", every entity"),
        facts=(
            (
                f"Utah ({r.jurisdiction}), Utah Code §77-23e-106(3), for the Government "
                f"Operations Interim Committee; judged under {judged}."
            ),
            (
                f"From {r.log}: each request counted on the day it was received, in "
                f"{r.time_zone} time; the log's candidates returned are the probable matches "
                "provided. The requests are, by "
                f"{reading_in_force(r.assumptions, REPORT_ITEMS)} The text names no period: "
                "this report covers the one asked for."
            ),
        ),
        headline=(
            ("requests", t.requests),
            ("types of crime", len({x.crime for x in r.crimes})),
            ("completed", t.completed),
            ("probable matches", t.probable_matches),
            ("not permitted", t.not_permitted),
        ),
        findings=(
            f"{counted(t.requests, 'request')} received {r.period.during}, for "
            f"{counted(len({x.crime for x in r.crimes}), 'type')} of crime or purpose; "
            f"{t.completed:,} completed, with "
            f"{counted(t.probable_matches, 'probable match', 'probable matches')} provided; "
            f"{t.not_permitted:,} the law in force did not permit. Not in the report: "
            f"{counted(t.outside_period, 'record')} of other periods, {t.before_the_law:,} "
            f"before the chapter, {t.outside_the_chapter:,} its report does not count"
            + (
                f", {t.other_entities:,} of entities other than the Department"
                if t.other_entities
                else ""
            )
            + (f", {t.other_agencies:,} of other entities" if r.agency is not None else "")
            + "."
        ),
        tables=_tables(r),
        footer=made_by(r.generator, r.schema_version),
        assumptions=r.assumptions,
        filing=Filing(
            filer_role="Government entity",
            filer=filed_by(r.filer),
            contact=r.filer.contact,
            recipient="the Government Operations Interim Committee",
            period=r.period.label,
            due=f"on or after {_day(r.window_opens)} and before {_day(r.window_closes)}",
            certification=CERTIFICATION,
        ),
        default=UTAH_TABLES[0],
    )


ANNUAL_REPORT = StatutoryReport(
    jurisdiction=_CODE,
    name=_NAME,
    title="Annual report on facial recognition comparisons (Utah Code §77-23e-106(3))",
    citation=cite("106", "(3)"),
    source=Source(verification=Verification.TEXT, confidence=Confidence.HIGH, reference=_TEXT),
    who="each government entity that uses a facial recognition system to conduct a facial "
    "recognition comparison",
    recipient="the Government Operations Interim Committee",
    due="on or after August 1 and before October 15 each year",
    period="a year the text does not name: the period asked for",
    report_type=UtahAnnualReport,
    tables=UTAH_TABLES,
    make=utah_annual_report,
    readings=(REPORT_ITEMS, IMAGE_SOURCE),
)
"""Utah's §77-23e-106(3) annual report, as registered: ``US-UT:annual-report``."""
