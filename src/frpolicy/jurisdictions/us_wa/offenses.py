"""A sample of Washington offenses, for generated requests and examples.

Chapter 43.386 RCW sets no offense threshold: no rule of the Washington module reads the
offense. The catalog is here so that requests generated for Washington name Washington's
crimes. Classes and maximum terms follow RCW 9A.20.021 (class A felony: life; class B: ten
years; class C: five years; gross misdemeanor: 364 days; misdemeanor: 90 days), as
recalled, not checked (verification ``unverified``).
"""

from __future__ import annotations

from frpolicy.model import Classification, Offense, OffenseCategory, Penalty

__all__ = ["OFFENSES"]

_FELONY, _MISDEMEANOR = Classification.FELONY, Classification.MISDEMEANOR
_CLASS_A = Penalty(life=True)
_CLASS_B = Penalty(max_term_months=120)
_CLASS_C = Penalty(max_term_months=60)
_GROSS = Penalty(max_term_months=12)  # 364 days, to the month
_PETTY = Penalty(max_term_months=3)


def _offense(
    code: str,
    title: str,
    classification: Classification,
    penalty: Penalty,
    *categories: OffenseCategory,
) -> Offense:
    return Offense(
        code=code,
        title=title,
        citation=f"RCW {code.removeprefix('RCW-')}",
        classification=classification,
        penalty=penalty,
        categories=frozenset(categories),
    )


OFFENSES: tuple[Offense, ...] = (
    _offense(
        "RCW-9A.32.030", "Murder in the first degree", _FELONY, _CLASS_A, OffenseCategory.VIOLENT
    ),
    _offense(
        "RCW-9A.56.200",
        "Robbery in the first degree",
        _FELONY,
        _CLASS_A,
        OffenseCategory.VIOLENT,
        OffenseCategory.PROPERTY,
    ),
    _offense(
        "RCW-9A.36.021", "Assault in the second degree", _FELONY, _CLASS_B, OffenseCategory.VIOLENT
    ),
    _offense(
        "RCW-9A.52.030",
        "Burglary in the second degree",
        _FELONY,
        _CLASS_B,
        OffenseCategory.PROPERTY,
    ),
    _offense(
        "RCW-9.35.020",
        "Identity theft in the first degree",
        _FELONY,
        _CLASS_B,
        OffenseCategory.PROPERTY,
    ),
    _offense(
        "RCW-9A.56.050", "Theft in the third degree", _MISDEMEANOR, _GROSS, OffenseCategory.PROPERTY
    ),
    _offense("RCW-9A.46.020", "Harassment", _MISDEMEANOR, _GROSS, OffenseCategory.PUBLIC_ORDER),
    _offense(
        "RCW-46.61.502",
        "Driving under the influence",
        _MISDEMEANOR,
        _GROSS,
        OffenseCategory.MOTOR_VEHICLE,
    ),
    _offense(
        "RCW-9A.52.080",
        "Criminal trespass in the second degree",
        _MISDEMEANOR,
        _PETTY,
        OffenseCategory.PROPERTY,
    ),
)
"""The sample catalog: felonies and misdemeanors of the Revised Code (penalties unverified)."""
