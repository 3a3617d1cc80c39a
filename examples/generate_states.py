# ruff: noqa: INP001 - a script run by path
"""Write the sample Maryland and Washington search logs and case timelines.

Run from the repository root::

    python examples/generate_states.py

It writes, into the package's samples (``src/frpolicy/examples/``, read by
:mod:`frpolicy.examples`), for each state, a search log (one :class:`frpolicy.SearchRecord`
a line) and the criminal cases of the people its searches identified (one
:class:`frpolicy.CaseRecord` a line): ``md_search_log.jsonl`` and ``md_cases.jsonl`` for
Maryland (Crim. Proc. §§2-501 to 2-510), ``wa_search_log.jsonl`` and ``wa_cases.jsonl`` for
Washington (chapter 43.386 RCW). Each line is one scenario, named in its request id's
comment below, so that every provision of each law is exercised once: searches it permits,
refuses and does not govern, duties met, late and never done. The data are invented;
nothing is random, so the files are the same on every run.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

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

# the samples ship inside the package, so an installed frpolicy has them
HERE = Path(__file__).resolve().parent.parent / "src" / "frpolicy" / "examples"
BALTIMORE = ZoneInfo("America/New_York")
SEATTLE = ZoneInfo("America/Los_Angeles")


def _agencies(code: str) -> dict[str, Agency]:
    return {a.id: a for a in frpolicy.jurisdiction(code).agencies}


def _request(number: int, base: datetime, prefix: str, **fields: Any) -> SearchRequest:  # noqa: ANN401 - any field of a request
    """A request asked for at ``base`` plus ``number`` days, performed two hours later."""
    submitted = base + timedelta(days=number * 9)
    defaults: dict[str, Any] = {
        "id": f"{prefix}-{number:04d}",
        "purpose": Purpose.CRIMINAL_INVESTIGATION,
        "probe": ProbeImage(kind=MediaKind.STILL_IMAGE, source=ImageSource.SURVEILLANCE_CAMERA),
        "technology": Technology(name="Face search", vendor="Acme", approved=True),
        "databases": frozenset({Database.MOTOR_VEHICLE_RECORDS, Database.BOOKING_PHOTOS}),
        "submitted_at": submitted,
        "performed_at": submitted + timedelta(hours=2),
        "written_request": True,
    }
    return SearchRequest(**(defaults | fields))


def _record(request: SearchRequest, **fields: Any) -> SearchRecord:  # noqa: ANN401 - any field of a record
    performed = request.performed_at or request.submitted_at
    defaults: dict[str, Any] = {
        "request": request,
        "candidates_returned": 3,
        "human_review": True,
        "documented_at": performed + timedelta(hours=1),
    }
    return SearchRecord(**(defaults | fields))


def _case(record: SearchRecord, days: int, **fields: Any) -> CaseRecord:  # noqa: ANN401 - any field of a case
    """The case of the person a search identified, arraigned ``days`` after the search."""
    performed = record.request.performed_at
    assert performed is not None  # noqa: S101 - only searches performed identify anyone
    arraignment = performed + timedelta(days=days)
    defaults: dict[str, Any] = {
        "id": f"CASE-{record.request.id}",
        "defendant": "J. Doe",
        "search_id": record.request.id,
        "arraignment_at": arraignment,
        "pretrial_conference_at": arraignment + timedelta(days=40),
        "trial_at": arraignment + timedelta(days=120),
        "relied_on_at": performed + timedelta(days=2),
        "corroborated_at": performed + timedelta(days=1),
    }
    return CaseRecord(**(defaults | fields))


def _notice(record: SearchRecord, at: datetime, disclosures: Sequence[Disclosure]) -> Notice:
    return Notice(search_id=record.request.id, served_at=at, disclosures=frozenset(disclosures))


# -- Maryland ---------------------------------------------------------------------------------

MD_DISCOVERY = (
    Disclosure.FACIAL_RECOGNITION_USED,
    Disclosure.SYSTEM,
    Disclosure.DATABASES,
    Disclosure.RESULTS_ACTED_ON,
)


def maryland() -> tuple[list[SearchRecord], list[CaseRecord]]:
    """The Maryland scenarios, one per provision and exception."""
    md = frpolicy.jurisdiction("US-MD")
    law = md.version("2024 Md. Laws ch. 808")
    agency = _agencies("US-MD")
    msp, bpd, mcpd, mva = agency["MDSP"], agency["BALTPD"], agency["MCPD"], agency["MVA"]
    fbi, sao = agency["FBI-BA"], agency["BCSAO"]
    base = datetime(2024, 10, 7, 9, 30, tzinfo=BALTIMORE)
    # §2-510: a year's searches are in the report its agency publishes in January
    reported = {2024: datetime(2025, 1, 21, 10, 0, tzinfo=BALTIMORE)}

    def rec(request: SearchRequest, **fields: Any) -> SearchRecord:  # noqa: ANN401 - any field
        performed = request.performed_at
        year = performed.year if performed is not None else None
        fields.setdefault("reported_at", reported.get(year) if year is not None else None)
        return _record(request, **fields)

    def req(number: int, **fields: Any) -> SearchRequest:  # noqa: ANN401 - any field
        fields.setdefault("requesting_agency", bpd)
        fields.setdefault("performing_agency", msp)
        return _request(number, base, "MD", **fields)

    protest = ProbeImage(
        kind=MediaKind.STILL_IMAGE, source=ImageSource.SOCIAL_MEDIA, protected_activity=True
    )
    records = [
        # 1: a crime of violence, searched by the State Police for Baltimore: in order
        rec(req(1, offense=law.offense("CR-3-202"))),
        # 2: Montgomery County's own search for armed robbery; the discovery comes late
        rec(
            req(
                2,
                requesting_agency=mcpd,
                performing_agency=mcpd,
                offense=law.offense("CR-3-403"),
            )
        ),
        # 3: second-degree assault is in none of the twelve categories: forbidden
        rec(req(3, offense=law.offense("CR-3-203"))),
        # 4: a protester identified without reasonable suspicion: forbidden
        rec(req(4, offense=law.offense("CR-3-802"), probe=protest)),
        # 5: the same, on reasonable suspicion of a hate crime: permitted, but left out of
        # the agency's annual report (§2-510)
        rec(
            req(
                5,
                offense=law.offense("CR-10-304"),
                probe=protest,
                suspicion=Suspicion.REASONABLE_SUSPICION,
            ),
            reported_at=None,
        ),
        # 6: a passer-by in the frame analysed too: forbidden
        rec(
            req(
                6,
                offense=law.offense("CR-2-201"),
                probe=ProbeImage(
                    kind=MediaKind.STILL_IMAGE,
                    source=ImageSource.SURVEILLANCE_CAMERA,
                    bystander=True,
                ),
            )
        ),
        # 7: live video, identified in real time: forbidden (as reported; text not read)
        rec(
            req(
                7,
                offense=law.offense("CR-2-201"),
                probe=ProbeImage(kind=MediaKind.LIVE_VIDEO, source=ImageSource.SURVEILLANCE_CAMERA),
                real_time=True,
            )
        ),
        # 8: identifying a deceased person: §2-507(1)
        rec(req(8, purpose=Purpose.IDENTIFY_DECEASED)),
        # 9: redacting body-camera footage before release: §2-507(2)
        rec(
            req(
                9,
                requesting_agency=bpd,
                performing_agency=bpd,
                purpose=Purpose.REDACTION,
                probe=ProbeImage(
                    kind=MediaKind.RECORDED_VIDEO, source=ImageSource.BODY_WORN_CAMERA
                ),
            )
        ),
        # 10: victims identified in seized media: §2-507(3)
        rec(req(10, purpose=Purpose.SEIZED_MEDIA_ANALYSIS)),
        # 11: the Motor Vehicle Administration searches for Baltimore; relied on alone
        rec(req(11, performing_agency=mva, offense=law.offense("CR-11-207"))),
        # 12: the FBI searching on its own account: not Maryland's to govern
        rec(req(12, requesting_agency=fbi, performing_agency=fbi)),
        # 13: a State's Attorney asks the MVA about a petty theft: governed, and forbidden
        rec(
            req(
                13,
                requesting_agency=sao,
                performing_agency=mva,
                offense=law.offense("CR-7-104-under-100"),
            )
        ),
        # 14: asked for a trespass, refused and never run: no unlawful search
        rec(req(14, offense=law.offense("CR-6-402"), performed_at=None)),
        # 15: inferring emotions is not facial recognition as §2-501 defines it
        rec(req(15, offense=law.offense("CR-2-201"), analysis=Analysis.EMOTION_INFERENCE)),
        # 16: the State Police identify a man threatening suicide, no crime suspected:
        # unrelated to a criminal investigation, §2-507(5)
        rec(
            req(
                16,
                requesting_agency=msp,
                purpose=Purpose.EMERGENCY,
                emergency=Emergency(
                    harm=Harm.DEATH,
                    immediate=True,
                    declared_by="MDSP-0417",
                    declared_at=base + timedelta(days=16 * 9),
                    facts="a man on a bridge threatening to jump",
                ),
            )
        ),
        # 17: plain carrying of a handgun, Crim. Law §4-203(a)(1)(i), is on no list: forbidden
        rec(req(17, offense=law.offense("CR-4-203-a1-i"))),
    ]
    by_number = {int(r.request.id.rsplit("-", 1)[1]): r for r in records}
    first, late, relied = by_number[1], by_number[2], by_number[11]
    # counsel enters an appearance two days after the search: Md. Rule 4-263(h) runs from it
    cases = [
        _case(
            first,
            5,
            first_appearance_at=_after(first, 2),
            notices=(_notice(first, _after(first, 20), MD_DISCOVERY),),
        ),
        _case(
            late,
            5,
            first_appearance_at=_after(late, 2),
            notices=(_notice(late, _after(late, 50), MD_DISCOVERY),),
        ),
        _case(
            relied,
            5,
            first_appearance_at=_after(relied, 2),
            corroborated_at=None,
            notices=(_notice(relied, _after(relied, 15), MD_DISCOVERY[:2]),),
        ),
    ]
    return records, cases


def _after(record: SearchRecord, days: int) -> datetime:
    performed = record.request.performed_at
    assert performed is not None  # noqa: S101 - only searches performed identify anyone
    return performed + timedelta(days=days)


# -- Washington -------------------------------------------------------------------------------


def washington() -> tuple[list[SearchRecord], list[CaseRecord]]:
    """The Washington scenarios, one per provision and exemption."""
    wa = frpolicy.jurisdiction("US-WA")
    law = wa.version("Laws 2020 c 257")
    agency = _agencies("US-WA")
    wsp, seattle, spokane, dol = agency["WSP"], agency["SEAPD"], agency["SPKPD"], agency["DOL"]
    port, fbi, hsi = agency["POS"], agency["FBI-SE"], agency["HSI-SE"]
    base = datetime(2025, 2, 3, 10, 0, tzinfo=SEATTLE)

    def req(number: int, **fields: Any) -> SearchRequest:  # noqa: ANN401 - any field
        fields.setdefault("requesting_agency", seattle)
        fields.setdefault("performing_agency", seattle)
        fields.setdefault("offense", law.offense("RCW-9A.56.200"))
        return _request(number, base, "WA", **fields)

    live = ProbeImage(kind=MediaKind.LIVE_VIDEO, source=ImageSource.SURVEILLANCE_CAMERA)
    warrant = Warrant(
        case_number="25-1-00417-9 SEA",
        court=CourtKind.SUPERIOR_COURT,
        judge="Hon. R. Okafor",
        issued_at=base + timedelta(days=20),
        expires_at=base + timedelta(days=40),
        authorizes_facial_recognition=True,
    )
    missing_order = CourtOrder(
        docket_number="25-2-01188-1 SEA",
        court=CourtKind.SUPERIOR_COURT,
        judge="Hon. M. Chen",
        issued_at=base + timedelta(days=50),
        authorizes_facial_recognition=True,
        purpose=Purpose.IDENTIFY_MISSING,
    )
    records = [
        # 1: a one-off identification for a misdemeanor: no warrant, no offense threshold
        _record(req(1, offense=law.offense("RCW-9A.56.050"))),
        # 2: a service without a notice of intent or accountability report: not permitted
        _record(
            req(
                2,
                requesting_agency=spokane,
                performing_agency=spokane,
                technology=Technology(name="Trial system", vendor="Acme"),
            )
        ),
        # 3: ongoing surveillance under a warrant: permitted
        _record(
            req(
                3,
                requesting_agency=wsp,
                performing_agency=wsp,
                ongoing_surveillance=True,
                warrant=warrant,
            )
        ),
        # 4: real-time identification on live video, with no warrant: forbidden
        _record(req(4, requesting_agency=wsp, performing_agency=wsp, probe=live, real_time=True)),
        # 5: the same in exigent circumstances: permitted
        _record(
            req(
                5,
                requesting_agency=wsp,
                performing_agency=wsp,
                probe=live,
                real_time=True,
                emergency=Emergency(
                    harm=Harm.DEATH,
                    immediate=True,
                    declared_by="WSP-1123",
                    declared_at=base + timedelta(days=45),
                    facts="armed suspect fleeing toward a school",
                ),
            )
        ),
        # 6: tracking a missing child's movements under an ex parte court order: permitted
        _record(
            req(
                6,
                purpose=Purpose.IDENTIFY_MISSING,
                ongoing_surveillance=True,
                court_order=missing_order,
                offense=None,
            )
        ),
        # 7: a search chosen because of the person's political views: forbidden
        _record(req(7, protected_grounds=frozenset({ProtectedGround.POLITICAL_VIEWS}))),
        # 8: a search to record who attended a rally: forbidden
        _record(req(8, purpose=Purpose.RECORD_PROTECTED_ACTIVITY, offense=None)),
        # 9: a sketch from a witness's description: forbidden (recalled, not read)
        _record(
            req(
                9,
                probe=ProbeImage(
                    kind=MediaKind.STILL_IMAGE, source=ImageSource.WITNESS, composite=True
                ),
            )
        ),
        # 10: the Port verifies travellers with a federal agency: exempt, and reported
        _record(
            req(
                10,
                requesting_agency=port,
                performing_agency=port,
                purpose=Purpose.TRAVEL_VERIFICATION,
                offense=None,
            ),
            reported_at=base + timedelta(days=95),
        ),
        # 11: the Department of Licensing's own licensing check: outside the chapter
        _record(
            req(
                11,
                requesting_agency=dol,
                performing_agency=dol,
                purpose=Purpose.LICENSE_ISSUANCE,
                offense=None,
            )
        ),
        # 12: a lawful search never recorded: the record is still owed (no deadline)
        _record(req(12), documented_at=None),
        # 13: relied on unreviewed and uncorroborated, disclosed only at trial
        _record(req(13, offense=law.offense("RCW-9A.36.021")), human_review=False),
        # 14: the FBI searching on its own account: outside the chapter
        _record(req(14, requesting_agency=fbi, performing_agency=fbi)),
        # 15: persistent tracking with no warrant, exigency or order: forbidden
        _record(req(15, analysis=Analysis.TRACKING)),
        # 16: Homeland Security Investigations has the Department of Licensing search its
        # drivers' photos: its system verifies licensees only (RCW 46.20.037(1)): forbidden
        _record(req(16, requesting_agency=hsi, performing_agency=dol)),
    ]
    by_number = {int(r.request.id.rsplit("-", 1)[1]): r for r in records}
    first, unreviewed = by_number[1], by_number[13]
    notice = (Disclosure.FACIAL_RECOGNITION_USED,)
    cases = [
        _case(first, 3, notices=(_notice(first, _after(first, 30), notice),)),
        _case(
            unreviewed,
            3,
            corroborated_at=None,
            notices=(_notice(unreviewed, _after(unreviewed, 3 + 120 + 1), notice),),
        ),
    ]
    return records, cases


def _write(name: str, items: Sequence[SearchRecord | CaseRecord]) -> None:
    lines = [frpolicy.to_json(item) for item in items]
    (HERE / name).write_text("\n".join(lines) + "\n", encoding="utf-8")


def main() -> None:
    """Write the four files."""
    records, cases = maryland()
    _write("md_search_log.jsonl", records)
    _write("md_cases.jsonl", cases)
    records, cases = washington()
    _write("wa_search_log.jsonl", records)
    _write("wa_cases.jsonl", cases)


if __name__ == "__main__":
    main()
