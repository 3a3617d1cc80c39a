"""Utah's felony line, and a sample of Utah offenses on each side of it.

Utah Code 77-23e-103(2)(c) lets a search be made to investigate "a felony, a violent crime,
or a threat to human life". Utah classes a felony by degree and each degree by its
sentence (Utah Code 76-3-103, 76-3-203): a capital felony (death or life without parole), a
first-degree felony (five years to life), second degree (one to fifteen years), third degree
(up to five years); a class A misdemeanor carries up to 364 days, class B six months, class C
ninety days. So a crime punishable by more than a year is a felony, and :func:`classify`
draws that line from the penalty; every offense of the catalog is built through it, so a
classification cannot disagree with a penalty. The degrees and terms are recalled, not
read (verification ``unverified``).

"Violent crime" is not defined in the chapter. A misdemeanor can be one (simple assault), so
the rule reads the offense's category (``OffenseCategory.VIOLENT``), as stated with the
offense, beside its penalty.

The catalog is a sample to exercise every rule, not the Code: penalties are recalled, not
checked. Integrators pass their own offenses.
"""

from __future__ import annotations

from frpolicy.model import Classification, Offense, OffenseCategory, Penalty

__all__ = ["OFFENSES", "classify", "offense"]

_ONE_YEAR = 12
"""Months: a crime punishable by more than this is a felony (third degree and above)."""


def classify(penalty: Penalty) -> Classification:
    """The class of an offense with this penalty: a felony above one year.

    >>> classify(Penalty(max_term_months=60))
    <Classification.FELONY: 'felony'>
    >>> classify(Penalty(max_term_months=6))
    <Classification.MISDEMEANOR: 'misdemeanor'>
    """
    longer = penalty.max_term_months is not None and penalty.max_term_months > _ONE_YEAR
    if penalty.death or penalty.life or longer:
        return Classification.FELONY
    return Classification.MISDEMEANOR


def offense(
    code: str, title: str, section: str, penalty: Penalty, *categories: OffenseCategory
) -> Offense:
    """A Utah offense of a section of the Code, classed by :func:`classify`."""
    return Offense(
        code=code,
        title=title,
        citation=f"Utah Code §{section}",
        classification=classify(penalty),
        penalty=penalty,
        categories=frozenset(categories),
    )


_V, _PROP = OffenseCategory.VIOLENT, OffenseCategory.PROPERTY
_FIRST_DEGREE = Penalty(life=True)
_SECOND_DEGREE = Penalty(max_term_months=15 * 12)
_THIRD_DEGREE = Penalty(max_term_months=5 * 12)
_CLASS_A = Penalty(max_term_months=12)  # 364 days, to the month
_CLASS_B = Penalty(max_term_months=6)
_CLASS_C = Penalty(max_term_months=3)

OFFENSES: tuple[Offense, ...] = (
    offense("UT-76-5-203", "Murder", "76-5-203", _FIRST_DEGREE, _V),
    offense("UT-76-6-302", "Aggravated robbery", "76-6-302", _FIRST_DEGREE, _V, _PROP),
    offense("UT-76-6-301", "Robbery", "76-6-301", _SECOND_DEGREE, _V, _PROP),
    offense("UT-76-5-103", "Aggravated assault", "76-5-103", _THIRD_DEGREE, _V),
    offense(
        "UT-58-37-8",
        "Distribution of a controlled substance",
        "58-37-8",
        _SECOND_DEGREE,
        OffenseCategory.DRUGS,
    ),
    offense(
        "UT-76-6-202",
        "Burglary (of a building other than a dwelling)",
        "76-6-202",
        _THIRD_DEGREE,
        _PROP,
    ),
    offense("UT-76-6-404-F3", "Theft ($1,500 to $5,000)", "76-6-404", _THIRD_DEGREE, _PROP),
    offense("UT-76-5-102", "Assault", "76-5-102", _CLASS_B, _V),
    offense("UT-76-6-404-MA", "Theft ($500 to $1,500)", "76-6-404", _CLASS_A, _PROP),
    offense("UT-76-6-404-MB", "Theft (under $500)", "76-6-404", _CLASS_B, _PROP),
    offense(
        "UT-41-6a-502",
        "Driving under the influence",
        "41-6a-502",
        _CLASS_B,
        OffenseCategory.MOTOR_VEHICLE,
    ),
    offense("UT-76-6-206", "Criminal trespass", "76-6-206", _CLASS_B, _PROP),
    offense(
        "UT-76-9-102", "Disorderly conduct", "76-9-102", _CLASS_C, OffenseCategory.PUBLIC_ORDER
    ),
)
"""The sample catalog: felonies and misdemeanors, violent or not (penalties unverified)."""
