# ruff: noqa: INP001, PLR2004, S311 - a script run by path; its probabilities are the data; no secrets
"""Write the sample Massachusetts search log and case timelines, from a fixed seed.

Run from the repository root::

    python examples/generate.py

It writes, into the package's samples (``src/frpolicy/examples/``, read by
:mod:`frpolicy.examples`), ``ma_search_log.jsonl`` (one :class:`frpolicy.SearchRecord` a
line: requests across 2024) and ``ma_cases.jsonl`` (one :class:`frpolicy.CaseRecord` a
line: the criminal cases of people the searches identified). The mix is meant to exercise
every provision of G.L. c.6 §220 as in force and as the 2023 bill would rewrite it:

- State Police searches for local departments on a court order (the practice under current
  law), on a felony warrant, on both, or on a warrant for a misdemeanor or an expired one;
- emergencies, with a supervisory sworn statement filed in the superior court in time, late,
  by a non-supervisory officer, in the wrong court, or never;
- local departments searching by themselves; the State Police asking the FBI, and searching
  at the FBI's request; a child-welfare agency asking the State Police; a local department
  asking a federal agency other than the FBI;
- identifications of deceased people; the Registry's own licensing checks, and its searches
  for police on a court order;
- video and emotion-inference requests; requests refused and never performed;
- searches documented and reported on time, late, or never;
- notices to defendants complete, late, partial or missing.

The data are invented; only the shape of the practice is realistic. Only the standard
library's :mod:`random` is used, with a fixed seed, so the files are the same on every run.
``--requests N`` and ``--seed S`` make other logs of the same mix (for load tests).
"""

from __future__ import annotations

import argparse
import random
from collections.abc import Callable
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import attrs

import frpolicy
from frpolicy import (
    Agency,
    AgencyKind,
    Analysis,
    CaseRecord,
    Classification,
    CourtKind,
    CourtOrder,
    Database,
    Disclosure,
    Emergency,
    Harm,
    ImageSource,
    MediaKind,
    Notice,
    Offense,
    Officer,
    ProbeImage,
    Purpose,
    SearchRecord,
    SearchRequest,
    SwornStatement,
    Technology,
    Warrant,
)

SEED = 20240101
REQUESTS = 400
# the samples ship inside the package, so an installed frpolicy has them
HERE = Path(__file__).resolve().parent.parent / "src" / "frpolicy" / "examples"
BOSTON = ZoneInfo("America/New_York")
YEAR_START = datetime(2024, 1, 1, tzinfo=BOSTON)

MSP = Agency(
    id="MSP",
    name="Massachusetts State Police",
    kind=AgencyKind.STATE_POLICE,
    unit="Commonwealth Fusion Center",
)
RMV = Agency(id="RMV", name="Registry of Motor Vehicles", kind=AgencyKind.MOTOR_VEHICLE_REGISTRY)
FBI = Agency(id="FBI", name="Federal Bureau of Investigation", kind=AgencyKind.FBI)
HSI = Agency(id="HSI", name="Homeland Security Investigations", kind=AgencyKind.FEDERAL)
DCF = Agency(
    id="DCF", name="Department of Children and Families", kind=AgencyKind.OTHER_PUBLIC_AGENCY
)
LOCAL = tuple(
    Agency(id=code, name=name, kind=AgencyKind.LOCAL_POLICE)
    for code, name in (
        ("BPD", "Boston Police Department"),
        ("WPD", "Worcester Police Department"),
        ("SPD", "Springfield Police Department"),
        ("LPD", "Lowell Police Department"),
        ("CPD", "Cambridge Police Department"),
    )
)
APPROVED = Technology(name="Registry face search", vendor="IDEMIA", approved=True)
UNAPPROVED = Technology(name="Commercial face search", vendor="Clearview AI", approved=False)
ALL_DISCLOSURES = frozenset(Disclosure)
JUDGES = ("A. Ames", "B. Brennan", "C. Cruz", "D. Dwyer", "E. Egan")


class Generator:
    """One seeded run: the random source and the counters that number what it makes."""

    def __init__(self, seed: int) -> None:
        """Seed the run."""
        self.rng = random.Random(seed)
        offenses = frpolicy.jurisdiction("US-MA").version("H.1728").offenses
        self.felonies = [o for o in offenses if o.classification is Classification.FELONY]
        self.misdemeanors = [o for o in offenses if o.classification is not Classification.FELONY]
        self.count = 0
        self.cases = 0

    # -- pieces ---------------------------------------------------------------------------

    def moment(self) -> datetime:
        """A working-hours moment in 2024, Boston time."""
        day = YEAR_START + timedelta(days=self.rng.randrange(366))
        return day.replace(hour=self.rng.randrange(7, 22), minute=self.rng.randrange(60))

    def later(self, start: datetime, low_hours: float, high_hours: float) -> datetime:
        """A moment between ``low_hours`` and ``high_hours`` after ``start``."""
        hours = self.rng.uniform(low_hours, high_hours)
        return (start + timedelta(hours=hours)).replace(second=0, microsecond=0)

    def officer(self, agency: Agency, *, supervisory: bool = False) -> Officer:
        """An officer of the agency."""
        rank = "Lieutenant" if supervisory else self.rng.choice(("Detective", "Trooper", "Officer"))
        return Officer(
            id=f"{agency.id}-{self.rng.randrange(100, 999)}",
            agency_id=agency.id,
            rank=rank,
            supervisory=supervisory,
        )

    def warrant(self, at: datetime, offense: Offense, *, expired: bool = False) -> Warrant:
        """A superior-court warrant naming the offense, issued before ``at``."""
        issued = self.later(at, -96, -2)
        expires = self.later(issued, 1, 24) if expired else issued + timedelta(days=10)
        if expired:
            expires = min(expires, at - timedelta(hours=1))
        return Warrant(
            case_number=f"24{self.rng.randrange(10, 99)}CR{self.rng.randrange(1000, 9999)}",
            court=CourtKind.SUPERIOR_COURT,
            judge=self.rng.choice(JUDGES),
            issued_at=issued,
            expires_at=expires,
            offense_codes=frozenset({offense.code}),
            subject="the person shown in the probe image",
            authorizes_facial_recognition=True,
        )

    def court_order(self, at: datetime) -> CourtOrder:
        """A district-court order for the search, issued before ``at``."""
        issued = self.later(at, -72, -1)
        return CourtOrder(
            docket_number=f"24{self.rng.randrange(10, 99)}MO{self.rng.randrange(100, 999)}",
            court=CourtKind.DISTRICT_COURT,
            judge=self.rng.choice(JUDGES),
            issued_at=issued,
            expires_at=issued + timedelta(days=14),
            authorizes_facial_recognition=True,
        )

    def emergency(self, performed: datetime, filing: str) -> Emergency:
        """A declared emergency, and its sworn statement as ``filing`` says."""
        declared = self.later(performed, -3, -0.25)
        harm = self.rng.choice((Harm.DEATH, Harm.SERIOUS_PHYSICAL_INJURY))
        statement = None
        if filing != "never":
            hours = {"late": (50, 120)}.get(filing, (2, 46))
            statement = SwornStatement(
                filed_at=self.later(performed, *hours),
                filed_by=self.officer(MSP, supervisory=filing != "not_supervisory").id,
                supervisory=filing != "not_supervisory",
                court=CourtKind.DISTRICT_COURT
                if filing == "wrong_court"
                else CourtKind.SUPERIOR_COURT,
                grounds="an armed person threatening others",
            )
        return Emergency(
            harm=harm,
            immediate=True,
            declared_by=self.officer(MSP, supervisory=True).id,
            declared_at=declared,
            facts="a person armed and threatening others; identity needed at once",
            documented=True,
            sworn_statement=statement,
        )

    def probe(self, kind: MediaKind = MediaKind.STILL_IMAGE) -> ProbeImage:
        """A probe image from a usual source."""
        source = self.rng.choice(
            (ImageSource.SURVEILLANCE_CAMERA, ImageSource.SOCIAL_MEDIA, ImageSource.WITNESS)
        )
        return ProbeImage(kind=kind, source=source)

    # -- scenarios ------------------------------------------------------------------------

    def request(  # noqa: PLR0913 - a request has many parts; each scenario sets a few
        self,
        *,
        requester: Agency,
        performer: Agency = MSP,
        purpose: Purpose = Purpose.CRIMINAL_INVESTIGATION,
        offense: Offense | None = None,
        warrant: bool = False,
        expired: bool = False,
        court_order: bool = False,
        emergency: str | None = None,
        kind: MediaKind = MediaKind.STILL_IMAGE,
        analysis: Analysis = Analysis.IDENTIFICATION,
        technology: Technology = APPROVED,
        written: bool = True,
        performed: bool = True,
    ) -> SearchRequest:
        """A request, performed unless said otherwise, with the authorizations asked for."""
        self.count += 1
        at = self.moment()
        submitted = self.later(at, -30, -0.5)
        return SearchRequest(
            id=f"MA-2024-{self.count:04d}",
            requesting_agency=requester,
            performing_agency=performer,
            purpose=purpose,
            probe=self.probe(kind),
            technology=technology,
            submitted_at=submitted,
            requesting_officer=self.officer(requester),
            offense=offense,
            warrant=self.warrant(at, offense, expired=expired) if warrant and offense else None,
            court_order=self.court_order(at) if court_order else None,
            emergency=self.emergency(at, emergency) if emergency else None,
            databases=frozenset({Database.MOTOR_VEHICLE_RECORDS, Database.BOOKING_PHOTOS}),
            analysis=analysis,
            written_request=written,
            performed_at=at if performed else None,
        )

    def scenario(self) -> SearchRequest:  # noqa: C901, PLR0911, PLR0912 - a branch per kind of search
        """One request, drawn from the mix of practice."""
        rng = self.rng
        local = rng.choice(LOCAL)
        felony = rng.choice(self.felonies)
        roll = rng.random()
        if roll < 0.20:  # the practice under current law: a court order, through the State Police
            return self.request(requester=local, offense=felony, court_order=True)
        if roll < 0.33:  # a felony warrant, as the bill asks
            return self.request(requester=local, offense=felony, warrant=True)
        if roll < 0.40:  # both
            return self.request(requester=local, offense=felony, warrant=True, court_order=True)
        if roll < 0.44:  # a warrant for a misdemeanor
            misdemeanor = rng.choice(self.misdemeanors)
            return self.request(requester=local, offense=misdemeanor, warrant=True)
        if roll < 0.47:  # a warrant that had expired
            return self.request(requester=local, offense=felony, warrant=True, expired=True)
        if roll < 0.58:  # an emergency, with the sworn statement filed well or not
            filing = rng.choice(("timely", "timely", "timely", "late", "never", "not_supervisory"))
            filing = "wrong_court" if rng.random() < 0.1 else filing
            return self.request(requester=MSP, offense=felony, emergency=filing)
        if roll < 0.64:  # a local department searching by itself
            return self.request(
                requester=local, performer=local, offense=felony, technology=UNAPPROVED
            )
        if roll < 0.69:  # a deceased person's identification
            return self.request(requester=local, purpose=Purpose.IDENTIFY_DECEASED)
        if roll < 0.75:  # the Registry's own licensing check
            return self.request(
                requester=RMV, performer=RMV, purpose=Purpose.LICENSE_ISSUANCE, written=False
            )
        if roll < 0.79:  # the Registry searching for the police on a court order
            return self.request(requester=local, performer=RMV, offense=felony, court_order=True)
        if roll < 0.82:  # the State Police asking the FBI, on a warrant
            return self.request(requester=MSP, performer=FBI, offense=felony, warrant=True)
        if roll < 0.85:  # the State Police searching at the FBI's request, on a court order
            return self.request(requester=FBI, offense=felony, court_order=True)
        if roll < 0.87:  # a child-welfare agency asking the State Police, on a court order
            return self.request(requester=DCF, offense=felony, court_order=True)
        if roll < 0.89:  # a local department asking another federal agency, on a court order
            return self.request(requester=local, performer=HSI, offense=felony, court_order=True)
        if roll < 0.93:  # video
            kind = rng.choice((MediaKind.RECORDED_VIDEO, MediaKind.LIVE_VIDEO))
            return self.request(requester=local, offense=felony, warrant=True, kind=kind)
        if roll < 0.96:  # emotion inference
            return self.request(
                requester=local,
                offense=felony,
                court_order=True,
                analysis=Analysis.EMOTION_INFERENCE,
            )
        # asked for without any authority, refused, never performed
        return self.request(requester=local, offense=felony, performed=False)

    def record(self) -> SearchRecord:
        """A search log line: the request, what it returned, and its paperwork."""
        request = self.scenario()
        performed = request.performed_at or request.submitted_at
        documented = self.paperwork(performed, on_time=(1, 72), late=(24 * 20, 24 * 60))
        reported = self.paperwork(performed, on_time=(24 * 7, 24 * 80), late=(24 * 200, 24 * 280))
        return SearchRecord(
            request=request,
            candidates_returned=self.rng.choice((0, 1, 3, 5, 10)),
            human_review=self.rng.random() < 0.9,
            documented_at=documented,
            reported_at=reported,
        )

    def paperwork(
        self, after: datetime, on_time: tuple[float, float], late: tuple[float, float]
    ) -> datetime | None:
        """When a duty was done: mostly on time, sometimes late, sometimes never."""
        roll = self.rng.random()
        if roll < 0.8:
            return self.later(after, *on_time)
        if roll < 0.9:
            return self.later(after, *late)
        return None

    def case(self, record: SearchRecord) -> CaseRecord | None:
        """The case of a person the search identified, if one was charged."""
        request = record.request
        if (
            record.candidates_returned == 0
            or request.purpose is not Purpose.CRIMINAL_INVESTIGATION
            or request.offense is None
            or request.performed_at is None
            or self.rng.random() < 0.4
        ):
            return None
        self.cases += 1
        arraignment = self.later(request.performed_at, 24 * 2, 24 * 20)
        pretrial = self.later(arraignment, 24 * 30, 24 * 60)
        trial = self.later(pretrial, 24 * 60, 24 * 150) if self.rng.random() < 0.3 else None
        notices: tuple[Notice, ...] = ()
        roll = self.rng.random()
        if roll < 0.55:  # complete, before the pretrial conference
            notices = (self.notice(request.id, arraignment, pretrial, ALL_DISCLOSURES),)
        elif roll < 0.7:  # complete, after it
            notices = (self.notice(request.id, pretrial, pretrial + timedelta(days=40)),)
        elif roll < 0.85:  # partial: the fact of the search, not its records
            partial = frozenset({Disclosure.FACIAL_RECOGNITION_USED, Disclosure.SYSTEM})
            notices = (self.notice(request.id, arraignment, pretrial, partial),)
        return CaseRecord(
            id=f"24{self.rng.randrange(10, 99)}CR{self.cases:05d}",
            defendant=f"Defendant {self.cases}",
            search_id=request.id,
            charge_codes=frozenset({request.offense.code}),
            arraignment_at=arraignment,
            pretrial_conference_at=pretrial,
            trial_at=trial,
            notices=notices,
        )

    def notice(
        self,
        search_id: str,
        start: datetime,
        end: datetime,
        disclosures: frozenset[Disclosure] = ALL_DISCLOSURES,
    ) -> Notice:
        """A notice served between ``start`` and ``end``."""
        hours = (end - start).total_seconds() / 3600
        return Notice(
            search_id=search_id,
            served_at=self.later(start, 1, max(hours - 1, 1)),
            disclosures=disclosures,
        )


def write(requests: int, seed: int, directory: Path, emit: Callable[[str], None]) -> None:
    """Write the log, in the order the searches were performed, and the cases."""
    generator = Generator(seed)
    records = sorted(
        (generator.record() for _ in range(requests)),
        key=lambda r: r.request.performed_at or r.request.submitted_at,
    )
    log_path = directory / "ma_search_log.jsonl"
    cases_path = directory / "ma_cases.jsonl"
    with log_path.open("w", encoding="utf-8") as log, cases_path.open("w", encoding="utf-8") as cs:
        for number, record in enumerate(records, start=1):
            # numbered in the order performed, as a unit's log would be
            request = attrs.evolve(record.request, id=f"MA-2024-{number:04d}")
            numbered = attrs.evolve(record, request=request)
            log.write(frpolicy.to_json(numbered) + "\n")
            case = generator.case(numbered)
            if case is not None:
                cs.write(frpolicy.to_json(case) + "\n")
    emit(f"wrote {requests} search records to {log_path}")
    emit(f"wrote {generator.cases} case records to {cases_path}")


def main() -> None:
    """Parse the command line and write the files."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--requests", type=int, default=REQUESTS, help="how many search records")
    parser.add_argument("--seed", type=int, default=SEED, help="the random seed")
    parser.add_argument("--output-dir", type=Path, default=HERE, help="where to write")
    args = parser.parse_args()
    write(args.requests, args.seed, args.output_dir, print)


if __name__ == "__main__":
    main()
