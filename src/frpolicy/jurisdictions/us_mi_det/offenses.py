"""Detroit's crimes: Part 1 violent crimes and home invasion, and a sample of Michigan offenses.

Directive 307.5-1 allows facial recognition only where there is reasonable suspicion that it
will give information relevant to an active or ongoing "Part 1 Violent Crime investigation or
a Home Invasion investigation". Part 1 violent crimes are the violent offenses of the FBI's
Uniform Crime Reporting program: criminal homicide (murder and nonnegligent manslaughter),
rape, robbery and aggravated assault; BridgeDetroit's account of the policy names homicide,
sexual assault, aggravated assault and robbery. Home invasion is Michigan's burglary of a
dwelling, in three degrees (MCL 750.110a). Each is an :class:`~frpolicy.law.OffenseList`;
the Directive's words were read (verification ``text``), the lists' contents are recalled
from the Uniform Crime Reporting categories (``unverified``).

Whether "Home Invasion" is every degree or only the first (an armed intruder, or someone
present) is a reading of the Directive: the list of first-degree home invasion serves it.

The catalog is a sample of Michigan offenses (the Michigan Compiled Laws, MCL) to exercise
every rule; penalties are recalled, not checked. The first-degree retail fraud for which Mr.
Williams was wrongly arrested is on no list: the Directive would not have allowed the search.
"""

from __future__ import annotations

from frpolicy.jurisdictions.us_mi_det.common import cite, source
from frpolicy.law import Confidence, OffenseList, Verification
from frpolicy.model import Offense, OffenseCategory, Penalty

__all__ = [
    "FIRST_DEGREE_HOME_INVASION",
    "HOME_INVASION",
    "OFFENSES",
    "OFFENSE_LISTS",
    "PART_1_VIOLENT_CRIME",
]

_DIRECTIVE = source(
    Verification.TEXT,
    Confidence.HIGH,
    "DPD Manual Directive 307.5-1 (the revised directive transmitted to the Board of Police "
    "Commissioners, 12 September 2019, scribd.com/document/425720330)",
)

PART_1_VIOLENT_CRIME = OffenseList(
    id="US-MI-DET:part-1-violent-crime",
    title="a Part 1 violent crime: criminal homicide, rape, robbery or aggravated assault",
    citation=cite("1"),
    source=_DIRECTIVE,
)
HOME_INVASION = OffenseList(
    id="US-MI-DET:home-invasion",
    title="home invasion, of any degree (MCL 750.110a)",
    citation=cite("1"),
    source=_DIRECTIVE,
)
FIRST_DEGREE_HOME_INVASION = OffenseList(
    id="US-MI-DET:first-degree-home-invasion",
    title="first-degree home invasion (MCL 750.110a(2)): armed, or with someone present",
    citation=cite("1"),
    source=source(
        Verification.NEWS,
        Confidence.MEDIUM,
        "BridgeDetroit ('home invasion where the intruder is believed to have a weapon') and "
        "a Detroit Police Department briefing to the Board ('first degree home invasion')",
    ),
)
OFFENSE_LISTS: tuple[OffenseList, ...] = (
    PART_1_VIOLENT_CRIME,
    HOME_INVASION,
    FIRST_DEGREE_HOME_INVASION,
)
"""The lists the Directive draws, and the first-degree list a reading of it takes."""


def _offense(
    code: str,
    title: str,
    penalty: Penalty,
    lists: tuple[OffenseList, ...],
    *categories: OffenseCategory,
) -> Offense:
    return Offense(
        code=f"MI-{code}",
        title=title,
        citation=f"MCL {code}",
        penalty=penalty,
        categories=frozenset(categories),
        listed_in=frozenset(lst.id for lst in lists),
    )


_LIFE = Penalty(life=True)
_V, _PROP = OffenseCategory.VIOLENT, OffenseCategory.PROPERTY
_P1, _HI, _HI1 = PART_1_VIOLENT_CRIME, HOME_INVASION, FIRST_DEGREE_HOME_INVASION

OFFENSES: tuple[Offense, ...] = (
    _offense("750.316", "First-degree murder", _LIFE, (_P1,), _V),
    _offense("750.317", "Second-degree murder", _LIFE, (_P1,), _V),
    _offense(
        "750.520b",
        "First-degree criminal sexual conduct",
        _LIFE,
        (_P1,),
        _V,
        OffenseCategory.SEXUAL,
    ),
    _offense(
        "750.520d",
        "Third-degree criminal sexual conduct",
        Penalty(max_term_months=15 * 12),
        (_P1,),
        _V,
        OffenseCategory.SEXUAL,
    ),
    _offense(
        "750.520e",
        "Fourth-degree criminal sexual conduct (sexual contact)",
        Penalty(max_term_months=24),
        (),
        OffenseCategory.SEXUAL,
    ),
    _offense("750.529", "Armed robbery", _LIFE, (_P1,), _V, _PROP),
    _offense("750.529a", "Carjacking", _LIFE, (_P1,), _V, _PROP),
    _offense("750.530", "Unarmed robbery", Penalty(max_term_months=15 * 12), (_P1,), _V, _PROP),
    _offense(
        "750.84",
        "Assault with intent to do great bodily harm less than murder",
        Penalty(max_term_months=10 * 12),
        (_P1,),
        _V,
    ),
    _offense(
        "750.82",
        "Felonious assault (with a dangerous weapon)",
        Penalty(max_term_months=4 * 12),
        (_P1,),
        _V,
        OffenseCategory.WEAPONS,
    ),
    _offense("750.81", "Assault and battery", Penalty(max_term_months=3), (), _V),
    _offense(
        "750.110a(2)",
        "First-degree home invasion",
        Penalty(max_term_months=20 * 12),
        (_HI, _HI1),
        _PROP,
    ),
    _offense(
        "750.110a(3)",
        "Second-degree home invasion",
        Penalty(max_term_months=15 * 12),
        (_HI,),
        _PROP,
    ),
    _offense(
        "750.110a(4)",
        "Third-degree home invasion",
        Penalty(max_term_months=5 * 12),
        (_HI,),
        _PROP,
    ),
    _offense(
        "750.356c",
        "First-degree retail fraud",
        Penalty(max_term_months=5 * 12),
        (),
        _PROP,
    ),
    _offense("750.356", "Larceny ($1,000 to $20,000)", Penalty(max_term_months=5 * 12), (), _PROP),
    _offense(
        "750.227",
        "Carrying a concealed weapon",
        Penalty(max_term_months=5 * 12),
        (),
        OffenseCategory.WEAPONS,
    ),
)
"""The sample catalog: Part 1 violent crimes, home invasion of each degree, and crimes on
neither list (penalties recalled, not checked)."""
