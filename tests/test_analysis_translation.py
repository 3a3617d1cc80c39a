"""The translation models Python exactly, or keeps a leaf opaque: never a proof the engine breaks.

Each case is a leaf at the edge of the subset the analysis translates, where Python's
meaning is easy to miss (``12 == 12.0``, ``True == 1``, a ``StrEnum`` member equal to a
string, an empty string false, a time in the last day of the calendar), and a request on
which the engine says the leaf holds. A version that permits a search exactly when the
leaf holds, and declares that it never does, must never have that invariant proved.
"""

from __future__ import annotations

import enum
from datetime import UTC, datetime, timedelta, timezone
from typing import Any

import attrs
import pytest

from frpolicy.analysis import (
    AnalysisError,
    ClaimKind,
    Status,
    check_agreement,
    diff,
    prove,
    query,
    verify,
)
from frpolicy.analysis import _translation as translation
from frpolicy.jurisdictions import Invariant, Version
from frpolicy.jurisdictions.us_ma import h1728
from frpolicy.model import (
    Agency,
    AgencyKind,
    Analysis,
    CourtKind,
    Database,
    ImageSource,
    MediaKind,
    Offense,
    Penalty,
    ProbeImage,
    Purpose,
    SearchRequest,
    Technology,
    Warrant,
)
from frpolicy.policy import Effect, Outcome
from frpolicy.predicates import Leaf, leaf

BILL = h1728.H1728
_AT = datetime(2024, 5, 1, 12, tzinfo=UTC)


class Months(enum.IntEnum):
    """A plug-in's own numbers, equal to ints."""

    YEAR = 12


class Code(enum.StrEnum):
    """A plug-in's own codes, equal to strings."""

    FIRST = "R-1"


def _tested(expression: str, **names: object) -> Leaf:
    return leaf("tested", "the tested condition holds", expression, **names)


def _permitting(tested: Leaf) -> tuple[Version, Invariant]:
    """H.1728's scope, one permission on the tested leaf, and an invariant that it never holds."""
    rule = attrs.evolve(BILL.policy.rules[1], id="XX-TESTED", effect=Effect.PERMIT, when=tested)
    policy = attrs.evolve(BILL.policy, rules=(rule,), duties=(), variants=())
    never = Invariant(
        id="never-tested",
        statement="No search is permitted on the tested condition.",
        holds=~tested,
    )
    return attrs.evolve(BILL, build=None, policy=policy, invariants=(never,)), never


def _request(**changes: Any) -> SearchRequest:
    police = Agency(id="MSP", name="State Police", kind=AgencyKind.STATE_POLICE, home="US-MA")
    base = SearchRequest(
        id="R-1",
        requesting_agency=police,
        performing_agency=police,
        purpose=Purpose.CRIMINAL_INVESTIGATION,
        probe=ProbeImage(kind=MediaKind.STILL_IMAGE, source=ImageSource.SURVEILLANCE_CAMERA),
        technology=Technology(name="System", approved=True),
        submitted_at=_AT,
        performed_at=_AT + timedelta(hours=1),
    )
    return attrs.evolve(base, **changes)


def _offense(months: int | None) -> Offense:
    return Offense(
        code="265-17",
        title="Armed robbery",
        citation="G.L. c.265 §17",
        penalty=Penalty(max_term_months=months),
    )


_WARRANT = Warrant(
    case_number="C-1",
    court=CourtKind.SUPERIOR_COURT,
    judge="J. Doe",
    issued_at=_AT - timedelta(days=1),
)
_LAST_DAY = datetime(9999, 12, 30, 12, tzinfo=UTC)
_OFFENSE = "r.offense is not None and "
#: (expression, names, the request on which the engine says it holds)
_EDGES: dict[str, tuple[str, dict[str, object], dict[str, Any]]] = {
    # numbers: int, float and bool are one numeric tower to Python
    "months in a tuple holding 12.0": (
        _OFFENSE + "r.offense.penalty.max_term_months in (12.0,)",
        {},
        {"offense": _offense(12)},
    ),
    "months equal to 12.0": (
        _OFFENSE + "r.offense.penalty.max_term_months == 12.0",
        {},
        {"offense": _offense(12)},
    ),
    "months below 12.5": (
        _OFFENSE + "r.offense.penalty.max_term_months is not None"
        " and r.offense.penalty.max_term_months < 12.5",
        {},
        {"offense": _offense(12)},
    ),
    "months above 11.5": (
        _OFFENSE + "r.offense.penalty.max_term_months is not None"
        " and r.offense.penalty.max_term_months > 11.5",
        {},
        {"offense": _offense(12)},
    ),
    "months below infinity": (
        _OFFENSE + "r.offense.penalty.max_term_months is not None"
        " and r.offense.penalty.max_term_months < INFINITY",
        {"INFINITY": float("inf")},
        {"offense": _offense(12)},
    ),
    "months not equal to a NaN": (
        _OFFENSE + "r.offense.penalty.max_term_months != NAN",
        {"NAN": float("nan")},
        {"offense": _offense(12)},
    ),
    "months equal to True": (
        _OFFENSE + "r.offense.penalty.max_term_months == True",
        {},
        {"offense": _offense(1)},
    ),
    "months in a tuple holding True": (
        _OFFENSE + "r.offense.penalty.max_term_months in (True,)",
        {},
        {"offense": _offense(1)},
    ),
    "a boolean equal to 1": ("r.real_time == 1", {}, {"real_time": True}),
    "a boolean in a tuple holding 1": ("r.real_time in (1,)", {}, {"real_time": True}),
    "a boolean in a tuple holding 1.0": (
        "r.written_request in (1.0,)",
        {},
        {"written_request": True},
    ),
    "a boolean below 2": ("r.real_time < 2", {}, {}),
    # enumerations whose members are equal to their values
    "months in a tuple holding an IntEnum member": (
        _OFFENSE + "r.offense.penalty.max_term_months in (YEAR,)",
        {"YEAR": Months.YEAR},
        {"offense": _offense(12)},
    ),
    "months equal to an IntEnum member": (
        _OFFENSE + "r.offense.penalty.max_term_months == YEAR",
        {"YEAR": Months.YEAR},
        {"offense": _offense(12)},
    ),
    "an id in a tuple holding a StrEnum member": ("r.id in (FIRST,)", {"FIRST": Code.FIRST}, {}),
    "an id equal to a StrEnum member": ("r.id == FIRST", {"FIRST": Code.FIRST}, {}),
    "an offense code among StrEnum members": (
        _OFFENSE + "r.offense.code in CODES",
        {"CODES": frozenset({Code.FIRST})},
        {"offense": attrs.evolve(_offense(12), code="R-1")},
    ),
    "a StrEnum member in a set of offense codes": (
        "r.warrant is not None and FIRST in r.warrant.offense_codes",
        {"FIRST": Code.FIRST},
        {"warrant": attrs.evolve(_WARRANT, offense_codes=frozenset({"R-1"}))},
    ),
    # the truth of strings, collections and numbers
    "no months at all": (
        _OFFENSE + "r.offense.penalty.max_term_months is not None"
        " and not r.offense.penalty.max_term_months",
        {},
        {"offense": _offense(0)},
    ),
    "an empty subject of a warrant": (
        "r.warrant is not None and not r.warrant.subject",
        {},
        {"warrant": _WARRANT},
    ),
    "no database": ("not r.databases", {}, {}),
    "some database": ("r.databases", {}, {"databases": frozenset({Database.FBI})}),
    "no offense list": (_OFFENSE + "not r.offense.listed_in", {}, {"offense": _offense(12)}),
    "an id is true": ("r.id", {}, {}),
    "a unit, or a default, equal to the default": (
        "(r.requesting_agency.unit or 'none') == 'none'",
        {},
        {},
    ),
    # equality across types, and None against fields that are never None
    "an id that is not a number": ("r.id != 5", {}, {}),
    "an analysis that is not its value": ("r.analysis != 'identification'", {}, {}),
    "an analysis equal to its own member": (
        "r.analysis == Analysis.IDENTIFICATION",
        {},
        {"analysis": Analysis.IDENTIFICATION},
    ),
    "a time that is not a date": ("r.submitted_at != DAY", {"DAY": _AT.date()}, {}),
    "an id that is not None": ("r.id is not None", {}, {}),
    "a probe that is not None": ("r.probe != None", {}, {}),
    "None in no set of databases": ("None not in r.databases", {}, {}),
    # what the model's checks allow: a time on the last day of the calendar
    "a request in the last day of the calendar": (
        "r.submitted_at > LATE",
        {"LATE": datetime(9999, 12, 30, 1, tzinfo=UTC)},
        {"submitted_at": _LAST_DAY, "performed_at": None},
    ),
}


@pytest.mark.parametrize("edge", list(_EDGES))
def test_the_analysis_never_proves_what_the_engine_breaks_at_the_edge_of_the_subset(
    edge: str,
) -> None:
    expression, names, changes = _EDGES[edge]
    tested = _tested(expression, **names)
    version, never = _permitting(tested)
    request = _request(**changes)
    decision = version.evaluate(request)
    # the case is what it says: the engine permits the request on the tested leaf
    assert decision.outcome is Outcome.PERMITTED
    assert never.broken_by(request, decision) is not None
    # so the invariant that it never holds is not proved; where the leaf is translated, the
    # analysis finds a counterexample, which the engine confirms
    claim = prove(version, never)
    assert claim.status is not Status.PROVED, str(claim)
    if claim.status is Status.DISPROVED:
        assert claim.witness is not None
        witness = claim.witness.request
        assert never.broken_by(witness, version.evaluate(witness)) is not None
    else:
        assert "leaf tested is opaque" in claim.detail
    # and pinned to the request, the solver says what the engine says
    check_agreement(version, request)


_EXACT = [
    "months in a tuple holding 12.0",
    "months equal to 12.0",
    "months below 12.5",
    "months below infinity",
    "months not equal to a NaN",
    "months equal to True",
    "a boolean in a tuple holding 1",
    "a boolean below 2",
    "no months at all",
    "an empty subject of a warrant",
    "no database",
    "some database",
    "an id is true",
    "a unit, or a default, equal to the default",
    "an id that is not a number",
    "an analysis that is not its value",
    "a time that is not a date",
    "a probe that is not None",
    "None in no set of databases",
    "a request in the last day of the calendar",
]


@pytest.mark.parametrize("edge", _EXACT)
def test_a_leaf_python_gives_a_plain_meaning_is_translated_not_kept_opaque(edge: str) -> None:
    expression, names, _ = _EDGES[edge]
    version, _ = _permitting(_tested(expression, **names))
    assert not [c for c in verify(version).claims if c.kind is ClaimKind.ANALYSABLE]


@pytest.mark.parametrize(
    "expression",
    ["not r.id", "r.id == ''", "r.id == ' '", "r.id == BLANK", "r.id.startswith(LONG)"],
)
def test_an_id_the_model_refuses_is_never_held_by_any_request(expression: str) -> None:
    # the model checks that an id is not empty, shows a character and has at most 1,000
    tested = _tested(expression, BLANK="\u200b\u3164", LONG="x" * 1_001)
    version, never = _permitting(tested)
    assert prove(version, never).status is Status.PROVED
    assert query(version, tested, outcomes=list(Outcome)).status is Status.DISPROVED


def test_an_id_of_a_thousand_characters_is_a_request_the_model_accepts() -> None:
    tested = _tested("r.id == LONG", LONG="x" * 1_000)
    claim = query(_permitting(tested)[0], tested, outcomes=list(Outcome))
    assert claim.status is Status.PROVED
    assert claim.witness is not None
    assert claim.witness.request.id == "x" * 1_000


def test_a_prefix_of_an_id_is_given_a_witness_the_model_accepts() -> None:
    tested = _tested("r.id.startswith(START)", START="y" * 998)
    claim = query(_permitting(tested)[0], tested, outcomes=list(Outcome))
    assert claim.status is Status.PROVED
    assert claim.witness is not None
    assert claim.witness.request.id.startswith("y" * 998)


def test_time_arithmetic_past_the_calendar_raises_as_python_does_in_any_time_zone() -> None:
    # a minute before the last instant the model accepts, on a clock 23 hours ahead of UTC:
    # two hours later is past the year 9999 on that clock, and Python raises OverflowError
    ahead = timezone(timedelta(hours=23))
    late = datetime(9999, 12, 31, 22, 59, tzinfo=ahead)
    tested = _tested("r.submitted_at + LATER > r.submitted_at", LATER=timedelta(hours=2))
    version, _ = _permitting(tested)
    request = _request(submitted_at=late, performed_at=None)
    assert tested.evaluate(request, late).error is not None
    check_agreement(version, request)
    (raises,) = [
        c
        for c in verify(version).claims
        if c.kind is ClaimKind.NEVER_RAISES and c.subject == "tested"
    ]
    assert raises.status is Status.DISPROVED


def test_the_model_bounds_of_time_are_the_analysis_bounds() -> None:
    first, last = translation._INSTANTS  # noqa: SLF001 - the bounds under test
    epoch = datetime(1970, 1, 1, tzinfo=UTC)
    earliest = epoch + timedelta(microseconds=first)
    latest = epoch + timedelta(microseconds=last)
    _request(submitted_at=earliest, performed_at=None)
    _request(submitted_at=latest, performed_at=None)
    for outside in (earliest - timedelta(microseconds=1), latest + timedelta(microseconds=1)):
        with pytest.raises(ValueError, match="outside the calendar"):
            _request(submitted_at=outside, performed_at=None)


# -- the diff and its witnesses -------------------------------------------------------------


def test_the_diff_finds_the_requests_a_float_in_a_tuple_changes() -> None:
    tested = _tested(_OFFENSE + "r.offense.penalty.max_term_months in (12.0,)")
    version, _ = _permitting(tested)
    without = attrs.evolve(version, policy=attrs.evolve(version.policy, rules=()))
    found = diff(without, version)
    assert "No request changes" not in str(found)
    assert {(c.before, c.after) for c in found.outcome_changes} == {
        (Outcome.NOT_PERMITTED, Outcome.PERMITTED)
    }
    for change in found.changes:
        before, after = change.witness.decisions
        assert (before.outcome, after.outcome) == (change.before, change.after)


def _never(_request: object) -> bool:
    return False


def test_a_diff_class_resting_on_an_opaque_leaf_is_undecided_not_shown_by_a_witness_it_misses() -> (
    None
):
    helper = leaf("helper", "a helper forbids it", "never(r)", never=_never)
    ban = attrs.evolve(BILL.policy.rules[1], id="XX-HELPER", effect=Effect.FORBID, when=helper)
    banned = attrs.evolve(BILL, policy=attrs.evolve(BILL.policy, rules=(*BILL.policy.rules, ban)))
    found = diff(BILL, banned)
    # the engine never forbids by the helper: no witness shows PERMITTED becoming FORBIDDEN
    for change in found.changes:
        before, after = change.witness.decisions
        assert (before.outcome, after.outcome) == (change.before, change.after)
    assert not found.complete
    assert any("helper" in u for u in found.undecided)
    assert "No request changes" not in str(found)


# -- the engine checks every proof at the end -----------------------------------------------


def test_a_proof_the_engine_breaks_on_a_boundary_request_is_an_error_naming_the_leaf(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    tested = _tested(_OFFENSE + "r.offense.penalty.max_term_months in (12,)")
    version, never = _permitting(tested)
    run = translation._Translation.run  # noqa: SLF001 - a planted mistake of the translation

    def dropped(self: Any) -> tuple[Any, Any]:
        value, raises = run(self)
        if self.leaf.name == "tested":  # as if the translation dropped the item 12
            return self.z3.BoolVal(val=False), raises
        return value, raises

    monkeypatch.setattr(translation._Translation, "run", dropped)  # noqa: SLF001 - as above
    with pytest.raises(AnalysisError, match="leaf tested"):
        verify(version)
    with pytest.raises(AnalysisError, match="leaf tested"):
        prove(version, never)
    without = attrs.evolve(version, policy=attrs.evolve(version.policy, rules=()))
    with pytest.raises(AnalysisError, match="leaf tested"):
        diff(without, version)


def test_the_boundary_requests_of_a_leaf_meet_the_values_it_names() -> None:
    tested = _tested(_OFFENSE + "r.offense.penalty.max_term_months >= 12")
    version, _ = _permitting(tested)
    months = {
        request.offense.penalty.max_term_months
        for request in translation_boundaries(version)
        if request.offense is not None
    }
    assert {11, 12, 13} <= months


def translation_boundaries(version: Version) -> list[SearchRequest]:
    from frpolicy.analysis import _boundaries, _session  # noqa: PLC0415 - the stages under test

    session = _session._Session([version])  # noqa: SLF001 - as above
    return [witness.request for _, witness in _boundaries.boundaries(session, session.leaves)]
