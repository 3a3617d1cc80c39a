"""The package ``frpolicy new-jurisdiction CODE`` writes: a jurisdiction to start from.

It is laid out as frpolicy's own jurisdiction modules are (``frpolicy.jurisdictions.us_md``):
``common`` (the code, the instrument's name, the clock, the source, the sample agencies),
``offenses`` (the list the law draws and a sample offense), and one module per instrument
that reads like the annotated statute, with its reading, rule, invariant and provision.
Then tests that run the law-property suite, and a documentation page that
:mod:`frpolicy.sphinx` fills with the law.

The law it holds is a template, and says so: every source is ``unverified, low``, and its
reference says to replace it. It installs, passes its own tests and ``frpolicy verify``
as written, so an author changes one thing at a time from a package that works.
"""

from __future__ import annotations

import re
import string
from pathlib import Path

import holidays

from frpolicy.jurisdictions import _origin, _registry
from frpolicy.model import is_place_code

__all__ = ["write_package"]


_PYPROJECT = """\
[build-system]
requires = ["hatchling>=1.21"]
build-backend = "hatchling.build"

[project]
name = "$dist"
version = "0.1.0"
description = "The law of $name on police facial recognition, as a frpolicy jurisdiction."
readme = "README.md"
requires-python = ">=3.11"
dependencies = ["frpolicy"]

[project.optional-dependencies]
# the law-property suite (Hypothesis), its proofs (z3) and pytest, to run the tests
test = ["frpolicy[test,verify]"]
# Sphinx and frpolicy's law pages, to build the documentation
docs = ["frpolicy[docs]"]

# frpolicy finds the jurisdiction by this entry point: named by its code, naming the object
[project.entry-points."frpolicy.jurisdictions"]
$code = "$package:$constant"

[tool.hatch.build.targets.wheel]
packages = ["src/$package"]

[tool.pytest.ini_options]
testpaths = ["tests"]
addopts = ["--strict-markers"]

[tool.ruff]
line-length = 100  # as frpolicy's own modules are written
"""

_README = """\
# $dist

The law of $name on police use of facial recognition, as a jurisdiction of
[frpolicy](https://pypi.org/project/frpolicy/): registered as `$code`, it judges search
requests, explains each decision in the law's words, and proves its own invariants.

**Written from frpolicy's template: nothing here is law yet.** Replace the template act in
`src/$package/act.py` with the law's provisions, each with its citation and the source it
was read from, and the sample offense and agencies with the place's own.

    pip install -e '.[test]'       # the package, and what its tests need
    pytest                         # its tests, and frpolicy's law-property suite
    frpolicy verify $code          # every invariant proved, every rule able to fire
    pip install -e '.[docs]' && python -m sphinx -W -n docs docs/_build/html
"""

_GITIGNORE = """\
__pycache__/
*.egg-info/
build/
dist/
.hypothesis/
.pytest_cache/
docs/_build/
# written by frpolicy.sphinx at each documentation build
docs/jurisdictions/
"""

_INIT = '''\
"""$name ($code): the law on police use of facial recognition, as frpolicy applies it.

One version, in one module that reads like the annotated statute: :mod:`$package.act`. The
list of offenses the law draws and a sample offense are in :mod:`$package.offenses`; the
code, the clock, the source and the sample agencies in :mod:`$package.common`.

Written from frpolicy's template (``frpolicy new-jurisdiction``): nothing here is law until
its provisions are replaced by the law's, each with the source it was read from.
"""

from __future__ import annotations

from frpolicy.jurisdictions import Jurisdiction

from $package.act import ACT
from $package.common import AGENCIES, CODE

__all__ = ["ACT", "$constant"]

$constant = Jurisdiction(code=CODE, name="$name", versions=(ACT,), agencies=AGENCIES)
"""$name, as the entry point ``$code`` names it."""
'''

_COMMON = '''\
"""What the $name module shares: its code, its instrument's name, its clock, its agencies."""

from __future__ import annotations

from frpolicy.law import Citation, Confidence, Source, Verification
from frpolicy.model import Agency, AgencyKind
from frpolicy.policy import Calendar

__all__ = ["AGENCIES", "CALENDAR", "CODE", "INSTRUMENT_ID", "TEMPLATE", "cite"]

CODE = "$code"
"""The jurisdiction's code, as the entry point in ``pyproject.toml`` is named."""

INSTRUMENT_ID = "$name Template Act"
"""The instrument the version encodes, named as it is cited (replace: the act's name)."""

CALENDAR = Calendar(timezone="$timezone", country="$country"$subdivision)
"""The time zone deadlines are counted in, and whose legal holidays business days skip
(replace: the place's own, an IANA zone and a country, with its subdivision)."""

TEMPLATE = Source(
    verification=Verification.UNVERIFIED,
    confidence=Confidence.LOW,
    reference="frpolicy's template, not law: replace the provision with the law's text, "
    "and this source with where it was read",
)
"""The source of every provision of the template: not checked against any law."""


def cite(section: str, subsection: str | None = None) -> Citation:
    """A citation of a section of the act; a subsection as the law writes it: ``"(2)(A)"``."""
    return Citation(instrument=INSTRUMENT_ID, section=f"§{section}", subsection=subsection)


def _agency(agency_id: str, name: str, kind: AgencyKind) -> Agency:
    # Each sample agency is this place's own: its home is the place's code.
    return Agency(id=agency_id, name=name, kind=kind, home=CODE)


AGENCIES: tuple[Agency, ...] = (
    _agency("STATE-POLICE", "$name State Police", AgencyKind.STATE_POLICE),
    _agency("CITY-POLICE", "$name City Police Department", AgencyKind.LOCAL_POLICE),
    _agency("REGISTRY", "$name Motor Vehicle Registry", AgencyKind.MOTOR_VEHICLE_REGISTRY),
)
"""Sample agencies of $name, one of each kind its law names, for generated requests."""
'''

_OFFENSES = '''\
"""The list of offenses the template act draws, and a sample offense on it.

A law that lets facial recognition investigate only some crimes draws a list of them: an
:class:`~frpolicy.law.OffenseList`, with the citation that draws it. An
:class:`~frpolicy.model.Offense` names the lists it is on by their ids, in ``listed_in``.
The sample offense exercises the rules; integrators pass their own offenses.
"""

from __future__ import annotations

from frpolicy.law import OffenseList
from frpolicy.model import Classification, Confinement, Offense, Penalty

from $package.common import CODE, TEMPLATE, cite

__all__ = ["OFFENSES", "OFFENSE_LISTS", "ROBBERY", "SERIOUS_CRIME"]

SERIOUS_CRIME = OffenseList(
    id=f"{CODE}:serious-crime",
    title="a serious crime listed in §2(a) of the template act",
    citation=cite("2", "(a)"),
    source=TEMPLATE,
)
"""The crimes the template act lets facial recognition investigate."""

OFFENSE_LISTS: tuple[OffenseList, ...] = (SERIOUS_CRIME,)
"""Every list of offenses the act draws."""

ROBBERY = Offense(
    code="ROBBERY",
    title="Robbery",
    citation="§2(a) of the template act",
    classification=Classification.FELONY,
    penalty=Penalty(confinement=Confinement.STATE_PRISON, max_term_months=240),
    listed_in=frozenset({SERIOUS_CRIME.id}),
)
"""A sample offense on the list (replace: an offense of the place's code, with its penalty)."""

OFFENSES: tuple[Offense, ...] = (ROBBERY,)
"""The sample offenses the act's rules are exercised with."""
'''

_ACT = '''\
"""The template act, an annotated statute as frpolicy's template writes one: not law.

Replace it with the law: the instrument and its dates; each rule beside its citation, a
one-line paraphrase and the source it was read from; each question the text leaves open as
a reading; what the provisions promise as invariants, written from their text and never
copied from the rules; and what decides no search as provisions kept as prose.

What the template asks, in short: police may use facial recognition to investigate a
serious crime listed in §2(a), on a warrant (§2(b)); whether an emergency excuses the
warrant, the text does not say (the reading ``$reading``).
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date

from frpolicy import conditions as c
from frpolicy.jurisdictions import Invariant, Version, choose_readings
from frpolicy.law import Choice, Instrument, InstrumentKind, InstrumentStatus, Provision, Reading
from frpolicy.model import AgencyKind
from frpolicy.policy import Effect, Policy, Rule
from frpolicy.predicates import Predicate

from $package.common import CALENDAR, CODE, INSTRUMENT_ID, TEMPLATE, cite
from $package.offenses import OFFENSE_LISTS, OFFENSES, SERIOUS_CRIME

__all__ = ["ACT", "INSTRUMENT", "READINGS"]

INSTRUMENT = Instrument(
    id=INSTRUMENT_ID,
    title="An act on police use of facial recognition (frpolicy's template, not law)",
    kind=InstrumentKind.STATUTE,
    status=InstrumentStatus.IN_FORCE,
    effective_from=date(2025, 1, 1),
)
"""The act: its name, title, status and the day it took effect."""

# -- readings: where the text admits more than one answer -----------------------------------

EMERGENCY = Reading(
    id="$reading",
    question="Does an emergency, an immediate danger of death or serious physical injury, "
    "excuse the warrant §2(b) asks for?",
    choices=(
        Choice(id="no", text="No: §2(b) names no exception, so every search needs a warrant."),
        Choice(id="yes", text="Yes: in such an emergency a search may run without a warrant."),
    ),
    source=TEMPLATE,
    citation=cite("2", "(b)"),
)
READINGS = (EMERGENCY,)
"""The readings this version rests on; the first choice of each is the one adopted."""

# -- the conditions of §2 ---------------------------------------------------------------------

# The act binds $name's own police: those whose home is $code, or a place within it.
POLICE = c.requested_by_any(
    frozenset({AgencyKind.LOCAL_POLICE, AgencyKind.STATE_POLICE})
) & c.requested_by_agency_of(CODE, "$name")
SERIOUS = c.offense_on(SERIOUS_CRIME)
WARRANT = c.WARRANT_AUTHORIZES_SEARCH & c.WARRANT_IN_FORCE
EMERGENCY_OF_HARM = c.EMERGENCY_DECLARED & c.EMERGENCY_IMMEDIATE & c.EMERGENCY_HARM_TO_A_PERSON


def _authority(readings: Mapping[str, Reading]) -> Predicate:
    if readings[EMERGENCY.id].chosen == "yes":
        return WARRANT | EMERGENCY_OF_HARM
    return WARRANT


def _rules(readings: Mapping[str, Reading]) -> tuple[Rule, ...]:
    return (
        # §2 Police may use facial recognition to investigate a serious crime (a), on a
        # warrant (b).
        Rule(
            id="$prefix-SERIOUS-CRIME",
            effect=Effect.PERMIT,
            when=SERIOUS & _authority(readings),
            citation=cite("2"),
            paraphrase="Police may use facial recognition to investigate a serious crime "
            "listed in §2(a), on a warrant that authorizes the search.",
            source=TEMPLATE,
        ),
    )


# -- what the provisions say, restated from leaves (never from the rules above) -------------


def _invariants() -> tuple[Invariant, ...]:
    return (
        Invariant(
            id="serious-crimes-only",
            statement="A permitted search investigates a serious crime listed in §2(a).",
            holds=c.offense_on(SERIOUS_CRIME),
            citation=cite("2", "(a)"),
        ),
    )


# -- provisions kept as prose ------------------------------------------------------------------


def _provisions() -> tuple[Provision, ...]:
    return (
        Provision(
            id="$prefix-ANNUAL-REPORT",
            citation=cite("3"),
            text="Each agency reports its searches once a year. A duty of the agency, not of "
            "a search: kept as prose.",
            source=TEMPLATE,
        ),
    )


def _make(choices: Mapping[str, str]) -> Version:
    readings = choose_readings(READINGS, choices)
    return Version(
        policy=Policy(
            jurisdiction=CODE,
            instrument=INSTRUMENT,
            calendar=CALENDAR,
            scope=POLICE,
            rules=_rules(readings),
            readings=tuple(readings.values()),
        ),
        offenses=OFFENSES,
        offense_lists=OFFENSE_LISTS,
        invariants=_invariants(),
        provisions=_provisions(),
        summary="The template: police may use facial recognition to investigate a serious "
        "crime, on a warrant.",
    )


ACT = Version.from_builder(_make)
"""The template act, under the readings adopted."""
'''

_CONFTEST = '''\
"""Hypothesis draws the same requests on every run, so a test never fails by chance."""

from hypothesis import HealthCheck, settings

settings.register_profile(
    "law",
    derandomize=True,
    deadline=None,
    max_examples=50,
    suppress_health_check=[HealthCheck.too_slow],
)
settings.load_profile("law")
'''

_TESTS = '''\
"""The template act, tested in the law's terms, and frpolicy's law-property suite on it."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import attrs
import frpolicy
from frpolicy import (
    CourtKind,
    Emergency,
    Harm,
    ImageSource,
    MediaKind,
    Outcome,
    ProbeImage,
    Purpose,
    SearchRequest,
    Technology,
    Warrant,
)
from frpolicy.testing import check_jurisdiction

from $package import ACT, $constant
from $package.act import EMERGENCY
from $package.common import AGENCIES, CODE
from $package.offenses import ROBBERY

DAY = datetime(2025, 3, 3, 10, tzinfo=UTC)
STATE_POLICE, CITY_POLICE, _ = AGENCIES
WARRANT = Warrant(
    case_number="25-0001",
    court=CourtKind.SUPERIOR_COURT,
    judge="Hon. A. Judge",
    issued_at=DAY - timedelta(days=1),
    expires_at=DAY + timedelta(days=7),
    offense_codes=frozenset({ROBBERY.code}),
    authorizes_facial_recognition=True,
)
SEARCH = SearchRequest(
    id="T-1",
    requesting_agency=CITY_POLICE,
    performing_agency=STATE_POLICE,
    purpose=Purpose.CRIMINAL_INVESTIGATION,
    probe=ProbeImage(kind=MediaKind.STILL_IMAGE, source=ImageSource.SURVEILLANCE_CAMERA),
    technology=Technology(name="Face search", approved=True),
    submitted_at=DAY,
    offense=ROBBERY,
    warrant=WARRANT,
)
EMERGENCY_OF_HARM = Emergency(
    harm=Harm.DEATH, immediate=True, declared_by="SGT-1", declared_at=DAY
)


def test_the_entry_point_finds_the_jurisdiction() -> None:
    assert frpolicy.jurisdiction(CODE) is $constant


def test_a_police_search_for_a_serious_crime_on_a_warrant_is_permitted_under_section_2() -> None:
    decision = ACT.evaluate(SEARCH)
    assert decision.outcome is Outcome.PERMITTED
    assert "§2" in decision.explain()


def test_a_search_without_a_warrant_is_not_permitted_even_in_an_emergency_as_adopted() -> None:
    unwarranted = attrs.evolve(SEARCH, warrant=None, emergency=EMERGENCY_OF_HARM)
    assert ACT.evaluate(unwarranted).outcome is Outcome.NOT_PERMITTED


def test_read_the_other_way_an_emergency_excuses_the_warrant() -> None:
    unwarranted = attrs.evolve(SEARCH, warrant=None, emergency=EMERGENCY_OF_HARM)
    other = ACT.with_readings({EMERGENCY.id: "yes"})
    assert other.evaluate(unwarranted).outcome is Outcome.PERMITTED


def test_the_law_passes_every_property_of_frpolicy_s_suite() -> None:
    check_jurisdiction(CODE)
'''

_DOCS_CONF = '''\
"""Sphinx configuration: the law pages are written from the code by frpolicy.sphinx."""

project = "$dist"
extensions = ["myst_parser", "frpolicy.sphinx"]
myst_enable_extensions = ["colon_fence", "deflist"]
# whose jurisdictions the law pages show: this package's
frpolicy_distributions = ["$dist"]
exclude_patterns = ["_build"]
nitpicky = True
'''

_DOCS_INDEX = """\
# $name ($code)

The law of $name on police use of facial recognition, as frpolicy applies it. The pages
below are written from the package's code each time this documentation is built, so they
say what the code does: each rule with its citation and source, each reading, each
invariant with its proof, and the provisions kept as prose.

```{toctree}
:maxdepth: 2

jurisdictions/index
```
"""


def _names(code: str, name: str) -> dict[str, str]:
    """What the templates are filled with, all derived from the code and the place's name."""
    lower = code.lower().replace("-", "_")
    constant = re.sub(r"\W+", "_", name.upper()).strip("_")
    if not constant.isidentifier() or constant[0].isdigit():
        constant = code.upper().replace("-", "_")
    country, _, subdivision = code.partition("-")
    try:
        holidays.country_holidays(country, subdiv=subdivision or None)
    except NotImplementedError:
        # no holidays are known for the code: the template says to give the place's own
        country, subdivision = "US", ""
    return {
        "code": code,
        "name": name,
        "package": f"frpolicy_{lower}",
        "dist": f"frpolicy-{lower.replace('_', '-')}",
        "constant": constant,
        "prefix": code.rpartition("-")[2],
        "reading": f"{code.rpartition('-')[2].lower()}-emergency",
        "timezone": "UTC",
        "country": country,
        "subdivision": f', subdivision="{subdivision}"' if subdivision else "",
    }


def write_package(code: str, name: str | None = None, directory: Path | None = None) -> Path:
    """Write a new jurisdiction package for ``code`` and return its folder.

    Args:
        code: The jurisdiction's code, a place code (``US-VT``; see
            :func:`~frpolicy.model.is_place_code`): the law reads an agency as one of its
            place when the agency's home is the code or lies within it.
        name: The place's name (default: the code).
        directory: The package's folder, which must not exist (default:
            ``frpolicy-<code>`` in lower case, in the current directory).

    Raises:
        ValueError: the code or the name cannot be used (a code an installed package
            registers included), or the folder exists.
        OSError: a file cannot be written.
    """
    if not is_place_code(code):
        msg = f"{code!r} is not a jurisdiction code: a place code such as US-VT, DE or US-MI-DET"
        raise ValueError(msg)
    if code in _registry():
        # a second package registering the code would make both unusable (PluginError)
        origin = "; ".join(_origin(entry) for entry in _registry()[code])
        msg = f"{code} is installed already ({origin}): write your own law under another code"
        raise ValueError(msg)
    name = " ".join((name or code).split())
    if not name or any(ch in name for ch in "\"'\\$"):
        msg = f"{name!r} cannot be a place's name: give one without quotes, $ or backslashes"
        raise ValueError(msg)
    values = _names(code, name)
    folder = directory if directory is not None else Path(values["dist"])
    if folder.exists():
        msg = f"{folder} exists: give a new folder with --directory"
        raise ValueError(msg)
    package = Path("src", values["package"])
    files = {
        Path("pyproject.toml"): _PYPROJECT,
        Path("README.md"): _README,
        Path(".gitignore"): _GITIGNORE,
        package / "__init__.py": _INIT,
        package / "common.py": _COMMON,
        package / "offenses.py": _OFFENSES,
        package / "act.py": _ACT,
        package / "py.typed": "",
        Path("tests", "conftest.py"): _CONFTEST,
        Path("tests", "test_act.py"): _TESTS,
        Path("docs", "conf.py"): _DOCS_CONF,
        Path("docs", "index.md"): _DOCS_INDEX,
    }
    for relative, template in files.items():
        path = folder / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(string.Template(template).substitute(values), encoding="utf-8")
    return folder
