"""How the reports of :mod:`frpolicy.reports` are laid out for people: their tables and charts.

One function per report turns it into a :class:`~frpolicy._document.Document`: the facts
of the heading, the headline numbers, a sentence of findings, and the tables in the order
a reader wants them, each with a sentence saying what it shows and, where people would
rather look than read, a chart. The table names are those ``--table`` chooses for CSV.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

import attrs

from frpolicy._charts import Series
from frpolicy._document import Cell, Chart, Column, Document, Kind, Table, when
from frpolicy.compliance import LAW_IN_FORCE, ViolationKind
from frpolicy.model import AgencyKind
from frpolicy.policy import Outcome

if TYPE_CHECKING:
    from frpolicy.reports import (
        AuditReport,
        ComparisonReport,
        DutyCount,
        EopssReport,
        EopssTotals,
        Totals,
    )

__all__ = ["audit_document", "eopss_document"]

# Colours a colour-blind reader tells apart (Okabe and Ito), one meaning each.
_UNAUTHORIZED, _LATE, _MET, _PENDING = "#cc79a7", "#d55e00", "#009e73", "#e69f00"
_BLUE, _GREY = "#0072b2", "#8c959f"


def _count_rows(value: Totals | EopssTotals) -> tuple[tuple[Cell, ...], ...]:
    return tuple((f.name, getattr(value, f.name)) for f in attrs.fields(type(value)))


_COUNT_COLUMNS = (Column("measure", "", Kind.KEY), Column("count", "count", Kind.COUNT))
_KIND_SERIES = (("unauthorized searches", _UNAUTHORIZED), ("obligations violated", _LATE))


def _outcome(outcome: Outcome) -> str:
    return outcome.value.replace("_", " ")


def _findings(t: Totals) -> str:
    said = (
        f"{t.lines_read:,} lines read: {t.records:,} search records, {t.searches_performed:,} "
        f"searches performed. {t.unauthorized_searches:,} searches were performed without "
        f"authority and {t.obligations_violated:,} obligations were not met in time; "
        f"{t.obligations_pending:,} are pending."
    )
    problems = t.malformed_lines + t.duplicate_request_ids
    if problems:
        said += (
            f" {problems:,} lines need attention ({t.malformed_lines:,} malformed, "
            f"{t.duplicate_request_ids:,} repeating a request id): see Input problems."
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
            ),
            rows=tuple((p.provision, p.citation, p.kind, p.violations) for p in by_provision),
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
                        _UNAUTHORIZED,
                        tuple(a.unauthorized_searches for a in agencies if a.violations),
                    ),
                    Series(
                        _KIND_SERIES[1][0],
                        _LATE,
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
                        _UNAUTHORIZED,
                        tuple(m.unauthorized_searches for m in months),
                    ),
                    Series(
                        _KIND_SERIES[1][0], _LATE, tuple(m.obligations_violated for m in months)
                    ),
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
            columns=_COUNT_COLUMNS,
            rows=_count_rows(t),
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
            ),
            rows=tuple((p.provision, p.citation, p.outcome, p.requests) for p in r.by_provision),
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
    return tables


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
        ),
        rows=tuple(
            (d.duty, d.citation, d.met, d.pending, d.violated, d.not_engaged) for d in duties
        ),
        chart=Chart(
            title=title,
            labels=tuple(d.duty for d in duties),
            series=(
                Series("met", _MET, tuple(d.met for d in duties)),
                Series("pending", _PENDING, tuple(d.pending for d in duties)),
                Series("violated", _LATE, tuple(d.violated for d in duties)),
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
                series=(Series("requests", _BLUE, tuple(x.requests for x in transitions)),),
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
            columns=_COUNT_COLUMNS,
            rows=_count_rows(c.totals),
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
            ("input problems", t.malformed_lines + t.duplicate_request_ids),
        ),
        findings=_findings(t),
        tables=tuple(_audit_tables(r)),
        footer=f"Made by {r.generator} (report schema {r.schema_version}). The encoding of "
        "the law and its sources are in the frpolicy documentation; a provision marked "
        "unverified there is an interpretation, not settled law.",
    )


def _eopss_tables(r: EopssReport) -> list[Table]:
    searchers, agencies, databases = r.by_searcher, r.by_agency, r.by_database
    basis = (
        ("court-ordered", _BLUE),
        ("exigent", _PENDING),
        ("neither", _GREY),
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
                series=(Series("searches", _BLUE, tuple(d.searches for d in databases)),),
            ),
        ),
        _race_table(r),
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
        Table(
            name="totals",
            title="Totals",
            about="Every record of the log is accounted for: of another period, outside the "
            "law's scope, or in this report.",
            columns=_COUNT_COLUMNS,
            rows=_count_rows(r.totals),
        ),
        Table(
            name="problems",
            title="Input problems",
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
        ("female", "female", _BLUE),
        ("male", "male", _PENDING),
        ("nonbinary", "non-binary", _MET),
        ("gender_not_recorded", "not recorded", _GREY),
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
    judged = "the law in force on each request's day" if r.version == LAW_IN_FORCE else r.version
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
        ),
        tables=tuple(_eopss_tables(r)),
        footer=f"Made by {r.generator} (report schema {r.schema_version}).",
    )
