"""The scenario format as pydantic models: the only place where scenario files are validated.

A number in a scenario file is written either plainly (``capability: 80``) or as a mapping that
also says where it comes from and how uncertain it is::

    capability:
      value: 80
      evidence: [{source: bershidsky2020, quote: "the only other strong player in the region"}]
      range: [70, 90]

The models store the plain number in the field (``actor.capability == 80.0``) and keep the rest
as :class:`Meta` in ``meta`` under the field's name, so engines get floats and explanations can
still cite the evidence.

Conventions
-----------
- Positions are on each issue's 0–100 scale; ``low`` and ``high`` say what 0 and 100 mean, and
  an optional ``scale: [lo, hi]`` what they are in the issue's own units.
- Saliences are on 0–1 (1: the issue matters above all else to the actor). Tables in the field's
  0–100 form (KTAB, DEU) are divided by 100 when read.
- Capabilities are any non-negative numbers; only their ratios matter.

Modules
-------
:mod:`.base` (literal types, ids, dates, the base model), :mod:`.meta` (evidence, sources,
:class:`Meta`), :mod:`.actors` (actors, issues, positions, relations), :mod:`.edits` (shocks and
their edits), :mod:`.trees` (escalation trees) and :mod:`.scenario` (the whole file).
"""

from pydantic import BaseModel as BaseModel

from realpolitik.scenario.model.actors import Actor, Issue, Position, Relation
from realpolitik.scenario.model.base import DEFAULT_WEIGHTS, RELATION_ORDER
from realpolitik.scenario.model.base import ActorKind as ActorKind
from realpolitik.scenario.model.base import Commitment as Commitment
from realpolitik.scenario.model.base import Cost as Cost
from realpolitik.scenario.model.base import FiniteFloat as FiniteFloat
from realpolitik.scenario.model.base import RelationType as RelationType
from realpolitik.scenario.model.base import _Base as _Base
from realpolitik.scenario.model.edits import Edit as Edit
from realpolitik.scenario.model.edits import (
    Fight,
    RemoveActor,
    ScaleCapability,
    SetPosition,
    SetRelation,
    SetSalience,
    Shock,
)
from realpolitik.scenario.model.edits import _Edit as _Edit
from realpolitik.scenario.model.meta import Evidence, Meta, Source
from realpolitik.scenario.model.meta import EvidenceList as EvidenceList
from realpolitik.scenario.model.meta import _WithMeta as _WithMeta
from realpolitik.scenario.model.scenario import FightRecord, Scenario, Uncertainty
from realpolitik.scenario.model.scenario import all_field_names as all_field_names
from realpolitik.scenario.model.scenario import (
    register_state_converter as register_state_converter,
)
from realpolitik.scenario.model.trees import EscalationTree, Node, Option, Outcome

# Also importable from here, as before the split: every model class including the private bases
# (``scenario/schema.py`` collects the ``BaseModel`` subclasses of this namespace), the type
# aliases, ``all_field_names`` and ``register_state_converter``.
__all__ = [
    "DEFAULT_WEIGHTS",
    "RELATION_ORDER",
    "Actor",
    "EscalationTree",
    "Evidence",
    "Fight",
    "FightRecord",
    "Issue",
    "Meta",
    "Node",
    "Option",
    "Outcome",
    "Position",
    "Relation",
    "RemoveActor",
    "ScaleCapability",
    "Scenario",
    "SetPosition",
    "SetRelation",
    "SetSalience",
    "Shock",
    "Source",
    "Uncertainty",
]
