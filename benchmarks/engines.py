"""The engines compared: frpolicy's two paths, the hand-written floor, and peer engines.

Each engine is a function from a list of :class:`~frpolicy.SearchRequest` objects to a
list of answers, so a batch engine and a per-request one are timed the same way: over the
whole workload, conversion of each request included. frpolicy and the floor answer with
an :class:`~frpolicy.Outcome`; the peers answer only whether the search is permitted,
since Cedar's and Rego's authorization answers are allow or deny.

Every peer encodes the same H.1728 rules as ``src/frpolicy/jurisdictions/us_ma/h1728.py``,
under the readings it adopts: in scope (a Massachusetts law enforcement agency or the
Registry asks for or performs the search), no prohibition (emotion inference, moving
images, real-time use, when law enforcement asks for or performs the search), and one
permission (the Registry's own licensing check, to identify or verify from still images;
or a State Police search, or an FBI search at their request, with approved technology, on
a felony warrant in force naming the offense, in an emergency of immediate grave danger,
or to identify a deceased person). Peers that are not installed are skipped, with the
reason.
"""

from __future__ import annotations

import json
import tempfile
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any

import frpolicy
from frpolicy import (
    AgencyKind,
    Analysis,
    Confinement,
    Harm,
    MediaKind,
    Outcome,
    Purpose,
    SearchRequest,
)

__all__ = [
    "COLD",
    "EXPLAINED",
    "FLOOR",
    "OUTCOME",
    "Engine",
    "conversions",
    "floor",
    "frpolicy_engines",
    "peer_engines",
    "to_document",
]

Engine = Callable[[list[SearchRequest]], list[Any]]

# -- the floor ------------------------------------------------------------------------------

_LAW_ENFORCEMENT = frozenset(
    {AgencyKind.LOCAL_POLICE, AgencyKind.STATE_POLICE, AgencyKind.PROSECUTOR}
)
_GOVERNED = _LAW_ENFORCEMENT | {AgencyKind.MOTOR_VEHICLE_REGISTRY}
_LAW_ENFORCEMENT_USE = _LAW_ENFORCEMENT | {AgencyKind.FBI, AgencyKind.FEDERAL}
_MOVING = frozenset({MediaKind.RECORDED_VIDEO, MediaKind.LIVE_VIDEO})
_PLAIN = frozenset({Analysis.IDENTIFICATION, Analysis.VERIFICATION})
_GRAVE = frozenset({Harm.DEATH, Harm.SERIOUS_PHYSICAL_INJURY})
_SP = AgencyKind.STATE_POLICE
_RMV = AgencyKind.MOTOR_VEHICLE_REGISTRY
_FBI = AgencyKind.FBI
_PERMITTED, _FORBIDDEN = Outcome.PERMITTED, Outcome.FORBIDDEN
_NOT_PERMITTED, _NOT_APPLICABLE = Outcome.NOT_PERMITTED, Outcome.NOT_APPLICABLE


def floor(r: SearchRequest) -> Outcome:  # noqa: PLR0911 - one branch per clause, by design
    """H.1728's decision, written by hand as directly as Python allows: the floor."""
    at = r.performed_at or r.submitted_at
    requester, performer = r.requesting_agency.kind, r.performing_agency.kind
    if requester not in _GOVERNED and performer not in _GOVERNED:
        return _NOT_APPLICABLE
    moving = r.real_time or r.probe.kind in _MOVING
    if (requester in _LAW_ENFORCEMENT_USE or performer in _LAW_ENFORCEMENT_USE) and (
        r.analysis is Analysis.EMOTION_INFERENCE or moving
    ):
        return _FORBIDDEN
    if (
        performer is _RMV
        and requester is _RMV
        and r.purpose is Purpose.LICENSE_ISSUANCE
        and r.analysis in _PLAIN
        and not moving
    ):
        return _PERMITTED
    if not (performer is _SP or (performer is _FBI and requester is _SP)):
        return _NOT_PERMITTED
    if not r.technology.approved:
        return _NOT_PERMITTED
    w, o = r.warrant, r.offense
    if (
        w is not None
        and o is not None
        and w.authorizes_facial_recognition
        and w.issued_at <= at
        and (w.expires_at is None or at <= w.expires_at)
        and o.code in w.offense_codes
        and (o.penalty.death or o.penalty.confinement is Confinement.STATE_PRISON)
    ):
        return _PERMITTED
    e = r.emergency
    if e is not None and e.declared_at <= at and e.immediate and e.harm in _GRAVE:
        return _PERMITTED
    if r.purpose is Purpose.IDENTIFY_DECEASED:
        return _PERMITTED
    return _NOT_PERMITTED


FLOOR = "floor (hand-written)"
OUTCOME = "frpolicy decide (outcome)"
EXPLAINED = "frpolicy evaluate (explained)"
COLD = "frpolicy evaluate, cache emptied before each request"


def frpolicy_engines(version: frpolicy.Version) -> dict[str, Engine]:
    """Frpolicy's outcome-only and explained paths, and the floor, over a request list.

    The explained path is timed warm (its explanation cache holding every combination the
    workload meets), cold once over (the cache emptied before the run), and cold on every
    request: :data:`COLD` empties the cache before each, so each explanation is built from
    the leaves' values (the cost of emptying it, a method call, is in the time).
    """
    decide, evaluate = version.decide, version.evaluate
    cache = version.policy.cache

    def outcome_only(requests: list[SearchRequest]) -> list[Outcome]:
        return [decide(r) for r in requests]

    def explained(requests: list[SearchRequest]) -> list[Outcome]:
        return [evaluate(r).outcome for r in requests]

    def explained_cold(requests: list[SearchRequest]) -> list[Outcome]:
        clear, answers = cache.clear, []
        for r in requests:
            clear()
            answers.append(evaluate(r).outcome)
        return answers

    def hand_written(requests: list[SearchRequest]) -> list[Outcome]:
        return [floor(r) for r in requests]

    return {
        FLOOR: hand_written,
        OUTCOME: outcome_only,
        EXPLAINED: explained,
        COLD: explained_cold,
    }


# -- the request as a peer engine reads it --------------------------------------------------


def _seconds(value: datetime) -> int:
    return int(value.timestamp())


def to_document(r: SearchRequest) -> dict[str, Any]:
    """The request as a JSON-ready document of the fields H.1728 reads; times in epoch seconds.

    Absent authorizations and an open-ended warrant are left out, as Cedar's ``has`` and
    Rego's undefined values expect.
    """
    doc: dict[str, Any] = {
        "requester": r.requesting_agency.kind.value,
        "performer": r.performing_agency.kind.value,
        "purpose": r.purpose.value,
        "approved": r.technology.approved,
        "analysis": r.analysis.value,
        "real_time": r.real_time,
        "probe": r.probe.kind.value,
        "at": _seconds(r.performed_at or r.submitted_at),
    }
    if (w := r.warrant) is not None:
        warrant: dict[str, Any] = {
            "authorizes": w.authorizes_facial_recognition,
            "issued": _seconds(w.issued_at),
            "codes": list(w.offense_codes),
        }
        if w.expires_at is not None:
            warrant["expires"] = _seconds(w.expires_at)
        doc["warrant"] = warrant
    if (o := r.offense) is not None:
        doc["offense"] = {
            "code": o.code,
            "death": o.penalty.death,
            "confinement": o.penalty.confinement.value,
        }
    if (e := r.emergency) is not None:
        doc["emergency"] = {
            "declared": _seconds(e.declared_at),
            "immediate": e.immediate,
            "harm": e.harm.value,
        }
    return doc


# -- Cedar ----------------------------------------------------------------------------------

CEDAR_POLICY = """
// H.1728 §220(c): the Registry verifies identity, from still images, when it issues licenses.
permit (principal, action, resource) when {
  context.requester == "motor_vehicle_registry" &&
  context.performer == "motor_vehicle_registry" &&
  context.purpose == "license_issuance" &&
  ["identification", "verification"].contains(context.analysis) &&
  !context.real_time &&
  !["recorded_video", "live_video"].contains(context.probe)
};
// §220(d): the State Police (or the FBI at their request), approved technology, and a
// felony warrant in force, an emergency of immediate grave danger, or a deceased person.
permit (principal, action, resource) when {
  (context.performer == "state_police" ||
   (context.performer == "fbi" && context.requester == "state_police")) &&
  context.approved &&
  ((context has warrant && context has offense &&
    context.warrant.authorizes &&
    context.warrant.issued <= context.at &&
    (!(context.warrant has expires) || context.at <= context.warrant.expires) &&
    context.warrant.codes.contains(context.offense.code) &&
    (context.offense.death || context.offense.confinement == "state_prison")) ||
   (context has emergency &&
    context.emergency.declared <= context.at &&
    context.emergency.immediate &&
    ["death", "serious_physical_injury"].contains(context.emergency.harm)) ||
   context.purpose == "identify_deceased")
};
// §220(k): law enforcement may not infer emotions or analyse moving images.
forbid (principal, action, resource) when {
  (["local_police", "state_police", "prosecutor", "fbi", "federal"].contains(context.requester) ||
   ["local_police", "state_police", "prosecutor", "fbi", "federal"].contains(context.performer)) &&
  (context.analysis == "emotion_inference" ||
   context.real_time ||
   ["recorded_video", "live_video"].contains(context.probe))
};
"""


def _cedar_request(r: SearchRequest) -> dict[str, Any]:
    return {
        "principal": {"type": "Agency", "id": r.performing_agency.id},
        "action": {"type": "Action", "id": "search"},
        "resource": {"type": "Search", "id": r.id},
        "context": to_document(r),
    }


def _cedar() -> dict[str, Engine]:
    import cedarpy  # noqa: PLC0415 - a benchmark-only dependency, optional

    policies = cedarpy.PolicySet.from_str(CEDAR_POLICY)
    entities = cedarpy.Entities.from_json_str("[]")
    authorize, batch = cedarpy.is_authorized, cedarpy.is_authorized_batch

    def per_request(requests: list[SearchRequest]) -> list[bool]:
        return [authorize(_cedar_request(r), policies, entities).allowed for r in requests]

    def batched(requests: list[SearchRequest]) -> list[bool]:
        answers = batch([_cedar_request(r) for r in requests], policies, entities)
        return [a.allowed for a in answers]

    return {"Cedar (cedarpy, per request)": per_request, "Cedar (cedarpy, batch)": batched}


# -- Rego -----------------------------------------------------------------------------------

REGO_POLICY = """
package frpolicy

import rego.v1

default allow := false

allow if permitted(input)

batch := [i | some i, r in input.requests; permitted(r)]

permitted(r) if {
  in_scope(r)
  not forbidden(r)
  permit(r)
}

governed := {"local_police", "state_police", "prosecutor", "motor_vehicle_registry"}

in_scope(r) if r.requester in governed
in_scope(r) if r.performer in governed

forbidden(r) if {
  law_enforcement(r)
  r.analysis == "emotion_inference"
}
forbidden(r) if {
  law_enforcement(r)
  r.real_time
}
forbidden(r) if {
  law_enforcement(r)
  r.probe in {"recorded_video", "live_video"}
}

bound := {"local_police", "state_police", "prosecutor", "fbi", "federal"}

law_enforcement(r) if r.requester in bound
law_enforcement(r) if r.performer in bound

permit(r) if {
  r.requester == "motor_vehicle_registry"
  r.performer == "motor_vehicle_registry"
  r.purpose == "license_issuance"
  r.analysis in {"identification", "verification"}
  not r.real_time
  not r.probe in {"recorded_video", "live_video"}
}
permit(r) if {
  central(r)
  felony_warrant(r)
}
permit(r) if {
  central(r)
  emergency(r)
}
permit(r) if {
  central(r)
  r.purpose == "identify_deceased"
}

central(r) if {
  r.performer == "state_police"
  r.approved
}
central(r) if {
  r.performer == "fbi"
  r.requester == "state_police"
  r.approved
}

felony_warrant(r) if {
  w := r.warrant
  w.authorizes
  w.issued <= r.at
  in_force(w, r.at)
  r.offense.code in w.codes
  felony(r.offense)
}

in_force(w, _) if not w.expires
in_force(w, at) if at <= w.expires

felony(o) if o.death
felony(o) if o.confinement == "state_prison"

emergency(r) if {
  e := r.emergency
  e.declared <= r.at
  e.immediate
  e.harm in {"death", "serious_physical_injury"}
}
"""


def _rego() -> dict[str, Engine]:
    import opa_eval  # noqa: PLC0415 - a benchmark-only dependency, optional

    # The evaluator reads its policy from a file, once, when it is built.
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "h1728.rego"
        path.write_text(REGO_POLICY, encoding="utf-8")
        one = opa_eval.OpaEval(str(path), query="data.frpolicy.allow")
        many = opa_eval.OpaEval(str(path), query="data.frpolicy.batch")
    dumps = json.dumps

    def per_request(requests: list[SearchRequest]) -> list[bool]:
        return [one.evaluate_parsed(dumps(to_document(r))) is True for r in requests]

    def batched(requests: list[SearchRequest]) -> list[bool]:
        permitted = set(
            many.evaluate_parsed(dumps({"requests": [to_document(r) for r in requests]}))
        )
        return [i in permitted for i in range(len(requests))]

    return {
        "Rego (opa-eval/regorus, per request)": per_request,
        "Rego (opa-eval/regorus, batch)": batched,
    }


# -- rules (django-rules) -------------------------------------------------------------------


def _rules() -> dict[str, Engine]:
    import rules  # noqa: PLC0415 - a benchmark-only dependency, optional

    pred = rules.predicate

    def at(r: SearchRequest) -> datetime:
        return r.performed_at or r.submitted_at

    in_scope = pred(lambda r: r.requesting_agency.kind in _GOVERNED) | pred(
        lambda r: r.performing_agency.kind in _GOVERNED
    )
    law_enforcement = pred(lambda r: r.requesting_agency.kind in _LAW_ENFORCEMENT_USE) | pred(
        lambda r: r.performing_agency.kind in _LAW_ENFORCEMENT_USE
    )
    moving = pred(lambda r: r.real_time) | pred(lambda r: r.probe.kind in _MOVING)
    forbidden = law_enforcement & (
        pred(lambda r: r.analysis is Analysis.EMOTION_INFERENCE) | moving
    )
    registry = (
        pred(lambda r: r.requesting_agency.kind is _RMV)
        & pred(lambda r: r.performing_agency.kind is _RMV)
        & pred(lambda r: r.purpose is Purpose.LICENSE_ISSUANCE)
        & pred(lambda r: r.analysis in _PLAIN)
        & ~moving
    )
    central = (
        pred(lambda r: r.performing_agency.kind is _SP)
        | (
            pred(lambda r: r.performing_agency.kind is _FBI)
            & pred(lambda r: r.requesting_agency.kind is _SP)
        )
    ) & pred(lambda r: r.technology.approved)
    felony_warrant = (
        pred(lambda r: r.warrant is not None and r.warrant.authorizes_facial_recognition)
        & pred(
            lambda r: (
                r.warrant is not None
                and r.warrant.issued_at <= at(r)
                and (r.warrant.expires_at is None or at(r) <= r.warrant.expires_at)
            )
        )
        & pred(
            lambda r: (
                r.warrant is not None
                and r.offense is not None
                and r.offense.code in r.warrant.offense_codes
            )
        )
        & pred(
            lambda r: (
                r.offense is not None
                and (
                    r.offense.penalty.death
                    or r.offense.penalty.confinement is Confinement.STATE_PRISON
                )
            )
        )
    )
    emergency = pred(lambda r: r.emergency is not None and r.emergency.declared_at <= at(r)) & pred(
        lambda r: r.emergency is not None and r.emergency.immediate and r.emergency.harm in _GRAVE
    )
    deceased = pred(lambda r: r.purpose is Purpose.IDENTIFY_DECEASED)
    permitted = (
        in_scope & ~forbidden & (registry | (central & (felony_warrant | emergency | deceased)))
    )
    test = permitted.test

    def per_request(requests: list[SearchRequest]) -> list[bool]:
        return [test(r) for r in requests]

    return {"rules (django-rules)": per_request}


def conversions() -> dict[str, Engine]:
    """The peers' input conversion alone: what each pays before its engine decides.

    Rego reads a JSON document (:func:`to_document`, serialized); Cedar a request with the
    document as its context. frpolicy reads the attrs objects as they are.
    """
    dumps = json.dumps

    def rego(requests: list[SearchRequest]) -> list[str]:
        return [dumps(to_document(r)) for r in requests]

    def cedar(requests: list[SearchRequest]) -> list[dict[str, Any]]:
        return [_cedar_request(r) for r in requests]

    return {"Rego input (to_document + json.dumps)": rego, "Cedar input (request + context)": cedar}


def peer_engines() -> tuple[dict[str, Engine], dict[str, str]]:
    """The peers that can be imported here, and why each of the others cannot."""
    engines: dict[str, Engine] = {}
    missing: dict[str, str] = {}
    for name, build in (("cedarpy", _cedar), ("opa-eval", _rego), ("rules", _rules)):
        try:
            engines |= build()
        except ImportError as error:
            missing[name] = (
                f"not installed ({error.name}); pip install -r benchmarks/requirements.txt"
            )
    return engines, missing
