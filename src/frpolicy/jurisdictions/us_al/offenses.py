"""A sample of Alabama offenses, for generated requests and examples.

Article 7 sets no offense threshold: no rule of the Alabama module reads the offense. The
catalog is here so that requests generated for Alabama name Alabama's crimes. Maximum terms
follow the classes of Ala. Code §13A-5-6 (Class A felony: life; Class B: twenty years; Class
C: ten) and §13A-5-7 (Class A misdemeanor: one year; Class C: three months), as recalled,
not checked (verification ``unverified``).
"""

from __future__ import annotations

from frpolicy.model import Classification, Offense, OffenseCategory, Penalty

__all__ = ["OFFENSES"]

_FELONY, _MISDEMEANOR = Classification.FELONY, Classification.MISDEMEANOR
_CLASS_A = Penalty(life=True)
_CLASS_B = Penalty(max_term_months=240)
_CLASS_C = Penalty(max_term_months=120)
_CLASS_A_MISDEMEANOR = Penalty(max_term_months=12)
_CLASS_C_MISDEMEANOR = Penalty(max_term_months=3)


def _offense(
    section: str,
    title: str,
    classification: Classification,
    penalty: Penalty,
    *categories: OffenseCategory,
) -> Offense:
    return Offense(
        code=f"AL-{section}",
        title=title,
        citation=f"Ala. Code §{section}",
        classification=classification,
        penalty=penalty,
        categories=frozenset(categories),
    )


OFFENSES: tuple[Offense, ...] = (
    _offense("13A-6-2", "Murder", _FELONY, _CLASS_A, OffenseCategory.VIOLENT),
    _offense(
        "13A-8-41",
        "Robbery in the first degree",
        _FELONY,
        _CLASS_A,
        OffenseCategory.VIOLENT,
        OffenseCategory.PROPERTY,
    ),
    _offense(
        "13A-6-152",
        "Human trafficking in the first degree",
        _FELONY,
        _CLASS_A,
        OffenseCategory.TRAFFICKING,
    ),
    _offense("13A-6-20", "Assault in the first degree", _FELONY, _CLASS_B, OffenseCategory.VIOLENT),
    _offense(
        "13A-8-3",
        "Theft of property in the first degree",
        _FELONY,
        _CLASS_B,
        OffenseCategory.PROPERTY,
    ),
    _offense(
        "13A-12-211",
        "Unlawful distribution of controlled substances",
        _FELONY,
        _CLASS_B,
        OffenseCategory.DRUGS,
    ),
    _offense(
        "13A-7-7", "Burglary in the third degree", _FELONY, _CLASS_C, OffenseCategory.PROPERTY
    ),
    _offense(
        "13A-8-5",
        "Theft of property in the fourth degree",
        _MISDEMEANOR,
        _CLASS_A_MISDEMEANOR,
        OffenseCategory.PROPERTY,
    ),
    _offense(
        "13A-6-22",
        "Assault in the third degree",
        _MISDEMEANOR,
        _CLASS_A_MISDEMEANOR,
        OffenseCategory.VIOLENT,
    ),
    _offense(
        "13A-7-4",
        "Criminal trespass in the third degree",
        _MISDEMEANOR,
        _CLASS_C_MISDEMEANOR,
        OffenseCategory.PROPERTY,
    ),
)
"""The sample catalog: felonies and misdemeanors of Title 13A (penalties unverified)."""
