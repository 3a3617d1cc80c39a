"""The engines compared: frpolicy's two paths, the hand-written floor, and peer engines.

Each engine is a function from a list of :class:`~frpolicy.SearchRequest` objects to a
list of answers, so a batch engine and a per-request one are timed the same way: over the
whole workload, conversion of each request included. frpolicy and the floor answer with
an :class:`~frpolicy.Outcome`; the peers answer only whether the search is permitted,
since Cedar's and Rego's authorization answers are allow or deny.

Every peer encodes the same H.1728 rules as ``src/frpolicy/jurisdictions/us_ma/h1728.py``,
under the readings it adopts, reading an agency as the Commonwealth's when its home is
``US-MA``, lies within it, or is not stated: in scope (a Massachusetts law enforcement
agency or the Registry asks for or performs the search, or another Massachusetts public
agency asks for it), no prohibition (Massachusetts law enforcement taking part in a search
not made through the State Police; emotion inference, moving images or real-time use when
it asks for or performs the search), and one permission (the Registry's own licensing
check, to identify or verify from still images; a State Police search, or an FBI search at
their request, with approved technology, on a warrant in force naming a felony (death,
life, the state prison or more than 30 months), in an emergency of immediate grave danger,
or to identify a deceased person; or another public agency's search that no law
enforcement agency or Registry of the Commonwealth takes part in). The floor also tells a
prohibition from a search nothing permits; the peers answer only whether it is permitted.
Peers that are not installed are skipped, with the reason.
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
    Offense,
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
_MOVING = frozenset({MediaKind.RECORDED_VIDEO, MediaKind.LIVE_VIDEO})
_PLAIN = frozenset({Analysis.IDENTIFICATION, Analysis.VERIFICATION})
_GRAVE = frozenset({Harm.DEATH, Harm.SERIOUS_PHYSICAL_INJURY})
_SP = AgencyKind.STATE_POLICE
_RMV = AgencyKind.MOTOR_VEHICLE_REGISTRY
_FBI = AgencyKind.FBI
_OTHER = AgencyKind.OTHER_PUBLIC_AGENCY
_HOUSE_OF_CORRECTION_MONTHS = 30
_PERMITTED, _FORBIDDEN = Outcome.PERMITTED, Outcome.FORBIDDEN
_NOT_PERMITTED, _NOT_APPLICABLE = Outcome.NOT_PERMITTED, Outcome.NOT_APPLICABLE


def _ours(home: str | None) -> bool:
    """An agency of the Commonwealth: at home there, within it, or of no stated home."""
    return home is None or home == "US-MA" or home.startswith("US-MA-")


def _felony(o: Offense) -> bool:
    p = o.penalty
    return (
        p.death
        or p.life
        or p.confinement is Confinement.STATE_PRISON
        or (p.max_term_months is not None and p.max_term_months > _HOUSE_OF_CORRECTION_MONTHS)
    )


def floor(r: SearchRequest) -> Outcome:  # noqa: PLR0911 - one branch per clause, by design
    """H.1728's decision, written by hand as directly as Python allows: the floor."""
    at = r.performed_at or r.submitted_at
    asker, searcher = r.requesting_agency, r.performing_agency
    requester, performer = asker.kind, searcher.kind
    ours_asks, ours_searches = _ours(asker.home), _ours(searcher.home)
    police = (requester in _LAW_ENFORCEMENT and ours_asks) or (
        performer in _LAW_ENFORCEMENT and ours_searches
    )
    registry_searches = performer is _RMV and ours_searches
    if not (police or registry_searches or (requester in (_RMV, _OTHER) and ours_asks)):
        return _NOT_APPLICABLE
    moving = r.real_time or r.probe.kind in _MOVING
    route = (performer is _SP and ours_searches) or (
        performer is _FBI and requester is _SP and ours_asks
    )
    if police and (not route or r.analysis is Analysis.EMOTION_INFERENCE or moving):
        return _FORBIDDEN
    if (
        registry_searches
        and requester is _RMV
        and ours_asks
        and r.purpose is Purpose.LICENSE_ISSUANCE
        and r.analysis in _PLAIN
        and not moving
    ):
        return _PERMITTED
    if requester is _OTHER and ours_asks and not police and not registry_searches:
        return _PERMITTED
    if not route or not r.technology.approved:
        return _NOT_PERMITTED
    w, o = r.warrant, r.offense
    if (
        w is not None
        and o is not None
        and w.authorizes_facial_recognition
        and w.issued_at <= at
        and (w.expires_at is None or at <= w.expires_at)
        and o.code in w.offense_codes
        and _felony(o)
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

    Absent authorizations, homes and terms and an open-ended warrant are left out, as
    Cedar's ``has`` and Rego's undefined values expect.
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
    if (home := r.requesting_agency.home) is not None:
        doc["requester_home"] = home
    if (home := r.performing_agency.home) is not None:
        doc["performer_home"] = home
    if (o := r.offense) is not None:
        offense: dict[str, Any] = {
            "code": o.code,
            "death": o.penalty.death,
            "life": o.penalty.life,
        }
        if o.penalty.confinement is not None:
            offense["confinement"] = o.penalty.confinement.value
        if o.penalty.max_term_months is not None:
            offense["max_term"] = o.penalty.max_term_months
        doc["offense"] = offense
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
  (!(context has requester_home) || context.requester_home == "US-MA" ||
   context.requester_home like "US-MA-*") &&
  (!(context has performer_home) || context.performer_home == "US-MA" ||
   context.performer_home like "US-MA-*") &&
  context.purpose == "license_issuance" &&
  ["identification", "verification"].contains(context.analysis) &&
  !context.real_time &&
  !["recorded_video", "live_video"].contains(context.probe)
};
// §220(d): the State Police (or the FBI at their request), approved technology, and a
// felony warrant in force, an emergency of immediate grave danger, or a deceased person.
permit (principal, action, resource) when {
  ((context.performer == "state_police" &&
    (!(context has performer_home) || context.performer_home == "US-MA" ||
     context.performer_home like "US-MA-*")) ||
   (context.performer == "fbi" && context.requester == "state_police" &&
    (!(context has requester_home) || context.requester_home == "US-MA" ||
     context.requester_home like "US-MA-*"))) &&
  context.approved &&
  ((context has warrant && context has offense &&
    context.warrant.authorizes &&
    context.warrant.issued <= context.at &&
    (!(context.warrant has expires) || context.at <= context.warrant.expires) &&
    context.warrant.codes.contains(context.offense.code) &&
    (context.offense.death || context.offense.life ||
     (context.offense has confinement && context.offense.confinement == "state_prison") ||
     (context.offense has max_term && context.offense.max_term > 30))) ||
   (context has emergency &&
    context.emergency.declared <= context.at &&
    context.emergency.immediate &&
    ["death", "serious_physical_injury"].contains(context.emergency.harm)) ||
   context.purpose == "identify_deceased")
};
// §220(i)-(j): another public agency of the Commonwealth is under no ban.
permit (principal, action, resource) when {
  context.requester == "other_public_agency" &&
  (!(context has requester_home) || context.requester_home == "US-MA" ||
   context.requester_home like "US-MA-*") &&
  !(["local_police", "state_police", "prosecutor", "motor_vehicle_registry"]
      .contains(context.performer) &&
    (!(context has performer_home) || context.performer_home == "US-MA" ||
     context.performer_home like "US-MA-*"))
};
// §220(b), (k): Massachusetts law enforcement may not search but through the State
// Police, nor infer emotions or analyse moving images.
forbid (principal, action, resource) when {
  ((["local_police", "state_police", "prosecutor"].contains(context.requester) &&
    (!(context has requester_home) || context.requester_home == "US-MA" ||
     context.requester_home like "US-MA-*")) ||
   (["local_police", "state_police", "prosecutor"].contains(context.performer) &&
    (!(context has performer_home) || context.performer_home == "US-MA" ||
     context.performer_home like "US-MA-*"))) &&
  (context.analysis == "emotion_inference" ||
   context.real_time ||
   ["recorded_video", "live_video"].contains(context.probe) ||
   !((context.performer == "state_police" &&
      (!(context has performer_home) || context.performer_home == "US-MA" ||
       context.performer_home like "US-MA-*")) ||
     (context.performer == "fbi" && context.requester == "state_police" &&
      (!(context has requester_home) || context.requester_home == "US-MA" ||
       context.requester_home like "US-MA-*"))))
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

law := {"local_police", "state_police", "prosecutor"}

ours_asks(r) if not r.requester_home
ours_asks(r) if r.requester_home == "US-MA"
ours_asks(r) if startswith(r.requester_home, "US-MA-")

ours_searches(r) if not r.performer_home
ours_searches(r) if r.performer_home == "US-MA"
ours_searches(r) if startswith(r.performer_home, "US-MA-")

police(r) if {
  r.requester in law
  ours_asks(r)
}
police(r) if {
  r.performer in law
  ours_searches(r)
}

registry_searches(r) if {
  r.performer == "motor_vehicle_registry"
  ours_searches(r)
}

in_scope(r) if police(r)
in_scope(r) if registry_searches(r)
in_scope(r) if {
  r.requester in {"motor_vehicle_registry", "other_public_agency"}
  ours_asks(r)
}

route(r) if {
  r.performer == "state_police"
  ours_searches(r)
}
route(r) if {
  r.performer == "fbi"
  r.requester == "state_police"
  ours_asks(r)
}

forbidden(r) if {
  police(r)
  not route(r)
}
forbidden(r) if {
  police(r)
  r.analysis == "emotion_inference"
}
forbidden(r) if {
  police(r)
  r.real_time
}
forbidden(r) if {
  police(r)
  r.probe in {"recorded_video", "live_video"}
}

permit(r) if {
  r.requester == "motor_vehicle_registry"
  ours_asks(r)
  registry_searches(r)
  r.purpose == "license_issuance"
  r.analysis in {"identification", "verification"}
  not r.real_time
  not r.probe in {"recorded_video", "live_video"}
}
permit(r) if {
  r.requester == "other_public_agency"
  ours_asks(r)
  not police(r)
  not registry_searches(r)
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
  route(r)
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
felony(o) if o.life
felony(o) if o.confinement == "state_prison"
felony(o) if o.max_term > 30

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

    ours_asks = pred(lambda r: _ours(r.requesting_agency.home))
    ours_searches = pred(lambda r: _ours(r.performing_agency.home))
    police = (pred(lambda r: r.requesting_agency.kind in _LAW_ENFORCEMENT) & ours_asks) | (
        pred(lambda r: r.performing_agency.kind in _LAW_ENFORCEMENT) & ours_searches
    )
    registry_searches = pred(lambda r: r.performing_agency.kind is _RMV) & ours_searches
    in_scope = (
        police
        | registry_searches
        | (pred(lambda r: r.requesting_agency.kind in (_RMV, _OTHER)) & ours_asks)
    )
    moving = pred(lambda r: r.real_time) | pred(lambda r: r.probe.kind in _MOVING)
    route = (pred(lambda r: r.performing_agency.kind is _SP) & ours_searches) | (
        pred(lambda r: r.performing_agency.kind is _FBI)
        & pred(lambda r: r.requesting_agency.kind is _SP)
        & ours_asks
    )
    forbidden = police & (
        ~route | pred(lambda r: r.analysis is Analysis.EMOTION_INFERENCE) | moving
    )
    registry = (
        pred(lambda r: r.requesting_agency.kind is _RMV)
        & ours_asks
        & registry_searches
        & pred(lambda r: r.purpose is Purpose.LICENSE_ISSUANCE)
        & pred(lambda r: r.analysis in _PLAIN)
        & ~moving
    )
    public_agency = (
        pred(lambda r: r.requesting_agency.kind is _OTHER)
        & ours_asks
        & ~police
        & ~registry_searches
    )
    central = route & pred(lambda r: r.technology.approved)
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
        & pred(lambda r: r.offense is not None and _felony(r.offense))
    )
    emergency = pred(lambda r: r.emergency is not None and r.emergency.declared_at <= at(r)) & pred(
        lambda r: r.emergency is not None and r.emergency.immediate and r.emergency.harm in _GRAVE
    )
    deceased = pred(lambda r: r.purpose is Purpose.IDENTIFY_DECEASED)
    permitted = (
        in_scope
        & ~forbidden
        & (registry | public_agency | (central & (felony_warrant | emergency | deceased)))
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
