"""Washington's January reports of facial recognition surveillance warrants, RCW 43.386.070.

Chapter 43.386 RCW asks for two reports a search log can make, read in the text of RCW
43.386.070 (lawfilesext.leg.wa.gov):

- (3) "In January of each year, any judge who has issued a warrant for the use of a facial
  recognition service to engage in any surveillance, or an extension thereof, as described
  in RCW 43.386.080, that expired during the preceding year, or who has denied approval of
  such a warrant during that year shall report to the administrator for the courts": that
  a warrant was applied for; whether it was granted as applied for, modified or denied; the
  period of surveillance it authorized and the number and duration of any extensions; the
  applying officer and agency and the person authorizing the application; and the nature of
  the public spaces where the surveillance was conducted. :func:`warrant_report`.
- (4) "In January of each year, any state or local government agency that has applied for
  a warrant, or an extension thereof, for the use of a facial recognition service to engage
  in any surveillance as described in RCW 43.386.080 shall provide to a legislative
  authority a report summarizing nonidentifying demographic data of individuals named in
  warrant applications as subjects of surveillance". :func:`warrant_subjects_report`.

The surveillance is that of .080(1): ongoing surveillance, real-time or near-real-time
identification, or persistent tracking (the law module's own condition). A search log holds
the warrants that were granted, with their searches; an application denied or modified, an
extension, or who authorized the application is not in it, and each report says so where it
would list them. The other reports of the chapter are not made from searches: the notice of
intent and the accountability report (.020) come before any use, and a federally mandated
use is reported to a legislative authority as it happens (.090(2), a duty of each search).

(4) names no period; the report's own reading (:data:`SUBJECTS_PERIOD`) takes the warrants
applied for in the preceding year.

Colorado's part 3 of article 18 of title 24 C.R.S., after Washington's chapter, asks the same
two reports in C.R.S. 24-18-308(2) and (3), read in the text (colorado.public.law, from the
General Assembly's C.R.S. 2023; casetext.com's cloudfront copy, current through 2024), and
they are made here the same way, with :func:`colorado_warrant_report` and
:func:`colorado_warrant_subjects_report`. Two differences of the text: the judges report each
warrant they "issued or extended ... during the preceding year" (Washington's: those that
"expired during the preceding year"), to the state court administrator; and the agencies
report to their own reporting authority. The surveillance is that of 24-18-307(1), the same
three kinds; (3) names no period either (:data:`CO_SUBJECTS_PERIOD`).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable
from datetime import datetime, tzinfo

import attrs

from frpolicy.compliance import LAW_IN_FORCE, Entry, version_for
from frpolicy.jurisdictions import Jurisdiction, Version
from frpolicy.jurisdictions.us_co.common import cite as colorado
from frpolicy.jurisdictions.us_wa.laws2020_c257 import SURVEILLANCE
from frpolicy.law import Choice, Citation, Confidence, Reading, Source, Verification
from frpolicy.model import (
    Analysis,
    CourtKind,
    Gender,
    ImageSource,
    MediaKind,
    Race,
    SearchRecord,
)
from frpolicy.policy import NO_LAW, Outcome
from frpolicy.predicates import Predicate
from frpolicy.reports._assumptions import Assumptions
from frpolicy.reports._charts import BLUE, Series
from frpolicy.reports._common import (
    SCHEMA_VERSION,
    Filer,
    LogTally,
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
    people_table,
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
    "CO_SUBJECTS_PERIOD",
    "CO_WARRANT_REPORT",
    "CO_WARRANT_SUBJECTS_REPORT",
    "SUBJECTS_PERIOD",
    "SUBJECTS_TABLES",
    "WARRANT_REPORT",
    "WARRANT_SUBJECTS_REPORT",
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
]

_CODE = "US-WA"
_INSTRUMENT = "Laws 2020 c 257"
_SECTION = "RCW 43.386.070"
_TEXT = Source(
    verification=Verification.TEXT,
    confidence=Confidence.HIGH,
    reference="lawfilesext.leg.wa.gov, RCW 43.386.070 (2020 c 257 s 8)",
)
_NOT_IN_A_LOG = "not in a search log"

SUBJECTS_PERIOD = Reading(
    id="wa-subjects-report-period",
    question="RCW 43.386.070(4) asks each January for the demographics of the subjects of the "
    "agency's surveillance warrant applications, but names no period. Which applications does "
    "a January report cover?",
    choices=(
        Choice(
            id="applied-in-year",
            text="Those made in the preceding calendar year (the log dates an application by "
            "the warrant's issue).",
        ),
        Choice(
            id="expired-in-year",
            text="Those whose warrants expired in the preceding year, as the judges' report "
            "of (3) counts them.",
        ),
    ),
    source=Source(
        verification=Verification.TEXT,
        confidence=Confidence.LOW,
        reference="RCW 43.386.070(4); no period in the text, an interpretation",
    ),
    citation=Citation(instrument=_INSTRUMENT, section=_SECTION, subsection="(4)"),
)
"""Which warrant applications the agencies' January report covers."""

_CO_TEXT = Source(
    verification=Verification.TEXT,
    confidence=Confidence.HIGH,
    reference="colorado.public.law (C.R.S. 2023, leg.colorado.gov), casetext.com (cloudfront "
    "copy, current through 2024): C.R.S. 24-18-308(2)-(3), added by 2022 Ch. 463, section 4",
)

CO_SUBJECTS_PERIOD = Reading(
    id="co-subjects-report-period",
    question="C.R.S. 24-18-308(3) asks each January for the demographics of the subjects of the "
    "agency's surveillance warrant applications, but names no period. Which applications does "
    "a January report cover?",
    choices=(
        Choice(
            id="applied-in-year",
            text="Those made in the preceding calendar year (the log dates an application by "
            "the warrant's issue), as the judges' report of (2) counts the warrants issued in "
            "it.",
        ),
        Choice(
            id="expired-in-year",
            text="Those whose warrants expired in the preceding year.",
        ),
    ),
    source=Source(
        verification=Verification.TEXT,
        confidence=Confidence.LOW,
        reference="C.R.S. 24-18-308(3); no period in the text, an interpretation",
    ),
    citation=colorado("308", "(3)"),
)
"""Which warrant applications a Colorado agency's January report covers."""


def _colorado_surveillance() -> Predicate:
    """24-18-307(1)'s surveillance, from Colorado's law: loaded when its report is made."""
    from frpolicy.jurisdictions.us_co.ch463 import SURVEILLANCE as COLORADO  # noqa: PLC0415 - loads Colorado's law only for its reports

    return COLORADO


@attrs.frozen(kw_only=True)
class _Law:
    """What differs between the places whose law asks these two reports: words and dates."""

    code: str
    place: str
    judges: str  # the provision of the judges' report, cited in full
    judges_items: str  # its items, as the table's title numbers them
    subjects: str  # the provision of the agencies' report
    subjects_item: str
    surveillance_text: str  # where the surveillance counted is described
    courts: str  # whom the judges report to
    authority: str  # whom the agencies report to
    issued: bool  # the judges report the warrants issued in the year (else: those expired)
    certification: str
    reading: Reading
    surveillance: Callable[[], Predicate]


_WASHINGTON = _Law(
    code=_CODE,
    place="Washington",
    judges="RCW 43.386.070(3)",
    judges_items="(3)(a)-(e)",
    subjects="RCW 43.386.070(4)",
    subjects_item="(4)",
    surveillance_text=".080(1)",
    courts="the administrator for the courts",
    authority="a legislative authority",
    issued=False,
    certification="I certify that this report lists every warrant for the use of a facial "
    "recognition service for surveillance that I issued, or whose extension I issued, that "
    "expired during the year, and every such warrant I denied in it.",
    reading=SUBJECTS_PERIOD,
    surveillance=lambda: SURVEILLANCE,
)
_COLORADO = _Law(
    code="US-CO",
    place="Colorado",
    judges="C.R.S. 24-18-308(2)",
    judges_items="(2)(a)-(e)",
    subjects="C.R.S. 24-18-308(3)",
    subjects_item="(3)",
    surveillance_text="24-18-307(1)",
    courts="the state court administrator",
    authority="the agency's reporting authority",
    issued=True,
    certification="I certify that this report lists every warrant, or extension of a warrant, "
    "for the use of a facial recognition service for surveillance that I issued or extended "
    "during the year, and every such warrant I denied in it.",
    reading=CO_SUBJECTS_PERIOD,
    surveillance=_colorado_surveillance,
)
_LAWS = {law.code: law for law in (_WASHINGTON, _COLORADO)}

WARRANT_TABLES = ("warrants", "judges", "totals", "problems", "assumptions")
"""The tables of a :class:`WarrantReport`, by name (the first is the CSV default)."""
SUBJECTS_TABLES = ("subjects", "warrants", "totals", "problems", "assumptions")
"""The tables of a :class:`WarrantSubjectsReport`, by name (the first is the CSV default)."""

_USES = (
    ("ongoing_surveillance", "ongoing surveillance"),
    ("real_time", "real-time identification"),
    ("persistent_tracking", "persistent tracking"),
)


@attrs.frozen(kw_only=True)
class SurveillanceWarrant:
    """A warrant for facial recognition surveillance, as a judge reports it (RCW 43.386.070(3)).

    ``agency`` applied for it (the agency that asked for the searches); ``officer`` the
    applying officer, as the log names them (``None``: not recorded). ``days_authorized``
    is the period of surveillance it authorized, from issue to expiry. ``uses`` are the
    kinds of surveillance its searches were (RCW 43.386.080(1), C.R.S. 24-18-307(1));
    ``spaces`` where the images searched came from, the nearest a log comes to the nature
    of the public spaces.
    ``searches`` counts the searches run under it, ``requests`` names them.
    """

    judge: str
    court: CourtKind
    case_number: str
    agency: str
    agency_name: str
    officer: str | None
    issued_at: datetime
    expires_at: datetime | None
    days_authorized: float | None
    uses: tuple[str, ...]
    spaces: tuple[ImageSource, ...]
    subject_age: str
    subject_race: Race | None
    subject_gender: Gender | None
    searches: int
    requests: tuple[str, ...]
    first_line: int


@attrs.frozen(kw_only=True)
class JudgeCount:
    """The warrants one judge issued that a January report lists."""

    judge: str
    court: CourtKind
    warrants: int


@attrs.frozen(kw_only=True)
class SubjectCount:
    """The subjects of one agency's warrant applications of one age band, race and gender."""

    agency: str
    age: str
    race: Race | None
    gender: Gender | None
    subjects: int


@attrs.frozen(kw_only=True)
class WarrantTotals:
    """What a report counted, so that every line of the log is accounted for.

    ``records`` is ``not_surveillance`` plus ``no_warrant`` plus ``not_for_facial_recognition``
    plus ``outside_scope`` plus ``before_the_law`` plus ``warrant_searches``: searches that
    are no surveillance, surveillance with no warrant (exigency, a court order), under a
    warrant that does not authorize facial recognition, outside the chapter, before it was in
    force, and those under a warrant for facial recognition surveillance. Of these warrants,
    ``warrants`` are in the report and ``other_periods`` are not (``no_expiry``: no expiry
    recorded, so no year to report them in).
    """

    lines_read: int
    records: int
    malformed_lines: int
    blank_lines: int
    duplicate_request_ids: int
    not_surveillance: int
    no_warrant: int
    not_for_facial_recognition: int
    outside_scope: int
    before_the_law: int
    warrant_searches: int
    warrants_in_log: int
    other_periods: int
    no_expiry: int
    other_agencies: int
    warrants: int


@attrs.frozen(kw_only=True)
class WarrantReport:
    """The judges' January report of facial recognition surveillance warrants.

    Washington's, RCW 43.386.070(3), or Colorado's, C.R.S. 24-18-308(2) (``jurisdiction``).
    ``warrants`` lists each warrant that expired in the period (the preceding year; in
    Colorado, each issued in it), with what items (a)-(e) ask as far as a search log records
    it; ``judges`` counts them by judge.
    """

    schema_version: int = SCHEMA_VERSION
    generator: str
    jurisdiction: str
    version: str
    period: Period
    time_zone: str
    log: str
    filer: Filer
    due: str
    totals: WarrantTotals
    judges: tuple[JudgeCount, ...]
    warrants: tuple[SurveillanceWarrant, ...]
    input_problems: tuple[ProblemRecord, ...]
    input_problems_not_listed: int
    assumptions: Assumptions

    def document(self) -> Document:
        """The report laid out for people, as every format but JSON writes it."""
        return _warrant_document(self)


@attrs.frozen(kw_only=True)
class WarrantSubjectsReport:
    """An agency's January report of its warrant subjects' demographics.

    Washington's, RCW 43.386.070(4), or Colorado's, C.R.S. 24-18-308(3) (``jurisdiction``).
    ``subjects`` counts the individuals named as subjects in the warrant applications the
    report covers (by the reading ``wa-subjects-report-period`` or
    ``co-subjects-report-period``), by agency, age band, race and gender: nonidentifying
    figures. ``warrants`` are the warrants counted.
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
    due: str
    totals: WarrantTotals
    subjects: tuple[SubjectCount, ...]
    warrants: tuple[SurveillanceWarrant, ...]
    input_problems: tuple[ProblemRecord, ...]
    input_problems_not_listed: int
    assumptions: Assumptions

    def document(self) -> Document:
        """The report laid out for people, as every format but JSON writes it."""
        return _subjects_document(self)


# -- reading the log -------------------------------------------------------------------------


@attrs.define
class _Tally(LogTally):
    not_surveillance: int = 0
    no_warrant: int = 0
    not_for_facial_recognition: int = 0
    outside_scope: int = 0
    before_the_law: int = 0
    warrant_searches: int = 0
    warrants: dict[tuple[str, str, str, datetime], list[tuple[int, SearchRecord]]] = attrs.Factory(
        dict
    )
    versions: dict[str, Version] = attrs.Factory(dict)

    def take(
        self,
        number: int,
        record: SearchRecord,
        place: Jurisdiction,
        terms: ReportTerms,
        surveillance: Predicate,
    ) -> None:
        """Sort one record: no surveillance, no warrant, outside the law, or a warrant's search."""
        request = record.request
        judged = terms.version or version_for(place, record)
        if judged.instrument.id == NO_LAW:
            self.before_the_law += 1
            return
        if judged.decide(request) is Outcome.NOT_APPLICABLE:
            self.outside_scope += 1
            return
        self.versions.setdefault(judged.instrument.id, judged)
        if not surveillance(request):
            self.not_surveillance += 1
            return
        warrant = request.warrant
        if warrant is None:
            self.no_warrant += 1
            return
        if not warrant.authorizes_facial_recognition:
            self.not_for_facial_recognition += 1
            return
        self.warrant_searches += 1
        key = (warrant.judge, warrant.court.value, warrant.case_number, warrant.issued_at)
        self.warrants.setdefault(key, []).append((number, record))


def _read(
    entries: Iterable[tuple[int, Entry]], terms: ReportTerms, law: _Law
) -> tuple[_Tally, Jurisdiction]:
    tally = _Tally(terms.limit, problem_limit=terms.problem_limit)
    place = law_of(law.code, terms.law)
    surveillance = law.surveillance()
    tally.read(
        entries, lambda number, record: tally.take(number, record, place, terms, surveillance)
    )
    return tally, place


def _warrant(searches: list[tuple[int, SearchRecord]], zone: tzinfo) -> SurveillanceWarrant:
    line, first = searches[0]
    request = first.request
    warrant = request.warrant
    assert warrant is not None  # noqa: S101 - only searches under a warrant are grouped
    issued = warrant.issued_at.astimezone(zone)
    expires = warrant.expires_at.astimezone(zone) if warrant.expires_at is not None else None
    uses = {label for _, record in searches for name, label in _USES if _uses(record, name)}
    officer = request.requesting_officer
    return SurveillanceWarrant(
        judge=warrant.judge,
        court=warrant.court,
        case_number=warrant.case_number,
        agency=request.requesting_agency.id,
        agency_name=request.requesting_agency.name,
        officer=f"{officer.id} ({officer.rank})" if officer is not None else None,
        issued_at=issued,
        expires_at=expires,
        days_authorized=round((expires - issued).total_seconds() / 86400, 1) if expires else None,
        uses=tuple(label for _, label in _USES if label in uses),
        spaces=tuple(sorted({r.request.probe.source for _, r in searches}, key=lambda s: s.value)),
        subject_age=age_band(first.subject_age),
        subject_race=first.subject_race,
        subject_gender=first.subject_gender,
        searches=len(searches),
        requests=tuple(r.request.id for _, r in searches),
        first_line=line,
    )


def _uses(record: SearchRecord, name: str) -> bool:
    request = record.request
    if name == "persistent_tracking":
        return request.analysis is Analysis.TRACKING
    if name == "real_time":  # a live video probe is identified as it is captured
        return request.real_time or request.probe.kind is MediaKind.LIVE_VIDEO
    return bool(getattr(request, name))


def _totals(
    tally: _Tally, *, warrants: int, other_periods: int, no_expiry: int, other_agencies: int
) -> WarrantTotals:
    return WarrantTotals(
        lines_read=tally.lines_read,
        records=tally.not_surveillance
        + tally.no_warrant
        + tally.not_for_facial_recognition
        + tally.outside_scope
        + tally.before_the_law
        + tally.warrant_searches,
        malformed_lines=tally.problem_count,
        blank_lines=tally.blank,
        duplicate_request_ids=tally.duplicate_count,
        not_surveillance=tally.not_surveillance,
        no_warrant=tally.no_warrant,
        not_for_facial_recognition=tally.not_for_facial_recognition,
        outside_scope=tally.outside_scope,
        before_the_law=tally.before_the_law,
        warrant_searches=tally.warrant_searches,
        warrants_in_log=len(tally.warrants),
        other_periods=other_periods,
        no_expiry=no_expiry,
        other_agencies=other_agencies,
        warrants=warrants,
    )


def _assumed(
    tally: _Tally,
    terms: ReportTerms,
    place: Jurisdiction,
    report: str,
    readings: tuple[Reading, ...] = (),
) -> Assumptions:
    versions = list(tally.versions.values()) or [terms.version or place.versions[0]]
    return report_assumptions(
        versions,
        terms,
        report=report,
        readings=readings,
        counted="the report counts what happened in its year",
    )


def warrant_report(entries: Iterable[tuple[int, Entry]], terms: ReportTerms) -> WarrantReport:
    """The judges' report under RCW 43.386.070(3): surveillance warrants that expired in the period.

    Every judge's warrants, by judge (each judge files their own part); a warrant is one
    judge's, court's and case's, issued at one time, whatever number of searches ran under
    it.

    Raises:
        ValueError: ``terms.agency`` is given (judges report, not agencies), ``terms.limit``
            is negative, or ``terms.law`` is not Washington's.
    """
    return _judges_report(entries, terms, _WASHINGTON)


def colorado_warrant_report(
    entries: Iterable[tuple[int, Entry]], terms: ReportTerms
) -> WarrantReport:
    """The judges' report under C.R.S. 24-18-308(2): surveillance warrants issued in the period.

    As :func:`warrant_report`, of Colorado's law: each warrant issued (or extended) in the
    period, by judge.

    Raises:
        ValueError: ``terms.agency`` is given (judges report, not agencies), ``terms.limit``
            is negative, or ``terms.law`` is not Colorado's.
    """
    return _judges_report(entries, terms, _COLORADO)


def _judges_report(
    entries: Iterable[tuple[int, Entry]], terms: ReportTerms, law: _Law
) -> WarrantReport:
    if terms.agency is not None:
        msg = "agency: judges make this report, each of their own warrants; it lists them all"
        raise ValueError(msg)
    tally, place = _read(entries, terms, law)
    zone = place.versions[0].policy.calendar.zone
    found = [_warrant(searches, zone) for searches in tally.warrants.values()]
    dated = [
        (at, w) for w in found if (at := w.issued_at if law.issued else w.expires_at) is not None
    ]
    listed = sorted(
        (w for at, w in dated if terms.period.includes(at, zone)),
        key=lambda w: (w.judge, w.issued_at, w.case_number),
    )
    judges = Counter((w.judge, w.court) for w in listed)
    year = terms.period.end.year + 1
    return WarrantReport(
        generator=generator(),
        jurisdiction=law.code,
        version=terms.version.instrument.id if terms.version else LAW_IN_FORCE,
        period=terms.period,
        time_zone=str(zone),
        log=terms.log,
        filer=Filer(agency=None, name="", contact=terms.contact),
        due=f"in January {year}",
        totals=_totals(
            tally,
            warrants=len(listed),
            other_periods=len(dated) - len(listed),
            no_expiry=len(found) - len(dated),
            other_agencies=0,
        ),
        judges=tuple(
            JudgeCount(judge=judge, court=court, warrants=n)
            for (judge, court), n in sorted(judges.items(), key=lambda i: (i[0][0], i[0][1].value))
        ),
        warrants=tuple(listed),
        input_problems=tally.records(terms.log),
        input_problems_not_listed=tally.not_listed,
        assumptions=_assumed(tally, terms, place, f"{law.code}:warrant-report"),
    )


def warrant_subjects_report(
    entries: Iterable[tuple[int, Entry]], terms: ReportTerms
) -> WarrantSubjectsReport:
    """An agency's report under RCW 43.386.070(4): its warrant subjects, in figures.

    The applications covered are those of the period by the reading
    ``wa-subjects-report-period`` in force: applied for (the warrant issued) in it, or
    expired in it. Without ``terms.agency``, every applying agency's, by agency.

    Raises:
        ValueError: ``terms.limit`` is negative, ``terms.law`` is not Washington's, or the
            choice asked for the reading is not one of its choices.
    """
    return _subjects_report(entries, terms, _WASHINGTON)


def colorado_warrant_subjects_report(
    entries: Iterable[tuple[int, Entry]], terms: ReportTerms
) -> WarrantSubjectsReport:
    """An agency's report under C.R.S. 24-18-308(3): its warrant subjects, in figures.

    As :func:`warrant_subjects_report`, of Colorado's law, by the reading
    ``co-subjects-report-period``.

    Raises:
        ValueError: ``terms.limit`` is negative, ``terms.law`` is not Colorado's, or the
            choice asked for the reading is not one of its choices.
    """
    return _subjects_report(entries, terms, _COLORADO)


def _subjects_report(
    entries: Iterable[tuple[int, Entry]], terms: ReportTerms, law: _Law
) -> WarrantSubjectsReport:
    reading = terms.choice(law.reading)
    tally, place = _read(entries, terms, law)
    zone = place.versions[0].policy.calendar.zone
    found = [_warrant(searches, zone) for searches in tally.warrants.values()]

    def moment(w: SurveillanceWarrant) -> datetime | None:
        return w.issued_at if reading.chosen == "applied-in-year" else w.expires_at

    dated = [(at, w) for w in found if (at := moment(w)) is not None]
    in_period = [w for at, w in dated if terms.period.includes(at, zone)]
    listed = sorted(
        (w for w in in_period if terms.agency is None or w.agency == terms.agency),
        key=lambda w: (w.agency, w.issued_at, w.case_number),
    )
    subjects = Counter((w.agency, w.subject_age, w.subject_race, w.subject_gender) for w in listed)
    year = terms.period.end.year + 1
    names = {w.agency: w.agency_name for w in found}
    return WarrantSubjectsReport(
        generator=generator(),
        jurisdiction=law.code,
        version=terms.version.instrument.id if terms.version else LAW_IN_FORCE,
        period=terms.period,
        agency=terms.agency,
        time_zone=str(zone),
        log=terms.log,
        filer=Filer(
            agency=terms.agency, name=names.get(terms.agency or "", ""), contact=terms.contact
        ),
        due=f"in January {year}",
        totals=_totals(
            tally,
            warrants=len(listed),
            other_periods=len(dated) - len(in_period),
            no_expiry=len(found) - len(dated),
            other_agencies=len(in_period) - len(listed),
        ),
        subjects=tuple(
            SubjectCount(agency=a, age=age, race=race, gender=gender, subjects=n)
            for (a, age, race, gender), n in sorted(
                subjects.items(), key=lambda i: demographic_order(i[0])
            )
        ),
        warrants=tuple(listed),
        input_problems=tally.records(terms.log),
        input_problems_not_listed=tally.not_listed,
        assumptions=_assumed(tally, terms, place, f"{law.code}:warrant-subjects", (reading,)),
    )


# -- laid out for people ---------------------------------------------------------------------


def _warrant_columns(*, subjects: bool) -> tuple[Column, ...]:
    people = (
        Column("subject_age", "age"),
        Column("subject_race", "race"),
        Column("subject_gender", "gender"),
    )
    return (
        Column("judge", "judge"),
        Column("court", "court", terminal=False),
        Column("case_number", "case", Kind.ID),
        Column("agency", "applied for by", Kind.ID),
        Column("officer", "applying officer", Kind.ID, terminal=False, under_row=True),
        Column("issued_at", "issued", Kind.WHEN),
        Column("expires_at", "expired", Kind.WHEN),
        Column("days_authorized", "days authorized", Kind.COUNT, terminal=False),
        Column("granted", "granted, modified or denied", terminal=False, page=False),
        Column("extensions", "extensions", terminal=False, page=False),
        Column("uses", "surveillance", Kind.LIST, terminal=False),
        Column("spaces", "images from", Kind.LIST, terminal=False),
        *(people if subjects else ()),
        Column("searches", "searches", Kind.COUNT),
        Column("requests", "requests", Kind.LIST, under_row=True, terminal=False),
    )


def _warrant_rows(
    warrants: Iterable[SurveillanceWarrant], *, subjects: bool
) -> tuple[tuple[Cell, ...], ...]:
    return tuple(
        (
            w.judge,
            w.court,
            w.case_number,
            w.agency,
            w.officer,
            w.issued_at,
            w.expires_at,
            w.days_authorized,
            "granted (as the log records it)",
            _NOT_IN_A_LOG,
            w.uses,
            w.spaces,
            *(
                (
                    w.subject_age,
                    w.subject_race or "not recorded",
                    w.subject_gender or "not recorded",
                )
                if subjects
                else ()
            ),
            w.searches,
            w.requests,
        )
        for w in warrants
    )


def _common_tables(
    totals: WarrantTotals, problems: tuple[ProblemRecord, ...], not_listed: int
) -> list[Table]:
    return [
        totals_table(
            totals,
            about="Every record of the log is accounted for: not surveillance, surveillance "
            "without a warrant, under a warrant not for facial recognition, outside the "
            "chapter, before it was in force, or a search under a warrant for facial "
            "recognition surveillance; and every such warrant, in the report or not.",
        ),
        problems_table(problems, not_listed),
    ]


def _warrant_document(r: WarrantReport) -> Document:
    t = r.totals
    judges = r.judges
    law = _LAWS[r.jurisdiction]
    dated = "issued" if law.issued else "expired"
    return Document(
        title=f"Facial recognition surveillance warrants {dated} in {r.period.label}",
        facts=(
            (
                f"{law.place} ({r.jurisdiction}), {law.judges}, for {law.courts}; judged under "
                f"{judged_under(r.version, 'search')}."
            ),
            (
                f"From {r.log}: the warrants for facial recognition surveillance "
                f"({law.surveillance_text}) its "
                f"searches ran under, each dated in {r.time_zone} time. Applications denied or "
                "modified, extensions, and who authorized an application are not in a search "
                "log: each judge adds them."
            ),
        ),
        headline=(
            ("warrants", t.warrants),
            ("judges", len(judges)),
            ("searches under them", sum(w.searches for w in r.warrants)),
            ("warrants of other years", t.other_periods),
            # a warrant dated by its issue always has a year
            *(() if law.issued else (("no expiry recorded", t.no_expiry),)),
        ),
        findings=(
            f"{t.warrants:,} warrants for facial recognition surveillance {dated} "
            f"{r.period.during}, by {counted(len(judges), 'judge')}; {t.warrant_searches:,} "
            f"searches of the log ran under {t.warrants_in_log:,} such warrants in all."
            + (
                ""
                if law.issued
                else f" {t.no_expiry:,} warrants record no expiry, so no year to report them in."
            )
        ),
        tables=(
            Table(
                name="warrants",
                title=f"{law.judges_items} Each warrant",
                about=f"Each warrant {dated} in the period, with the judge who issued it, "
                "the agency and officer that applied, the period it authorized, the kinds of "
                "surveillance its searches were, and where their images came from.",
                columns=_warrant_columns(subjects=False),
                rows=_warrant_rows(r.warrants, subjects=False),
            ),
            Table(
                name="judges",
                title="Warrants by judge",
                about="Each judge reports their own warrants.",
                columns=(
                    Column("judge", "judge"),
                    Column("court", "court"),
                    Column("warrants", "warrants", Kind.COUNT),
                ),
                rows=tuple((j.judge, j.court, j.warrants) for j in judges),
                chart=Chart(
                    title="Warrants by judge",
                    labels=tuple(j.judge for j in judges),
                    series=(Series("warrants", BLUE, tuple(j.warrants for j in judges)),),
                ),
            ),
            *_common_tables(t, r.input_problems, r.input_problems_not_listed),
        ),
        footer=made_by(r.generator, r.schema_version),
        assumptions=r.assumptions,
        filing=Filing(
            filer_role="Judge",
            filer="",
            contact=r.filer.contact,
            recipient=law.courts,
            period=r.period.label,
            due=r.due,
            certification=law.certification,
        ),
        default=WARRANT_TABLES[0],
    )


def _subjects_document(r: WarrantSubjectsReport) -> Document:
    t = r.totals
    law = _LAWS[r.jurisdiction]
    return Document(
        title=f"Subjects of facial recognition surveillance warrant applications, {r.period.label}"
        + (f", of {r.agency}" if r.agency is not None else ""),
        facts=(
            (
                f"{law.place} ({r.jurisdiction}), {law.subjects}, for {law.authority}; judged "
                f"under {judged_under(r.version, 'search')}."
            ),
            (
                f"From {r.log}: the applications counted are, by "
                f"{reading_in_force(r.assumptions, law.reading)} Nonidentifying figures: age "
                "band, race and gender."
            ),
        ),
        headline=(
            ("warrant applications", t.warrants),
            ("subjects", sum(x.subjects for x in r.subjects)),
            ("agencies", len({x.agency for x in r.subjects})),
        ),
        findings=(
            f"{t.warrants:,} warrant applications for facial recognition surveillance "
            f"{r.period.during}, naming {sum(x.subjects for x in r.subjects):,} subjects "
            "(one a warrant, as the log records them)."
        ),
        tables=(
            people_table(
                name="subjects",
                title=f"{law.subjects_item} Subjects by age, race and gender",
                about="The individuals named as subjects of surveillance in the applications, "
                "by applying agency, in figures that identify no one.",
                noun="subjects",
                chart="Subjects by race and gender",
                rows=((x.agency, x.age, x.race, x.gender, x.subjects) for x in r.subjects),
            ),
            Table(
                name="warrants",
                title="The warrants counted",
                about="For the agency's own records: each warrant counted (this list is not "
                f"part of the figures {law.authority} receives).",
                columns=_warrant_columns(subjects=True),
                rows=_warrant_rows(r.warrants, subjects=True),
            ),
            *_common_tables(t, r.input_problems, r.input_problems_not_listed),
        ),
        footer=made_by(r.generator, r.schema_version),
        assumptions=r.assumptions,
        filing=Filing(
            filer_role="Agency",
            filer=filed_by(r.filer),
            contact=r.filer.contact,
            recipient=law.authority,
            period=r.period.label,
            due=r.due,
            certification="I certify that this report summarizes every warrant application, or "
            "application for an extension, for the use of a facial recognition service for "
            "surveillance that the agency made in the period, as its records show them.",
        ),
        default=SUBJECTS_TABLES[0],
    )


WARRANT_REPORT = StatutoryReport(
    jurisdiction=_CODE,
    name="warrant-report",
    title="Judges' report of facial recognition surveillance warrants (RCW 43.386.070(3))",
    citation=Citation(instrument=_INSTRUMENT, section=_SECTION, subsection="(3)"),
    source=_TEXT,
    who="each judge who issued, extended or denied a warrant for facial recognition surveillance",
    recipient="the administrator for the courts",
    due="in January each year",
    period="the warrants that expired in the preceding year, and those denied in it",
    report_type=WarrantReport,
    tables=WARRANT_TABLES,
    make=warrant_report,
)
"""Washington's judges' January report, as registered: ``US-WA:warrant-report``."""

WARRANT_SUBJECTS_REPORT = StatutoryReport(
    jurisdiction=_CODE,
    name="warrant-subjects",
    title="Agencies' report of the subjects of surveillance warrant applications "
    "(RCW 43.386.070(4))",
    citation=Citation(instrument=_INSTRUMENT, section=_SECTION, subsection="(4)"),
    source=_TEXT,
    who="each state or local government agency that applied for a warrant for facial "
    "recognition surveillance",
    recipient="a legislative authority",
    due="in January each year",
    period="the preceding year (no period in the text: reading wa-subjects-report-period)",
    report_type=WarrantSubjectsReport,
    tables=SUBJECTS_TABLES,
    make=warrant_subjects_report,
    readings=(SUBJECTS_PERIOD,),
)
"""Washington's agencies' January report, as registered: ``US-WA:warrant-subjects``."""

CO_WARRANT_REPORT = StatutoryReport(
    jurisdiction=_COLORADO.code,
    name="warrant-report",
    title="Judges' report of facial recognition surveillance warrants (C.R.S. 24-18-308(2))",
    citation=colorado("308", "(2)"),
    source=_CO_TEXT,
    who="each judge who issued, extended or denied a warrant for facial recognition surveillance",
    recipient="the state court administrator",
    due="in January each year",
    period="the warrants issued or extended in the preceding year, and those denied in it",
    report_type=WarrantReport,
    tables=WARRANT_TABLES,
    make=colorado_warrant_report,
)
"""Colorado's judges' January report, as registered: ``US-CO:warrant-report``."""

CO_WARRANT_SUBJECTS_REPORT = StatutoryReport(
    jurisdiction=_COLORADO.code,
    name="warrant-subjects",
    title="Agencies' report of the subjects of surveillance warrant applications "
    "(C.R.S. 24-18-308(3))",
    citation=colorado("308", "(3)"),
    source=_CO_TEXT,
    who="each agency that applied for a warrant for facial recognition surveillance",
    recipient="the agency's reporting authority",
    due="in January each year",
    period="the preceding year (no period in the text: reading co-subjects-report-period)",
    report_type=WarrantSubjectsReport,
    tables=SUBJECTS_TABLES,
    make=colorado_warrant_subjects_report,
    readings=(CO_SUBJECTS_PERIOD,),
)
"""Colorado's agencies' January report, as registered: ``US-CO:warrant-subjects``."""
