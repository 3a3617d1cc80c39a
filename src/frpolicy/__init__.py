"""frpolicy: the law on police use of facial recognition, as code.

Build a :class:`SearchRequest`, ask a jurisdiction for a :class:`Decision`, read its
memo, and check what it obliges::

    import frpolicy

    ma = frpolicy.jurisdiction("US-MA")
    decision = ma.version("H.1728").evaluate(request)
    print(decision.explain())

The public names are re-exported here; each lives in the module of its layer:
:mod:`frpolicy.model`, :mod:`frpolicy.law`, :mod:`frpolicy.predicates`,
:mod:`frpolicy.policy`, :mod:`frpolicy.jurisdictions`, :mod:`frpolicy.compliance` and
:mod:`frpolicy.serialization`.
"""

from __future__ import annotations

from frpolicy.jurisdictions import Invariant, Jurisdiction, Version, jurisdiction, jurisdictions
from frpolicy.law import (
    Citation,
    Confidence,
    Instrument,
    InstrumentKind,
    InstrumentStatus,
    Provision,
    Source,
    Verification,
)
from frpolicy.model import (
    Agency,
    AgencyKind,
    Analysis,
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
    Purpose,
    Race,
    SearchRecord,
    SearchRequest,
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
from frpolicy.serialization import InputError, from_dict, from_json, json_schema, to_dict, to_json

__all__ = [
    "Agency",
    "AgencyKind",
    "Analysis",
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
    "InputError",
    "Instrument",
    "InstrumentKind",
    "InstrumentStatus",
    "Invariant",
    "Jurisdiction",
    "MediaKind",
    "Notice",
    "Obligation",
    "ObligationCheck",
    "ObligationStatus",
    "Offense",
    "OffenseCategory",
    "Officer",
    "Outcome",
    "Penalty",
    "Policy",
    "Predicate",
    "ProbeImage",
    "Provision",
    "Purpose",
    "Race",
    "Reason",
    "Rule",
    "SearchRecord",
    "SearchRequest",
    "Source",
    "SwornStatement",
    "Technology",
    "Training",
    "Unit",
    "Verification",
    "Version",
    "Warrant",
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
