# ruff: noqa: INP001 - a script run by path
r"""Write the sample EU search log: real-time identifications in German, French and Dutch places.

Run from the repository root::

    python examples/generate_eu.py

It writes ``eu_search_log.jsonl``: uses of remote biometric identification by member states'
police in 2025 and 2026, under the AI Act's Article 5 (Regulation (EU) 2024/1689). The log
is made to be audited as where the member state concerned has opted in for the searches for
victims and missing persons and for imminent threats (Art. 5(5)), and not for suspects:

    frpolicy audit eu_search_log.jsonl --jurisdiction EU \
        --reading eu-opt-in-victims=national-law --reading eu-opt-in-threats=national-law

Each line is one scenario, named in its comment below: uses authorised beforehand, uses
started in urgency and authorised in time, late or never, a refusal with the use stopped and
its data deleted at once or late, uses notified or not, uses the Regulation forbids, and uses
it does not govern. The data are invented; nothing is random, so the file is the same on
every run.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import attrs

import frpolicy
from frpolicy import (
    Authority,
    Authorization,
    Emergency,
    Harm,
    ImageSource,
    MediaKind,
    ProbeImage,
    Purpose,
    SearchRecord,
    SearchRequest,
    Suspicion,
    Technology,
)

HERE = Path(__file__).resolve().parent.parent / "src" / "frpolicy" / "examples"
BERLIN = ZoneInfo("Europe/Berlin")
LIVE = ProbeImage(kind=MediaKind.LIVE_VIDEO, source=ImageSource.SURVEILLANCE_CAMERA)
SYSTEM = Technology(
    name="Echtzeit-Gesichtserkennung",
    vendor="Acme Biometrics",
    impact_assessed_at=datetime(2025, 3, 3, 9, 0, tzinfo=BERLIN),
    registered_at=datetime(2025, 3, 10, 9, 0, tzinfo=BERLIN),
)


def _request(number: int, **fields: Any) -> SearchRequest:  # noqa: ANN401 - any field of a request
    """A real-time use by the Federal Police at a Berlin station, ``number`` weeks from April."""
    started = datetime(2025, 4, 7, 14, 0, tzinfo=BERLIN) + timedelta(days=7 * number)
    agency = {a.id: a for a in frpolicy.jurisdiction("EU").agencies}["BPOL"]
    defaults: dict[str, Any] = {
        "id": f"EU-{number:04d}",
        "requesting_agency": agency,
        "performing_agency": agency,
        "purpose": Purpose.IDENTIFY_MISSING,
        "probe": LIVE,
        "technology": SYSTEM,
        "submitted_at": started,
        "performed_at": started,
        "real_time": True,
        "publicly_accessible": True,
    }
    return SearchRequest(**(defaults | fields))


def _granted(request: SearchRequest, minutes: int = 60) -> Authorization:
    """A court's authorisation asked for two hours before the use, granted ``minutes`` later."""
    assert request.performed_at is not None  # noqa: S101 - every sample use was run
    asked = request.performed_at - timedelta(hours=2)
    return Authorization(
        authority=Authority.JUDICIAL,
        authority_name="Amtsgericht Tiergarten",
        requested_at=asked,
        decided_at=asked + timedelta(minutes=minutes),
        granted=True,
        expires_at=request.performed_at + timedelta(hours=12),
    )


def _urgent(number: int, harm: Harm = Harm.DEATH, **fields: Any) -> SearchRequest:  # noqa: ANN401 - any field of a request
    """An urgent start: an immediate emergency declared at the use, no authorisation yet."""
    started = datetime(2025, 4, 7, 14, 0, tzinfo=BERLIN) + timedelta(days=7 * number)
    emergency = Emergency(
        harm=harm,
        immediate=True,
        declared_by="BPOL-Einsatzleiter-0417",
        declared_at=started - timedelta(minutes=10),
        facts="a child seen taken onto a train by a stranger",
        documented=True,
    )
    return _request(number, emergency=emergency, **fields)


def _authorization(
    request: SearchRequest, hours: float, decided: float | None, *, granted: bool = True
) -> SearchRequest:
    """The request, with its authorisation asked ``hours`` after the use, decided after it."""
    assert request.performed_at is not None  # noqa: S101 - every sample use was run
    asked = request.performed_at + timedelta(hours=hours)
    authorization = Authorization(
        authority=Authority.JUDICIAL,
        authority_name="Amtsgericht Tiergarten",
        requested_at=asked,
        decided_at=None if decided is None else asked + timedelta(hours=decided),
        granted=granted,
    )
    return attrs.evolve(request, authorization=authorization)


def _record(request: SearchRequest, **fields: Any) -> SearchRecord:  # noqa: ANN401 - any field of a record
    """A log line: the use notified to the authorities the day after, unless said otherwise."""
    assert request.performed_at is not None  # noqa: S101 - every sample use was run
    defaults: dict[str, Any] = {
        "request": request,
        "candidates_returned": 1,
        "human_review": True,
        "notified_at": request.performed_at + timedelta(days=1),
    }
    return SearchRecord(**(defaults | fields))


def records() -> list[SearchRecord]:
    """The scenarios, a line each."""
    law = frpolicy.jurisdiction("EU").versions[0]
    agency = {a.id: a for a in frpolicy.jurisdiction("EU").agencies}
    nice, politie = agency["PM-NICE"], agency["POLITIE"]
    one = _request(1)
    two = _authorization(_urgent(2), hours=6, decided=1)
    three = _authorization(
        _urgent(3, purpose=Purpose.PREVENT_TERRORIST_ATTACK), hours=30, decided=2
    )
    four = _authorization(_urgent(4), hours=3, decided=2, granted=False)
    refused_at = four.authorization.decided_at if four.authorization else None
    assert refused_at is not None  # noqa: S101 - scenario 4 is refused
    five = _urgent(5, harm=Harm.SERIOUS_PHYSICAL_INJURY)
    twelve = _authorization(_urgent(12), hours=1, decided=1, granted=False)
    refused_twelve = twelve.authorization.decided_at if twelve.authorization else None
    assert refused_twelve is not None  # noqa: S101 - scenario 12 is refused
    return [
        # 1: a missing child at Berlin Hauptbahnhof, authorised by a court beforehand: permitted
        _record(attrs.evolve(one, authorization=_granted(one))),
        # 2: an abducted child, started in urgency, authorisation asked 6 hours on: in time
        _record(two),
        # 3: a terrorist threat, started in urgency, authorisation asked 30 hours on: late
        _record(three),
        # 4: started in urgency, authorisation refused 5 hours on; use stopped at the refusal,
        #    its data deleted two days later: the deletion is late
        _record(four, stopped_at=refused_at, deleted_at=refused_at + timedelta(days=2)),
        # 5: started in urgency, authorisation never asked for, the use never notified
        _record(five, notified_at=None),
        # 6: a suspect of armed robbery, authorised: the state has not opted in for suspects
        _record(
            attrs.evolve(
                _request(
                    6,
                    purpose=Purpose.CRIMINAL_INVESTIGATION,
                    offense=law.offense("DE-StGB-250"),
                    suspicion=Suspicion.REASONABLE_SUSPICION,
                ),
                authorization=_granted(_request(6)),
            )
        ),
        # 7: a shoplifter sought on the concourse: no objective of Article 5(1)(h)
        _record(
            _request(
                7,
                purpose=Purpose.CRIMINAL_INVESTIGATION,
                offense=law.offense("DE-StGB-242"),
                suspicion=Suspicion.REASONABLE_SUSPICION,
            )
        ),
        # 8: real time in a police station's custody suite: not a publicly accessible space
        _record(_request(8, publicly_accessible=False), notified_at=None),
        # 9: a still from a station camera searched afterwards, in 2025: Article 26(10) does
        #    not apply before 2 December 2027
        _record(
            _request(
                9,
                real_time=False,
                probe=ProbeImage(
                    kind=MediaKind.STILL_IMAGE, source=ImageSource.SURVEILLANCE_CAMERA
                ),
                purpose=Purpose.CRIMINAL_INVESTIGATION,
                offense=law.offense("DE-StGB-249"),
            ),
            notified_at=None,
        ),
        # 10: the Nice municipal police, a missing person, authorised by the prefecture (an
        #     administrative authority, not shown independent): no prior authorisation
        _record(
            attrs.evolve(
                _request(10, requesting_agency=nice, performing_agency=nice),
                authorization=attrs.evolve(
                    _granted(_request(10)),
                    authority=Authority.ADMINISTRATIVE,
                    authority_name="Préfecture des Alpes-Maritimes",
                ),
            )
        ),
        # 11: the Netherlands police, a missing person, authorised, but the system's impact
        #     was never assessed
        _record(
            attrs.evolve(
                _request(
                    11,
                    requesting_agency=politie,
                    performing_agency=politie,
                    technology=Technology(
                        name="Realtime gezichtsherkenning", registered_at=SYSTEM.registered_at
                    ),
                ),
                authorization=_granted(_request(11)),
            )
        ),
        # 12: started in urgency, refused 2 hours on; stopped and its data deleted at once
        _record(twelve, stopped_at=refused_twelve, deleted_at=refused_twelve),
    ]


def main() -> None:
    """Write the log."""
    lines = [frpolicy.to_json(record) for record in records()]
    (HERE / "eu_search_log.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
