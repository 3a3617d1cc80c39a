"""Maine's line for a "serious crime", and a sample of Maine offenses on each side of it.

The Maine Criminal Code classes crimes by the sentence they carry: murder; Class A (up to
30 years), B (up to 10), C (up to 5); Class D (less than one year) and E (up to 6 months),
17-A M.R.S. §1604. It uses no "felony" label; the crimes punishable by more than a year
(murder and Classes A to C) are those other laws call felonies. :func:`classify` draws that
line from the penalty, and every offense of the catalog is built through it, so a
classification cannot disagree with a penalty.

The facial surveillance law lets a search be asked for only on probable cause of a
"serious crime". Its definition was not read. A law practice that read it (wraight.law)
describes it as felonies, crimes punishable by more than a year, together with some driving
offenses, crimes of violence and violations of bail conditions below that line. The first
part is read from the penalty; the second is :data:`REPORTED_SERIOUS_CRIMES`, an
:class:`~frpolicy.law.OffenseList` marked news, low confidence, whose members are tagged
here from that description (the reading ``me-serious-crime`` can leave it out).

The catalog is a sample to exercise every rule, not the Code: penalties and classes are
recalled, not checked (verification ``unverified``). Integrators pass their own offenses.
"""

from __future__ import annotations

from frpolicy.jurisdictions.us_me.common import cite, source
from frpolicy.law import Confidence, OffenseList, Verification
from frpolicy.model import Classification, Offense, OffenseCategory, Penalty

__all__ = ["OFFENSES", "OFFENSE_LISTS", "REPORTED_SERIOUS_CRIMES", "classify", "offense"]

_ONE_YEAR = 12
"""Months: a crime punishable by more than this is felony-level (Class C and above)."""

REPORTED_SERIOUS_CRIMES = OffenseList(
    id="US-ME:reported-serious-crime",
    title="a crime punishable by a year or less that the law is reported to count as a "
    "serious crime (certain driving offenses, crimes of violence, violations of a condition "
    "of release)",
    citation=cite(),
    source=source(
        Verification.NEWS,
        Confidence.LOW,
        "wraight.law, 'Facial recognition being used in Maine mostly by outside agencies' "
        "(2024): serious crimes are 'generally felonies', and 'can include driving offenses "
        "... as well as crimes of violence or other related misdemeanors. Bail violations are "
        "also covered.' The definition's text was not read.",
    ),
)
"""The offenses below the felony line the law is reported to count as serious crimes."""

OFFENSE_LISTS: tuple[OffenseList, ...] = (REPORTED_SERIOUS_CRIMES,)
"""The lists of offenses the Maine law draws, as far as they are known."""


def classify(penalty: Penalty) -> Classification:
    """The class of an offense with this penalty: felony-level above one year.

    Murder and Class A, B and C crimes (more than a year) are ``FELONY``; Class D and E
    crimes (a year or less) and fines are ``MISDEMEANOR``.

    >>> classify(Penalty(max_term_months=60))
    <Classification.FELONY: 'felony'>
    >>> classify(Penalty(max_term_months=12))
    <Classification.MISDEMEANOR: 'misdemeanor'>
    """
    longer = penalty.max_term_months is not None and penalty.max_term_months > _ONE_YEAR
    if penalty.death or penalty.life or longer:
        return Classification.FELONY
    return Classification.MISDEMEANOR


def offense(
    code: str,
    title: str,
    citation: str,
    penalty: Penalty,
    categories: tuple[OffenseCategory, ...],
    *lists: OffenseList,
) -> Offense:
    """A Maine offense, classed by :func:`classify`."""
    return Offense(
        code=code,
        title=title,
        citation=citation,
        classification=classify(penalty),
        penalty=penalty,
        categories=frozenset(categories),
        listed_in=frozenset(lst.id for lst in lists),
    )


_V, _PROP = OffenseCategory.VIOLENT, OffenseCategory.PROPERTY
_LIFE = Penalty(life=True)
_CLASS_A = Penalty(max_term_months=30 * 12)
_CLASS_B = Penalty(max_term_months=10 * 12)
_CLASS_C = Penalty(max_term_months=5 * 12)
_CLASS_D = Penalty(max_term_months=12)  # less than one year: 364 days, to the month
_CLASS_E = Penalty(max_term_months=6)
_REPORTED = REPORTED_SERIOUS_CRIMES

OFFENSES: tuple[Offense, ...] = (
    offense("17-A-201", "Murder", "17-A M.R.S. §201", _LIFE, (_V,)),
    offense(
        "17-A-253",
        "Gross sexual assault",
        "17-A M.R.S. §253",
        _CLASS_A,
        (_V, OffenseCategory.SEXUAL),
    ),
    offense("17-A-651", "Robbery", "17-A M.R.S. §651", _CLASS_B, (_V, _PROP)),
    offense("17-A-208", "Aggravated assault", "17-A M.R.S. §208", _CLASS_B, (_V,)),
    offense(
        "17-A-1105-A",
        "Aggravated trafficking of scheduled drugs",
        "17-A M.R.S. §1105-A",
        _CLASS_A,
        (OffenseCategory.DRUGS,),
    ),
    offense("17-A-401", "Burglary", "17-A M.R.S. §401", _CLASS_C, (_PROP,)),
    offense(
        "17-A-353-C",
        "Theft by unauthorized taking (over $1,000)",
        "17-A M.R.S. §353",
        _CLASS_C,
        (_PROP,),
    ),
    offense("17-A-207", "Assault", "17-A M.R.S. §207", _CLASS_D, (_V,), _REPORTED),
    offense(
        "29-A-2557-A",
        "Operating after habitual offender revocation",
        "29-A M.R.S. §2557-A",
        _CLASS_D,
        (OffenseCategory.MOTOR_VEHICLE,),
        _REPORTED,
    ),
    offense(
        "15-1092",
        "Violation of condition of release",
        "15 M.R.S. §1092",
        _CLASS_E,
        (OffenseCategory.ADMINISTRATION_OF_JUSTICE,),
        _REPORTED,
    ),
    offense(
        "29-A-2411",
        "Operating under the influence (first offense)",
        "29-A M.R.S. §2411",
        _CLASS_D,
        (OffenseCategory.MOTOR_VEHICLE,),
    ),
    offense(
        "17-A-501-A",
        "Disorderly conduct",
        "17-A M.R.S. §501-A",
        _CLASS_E,
        (OffenseCategory.PUBLIC_ORDER,),
    ),
    offense("17-A-402", "Criminal trespass", "17-A M.R.S. §402", _CLASS_E, (_PROP,)),
)
"""The sample catalog: crimes above and below the felony line (penalties unverified); the
three tagged with :data:`REPORTED_SERIOUS_CRIMES` are examples of the kinds of offense the
law is reported to add, not a list read in it."""
