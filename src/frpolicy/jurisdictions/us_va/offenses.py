"""The one line Virginia's law draws by offense, trafficking, and a sample of Virginia crimes.

Of the fourteen authorized uses of Va. Code §15.2-1723.2(A), one reaches a suspect without
the reasonable suspicion clause (i) asks for: clause (iv), "an individual involved in the
trafficking of humans, weapons, drugs, or wildlife". The clause names no statute: it is a
finding about the case, which the agency that tags an offense with
:data:`TRAFFICKING` makes, as for Maryland's category of an ongoing threat. The clause's
text was read in the bill that became the section (verification ``text``).

The catalog is a sample to exercise the rules, not the Code. Penalties follow the classes of
Va. Code §18.2-10 (felonies: Class 2, life; Class 3, twenty years; Class 4 and 5, ten; Class
6, five) and §18.2-11 (misdemeanors: Class 1, twelve months), as recalled, not checked
(verification ``unverified``); the law draws no line by class, so none is computed.
Integrators pass their own offenses.
"""

from __future__ import annotations

from frpolicy.jurisdictions.us_va.common import LOCAL_POLICE, cite, source
from frpolicy.law import Confidence, OffenseList, Verification
from frpolicy.model import Classification, Offense, OffenseCategory, Penalty

__all__ = ["OFFENSES", "OFFENSE_LISTS", "TRAFFICKING"]

TRAFFICKING = OffenseList(
    id="US-VA:trafficking",
    title="the trafficking of humans, weapons, drugs or wildlife, in which the person sought "
    "is involved",
    citation=cite("2022 Va. Acts ch. 737", LOCAL_POLICE, "(A)(iv)"),
    source=source(
        Verification.TEXT,
        Confidence.HIGH,
        "§15.2-1723.2(A), 'authorized use' (iv), in HB 1339's engrossed text and floor "
        "substitute (amgoa.org, richmondsunlight.com), the companion of SB 741",
    ),
)
"""Clause (iv) of the authorized uses: a finding about the case, not a list of statutes."""

OFFENSE_LISTS: tuple[OffenseList, ...] = (TRAFFICKING,)
"""The lists of offenses Virginia's law draws: one."""

_FELONY, _MISDEMEANOR = Classification.FELONY, Classification.MISDEMEANOR
_LIFE = Penalty(life=True)
_CLASS_3 = Penalty(max_term_months=240)
_CLASS_5 = Penalty(max_term_months=120)
_CLASS_1_MISDEMEANOR = Penalty(max_term_months=12)


def _offense(
    section: str,
    title: str,
    classification: Classification,
    penalty: Penalty,
    *categories: OffenseCategory,
    listed_in: frozenset[str] = frozenset(),
) -> Offense:
    return Offense(
        code=f"VA-{section}",
        title=title,
        citation=f"Va. Code §{section}",
        classification=classification,
        penalty=penalty,
        categories=frozenset(categories),
        listed_in=listed_in,
    )


_TRAFFICKED = frozenset({TRAFFICKING.id})

OFFENSES: tuple[Offense, ...] = (
    _offense("18.2-32", "First-degree murder", _FELONY, _LIFE, OffenseCategory.VIOLENT),
    _offense(
        "18.2-58", "Robbery", _FELONY, _LIFE, OffenseCategory.VIOLENT, OffenseCategory.PROPERTY
    ),
    _offense("18.2-51", "Malicious wounding", _FELONY, _CLASS_3, OffenseCategory.VIOLENT),
    _offense("18.2-47", "Abduction", _FELONY, _CLASS_5, OffenseCategory.VIOLENT),
    _offense("18.2-95", "Grand larceny", _FELONY, _CLASS_3, OffenseCategory.PROPERTY),
    _offense(
        "18.2-248",
        "Distribution of a Schedule I or II controlled substance",
        _FELONY,
        Penalty(max_term_months=480),
        OffenseCategory.DRUGS,
        listed_in=_TRAFFICKED,
    ),
    _offense(
        "18.2-357.1",
        "Commercial sex trafficking",
        _FELONY,
        _CLASS_5,
        OffenseCategory.TRAFFICKING,
        OffenseCategory.SEXUAL,
        listed_in=_TRAFFICKED,
    ),
    _offense(
        "18.2-96", "Petit larceny", _MISDEMEANOR, _CLASS_1_MISDEMEANOR, OffenseCategory.PROPERTY
    ),
    _offense(
        "18.2-186.3",
        "Identity theft",
        _MISDEMEANOR,
        _CLASS_1_MISDEMEANOR,
        OffenseCategory.PROPERTY,
    ),
    _offense(
        "18.2-266",
        "Driving under the influence",
        _MISDEMEANOR,
        _CLASS_1_MISDEMEANOR,
        OffenseCategory.MOTOR_VEHICLE,
    ),
    _offense("18.2-119", "Trespass", _MISDEMEANOR, _CLASS_1_MISDEMEANOR, OffenseCategory.PROPERTY),
)
"""The sample catalog: felonies and misdemeanors of Title 18.2 (penalties unverified), two of
them tagged as trafficking."""
