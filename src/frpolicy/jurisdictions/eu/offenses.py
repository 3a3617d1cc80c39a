"""Annex II's sixteen offences, the victims of Article 5(1)(h)(i), and a sample of German crimes.

Article 5(1)(h)(iii) of the AI Act allows a real-time identification to locate or identify a
suspect only of an offence "referred to in Annex II and punishable in the Member State
concerned by a custodial sentence or a detention order for a maximum period of at least four
years": both, the list and the penalty. Annex II lists sixteen offences, each an
:class:`~frpolicy.law.OffenseList` here, with the entry's words (read in the text of the
Regulation, verification ``text``). Entry 14 is "organised **or armed** robbery": a plain
robbery is on no list, however long its sentence, and "organised crime" is not an entry at
all (entry 16 is participation in a criminal organisation involved in a listed offence).

Article 5(1)(h)(i) names the victims a targeted search may be for: of "abduction,
trafficking in human beings or sexual exploitation of human beings". Trafficking is Annex
II's entry 2; abduction and sexual exploitation (of adults as of children) are lists of
their own, drawn by Article 5(1)(h)(i).

An offence is a member state's, with that state's penalty: the catalog is a sample of
German crimes (Strafgesetzbuch, StGB, and two other statutes), to exercise every rule.
Their penalties, and which list each offence falls on, are recalled, not checked
(verification ``unverified``); integrators pass their own offences, tagged with the lists
their state puts them on. The Regulation classes no offence as a felony or a misdemeanour:
it reads the longest term.
"""

from __future__ import annotations

from frpolicy.jurisdictions.eu.common import cite, source
from frpolicy.law import Confidence, OffenseList, Verification
from frpolicy.model import Offense, OffenseCategory, Penalty

__all__ = [
    "ABDUCTION",
    "ANNEX_II",
    "ARMED_ROBBERY",
    "CHILD_SEXUAL_EXPLOITATION",
    "CRIMINAL_ORGANISATION",
    "ENVIRONMENTAL_CRIME",
    "HUMAN_ORGANS",
    "INTERNATIONAL_CRIMINAL_COURT",
    "KIDNAPPING",
    "MURDER",
    "NARCOTICS",
    "NUCLEAR_MATERIALS",
    "OFFENSES",
    "OFFENSE_LISTS",
    "RAPE",
    "SABOTAGE",
    "SEIZURE_OF_AIRCRAFT_OR_SHIPS",
    "SEXUAL_EXPLOITATION",
    "TERRORISM",
    "TRAFFICKING_IN_HUMAN_BEINGS",
    "VICTIM_LISTS",
    "WEAPONS",
]

_ANNEX = source(
    Verification.TEXT,
    Confidence.HIGH,
    "Annex II of Regulation (EU) 2024/1689, 'List of criminal offences referred to in Article "
    "5(1), first subparagraph, point (h)(iii)' (copies of the Official Journal text)",
)
_POINT_I = source(
    Verification.TEXT,
    Confidence.HIGH,
    "Art. 5(1)(h)(i) of Regulation (EU) 2024/1689 (copies of the Official Journal text)",
)


def _entry(number: int, slug: str, title: str) -> OffenseList:
    return OffenseList(
        id=f"EU:annex-ii-{number:02d}-{slug}",
        title=f"{title} (Annex II, entry {number})",
        citation=cite("Annex II"),
        source=_ANNEX,
    )


TERRORISM = _entry(1, "terrorism", "terrorism")
TRAFFICKING_IN_HUMAN_BEINGS = _entry(2, "trafficking", "trafficking in human beings")
CHILD_SEXUAL_EXPLOITATION = _entry(
    3, "child-sexual-exploitation", "sexual exploitation of children, and child pornography"
)
NARCOTICS = _entry(
    4, "narcotics", "illicit trafficking in narcotic drugs or psychotropic substances"
)
WEAPONS = _entry(5, "weapons", "illicit trafficking in weapons, munitions or explosives")
MURDER = _entry(6, "murder", "murder, grievous bodily injury")
HUMAN_ORGANS = _entry(7, "organs", "illicit trade in human organs or tissue")
NUCLEAR_MATERIALS = _entry(8, "nuclear", "illicit trafficking in nuclear or radioactive materials")
KIDNAPPING = _entry(9, "kidnapping", "kidnapping, illegal restraint or hostage-taking")
INTERNATIONAL_CRIMINAL_COURT = _entry(
    10, "icc", "crimes within the jurisdiction of the International Criminal Court"
)
SEIZURE_OF_AIRCRAFT_OR_SHIPS = _entry(
    11, "aircraft-or-ships", "unlawful seizure of aircraft or ships"
)
RAPE = _entry(12, "rape", "rape")
ENVIRONMENTAL_CRIME = _entry(13, "environmental", "environmental crime")
ARMED_ROBBERY = _entry(14, "robbery", "organised or armed robbery")
SABOTAGE = _entry(15, "sabotage", "sabotage")
CRIMINAL_ORGANISATION = _entry(
    16,
    "criminal-organisation",
    "participation in a criminal organisation involved in one or more of the offences listed above",
)

ANNEX_II: tuple[OffenseList, ...] = (
    TERRORISM,
    TRAFFICKING_IN_HUMAN_BEINGS,
    CHILD_SEXUAL_EXPLOITATION,
    NARCOTICS,
    WEAPONS,
    MURDER,
    HUMAN_ORGANS,
    NUCLEAR_MATERIALS,
    KIDNAPPING,
    INTERNATIONAL_CRIMINAL_COURT,
    SEIZURE_OF_AIRCRAFT_OR_SHIPS,
    RAPE,
    ENVIRONMENTAL_CRIME,
    ARMED_ROBBERY,
    SABOTAGE,
    CRIMINAL_ORGANISATION,
)
"""Annex II's sixteen entries, in the Annex's order."""

ABDUCTION = OffenseList(
    id="EU:abduction",
    title="abduction (Art. 5(1)(h)(i))",
    citation=cite("5", "(1)(h)(i)"),
    source=_POINT_I,
)
SEXUAL_EXPLOITATION = OffenseList(
    id="EU:sexual-exploitation",
    title="sexual exploitation of human beings (Art. 5(1)(h)(i))",
    citation=cite("5", "(1)(h)(i)"),
    source=_POINT_I,
)

VICTIM_LISTS: tuple[OffenseList, ...] = (
    ABDUCTION,
    TRAFFICKING_IN_HUMAN_BEINGS,
    SEXUAL_EXPLOITATION,
)
"""The crimes whose victims a targeted search may be for: abduction, trafficking in human
beings (Annex II's entry 2) and sexual exploitation of human beings."""

OFFENSE_LISTS: tuple[OffenseList, ...] = (*ANNEX_II, ABDUCTION, SEXUAL_EXPLOITATION)
"""Every list the Regulation draws: Annex II's sixteen entries and the two of point (h)(i)."""


def _years(years: int) -> Penalty:
    return Penalty(max_term_months=12 * years)


_LIFE = Penalty(life=True)
_V, _SEX, _TRAF = OffenseCategory.VIOLENT, OffenseCategory.SEXUAL, OffenseCategory.TRAFFICKING


def _offense(
    code: str,
    title: str,
    citation: str,
    penalty: Penalty,
    lists: tuple[OffenseList, ...],
    *categories: OffenseCategory,
) -> Offense:
    return Offense(
        code=code,
        title=title,
        citation=citation,
        penalty=penalty,
        categories=frozenset(categories),
        listed_in=frozenset(lst.id for lst in lists),
    )


OFFENSES: tuple[Offense, ...] = (
    _offense("DE-StGB-211", "Mord (murder)", "StGB §211", _LIFE, (MURDER,), _V),
    _offense("DE-StGB-212", "Totschlag (manslaughter)", "StGB §212", _years(15), (MURDER,), _V),
    _offense(
        "DE-StGB-226",
        "Schwere Körperverletzung (grievous bodily injury)",
        "StGB §226",
        _years(10),
        (MURDER,),
        _V,
    ),
    _offense("DE-StGB-223", "Körperverletzung (bodily injury)", "StGB §223", _years(5), (), _V),
    _offense(
        "DE-StGB-239a",
        "Erpresserischer Menschenraub (abduction for ransom)",
        "StGB §239a",
        _years(15),
        (KIDNAPPING, ABDUCTION),
        _V,
    ),
    _offense(
        "DE-StGB-239b",
        "Geiselnahme (hostage-taking)",
        "StGB §239b",
        _years(15),
        (KIDNAPPING, ABDUCTION),
        _V,
    ),
    _offense(
        "DE-StGB-239",
        "Freiheitsberaubung (illegal restraint)",
        "StGB §239",
        _years(5),
        (KIDNAPPING,),
        _V,
    ),
    _offense(
        "DE-StGB-235",
        "Entziehung Minderjähriger (abduction of a minor)",
        "StGB §235",
        _years(5),
        (ABDUCTION,),
    ),
    _offense(
        "DE-StGB-232",
        "Menschenhandel (trafficking in human beings)",
        "StGB §232",
        _years(10),
        (TRAFFICKING_IN_HUMAN_BEINGS,),
        _TRAF,
    ),
    _offense(
        "DE-StGB-232a",
        "Zwangsprostitution (forced prostitution)",
        "StGB §232a",
        _years(10),
        (SEXUAL_EXPLOITATION,),
        _SEX,
    ),
    _offense(
        "DE-StGB-176",
        "Sexueller Missbrauch von Kindern (sexual abuse of children)",
        "StGB §176",
        _years(15),
        (CHILD_SEXUAL_EXPLOITATION, SEXUAL_EXPLOITATION),
        _SEX,
    ),
    _offense(
        "DE-StGB-177",
        "Vergewaltigung (rape)",
        "StGB §177",
        _years(15),
        (RAPE,),
        _SEX,
        _V,
    ),
    _offense(
        "DE-StGB-250",
        "Schwerer Raub (armed robbery)",
        "StGB §250",
        _years(15),
        (ARMED_ROBBERY,),
        _V,
        OffenseCategory.PROPERTY,
    ),
    _offense(
        "DE-StGB-249",
        "Raub (robbery, neither armed nor organised)",
        "StGB §249",
        _years(15),
        (),
        _V,
        OffenseCategory.PROPERTY,
    ),
    _offense(
        "DE-StGB-242", "Diebstahl (theft)", "StGB §242", _years(5), (), OffenseCategory.PROPERTY
    ),
    _offense(
        "DE-BtMG-29",
        "Handeltreiben mit Betäubungsmitteln (drug trafficking)",
        "BtMG §29",
        _years(5),
        (NARCOTICS,),
        OffenseCategory.DRUGS,
    ),
    _offense(
        "DE-StGB-129a",
        "Bildung terroristischer Vereinigungen (forming a terrorist organisation)",
        "StGB §129a",
        _years(10),
        (TERRORISM,),
        _V,
    ),
    _offense(
        "DE-StGB-129",
        "Bildung krimineller Vereinigungen (forming a criminal organisation)",
        "StGB §129",
        _years(5),
        (CRIMINAL_ORGANISATION,),
        OffenseCategory.PUBLIC_ORDER,
    ),
    _offense(
        "DE-StGB-316c",
        "Angriffe auf den Luft- und Seeverkehr (attacks on air and sea traffic)",
        "StGB §316c",
        _years(15),
        (SEIZURE_OF_AIRCRAFT_OR_SHIPS,),
        _V,
    ),
    _offense(
        "DE-StGB-324",
        "Gewässerverunreinigung (water pollution)",
        "StGB §324(1)",
        _years(5),
        (ENVIRONMENTAL_CRIME,),
    ),
    _offense(
        "DE-StGB-324-3",
        "Fahrlässige Gewässerverunreinigung (negligent water pollution)",
        "StGB §324(3)",
        _years(3),
        (ENVIRONMENTAL_CRIME,),
    ),
    _offense(
        "DE-StGB-88",
        "Verfassungsfeindliche Sabotage (anti-constitutional sabotage)",
        "StGB §88",
        _years(5),
        (SABOTAGE,),
    ),
    _offense(
        "DE-WaffG-51",
        "Unerlaubter Waffenhandel (illicit trade in prohibited weapons)",
        "WaffG §51",
        _years(5),
        (WEAPONS,),
        OffenseCategory.WEAPONS,
    ),
    _offense(
        "DE-StGB-123",
        "Hausfriedensbruch (trespass)",
        "StGB §123",
        _years(1),
        (),
        OffenseCategory.PROPERTY,
    ),
)
"""The sample catalog: German crimes on Annex II's lists and off them, above the four-year
mark and below it (penalties and lists recalled, not checked)."""
