"""Va. Code §§15.2-1723.2 and 23.1-815.1 as written by 2021 Va. Acts Sp. Sess. I ch. 537.

HB 2031, "Facial recognition technology; approval", passed unanimously and approved with a
technical amendment of the Governor in April 2021: a ban on facial recognition by local and
campus police unless a statute expressly authorizes it. It was in force from 2021-07-01 until
2022 Va. Acts ch. 737 (:mod:`~frpolicy.jurisdictions.us_va.ch737`) rewrote both sections on
2022-07-01; when that act's provisions expire on 2026-07-01, the 2021 text is the law again.
This module makes both versions from one text: :data:`CH537` for 2021-22 and
:data:`CH537_FROM_2026` from 2026.

What was read. The text of §23.1-815.1 as in force from July 1, 2026, with the history
"2021, Sp. Sess. I, c. 537" (instalawyer.io; verification ``text``): the definition, the
exclusion of redaction, the ban on campus police, and what an authorizing statute must
require. §15.2-1723.2's own text of that day was not reached: the ban on local agencies is
taken as the same words, as the Associated Press (2021) and The Virginian-Pilot report the
act ("prohibits all local law enforcement agencies and campus police departments from
purchasing or using facial recognition technology unless it is expressly authorized by the
state legislature"), hence confidence ``medium``. HB 2031 as introduced (an ordinance of the
locality would have sufficed) was read too; it is not what passed.

What it asks, in short: no local law-enforcement agency (a county, city or town police
department, a sheriff's office) and no campus police department purchases or deploys facial
recognition unless a statute that refers to facial recognition expressly authorizes it; no
such statute is in force, so every search they run is forbidden. The State Police, federal
agencies and other states' police are not named: the ban does not reach them.

One question the text leaves open is a named reading (:data:`READINGS`): whether a local
agency "deploys" facial recognition when it asks another body to run a search for it.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date

from frpolicy import conditions as c
from frpolicy.jurisdictions import Invariant, Version, choose_readings
from frpolicy.jurisdictions.us_va.common import CALENDAR, CAMPUS_POLICE, LOCAL_POLICE, cite, source
from frpolicy.jurisdictions.us_va.offenses import OFFENSE_LISTS, OFFENSES
from frpolicy.law import (
    Choice,
    Confidence,
    Instrument,
    InstrumentKind,
    InstrumentStatus,
    Provision,
    Reading,
    Verification,
)
from frpolicy.model import AgencyKind, Analysis, Purpose
from frpolicy.policy import Effect, Outcome, Policy, Rule
from frpolicy.predicates import Predicate

__all__ = ["CH537", "CH537_FROM_2026", "INSTRUMENT", "INSTRUMENT_FROM_2026", "READINGS"]

INSTRUMENT = Instrument(
    id="2021 Va. Acts Sp. Sess. I ch. 537",
    title="Facial recognition technology; approval (HB 2031, 2021 Va. Acts Sp. Sess. I "
    "ch. 537), adding Va. Code §§15.2-1723.2 and 23.1-815.1",
    kind=InstrumentKind.STATUTE,
    status=InstrumentStatus.IN_FORCE,
    effective_from=date(2021, 7, 1),
    effective_until=date(2022, 7, 1),
    url="https://lis.virginia.gov/cgi-bin/legp604.exe?211+sum+HB2031",
)
INSTRUMENT_FROM_2026 = Instrument(
    id="Va. Code §15.2-1723.2 (from 2026-07-01)",
    title="Va. Code §§15.2-1723.2 and 23.1-815.1 as written in 2021 (2021 Va. Acts Sp. Sess. I "
    "ch. 537), in force again when the provisions of 2022 Va. Acts ch. 737 expire",
    kind=InstrumentKind.STATUTE,
    status=InstrumentStatus.IN_FORCE,
    effective_from=date(2026, 7, 1),
    url="https://law.lis.virginia.gov/vacode/title15.2/chapter17/section15.2-1723.2/",
)

_HIGH, _MED, _LOW = Confidence.HIGH, Confidence.MEDIUM, Confidence.LOW
_TEXT = (
    "§23.1-815.1 as in force from July 1, 2026, history '2021, Sp. Sess. I, c. 537' "
    "(instalawyer.io); §15.2-1723.2's text of that day was not read and is taken as the same "
    "words for local agencies, as the AP (2021, wcfcourier.com) and The Virginian-Pilot "
    "(pilotonline.com, 2021-04-08) report the act"
)

# -- readings: where the text admits more than one answer -----------------------------------

DEPLOY = Reading(
    id="va-deploy",
    question="Does a local law-enforcement agency 'deploy' facial recognition when it asks "
    "another body (the State Police, the FBI) to run a search for it?",
    choices=(
        Choice(
            id="own-deployment",
            text="No: the ban reaches the technology a local or campus agency purchases or "
            "runs itself. So the act was understood: the patron of the act that replaced it "
            "said that under it 'local police or campus police could simply call the State "
            "Police to use the technology'.",
        ),
        Choice(
            id="any-use",
            text="Yes: a search run at a local agency's request is the agency's deployment "
            "of the technology, and is banned as well.",
        ),
    ),
    source=source(
        Verification.NEWS,
        _MED,
        "Sen. Surovell to The Virginia Star, March 2022 (az.foramericafirst.com repost); "
        "'deploy' is not defined",
    ),
    citation=cite(INSTRUMENT.id, LOCAL_POLICE, "(B)"),
)
READINGS = (DEPLOY,)
"""The reading this text rests on; the first choice is the one adopted."""

# -- who is bound -----------------------------------------------------------------------------

_LOCAL = AgencyKind.LOCAL_POLICE
VIRGINIA_REQUESTER = c.requested_by_agency_of("US-VA", "Virginia")
VIRGINIA_SEARCHER = c.performed_by_agency_of("US-VA", "Virginia")
# the definition excludes redaction that generates and keeps no biometric data
NOT_REDACTION = ~c.purpose_is(Purpose.REDACTION)


def _deploys(readings: Mapping[str, Reading]) -> Predicate:
    runs = c.performed_by(_LOCAL) & VIRGINIA_SEARCHER
    if readings[DEPLOY.id].chosen == "any-use":
        return runs | (c.requested_by(_LOCAL) & VIRGINIA_REQUESTER)
    return runs


def _scope(readings: Mapping[str, Reading]) -> Predicate:
    return _deploys(readings) & c.IDENTIFY_VERIFY_OR_TRACK & NOT_REDACTION


def _rules(instrument: Instrument, readings: Mapping[str, Reading]) -> tuple[Rule, ...]:
    return (
        # (B) No local law-enforcement agency shall purchase or deploy facial recognition
        # unless a statute expressly authorizes it; none does.
        Rule(
            id="VA-BAN",
            effect=Effect.FORBID,
            when=_deploys(readings),
            citation=cite(instrument.id, LOCAL_POLICE, "(B)"),
            paraphrase="No local law-enforcement agency (nor, under §23.1-815.1(B), campus "
            "police department) shall purchase or deploy facial recognition technology unless "
            "a statute expressly authorizes it; a statute that does not refer to facial "
            "recognition does not. No statute authorizes it, so no search is permitted, "
            "whatever its purpose, warrant or emergency.",
            source=source(Verification.TEXT, _MED, _TEXT),
        ),
    )


def _invariants(readings: Mapping[str, Reading], instrument: Instrument) -> tuple[Invariant, ...]:
    runs = c.performed_by(_LOCAL) & c.performed_by_agency_of("US-VA", "Virginia")
    if readings[DEPLOY.id].chosen == "any-use":
        runs |= c.requested_by(_LOCAL) & c.requested_by_agency_of("US-VA", "Virginia")
    identifies = (
        c.analysis_is(Analysis.IDENTIFICATION)
        | c.analysis_is(Analysis.VERIFICATION)
        | c.analysis_is(Analysis.TRACKING)
    )
    banned = runs & identifies & ~c.purpose_is(Purpose.REDACTION)
    return (
        Invariant(
            id="local-police-banned",
            statement="Every search a Virginia local law-enforcement agency or campus police "
            "department runs with facial recognition (and, under the other reading, asks for) "
            "is forbidden, whatever it is for: no statute expressly authorizes it.",
            holds=~banned,
            outcomes=frozenset({Outcome.PERMITTED, Outcome.NOT_PERMITTED, Outcome.NOT_APPLICABLE}),
            citation=cite(instrument.id, LOCAL_POLICE, "(B)"),
        ),
        Invariant(
            id="only-local-police",
            statement="The ban reaches only the police of Virginia's localities and campuses: "
            "a search the State Police, a federal agency or another state's police run is not "
            "forbidden by it.",
            holds=runs,
            outcomes=frozenset({Outcome.FORBIDDEN}),
            citation=cite(instrument.id, LOCAL_POLICE, "(B)"),
        ),
    )


def _provisions(instrument: Instrument) -> tuple[Provision, ...]:
    text = source(Verification.TEXT, _HIGH, _TEXT)
    provisions = [
        Provision(
            id="VA-DEF-2021",
            citation=cite(instrument.id, LOCAL_POLICE, "(A)"),
            text="Facial recognition technology is an electronic system for enrolling, "
            "capturing, extracting, comparing and matching an individual's geometric facial "
            "data to identify individuals in photos, videos or real time. It does not include "
            "an automated or semi-automated process that redacts a recording to protect the "
            "privacy of a person it shows before release outside the agency, if the process "
            "generates and keeps no biometric data or surveillance information.",
            source=text,
        ),
        Provision(
            id="VA-AUTHORIZING-STATUTE",
            citation=cite(instrument.id, CAMPUS_POLICE, "(B)"),
            text="A statute that authorizes the purchase or deployment must require that the "
            "technology be under the agency's exclusive control, and that its data be kept "
            "confidential, not disseminated or resold, and accessible only by a search warrant "
            "(Code §19.2-52 et seq.) or an administrative or inspection warrant. No such "
            "statute was found: the ban has no exception a request could meet.",
            source=text,
        ),
        Provision(
            id="VA-STATE-POLICE-2021",
            text="The State Police, federal agencies and other states' police are not named: "
            "'we did not pass a prohibition on the State Police using the technology' (Sen. "
            "Surovell, March 2022). Whether a local agency's request to them is banned is the "
            "reading va-deploy.",
            source=source(Verification.NEWS, _MED, "The Virginia Star, March 2022"),
        ),
        Provision(
            id="VA-NO-OFFENSE-LINE-2021",
            text="The 2021 text draws no line by offense. The catalog and the trafficking list "
            "of the 2022 act are kept here so that one offense catalog serves every version of "
            "Virginia's law; no rule of this version reads them.",
            source=text,
        ),
    ]
    if instrument is INSTRUMENT_FROM_2026:
        provisions.append(
            Provision(
                id="VA-REVIVAL-2026",
                text="From July 1, 2026 this 2021 text is the law again: the provisions of 2022 "
                "Va. Acts ch. 737 expire that day (the sections are labelled 'effective until "
                "July 1, 2026', and §23.1-815.1 'effective July 1, 2026' is the 2021 text). "
                "§52-4.5, which the 2022 act added for the State Police, expires with it. No "
                "act of the 2025 or 2026 sessions continuing the 2022 rules was found; 2026 "
                "explainers that say local police may use facial recognition from that day "
                "(stateofsurveillance.org, viallo.app) cite no act and are not relied on.",
                source=source(
                    Verification.SUMMARY,
                    _MED,
                    "lawserver.com and instalawyer.io copies of the Code; the summary of HB 1339",
                ),
            )
        )
    return tuple(provisions)


def _builder(instrument: Instrument) -> Version:
    def make(choices: Mapping[str, str]) -> Version:
        readings = choose_readings(READINGS, choices)
        return Version(
            policy=Policy(
                jurisdiction="US-VA",
                instrument=instrument,
                calendar=CALENDAR,
                scope=_scope(readings),
                rules=_rules(instrument, readings),
                readings=tuple(readings.values()),
            ),
            offenses=OFFENSES,
            offense_lists=OFFENSE_LISTS,
            invariants=_invariants(readings, instrument),
            provisions=_provisions(instrument),
            aliases=("HB 2031",) if instrument is INSTRUMENT else (),
            summary="Local and campus police may not purchase or deploy facial recognition "
            "unless a statute expressly authorizes it, and none does: every search they run "
            "is forbidden. The State Police and federal agencies are not named.",
        )

    return Version.from_builder(make)


CH537 = _builder(INSTRUMENT)
"""The 2021 ban, as in force from July 1, 2021 until July 1, 2022, under the reading adopted."""
CH537_FROM_2026 = _builder(INSTRUMENT_FROM_2026)
"""The same ban, in force again from July 1, 2026, under the reading adopted."""
