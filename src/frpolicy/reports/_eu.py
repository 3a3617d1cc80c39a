"""The notifications of real-time identification a member state's police owe, AI Act Art. 5(4).

Regulation (EU) 2024/1689, Article 5(4), read in the text of the Regulation (copies of the
Official Journal text, OJ L, 12.7.2024, and of EUR-Lex's consolidated text CELEX
02024R1689-20260727, as :mod:`frpolicy.jurisdictions.eu.reg2024_1689` records them), has
each use of a "real-time" remote biometric identification system in a publicly accessible
space for law enforcement notified to the relevant market surveillance authority and the
national data protection authority, in accordance with the national rules referred to in
5(5); the notification holds at least the information of 5(6) and no sensitive operational
data. The Regulation sets no time for it.

:func:`eu_notifications` lists, for the uses of a period, what each notification says and
whether it was made: who used the system (the agency, and its member state, the agency's
home), when the use started, the objective of Article 5(1)(h) it served, the authorisation
asked for it and the authority asked, and whether and when the log's ``notified_at`` says it
was notified; then the uses counted by member state and objective, and the uses not
notified. No case number, narrative or person is listed: 5(4) keeps sensitive operational
data out. The uses counted are those the duty ``EU-NOTIFY`` attaches to, under the law's own
readings in force, that were performed (a request never run is no use).

One question the text leaves open is this report's own reading: since the Regulation sets no
time, whether a notification the log records after the period's last day counts as made for
the period's report (:data:`NOTIFICATION_TIME`).

Not built here: the annual reports of Article 5(6). The national market surveillance and
data protection authorities make them, for the Commission, from the notifications they
receive and on the Commission's template (not read); a police log is not theirs.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from datetime import datetime, time, tzinfo

import attrs

from frpolicy.compliance import LAW_IN_FORCE, Entry, version_for
from frpolicy.jurisdictions import Jurisdiction, Version
from frpolicy.jurisdictions.eu.common import cite
from frpolicy.jurisdictions.eu.reg2024_1689 import (
    OBJECTIVE_SUSPECTS,
    OBJECTIVE_THREATS,
    OBJECTIVE_VICTIMS,
)
from frpolicy.law import Choice, Confidence, Reading, Source, Verification
from frpolicy.model import SearchRecord
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
    "CERTIFICATION",
    "EU_TABLES",
    "NOTIFICATIONS",
    "NOTIFICATION_TIME",
    "EuNotificationReport",
    "EuNotificationTotals",
    "EuObjectiveCount",
    "EuUse",
    "eu_notifications",
]

_CODE = "EU"
_NAME = "notifications"
_DUTY = "EU-NOTIFY"
_TEXT = (
    "text of Regulation (EU) 2024/1689, Art. 5(4)-(6) (copies of the Official Journal text, "
    "OJ L, 12.7.2024, and of EUR-Lex's consolidated text CELEX 02024R1689-20260727)"
)

NOTIFICATION_TIME = Reading(
    id="eu-notification-time",
    question="Art. 5(4) has each use notified but sets no time for it, leaving it to national "
    "rules. Does a notification the log records after the period's last day count as made, "
    "in the report for the period?",
    choices=(
        Choice(
            id="whenever-made",
            text="Yes: a use is notified whenever the notification was made, as the "
            "Regulation sets no time; the report lists the day it was made.",
        ),
        Choice(
            id="within-the-period",
            text="No: only a notification made by the period's last day counts; a later one "
            "leaves the use listed as not notified for the period.",
        ),
    ),
    source=Source(
        verification=Verification.TEXT,
        confidence=Confidence.LOW,
        reference=f"{_TEXT}; an interpretation of the time 5(4) does not set",
    ),
    citation=cite("5", "(4)"),
)
"""Whether a notification made after the period counts as made for the period's report."""

EU_TABLES = ("uses", "objectives", "unnotified", "totals", "problems", "assumptions")
"""The tables of an :class:`EuNotificationReport`, by name (the first is the CSV default)."""

_OBJECTIVES = (
    ("5(1)(h)(i)", "victims or missing persons", OBJECTIVE_VICTIMS),
    ("5(1)(h)(ii)", "an imminent threat or a terrorist attack", OBJECTIVE_THREATS),
    ("5(1)(h)(iii)", "a suspect of an Annex II offence", OBJECTIVE_SUSPECTS),
)
_NO_OBJECTIVE = ("none", "none of Art. 5(1)(h)")


@attrs.frozen(kw_only=True)
class EuUse:
    """One use, and its notification: what Art. 5(4) has notified, and whether it was.

    ``agency`` used the system, an agency of ``member_state`` (its home's country code;
    ``not stated`` when it states none). ``used_at`` is when the use started. ``objective``
    is the point of Art. 5(1)(h) the use served (``none`` when it served none, a use the
    Regulation forbids), ``objective_label`` it in words. ``authority`` is the kind of
    authority the authorisation was asked of (empty: none asked), ``authority_name`` its
    name and ``authorised`` whether it granted it. ``notified_at`` is when the use was
    notified, ``None`` when it was not (or, read so, not by the period's last day).
    """

    line: int
    request_id: str
    agency: str
    member_state: str
    used_at: datetime
    objective: str
    objective_label: str
    authority: str
    authority_name: str
    authorised: bool
    notified_at: datetime | None
    outcome: Outcome


@attrs.frozen(kw_only=True)
class EuObjectiveCount:
    """The uses of one member state's police for one objective, and how many were notified."""

    member_state: str
    objective: str
    objective_label: str
    uses: int
    notified: int
    not_notified: int


@attrs.frozen(kw_only=True)
class EuNotificationTotals:
    """What the report counted, so that every line of the log is accounted for.

    ``records`` is ``outside_period`` plus ``before_the_law`` plus ``outside_the_duty`` plus
    ``not_used`` plus ``other_agencies`` plus ``uses``: the records of days outside the
    period, before Article 5 applied, those the duty to notify does not attach to (not a
    real-time use in a publicly accessible space by a member state's police), those never
    run, those of other agencies (for one agency's report), and the uses counted.
    """

    lines_read: int
    records: int
    malformed_lines: int
    blank_lines: int
    duplicate_request_ids: int
    outside_period: int
    before_the_law: int
    outside_the_duty: int
    not_used: int
    other_agencies: int
    uses: int
    notified: int
    not_notified: int
    not_permitted: int


@attrs.frozen(kw_only=True)
class EuNotificationReport:
    """The notifications Art. 5(4) asks of the uses in a period, and those not made.

    ``uses`` lists each use and its notification, ``objectives`` counts them by member state
    and objective. Without ``agency``, every agency's uses.
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
    totals: EuNotificationTotals
    objectives: tuple[EuObjectiveCount, ...]
    uses: tuple[EuUse, ...]
    uses_not_listed: int
    input_problems: tuple[ProblemRecord, ...]
    input_problems_not_listed: int
    assumptions: Assumptions

    def document(self) -> Document:
        """The report laid out for people, as every format but JSON writes it."""
        return _document(self)


# -- reading the log -------------------------------------------------------------------------


@attrs.frozen
class _Terms:
    terms: ReportTerms
    place: Jurisdiction
    time: Reading
    zone: tzinfo
    last_moment: datetime


@attrs.define
class _Tally(LogTally):
    outside_period: int = 0
    before_the_law: int = 0
    outside_the_duty: int = 0
    not_used: int = 0
    other_agencies: int = 0
    uses: list[EuUse] = attrs.Factory(list)
    use_count: int = 0
    notified: int = 0
    not_permitted: int = 0
    objectives: Counter[tuple[str, str, str, str]] = attrs.Factory(Counter)
    names: dict[str, str] = attrs.Factory(dict)
    versions: dict[str, Version] = attrs.Factory(dict)

    def take(self, number: int, record: SearchRecord, how: _Terms) -> None:
        """Sort one record: of another period, outside the duty or agency, or a use counted."""
        request, terms = record.request, how.terms
        started = request.performed_at or request.submitted_at
        if not terms.period.includes(started, how.zone):
            self.outside_period += 1
            return
        judged = terms.version or version_for(how.place, record)
        if judged.instrument.id == NO_LAW:
            self.before_the_law += 1
            return
        decision = judged.evaluate(request)
        if not owes(decision, _DUTY):
            self.outside_the_duty += 1
            return
        if request.performed_at is None:
            self.not_used += 1
            return
        agency = request.performing_agency
        if terms.agency is not None and agency.id != terms.agency:
            self.other_agencies += 1
            return
        self.versions.setdefault(judged.instrument.id, judged)
        self.names.setdefault(agency.id, agency.name)
        self.not_permitted += decision.outcome in {Outcome.NOT_PERMITTED, Outcome.FORBIDDEN}
        self._count(number, record, decision.outcome, how)

    def _count(self, number: int, record: SearchRecord, outcome: Outcome, how: _Terms) -> None:
        request = record.request
        used_at = request.performed_at or request.submitted_at
        home = request.performing_agency.home
        state = home.split("-")[0] if home else "not stated"
        objective, label = next(
            ((point, words) for point, words, serves in _OBJECTIVES if serves(request, used_at)),
            _NO_OBJECTIVE,
        )
        notified_at = record.notified_at
        if (
            notified_at is not None
            and how.time.chosen == "within-the-period"
            and notified_at > how.last_moment
        ):
            notified_at = None
        authorization = request.authorization
        self.use_count += 1
        self.notified += notified_at is not None
        self.objectives[state, objective, label, "uses"] += 1
        self.objectives[state, objective, label, "notified"] += notified_at is not None
        self.keep(
            self.uses,
            EuUse(
                line=number,
                request_id=request.id,
                agency=request.performing_agency.id,
                member_state=state,
                used_at=used_at.astimezone(how.zone),
                objective=objective,
                objective_label=label,
                authority=authorization.authority.value if authorization else "",
                authority_name=authorization.authority_name if authorization else "",
                authorised=bool(
                    authorization and authorization.decided_at and authorization.granted
                ),
                notified_at=notified_at.astimezone(how.zone) if notified_at else None,
                outcome=outcome,
            ),
        )


def eu_notifications(
    entries: Iterable[tuple[int, Entry]], terms: ReportTerms
) -> EuNotificationReport:
    """The Art. 5(4) notifications of an EU search log, for the uses started in a period.

    A use counts on the day it started, in Brussels time, when the duty ``EU-NOTIFY``
    attaches to it under the law in force on its day (or ``terms.version``) and it was
    performed; with ``terms.agency``, only that agency's uses.

    Raises:
        ValueError: ``terms.limit`` is negative, ``terms.law`` is another place's law, or a
            choice asked for in ``terms.asked`` of the report's readings is not one of its
            choices.
    """
    tally = _Tally(terms.limit, problem_limit=terms.problem_limit)
    place = law_of(_CODE, terms.law)
    reading = terms.choice(NOTIFICATION_TIME)
    zone = place.versions[0].policy.calendar.zone
    last = datetime.combine(terms.period.end, time.max, tzinfo=zone)
    how = _Terms(terms, place, reading, zone, last)
    tally.read(entries, lambda number, record: tally.take(number, record, how))
    versions = list(tally.versions.values()) or [terms.version or place.versions[0]]
    return _report(tally, how, versions)


def _report(tally: _Tally, how: _Terms, versions: list[Version]) -> EuNotificationReport:
    terms = how.terms
    keys = sorted({k[:3] for k in tally.objectives})
    return EuNotificationReport(
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
        totals=EuNotificationTotals(
            lines_read=tally.lines_read,
            records=tally.outside_period
            + tally.before_the_law
            + tally.outside_the_duty
            + tally.not_used
            + tally.other_agencies
            + tally.use_count,
            malformed_lines=tally.problem_count,
            blank_lines=tally.blank,
            duplicate_request_ids=tally.duplicate_count,
            outside_period=tally.outside_period,
            before_the_law=tally.before_the_law,
            outside_the_duty=tally.outside_the_duty,
            not_used=tally.not_used,
            other_agencies=tally.other_agencies,
            uses=tally.use_count,
            notified=tally.notified,
            not_notified=tally.use_count - tally.notified,
            not_permitted=tally.not_permitted,
        ),
        objectives=tuple(
            EuObjectiveCount(
                member_state=s,
                objective=o,
                objective_label=label,
                uses=tally.objectives[s, o, label, "uses"],
                notified=tally.objectives[s, o, label, "notified"],
                not_notified=tally.objectives[s, o, label, "uses"]
                - tally.objectives[s, o, label, "notified"],
            )
            for s, o, label in keys
        ),
        uses=tuple(tally.uses),
        uses_not_listed=tally.use_count - len(tally.uses),
        input_problems=tally.records(terms.log),
        input_problems_not_listed=tally.not_listed,
        assumptions=report_assumptions(
            versions,
            terms,
            report=f"{_CODE}:{_NAME}",
            readings=(how.time,),
            counted="the report lists the uses started in its period",
        ),
    )


# -- laid out for people ---------------------------------------------------------------------

CERTIFICATION = (
    "I certify that this report lists every use of real-time remote biometric identification "
    "in a publicly accessible space the agency made in the period, as its records show them, "
    "and whether and when each was notified to the market surveillance authority and the "
    "national data protection authority."
)
"""The statement the agency's officer signs."""

_USE_COLUMNS = (
    Column("line", "line", Kind.COUNT),
    Column("request_id", "use", Kind.ID),
    Column("agency", "used by", Kind.ID),
    Column("member_state", "member state", Kind.ID),
    Column("used_at", "started", Kind.WHEN),
    Column("objective", "objective", Kind.ID),
    Column("objective_label", "objective in words", terminal=False),
    Column("authority", "authority asked", terminal=False),
    Column("authority_name", "authority", terminal=False),
    Column("authorised", "authorised"),
    Column("notified_at", "notified", Kind.WHEN),
    Column("outcome", "outcome", terminal=False),
)


def _use_row(x: EuUse) -> tuple[Cell, ...]:
    return (
        x.line,
        x.request_id,
        x.agency,
        x.member_state,
        x.used_at,
        x.objective,
        x.objective_label,
        x.authority or "none asked",
        x.authority_name,
        "yes" if x.authorised else "no",
        x.notified_at,
        x.outcome,
    )


def _tables(r: EuNotificationReport) -> tuple[Table, ...]:
    t = r.totals
    by_state: Counter[str] = Counter()
    for x in r.objectives:
        by_state[x.member_state] += x.uses
    top = by_state.most_common()
    return (
        Table(
            name="uses",
            title="Each use, and its notification",
            about="Each use started in the period: who used the system, when, the objective "
            "of Art. 5(1)(h) it served, the authorisation asked and the authority asked, and "
            "when it was notified (blank: not notified). No case number, narrative or person "
            "is listed: 5(4) keeps sensitive operational data out.",
            columns=_USE_COLUMNS,
            rows=tuple(_use_row(x) for x in r.uses),
            total=t.uses,
            noun="uses",
        ),
        Table(
            name="objectives",
            title="Uses by member state and objective",
            about="The uses of each member state's police (the agency's home) for each "
            "objective of Art. 5(1)(h), and how many were notified.",
            columns=(
                Column("member_state", "member state", Kind.ID),
                Column("objective", "objective", Kind.ID),
                Column("objective_label", "in words"),
                Column("uses", "uses", Kind.COUNT),
                Column("notified", "notified", Kind.COUNT),
                Column("not_notified", "not notified", Kind.COUNT),
            ),
            rows=tuple(
                (x.member_state, x.objective, x.objective_label, x.uses, x.notified, x.not_notified)
                for x in r.objectives
            ),
            chart=Chart(
                title="Uses by member state",
                labels=tuple(label for label, _ in top),
                series=(Series("uses", BLUE, tuple(n for _, n in top)),),
            ),
        ),
        Table(
            name="unnotified",
            title="The uses not notified",
            about="The uses the log records no notification of"
            + (
                " by the period's last day (by the reading eu-notification-time)."
                if any(
                    x.reading == NOTIFICATION_TIME.id and x.choice == "within-the-period"
                    for x in r.assumptions.readings
                )
                else "."
            ),
            columns=_USE_COLUMNS,
            rows=tuple(_use_row(x) for x in r.uses if x.notified_at is None),
            total=t.not_notified,
            noun="uses not notified",
        ),
        totals_table(
            t,
            about="Every record of the log is accounted for: outside the period or before "
            "Article 5 applied, not owed a notification, never run, of another agency, or a "
            "use counted.",
        ),
        problems_table(r.input_problems, r.input_problems_not_listed),
    )


def _document(r: EuNotificationReport) -> Document:
    t = r.totals
    judged = judged_under(r.version, "use")
    return Document(
        title=f"Notifications of real-time remote biometric identification, {r.period.label}"
        + (f", of {r.agency}" if r.agency is not None else ", every agency"),
        facts=(
            (
                f"European Union ({r.jurisdiction}), Regulation (EU) 2024/1689, Art. 5(4), "
                "for the market surveillance authority and the national data protection "
                f"authority; judged under {judged}."
            ),
            (
                f"From {r.log}: each use counted on the day it started, in {r.time_zone} "
                "time; a use is notified when the log's notified_at says so. By "
                f"{reading_in_force(r.assumptions, NOTIFICATION_TIME)}"
            ),
        ),
        headline=(
            ("uses", t.uses),
            ("member states", len({x.member_state for x in r.objectives})),
            ("notified", t.notified),
            ("not notified", t.not_notified),
            ("not permitted", t.not_permitted),
        ),
        findings=(
            f"{counted(t.uses, 'use')} started {r.period.during}, by the police of "
            f"{counted(len({x.member_state for x in r.objectives}), 'member state')}; "
            f"{t.notified:,} notified and {t.not_notified:,} not; {t.not_permitted:,} the "
            f"Regulation did not permit. Not in the report: "
            f"{counted(t.outside_period, 'record')} of other periods, {t.before_the_law:,} "
            f"before Article 5 applied, {t.outside_the_duty:,} owed no notification, "
            f"{t.not_used:,} never run"
            + (f", {t.other_agencies:,} of other agencies" if r.agency is not None else "")
            + "."
        ),
        tables=_tables(r),
        footer=made_by(r.generator, r.schema_version),
        assumptions=r.assumptions,
        filing=Filing(
            filer_role="Law enforcement authority",
            filer=filed_by(r.filer),
            contact=r.filer.contact,
            recipient="the relevant market surveillance authority and the national data "
            "protection authority",
            period=r.period.label,
            due="for each use, as national rules provide: the Regulation sets no time",
            certification=CERTIFICATION,
        ),
        default=EU_TABLES[0],
    )


NOTIFICATIONS = StatutoryReport(
    jurisdiction=_CODE,
    name=_NAME,
    title="Notifications of real-time remote biometric identification "
    "(Regulation (EU) 2024/1689, Art. 5(4))",
    citation=cite("5", "(4)"),
    source=Source(verification=Verification.TEXT, confidence=Confidence.HIGH, reference=_TEXT),
    who="each law enforcement authority of a member state that uses real-time remote "
    "biometric identification in a publicly accessible space",
    recipient="the relevant market surveillance authority and the national data protection "
    "authority",
    due="for each use, as national rules provide: the Regulation sets no time",
    period="the uses of the period asked for",
    report_type=EuNotificationReport,
    tables=EU_TABLES,
    make=eu_notifications,
    readings=(NOTIFICATION_TIME,),
)
"""The Art. 5(4) notifications, as registered: ``EU:notifications``."""
