"""G.L. c.6 §220 as inserted by St. 2020, c.253: the law in force since July 1, 2021.

"An Act relative to justice, equity and accountability in law enforcement in the
Commonwealth", signed December 31, 2020; its facial-recognition provisions are described
as effective July 1, 2021. The statute's text was not read: the provisions rest on
legislative summaries and news, and the standards for a court order and an emergency on
background knowledge, marked unverified. Subsections are not cited for that reason.

What it asks, in short: police do not run facial-recognition searches themselves; they
send a written request to the Registry of Motor Vehicles, the State Police or the FBI,
resting on a court order or an emergency; each request and search is documented and
reported to EOPSS quarterly (not a public record), and EOPSS publishes an annual report.
"""

from __future__ import annotations

from datetime import date

from frpolicy.jurisdictions import Invariant, Version
from frpolicy.jurisdictions.us_ma import conditions as c
from frpolicy.jurisdictions.us_ma.common import CALENDAR, SECTION, source
from frpolicy.jurisdictions.us_ma.offenses import OFFENSES
from frpolicy.law import (
    Citation,
    Confidence,
    Instrument,
    InstrumentKind,
    InstrumentStatus,
    Provision,
    Verification,
)
from frpolicy.model import AgencyKind, EventKind, Purpose
from frpolicy.policy import Deadline, Duty, Effect, Policy, Rule, Unit

__all__ = ["CURRENT_LAW", "INSTRUMENT"]

INSTRUMENT = Instrument(
    id="St. 2020, c.253",
    title="An Act relative to justice, equity and accountability in law enforcement in the "
    "Commonwealth (St. 2020, c.253), inserting G.L. c.6 §220",
    kind=InstrumentKind.STATUTE,
    status=InstrumentStatus.IN_FORCE,
    effective_from=date(2021, 7, 1),
    url="https://malegislature.gov/Laws/GeneralLaws/PartI/TitleII/Chapter6/Section220",
)

CITATION = Citation(instrument=INSTRUMENT.id, section=SECTION)
_SUMMARY = "fastdemocracy MAB00081266; idtechwire; EOPSS report data"
_HIGH, _MED, _LOW = Confidence.HIGH, Confidence.MEDIUM, Confidence.LOW

SCOPE = c.LAW_ENFORCEMENT_REQUEST
"""§220 governs facial-recognition searches for law enforcement agencies."""

# Police send a written request to one of three bodies, which alone search.
AUTHORIZED_SEARCHER = (
    c.performed_by(AgencyKind.MOTOR_VEHICLE_REGISTRY)
    | c.performed_by(AgencyKind.STATE_POLICE)
    | c.performed_by(AgencyKind.FEDERAL)
)
# A warrant is a court's order too, on a higher standard: read here as meeting the requirement.
COURT_ORDER = (c.COURT_ORDER_AUTHORIZES_SEARCH & c.COURT_ORDER_IN_FORCE) | (
    c.WARRANT_AUTHORIZES_SEARCH & c.WARRANT_IN_FORCE
)
IDENTIFICATION_DOCUMENTS = (
    c.performed_by(AgencyKind.STATE_POLICE)
    & c.requested_by(AgencyKind.STATE_POLICE)
    & c.purpose_is(Purpose.IDENTIFICATION_DOCUMENT_INVESTIGATION)
)

RULES = (
    Rule(
        id="MA-LAW-COURT-ORDER",
        effect=Effect.PERMIT,
        when=AUTHORIZED_SEARCHER & c.WRITTEN_REQUEST & COURT_ORDER,
        citation=CITATION,
        paraphrase="On a written request resting on a court order, the Registry of Motor "
        "Vehicles, the State Police or the FBI may perform a search. The court order's "
        "standard (specific and articulable facts, relevance to an investigation) is not "
        "verified; a warrant authorizing the search is read as meeting it.",
        # medium: the court-order basis is well sourced; reading a warrant as one is ours
        source=source(
            Verification.SUMMARY, _MED, _SUMMARY + "; the order's standard unverified (M)"
        ),
    ),
    Rule(
        id="MA-LAW-EMERGENCY",
        effect=Effect.PERMIT,
        when=AUTHORIZED_SEARCHER & c.WRITTEN_REQUEST & c.EMERGENCY_DECLARED,
        citation=CITATION,
        paraphrase="On a written request in an emergency, the Registry of Motor Vehicles, "
        "the State Police or the FBI may perform a search. The emergency standard "
        "(a substantial risk of harm to a person or group) is not verified, so any "
        "declared emergency is accepted here.",
        source=source(
            Verification.SUMMARY, _MED, _SUMMARY + "; the emergency standard unverified (M)"
        ),
    ),
    Rule(
        id="MA-LAW-MSP-IDDOCS",
        effect=Effect.PERMIT,
        when=IDENTIFICATION_DOCUMENTS,
        citation=CITATION,
        paraphrase="The State Police need no written request for their own investigative "
        "work on identification documents, such as license fraud; read here as needing no "
        "court order either.",
        source=source(Verification.SUMMARY, _LOW, "fastdemocracy MAB00081266"),
    ),
)

DUTIES = (
    Duty(
        id="MA-LAW-LOG",
        when=AUTHORIZED_SEARCHER,
        citation=CITATION,
        paraphrase="Each request and search is documented (date, number of matches, basis). "
        "The documentation is not a public record. No deadline is stated.",
        source=source(Verification.SUMMARY, _MED, _SUMMARY),
        action="document the request and the search",
        party="searching agency",
        deadline=None,
        fulfilled_by=EventKind.SEARCH_DOCUMENTED,
    ),
    Duty(
        id="MA-LAW-REPORT",
        when=AUTHORIZED_SEARCHER,
        citation=CITATION,
        paraphrase="Searches are reported to EOPSS quarterly; EOPSS publishes an annual "
        "report. The report's due date was not found: a search counts as late only when no "
        "report includes it by the end of the next quarter.",
        source=source(Verification.SUMMARY, _MED, _SUMMARY),
        action="include the search in a quarterly report to EOPSS",
        party="searching agency",
        deadline=Deadline(anchor=EventKind.SEARCH_PERFORMED, amount=1, unit=Unit.QUARTERS),
        fulfilled_by=EventKind.SEARCH_REPORTED,
    ),
)

INVARIANTS = (
    Invariant(
        id="authorized-searcher",
        statement="A permitted search is performed by the Registry of Motor Vehicles, the "
        "State Police or the FBI, never by the requesting police department itself.",
        holds=AUTHORIZED_SEARCHER,
    ),
    Invariant(
        id="written-request-and-basis",
        statement="A permitted search has a written request and a court order or an "
        "emergency, unless it is the State Police's own work on identification documents.",
        holds=(c.WRITTEN_REQUEST & (COURT_ORDER | c.EMERGENCY_DECLARED)) | IDENTIFICATION_DOCUMENTS,
    ),
)

PROVISIONS = (
    Provision(
        id="MA-LAW-ANNUAL",
        citation=CITATION,
        text="EOPSS publishes an annual report aggregating requests and searches by agency, "
        "with State Police and FBI searches counted apart. A duty of EOPSS, not of a search.",
        source=source(Verification.SUMMARY, _MED, _SUMMARY),
    ),
    Provision(
        id="MA-LAW-GAPS",
        text="What the statute does not ask, as far as the sources show: a probable-cause "
        "warrant, an offense threshold, notice to defendants, an after-the-fact court "
        "filing for emergencies, or public search logs. These are what the 2023 bill adds.",
        source=source(Verification.SUMMARY, _MED, "provisions catalog §1.3"),
    ),
    Provision(
        id="MA-LAW-DECEASED",
        text="Open: whether the statute allows a search to identify a deceased person "
        "without a court order. Not encoded: such a search needs a court order or an "
        "emergency here.",
        source=source(Verification.UNVERIFIED, _LOW, "provisions catalog §14 item 2"),
    ),
)

CURRENT_LAW = Version(
    policy=Policy(
        jurisdiction="US-MA",
        instrument=INSTRUMENT,
        calendar=CALENDAR,
        scope=SCOPE,
        rules=RULES,
        duties=DUTIES,
    ),
    offenses=OFFENSES,
    invariants=INVARIANTS,
    provisions=PROVISIONS,
    summary="The law in force: written requests to the RMV, the State Police or the FBI, "
    "on a court order or in an emergency; documented and reported quarterly to EOPSS.",
)
"""G.L. c.6 §220 as in force since July 1, 2021."""
