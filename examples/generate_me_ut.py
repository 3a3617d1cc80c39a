# ruff: noqa: INP001 - a script run by path
"""Write the sample Maine and Utah search logs, and Maine's case timelines.

Run from the repository root::

    python examples/generate_me_ut.py

It writes ``me_search_log.jsonl`` and ``me_cases.jsonl`` for Maine (25 M.R.S. §6001: the
Bureau of Motor Vehicles' searches, most of them asked for by other states' and federal
agencies, as its public logs show) and ``ut_search_log.jsonl`` for Utah (Utah Code ch.
77-23e: requests to the Department of Public Safety and searches by other entities). Each
line is one scenario, named in its request id's comment below: searches each law permits,
refuses and does not govern, and duties met or left undone. The data are invented; nothing
is random, so the files are the same on every run.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import attrs

import frpolicy
from frpolicy import (
    Agency,
    CaseRecord,
    Database,
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
AUGUSTA = ZoneInfo("America/New_York")
SALT_LAKE = ZoneInfo("America/Denver")


def _agencies(code: str) -> dict[str, Agency]:
    return {a.id: a for a in frpolicy.jurisdiction(code).agencies}


def _elsewhere(agency: Agency, home: str, name: str) -> Agency:
    """An agency of the same kind as ``agency``, of another place."""
    return attrs.evolve(agency, id=f"{agency.id}-{home}", name=name, home=home, unit=None)


def _request(number: int, base: datetime, prefix: str, **fields: Any) -> SearchRequest:  # noqa: ANN401 - any field of a request
    """A request asked for at ``base`` plus ``number`` weeks, performed two hours later."""
    submitted = base + timedelta(days=number * 7)
    defaults: dict[str, Any] = {
        "id": f"{prefix}-{number:04d}",
        "purpose": Purpose.CRIMINAL_INVESTIGATION,
        "probe": ProbeImage(kind=MediaKind.STILL_IMAGE, source=ImageSource.SURVEILLANCE_CAMERA),
        "technology": Technology(name="Face search", vendor="Acme", approved=True),
        "databases": frozenset({Database.MOTOR_VEHICLE_RECORDS}),
        "submitted_at": submitted,
        "performed_at": submitted + timedelta(hours=2),
        "written_request": True,
    }
    return SearchRequest(**(defaults | fields))


def _record(request: SearchRequest, **fields: Any) -> SearchRecord:  # noqa: ANN401 - any field of a record
    performed = request.performed_at or request.submitted_at
    defaults: dict[str, Any] = {
        "request": request,
        "candidates_returned": 2,
        "human_review": True,
        "documented_at": performed + timedelta(hours=1),
    }
    return SearchRecord(**(defaults | fields))


# -- Maine --------------------------------------------------------------------------------------


def maine() -> tuple[list[SearchRecord], list[CaseRecord]]:
    """The Maine scenarios: the Bureau's searches for Maine and for others, and the bans."""
    law = frpolicy.jurisdiction("US-ME").version("LD 1585")
    agency = _agencies("US-ME")
    bmv, lewiston, bangor = agency["BMV"], agency["LPD"], agency["BPD"]
    new_hampshire = _elsewhere(agency["MSP"], "US-NH", "New Hampshire State Police")
    vermont = _elsewhere(lewiston, "US-VT", "Burlington Police Department")
    base = datetime(2023, 1, 9, 10, 0, tzinfo=AUGUSTA)
    cause = Suspicion.PROBABLE_CAUSE

    def req(number: int, **fields: Any) -> SearchRequest:  # noqa: ANN401 - any field of a request
        return _request(number, base, "ME", **({"performing_agency": bmv} | fields))

    records = [
        # 1: Lewiston police, probable cause of a robbery (Class B): permitted, logged
        _record(
            req(1, requesting_agency=lewiston, offense=law.offense("17-A-651"), suspicion=cause)
        ),
        # 2: the New Hampshire State Police, probable cause of a burglary: permitted, logged
        _record(
            req(
                2, requesting_agency=new_hampshire, offense=law.offense("17-A-401"), suspicion=cause
            )
        ),
        # 3: the DEA, probable cause of aggravated drug trafficking: permitted; never logged
        _record(
            req(
                3,
                requesting_agency=agency["DEA-NE"],
                offense=law.offense("17-A-1105-A"),
                suspicion=cause,
            ),
            documented_at=None,
        ),
        # 4: the State Police, to identify a deceased person: permitted
        _record(req(4, requesting_agency=agency["MSP"], purpose=Purpose.IDENTIFY_DECEASED)),
        # 5: Bangor police, to identify a missing person: permitted
        _record(req(5, requesting_agency=bangor, purpose=Purpose.IDENTIFY_MISSING)),
        # 6: Lewiston police run a vendor's system themselves: the ban
        _record(
            req(
                6,
                requesting_agency=lewiston,
                performing_agency=lewiston,
                databases=frozenset({Database.COMMERCIAL}),
                offense=law.offense("17-A-208"),
                suspicion=cause,
            )
        ),
        # 7: the Medical Examiner asks to identify a deceased person: not law enforcement
        _record(req(7, requesting_agency=agency["OCME"], purpose=Purpose.IDENTIFY_DECEASED)),
        # 8: Bangor police have the New Hampshire State Police search for them: a third party
        _record(
            req(
                8,
                requesting_agency=bangor,
                performing_agency=new_hampshire,
                offense=law.offense("17-A-651"),
                suspicion=cause,
            )
        ),
        # 9: a Vermont department, reasonable suspicion of disorderly conduct: not permitted
        _record(
            req(
                9,
                requesting_agency=vermont,
                offense=law.offense("17-A-501-A"),
                suspicion=Suspicion.REASONABLE_SUSPICION,
            )
        ),
        # 10: the Bureau checks a license applicant for fraud: permitted
        _record(req(10, requesting_agency=bmv, purpose=Purpose.LICENSE_ISSUANCE)),
        # 11: Lewiston police have the FBI search; the match is relied on before it is backed
        _record(
            req(
                11,
                requesting_agency=lewiston,
                performing_agency=agency["FBI-BS"],
                databases=frozenset({Database.FBI}),
                offense=law.offense("17-A-208"),
                suspicion=cause,
            )
        ),
        # 12: the New Hampshire State Police search their own records: not Maine's to govern
        _record(
            req(
                12,
                requesting_agency=new_hampshire,
                performing_agency=new_hampshire,
                offense=law.offense("17-A-651"),
                suspicion=cause,
            )
        ),
    ]
    first, fbi = records[0], records[10]
    cases = [_case(first, corroborated_days=1, relied_days=2), _case(fbi, None, relied_days=1)]
    return records, cases


def _case(record: SearchRecord, corroborated_days: int | None, relied_days: int) -> CaseRecord:
    performed = record.request.performed_at
    assert performed is not None  # noqa: S101 - only searches performed identify anyone
    corroborated = None if corroborated_days is None else performed + timedelta(corroborated_days)
    return CaseRecord(
        id=f"CASE-{record.request.id}",
        defendant="J. Doe",
        search_id=record.request.id,
        arraignment_at=performed + timedelta(days=5),
        relied_on_at=performed + timedelta(days=relied_days),
        corroborated_at=corroborated,
    )


# -- Utah ---------------------------------------------------------------------------------------


def utah() -> list[SearchRecord]:
    """The Utah scenarios: requests to the Department, and comparisons by other entities."""
    law = frpolicy.jurisdiction("US-UT").version("Laws of Utah 2021, ch. 200")
    agency = _agencies("US-UT")
    siac, police, sheriff = agency["DPS-SIAC"], agency["SLCPD"], agency["UCSO"]
    nevada = _elsewhere(police, "US-NV", "Las Vegas Metropolitan Police Department")
    base = datetime(2024, 8, 5, 9, 0, tzinfo=SALT_LAKE)
    narrative = "A store camera recorded the person taking cash at gunpoint."
    reported = datetime(2025, 9, 2, 9, 0, tzinfo=SALT_LAKE)

    def req(number: int, **fields: Any) -> SearchRequest:  # noqa: ANN401 - any field of a request
        defaults = {
            "performing_agency": siac,
            "requesting_agency": police,
            "case_number": f"SL2024-{number:06d}",
            "offense": law.offense("UT-76-6-301"),
            "factual_narrative": narrative,
        }
        return _request(number, base, "UT", **(defaults | fields))

    def identify(purpose: Purpose) -> dict[str, Any]:
        return {"purpose": purpose, "offense": None, "factual_narrative": None}

    records = [
        # 1: Salt Lake City police, a robbery, in writing with a case number: completed
        req(1),
        # 2: a Nevada department asks the Department, aggravated assault: completed
        req(2, requesting_agency=nevada, offense=law.offense("UT-76-5-103")),
        # 3: the FBI asks the Department, murder: completed
        req(3, requesting_agency=agency["FBI-SU"], offense=law.offense("UT-76-5-203")),
        # 4: the sheriff, to identify a deceased person: completed
        req(4, requesting_agency=sheriff, **identify(Purpose.IDENTIFY_DECEASED)),
        # 5: criminal trespass, a class B misdemeanor and not violent: not completed
        req(5, offense=law.offense("UT-76-6-206")),
        # 6: a robbery, but no case identification number: not completed
        req(6, case_number=None),
        # 7: the Department of Workforce Services asks: not a law enforcement agency
        req(7, requesting_agency=agency["DWS"]),
        # 8: city police run driver license photos themselves: the Department's alone
        req(8, performing_agency=police),
        # 9: the sheriff runs its own database without public notice first
        req(
            9,
            performing_agency=sheriff,
            requesting_agency=sheriff,
            databases=frozenset({Database.OTHER}),
            technology=Technology(name="Face search", vendor="Acme", approved=False),
        ),
        # 10: the Driver License Division checks an applicant: completed, no request needed
        req(
            10,
            requesting_agency=agency["DLD"],
            written_request=False,
            case_number=None,
            **identify(Purpose.LICENSE_ISSUANCE),
        ),
        # 11: city police search a commercial database: not an image database of the chapter
        req(11, performing_agency=police, databases=frozenset({Database.COMMERCIAL})),
        # 12: a threat to human life, no crime stated: completed
        req(
            12,
            emergency=Emergency(
                harm=Harm.DEATH,
                immediate=True,
                declared_by="SLCPD-4411",
                declared_at=base + timedelta(days=84),
            ),
            **identify(Purpose.EMERGENCY),
        ),
    ]
    # the annual report between August 1 and October 15 counts them; number 3 was left out
    return [_record(r, reported_at=None if r.id == "UT-0003" else reported) for r in records]


def _write(name: str, items: Sequence[SearchRecord | CaseRecord]) -> None:
    lines = [frpolicy.to_json(item) for item in items]
    (HERE / name).write_text("\n".join(lines) + "\n", encoding="utf-8")


def main() -> None:
    """Write the three files."""
    records, cases = maine()
    _write("me_search_log.jsonl", records)
    _write("me_cases.jsonl", cases)
    _write("ut_search_log.jsonl", utah())


if __name__ == "__main__":
    main()
