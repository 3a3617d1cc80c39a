"""One request judged side by side: frpolicy.compare and ``frpolicy compare``."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime
from pathlib import Path

import attrs
import pytest

import frpolicy
from frpolicy import Outcome, SearchRequest, compare
from frpolicy.cli import EXIT_BAD_INPUT, EXIT_CLEAN, EXIT_VIOLATIONS, main
from frpolicy.model import AgencyKind
from frpolicy.policy import NO_LAW

SAMPLE = Path(__file__).parent.parent / "src" / "frpolicy" / "examples" / "request.json"
STATES = ("US-MA", "US-MD", "US-WA")


def sample() -> SearchRequest:
    return frpolicy.from_json(SAMPLE.read_text(encoding="utf-8"), SearchRequest)


def test_the_sample_request_is_judged_under_massachusetts_maryland_and_washington() -> None:
    side = compare(sample(), STATES)
    assert [j.jurisdiction for j in side.judgments] == list(STATES)
    assert [j.outcome for j in side.judgments] == [Outcome.PERMITTED] * 3
    assert side.judgment("US-MD").version == "2024 Md. Laws ch. 808"
    assert {r.rule for r in side.judgment("US-MD").determining} == {"MD-OFFENSES"}
    assert side.on == sample().performed_at


def test_every_registered_jurisdiction_is_compared_when_none_is_named() -> None:
    side = compare(sample())
    assert {j.jurisdiction for j in side.judgments} >= set(STATES)


def test_the_same_search_differs_by_state_when_it_analyses_a_protester_without_suspicion() -> None:
    protester = attrs.evolve(sample(), probe=attrs.evolve(sample().probe, protected_activity=True))
    side = compare(protester, STATES)
    assert [j.outcome for j in side.judgments] == [
        Outcome.PERMITTED,  # Massachusetts says nothing of protected activity
        Outcome.FORBIDDEN,  # Maryland: §2-503(a)(1)(ii)1
        Outcome.PERMITTED,  # Washington: identifying is not recording, as read
    ]
    assert "forbidden by Md. Code, Crim. Proc. §2-503(a)(1)(ii)1" in side.explain()


def test_a_state_with_no_law_in_force_on_the_day_does_not_govern_the_search() -> None:
    side = compare(sample(), STATES, on=date(2024, 3, 1))
    maryland = side.judgment("US-MD")
    assert maryland.outcome is Outcome.NOT_APPLICABLE
    assert maryland.version == NO_LAW
    assert side.judgment("US-MA").outcome is Outcome.PERMITTED
    memo = side.explain()
    assert "US-MD  Maryland, no encoded law: NOT_APPLICABLE" in memo
    assert "2024 Md. Laws ch. 808 from 2024-10-01" in memo


def test_a_bill_can_stand_in_for_the_law_in_force() -> None:
    side = compare(sample(), ["US-MA"], versions={"US-MA": "H.1728"})
    assert side.judgment("US-MA").version == "H.1728"
    with pytest.raises(LookupError, match="not among the jurisdictions compared"):
        compare(sample(), ["US-MA"], versions={"US-WA": "Laws 2020 c 257"})


def test_each_place_judges_an_offense_by_its_own_classification_and_notes_another() -> None:
    robbery = sample().offense
    assert robbery is not None
    misclassed = attrs.evolve(robbery, classification=frpolicy.Classification.MISDEMEANOR)
    side = compare(attrs.evolve(sample(), offense=misclassed), STATES)
    massachusetts = side.judgment("US-MA")
    assert massachusetts.outcome is Outcome.PERMITTED  # armed robbery is a felony there
    assert massachusetts.problems == ()
    assert massachusetts.notes[0].startswith("$.offense.classification: 'misdemeanor'")
    assert "note: $.offense.classification" in side.explain()
    assert side.judgment("US-WA").outcome is Outcome.PERMITTED
    assert side.judgment("US-WA").notes == ()


def test_a_portland_maine_department_is_outside_every_other_states_law() -> None:
    portland = frpolicy.Agency(
        id="PPD", name="Portland Police Department", kind=AgencyKind.LOCAL_POLICE, home="US-ME"
    )
    state_police = frpolicy.Agency(
        id="MSP-ME", name="Maine State Police", kind=AgencyKind.STATE_POLICE, home="US-ME"
    )
    request = attrs.evolve(sample(), requesting_agency=portland, performing_agency=state_police)
    side = compare(request, STATES)
    assert [j.outcome for j in side.judgments] == [Outcome.NOT_APPLICABLE] * 3
    assert "not: the search is requested by a Massachusetts law enforcement agency" in (
        side.explain()
    )


def test_a_search_another_state_runs_for_a_massachusetts_department_is_governed_there() -> None:
    state_police = frpolicy.Agency(
        id="MSP-ME", name="Maine State Police", kind=AgencyKind.STATE_POLICE, home="US-ME"
    )
    boston = attrs.evolve(sample().requesting_agency, home="US-MA")
    request = attrs.evolve(sample(), requesting_agency=boston, performing_agency=state_police)
    side = compare(request, STATES)
    assert side.judgment("US-MA").outcome is not Outcome.NOT_APPLICABLE
    assert side.judgment("US-MD").outcome is Outcome.NOT_APPLICABLE
    assert side.judgment("US-WA").outcome is Outcome.NOT_APPLICABLE


def test_a_naive_day_is_refused() -> None:
    with pytest.raises(ValueError, match="naive datetime"):
        compare(sample(), STATES, on=datetime(2025, 1, 1))  # noqa: DTZ001 - the point of the test
    assert compare(sample(), STATES, on=datetime(2025, 1, 1, tzinfo=UTC)).on.year == 2025


# -- the command line -----------------------------------------------------------------------


def test_frpolicy_compare_shows_the_three_states_side_by_side(
    capsys: pytest.CaptureFixture[str],
) -> None:
    args = ["compare", str(SAMPLE), *(f"--jurisdiction={code}" for code in STATES)]
    assert main(args) == EXIT_CLEAN
    out = capsys.readouterr().out
    assert "under the law of 3 jurisdictions in force on 2024-11-04" in out
    for line in (
        "US-MA  Massachusetts, St. 2020, c.253: PERMITTED",
        "US-MD  Maryland, 2024 Md. Laws ch. 808: PERMITTED",
        "US-WA  Washington, Laws 2020 c 257: PERMITTED",
        "-- US-WA Washington --",
    ):
        assert line in out


def test_frpolicy_compare_exits_1_when_a_state_refuses_the_search(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = json.loads(SAMPLE.read_text(encoding="utf-8"))
    data["real_time"] = True  # and no warrant: Washington forbids it under .080(1)
    del data["warrant"]
    path = tmp_path / "live.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    assert main(["compare", str(path), "--jurisdiction", "US-WA"]) == EXIT_VIOLATIONS
    assert "FORBIDDEN" in capsys.readouterr().out


def test_frpolicy_compare_applies_a_bill_and_a_reading_and_writes_json(
    capsys: pytest.CaptureFixture[str],
) -> None:
    args = [
        "compare",
        str(SAMPLE),
        "--jurisdiction",
        "US-MA=H.1728",
        "--jurisdiction",
        "US-MD",
        "--reading",
        "md-discovery-deadline=before-trial",
        "--on",
        "2025-01-15",
        "--json",
    ]
    assert main(args) == EXIT_CLEAN
    record = json.loads(capsys.readouterr().out)
    assert record["on"] == "2025-01-15"
    assert [j["version"] for j in record["judgments"]] == ["H.1728", "2024 Md. Laws ch. 808"]
    (maryland_reading,) = record["judgments"][1]["decision"]["readings"]
    assert maryland_reading["chosen"] == "before-trial"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--jurisdiction", "US-ZZ"], "no jurisdiction 'US-ZZ' is installed"),
        (["--reading", "no-such=reading"], "no jurisdiction compared has a reading"),
        (["--on", "tomorrow"], "--on: not an ISO 8601 date"),
        (["--jurisdiction", "US-MA=H.9999"], "US-MA has no version 'H.9999'"),
    ],
    ids=["unknown-jurisdiction", "unknown-reading", "bad-day", "unknown-version"],
)
def test_frpolicy_compare_refuses_bad_usage_with_one_line(
    args: list[str], message: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["compare", str(SAMPLE), *args]) in {EXIT_BAD_INPUT, EXIT_VIOLATIONS}
    captured = capsys.readouterr()
    assert message in captured.err + captured.out
