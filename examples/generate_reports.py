# ruff: noqa: INP001, PLR2004, S311 - a script run by path; its probabilities are the data; no secrets
"""Write the sample logs of the Maryland and Washington reports, from a fixed seed.

Run from the repository root::

    python examples/generate_reports.py

It writes two search logs (one :class:`frpolicy.SearchRecord` a line) for the reports
those states require, each a year of searches (2025) and a few records around it:

- ``md_report_log.jsonl``: Maryland agencies' searches for the annual report of Crim.
  Proc. §2-510: two systems, the crimes of the twelve categories and others the law does
  not allow, the exceptions of §2-507, matches acted on (or not recorded), the age, race
  and gender of the people sought, the Motor Vehicle Administration and the FBI searching
  for the police, a request never run, searches of 2024 (before the law, and after) and 2026;
- ``wa_report_log.jsonl``: Washington agencies' searches for the January reports of RCW
  43.386.070(3)-(4): surveillance (ongoing, real-time, tracking) under warrants of several
  judges, expiring in 2025, in 2026 or never recorded, several searches under one warrant,
  surveillance in exigent circumstances, warrants that do not authorize facial recognition,
  and one-off identifications that need none.

The data are invented. Only the standard library's :mod:`random` is used, with a fixed
seed, so the files are the same on every run.
"""

from __future__ import annotations

import random
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import frpolicy
from frpolicy import (
    Agency,
    Analysis,
    CourtKind,
    Database,
    Emergency,
    Gender,
    Harm,
    ImageSource,
    MediaKind,
    Officer,
    ProbeImage,
    Purpose,
    Race,
    SearchRecord,
    SearchRequest,
    Technology,
    Warrant,
)

HERE = Path(__file__).resolve().parent.parent / "src" / "frpolicy" / "examples"
EASTERN = ZoneInfo("America/New_York")
PACIFIC = ZoneInfo("America/Los_Angeles")
SEED = 2025


def _agencies(code: str) -> dict[str, Agency]:
    return {a.id: a for a in frpolicy.jurisdiction(code).agencies}


def _people(rng: random.Random, fields: dict[str, Any]) -> dict[str, Any]:
    """The person sought, as recorded: sometimes in part, sometimes not at all."""
    if rng.random() < 0.1:
        return fields
    fields["subject_race"] = rng.choice([*Race, None])
    fields["subject_gender"] = rng.choice([Gender.FEMALE, Gender.MALE, Gender.NONBINARY, None])
    fields["subject_age"] = rng.choice([None, *range(15, 80)])
    return fields


# -- Maryland -------------------------------------------------------------------------------

SYSTEMS = (
    Technology(name="FaceFinder", vendor="Acme", approved=True),
    Technology(name="Lineup Pro", vendor="Example Systems", approved=True),
)
MD_LISTED = ("CR-2-201", "CR-3-202", "CR-3-403", "CR-3-802", "CR-11-207", "CR-3-1102")
MD_UNLISTED = ("CR-3-203", "CR-6-402")
MD_EXCEPTED = (Purpose.IDENTIFY_MISSING, Purpose.IDENTIFY_DECEASED)


def maryland() -> list[SearchRecord]:
    """A year of Maryland searches, and a few around it, for the annual report."""
    rng = random.Random(SEED)
    law = frpolicy.jurisdiction("US-MD").version("2024 Md. Laws ch. 808")
    agency = _agencies("US-MD")
    police = [agency["MDSP"], agency["BALTPD"], agency["MCPD"]]
    days = (
        [datetime(2024, 9, 12, 10, tzinfo=EASTERN)]  # before the law was in force
        + [datetime(2024, 11, 20 + i, 10, tzinfo=EASTERN) for i in range(3)]
        + [
            datetime(2025, 1, 1, 9, tzinfo=EASTERN) + timedelta(days=rng.randrange(365), hours=h)
            for h in range(60)
        ]
        + [datetime(2026, 1, 5 + i, 10, tzinfo=EASTERN) for i in range(2)]
    )
    records = []
    for number, submitted in enumerate(sorted(days), start=1):
        asker = rng.choice(police)
        roll = rng.random()
        performer = asker if roll < 0.5 else agency["MDSP"]
        if 0.85 <= roll < 0.93:
            performer = agency["MVA"]  # the registry searches for the police
        elif roll >= 0.93:
            performer = agency["FBI-BA"]
        fields: dict[str, Any] = {
            "id": f"MDR-{number:04d}",
            "requesting_agency": asker,
            "performing_agency": performer,
            "purpose": Purpose.CRIMINAL_INVESTIGATION,
            "probe": ProbeImage(kind=MediaKind.STILL_IMAGE, source=ImageSource.SURVEILLANCE_CAMERA),
            "technology": rng.choice(SYSTEMS),
            "databases": frozenset(
                rng.choice(
                    [
                        {Database.MOTOR_VEHICLE_RECORDS},
                        {Database.BOOKING_PHOTOS},
                        {Database.MOTOR_VEHICLE_RECORDS, Database.BOOKING_PHOTOS},
                        {Database.FBI},
                    ]
                )
            ),
            "submitted_at": submitted,
            "performed_at": submitted + timedelta(hours=2),
            "written_request": True,
        }
        kind = rng.random()
        if kind < 0.75:
            fields["offense"] = law.offense(rng.choice(MD_LISTED))
        elif kind < 0.88:
            fields["offense"] = law.offense(rng.choice(MD_UNLISTED))
        else:
            fields["purpose"] = rng.choice(MD_EXCEPTED)
        if number == 7:
            fields["performed_at"] = None  # asked for, never run
        request = SearchRequest(**fields)
        returned = rng.choice([0, 1, 3, 5, 8])
        acted = None if rng.random() < 0.15 else rng.randint(0, min(returned, 2))
        records.append(
            SearchRecord(
                **_people(
                    rng,
                    {
                        "request": request,
                        "candidates_returned": returned,
                        "matches_acted_on": acted,
                        "human_review": True,
                        "documented_at": submitted + timedelta(hours=3),
                    },
                )
            )
        )
    return records


# -- Washington -----------------------------------------------------------------------------

JUDGES = (
    ("Hon. R. Okafor", CourtKind.SUPERIOR_COURT),
    ("Hon. L. Brandt", CourtKind.SUPERIOR_COURT),
    ("Hon. S. Iyer", CourtKind.DISTRICT_COURT),
)


def _surveillance(rng: random.Random) -> dict[str, Any]:
    """One of the three kinds of surveillance of RCW 43.386.080(1)."""
    kind = rng.randrange(3)
    if kind == 0:
        return {"ongoing_surveillance": True}
    if kind == 1:
        return {
            "real_time": True,
            "probe": ProbeImage(kind=MediaKind.LIVE_VIDEO, source=ImageSource.SURVEILLANCE_CAMERA),
        }
    return {"analysis": Analysis.TRACKING}


def washington() -> list[SearchRecord]:
    """Searches under surveillance warrants, and others, for the January reports."""
    rng = random.Random(SEED + 1)
    law = frpolicy.jurisdiction("US-WA").version("Laws 2020 c 257")
    agency = _agencies("US-WA")
    applicants = [agency["WSP"], agency["SEAPD"], agency["SPKPD"]]
    start = datetime(2024, 10, 1, 9, tzinfo=PACIFIC)
    warrants = []
    for number in range(1, 15):
        judge, court = JUDGES[number % len(JUDGES)]
        issued = start + timedelta(days=rng.randrange(420))
        expires = None if number == 13 else issued + timedelta(days=rng.choice([10, 30, 60, 90]))
        warrants.append(
            (
                rng.choice(applicants),
                Warrant(
                    case_number=f"25-1-{number:05d}-{number % 9} SEA",
                    court=court,
                    judge=judge,
                    issued_at=issued,
                    expires_at=expires,
                    subject=f"Subject {number}",
                    # one warrant does not authorize facial recognition
                    authorizes_facial_recognition=number != 11,
                ),
                _people(rng, {}),
            )
        )
    records = []

    def add(asker: Agency, at: datetime, **fields: Any) -> None:  # noqa: ANN401 - any field
        number = len(records) + 1
        person = fields.pop("person", None)
        request = SearchRequest(
            id=f"WAR-{number:04d}",
            requesting_agency=asker,
            performing_agency=asker,
            purpose=Purpose.CRIMINAL_INVESTIGATION,
            probe=fields.pop(
                "probe",
                ProbeImage(kind=MediaKind.RECORDED_VIDEO, source=ImageSource.SURVEILLANCE_CAMERA),
            ),
            technology=Technology(name="Face search", vendor="Acme", approved=True),
            databases=frozenset({Database.BOOKING_PHOTOS}),
            submitted_at=at,
            performed_at=at + timedelta(hours=1),
            offense=law.offense(rng.choice(["RCW-9A.56.200", "RCW-9A.32.030", "RCW-9A.36.021"])),
            requesting_officer=Officer(
                id=f"{asker.id}-{rng.randrange(1000, 9999)}", agency_id=asker.id, rank="Detective"
            ),
            **fields,
        )
        extra = person if person is not None else _people(rng, {})
        records.append(SearchRecord(request=request, candidates_returned=2, **extra))

    for asker, warrant, person in warrants:
        for _ in range(rng.choice([1, 1, 2, 3])):  # searches under the same warrant
            at = warrant.issued_at + timedelta(days=rng.randrange(1, 9))
            add(asker, at, warrant=warrant, person=person, **_surveillance(rng))
    for _ in range(6):  # surveillance in exigent circumstances: no warrant
        at = start + timedelta(days=rng.randrange(450))
        add(
            rng.choice(applicants),
            at,
            emergency=Emergency(
                harm=Harm.DEATH, immediate=True, declared_by="WSP-1", declared_at=at
            ),
            **_surveillance(rng),
        )
    for _ in range(10):  # one-off identifications after the fact: no warrant needed
        add(rng.choice(applicants), start + timedelta(days=rng.randrange(450)))
    records.sort(key=lambda r: r.request.submitted_at)
    return records


def _write(path: Path, records: list[SearchRecord]) -> None:
    path.write_text("".join(frpolicy.to_json(r) + "\n" for r in records), encoding="utf-8")


def main() -> None:
    """Write both logs beside this script."""
    _write(HERE / "md_report_log.jsonl", maryland())
    _write(HERE / "wa_report_log.jsonl", washington())


if __name__ == "__main__":
    main()
