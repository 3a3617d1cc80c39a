"""A fixed, seeded workload of Massachusetts search requests, built with the model directly.

The mix is drawn so that about a third of the requests are permitted under H.1728 and every
rule of the bill decides some of them: State Police searches on felony warrants, warrants
for misdemeanors or out of force, emergencies with and without immediate grave danger,
identification of the deceased, the Registry's licensing checks, local police searching
on their own (not permitted), video and emotion inference (forbidden), and requests from
agencies outside the bill's scope. The same seed always gives the same requests.

:func:`distinct` draws another workload, for the cost of explaining decisions with
nothing remembered: requests each of whose combination of leaf values (what the law
reads of it) no other request has, as many as a broad mix of every field's values gives.
"""

from __future__ import annotations

import random
from collections.abc import Iterator, Sequence
from datetime import UTC, datetime, timedelta
from typing import TypeVar

import frpolicy
from frpolicy import (
    Agency,
    AgencyKind,
    Analysis,
    Emergency,
    Harm,
    ImageSource,
    MediaKind,
    Offense,
    ProbeImage,
    Purpose,
    SearchRecord,
    SearchRequest,
    Technology,
    Warrant,
)
from frpolicy.jurisdictions.us_ma.offenses import OFFENSES
from frpolicy.model import CourtKind

__all__ = ["AGENCIES", "SEED", "distinct", "records", "requests"]

SEED = 220
"""The default seed: the section of G.L. c.6 the bill rewrites."""

AGENCIES: dict[AgencyKind, Agency] = {
    AgencyKind.STATE_POLICE: Agency(
        id="MSP", name="Massachusetts State Police", kind=AgencyKind.STATE_POLICE
    ),
    AgencyKind.LOCAL_POLICE: Agency(
        id="BPD", name="Boston Police Department", kind=AgencyKind.LOCAL_POLICE
    ),
    AgencyKind.FBI: Agency(id="FBI", name="Federal Bureau of Investigation", kind=AgencyKind.FBI),
    AgencyKind.MOTOR_VEHICLE_REGISTRY: Agency(
        id="RMV", name="Registry of Motor Vehicles", kind=AgencyKind.MOTOR_VEHICLE_REGISTRY
    ),
    AgencyKind.PROSECUTOR: Agency(
        id="SCDAO", name="Suffolk County District Attorney", kind=AgencyKind.PROSECUTOR
    ),
    AgencyKind.OTHER_PUBLIC_AGENCY: Agency(
        id="DCF", name="Department of Children and Families", kind=AgencyKind.OTHER_PUBLIC_AGENCY
    ),
}

T = TypeVar("T")

_APPROVED = Technology(name="MSP FR unit", vendor="Vendor A", approved=True)
_UNAPPROVED = Technology(name="Trial system", vendor="Vendor B", approved=False)
_EPOCH = datetime(2024, 1, 1, tzinfo=UTC)
_K = AgencyKind
_REQUESTERS = (
    (_K.STATE_POLICE, 61),
    (_K.LOCAL_POLICE, 12),
    (_K.PROSECUTOR, 5),
    (_K.MOTOR_VEHICLE_REGISTRY, 12),
    (_K.OTHER_PUBLIC_AGENCY, 6),
    (_K.FBI, 5),
)
_PERFORMERS = {
    _K.STATE_POLICE: ((_K.STATE_POLICE, 75), (_K.FBI, 20), (_K.LOCAL_POLICE, 5)),
    _K.LOCAL_POLICE: ((_K.LOCAL_POLICE, 50), (_K.STATE_POLICE, 40), (_K.FBI, 10)),
    _K.MOTOR_VEHICLE_REGISTRY: ((_K.MOTOR_VEHICLE_REGISTRY, 90), (_K.STATE_POLICE, 10)),
}
_PURPOSES = (
    (Purpose.CRIMINAL_INVESTIGATION, 68),
    (Purpose.EMERGENCY, 12),
    (Purpose.IDENTIFY_DECEASED, 7),
    (Purpose.IDENTIFY_MISSING_OR_INCAPACITATED, 6),
    (Purpose.LICENSE_ISSUANCE, 2),
    (Purpose.OTHER, 5),
)
_MEDIA = (
    (MediaKind.STILL_IMAGE, 85),
    (MediaKind.VIDEO_FRAME, 10),
    (MediaKind.RECORDED_VIDEO, 3),
    (MediaKind.LIVE_VIDEO, 2),
)
_ANALYSES = (
    (Analysis.IDENTIFICATION, 94),
    (Analysis.VERIFICATION, 3),
    (Analysis.EMOTION_INFERENCE, 2),
    (Analysis.TRACKING, 1),
)
_HARMS = ((Harm.DEATH, 45), (Harm.SERIOUS_PHYSICAL_INJURY, 35), (Harm.OTHER, 20))


def _pick(rng: random.Random, weighted: Sequence[tuple[T, int]]) -> T:
    return rng.choices([v for v, _ in weighted], [w for _, w in weighted])[0]


def _warrant(rng: random.Random, offense: Offense | None, at: datetime, n: int) -> Warrant:
    issued = at - timedelta(hours=rng.randint(1, 240))
    # One warrant in ten has lapsed before the search; one in ten names another offense.
    expires = None
    if rng.random() < 0.8:
        lapsed = rng.random() < 0.12
        expires = at - timedelta(minutes=1) if lapsed else at + timedelta(days=rng.randint(1, 10))
        expires = max(expires, issued)
    named = offense if offense is not None and rng.random() < 0.9 else rng.choice(OFFENSES)
    return Warrant(
        case_number=f"2484CR{n:06d}",
        court=CourtKind.SUPERIOR_COURT,
        judge="J. Doe",
        issued_at=issued,
        expires_at=expires,
        offense_codes=frozenset({named.code}),
        subject="the person in the probe image",
        authorizes_facial_recognition=rng.random() < 0.92,
    )


def _request(rng: random.Random, n: int) -> SearchRequest:
    requester = _pick(rng, _REQUESTERS)
    performers = _PERFORMERS.get(requester, ((requester, 80), (_K.STATE_POLICE, 20)))
    performer = _pick(rng, performers)
    purpose = _pick(rng, _PURPOSES)
    if requester is _K.MOTOR_VEHICLE_REGISTRY and rng.random() < 0.85:
        purpose = Purpose.LICENSE_ISSUANCE
    submitted = _EPOCH + timedelta(minutes=rng.randint(0, 525_600))
    performed = submitted + timedelta(minutes=rng.randint(5, 2_880)) if rng.random() < 0.9 else None
    at = performed or submitted
    offense = rng.choice(OFFENSES) if purpose is Purpose.CRIMINAL_INVESTIGATION else None
    warrant = None
    if purpose is Purpose.CRIMINAL_INVESTIGATION and rng.random() < 0.8:
        warrant = _warrant(rng, offense, at, n)
    emergency = None
    if (purpose is Purpose.EMERGENCY and rng.random() < 0.9) or rng.random() < 0.02:
        emergency = Emergency(
            harm=_pick(rng, _HARMS),
            immediate=rng.random() < 0.85,
            declared_by="Lt. R. Roe",
            declared_at=at - timedelta(minutes=rng.randint(-30, 600)),
        )
    return SearchRequest(
        id=f"MA-{n:07d}",
        requesting_agency=AGENCIES[requester],
        performing_agency=AGENCIES[performer],
        purpose=purpose,
        probe=ProbeImage(kind=_pick(rng, _MEDIA), source=ImageSource.SURVEILLANCE_CAMERA),
        technology=_APPROVED if rng.random() < 0.9 else _UNAPPROVED,
        submitted_at=submitted,
        offense=offense,
        warrant=warrant,
        emergency=emergency,
        analysis=_pick(rng, _ANALYSES),
        real_time=rng.random() < 0.01,
        written_request=rng.random() < 0.8,
        performed_at=performed,
    )


def requests(count: int, seed: int = SEED) -> list[SearchRequest]:
    """``count`` requests drawn from the seeded mix; the same arguments give the same list."""
    rng = random.Random(seed)  # noqa: S311 - seeded for repeatable runs, not for secrecy
    return [_request(rng, n) for n in range(count)]


def records(count: int, seed: int = SEED) -> Iterator[SearchRecord]:
    """``count`` log lines, lazily: the seeded requests with what each search returned."""
    rng = random.Random(seed)  # noqa: S311 - seeded for repeatable runs, not for secrecy
    for n in range(count):
        request = _request(rng, n)
        done = request.performed_at
        yield SearchRecord(
            request=request,
            candidates_returned=rng.randint(0, 20) if done else 0,
            human_review=done is not None and rng.random() < 0.9,
            documented_at=done + timedelta(hours=rng.randint(1, 72)) if done else None,
            reported_at=done + timedelta(days=rng.randint(10, 120)) if done else None,
        )


# still images and plain identification most of the time, so the law's permissions, not
# only its prohibitions, meet every variety of the rest
_MEDIA_BROAD = tuple((kind, 4 if kind is MediaKind.STILL_IMAGE else 1) for kind in MediaKind)
_ANALYSES_BROAD = tuple((a, 1 if a is Analysis.EMOTION_INFERENCE else 3) for a in Analysis)


def _broad(rng: random.Random, n: int) -> SearchRequest:
    """A request with every field drawn evenly among its values: variety, not realism."""
    submitted = _EPOCH + timedelta(minutes=rng.randint(0, 525_600))
    performed = submitted + timedelta(minutes=rng.randint(5, 2_880)) if rng.random() < 0.8 else None
    at = performed or submitted
    offense = rng.choice(OFFENSES) if rng.random() < 0.8 else None
    emergency = None
    if rng.random() < 0.5:
        emergency = Emergency(
            harm=rng.choice(list(Harm)),
            immediate=rng.random() < 0.5,
            declared_by="Lt. R. Roe",
            declared_at=at - timedelta(minutes=rng.randint(-600, 600)),
        )
    return SearchRequest(
        id=f"MA-D{n:07d}",
        requesting_agency=rng.choice(list(AGENCIES.values())),
        performing_agency=rng.choice(list(AGENCIES.values())),
        purpose=rng.choice(list(Purpose)),
        probe=ProbeImage(kind=_pick(rng, _MEDIA_BROAD), source=ImageSource.WITNESS),
        technology=rng.choice([_APPROVED, _UNAPPROVED]),
        submitted_at=submitted,
        offense=offense,
        warrant=_warrant(rng, offense, at, n) if rng.random() < 0.6 else None,
        emergency=emergency,
        analysis=_pick(rng, _ANALYSES_BROAD),
        real_time=rng.random() < 0.05,
        written_request=rng.random() < 0.5,
        performed_at=performed,
    )


def distinct(version: frpolicy.Version, count: int, seed: int = SEED) -> list[SearchRequest]:
    """Up to ``count`` requests, no two alike in what ``version`` reads of them.

    Two requests are alike when the law's leaves give them the same values, so the same
    explanation: the version's explanation cache, emptied first and left empty after,
    grows by one exactly when a request is unlike every one before it. Requests are drawn
    from a broad mix (:func:`_broad`) until ``count`` are found or 100 times as many drawn.
    """
    rng = random.Random(seed)  # noqa: S311 - seeded for repeatable runs, not for secrecy
    cache = version.policy.cache
    budget, cache.budget = cache.budget, 2**40  # room for every combination
    cache.clear()
    found: list[SearchRequest] = []
    try:
        for n in range(100 * count):
            request = _broad(rng, n)
            before = len(cache)
            version.evaluate(request)
            if len(cache) > before:
                found.append(request)
                if len(found) == count:
                    break
    finally:
        cache.clear()
        cache.budget = budget
    return found
