"""Massachusetts offenses, classed as the General Laws class them.

G.L. c.274 §1: "A crime punishable by death or imprisonment in the state prison is a
felony. All other crimes are misdemeanors." The line follows the *place* of possible
confinement, not the length of the term: up to two and a half years in a house of
correction is still a misdemeanor. "Punishable" reads the most the law allows, not the
sentence given (*Commonwealth v. Pemberton*, Supreme Judicial Court): an offense
punishable "in the state prison or the house of correction" is a state-prison offense, a
felony, and its penalty is given as :attr:`~frpolicy.model.Confinement.STATE_PRISON`.

A penalty sent without its place is still classed. G.L. c.279 §23: "No sentence of a male
convict to imprisonment or confinement for more than two and one half years shall be
executed in any jail or house of correction", and a life sentence is served in the state
prison. So death, life, or a maximum over 30 months can only be a state-prison penalty: a
felony, whatever place is stated. Only a shorter term, or a fine, needs its place to be
classed, and without one it is a misdemeanor. :func:`classify` applies that test, and
every offense of the catalog is built through it, so a classification cannot disagree with
a penalty.

Sources read (2026-12-07): c.274 §1 as quoted by equitas.law and mass.gov's self-help page
("if the crime you are charged with allows you to be sent to state prison as a punishment,
it is a felony regardless of the actual punishment you receive"); c.279 §23 on lawserver.com
and ma.elaws.us; *Pemberton* on cetient.com (verification ``text``, confidence high).

The catalog is a representative sample to exercise every rule, not the General Laws.
Its penalties are recalled, not checked against the General Laws (verification
``unverified`` in the provisions catalog); integrators pass their own :class:`Offense`
objects, classed by the same function.
"""

from __future__ import annotations

from frpolicy.model import Classification, Confinement, Offense, OffenseCategory, Penalty

__all__ = ["HOUSE_OF_CORRECTION_MONTHS", "OFFENSES", "classify", "offense"]

HOUSE_OF_CORRECTION_MONTHS = 30
"""The longest term a house of correction may hold: two and a half years (G.L. c.279 §23)."""

_SP = Confinement.STATE_PRISON
_HOC = Confinement.HOUSE_OF_CORRECTION
_V = OffenseCategory.VIOLENT
_SEX = OffenseCategory.SEXUAL
_PROP = OffenseCategory.PROPERTY


def classify(penalty: Penalty) -> Classification:
    """The class of an offense with this penalty under G.L. c.274 §1.

    A felony when the penalty is death, life, a term in the state prison, or a term longer
    than a house of correction may hold (:data:`HOUSE_OF_CORRECTION_MONTHS`), whatever place
    is stated; otherwise a misdemeanor.

    >>> classify(Penalty(confinement=Confinement.HOUSE_OF_CORRECTION, max_term_months=30))
    <Classification.MISDEMEANOR: 'misdemeanor'>
    >>> classify(Penalty(max_term_months=31))
    <Classification.FELONY: 'felony'>
    >>> classify(Penalty(life=True))
    <Classification.FELONY: 'felony'>
    """
    term = penalty.max_term_months
    if (
        penalty.death
        or penalty.life
        or penalty.confinement is Confinement.STATE_PRISON
        or (term is not None and term > HOUSE_OF_CORRECTION_MONTHS)
    ):
        return Classification.FELONY
    return Classification.MISDEMEANOR


def offense(
    code: str,
    title: str,
    citation: str,
    penalty: Penalty,
    *categories: OffenseCategory,
) -> Offense:
    """A Massachusetts offense, classed by :func:`classify`."""
    return Offense(
        code=code,
        title=title,
        citation=citation,
        classification=classify(penalty),
        penalty=penalty,
        categories=frozenset(categories),
    )


def _years(confinement: Confinement, years: float) -> Penalty:
    return Penalty(confinement=confinement, max_term_months=round(years * 12))


_LIFE = Penalty(confinement=_SP, life=True)
_FINE = Penalty(confinement=Confinement.NONE)

OFFENSES: tuple[Offense, ...] = (
    offense("265-1", "Murder", "G.L. c.265 §1", _LIFE, _V),
    offense("265-13A-a", "Assault and battery", "G.L. c.265 §13A(a)", _years(_HOC, 2.5), _V),
    offense(
        "265-15A-b",
        "Assault and battery by means of a dangerous weapon",
        "G.L. c.265 §15A(b)",
        _years(_SP, 10),
        _V,
        OffenseCategory.WEAPONS,
    ),
    offense("265-17", "Armed robbery", "G.L. c.265 §17", _LIFE, _V, OffenseCategory.WEAPONS, _PROP),
    offense("265-19-b", "Unarmed robbery", "G.L. c.265 §19(b)", _LIFE, _V, _PROP),
    offense("265-22-b", "Rape", "G.L. c.265 §22(b)", _years(_SP, 20), _V, _SEX),
    offense("265-26", "Kidnapping", "G.L. c.265 §26", _years(_SP, 10), _V),
    offense("265-43-a", "Stalking", "G.L. c.265 §43(a)", _years(_SP, 5), _V),
    offense(
        "265-50",
        "Trafficking of persons for sexual servitude",
        "G.L. c.265 §50",
        _years(_SP, 20),
        _SEX,
        OffenseCategory.TRAFFICKING,
    ),
    offense("266-15", "Burglary (unarmed)", "G.L. c.266 §15", _years(_SP, 20), _PROP),
    offense("266-30-1-over", "Larceny over $1,200", "G.L. c.266 §30(1)", _years(_SP, 5), _PROP),
    offense(
        "266-30-1-under", "Larceny of $1,200 or less", "G.L. c.266 §30(1)", _years(_HOC, 1), _PROP
    ),
    offense("266-30A", "Shoplifting (first offense)", "G.L. c.266 §30A", _FINE, _PROP),
    offense(
        "266-120",
        "Trespass",
        "G.L. c.266 §120",
        Penalty(confinement=_HOC, max_term_months=1),
        _PROP,
    ),
    offense(
        "266-127-over",
        "Malicious destruction of property over $1,200",
        "G.L. c.266 §127",
        _years(_SP, 10),
        _PROP,
    ),
    offense(
        "268-1",
        "Perjury",
        "G.L. c.268 §1",
        _years(_SP, 20),
        OffenseCategory.ADMINISTRATION_OF_JUSTICE,
    ),
    offense(
        "269-10-a",
        "Unlawful carrying of a firearm",
        "G.L. c.269 §10(a)",
        _years(_SP, 5),
        OffenseCategory.WEAPONS,
    ),
    offense(
        "272-53",
        "Disorderly conduct (first offense)",
        "G.L. c.272 §53",
        _FINE,
        OffenseCategory.PUBLIC_ORDER,
    ),
    offense(
        "90-24-1-a-1",
        "Operating under the influence (first offense)",
        "G.L. c.90 §24(1)(a)(1)",
        _years(_HOC, 2.5),
        OffenseCategory.MOTOR_VEHICLE,
    ),
    offense(
        "94C-32A-a",
        "Distribution of a Class B substance",
        "G.L. c.94C §32A(a)",
        _years(_SP, 10),
        OffenseCategory.DRUGS,
    ),
)
"""The sample catalog: twenty offenses across the felony line (penalties unverified)."""
