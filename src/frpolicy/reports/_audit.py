"""The audit's report: what the audit of a search log found, every number any format shows.

An audit (:func:`~frpolicy.compliance.audit_log`) counts as it reads; :func:`audit_report`
turns what it counted into an :class:`AuditReport`: totals, requests by outcome, agency and
provision, obligations by duty, violations by provision and by month, each violation, each
input problem, and, with a comparison, what another version of the law would change.
:func:`audit_document` lays it out for people, in the tables :data:`AUDIT_TABLES` names.
"""

from __future__ import annotations

import math
import typing
from collections import Counter
from collections.abc import Mapping, Sequence
from datetime import datetime, timedelta

import attrs

from frpolicy.compliance import (
    LAW_IN_FORCE,
    Audit,
    AuditResult,
    InputProblem,
    ObligationState,
    Violation,
    ViolationKind,
)
from frpolicy.jurisdictions import Version, jurisdiction
from frpolicy.law import Confidence, Source, Verification
from frpolicy.policy import Outcome
from frpolicy.reports._assumptions import Assumptions, InputFile, ProvisionSources, assumptions
from frpolicy.reports._charts import BLUE, LATE, MET, PENDING, UNAUTHORIZED, Series
from frpolicy.reports._common import (
    SCHEMA_VERSION,
    ProblemRecord,
    generator,
    problem_records,
)
from frpolicy.reports._document import (
    COUNT_COLUMNS,
    Cell,
    Chart,
    Column,
    Document,
    Kind,
    Span,
    Table,
    count_rows,
    when,
)
from frpolicy.reports._sensitivity import ADOPTED_READINGS, READINGS_IN_FORCE, OtherReading

IN_FORCE_LABELS = (READINGS_IN_FORCE, ADOPTED_READINGS)

__all__ = [
    "AUDIT_TABLES",
    "AgencyCount",
    "AuditReport",
    "ChangeRecord",
    "ComparisonReport",
    "CountRange",
    "DutyCount",
    "MonthCount",
    "OutcomeCount",
    "ProvisionChanges",
    "ProvisionCount",
    "ProvisionViolations",
    "ReadingChoiceCounts",
    "Sensitivity",
    "Totals",
    "Transition",
    "VerificationCount",
    "VersionCount",
    "ViolationRecord",
    "audit_document",
    "audit_report",
]

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
    "readings-ranges",
    "readings-provisions",
    "readings",
    "assumptions",
)
"""The tables of an :class:`AuditReport`, by name (the first is the CSV default).

The ``changes`` tables exist only in a report with a comparison, the ``readings`` tables
only in one made under every reading (:class:`Sensitivity`); ``assumptions`` is what the
report rests on.
"""


@attrs.frozen(kw_only=True)
class Totals:
    """The counts of an audit: lines read, searches, violations, obligations.

    Every line read is a record, a malformed line or a blank one, so ``lines_read`` is
    their sum. ``duplicate_request_ids`` counts records whose request id an earlier line
    already had (each is audited, and listed as an input problem);
    ``offenses_classed_otherwise`` those whose offense comes with a class the law does not
    give its penalty (each is judged by the law's own class, and listed as an input
    problem). ``violations`` is ``unauthorized_searches`` plus ``obligations_violated``.
    """

    lines_read: int
    records: int
    malformed_lines: int
    blank_lines: int
    duplicate_request_ids: int
    offenses_classed_otherwise: int
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
    verification: Verification
    confidence: Confidence


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
    """Where the obligations of one duty stand: met, pending, violated, or not engaged.

    ``verification`` and ``confidence`` say how the duty was read (the least sure of the
    instruments applied that hold it).
    """

    duty: str
    citation: str
    met: int
    pending: int
    violated: int
    not_engaged: int
    verification: Verification
    confidence: Confidence


@attrs.frozen(kw_only=True)
class ProvisionViolations:
    """How many violations a provision counts.

    An unauthorized search counts once, under the permission it came closest to meeting
    (or the prohibition that forbade it); a late obligation under its duty.
    ``verification`` and ``confidence`` say how sure the provision's reading is (the
    least sure of the instruments applied that hold it): the count is no surer.
    """

    provision: str
    citation: str
    kind: ViolationKind
    violations: int
    verification: Verification
    confidence: Confidence


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
    it never was, how overdue it was at the report's ``as_of`` time. ``verification`` and
    ``confidence`` are those of the provision the violation rests on (the first of
    ``provisions``), in the version it was judged under.
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
    verification: Verification
    confidence: Confidence


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
class VerificationCount:
    """How many violations rest on provisions read one way: from the text, a summary..."""

    verification: Verification
    violations: int


@attrs.frozen(kw_only=True)
class CountRange:
    """How far one count of the audit moves under the other readings of the law.

    ``in_force`` is the count under the readings in force; ``low`` and ``high`` the least
    and the most any choice gives, each with the choices that give it (``readings=choice``,
    or ``the readings in force``).
    """

    measure: str
    in_force: int
    low: int
    low_under: tuple[str, ...]
    high: int
    high_under: tuple[str, ...]

    @property
    def moves(self) -> bool:
        """Whether some other reading gives another count."""
        return self.low != self.high

    @property
    def said(self) -> str:
        """The range in words: ``78 (the adopted readings) — 236 (reading=choice)``."""
        if not self.moves:
            return f"{self.in_force:,} under every reading"
        return (
            f"{self.low:,} ({_under(self.low_under)}) — {self.high:,} ({_under(self.high_under)})"
        )

    def __str__(self) -> str:
        """``obligations violated: 78 (the adopted readings) — 236 (reading=choice)``."""
        return f"{self.measure.replace('_', ' ')}: {self.said}"


def _under(labels: tuple[str, ...]) -> str:
    """Under which choices a count is reached: the readings in force, when they reach it."""
    for label in labels:
        if label in IN_FORCE_LABELS:
            return label
    return ", ".join(labels)


@attrs.frozen(kw_only=True)
class ReadingChoiceCounts:
    """The headline counts of the audit under one other choice of one reading."""

    reading: str
    choice: str
    changes_a_count: bool
    totals: Totals


@attrs.frozen(kw_only=True)
class Sensitivity:
    """How the audit's counts move under each other choice of each reading of the law.

    ``choices`` are the counts under each other choice; ``ranges`` the range of each
    headline count, and ``provisions`` that of the violations under each provision, over
    the readings in force and every other choice. ``unchanged`` names the readings none of
    whose other choices changes any count of this log.
    """

    choices: tuple[ReadingChoiceCounts, ...]
    ranges: tuple[CountRange, ...]
    provisions: tuple[CountRange, ...]
    unchanged: tuple[str, ...]


@attrs.frozen(kw_only=True)
class AuditReport:
    """What the audit of a search log found: every number every format of the report shows.

    ``version`` is the instrument every search was judged under, or
    :data:`~frpolicy.compliance.LAW_IN_FORCE`. ``as_of`` is the time obligations were
    checked at, and ``as_of_source`` where it came from. The ``*_not_listed`` counts say
    how many violations, input problems or changes were counted but not listed (none,
    unless the audit was made with a limit). ``violations_by_verification`` counts the
    violations by how the provision each rests on was read; ``assumptions`` are what the
    report rests on (readings, inputs, law); ``sensitivity``, when the audit was made
    under every reading, how its counts move under the others.
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
    violations_by_verification: tuple[VerificationCount, ...]
    assumptions: Assumptions
    comparison: ComparisonReport | None = None
    sensitivity: Sensitivity | None = None

    def document(self) -> Document:
        """The report laid out for people, as every format but JSON writes it."""
        return audit_document(self)


def _totals(audit: Audit) -> Totals:
    obligations = audit.obligation_totals()
    return Totals(
        lines_read=audit.lines_read,
        records=audit.records,
        malformed_lines=audit.problem_count,
        blank_lines=audit.blank_lines,
        duplicate_request_ids=audit.duplicate_count,
        offenses_classed_otherwise=audit.reclassified_count,
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


def _obligations(audit: Audit, sources: ProvisionSources) -> tuple[DutyCount, ...]:
    counts = audit.by_obligation
    return tuple(
        DutyCount(
            duty=duty,
            citation=audit.citations.get(duty, ""),
            met=counts.get((duty, ObligationState.MET), 0),
            pending=counts.get((duty, ObligationState.PENDING), 0),
            violated=counts.get((duty, ObligationState.VIOLATED), 0),
            not_engaged=counts.get((duty, ObligationState.NOT_ENGAGED), 0),
            verification=sources.least_sure(duty).verification,
            confidence=sources.least_sure(duty).confidence,
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


def _violations_by_provision(
    audit: Audit, sources: ProvisionSources
) -> tuple[ProvisionViolations, ...]:
    rows = [
        ProvisionViolations(
            provision=provision,
            citation=audit.citations.get(provision, ""),
            kind=ViolationKind(kind),
            violations=n,
            verification=sources.least_sure(provision).verification,
            confidence=sources.least_sure(provision).confidence,
        )
        for (provision, kind), n in audit.violations_by_provision.items()
    ]
    return tuple(sorted(rows, key=lambda r: (-r.violations, r.provision)))


def _hours(delta: timedelta) -> float:
    """Hours, rounded up to the hundredth: a violation is never shown as late by 0."""
    return math.ceil(delta.total_seconds() / 36) / 100


def _violation(v: Violation, as_of: datetime, sources: ProvisionSources) -> ViolationRecord:
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
        verification=sources.of(v.instrument, v.provisions[0]).verification,
        confidence=sources.of(v.instrument, v.provisions[0]).confidence,
    )


def _versions(result: AuditResult) -> list[Version]:
    """Each version of the law an audit judged a record under (and the one it compared)."""
    law = result.law if result.law is not None else jurisdiction(result.jurisdiction)
    names = [*sorted(result.audit.by_instrument)]
    if result.version != LAW_IN_FORCE and result.version not in names:
        names.insert(0, result.version)
    if result.comparison is not None:
        names.append(result.comparison.after)
    versions: dict[str, Version] = {}
    for name in names:
        try:
            found = law.version(name)
        except LookupError:  # a version from elsewhere: its provisions are not known here
            continue
        versions.setdefault(found.instrument.id, found)
    return list(versions.values())


def audit_report(  # noqa: PLR0913 - the parts of the report, each named
    result: AuditResult,
    *,
    log: str = "the log",
    as_of_source: str = "given",
    cases: str | None = None,
    case_records: int | None = None,
    case_problems: Sequence[InputProblem] = (),
    inputs: Sequence[InputFile] = (),
    asked: Mapping[str, str] | None = None,
    other_readings: Sequence[OtherReading] = (),
) -> AuditReport:
    """The report of an audit: where what an audit counted becomes what every format shows.

    Args:
        result: What :func:`~frpolicy.compliance.audit_log` found.
        log: The name of the log audited, as the report shows it.
        as_of_source: Where the time obligations were checked at came from.
        cases: The name of the cases file, if one was read.
        case_records: How many case records were read from it.
        case_problems: The lines of the cases file that could not be read.
        inputs: The files read, hashed (:class:`~frpolicy.reports.InputFile`).
        asked: The readings asked for (reading id to choice id), as opposed to adopted.
        other_readings: The audits of the same log under each other choice of the
            readings (:class:`~frpolicy.reports.ReadingsAudit`), for the report to say how
            its counts move.
    """
    audit = result.audit
    versions = _versions(result)
    sources = ProvisionSources(versions)
    problems = problem_records(log, audit.problems, audit.duplicates, audit.reclassified)
    if case_problems:
        problems += problem_records(cases or "the cases", case_problems)
    violations = tuple(_violation(v, result.as_of, sources) for v in audit.violations)
    said = assumptions(
        versions,
        library=generator(),
        inputs=inputs,
        asked=asked or {},
        as_of=result.as_of,
        as_of_source=as_of_source,
    )
    return AuditReport(
        generator=generator(),
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
                verification=sources.least_sure(rule).verification,
                confidence=sources.least_sure(rule).confidence,
            )
            for (rule, outcome), n in sorted(audit.by_provision.items())
        ),
        by_agency=_agencies(audit),
        obligations=_obligations(audit, sources),
        violations_by_provision=_violations_by_provision(audit, sources),
        violations_by_month=_months(audit),
        violations=violations,
        violations_not_listed=audit.omitted_violations,
        input_problems=tuple(problems),
        input_problems_not_listed=audit.omitted_problems
        + audit.omitted_duplicates
        + audit.omitted_reclassified,
        violations_by_verification=_by_verification(audit, sources),
        assumptions=said,
        comparison=_comparison(result, sources),
        sensitivity=_sensitivity(
            result,
            other_readings,
            READINGS_IN_FORCE if any(not r.adopted for r in said.readings) else ADOPTED_READINGS,
        ),
    )


def _by_verification(audit: Audit, sources: ProvisionSources) -> tuple[VerificationCount, ...]:
    """The violations by how the provision each rests on was read.

    Counted from the counts by provision, so that a report made with a limit counts
    every violation, listed or not: each provision's count takes the least sure of its
    readings in the versions applied.
    """
    found: Counter[Verification] = Counter()
    for (provision, _), n in audit.violations_by_provision.items():
        found[sources.least_sure(provision).verification] += n
    return tuple(VerificationCount(verification=v, violations=found[v]) for v in Verification)


def _comparison(result: AuditResult, sources: ProvisionSources) -> ComparisonReport | None:
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
        obligations=_obligations(other, sources),
    )


_RANGED = (
    "violations",
    "unauthorized_searches",
    "obligations_violated",
    "obligations_pending",
    "obligations_met",
    "obligations_not_engaged",
)
"""The headline counts whose range a report made under every reading shows."""


def _range(measure: str, counts: Sequence[tuple[str, int]]) -> CountRange:
    """The range of a count: ``counts`` are (what it was counted under, count), in force first."""
    low, high = min(n for _, n in counts), max(n for _, n in counts)
    return CountRange(
        measure=measure,
        in_force=counts[0][1],
        low=low,
        low_under=tuple(dict.fromkeys(label for label, n in counts if n == low)),
        high=high,
        high_under=tuple(dict.fromkeys(label for label, n in counts if n == high)),
    )


def _sensitivity(
    result: AuditResult, others: Sequence[OtherReading], in_force: str
) -> Sensitivity | None:
    if not others:
        return None
    main = _totals(result.audit)
    runs = [(in_force, main, result.audit)]
    runs += [(o.label, _totals(o.result.audit), o.result.audit) for o in others]
    by_provision = [(label, _provision_counts(audit)) for label, _, audit in runs]
    provisions = sorted({p for _, counts in by_provision for p in counts})
    choices = tuple(
        ReadingChoiceCounts(
            reading=o.reading,
            choice=o.choice,
            changes_a_count=totals != main or counts != by_provision[0][1],
            totals=totals,
        )
        for o, (_, totals, _), (_, counts) in zip(others, runs[1:], by_provision[1:], strict=True)
    )
    moved = {c.reading for c in choices if c.changes_a_count}
    return Sensitivity(
        choices=choices,
        ranges=tuple(
            _range(m, [(label, getattr(totals, m)) for label, totals, _ in runs]) for m in _RANGED
        ),
        provisions=tuple(
            r
            for r in (
                _range(p, [(label, counts.get(p, 0)) for label, counts in by_provision])
                for p in provisions
            )
        ),
        unchanged=tuple(dict.fromkeys(c.reading for c in choices if c.reading not in moved)),
    )


def _provision_counts(audit: Audit) -> dict[str, int]:
    counts: Counter[str] = Counter()
    for (provision, _), n in audit.violations_by_provision.items():
        counts[provision] += n
    return dict(counts)


# -- laid out for people ---------------------------------------------------------------------

_KIND_SERIES = (("unauthorized searches", UNAUTHORIZED), ("obligations violated", LATE))


def _outcome(outcome: Outcome) -> str:
    return outcome.value.replace("_", " ")


def _findings(t: Totals) -> str:
    said = (
        f"{t.lines_read:,} lines read: {t.records:,} search records, {t.searches_performed:,} "
        f"searches performed. {t.unauthorized_searches:,} searches were performed without "
        f"authority and {t.obligations_violated:,} obligations were not met in time; "
        f"{t.obligations_pending:,} are pending."
    )
    problems = t.malformed_lines + t.duplicate_request_ids + t.offenses_classed_otherwise
    if problems:
        said += (
            f" {problems:,} lines need attention ({t.malformed_lines:,} malformed, "
            f"{t.duplicate_request_ids:,} repeating a request id, "
            f"{t.offenses_classed_otherwise:,} classing an offense otherwise than the law, "
            "judged by the law's class): see Input problems."
        )
    return said


def _audit_facts(r: AuditReport) -> tuple[str, ...]:
    judged = "the law in force on each search's day" if r.version == LAW_IN_FORCE else r.version
    facts = [
        f"Jurisdiction {r.jurisdiction}, judged under {judged}.",
        f"Obligations checked as of {when(r.as_of)} ({r.as_of_source}).",
    ]
    if r.cases is not None:
        records = f" ({r.case_records:,} case records)" if r.case_records is not None else ""
        facts.append(f"Cases of the people identified: {r.cases}{records}.")
    c = r.comparison
    if c is not None:
        facts.append(
            f"Compared with {c.after}: {c.changed:,} of {c.compared:,} requests would change "
            "outcome."
        )
    return tuple(facts)


class _Sure(typing.Protocol):
    @property
    def verification(self) -> Verification: ...
    @property
    def confidence(self) -> Confidence: ...


def _source(row: _Sure) -> Source:
    """How sure the provision behind a row is, as a cell."""
    return Source(verification=row.verification, confidence=row.confidence)


def _violation_table(r: AuditReport) -> Table:
    columns = (
        Column("line", "line", Kind.COUNT),
        Column("request_id", "request", Kind.ID),
        Column("agency", "agency", Kind.ID),
        Column("performing_agency", "performed by", Kind.ID, terminal=False),
        Column("submitted_at", "asked", Kind.WHEN, terminal=False, page=False),
        Column("searched_at", "searched", Kind.WHEN),
        Column("kind", "kind"),
        Column("provision", "provisions", Kind.LIST, terminal=False),
        Column("citation", "citations", Kind.LIST, terminal=False, page=False),
        Column("case_id", "case", Kind.ID),
        Column("due", "due", Kind.WHEN, terminal=False),
        Column("fulfilled_at", "done", Kind.WHEN, terminal=False),
        Column("late_by_hours", "late by", Kind.HOURS),
        Column("version", "judged under", terminal=False, page=False),
        Column("source", "how sure", Kind.SOURCE),
        Column("missing", "what was missing", under_row=True),
    )
    rows = tuple(
        (
            v.line,
            v.request_id,
            v.agency,
            v.performing_agency,
            v.submitted_at,
            v.searched_at,
            v.kind,
            v.provisions,
            v.citations,
            v.case_id,
            v.due,
            v.fulfilled_at,
            v.late_by_hours,
            v.version,
            _source(v),
            v.missing,
        )
        for v in r.violations
    )
    return Table(
        name="violations",
        title="Violations",
        about=(
            "Each search performed without authority, with what it lacked for each permission "
            "(the closest first), and each obligation not met in time, with how late it was "
            "(or, if never met, how overdue at the as-of time)."
        ),
        columns=columns,
        rows=rows,
        total=r.totals.violations,
        noun="violations",
    )


def _audit_tables(r: AuditReport) -> list[Table]:
    t = r.totals
    by_provision = r.violations_by_provision
    agencies = r.by_agency
    months = r.violations_by_month
    kinds = (ViolationKind.UNAUTHORIZED_SEARCH, ViolationKind.OBLIGATION)
    tables = [
        Table(
            name="violations-by-provision",
            title="Violations by provision",
            about="An unauthorized search counts once, under the permission it came closest "
            "to meeting or the prohibition that forbade it; a late obligation under its duty.",
            columns=(
                Column("provision", "provision", Kind.ID),
                Column("citation", "citation"),
                Column("kind", "kind"),
                Column("violations", "violations", Kind.COUNT),
                Column("source", "how sure", Kind.SOURCE),
            ),
            rows=tuple(
                (p.provision, p.citation, p.kind, p.violations, _source(p)) for p in by_provision
            ),
            chart=Chart(
                title="Violations by provision",
                labels=tuple(p.provision for p in by_provision),
                series=tuple(
                    Series(name, color, tuple(p.violations * (p.kind is k) for p in by_provision))
                    for (name, color), k in zip(_KIND_SERIES, kinds, strict=True)
                ),
            ),
        ),
        Table(
            name="agencies",
            title="By agency",
            about="Each agency that asked for searches: how the law judged its requests, and "
            "the violations of its searches (whoever performed them).",
            columns=(
                Column("agency", "agency", Kind.ID),
                Column("name", "name"),
                Column("requests", "requests", Kind.COUNT),
                Column("searches", "searches", Kind.COUNT),
                Column("permitted", "permitted", Kind.COUNT),
                Column("not_permitted", "not permitted", Kind.COUNT),
                Column("forbidden", "forbidden", Kind.COUNT),
                Column("not_applicable", "not applicable", Kind.COUNT),
                Column("unauthorized_searches", "unauthorized searches", Kind.COUNT),
                Column("obligations_violated", "obligations violated", Kind.COUNT),
            ),
            rows=tuple(
                (
                    a.agency,
                    a.name,
                    a.requests,
                    a.searches,
                    a.permitted,
                    a.not_permitted,
                    a.forbidden,
                    a.not_applicable,
                    a.unauthorized_searches,
                    a.obligations_violated,
                )
                for a in agencies
            ),
            chart=Chart(
                title="Violations by agency",
                labels=tuple(a.agency for a in agencies if a.violations),
                series=(
                    Series(
                        _KIND_SERIES[0][0],
                        UNAUTHORIZED,
                        tuple(a.unauthorized_searches for a in agencies if a.violations),
                    ),
                    Series(
                        _KIND_SERIES[1][0],
                        LATE,
                        tuple(a.obligations_violated for a in agencies if a.violations),
                    ),
                ),
            ),
        ),
        Table(
            name="violations-by-month",
            title="Violations by month",
            about="The violations of the searches performed each month (of the requests, for "
            "one never performed), in the jurisdiction's time.",
            columns=(
                Column("month", "month", Kind.ID),
                Column("unauthorized_searches", "unauthorized searches", Kind.COUNT),
                Column("obligations_violated", "obligations violated", Kind.COUNT),
            ),
            rows=tuple((m.month, m.unauthorized_searches, m.obligations_violated) for m in months),
            chart=Chart(
                title="Violations by month",
                labels=tuple(m.month for m in months),
                series=(
                    Series(
                        _KIND_SERIES[0][0],
                        UNAUTHORIZED,
                        tuple(m.unauthorized_searches for m in months),
                    ),
                    Series(_KIND_SERIES[1][0], LATE, tuple(m.obligations_violated for m in months)),
                ),
                vertical=True,
            ),
        ),
        _duty_table("obligations", "Obligations by duty", r.obligations),
        _violation_table(r),
        Table(
            name="problems",
            title="Input problems",
            about="Lines that could not be used, with the JSON path of what is wrong, and "
            "records whose request id an earlier line already had (audited all the same).",
            columns=(
                Column("file", "file"),
                Column("line", "line", Kind.COUNT),
                Column("errors", "problem", Kind.LIST),
            ),
            rows=tuple((p.file, p.line, p.errors) for p in r.input_problems),
            total=len(r.input_problems) + r.input_problems_not_listed,
            noun="input problems",
        ),
        Table(
            name="totals",
            title="Totals",
            about="Every line read is counted once: as a search record, a malformed line or "
            "a blank one.",
            columns=COUNT_COLUMNS,
            rows=count_rows(t),
        ),
        Table(
            name="outcomes",
            title="Requests by outcome",
            columns=(Column("outcome", "outcome"), Column("requests", "requests", Kind.COUNT)),
            rows=tuple((o.outcome, o.requests) for o in r.by_outcome),
        ),
        Table(
            name="provisions",
            title="Provisions that decided",
            about="The rules that decided each request: for a permitted or forbidden search the "
            "rules that applied; for one not permitted every permission that failed.",
            columns=(
                Column("provision", "provision", Kind.ID),
                Column("citation", "citation"),
                Column("outcome", "outcome"),
                Column("requests", "requests", Kind.COUNT),
                Column("source", "how sure", Kind.SOURCE),
            ),
            rows=tuple(
                (p.provision, p.citation, p.outcome, p.requests, _source(p)) for p in r.by_provision
            ),
        ),
        Table(
            name="versions",
            title="Requests by version judged under",
            columns=(Column("version", "version"), Column("requests", "requests", Kind.COUNT)),
            rows=tuple((v.version, v.requests) for v in r.by_version),
        ),
    ]
    if r.comparison is not None:
        tables += _comparison_tables(r.comparison)
    if r.sensitivity is not None:
        tables += _sensitivity_tables(r.sensitivity)
    return tables


def _range_rows(ranges: Sequence[CountRange]) -> tuple[tuple[Cell, ...], ...]:
    return tuple(
        (
            x.measure,
            x.in_force,
            x.low,
            _under(x.low_under) if x.moves else "every reading",
            x.high,
            _under(x.high_under) if x.moves else "every reading",
            x.moves,
        )
        for x in ranges
    )


def _range_columns(measure: str, label: str, kind: Kind) -> tuple[Column, ...]:
    return (
        Column(measure, label, kind),
        Column("in_force", "under the readings in force", Kind.COUNT),
        Column("low", "least", Kind.COUNT),
        Column("low_under", "under"),
        Column("high", "most", Kind.COUNT),
        Column("high_under", "under"),
        Column("moves", "moves", terminal=False, page=False),
    )


def _sensitivity_tables(x: Sensitivity) -> list[Table]:
    unchanged = ", ".join(x.unchanged) or "none"
    return [
        Table(
            name="readings-ranges",
            title="Under other readings of the law: the counts",
            about="Each headline count under the readings in force, and the least and the most "
            "it comes to when one reading of the law is taken another way (each other choice "
            f"of each reading, one at a time). Readings that change nothing in this log: "
            f"{unchanged}.",
            columns=_range_columns("measure", "count", Kind.KEY),
            rows=_range_rows(x.ranges),
        ),
        Table(
            name="readings-provisions",
            title="Under other readings of the law: violations by provision",
            about="The violations each provision counts, under the readings in force and at "
            "the least and the most any other reading gives.",
            columns=_range_columns("provision", "provision", Kind.ID),
            rows=_range_rows(x.provisions),
        ),
        Table(
            name="readings",
            title="Under other readings of the law: each choice",
            about="The headline counts under each other choice of each reading, the others as "
            "in force.",
            columns=(
                Column("reading", "reading", Kind.ID),
                Column("choice", "choice", Kind.ID),
                Column("changes_a_count", "changes a count"),
                *(Column(m, m.replace("_", " "), Kind.COUNT) for m in _RANGED),
            ),
            rows=tuple(
                (
                    c.reading,
                    c.choice,
                    c.changes_a_count,
                    *(getattr(c.totals, m) for m in _RANGED),
                )
                for c in x.choices
            ),
        ),
    ]


def _duty_table(name: str, title: str, duties: Sequence[DutyCount]) -> Table:
    return Table(
        name=name,
        title=title,
        about="What each duty obliged: met by its deadline, still pending, violated (met "
        "late or not at all), or not engaged (owed in a case that does not exist, or for a "
        "search never performed).",
        columns=(
            Column("duty", "duty", Kind.ID),
            Column("citation", "citation"),
            Column("met", "met", Kind.COUNT),
            Column("pending", "pending", Kind.COUNT),
            Column("violated", "violated", Kind.COUNT),
            Column("not_engaged", "not engaged", Kind.COUNT),
            Column("source", "how sure", Kind.SOURCE),
        ),
        rows=tuple(
            (d.duty, d.citation, d.met, d.pending, d.violated, d.not_engaged, _source(d))
            for d in duties
        ),
        chart=Chart(
            title=title,
            labels=tuple(d.duty for d in duties),
            series=(
                Series("met", MET, tuple(d.met for d in duties)),
                Series("pending", PENDING, tuple(d.pending for d in duties)),
                Series("violated", LATE, tuple(d.violated for d in duties)),
            ),
        ),
    )


def _comparison_tables(c: ComparisonReport) -> list[Table]:
    after = c.after
    transitions = c.transitions
    return [
        Table(
            name="changes-by-outcome",
            title=f"What {after} would change: outcomes",
            about=f"The requests whose outcome would differ under {after}, from the outcome "
            f"under {c.before} to the outcome under {after}.",
            columns=(
                Column("before", "before"),
                Column("after", f"under {after}"),
                Column("requests", "requests", Kind.COUNT),
            ),
            rows=tuple((x.before, x.after, x.requests) for x in transitions),
            chart=Chart(
                title=f"Outcomes {after} would change",
                labels=tuple(f"{_outcome(x.before)} → {_outcome(x.after)}" for x in transitions),
                series=(Series("requests", BLUE, tuple(x.requests for x in transitions)),),
            ),
        ),
        Table(
            name="changes-by-provision",
            title=f"What {after} would change: provisions responsible",
            columns=(
                Column("provision", "provision", Kind.ID),
                Column("requests", "requests changed", Kind.COUNT),
            ),
            rows=tuple((p.provision, p.requests) for p in c.changes_by_provision),
        ),
        Table(
            name="changes",
            title=f"Requests whose outcome {after} would change",
            columns=(
                Column("line", "line", Kind.COUNT),
                Column("request_id", "request", Kind.ID),
                Column("before", "before"),
                Column("after", f"under {after}"),
                Column("responsible", "responsible", Kind.LIST),
            ),
            rows=tuple((x.line, x.request_id, x.before, x.after, x.responsible) for x in c.changes),
            total=c.changed,
            noun="changes",
        ),
        Table(
            name="compared-totals",
            title=f"Under {after}: totals",
            columns=COUNT_COLUMNS,
            rows=count_rows(c.totals),
        ),
        _duty_table("compared-obligations", f"Under {after}: obligations by duty", c.obligations),
    ]


def audit_document(r: AuditReport) -> Document:
    """An audit report laid out for people: facts, headline numbers, findings, tables."""
    t = r.totals
    return Document(
        title=f"Audit of {r.log}",
        facts=_audit_facts(r),
        headline=(
            ("lines read", t.lines_read),
            ("searches performed", t.searches_performed),
            ("unauthorized searches", t.unauthorized_searches),
            ("obligations violated", t.obligations_violated),
            ("obligations pending", t.obligations_pending),
            (
                "input problems",
                t.malformed_lines + t.duplicate_request_ids + t.offenses_classed_otherwise,
            ),
        ),
        findings=_findings(t),
        tables=tuple(_audit_tables(r)),
        footer=f"Made by {r.generator} (report schema {r.schema_version}). The encoding of "
        "the law and its sources are in the frpolicy documentation; a provision marked "
        "unverified there is an interpretation, not settled law.",
        assumptions=r.assumptions,
        resting_on=tuple((x.verification, x.violations) for x in r.violations_by_verification),
        spans=_spans(r),
        default=AUDIT_TABLES[0],
    )


_HEADLINE_MEASURES = {
    "unauthorized searches": "unauthorized_searches",
    "obligations violated": "obligations_violated",
    "obligations pending": "obligations_pending",
}


def _spans(r: AuditReport) -> tuple[Span, ...]:
    """For each headline count another reading moves, its range in words."""
    if r.sensitivity is None:
        return ()
    ranges = {x.measure: x for x in r.sensitivity.ranges}
    spans = []
    for label, measure in _HEADLINE_MEASURES.items():
        x = ranges[measure]
        if x.moves:
            spans.append(Span(label=label, low=x.low, high=x.high, said=x.said))
    return tuple(spans)
