"""Montana's closed list of serious crimes, and a sample of Montana offenses on each side of it.

The Facial Recognition for Government Use Act lets law enforcement use facial recognition to
investigate a "serious crime", and defines the term as a closed list (MCA 44-15-103(17)):

(a) a crime under the laws of Montana that is a violation of 45-5-102, 45-5-103, 45-5-104,
    45-5-106, 45-5-202, 45-5-207, 45-5-210, 45-5-212, 45-5-213, 45-5-220, 45-5-302,
    45-5-303, 45-5-401, 45-5-503, 45-5-504(3), 45-5-508, 45-5-602, 45-5-603, 45-5-622,
    45-5-625, 45-5-627, 45-5-628, 45-5-702, 45-5-703, 45-5-704 or 45-5-705; or
(b) a crime under the laws of another jurisdiction that is substantially similar to one of
    those.

The list was read in a code publisher's copy of the definitions (lawserver.com, verification
``text``). It is drawn by section, not by penalty: most of chapter 5 of Title 45 (offenses
against the person) is on it, and most of the rest of the Criminal Code is not, however
long its sentence. Burglary and the sale of dangerous drugs, which carry twenty years, are not
serious crimes; indecent exposure is one only when committed to a minor (45-5-504(3)), not as
45-5-504(1) defines it; a partner or family member assault (45-5-206) is not one. Which
crime of another place is "substantially similar" is a judgment the requester makes: such an
offense is tagged with :data:`SERIOUS_CRIMES` by whoever sends it.

The names of the sections and their penalties are recalled, not read, except indecent
exposure's (45-5-504(2)(a): six months in the county jail, read in the same copy): they
describe the sample catalog, which is there to exercise every rule, not to restate the Code.
Montana calls a felony an offense punishable by death or by imprisonment in a state prison
for more than a year (MCA 45-2-101, recalled): :func:`classify` draws that line from the
penalty, and every offense of the catalog is built through it, so a classification cannot
disagree with a penalty. The chapter's rules read the list, never the class.
"""

from __future__ import annotations

from frpolicy.jurisdictions.us_mt.common import cite, source
from frpolicy.law import Confidence, OffenseList, Verification
from frpolicy.model import Classification, Offense, OffenseCategory, Penalty

__all__ = ["OFFENSES", "OFFENSE_LISTS", "SERIOUS_CRIMES", "classify", "offense"]

_ONE_YEAR = 12
"""Months: a crime punishable by more than this is a felony."""

SERIOUS_CRIMES = OffenseList(
    id="US-MT:serious-crime",
    title="a serious crime: a violation of one of the sections of MCA Title 45, chapter 5 "
    "(offenses against the person) that 44-15-103(17)(a) lists, or a substantially similar "
    "crime of another jurisdiction",
    citation=cite("103", "(17)"),
    source=source(
        Verification.TEXT,
        Confidence.HIGH,
        "MCA 44-15-103(17), in lawserver.com's copy of the chapter's definitions",
    ),
)
"""The closed list of serious crimes, of Montana and, substantially similar, of elsewhere."""

OFFENSE_LISTS: tuple[OffenseList, ...] = (SERIOUS_CRIMES,)
"""The lists of offenses the Montana law draws."""


def classify(penalty: Penalty) -> Classification:
    """The class of an offense with this penalty: a felony above one year.

    >>> classify(Penalty(max_term_months=240))
    <Classification.FELONY: 'felony'>
    >>> classify(Penalty(max_term_months=6))
    <Classification.MISDEMEANOR: 'misdemeanor'>
    """
    longer = penalty.max_term_months is not None and penalty.max_term_months > _ONE_YEAR
    if penalty.death or penalty.life or longer:
        return Classification.FELONY
    return Classification.MISDEMEANOR


def offense(
    code: str,
    title: str,
    section: str,
    penalty: Penalty,
    categories: tuple[OffenseCategory, ...],
    *lists: OffenseList,
) -> Offense:
    """A Montana offense of a section of the Code, classed by :func:`classify`."""
    return Offense(
        code=code,
        title=title,
        citation=f"MCA {section}",
        classification=classify(penalty),
        penalty=penalty,
        categories=frozenset(categories),
        listed_in=frozenset(lst.id for lst in lists),
    )


_V, _SEX, _PROP = OffenseCategory.VIOLENT, OffenseCategory.SEXUAL, OffenseCategory.PROPERTY
_SERIOUS = SERIOUS_CRIMES


def _years(years: int) -> Penalty:
    return Penalty(max_term_months=12 * years)


OFFENSES: tuple[Offense, ...] = (
    offense(
        "MCA-45-5-102",
        "Deliberate homicide",
        "45-5-102",
        Penalty(life=True, death=True),
        (_V,),
        _SERIOUS,
    ),
    offense("MCA-45-5-202", "Aggravated assault", "45-5-202", _years(20), (_V,), _SERIOUS),
    offense("MCA-45-5-302", "Kidnapping", "45-5-302", _years(10), (_V,), _SERIOUS),
    offense("MCA-45-5-401", "Robbery", "45-5-401", _years(40), (_V, _PROP), _SERIOUS),
    offense(
        "MCA-45-5-503",
        "Sexual intercourse without consent",
        "45-5-503",
        Penalty(life=True),
        (_V, _SEX),
        _SERIOUS,
    ),
    offense(
        "MCA-45-5-504-3",
        "Indecent exposure to a minor",
        "45-5-504(3)",
        _years(100),
        (_SEX,),
        _SERIOUS,
    ),
    offense(
        "MCA-45-5-702",
        "Trafficking of persons",
        "45-5-702",
        _years(100),
        (OffenseCategory.TRAFFICKING,),
        _SERIOUS,
    ),
    offense(
        "MCA-45-5-504-1",
        "Indecent exposure (first offense)",
        "45-5-504(1)",
        Penalty(max_term_months=6),
        (_SEX,),
    ),
    offense(
        "MCA-45-5-206",
        "Partner or family member assault (first offense)",
        "45-5-206",
        _years(1),
        (_V,),
    ),
    offense("MCA-45-5-201", "Assault", "45-5-201", Penalty(max_term_months=6), (_V,)),
    offense("MCA-45-6-204", "Burglary", "45-6-204", _years(20), (_PROP,)),
    offense("MCA-45-6-301", "Theft (over $1,500)", "45-6-301", _years(10), (_PROP,)),
    offense(
        "MCA-45-9-101",
        "Criminal distribution of dangerous drugs",
        "45-9-101",
        _years(20),
        (OffenseCategory.DRUGS,),
    ),
    offense(
        "MCA-61-8-401",
        "Driving under the influence (first offense)",
        "61-8-401",
        Penalty(max_term_months=6),
        (OffenseCategory.MOTOR_VEHICLE,),
    ),
    offense(
        "MCA-45-8-101",
        "Disorderly conduct",
        "45-8-101",
        Penalty(max_term_months=1),  # ten days in the county jail, to the month
        (OffenseCategory.PUBLIC_ORDER,),
    ),
)
"""The sample catalog: serious crimes of the list, and felonies and misdemeanors off it
(names and penalties recalled, unverified, but for indecent exposure's)."""
