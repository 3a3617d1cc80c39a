"""Maryland's twelve categories of crime, and a sample of offenses on them and off them.

Crim. Proc. §2-503(a)(1)(i) lets facial recognition be used, in a criminal investigation,
only to investigate the commission of, or the attempt to commit, a crime in one of twelve
categories. Each category is an :class:`~frpolicy.law.OffenseList` here, with the item of
§2-503(a)(1)(i) that draws it and the statute that defines it; the text of the list was
read (verification ``text``). An :class:`~frpolicy.model.Offense` says which categories it
falls in by their ids, in ``Offense.listed_in``; an attempt is tagged
as the crime attempted.

Categories 11 (a criminal act presenting a substantial and ongoing threat to public safety
or national security) and 12 (a substantially equivalent crime of another state, involving
a fugitive from justice sought under Title 9) are not lists of statutes but findings about
a case: the agency that tags an offense with them makes that finding.

Where §2-503 lists a subsection, not a section, the catalog has a code per subsection, so
that an offense is on a list only as the statute puts it there. Item 6 lists Crim. Law
§4-203(a)(1)(iii) (a handgun on public school property) and (iv) (with the deliberate
purpose of injuring or killing), not (i), plain carrying, which is on no list: the three
are ``CR-4-203-a1-iii``, ``CR-4-203-a1-iv`` and ``CR-4-203-a1-i``. Item 9 lists §5-614
only for fentanyl or a fentanyl analogue (``CR-5-614-a1-xii``). An offense may be on two
lists: first-degree child abuse is item 3 and, through Crim. Law §14-101(a), a crime of
violence (item 1), and the catalog tags it with both (``CR-3-601-b``; second-degree child
abuse, ``CR-3-601-d``, is item 3 only). :meth:`~frpolicy.jurisdictions.Version.problems`
holds a request to the catalog's lists, so such an offense is accepted with both.

Read for the third time (2026-12): §2-503(a)(1)(i) (lexace and casetext copies), Crim. Law
§4-203(a)(1) (lexace, getpocketlaw), §14-101(a) (a copy of the 2008 text, item 15 "child
abuse in the first degree under §3-601") and §3-601(b) (lexace, Westlaw's public copy).

The catalog is a sample to exercise every rule, not the Code: the penalties and classes
are recalled, not checked (verification ``unverified``), and so is which category each
offense falls in beyond the statute §2-503 names. Integrators pass their own offenses.
"""

from __future__ import annotations

from frpolicy.jurisdictions.us_md.common import cite, source
from frpolicy.law import Confidence, OffenseList, Verification
from frpolicy.model import Classification, Offense, OffenseCategory, Penalty

__all__ = [
    "AGGRAVATED_ANIMAL_CRUELTY",
    "CHILD_ABUSE",
    "CHILD_PORNOGRAPHY",
    "CRIME_OF_VIOLENCE",
    "FENTANYL_IMPORTATION",
    "FUGITIVE",
    "HATE_CRIME",
    "HUMAN_TRAFFICKING",
    "OFFENSES",
    "OFFENSE_LISTS",
    "ONGOING_THREAT",
    "STALKING",
    "WEAPON_CRIME_CRIMINAL_LAW",
    "WEAPON_CRIME_PUBLIC_SAFETY",
]

_TEXT = source(
    Verification.TEXT,
    Confidence.HIGH,
    "Md. Code, Crim. Proc. §2-503 (lexace.ai and casetext copies of the text as in force "
    "from 2024-10-01)",
)


def _list(number: int, slug: str, title: str) -> OffenseList:
    return OffenseList(
        id=f"US-MD:{slug}",
        title=title,
        citation=cite("2-503", f"(a)(1)(i){number}"),
        source=_TEXT,
    )


CRIME_OF_VIOLENCE = _list(
    1, "crime-of-violence", "a crime of violence as defined in Crim. Law §14-101"
)
HUMAN_TRAFFICKING = _list(
    2, "human-trafficking", "a human trafficking offense under Crim. Law Title 3, Subtitle 11"
)
CHILD_ABUSE = _list(3, "child-abuse", "first- or second-degree child abuse under Crim. Law §3-601")
CHILD_PORNOGRAPHY = _list(
    4, "child-pornography", "a child pornography offense under Crim. Law §11-207"
)
HATE_CRIME = _list(5, "hate-crime", "a hate crime under Crim. Law §10-304")
WEAPON_CRIME_CRIMINAL_LAW = _list(
    6,
    "weapon-crime-criminal-law",
    "a weapon crime under Crim. Law §4-102, §4-103, §4-203(a)(1)(iii) or (iv), §4-204 or "
    "§4-303(a)(2)",
)
WEAPON_CRIME_PUBLIC_SAFETY = _list(
    7,
    "weapon-crime-public-safety",
    "a weapon crime under Pub. Safety §5-138, §5-140, §5-141, §5-207(c)(16), §5-406(a)(3) or "
    "§5-703(a)",
)
AGGRAVATED_ANIMAL_CRUELTY = _list(
    8,
    "aggravated-animal-cruelty",
    "aggravated cruelty to animals under Crim. Law §10-606 or §10-607",
)
FENTANYL_IMPORTATION = _list(
    9,
    "fentanyl-importation",
    "importation of fentanyl or a fentanyl analogue under Crim. Law §5-614(a)(1)(xii)",
)
STALKING = _list(10, "stalking", "stalking under Crim. Law §3-802")
ONGOING_THREAT = _list(
    11,
    "ongoing-threat",
    "a criminal act involving circumstances presenting a substantial and ongoing threat to "
    "public safety or national security",
)
FUGITIVE = _list(
    12,
    "fugitive",
    "a crime of another state substantially equivalent to one of categories 1 to 10, "
    "involving a fugitive from justice charged there and sought under Crim. Proc. Title 9",
)

OFFENSE_LISTS: tuple[OffenseList, ...] = (
    CRIME_OF_VIOLENCE,
    HUMAN_TRAFFICKING,
    CHILD_ABUSE,
    CHILD_PORNOGRAPHY,
    HATE_CRIME,
    WEAPON_CRIME_CRIMINAL_LAW,
    WEAPON_CRIME_PUBLIC_SAFETY,
    AGGRAVATED_ANIMAL_CRUELTY,
    FENTANYL_IMPORTATION,
    STALKING,
    ONGOING_THREAT,
    FUGITIVE,
)
"""The twelve categories of §2-503(a)(1)(i), in the order the statute lists them."""

_FELONY, _MISDEMEANOR = Classification.FELONY, Classification.MISDEMEANOR
_V, _SEX, _W = OffenseCategory.VIOLENT, OffenseCategory.SEXUAL, OffenseCategory.WEAPONS


def _years(years: float) -> Penalty:
    return Penalty(max_term_months=round(years * 12))


def _offense(  # noqa: PLR0913, PLR0917 - one argument per column of the catalog
    code: str,
    title: str,
    citation: str,
    classification: Classification,
    penalty: Penalty,
    categories: tuple[OffenseCategory, ...],
    *lists: OffenseList,
) -> Offense:
    return Offense(
        code=code,
        title=title,
        citation=citation,
        classification=classification,
        penalty=penalty,
        categories=frozenset(categories),
        listed_in=frozenset(lst.id for lst in lists),
    )


_LIFE = Penalty(life=True)

OFFENSES: tuple[Offense, ...] = (
    _offense(
        "CR-2-201",
        "Murder in the first degree",
        "Crim. Law §2-201",
        _FELONY,
        _LIFE,
        (_V,),
        CRIME_OF_VIOLENCE,
    ),
    _offense(
        "CR-3-202",
        "Assault in the first degree",
        "Crim. Law §3-202",
        _FELONY,
        _years(25),
        (_V,),
        CRIME_OF_VIOLENCE,
    ),
    _offense(
        "CR-3-303",
        "Rape in the first degree",
        "Crim. Law §3-303",
        _FELONY,
        _LIFE,
        (_V, _SEX),
        CRIME_OF_VIOLENCE,
    ),
    _offense(
        "CR-3-403",
        "Robbery with a dangerous weapon",
        "Crim. Law §3-403",
        _FELONY,
        _years(20),
        (_V, _W, OffenseCategory.PROPERTY),
        CRIME_OF_VIOLENCE,
    ),
    _offense(
        "CR-3-1102",
        "Sex trafficking",
        "Crim. Law §3-1102",
        _FELONY,
        _years(25),
        (_SEX, OffenseCategory.TRAFFICKING),
        HUMAN_TRAFFICKING,
    ),
    _offense(
        "CR-3-601-b",
        "Child abuse in the first degree",
        "Crim. Law §3-601(b)",
        _FELONY,
        _years(25),
        (_V,),
        CRIME_OF_VIOLENCE,  # Crim. Law §14-101(a): "child abuse in the first degree"
        CHILD_ABUSE,
    ),
    _offense(
        "CR-3-601-d",
        "Child abuse in the second degree",
        "Crim. Law §3-601(d)",
        _FELONY,
        _years(15),
        (_V,),
        CHILD_ABUSE,
    ),
    _offense(
        "CR-11-207",
        "Child pornography",
        "Crim. Law §11-207",
        _FELONY,
        _years(10),
        (_SEX,),
        CHILD_PORNOGRAPHY,
    ),
    _offense(
        "CR-10-304",
        "Hate crime (a misdemeanor committed because of the victim's race, "
        "religion or another protected characteristic)",
        "Crim. Law §10-304",
        _MISDEMEANOR,
        _years(3),
        (OffenseCategory.PUBLIC_ORDER,),
        HATE_CRIME,
    ),
    _offense(
        "CR-4-203-a1-i",
        "Wearing, carrying or transporting a handgun on or about the person",
        "Crim. Law §4-203(a)(1)(i)",
        _MISDEMEANOR,
        _years(3),
        (_W,),
    ),
    _offense(
        "CR-4-203-a1-iii",
        "Wearing, carrying or transporting a handgun on public school property",
        "Crim. Law §4-203(a)(1)(iii)",
        _MISDEMEANOR,
        _years(3),
        (_W,),
        WEAPON_CRIME_CRIMINAL_LAW,
    ),
    _offense(
        "CR-4-203-a1-iv",
        "Wearing, carrying or transporting a handgun with the deliberate purpose of injuring "
        "or killing another person",
        "Crim. Law §4-203(a)(1)(iv)",
        _MISDEMEANOR,
        _years(3),
        (_W, _V),
        WEAPON_CRIME_CRIMINAL_LAW,
    ),
    _offense(
        "PS-5-140",
        "Transporting a regulated firearm for unlawful sale or trafficking",
        "Pub. Safety §5-140",
        _FELONY,
        _years(20),
        (_W,),
        WEAPON_CRIME_PUBLIC_SAFETY,
    ),
    _offense(
        "CR-10-606",
        "Aggravated cruelty to animals",
        "Crim. Law §10-606",
        _FELONY,
        _years(3),
        (),
        AGGRAVATED_ANIMAL_CRUELTY,
    ),
    _offense(
        "CR-5-614-a1-xii",
        "Importing fentanyl or a fentanyl analogue into the State",
        "Crim. Law §5-614(a)(1)(xii)",
        _FELONY,
        _years(25),
        (OffenseCategory.DRUGS,),
        FENTANYL_IMPORTATION,
    ),
    _offense(
        "CR-3-802",
        "Stalking",
        "Crim. Law §3-802",
        _MISDEMEANOR,
        _years(5),
        (_V,),
        STALKING,
    ),
    _offense(
        "CR-3-203",
        "Assault in the second degree",
        "Crim. Law §3-203",
        _MISDEMEANOR,
        _years(10),
        (_V,),
    ),
    _offense(
        "CR-7-104-under-100",
        "Theft of property valued at less than $100",
        "Crim. Law §7-104",
        _MISDEMEANOR,
        Penalty(max_term_months=3),
        (OffenseCategory.PROPERTY,),
    ),
    _offense(
        "CR-6-402",
        "Trespass on posted property",
        "Crim. Law §6-402",
        _MISDEMEANOR,
        Penalty(max_term_months=3),
        (OffenseCategory.PROPERTY,),
    ),
    _offense(
        "TR-21-902-a",
        "Driving under the influence of alcohol (first offense)",
        "Transp. §21-902(a)",
        _MISDEMEANOR,
        _years(1),
        (OffenseCategory.MOTOR_VEHICLE,),
    ),
)
"""The sample catalog: offenses in each statutory category and some in none (unverified)."""
