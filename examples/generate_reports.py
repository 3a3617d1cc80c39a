# ruff: noqa: INP001, PLR2004, S311 - a script run by path; its probabilities are the data; no secrets
"""Write the sample logs of the reports the law requires, from a fixed seed.

Run from the repository root::

    python examples/generate_reports.py

It writes a search log (one :class:`frpolicy.SearchRecord` a line) for the reports each of
five states requires, each a year of searches and a few records around it:

- ``md_report_log.jsonl``: Maryland agencies' searches for the annual report of Crim.
  Proc. §2-510: two systems, the crimes of the twelve categories and others the law does
  not allow, the exceptions of §2-507, matches acted on (or not recorded), the age, race
  and gender of the people sought, the Motor Vehicle Administration and the FBI searching
  for the police, a request never run, searches of 2024 (before the law, and after) and 2026;
- ``wa_report_log.jsonl``: Washington agencies' searches for the January reports of RCW
  43.386.070(3)-(4): surveillance (ongoing, real-time, tracking) under warrants of several
  judges, expiring in 2025, in 2026 or never recorded, several searches under one warrant,
  surveillance in exigent circumstances, warrants that do not authorize facial recognition,
  and one-off identifications that need none;
- ``me_report_log.jsonl``: the requests Maine's Bureau of Motor Vehicles received in 2024
  (most from other states' police and federal agencies, as its public logs show; some
  refused, some run though the law does not allow them, some never logged), its own
  fraud checks, searches others ran, and requests of 2021 (before the law), 2023 and 2025;
- ``ut_report_log.jsonl``: the requests Utah's Department of Public Safety received in
  2024, for crimes and to identify the deceased, the incapacitated and people under a
  threat to life, with their probable matches and images of several sources; a sheriff's
  comparisons on its own booking photos; comparisons outside the chapter (a commercial or
  the FBI's database); requests refused; and records of 2021 (before the law), 2023, 2025;
- ``va_report_log.jsonl``: the uses of Virginia's police in 2024, the State Police
  searching for local and campus police and the FBI for a county, the fourteen authorized
  uses and uses the law forbids, with the people whose images were queried; a motor
  vehicle fraud check outside the sections; and searches under the bans of 2022 and 2026.

The data are invented. Only the standard library's :mod:`random` is used, with a fixed
seed, so the files are the same on every run.
"""

from __future__ import annotations

import random
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import attrs

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
    Suspicion,
    Technology,
    Warrant,
)

HERE = Path(__file__).resolve().parent.parent / "src" / "frpolicy" / "examples"
EASTERN = ZoneInfo("America/New_York")
PACIFIC = ZoneInfo("America/Los_Angeles")
MOUNTAIN = ZoneInfo("America/Denver")
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


def _elsewhere(agency: Agency, home: str, name: str) -> Agency:
    """An agency of the same kind as ``agency``, of another place."""
    return attrs.evolve(agency, id=f"{agency.id}-{home}", name=name, home=home, unit=None)


def _days(rng: random.Random, year: int, count: int, zone: ZoneInfo) -> list[datetime]:
    """``count`` working hours on random days of ``year``."""
    start = datetime(year, 1, 1, 9, tzinfo=zone)
    return [
        start + timedelta(days=rng.randrange(365), hours=rng.randrange(8)) for _ in range(count)
    ]


# -- Maine ----------------------------------------------------------------------------------

ME_SERIOUS = ("17-A-651", "17-A-401", "17-A-1105-A", "17-A-208", "17-A-353-C", "17-A-201")
ME_NOT_SERIOUS = ("17-A-501-A", "17-A-402")


def maine() -> list[SearchRecord]:
    """The requests the Bureau of Motor Vehicles received in 2024, and records around them."""
    rng = random.Random(SEED + 2)
    law = frpolicy.jurisdiction("US-ME").version("LD 1585")
    agency = _agencies("US-ME")
    bmv = agency["BMV"]
    police = agency["LPD"]
    others = [
        _elsewhere(agency["MSP"], "US-RI", "Rhode Island State Police"),
        _elsewhere(police, "US-GA", "Atlanta Police Department"),
        _elsewhere(police, "US-WI", "Milwaukee Police Department"),
        _elsewhere(agency["MSP"], "US-MA", "Massachusetts State Police"),
        _elsewhere(police, "US-PA", "Philadelphia Police Department"),
        _elsewhere(police, "US-IL", "Chicago Police Department"),
        _elsewhere(police, "US-NY", "Albany Police Department"),
    ]
    federal = [agency["DEA-NE"], agency["FBI-BS"]]
    maine_police = [agency["MSP"], police, agency["BPD"]]
    records: list[SearchRecord] = []

    def add(at: datetime, asker: Agency, **fields: Any) -> None:  # noqa: ANN401 - any field
        performer = fields.pop("performing_agency", bmv)
        refused = fields.pop("refused", False)
        logged = fields.pop("logged", True)
        fields.setdefault("offense", None)
        request = SearchRequest(
            id=f"MER-{len(records) + 1:04d}",
            requesting_agency=asker,
            performing_agency=performer,
            purpose=fields.pop("purpose", Purpose.CRIMINAL_INVESTIGATION),
            probe=ProbeImage(
                kind=MediaKind.STILL_IMAGE,
                source=rng.choice([ImageSource.SURVEILLANCE_CAMERA, ImageSource.SOCIAL_MEDIA]),
            ),
            technology=Technology(name="BMV photo comparison", vendor="Example Systems"),
            databases=fields.pop("databases", frozenset({Database.MOTOR_VEHICLE_RECORDS})),
            submitted_at=at,
            performed_at=None if refused else at + timedelta(hours=rng.choice([2, 26, 50])),
            written_request=True,
            **fields,
        )
        returned = 0 if refused else rng.choice([0, 1, 1, 2, 3])
        records.append(
            SearchRecord(
                request=request,
                candidates_returned=returned,
                human_review=True,
                documented_at=at + timedelta(hours=1) if logged else None,
            )
        )

    def crime(codes: tuple[str, ...]) -> dict[str, Any]:
        return {"offense": law.offense(rng.choice(codes)), "suspicion": Suspicion.PROBABLE_CAUSE}

    for at in sorted(_days(rng, 2024, 30, EASTERN)):
        roll = rng.random()
        if roll < 0.55:
            asker = rng.choice(others)
        elif roll < 0.75:
            asker = rng.choice(federal)
        else:
            asker = rng.choice(maine_police)
        kind = rng.random()
        if kind < 0.7:
            add(at, asker, **crime(ME_SERIOUS), logged=rng.random() > 0.1)
        elif kind < 0.8:
            add(
                at, asker, purpose=rng.choice([Purpose.IDENTIFY_DECEASED, Purpose.IDENTIFY_MISSING])
            )
        elif kind < 0.9:
            # no serious crime: refused, or (now and then) run all the same
            fields = crime(ME_NOT_SERIOUS)
            add(at, asker, **fields, refused=rng.random() < 0.6)
        else:
            # reasonable suspicion only: refused
            fields = crime(ME_SERIOUS) | {"suspicion": Suspicion.REASONABLE_SUSPICION}
            add(at, asker, **fields, refused=True)
    year = datetime(2024, 3, 4, 10, tzinfo=EASTERN)
    # the Medical Examiner asks to identify a deceased person: not law enforcement
    add(year, agency["OCME"], purpose=Purpose.IDENTIFY_DECEASED)
    # the Bureau checks license applicants for fraud, for itself
    add(year + timedelta(days=40), bmv, purpose=Purpose.LICENSE_ISSUANCE)
    add(year + timedelta(days=90), bmv, purpose=Purpose.IDENTIFICATION_DOCUMENT_INVESTIGATION)
    # searches the Bureau did not run: not in its log
    add(
        year + timedelta(days=20),
        police,
        performing_agency=agency["FBI-BS"],
        databases=frozenset({Database.FBI}),
        **crime(ME_SERIOUS),
    )
    add(year + timedelta(days=60), police, performing_agency=police, **crime(ME_SERIOUS))
    add(year + timedelta(days=75), others[0], performing_agency=others[0], **crime(ME_SERIOUS))
    # records of other years: before the law, 2023 and 2025
    add(datetime(2021, 9, 20, 10, tzinfo=EASTERN), others[1], **crime(ME_SERIOUS))
    add(datetime(2023, 12, 31, 23, 30, tzinfo=EASTERN), others[2], **crime(ME_SERIOUS))
    add(datetime(2025, 1, 2, 9, tzinfo=EASTERN), federal[0], **crime(ME_SERIOUS))
    records.sort(key=lambda r: r.request.submitted_at)
    return [
        attrs.evolve(r, request=attrs.evolve(r.request, id=f"MER-{n:04d}"))
        for n, r in enumerate(records, 1)
    ]


# -- Utah -----------------------------------------------------------------------------------

UT_CRIMES = (
    "UT-76-6-301",
    "UT-76-5-103",
    "UT-76-5-203",
    "UT-58-37-8",
    "UT-76-6-202",
    "UT-76-6-404-F3",
)
UT_SOURCES = (
    ImageSource.SURVEILLANCE_CAMERA,
    ImageSource.SURVEILLANCE_CAMERA,
    ImageSource.SOCIAL_MEDIA,
    ImageSource.BODY_WORN_CAMERA,
    ImageSource.WITNESS,
)


def utah() -> list[SearchRecord]:
    """The requests Utah's Department of Public Safety received in 2024, and others."""
    rng = random.Random(SEED + 3)
    law = frpolicy.jurisdiction("US-UT").version("Laws of Utah 2021, ch. 200")
    agency = _agencies("US-UT")
    siac, sheriff = agency["DPS-SIAC"], agency["UCSO"]
    nevada = _elsewhere(agency["SLCPD"], "US-NV", "Las Vegas Metropolitan Police Department")
    askers = [agency["SLCPD"], sheriff, agency["UHP"], agency["SLCODA"], nevada, agency["FBI-SU"]]
    records: list[SearchRecord] = []

    def add(at: datetime, asker: Agency, **fields: Any) -> None:  # noqa: ANN401 - any field
        refused = fields.pop("refused", False)
        defaults: dict[str, Any] = {
            "id": "UTR",
            "requesting_agency": asker,
            "performing_agency": siac,
            "purpose": Purpose.CRIMINAL_INVESTIGATION,
            "probe": ProbeImage(kind=MediaKind.STILL_IMAGE, source=rng.choice(UT_SOURCES)),
            "technology": Technology(name="Face search", vendor="Acme", approved=True),
            "databases": frozenset(
                rng.choice(
                    [
                        {Database.MOTOR_VEHICLE_RECORDS},
                        {Database.MOTOR_VEHICLE_RECORDS},
                        {Database.BOOKING_PHOTOS},
                        {Database.MOTOR_VEHICLE_RECORDS, Database.BOOKING_PHOTOS},
                    ]
                )
            ),
            "submitted_at": at,
            "performed_at": None if refused else at + timedelta(hours=rng.choice([1, 4, 24])),
            "written_request": True,
            "case_number": f"{asker.id}-24-{rng.randrange(10000, 99999)}",
            "offense": None,
        }
        request = SearchRequest(**(defaults | fields))
        returned = 0 if refused else rng.choice([0, 1, 2, 3, 5])
        records.append(
            SearchRecord(
                request=request,
                candidates_returned=returned,
                human_review=True,
                documented_at=at + timedelta(hours=2),
            )
        )

    def crime(*codes: str) -> dict[str, Any]:
        return {
            "offense": law.offense(rng.choice(codes or UT_CRIMES)),
            "factual_narrative": "A camera recorded the person at the scene of the crime.",
        }

    for at in sorted(_days(rng, 2024, 40, MOUNTAIN)):
        asker = rng.choice(askers)
        kind = rng.random()
        if kind < 0.7:
            add(at, asker, **crime())
        elif kind < 0.78:
            add(at, asker, purpose=Purpose.IDENTIFY_DECEASED)
        elif kind < 0.84:
            add(at, asker, purpose=Purpose.IDENTIFY_INCAPACITATED)
        elif kind < 0.9:
            add(
                at,
                asker,
                purpose=Purpose.EMERGENCY,
                emergency=Emergency(
                    harm=Harm.DEATH, immediate=True, declared_by=f"{asker.id}-1", declared_at=at
                ),
            )
        elif kind < 0.95:
            # a misdemeanor that is no violent crime: refused
            add(at, asker, **crime("UT-76-6-206", "UT-76-9-102"), refused=True)
        else:
            # no case identification number: refused
            add(at, asker, **crime(), case_number=None, refused=True)
    day = datetime(2024, 2, 5, 10, tzinfo=MOUNTAIN)
    own = {
        "requesting_agency": sheriff,
        "performing_agency": sheriff,
        "databases": frozenset({Database.OTHER}),
    }
    # the sheriff compares images with the photos it takes at its jail, after public notice
    for n in range(4):
        add(day + timedelta(days=45 * n), sheriff, **own, **crime())
    # comparisons outside the chapter: a commercial database, the FBI's
    add(
        day + timedelta(days=10),
        agency["SLCPD"],
        performing_agency=agency["SLCPD"],
        databases=frozenset({Database.COMMERCIAL}),
        **crime(),
    )
    add(
        day + timedelta(days=30),
        agency["FBI-SU"],
        performing_agency=agency["FBI-SU"],
        databases=frozenset({Database.FBI}),
        **crime(),
    )
    # the Department of Workforce Services asks: not law enforcement, refused
    add(day + timedelta(days=50), agency["DWS"], **crime(), refused=True)
    # records of other years: before the law, 2023 and 2025
    add(datetime(2021, 4, 20, 10, tzinfo=MOUNTAIN), agency["SLCPD"], **crime())
    add(datetime(2023, 12, 29, 15, tzinfo=MOUNTAIN), agency["SLCPD"], **crime())
    add(datetime(2025, 1, 3, 9, tzinfo=MOUNTAIN), nevada, **crime())
    records.sort(key=lambda r: r.request.submitted_at)
    return [
        attrs.evolve(r, request=attrs.evolve(r.request, id=f"UTR-{n:04d}"))
        for n, r in enumerate(records, 1)
    ]


# -- Virginia -------------------------------------------------------------------------------

VA_SYSTEM = Technology(name="FaceFinder", vendor="Acme", approved=True, tested_accuracy=9920)
VA_UNAPPROVED = Technology(name="Lineup Pro", vendor="Example Systems", approved=False)
VA_SUSPECTED = (
    "VA-18.2-58",
    "VA-18.2-51",
    "VA-18.2-95",
    "VA-18.2-47",
    "VA-18.2-96",
    "VA-18.2-186.3",
)
VA_AUTHORIZED = (
    Purpose.IDENTIFY_MISSING,
    Purpose.IDENTIFY_DECEASED,
    Purpose.IDENTIFY_VICTIM,
    Purpose.IDENTIFY_DETAINED,
    Purpose.IDENTIFY_CONCEALING_IDENTITY,
    Purpose.IDENTIFY_WITNESS,
)


def virginia() -> list[SearchRecord]:
    """A year of Virginia's police uses of facial recognition (2024), and records around it."""
    rng = random.Random(SEED + 4)
    law = frpolicy.jurisdiction("US-VA").version("2022 Va. Acts ch. 737")
    agency = _agencies("US-VA")
    state_police = agency["VSP"]
    local = [agency["FCPD"], agency["RPD"], agency["HCSO"], agency["VTPD"]]
    records: list[SearchRecord] = []

    def add(at: datetime, asker: Agency, **fields: Any) -> None:  # noqa: ANN401 - any field
        defaults: dict[str, Any] = {
            "id": "VAR",
            "requesting_agency": asker,
            "performing_agency": asker,
            "purpose": Purpose.CRIMINAL_INVESTIGATION,
            "probe": ProbeImage(
                kind=MediaKind.STILL_IMAGE,
                source=rng.choice([ImageSource.SURVEILLANCE_CAMERA, ImageSource.SOCIAL_MEDIA]),
            ),
            "technology": VA_SYSTEM,
            "databases": frozenset({rng.choice([Database.BOOKING_PHOTOS, Database.COMMERCIAL])}),
            "submitted_at": at,
            "performed_at": at + timedelta(hours=1),
            "written_request": True,
        }
        request = SearchRequest(**(defaults | fields))
        records.append(
            SearchRecord(
                **_people(
                    rng,
                    {
                        "request": request,
                        "candidates_returned": rng.choice([0, 1, 2, 4]),
                        "human_review": True,
                        "documented_at": at + timedelta(hours=2),
                    },
                )
            )
        )

    def suspect() -> dict[str, Any]:
        return {
            "offense": law.offense(rng.choice(VA_SUSPECTED)),
            "suspicion": Suspicion.REASONABLE_SUSPICION,
        }

    for at in sorted(_days(rng, 2024, 45, EASTERN)):
        asker = rng.choice([state_police, *local])
        roll = rng.random()
        # the State Police run a quarter of the local and campus police's searches for them
        performer = state_police if asker is not state_police and roll < 0.25 else asker
        kind = rng.random()
        if kind < 0.55:
            add(at, asker, performing_agency=performer, **suspect())
        elif kind < 0.62:
            add(
                at,
                asker,
                performing_agency=performer,
                offense=law.offense("VA-18.2-357.1"),
            )
        elif kind < 0.85:
            add(at, asker, performing_agency=performer, purpose=rng.choice(VA_AUTHORIZED))
        elif kind < 0.9:
            # an imminent threat to life
            add(
                at,
                asker,
                performing_agency=performer,
                purpose=Purpose.EMERGENCY,
                emergency=Emergency(
                    harm=Harm.DEATH, immediate=True, declared_by=f"{asker.id}-1", declared_at=at
                ),
            )
        elif kind < 0.95:
            # a crime named, but no reasonable suspicion stated: no authorized use
            add(
                at,
                asker,
                performing_agency=performer,
                offense=law.offense(rng.choice(VA_SUSPECTED)),
            )
        else:
            # a technology the Division of Purchases and Supply has not approved
            add(at, asker, performing_agency=performer, technology=VA_UNAPPROVED, **suspect())
    day = datetime(2024, 5, 6, 10, tzinfo=EASTERN)
    # the FBI searches for Fairfax County: the county's use
    add(
        day,
        agency["FCPD"],
        performing_agency=agency["FBI-NF"],
        databases=frozenset({Database.FBI}),
        **suspect(),
    )
    # Richmond police track an identified person on live video: forbidden
    add(
        day + timedelta(days=30),
        agency["RPD"],
        probe=ProbeImage(kind=MediaKind.LIVE_VIDEO, source=ImageSource.SURVEILLANCE_CAMERA),
        real_time=True,
        analysis=Analysis.TRACKING,
        **suspect(),
    )
    # the Department of Motor Vehicles checks a license application: not police
    add(
        day + timedelta(days=60),
        agency["VADMV"],
        purpose=Purpose.LICENSE_ISSUANCE,
        databases=frozenset({Database.MOTOR_VEHICLE_RECORDS}),
    )
    # asked for, never run
    add(day + timedelta(days=90), agency["HCSO"], performed_at=None, **suspect())
    # under the 2021 ban (June 2022) and the ban again (from July 2026); 2023 and 2025
    add(datetime(2022, 6, 20, 10, tzinfo=EASTERN), agency["FCPD"], **suspect())
    add(datetime(2023, 12, 30, 10, tzinfo=EASTERN), state_police, **suspect())
    add(datetime(2025, 1, 2, 10, tzinfo=EASTERN), agency["RPD"], **suspect())
    add(datetime(2026, 7, 6, 10, tzinfo=EASTERN), agency["RPD"], **suspect())
    records.sort(key=lambda r: r.request.submitted_at)
    return [
        attrs.evolve(r, request=attrs.evolve(r.request, id=f"VAR-{n:04d}"))
        for n, r in enumerate(records, 1)
    ]


def _write(path: Path, records: list[SearchRecord]) -> None:
    path.write_text("".join(frpolicy.to_json(r) + "\n" for r in records), encoding="utf-8")


def main() -> None:
    """Write the logs into the package's examples."""
    _write(HERE / "md_report_log.jsonl", maryland())
    _write(HERE / "wa_report_log.jsonl", washington())
    _write(HERE / "me_report_log.jsonl", maine())
    _write(HERE / "ut_report_log.jsonl", utah())
    _write(HERE / "va_report_log.jsonl", virginia())


if __name__ == "__main__":
    main()
