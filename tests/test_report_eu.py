"""The EU AI Act's notifications of each use, Regulation (EU) 2024/1689 Art. 5(4), by hand."""

from __future__ import annotations

import json
from collections import Counter
from datetime import date, datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest

import frpolicy
from frpolicy import SearchRecord
from frpolicy.compliance import Entry
from frpolicy.reports import (
    FORMATS,
    EuNotificationReport,
    Period,
    ReportTerms,
    render,
    statutory_report,
)

LOG = (
    Path(__file__).resolve().parent.parent / "src" / "frpolicy" / "examples" / "eu_search_log.jsonl"
)
BRUSSELS = ZoneInfo("Europe/Brussels")
YEAR = 2025
# Art. 5(1)(h)(iii): Annex II lists armed robbery; §250 StGB (aggravated robbery) carries
# more than four years, §242 (theft) is in no point of Annex II
ANNEX_II_OFFENCES = {"DE-StGB-250"}
REPORT = statutory_report("EU:notifications")


def _raw() -> list[dict[str, Any]]:
    return [json.loads(line) for line in LOG.read_text(encoding="utf-8").splitlines()]


def _day(text: str) -> date:
    return datetime.fromisoformat(text).astimezone(BRUSSELS).date()


def _owed(record: dict[str, Any]) -> bool:
    """5(4): a real-time identification in a publicly accessible space, by hand."""
    request = record["request"]
    return bool(request["real_time"] and request["publicly_accessible"])


def _uses(year: int = YEAR) -> list[dict[str, Any]]:
    """The uses owed a notification, run and started in the year, by hand."""
    return [
        r
        for r in _raw()
        if _owed(r)
        and r["request"]["performed_at"] is not None
        and _day(r["request"]["performed_at"]).year == year
    ]


def _objective(record: dict[str, Any]) -> str:
    """The point of Art. 5(1)(h) a use served, read from the request by hand."""
    request = record["request"]
    if request["purpose"] == "identify_missing":
        return "5(1)(h)(i)"
    if request["purpose"] == "prevent_terrorist_attack":
        return "5(1)(h)(ii)"
    if (request["offense"] or {}).get("code") in ANNEX_II_OFFENCES:
        return "5(1)(h)(iii)"
    return "none"


def _entries() -> list[tuple[int, Entry]]:
    lines = LOG.read_text(encoding="utf-8").splitlines()
    return [(n, frpolicy.from_json(line, SearchRecord)) for n, line in enumerate(lines, start=1)]


def _report(period: str = str(YEAR), **terms: Any) -> EuNotificationReport:
    made = REPORT.make(_entries(), ReportTerms(period=Period.parse(period), **terms))
    assert isinstance(made, EuNotificationReport)
    return made


def test_each_real_time_use_in_a_public_space_is_listed_for_notification_under_art_5_4() -> None:
    report = _report()
    uses = _uses()
    assert report.totals.uses == len(uses)
    assert [x.request_id for x in report.uses] == [r["request"]["id"] for r in uses]


def test_a_use_not_in_real_time_or_not_in_a_public_space_owes_no_notification() -> None:
    report = _report()
    outside = [r for r in _raw() if not _owed(r)]
    assert outside
    assert report.totals.outside_the_duty == len(outside)
    listed = {x.request_id for x in report.uses}
    assert not listed & {r["request"]["id"] for r in outside}


def test_the_uses_are_counted_by_member_state_and_objective() -> None:
    report = _report()
    by_hand = Counter(
        (r["request"]["performing_agency"]["home"].split("-")[0], _objective(r)) for r in _uses()
    )
    assert {(x.member_state, x.objective): x.uses for x in report.objectives} == by_hand


def test_a_use_the_log_records_no_notification_of_is_listed_as_not_notified() -> None:
    report = _report()
    unnotified = [r["request"]["id"] for r in _uses() if r["notified_at"] is None]
    assert unnotified
    assert report.totals.not_notified == len(unnotified)
    assert [x.request_id for x in report.uses if x.notified_at is None] == unnotified
    assert sum(x.not_notified for x in report.objectives) == len(unnotified)
    assert str(unnotified[0]) in render(report, "csv", table="unnotified")


def test_each_use_shows_the_authority_asked_and_when_it_was_notified() -> None:
    report = _report()
    listed = {x.request_id: x for x in report.uses}
    for record in _uses():
        use = listed[record["request"]["id"]]
        asked = record["request"]["authorization"]
        assert use.authority == (asked["authority"] if asked else "")
        assert use.authority_name == (asked["authority_name"] if asked else "")
        notified = record["notified_at"]
        assert use.notified_at == (datetime.fromisoformat(notified) if notified else None)


def test_read_as_due_by_the_periods_end_a_later_notification_leaves_the_use_not_notified() -> None:
    period = "2025-04-01/2025-06-30"
    end = date(2025, 6, 30)
    uses = _uses()
    late = [r for r in uses if r["notified_at"] and _day(r["notified_at"]) > end]
    assert late
    whenever = _report(period)
    within = _report(period, asked={"eu-notification-time": "within-the-period"})
    assert within.totals.not_notified == whenever.totals.not_notified + len(late)


def test_one_agencys_report_lists_only_its_uses() -> None:
    report = _report(agency="POLITIE", contact="Politie, privacy office")
    own = [r for r in _uses() if r["request"]["performing_agency"]["id"] == "POLITIE"]
    assert own
    assert report.totals.uses == len(own)
    assert report.totals.other_agencies == len(_uses()) - len(own)
    text = render(report, "text")
    assert "the national data protection authority" in text
    assert "Politie, privacy office" in text


@pytest.mark.parametrize("fmt", FORMATS)
def test_every_format_lists_each_use_and_no_sensitive_operational_data(fmt: str) -> None:
    raw = _raw()
    secrets = ("AZ 4711/25", "seen at the Ostbahnhof with the child")
    raw[0]["request"] |= {"case_number": secrets[0], "factual_narrative": secrets[1]}
    entries = [
        (n, frpolicy.from_json(json.dumps(r), SearchRecord)) for n, r in enumerate(raw, start=1)
    ]
    report = REPORT.make(entries, ReportTerms(period=Period.parse(str(YEAR))))
    tables = REPORT.tables if fmt == "csv" else (None,)
    outs = [render(report, fmt, table=table) for table in tables]
    assert not [s for s in secrets for out in outs if s in out]
    assert all(r["request"]["id"] in outs[0] for r in _uses())


def test_every_line_of_the_log_is_accounted_for() -> None:
    report = _report()
    t = report.totals
    assert t.lines_read == t.records == len(_raw())


def test_a_period_with_no_use_in_it_counts_every_record_as_of_another_period() -> None:
    report = _report("2024")
    assert report.totals.uses == 0
    assert report.totals.outside_period == len(_raw())


def test_the_notifications_are_not_made_under_another_places_law() -> None:
    with pytest.raises(ValueError, match="a report of EU applies EU's law"):
        _report(law=frpolicy.jurisdiction("US-ME"))
