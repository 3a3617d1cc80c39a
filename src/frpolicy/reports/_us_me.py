"""Maine's public log of facial surveillance requests, 25 M.R.S. §6001, made from a search log.

**What the law asks, and why this report.** Maine asks for no report to anyone. It asks the
Bureau of Motor Vehicles, which runs the searches Maine's law allows, to log the requests it
receives, and makes that log a public record: wraight.law (2024) obtained the Bureau's logs
"kept by statute" under the Freedom of Access Act (1 M.R.S. ch. 13), listing who asked
(mostly other states' police and federal agencies) and why; stareintothelightsmypretties
(2021-07) reports that "logs of all facial recognition searches by the BMV must be created and
are designated as public records"; idtechwire (2021) that the Bureau "will create an auditable
log of police facial recognition requests". The section's operative text could not be
reached by the search tools (legislature.maine.gov was not in them), so the duty rests on the
news (``ME-LOG``: news, medium). The public record the law makes is the log itself, released
to whoever asks for it: the report the law asks for is that listing. :func:`bureau_log` makes
it from the same search log the audit reads: every request the Bureau received in a period,
dated by the day it received it, with who asked, from where, why, whether the Bureau ran the
search, what it returned and when the request was logged; counted by the requester's place
and by purpose; with the requests the law does not allow, each with why, and those the log
does not hold (no record of the request was made: ``ME-LOG`` unmet).

The requests listed are those the law's duty ``ME-LOG`` attaches to, under the readings in
force: every request the Bureau receives, from Maine's departments or from elsewhere,
granted or not, and its own fraud checks. Whether the log holds every request received or
only the searches the Bureau ran is not settled by the sources (one says requests, another
searches): the report's own reading :data:`LOG_ENTRIES`. Nothing in the listing identifies
the person sought: the log names the requesting agency, not the subject.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from datetime import datetime, tzinfo

import attrs

from frpolicy.compliance import LAW_IN_FORCE, Entry, version_for
from frpolicy.jurisdictions import Jurisdiction, Version
from frpolicy.jurisdictions.us_me.common import cite
from frpolicy.law import Choice, Confidence, Reading, Source, Verification
from frpolicy.model import Purpose, SearchRecord
from frpolicy.policy import NO_LAW, Outcome
from frpolicy.reports._assumptions import Assumptions
from frpolicy.reports._charts import BLUE, GREY, Series
from frpolicy.reports._common import (
    SCHEMA_VERSION,
    Filer,
    LogTally,
    NotAllowedRecord,
    Period,
    ProblemRecord,
    counted,
    generator,
    judged_under,
    law_of,
    made_by,
    not_allowed,
    not_allowed_table,
    owes,
    problems_table,
    reading_in_force,
    report_assumptions,
    totals_table,
)
from frpolicy.reports._document import (
    Cell,
    Chart,
    Column,
    Document,
    Filing,
    Kind,
    Table,
)
from frpolicy.reports._registry import ReportTerms, StatutoryReport

__all__ = [
    "BUREAU_LOG",
    "BUREAU_LOG_TABLES",
    "CERTIFICATION",
    "LOG_ENTRIES",
    "BureauLog",
    "BureauLogTotals",
    "LoggedRequest",
    "PlaceCount",
    "PurposeCount",
    "bureau_log",
]

_CODE = "US-ME"
_NAME = "bmv-log"
_DUTY = "ME-LOG"
_NEWS = (
    "wraight.law (2024): the Bureau's logs, kept 'by statute' and released under the Freedom "
    "of Access Act; stareintothelightsmypretties.jore.cc (2021-07): 'Logs of all facial "
    "recognition searches by the BMV must be created and are designated as public records'; "
    "idtechwire.com (2021): the Bureau 'will create an auditable log of police facial "
    "recognition requests'. 25 M.R.S. §6001's text was not read."
)

LOG_ENTRIES = Reading(
    id="me-log-entries",
    question="Which entries does the Bureau's public log hold: every request it receives, or "
    "only the searches it runs? One report of the law speaks of a log of requests, another of "
    "a log of searches; the text was not read.",
    choices=(
        Choice(
            id="requests-received",
            text="Every request the Bureau receives, granted or refused, as the duty ME-LOG "
            "reads the news: an auditable log of requests shows the ones refused too, and the "
            "logs released under the Freedom of Access Act list requests.",
        ),
        Choice(
            id="searches-run",
            text="Only the searches the Bureau runs: a request it refused, and so never ran, "
            "is no entry of a log of facial recognition searches.",
        ),
    ),
    source=Source(verification=Verification.NEWS, confidence=Confidence.LOW, reference=_NEWS),
    citation=cite(),
)
"""Whether the Bureau's log holds every request it receives or only the searches it runs."""

BUREAU_LOG_TABLES = (
    "requests",
    "places",
    "purposes",
    "not-allowed",
    "not-logged",
    "totals",
    "problems",
    "assumptions",
)
"""The tables of a :class:`BureauLog`, by name (the first is the CSV default)."""


@attrs.frozen(kw_only=True)
class LoggedRequest:
    """One request the Bureau received, as its public log lists it.

    ``place`` is where the requesting agency belongs (a place code: ``US-ME``, another
    state's, ``US`` for a federal agency; ``None``: not recorded). ``crime`` is the
    offense's code, or for a request with no offense named its purpose; ``description`` the
    offense's title or the purpose in words. ``searched_at`` is ``None`` for a request the
    Bureau never ran; ``logged_at`` for one whose record was never made.
    """

    line: int
    request_id: str
    received_at: datetime
    agency: str
    agency_name: str
    place: str | None
    purpose: Purpose
    crime: str
    description: str
    searched_at: datetime | None
    candidates_returned: int
    logged_at: datetime | None
    outcome: Outcome


@attrs.frozen(kw_only=True)
class PlaceCount:
    """The requests of the agencies of one place: Maine, another state, or federal ones."""

    place: str | None
    label: str
    requests: int
    searches: int


@attrs.frozen(kw_only=True)
class PurposeCount:
    """The requests for one crime (or, with none named, one purpose)."""

    crime: str
    description: str
    requests: int
    searches: int


@attrs.frozen(kw_only=True)
class BureauLogTotals:
    """What the listing counted, so that every line of the log is accounted for.

    ``records`` is ``outside_period`` plus ``before_the_law`` plus ``not_to_the_bureau`` plus
    ``other_agencies`` plus ``not_run_left_out`` plus ``requests``: the records of days
    outside the period, those of days before the law was in force, those that are no
    request to the Bureau (a search another body ran), those of other agencies (for one
    agency's requests), the requests never run when the reading in force lists searches
    only, and the requests listed.
    """

    lines_read: int
    records: int
    malformed_lines: int
    blank_lines: int
    duplicate_request_ids: int
    outside_period: int
    before_the_law: int
    not_to_the_bureau: int
    other_agencies: int
    not_run_left_out: int
    requests: int
    searches: int
    not_run: int
    from_maine: int
    from_other_states: int
    federal: int
    not_allowed: int
    not_logged: int


@attrs.frozen(kw_only=True)
class BureauLog:
    """The Bureau of Motor Vehicles' public log of facial surveillance requests, for a period.

    ``requests`` lists each request received (by the reading ``me-log-entries``: or each
    search run); ``places`` and ``purposes`` count them; ``not_allowed`` are those the law
    in force does not allow, with why; ``not_logged`` those of which no record was made.
    With ``agency``, one requesting agency's requests (a records request often asks for
    those). The filer is the Bureau, which keeps the log.
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
    totals: BureauLogTotals
    places: tuple[PlaceCount, ...]
    purposes: tuple[PurposeCount, ...]
    requests: tuple[LoggedRequest, ...]
    requests_not_listed: int
    not_allowed: tuple[NotAllowedRecord, ...]
    not_allowed_not_listed: int
    not_logged: tuple[LoggedRequest, ...]
    not_logged_not_listed: int
    input_problems: tuple[ProblemRecord, ...]
    input_problems_not_listed: int
    assumptions: Assumptions

    def document(self) -> Document:
        """The report laid out for people, as every format but JSON writes it."""
        return _document(self)


# -- reading the log -------------------------------------------------------------------------


@attrs.define
class _Tally(LogTally):
    not_to_the_bureau: int = 0
    outside_period: int = 0
    before_the_law: int = 0
    other_agencies: int = 0
    not_run_left_out: int = 0
    requests: list[LoggedRequest] = attrs.Factory(list)
    request_count: int = 0
    searches: int = 0
    places: Counter[tuple[str | None, str]] = attrs.Factory(Counter)
    purposes: Counter[tuple[str, str, str]] = attrs.Factory(Counter)
    refused: list[NotAllowedRecord] = attrs.Factory(list)
    refused_count: int = 0
    unlogged: list[LoggedRequest] = attrs.Factory(list)
    unlogged_count: int = 0
    versions: dict[str, Version] = attrs.Factory(dict)
    bureau: str = ""

    def take(self, number: int, record: SearchRecord, how: _Terms) -> None:
        """Sort one record: no request to the Bureau, of another period or agency, or listed."""
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
            self.not_to_the_bureau += 1
            return
        if terms.agency is not None and request.requesting_agency.id != terms.agency:
            self.other_agencies += 1
            return
        if how.reading.chosen == "searches-run" and request.performed_at is None:
            self.not_run_left_out += 1
            return
        self.versions.setdefault(judged.instrument.id, judged)
        self.bureau = self.bureau or request.performing_agency.name
        self._count(number, record, decision.outcome, how.zone)
        if decision.outcome in {Outcome.NOT_PERMITTED, Outcome.FORBIDDEN}:
            self.refused_count += 1
            self.keep(self.refused, not_allowed(number, record, judged))

    def _count(self, number: int, record: SearchRecord, outcome: Outcome, zone: tzinfo) -> None:
        request = record.request
        asker = request.requesting_agency
        offense = request.offense
        crime, description = (
            (offense.code, offense.title)
            if offense is not None
            else (request.purpose.value, request.purpose.label)
        )
        run = request.performed_at is not None
        entry = LoggedRequest(
            line=number,
            request_id=request.id,
            received_at=request.submitted_at.astimezone(zone),
            agency=asker.id,
            agency_name=asker.name,
            place=asker.home,
            purpose=request.purpose,
            crime=crime,
            description=description,
            searched_at=request.performed_at.astimezone(zone) if request.performed_at else None,
            candidates_returned=record.candidates_returned if run else 0,
            logged_at=record.documented_at.astimezone(zone) if record.documented_at else None,
            outcome=outcome,
        )
        self.request_count += 1
        self.searches += run
        self.places[asker.home, "requests"] += 1
        self.places[asker.home, "searches"] += run
        self.purposes[crime, description, "requests"] += 1
        self.purposes[crime, description, "searches"] += run
        self.keep(self.requests, entry)
        if record.documented_at is None:
            self.unlogged_count += 1
            self.keep(self.unlogged, entry)


@attrs.frozen
class _Terms:
    terms: ReportTerms
    place: Jurisdiction
    reading: Reading
    zone: tzinfo


def bureau_log(entries: Iterable[tuple[int, Entry]], terms: ReportTerms) -> BureauLog:
    """The Bureau of Motor Vehicles' public log of the requests it received in ``terms.period``.

    A request is listed when the duty ``ME-LOG`` attaches to it under the law in force on
    its day (or ``terms.version``): a request the Bureau received, from anyone, granted or
    not. It is dated by the day the Bureau received it, in Maine time. Every other record is
    counted apart, so every line of the log is accounted for.

    Raises:
        ValueError: ``terms.limit`` is negative, ``terms.law`` is not Maine's, or the choice
            asked for the report's reading is not one of its choices.
    """
    tally = _Tally(terms.limit, problem_limit=terms.problem_limit)
    place = law_of(_CODE, terms.law)
    reading = terms.choice(LOG_ENTRIES)
    zone = place.versions[0].policy.calendar.zone
    how = _Terms(terms, place, reading, zone)
    tally.read(entries, lambda number, record: tally.take(number, record, how))
    versions = list(tally.versions.values()) or [terms.version or place.versions[0]]
    return _report(tally, terms, reading, versions, str(zone))


def _place_label(place: str | None) -> str:
    if place is None:
        return "not recorded"
    if place == _CODE:
        return "Maine"
    if place == "US":
        return "a federal agency"
    return f"another state ({place})"


def _report(
    tally: _Tally, terms: ReportTerms, reading: Reading, versions: list[Version], zone: str
) -> BureauLog:
    places = sorted(
        {p for p, _ in tally.places},
        key=lambda p: (p != _CODE, p != "US", p is None, p or ""),
    )
    by_place = {p: tally.places[p, "requests"] for p in places}
    purposes = sorted(
        {(c, d) for c, d, _ in tally.purposes},
        key=lambda k: (-tally.purposes[(*k, "requests")], k),
    )
    return BureauLog(
        generator=generator(),
        jurisdiction=_CODE,
        version=terms.version.instrument.id if terms.version else LAW_IN_FORCE,
        period=terms.period,
        agency=terms.agency,
        time_zone=zone,
        log=terms.log,
        filer=Filer(agency=None, name=tally.bureau, contact=terms.contact),
        totals=BureauLogTotals(
            lines_read=tally.lines_read,
            records=tally.not_to_the_bureau
            + tally.outside_period
            + tally.before_the_law
            + tally.other_agencies
            + tally.not_run_left_out
            + tally.request_count,
            malformed_lines=tally.problem_count,
            blank_lines=tally.blank,
            duplicate_request_ids=tally.duplicate_count,
            outside_period=tally.outside_period,
            before_the_law=tally.before_the_law,
            not_to_the_bureau=tally.not_to_the_bureau,
            other_agencies=tally.other_agencies,
            not_run_left_out=tally.not_run_left_out,
            requests=tally.request_count,
            searches=tally.searches,
            not_run=tally.request_count - tally.searches,
            from_maine=by_place.get(_CODE, 0),
            from_other_states=sum(n for p, n in by_place.items() if p not in {_CODE, "US", None}),
            federal=by_place.get("US", 0),
            not_allowed=tally.refused_count,
            not_logged=tally.unlogged_count,
        ),
        places=tuple(
            PlaceCount(
                place=p,
                label=_place_label(p),
                requests=tally.places[p, "requests"],
                searches=tally.places[p, "searches"],
            )
            for p in places
        ),
        purposes=tuple(
            PurposeCount(
                crime=c,
                description=d,
                requests=tally.purposes[c, d, "requests"],
                searches=tally.purposes[c, d, "searches"],
            )
            for c, d in purposes
        ),
        requests=tuple(tally.requests),
        requests_not_listed=tally.request_count - len(tally.requests),
        not_allowed=tuple(tally.refused),
        not_allowed_not_listed=tally.refused_count - len(tally.refused),
        not_logged=tuple(tally.unlogged),
        not_logged_not_listed=tally.unlogged_count - len(tally.unlogged),
        input_problems=tally.records(terms.log),
        input_problems_not_listed=tally.not_listed,
        assumptions=report_assumptions(
            versions,
            terms,
            report=f"{_CODE}:{_NAME}",
            readings=(reading,),
            counted="the log lists what was received in its period",
        ),
    )


# -- laid out for people ---------------------------------------------------------------------

CERTIFICATION = (
    "I certify that this is a true and complete copy of the Bureau of Motor Vehicles' log of "
    "the facial surveillance search requests it received in the period, as its records show "
    "them."
)
"""The statement the Bureau's records officer signs."""


def _request_columns() -> tuple[Column, ...]:
    return (
        Column("line", "line", Kind.COUNT),
        Column("request_id", "request", Kind.ID),
        Column("received_at", "received", Kind.WHEN),
        Column("agency", "asked by", Kind.ID),
        Column("agency_name", "agency", terminal=False),
        Column("place", "of", Kind.ID),
        Column("purpose", "purpose", terminal=False, page=False),
        Column("crime", "crime or purpose", Kind.ID, page=False),
        Column("description", "crime or purpose", terminal=False),
        Column("searched_at", "searched", Kind.WHEN),
        Column("candidates_returned", "candidates", Kind.COUNT),
        Column("logged_at", "logged", Kind.WHEN),
        Column("outcome", "outcome", terminal=False),
    )


def _request_rows(rows: Iterable[LoggedRequest]) -> tuple[tuple[Cell, ...], ...]:
    return tuple(
        (
            x.line,
            x.request_id,
            x.received_at,
            x.agency,
            x.agency_name,
            x.place,
            x.purpose,
            x.crime,
            x.description,
            x.searched_at,
            x.candidates_returned,
            x.logged_at,
            x.outcome,
        )
        for x in rows
    )


def _tables(r: BureauLog) -> tuple[Table, ...]:
    t = r.totals
    return (
        Table(
            name="requests",
            title="The log: each request received",
            about="Each facial surveillance search request the Bureau received in the period, "
            "by the day it received it: who asked and from where, the crime or purpose, "
            "whether and when the Bureau searched, how many candidates it returned, and when "
            "the request was logged (blank: never).",
            columns=_request_columns(),
            rows=_request_rows(r.requests),
            total=t.requests,
            noun="requests",
        ),
        Table(
            name="places",
            title="Requests by where the requesting agency belongs",
            about="Maine's own departments, other states' agencies, and federal agencies.",
            columns=(
                Column("place", "place", Kind.ID),
                Column("label", "agencies of"),
                Column("requests", "requests", Kind.COUNT),
                Column("searches", "searched", Kind.COUNT),
            ),
            rows=tuple((x.place, x.label, x.requests, x.searches) for x in r.places),
            chart=Chart(
                title="Requests by where the requesting agency belongs",
                labels=tuple(x.label for x in r.places),
                series=(
                    Series("searched", BLUE, tuple(x.searches for x in r.places)),
                    Series("not searched", GREY, tuple(x.requests - x.searches for x in r.places)),
                ),
            ),
        ),
        Table(
            name="purposes",
            title="Requests by crime or purpose",
            about="The crime named (the offense's code), or the purpose where none is (a "
            "deceased or missing person, the Bureau's own fraud checks).",
            columns=(
                Column("crime", "code", Kind.ID),
                Column("description", "crime or purpose"),
                Column("requests", "requests", Kind.COUNT),
                Column("searches", "searched", Kind.COUNT),
            ),
            rows=tuple((x.crime, x.description, x.requests, x.searches) for x in r.purposes),
        ),
        not_allowed_table(
            r.not_allowed,
            total=t.not_allowed,
            about="Each request of the period the law in force does not allow, with the "
            "provisions that decided and what it lacked; 'searched' is blank where the Bureau "
            "did not run it.",
        ),
        Table(
            name="not-logged",
            title="Requests of which no log entry was made (ME-LOG)",
            about="Requests the Bureau received but never logged: the public record the law "
            "makes does not hold them.",
            columns=_request_columns(),
            rows=_request_rows(r.not_logged),
            total=t.not_logged,
            noun="requests",
        ),
        totals_table(
            t,
            about="Every record of the log is accounted for: of a day outside the period or "
            "before the law, no request to the Bureau, of another agency, a request never run "
            "left out by the reading in force, or a request listed.",
        ),
        problems_table(r.input_problems, r.input_problems_not_listed),
    )


def _document(r: BureauLog) -> Document:
    t = r.totals
    judged = judged_under(r.version, "request")
    return Document(
        title=f"Bureau of Motor Vehicles: facial surveillance requests, {r.period.label}"
        + (f", of {r.agency}" if r.agency is not None else ""),
        facts=(
            (
                f"Maine ({r.jurisdiction}), 25 M.R.S. §6001: the Bureau's log of requests is a "
                f"public record (ME-LOG, from the news: the section's text was not read); judged "
                f"under {judged}."
            ),
            (
                f"From {r.log}: each request dated by the day the Bureau received it, in "
                f"{r.time_zone} time. The log holds, by "
                f"{reading_in_force(r.assumptions, LOG_ENTRIES)} Searches another body ran (the "
                "FBI, another state's police) are not the Bureau's, and not in its log."
            ),
        ),
        headline=(
            ("requests", t.requests),
            ("searched", t.searches),
            ("from Maine", t.from_maine),
            ("from other states", t.from_other_states),
            ("federal", t.federal),
            ("not allowed", t.not_allowed),
            ("not logged", t.not_logged),
        ),
        findings=(
            f"{counted(t.requests, 'request')} received {r.period.during}: "
            f"{t.from_maine:,} from Maine's departments, {t.from_other_states:,} from other "
            "states' agencies and "
            f"{t.federal:,} from federal ones; the Bureau searched for {t.searches:,}. The "
            f"law does not allow {t.not_allowed:,} of them; {t.not_logged:,} were never "
            "logged."
        ),
        tables=_tables(r),
        footer=made_by(r.generator, r.schema_version),
        assumptions=r.assumptions,
        filing=Filing(
            filer_role="Keeper of the log",
            filer=r.filer.name,
            contact=r.filer.contact,
            recipient="whoever asks for it: a public record under the Freedom of Access Act",
            period=r.period.label,
            due="on request: the sources name no date",
            certification=CERTIFICATION,
        ),
        default=BUREAU_LOG_TABLES[0],
    )


BUREAU_LOG = StatutoryReport(
    jurisdiction=_CODE,
    name=_NAME,
    title="The Bureau of Motor Vehicles' public log of facial surveillance requests "
    "(25 M.R.S. §6001)",
    citation=cite(),
    source=Source(verification=Verification.NEWS, confidence=Confidence.MEDIUM, reference=_NEWS),
    who="the Bureau of Motor Vehicles, which runs the searches Maine's law allows",
    recipient="anyone who asks: the log is a public record under the Freedom of Access Act",
    due="on request (the sources name no date)",
    period="any period asked for",
    report_type=BureauLog,
    tables=BUREAU_LOG_TABLES,
    make=bureau_log,
    readings=(LOG_ENTRIES,),
)
"""Maine's public log of the Bureau's requests, as registered: ``US-ME:bmv-log``."""
