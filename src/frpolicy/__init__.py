"""frpolicy: the law on police use of facial recognition, as code.

Build a :class:`SearchRequest`, ask a jurisdiction for a :class:`Decision`, read its
memo, and check what it obliges::

    import frpolicy

    ma = frpolicy.jurisdiction("US-MA")
    decision = ma.version("H.1728").evaluate(request)
    print(decision.explain())

The public names are re-exported here; each lives in the module of its layer:
:mod:`frpolicy.model`, :mod:`frpolicy.law`, :mod:`frpolicy.predicates`,
:mod:`frpolicy.policy`, :mod:`frpolicy.jurisdictions`, :mod:`frpolicy.comparison` and
:mod:`frpolicy.serialization`. What a first decision does not need,
:mod:`frpolicy.comparison` and :mod:`frpolicy.serialization` (with cattrs), is imported when
one of its names is first used. Auditing a log is :mod:`frpolicy.compliance`'s, and its
reports :mod:`frpolicy.reports`'; import them by name.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from frpolicy.jurisdictions import (
    InconsistentRequest,
    Invariant,
    Jurisdiction,
    Version,
    jurisdiction,
    jurisdictions,
)
from frpolicy.law import (
    Citation,
    Confidence,
    Instrument,
    InstrumentKind,
    InstrumentStatus,
    OffenseList,
    Provision,
    Source,
    Verification,
)
from frpolicy.model import (
    Agency,
    AgencyKind,
    Analysis,
    Authority,
    Authorization,
    CaseRecord,
    Classification,
    Confinement,
    CourtKind,
    CourtOrder,
    Database,
    Disclosure,
    Emergency,
    Event,
    EventKind,
    Gender,
    Harm,
    ImageSource,
    MediaKind,
    Notice,
    Offense,
    OffenseCategory,
    Officer,
    Penalty,
    ProbeImage,
    ProtectedGround,
    Purpose,
    Race,
    SearchRecord,
    SearchRequest,
    Suspicion,
    SwornStatement,
    Technology,
    Training,
    Warrant,
)
from frpolicy.policy import (
    Calendar,
    Deadline,
    Decision,
    Duty,
    Effect,
    Obligation,
    ObligationCheck,
    ObligationStatus,
    Outcome,
    Policy,
    Reason,
    Rule,
    Unit,
)
from frpolicy.predicates import Predicate, leaf, leaf_family

if TYPE_CHECKING:
    from frpolicy.comparison import Judgment, SideBySide, compare
    from frpolicy.serialization import (
        InputError,
        from_dict,
        from_json,
        json_schema,
        to_dict,
        to_json,
    )

__all__ = [
    "Agency",
    "AgencyKind",
    "Analysis",
    "Authority",
    "Authorization",
    "Calendar",
    "CaseRecord",
    "Citation",
    "Classification",
    "Confidence",
    "Confinement",
    "CourtKind",
    "CourtOrder",
    "Database",
    "Deadline",
    "Decision",
    "Disclosure",
    "Duty",
    "Effect",
    "Emergency",
    "Event",
    "EventKind",
    "Gender",
    "Harm",
    "ImageSource",
    "InconsistentRequest",
    "InputError",
    "Instrument",
    "InstrumentKind",
    "InstrumentStatus",
    "Invariant",
    "Judgment",
    "Jurisdiction",
    "MediaKind",
    "Notice",
    "Obligation",
    "ObligationCheck",
    "ObligationStatus",
    "Offense",
    "OffenseCategory",
    "OffenseList",
    "Officer",
    "Outcome",
    "Penalty",
    "Policy",
    "Predicate",
    "ProbeImage",
    "ProtectedGround",
    "Provision",
    "Purpose",
    "Race",
    "Reason",
    "Rule",
    "SearchRecord",
    "SearchRequest",
    "SideBySide",
    "Source",
    "Suspicion",
    "SwornStatement",
    "Technology",
    "Training",
    "Unit",
    "Verification",
    "Version",
    "Warrant",
    "compare",
    "from_dict",
    "from_json",
    "json_schema",
    "jurisdiction",
    "jurisdictions",
    "leaf",
    "leaf_family",
    "to_dict",
    "to_json",
]

# What a first decision does not need is imported when first used: the JSON edge needs
# cattrs, the costliest import of all, and a comparison is asked for across places.
_ON_FIRST_USE = {
    **dict.fromkeys(
        ("InputError", "from_dict", "from_json", "json_schema", "to_dict", "to_json"),
        "frpolicy.serialization",
    ),
    **dict.fromkeys(("Judgment", "SideBySide", "compare"), "frpolicy.comparison"),
}


def __getattr__(name: str) -> object:
    if name in _ON_FIRST_USE:
        import importlib  # noqa: PLC0415 - only for the names imported on first use

        value = getattr(importlib.import_module(_ON_FIRST_USE[name]), name)
        globals()[name] = value
        return value
    msg = f"module 'frpolicy' has no attribute {name!r}"
    raise AttributeError(msg)
