"""A sample of Colorado offenses, for generated requests and examples.

Part 3 of article 18 of title 24, C.R.S., sets no offense threshold: no rule of the Colorado
module reads the offense, as none of Washington's does, the statute Colorado's follows. The
catalog is here so that requests generated for Colorado name Colorado's crimes. Classes and
maximum terms follow C.R.S. 18-1.3-401 and -501 as recalled, not checked (verification
``unverified``): a class 1 felony carries life; class 2, twenty-four years; class 3, twelve;
class 4, six; class 5, three; class 6, eighteen months; a class 1 misdemeanor, 364 days; a
class 2 misdemeanor, 120 days.
"""

from __future__ import annotations

from frpolicy.model import Classification, Offense, OffenseCategory, Penalty

__all__ = ["OFFENSES"]

_FELONY, _MISDEMEANOR = Classification.FELONY, Classification.MISDEMEANOR
_CLASS_1 = Penalty(life=True)
_CLASS_3 = Penalty(max_term_months=12 * 12)
_CLASS_4 = Penalty(max_term_months=6 * 12)
_CLASS_5 = Penalty(max_term_months=3 * 12)
_CLASS_6 = Penalty(max_term_months=18)
_MISDEMEANOR_1 = Penalty(max_term_months=12)  # 364 days, to the month
_MISDEMEANOR_2 = Penalty(max_term_months=4)  # 120 days


def _offense(
    section: str,
    title: str,
    classification: Classification,
    penalty: Penalty,
    *categories: OffenseCategory,
) -> Offense:
    return Offense(
        code=f"CRS-{section}",
        title=title,
        citation=f"C.R.S. {section}",
        classification=classification,
        penalty=penalty,
        categories=frozenset(categories),
    )


_V, _PROP = OffenseCategory.VIOLENT, OffenseCategory.PROPERTY

OFFENSES: tuple[Offense, ...] = (
    _offense("18-3-102", "Murder in the first degree", _FELONY, _CLASS_1, _V),
    _offense("18-4-302", "Aggravated robbery", _FELONY, _CLASS_3, _V, _PROP),
    _offense("18-3-202", "Assault in the first degree", _FELONY, _CLASS_3, _V),
    _offense("18-4-301", "Robbery", _FELONY, _CLASS_4, _V, _PROP),
    _offense("18-4-203", "Burglary in the second degree", _FELONY, _CLASS_4, _PROP),
    _offense(
        "18-18-405",
        "Distribution of a controlled substance",
        _FELONY,
        _CLASS_5,
        OffenseCategory.DRUGS,
    ),
    _offense("18-5-902", "Identity theft", _FELONY, _CLASS_4, _PROP),
    _offense("18-4-401", "Theft ($2,000 to $5,000)", _FELONY, _CLASS_6, _PROP),
    _offense("18-3-204", "Assault in the third degree", _MISDEMEANOR, _MISDEMEANOR_1, _V),
    _offense(
        "42-4-1301",
        "Driving under the influence",
        _MISDEMEANOR,
        _MISDEMEANOR_1,
        OffenseCategory.MOTOR_VEHICLE,
    ),
    _offense(
        "18-9-106",
        "Disorderly conduct",
        _MISDEMEANOR,
        _MISDEMEANOR_2,
        OffenseCategory.PUBLIC_ORDER,
    ),
)
"""The sample catalog: felonies and misdemeanors of the Revised Statutes (penalties
unverified)."""
