"""One request judged side by side: frpolicy.compare and ``frpolicy compare``."""

from __future__ import annotations

import json
import re
from datetime import UTC, date, datetime
from pathlib import Path

import attrs
import pytest

import frpolicy
from frpolicy import Outcome, SearchRequest, compare
from frpolicy.cli import EXIT_BAD_INPUT, EXIT_CLEAN, EXIT_VIOLATIONS, main
from frpolicy.comparison import scenarios
from frpolicy.model import AgencyKind
from frpolicy.policy import NO_LAW

SAMPLE = Path(__file__).parent.parent / "src" / "frpolicy" / "examples" / "request.json"
STATES = ("US-MA", "US-MD", "US-WA")


def sample() -> SearchRequest:
    return frpolicy.from_json(SAMPLE.read_text(encoding="utf-8"), SearchRequest)


def row(text: str, code: str) -> list[str]:
    """The cells of the comparison table's line of this place (columns part at two spaces)."""
    (line,) = [line for line in text.splitlines() if line.startswith(f"{code} ")]
    return re.split(r"\s{2,}", line)


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
    assert row(side.explain(), "US-MD") == [
        "US-MD",
        "2024 Md. Laws ch. 808",
        "FORBIDDEN",
        "Md. Code, Crim. Proc. §2-503(a)(1)(ii)1",
    ]


def test_a_state_with_no_law_in_force_on_the_day_does_not_govern_the_search() -> None:
    side = compare(sample(), STATES, on=date(2024, 3, 1))
    maryland = side.judgment("US-MD")
    assert maryland.outcome is Outcome.NOT_APPLICABLE
    assert maryland.version == NO_LAW
    assert side.judgment("US-MA").outcome is Outcome.PERMITTED
    memo = side.explain()
    assert row(memo, "US-MD") == ["US-MD", NO_LAW, "NOT APPLICABLE", "no encoded law in force"]
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
    assert "Note: $.offense.classification" in side.explain()
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


def test_the_table_says_a_search_is_outside_a_law_s_scope_or_that_nothing_authorizes_it() -> None:
    portland = next(s for s in scenarios() if s.id == "portland-maine-department").request
    text = compare(portland, ["US-ME", "US-MA"]).explain()
    assert row(text, "US-ME") == ["US-ME", "LD 1585", "PERMITTED", "25 M.R.S. §6001"]
    assert row(text, "US-MA") == ["US-MA", "St. 2020, c.253", "NOT APPLICABLE", "outside its scope"]
    assert "Outcomes: 1 permitted, 1 not applicable." in text.splitlines()
    # Utah asks for a case number and a narrative, which the first search lacks
    first = scenarios()[0].request
    utah = compare(first, ["US-UT"]).explain()
    assert row(utah, "US-UT")[2:] == ["NOT PERMITTED", "nothing authorizes it"]


def test_a_law_that_cannot_judge_the_request_is_counted_and_says_why_in_place_of_its_memo() -> None:
    first = scenarios()[0].request
    assert first.offense is not None
    unknown = first.offense.listed_in | {"US-MD:no-such-list"}
    request = attrs.evolve(first, offense=attrs.evolve(first.offense, listed_in=unknown))
    lines = compare(request, ["US-MD", "US-WA"]).explain().splitlines()
    text = "\n".join(lines)
    assert row(text, "US-MD") == [
        "US-MD",
        "2024 Md. Laws ch. 808",
        "NOT JUDGED",
        "could not judge the request (below)",
    ]
    assert row(text, "US-WA")[2] == "PERMITTED"
    assert "Outcomes: 1 permitted, 1 not judged." in lines
    memo = lines.index("-- US-MD Maryland --")
    assert lines[memo + 2] == "Not judged under 2024 Md. Laws ch. 808:"
    assert lines[memo + 3].startswith("  - $.offense.listed_in: US-MD law draws no list")
    assert lines[memo + 5] == "-- US-WA Washington --"


def test_a_version_a_place_does_not_have_is_not_judged_and_named_as_asked() -> None:
    side = compare(sample(), STATES, versions={"US-MD": "HB 1"})
    assert side.judgment("US-MD").outcome is None
    text = side.explain()
    assert row(text, "US-MD")[1:3] == ["—", "NOT JUDGED"]
    assert "Not judged under any version:" in text
    assert "  - US-MD has no version 'HB 1'; known: 2024 Md. Laws ch. 808" in text


def test_a_judgment_sums_itself_up_with_the_rules_that_decided_it_and_its_readings() -> None:
    massachusetts, utah = compare(sample(), ["US-MA", "US-UT"]).judgments
    lines = massachusetts.summary()
    assert lines[:2] == [
        "US-MA  Massachusetts, St. 2020, c.253: PERMITTED",
        "  permitted by G.L. c.6 §220 (St. 2020, c.253) [MA-LAW-COURT-ORDER]",
    ]
    assert "  rests on the reading warrant-as-court-order=yes" in lines
    assert utah.summary()[:2] == [
        "US-UT  Utah, Laws of Utah 2021, ch. 200: NOT_PERMITTED",
        "  nothing authorizes it; it could have rested on:",
    ]


# -- the command line -----------------------------------------------------------------------


def test_frpolicy_compare_shows_the_three_states_side_by_side(
    capsys: pytest.CaptureFixture[str],
) -> None:
    args = ["compare", str(SAMPLE), *(f"--jurisdiction={code}" for code in STATES)]
    assert main(args) == EXIT_CLEAN
    out = capsys.readouterr().out
    lines = out.splitlines()
    assert lines[:7] == [
        "Request MSP-2024-0117 under the law of 3 jurisdictions in force on 2024-11-04.",
        "",
        "Place  Law applied            Outcome    Decided by",
        "US-MA  St. 2020, c.253        PERMITTED  G.L. c.6 §220",
        "US-MD  2024 Md. Laws ch. 808  PERMITTED  Md. Code, Crim. Proc. §2-503(a)(1)(i)",
        "US-WA  Laws 2020 c 257        PERMITTED  RCW 43.386.020",
        "",
    ]
    assert lines[7] == "Outcomes: 3 permitted."
    memos = [line for line in lines if line.startswith("-- ")]
    assert memos == ["-- US-MA Massachusetts --", "-- US-MD Maryland --", "-- US-WA Washington --"]


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


def test_frpolicy_jurisdictions_lists_each_instrument_s_kind_dates_and_readings(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["jurisdictions"]) == EXIT_CLEAN
    lines = capsys.readouterr().out.splitlines()
    virginia = lines[lines.index("US-VA  Virginia") :]
    ended = "  2021 Va. Acts Sp. Sess. I ch. 537 (also HB 2031): statute, in force from 2021-07-01"
    assert f"{ended} until 2022-07-01" in virginia
    assert "    reading va-tested-accuracy=stated (or: approval-suffices)" in virginia
    assert "  H.4359: bill, proposed" in lines
    listed = {line.split()[0] for line in lines if not line.startswith(" ")}
    assert listed >= {j.code for j in frpolicy.jurisdictions()}


def test_frpolicy_compare_puts_a_table_of_every_place_before_the_memos(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["compare", str(SAMPLE)]) == EXIT_VIOLATIONS  # Maine forbids its State Police
    lines = capsys.readouterr().out.splitlines()
    codes = [j.code for j in frpolicy.jurisdictions()]
    table = lines[2 : 3 + len(codes)]
    assert re.split(r"\s{2,}", table[0]) == ["Place", "Law applied", "Outcome", "Decided by"]
    assert [line.split()[0] for line in table[1:]] == codes
    # the columns line up: every outcome starts where the heading's does
    column = table[0].index("Outcome")
    assert {line[column:].split("  ")[0].rstrip() for line in table[1:]} <= {
        "PERMITTED",
        "FORBIDDEN",
        "NOT PERMITTED",
        "NOT APPLICABLE",
    }
    first_memo = lines.index(f"-- {codes[0]} {frpolicy.jurisdiction(codes[0]).name} --")
    assert first_memo > 3 + len(codes)
