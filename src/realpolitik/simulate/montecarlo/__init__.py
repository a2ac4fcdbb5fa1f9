"""Monte Carlo over input uncertainty: forecast quantiles, path probabilities, sensitivity.

Every run draws one consistent world of inputs (positions, saliences, capabilities and any
escalation cost given with a range), forecasts the scenario with the engine and, when a tree is
given, every outcome of the tree, and solves the tree. All runs go through the engine's batch
axis in chunks (memory stays bounded), locally or on Dask.

Uncertainty of one input
------------------------
In order of precedence, from the value's metadata in the scenario file (``.cite(field)``):

- ``range: [low, high]``: uniform on that interval (absolute units of the value);
- ``sd: x``: normal around the value with that standard deviation (absolute units);
- otherwise the scenario's ``uncertainty`` defaults: a position ±``position`` points, a
  salience and a capability ±``salience`` / ±``capability`` relative (uniform; 0.2 is ±20 %).

Draws are clipped to the value's domain: positions to [0, 100], saliences to [0, 1],
capabilities to ≥ 0. Costs of escalation outcomes are uncertain only where the file gives them a
``range`` or ``sd``.

One world per run
-----------------
The perturbation drawn for a base value is carried to every outcome's shocked copy of the
scenario: a position moves by the same number of points, a salience or capability by the same
factor (by the same amount where the base value is 0), so a value a shock sets gets the same
relative noise as the value it replaces. Every outcome of a run thus sees the same world.

Reproducibility
---------------
Run ``k`` draws its inputs from its own generator seeded with child ``k`` of
``numpy.random.SeedSequence(seed)`` (``SeedSequence(seed).spawn(n_runs)[k]``), in a fixed order;
the engine is deterministic and treats every batch element independently. The numbers depend on
``seed`` and ``n_runs`` only, never on the chunk size, the number of processes or Dask.

Sensitivity
-----------
Spearman's rank correlation between every uncertain input and every output (each issue's
forecast; each path's probability when a tree is given), over the runs; the inputs with the
largest ``|rho|`` move the output most.

Modules
-------
:mod:`.spec` (the uncertain inputs and their distributions), :mod:`.plan` (the plan of a study
and one chunk of runs: draws, forecasts, tree solutions), :mod:`.stats` (quantiles and rank
correlations), :mod:`.result` (:class:`MonteCarloResult` and its summaries) and :mod:`.execute`
(:func:`run_montecarlo`: the chunks run locally, in worker processes or on Dask).
"""

from realpolitik.simulate.montecarlo.execute import (
    DEFAULT_LEVELS,
    MAX_RUNS,
    STATES_PER_CHUNK,
    check_runs,
    run_montecarlo,
)
from realpolitik.simulate.montecarlo.execute import Engine as Engine
from realpolitik.simulate.montecarlo.execute import _chunks as _chunks
from realpolitik.simulate.montecarlo.execute import _forecast_name as _forecast_name
from realpolitik.simulate.montecarlo.execute import _store as _store
from realpolitik.simulate.montecarlo.plan import MonteCarloPlan, make_plan, run_chunk
from realpolitik.simulate.montecarlo.plan import _base_only as _base_only
from realpolitik.simulate.montecarlo.plan import _root_seed as _root_seed
from realpolitik.simulate.montecarlo.result import (
    MIN_RELIABLE_RUNS,
    TOP_INPUTS,
    MonteCarloResult,
)
from realpolitik.simulate.montecarlo.spec import _KIND_NAMES as _KIND_NAMES
from realpolitik.simulate.montecarlo.spec import CAPABILITY as CAPABILITY
from realpolitik.simulate.montecarlo.spec import COST as COST
from realpolitik.simulate.montecarlo.spec import POSITION as POSITION
from realpolitik.simulate.montecarlo.spec import SALIENCE as SALIENCE
from realpolitik.simulate.montecarlo.spec import InputSpec, input_spec
from realpolitik.simulate.montecarlo.stats import _level as _level
from realpolitik.simulate.montecarlo.stats import _quantile_dict as _quantile_dict
from realpolitik.simulate.montecarlo.stats import rank_correlation

__all__ = [
    "DEFAULT_LEVELS",
    "MAX_RUNS",
    "MIN_RELIABLE_RUNS",
    "STATES_PER_CHUNK",
    "TOP_INPUTS",
    "InputSpec",
    "MonteCarloPlan",
    "MonteCarloResult",
    "input_spec",
    "make_plan",
    "check_runs",
    "rank_correlation",
    "run_chunk",
    "run_montecarlo",
]
