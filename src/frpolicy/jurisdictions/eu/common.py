"""What the EU module shares: its instrument's name, its clock, its sources, its agencies.

The Union has no police of its own that run searches in the streets: the agencies the AI
Act binds here are the member states' police forces, each with its home (``DE`` for
Germany's federal police, ``DE-BE`` for the Berlin police), and a member state's own
agencies are the Union's in the sense of :func:`member_state_agency`.
"""

from __future__ import annotations

from frpolicy.law import Citation, Confidence, Source, Verification
from frpolicy.model import Agency, AgencyKind
from frpolicy.policy import Calendar
from frpolicy.predicates import Leaf, leaf

__all__ = [
    "AGENCIES",
    "CALENDAR",
    "INSTRUMENT_ID",
    "MEMBER_STATES",
    "cite",
    "member_state_agency",
    "source",
]

INSTRUMENT_ID = "Regulation (EU) 2024/1689"
"""The Artificial Intelligence Act: Regulation (EU) 2024/1689 of the European Parliament and
of the Council of 13 June 2024 laying down harmonised rules on artificial intelligence (OJ L,
12.7.2024)."""

CALENDAR = Calendar(timezone="Europe/Brussels", country="BE")
"""Central European Time, as the Union's institutions keep it (Brussels), for every member
state: the Regulation states no time zone, and no deadline of Article 5 or 26(10) counts
days, so the zone decides only the day a search falls on (Article 5 applies from 2 February
2025) and how times are shown. Belgium's holidays stand for the calendar's: no EU deadline
counts business days."""

MEMBER_STATES: tuple[str, ...] = (
    "AT", "BE", "BG", "CY", "CZ", "DE", "DK", "EE", "ES", "FI", "FR", "GR", "HR", "HU",
    "IE", "IT", "LT", "LU", "LV", "MT", "NL", "PL", "PT", "RO", "SE", "SI", "SK",
)  # fmt: skip
"""The 27 member states, by their ISO 3166-1 codes (Greece is ``GR``, not the Union's ``EL``)."""


def member_state_agency(role: str) -> Leaf:
    """The leaf: the requesting (``role="requesting"``) or performing agency is a member state's.

    An agency belongs to a member state when its home is the state's code or lies within it
    (``DE-BE`` lies within ``DE``); one that states no home is taken as a member state's own,
    as every law takes it (:class:`~frpolicy.model.Agency`).

    >>> member_state_agency("performing").describe()
    'the search is performed by an agency of a member state of the European Union'

    Raises:
        ValueError: ``role`` is neither ``requesting`` nor ``performing``.
    """
    if role not in {"requesting", "performing"}:
        msg = f"role: {role!r} is neither 'requesting' nor 'performing'"
        raise ValueError(msg)
    home = f"r.{role}_agency.home"
    tests = [f"{home} is None", f"{home} in STATES"]
    tests += [f"{home}.startswith(WITHIN_{code})" for code in MEMBER_STATES]
    verb = "requested" if role == "requesting" else "performed"
    return leaf(
        f"{verb}_by_agency_of_a_member_state",
        f"the search is {verb} by an agency of a member state of the European Union",
        " or ".join(tests),
        STATES=frozenset(MEMBER_STATES),
        **{f"WITHIN_{code}": f"{code}-" for code in MEMBER_STATES},
    )


AGENCIES: tuple[Agency, ...] = (
    Agency(
        id="BPOL",
        name="Bundespolizei (German Federal Police)",
        kind=AgencyKind.FEDERAL,
        home="DE",
        unit="Bundespolizeidirektion Berlin",
    ),
    Agency(
        id="BKA",
        name="Bundeskriminalamt (German Federal Criminal Police Office)",
        kind=AgencyKind.FEDERAL,
        home="DE",
    ),
    Agency(
        id="POL-BE",
        name="Polizei Berlin",
        kind=AgencyKind.STATE_POLICE,
        home="DE-BE",
        unit="Landeskriminalamt Berlin",
    ),
    Agency(
        id="LKA-BY",
        name="Bayerisches Landeskriminalamt",
        kind=AgencyKind.STATE_POLICE,
        home="DE-BY",
    ),
    Agency(
        id="PM-NICE",
        name="Police municipale de Nice",
        kind=AgencyKind.LOCAL_POLICE,
        home="FR",
    ),
    Agency(
        id="POLITIE",
        name="Politie (Netherlands Police)",
        kind=AgencyKind.STATE_POLICE,
        home="NL",
    ),
    Agency(
        id="KBA",
        name="Kraftfahrt-Bundesamt (German Federal Motor Transport Authority)",
        kind=AgencyKind.MOTOR_VEHICLE_REGISTRY,
        home="DE",
    ),
    Agency(
        id="STA-BE",
        name="Staatsanwaltschaft Berlin",
        kind=AgencyKind.PROSECUTOR,
        home="DE-BE",
    ),
    Agency(
        id="ORDA-MITTE",
        name="Ordnungsamt Berlin-Mitte (public order office)",
        kind=AgencyKind.OTHER_PUBLIC_AGENCY,
        home="DE-BE",
    ),
    Agency(
        id="FBI-LEGAT-BERLIN",
        name="Federal Bureau of Investigation, Legal Attaché Berlin",
        kind=AgencyKind.FBI,
        home="US",
    ),
)
"""Sample agencies of member states, one or more of each kind, for generated requests and
examples; and the FBI's attaché in Berlin, an agency of no member state.

A national police force is of the State Police kind where it is a state's force (the
Berlin police, a Land's; the Netherlands' national police), of the federal kind where it is
a federation's (Germany's Federal Police, which polices the railways, and its Federal
Criminal Police Office); the kinds are the model's, named for the United States."""


def cite(article: str, paragraph: str | None = None) -> Citation:
    """A citation of an article (or annex) of the Regulation: ``Art. 5(1)(h) (Reg...)``."""
    return Citation(
        instrument=INSTRUMENT_ID,
        section=article if article.startswith("Annex") else f"Art. {article}",
        subsection=paragraph,
        url="https://eur-lex.europa.eu/eli/reg/2024/1689/oj",
    )


def source(verification: Verification, confidence: Confidence, reference: str) -> Source:
    """A provision's source, as the provisions catalog tags it."""
    return Source(verification=verification, confidence=confidence, reference=reference)
