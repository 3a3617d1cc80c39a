"""H.4359 (2024): the Judiciary Committee's redraft of H.1728 / S.927.

Reported "ought to pass" on 2024-02-12 (Chair Michael S. Day), replacing H.1728 and S.927;
it strikes and replaces G.L. c.6 §220 "as appearing in the 2022 Official Edition". Not
enacted. It keeps the bill as filed, with these differences, each encoded below:

- §220(c): the Registrar may "investigate and verify" identity, not only verify it;
- §220(d)(1): the State Police may use facial recognition to assist the Registrar (the
  remaining purposes are renumbered (d)(2)-(5));
- §220(g): the written-documentation duty for searches outside the State Police is
  narrowed to requests to the FBI.

It rests on the readings of the bill as filed (:func:`.h1728.readings`), and on one of its
own, :data:`FBI_REQUEST_RECORD`: whether the narrowed duty documents a Massachusetts
department's direct request to the FBI (forbidden by (b), and otherwise recorded
nowhere). Read as it is adopted, it does: the words name the request made to the FBI, not
who made it, and (h)(ii) counts the FBI searches requested by requesting agency (summary,
low confidence: the researcher notes on (g) and (h)(ii)).
"""

from __future__ import annotations

from collections.abc import Mapping

from frpolicy.jurisdictions import Invariant, Version, choose_readings
from frpolicy.jurisdictions.us_ma import conditions as c
from frpolicy.jurisdictions.us_ma import h1728
from frpolicy.jurisdictions.us_ma.common import CALENDAR, SECTION, source
from frpolicy.jurisdictions.us_ma.offenses import OFFENSES, classify
from frpolicy.law import (
    Choice,
    Citation,
    Confidence,
    Instrument,
    InstrumentKind,
    InstrumentStatus,
    Reading,
    Verification,
)
from frpolicy.model import AgencyKind, EventKind, Purpose
from frpolicy.policy import EVERY_REQUEST, Duty, Effect, Policy, Rule
from frpolicy.predicates import Any as AnyOf
from frpolicy.predicates import Predicate

__all__ = ["FBI_REQUEST_RECORD", "H4359", "INSTRUMENT"]

INSTRUMENT = Instrument(
    id="H.4359",
    title="An Act to implement the recommendations of the special commission on facial "
    "recognition technology (H.4359, Judiciary Committee redraft, 2024)",
    kind=InstrumentKind.BILL,
    status=InstrumentStatus.PROPOSED,
    url="https://malegislature.gov/Bills/193/H4359",
)

_SOURCE = source(
    Verification.SUMMARY, Confidence.HIGH, "fastdemocracy MAB00065007; researcher notes"
)
_SP, _FBI = AgencyKind.STATE_POLICE, AgencyKind.FBI
_REGISTRY_PURPOSE = c.purpose_is(Purpose.LICENSE_ISSUANCE) | c.purpose_is(
    Purpose.IDENTIFICATION_DOCUMENT_INVESTIGATION
)


def _cite(subsection: str) -> Citation:
    return Citation(instrument=INSTRUMENT.id, section=SECTION, subsection=subsection)


FBI_REQUEST_RECORD = Reading(
    id="fbi-request-record",
    question="H.4359's (g) documents in writing each search request made to the FBI: a "
    "request by any Massachusetts law enforcement agency, or only the State Police's? A "
    "local department's direct request to the FBI, itself forbidden by (b), is otherwise "
    "recorded nowhere; is it documented?",
    choices=(
        Choice(
            id="any-request-to-the-fbi",
            text="Yes: the words name the request made to the FBI, not who made it, and "
            "(h)(ii) counts the FBI searches requested by requesting agency; the agency that "
            "asked documents it, the State Police for their own.",
        ),
        Choice(
            id="state-police-requests",
            text="No: (g) obliges the State Police, who document the requests they make; a "
            "request the State Police never saw is in the quarterly report alone.",
        ),
    ),
    source=source(
        Verification.SUMMARY,
        Confidence.LOW,
        "researcher notes: (g) narrowed 'to FBI requests only'; (h)(ii) counts FBI searches "
        "'requested to be performed', disaggregated by requesting agency",
    ),
    citation=_cite("(g)-(h)"),
)


def _readings() -> tuple[Reading, ...]:
    return (*h1728.readings(INSTRUMENT.id), FBI_REQUEST_RECORD)


def _fbi_requests(chosen: Mapping[str, Reading]) -> Predicate:
    """The requests to the FBI (g) documents, as ``fbi-request-record`` reads them."""
    if chosen[FBI_REQUEST_RECORD.id].chosen == "any-request-to-the-fbi":
        return c.performed_by(_FBI) & c.LAW_ENFORCEMENT_REQUEST
    return c.performed_by(_FBI) & c.requested_by_massachusetts(_SP)


def _rules(chosen: Mapping[str, Reading]) -> tuple[Rule, ...]:
    kept = tuple(r for r in h1728.rules(chosen, INSTRUMENT.id) if r.id != "MA-RMV")
    return (
        # (c) The Registrar may investigate and verify identity.
        Rule(
            id="MA-RMV",
            effect=Effect.PERMIT,
            when=h1728.registrar_permission(_REGISTRY_PURPOSE),
            citation=_cite("(c)"),
            paraphrase="The Registry of Motor Vehicles may use facial recognition to "
            "investigate and verify identity for its licenses: to identify or verify a "
            "person, from still images.",
            source=_SOURCE,
        ),
        # (d)(1) The State Police may assist the Registrar.
        Rule(
            id="MA-RMV-ASSIST",
            effect=Effect.PERMIT,
            when=c.performed_by_massachusetts(_SP)
            & c.REGISTRY_REQUEST
            & _REGISTRY_PURPOSE
            & c.TECHNOLOGY_APPROVED,
            citation=_cite("(d)(1)"),
            paraphrase="The State Police may use approved facial-recognition technology to "
            "assist the Registrar in investigating and verifying identity.",
            source=_SOURCE,
        ),
        *kept,
    )


def _duties(chosen: Mapping[str, Reading]) -> tuple[Duty, ...]:
    log = h1728.log_duty(INSTRUMENT.id)
    return (
        *h1728.duties(chosen, INSTRUMENT.id),
        # (g) Every request to the State Police, and every search they perform, is a public record.
        Duty(
            id="MA-LOG",
            when=c.performed_by_massachusetts(_SP),
            citation=log.citation,
            paraphrase="The State Police keep each request to them and each search they "
            "perform as a public record, permitted or not. No deadline is stated.",
            source=log.source,
            action="keep the request and the search as a public record",
            party="State Police",
            deadline=None,
            fulfilled_by=EventKind.SEARCH_DOCUMENTED,
            outcomes=EVERY_REQUEST,
            arises_on=EventKind.REQUEST_SUBMITTED,
        ),
        # (g) Outside searches: only requests to the FBI need written documentation.
        Duty(
            id="MA-LOG-FBI",
            when=_fbi_requests(chosen),
            citation=log.citation,
            paraphrase="Each search request made to the FBI is documented in writing, "
            "permitted or not, by the Massachusetts law enforcement agency that made it (the "
            "State Police, on the route (d) allows); H.4359 narrows the documentation of "
            "outside searches to FBI requests. No deadline is stated.",
            source=_SOURCE,
            action="document the request to the FBI in writing",
            party="the Massachusetts agency that asked the FBI (the State Police, as (d) allows)",
            deadline=None,
            fulfilled_by=EventKind.SEARCH_DOCUMENTED,
            outcomes=EVERY_REQUEST,
            arises_on=EventKind.REQUEST_SUBMITTED,
        ),
    )


def _invariants(chosen: Mapping[str, Reading]) -> tuple[Invariant, ...]:
    state_police = c.performed_by(_SP) & c.MASSACHUSETTS_SEARCHER
    asked_for_the_fbi = c.requested_by(_SP) & c.MASSACHUSETTS_REQUESTER
    if chosen[FBI_REQUEST_RECORD.id].chosen == "any-request-to-the-fbi":
        asked_for_the_fbi = AnyOf(
            tuple(
                c.requested_by(k) & c.MASSACHUSETTS_REQUESTER
                for k in (AgencyKind.LOCAL_POLICE, _SP, AgencyKind.PROSECUTOR)
            )
        )
    assisting = (
        state_police
        & c.requested_by(AgencyKind.MOTOR_VEHICLE_REGISTRY)
        & c.MASSACHUSETTS_REQUESTER
        & (
            c.purpose_is(Purpose.LICENSE_ISSUANCE)
            | c.purpose_is(Purpose.IDENTIFICATION_DOCUMENT_INVESTIGATION)
        )
    )
    return h1728.invariants(
        chosen,
        exempt=assisting,
        public_record=(
            (state_police, "MA-LOG"),
            (c.performed_by(_FBI) & asked_for_the_fbi, "MA-LOG-FBI"),
        ),
        instrument=INSTRUMENT.id,
    )


def _make(choices: Mapping[str, str]) -> Version:
    chosen = choose_readings(_readings(), choices)
    return Version(
        policy=Policy(
            jurisdiction="US-MA",
            instrument=INSTRUMENT,
            calendar=CALENDAR,
            scope=h1728.SCOPE,
            rules=_rules(chosen),
            duties=_duties(chosen),
            readings=tuple(chosen.values()),
        ),
        offenses=OFFENSES,
        invariants=_invariants(chosen),
        provisions=h1728.provisions(INSTRUMENT.id),
        summary="The committee redraft: as filed, plus the State Police may assist the "
        "Registrar, the Registrar may investigate identity, and outside-search documentation "
        "is narrowed to FBI requests.",
        classify=classify,
    )


H4359 = Version.from_builder(_make)
"""H.4359 as a version of the law of Massachusetts, under the readings adopted."""
