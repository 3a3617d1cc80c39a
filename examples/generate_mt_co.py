# ruff: noqa: INP001 - a script run by path
"""Write the sample Montana and Colorado search logs, and Montana's case timelines.

Run from the repository root::

    python examples/generate_mt_co.py

It writes ``mt_search_log.jsonl`` and ``mt_cases.jsonl`` for Montana (MCA 44-15: requests to
the Department of Justice from Montana's police and from elsewhere, searches for victims,
missing and deceased persons, a watchlist, other agencies' verification) and
``co_search_log.jsonl`` for Colorado (C.R.S. 24-18-301 to -309: one-off identifications,
surveillance on each of the four grounds and on none, the protected grounds, the uses
outside the part). Each line is one scenario, named in its request id's comment below:
searches each law permits, refuses and does not govern, and duties met or left undone. The
data are invented; nothing is random, so the files are the same on every run.
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
    Analysis,
    CaseRecord,
    CourtKind,
    CourtOrder,
    Database,
    Disclosure,
    Emergency,
    Harm,
    ImageSource,
    MediaKind,
    Notice,
    ProbeImage,
    ProtectedGround,
    Purpose,
    SearchRecord,
    SearchRequest,
    Suspicion,
    Technology,
    Warrant,
)

HERE = Path(__file__).resolve().parent.parent / "src" / "frpolicy" / "examples"
MOUNTAIN = ZoneInfo("America/Denver")
STILL = ProbeImage(kind=MediaKind.STILL_IMAGE, source=ImageSource.SURVEILLANCE_CAMERA)
LIVE = ProbeImage(kind=MediaKind.LIVE_VIDEO, source=ImageSource.SURVEILLANCE_CAMERA)


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
        "probe": STILL,
        "technology": Technology(name="Face search", vendor="Acme", approved=True),
        "databases": frozenset({Database.BOOKING_PHOTOS}),
        "submitted_at": submitted,
        "performed_at": submitted + timedelta(hours=2),
    }
    return SearchRequest(**(defaults | fields))


def _warrant(request_at: datetime, case: str) -> Warrant:
    return Warrant(
        case_number=case,
        court=CourtKind.DISTRICT_COURT,
        judge="Hon. E. Whitford",
        issued_at=request_at - timedelta(days=1),
        expires_at=request_at + timedelta(days=10),
        authorizes_facial_recognition=True,
    )


def _record(request: SearchRequest, **fields: Any) -> SearchRecord:  # noqa: ANN401 - any field of a record
    performed = request.performed_at or request.submitted_at
    defaults: dict[str, Any] = {
        "request": request,
        "candidates_returned": 3,
        "human_review": True,
        "documented_at": performed + timedelta(hours=1),
    }
    return SearchRecord(**(defaults | fields))


# -- Montana ------------------------------------------------------------------------------------


def montana() -> tuple[list[SearchRecord], list[CaseRecord]]:
    """The Montana scenarios: law enforcement's searches, the ban, and verification."""
    law = frpolicy.jurisdiction("US-MT").version("Laws of Montana 2023, ch. 781")
    agency = _agencies("US-MT")
    dci, billings, sheriff = agency["MTDOJ-DCI"], agency["BILPD"], agency["MCSO"]
    idaho = _elsewhere(dci, "US-ID", "Idaho State Police")
    base = datetime(2024, 1, 8, 9, 0, tzinfo=MOUNTAIN)
    cause = Suspicion.PROBABLE_CAUSE

    def req(number: int, **fields: Any) -> SearchRequest:  # noqa: ANN401 - any field of a request
        at = base + timedelta(days=number * 7)
        defaults: dict[str, Any] = {
            "requesting_agency": billings,
            "performing_agency": dci,
            "offense": law.offense("MCA-45-5-401"),
            "suspicion": cause,
            "warrant": _warrant(at, f"DC-24-{number:04d}"),
        }
        return _request(number, base, "MT", **(defaults | fields))

    def identify(purpose: Purpose) -> dict[str, Any]:
        return {"purpose": purpose, "offense": None, "suspicion": Suspicion.NONE, "warrant": None}

    threat = Emergency(
        harm=Harm.DEATH,
        immediate=True,
        declared_by="BILPD-Lt-3302",
        declared_at=base + timedelta(days=77),
    )
    records = [
        # 1: Billings police, probable cause of a robbery, a warrant: permitted
        req(1),
        # 2: the sheriff, to identify a deceased person: permitted, no warrant needed
        req(2, requesting_agency=sheriff, **identify(Purpose.IDENTIFY_DECEASED)),
        # 3: Billings police, to find a missing person: permitted
        req(3, **identify(Purpose.IDENTIFY_MISSING)),
        # 4: the Idaho State Police ask the Department, aggravated assault, a warrant: permitted
        req(4, requesting_agency=idaho, offense=law.offense("MCA-45-5-202")),
        # 5: a victim of trafficking, on probable cause and a warrant: permitted
        req(5, purpose=Purpose.IDENTIFY_VICTIM, offense=law.offense("MCA-45-5-702")),
        # 6: a robbery, but no warrant and no imminent threat: not permitted
        req(6, warrant=None),
        # 7: a burglary, twenty years but off the closed list: not permitted
        req(7, offense=law.offense("MCA-45-6-204")),
        # 8: the sheriff watches a live feed for a list of wanted faces: forbidden outright
        req(
            8,
            requesting_agency=sheriff,
            performing_agency=sheriff,
            probe=LIVE,
            continuous_surveillance=True,
        ),
        # 9: the Department of Labor and Industry verifies a claimant under its policy
        req(
            9,
            requesting_agency=agency["DLI"],
            performing_agency=agency["DLI"],
            analysis=Analysis.VERIFICATION,
            databases=frozenset({Database.MOTOR_VEHICLE_RECORDS}),
            **identify(Purpose.NON_INVESTIGATIVE),
        ),
        # 10: the Motor Vehicle Division runs a search for the police: forbidden
        req(
            10,
            performing_agency=agency["MVD"],
            databases=frozenset({Database.MOTOR_VEHICLE_RECORDS}),
        ),
        # 11: a kidnapping, a person in imminent danger, no time for a warrant: permitted
        req(11, offense=law.offense("MCA-45-5-302"), warrant=None, emergency=threat),
        # 12: the FBI searches its own records: not Montana's to govern
        req(12, requesting_agency=agency["FBI-BIL"], performing_agency=agency["FBI-BIL"]),
    ]
    # the June 30 and September 1 reports of 2025 count the searches of 2024; number 5 was
    # left out of both
    reported = datetime(2025, 6, 20, 9, 0, tzinfo=MOUNTAIN)
    log = [_record(r, reported_at=None if r.id == "MT-0005" else reported) for r in records]
    cases = [_case(log[0], notice=True), _case(log[10], notice=False)]
    return log, cases


def _case(record: SearchRecord, *, notice: bool) -> CaseRecord:
    performed = record.request.performed_at
    assert performed is not None  # noqa: S101 - only searches performed identify anyone
    served = Notice(
        search_id=record.request.id,
        served_at=performed + timedelta(days=40),
        disclosures=frozenset({Disclosure.FACIAL_RECOGNITION_USED}),
    )
    return CaseRecord(
        id=f"CASE-{record.request.id}",
        defendant="J. Doe",
        search_id=record.request.id,
        arraignment_at=performed + timedelta(days=5),
        trial_at=performed + timedelta(days=120),
        notices=(served,) if notice else (),
        relied_on_at=performed + timedelta(days=3),
        corroborated_at=performed + timedelta(days=2),
    )


# -- Colorado -----------------------------------------------------------------------------------


def colorado() -> list[SearchRecord]:
    """The Colorado scenarios: one-off searches, surveillance on each ground and on none."""
    law = frpolicy.jurisdiction("US-CO").version("2022 Colo. Sess. Laws ch. 463")
    agency = _agencies("US-CO")
    denver, cbi, airport = agency["DENPD"], agency["CBI"], agency["DEN"]
    wyoming = _elsewhere(agency["CSP"], "US-WY", "Wyoming Highway Patrol")
    base = datetime(2024, 3, 4, 9, 0, tzinfo=MOUNTAIN)

    def req(number: int, **fields: Any) -> SearchRequest:  # noqa: ANN401 - any field of a request
        defaults: dict[str, Any] = {
            "requesting_agency": denver,
            "performing_agency": denver,
            "offense": law.offense("CRS-18-4-301"),
        }
        return _request(number, base, "CO", **(defaults | fields))

    def at(number: int) -> datetime:
        return base + timedelta(days=number * 7)

    watch: dict[str, Any] = {"probe": LIVE, "purpose": Purpose.OTHER, "offense": None}
    records = [
        # 1: Denver police identify a robbery suspect from a still: permitted, no warrant
        req(1),
        # 2: Denver police watch a live feed to develop leads in an investigation: permitted
        req(2, probe=LIVE),
        # 3: Denver police watch a live feed under a surveillance warrant: permitted
        req(3, probe=LIVE, warrant=_warrant(at(3), "24SW0003")),
        # 4: the Bureau tracks a person under a warrant; the January report leaves them out
        req(
            4,
            requesting_agency=cbi,
            performing_agency=cbi,
            analysis=Analysis.TRACKING,
            warrant=_warrant(at(4), "24SW0004"),
        ),
        # 5: Denver police watch a rally's live feed, for no investigation, on nothing
        req(5, **watch),
        # 6: Colorado Springs police search a person because of their gender expression
        req(
            6,
            requesting_agency=agency["CSPD"],
            performing_agency=agency["CSPD"],
            protected_grounds=frozenset({ProtectedGround.GENDER_EXPRESSION}),
        ),
        # 7: Denver police search to record who attended a protest
        req(7, purpose=Purpose.RECORD_PROTECTED_ACTIVITY, offense=None),
        # 8: the Division of Motor Vehicles uses a service it never reported on
        req(
            8,
            requesting_agency=agency["CODMV"],
            performing_agency=agency["CODMV"],
            technology=Technology(name="Face match", vendor="Acme", approved=False),
            purpose=Purpose.IDENTIFICATION_DOCUMENT_INVESTIGATION,
            offense=None,
        ),
        # 9: the airport verifies travellers with a federal agency: outside the part
        req(
            9,
            requesting_agency=airport,
            performing_agency=airport,
            purpose=Purpose.TRAVEL_VERIFICATION,
            analysis=Analysis.VERIFICATION,
            offense=None,
        ),
        # 10: Denver police watch a live feed for a missing person, on an ex parte order
        req(
            10,
            probe=LIVE,
            purpose=Purpose.IDENTIFY_MISSING,
            offense=None,
            court_order=CourtOrder(
                docket_number="24CV0010",
                court=CourtKind.DISTRICT_COURT,
                judge="Hon. M. Ortega",
                issued_at=at(10) - timedelta(hours=4),
                authorizes_facial_recognition=True,
                purpose=Purpose.IDENTIFY_MISSING,
            ),
        ),
        # 11: Wyoming asks the Bureau to watch live in an emergency: Colorado has no exigency
        req(
            11,
            requesting_agency=wyoming,
            performing_agency=cbi,
            emergency=Emergency(
                harm=Harm.DEATH, immediate=True, declared_by="WHP-0712", declared_at=at(11)
            ),
            **(watch | {"purpose": Purpose.EMERGENCY}),
        ),
        # 12: the FBI watches its own feed: not Colorado's to govern
        req(12, requesting_agency=agency["FBI-DN"], performing_agency=agency["FBI-DN"], **watch),
    ]
    # the January 2025 reports describe the subjects of the warrants of 2024; number 4's is
    # missing
    reported = datetime(2025, 1, 21, 9, 0, tzinfo=MOUNTAIN)
    return [_record(r, reported_at=None if r.id == "CO-0004" else reported) for r in records]


def _write(name: str, items: Sequence[SearchRecord | CaseRecord]) -> None:
    lines = [frpolicy.to_json(item) for item in items]
    (HERE / name).write_text("\n".join(lines) + "\n", encoding="utf-8")


def main() -> None:
    """Write the three files."""
    records, cases = montana()
    _write("mt_search_log.jsonl", records)
    _write("mt_cases.jsonl", cases)
    _write("co_search_log.jsonl", colorado())


if __name__ == "__main__":
    main()
