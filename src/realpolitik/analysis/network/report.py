"""The network report of a scenario: every measure of its relations in one object."""

from __future__ import annotations

from collections.abc import Hashable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd

from realpolitik._rng import check_random_state
from realpolitik._types import SeedLike
from realpolitik.analysis.network.balance import TriadBalance, triad_balance
from realpolitik.analysis.network.bloc_clustering import Blocs, blocs
from realpolitik.analysis.network.frustration_index import (
    Frustration,
    FrustrationMethod,
    frustration,
)
from realpolitik.analysis.network.gaps import (
    SalienceWeighting,
    commitment_gaps,
    issue_affinity,
    position_gaps,
)
from realpolitik.analysis.network.graph import signed_graph

if TYPE_CHECKING:
    from realpolitik.scenario.model import Scenario


@dataclass(frozen=True)
class NetworkReport:
    """Everything :func:`analyse_network` finds about one scenario's relations.

    Parameters
    ----------
    actors : tuple of str
        Actor ids in scenario order.
    n_edges : int
        Non-neutral relations.
    balance : TriadBalance
    frustration : Frustration
        Unweighted frustration index; its camps are the report's camps.
    weighted_frustration : Frustration
        The same with each edge counted by ``|weight|``.
    blocs : Blocs
        Correlation clustering of the relations, see :func:`blocs`.
    commitment_gaps : DataFrame
        See :func:`commitment_gaps`.
    position_gaps : DataFrame
        See :func:`position_gaps`.
    """

    actors: tuple[str, ...]
    n_edges: int
    balance: TriadBalance
    frustration: Frustration
    weighted_frustration: Frustration
    blocs: Blocs
    commitment_gaps: pd.DataFrame = field(repr=False)
    position_gaps: pd.DataFrame = field(repr=False)

    @property
    def camps(self) -> tuple[tuple[Hashable, ...], tuple[Hashable, ...]]:
        """The two camps of the unweighted frustration index."""
        return self.frustration.camps

    def to_frame(self) -> pd.DataFrame:
        """One row per actor (index ``actor``): its camp and its bloc.

        ``camp`` is 1 or 2 in the unweighted frustration split (``<NA>`` when unattached);
        ``bloc`` is 1, 2, ... in the order of :attr:`Blocs.blocs` (``<NA>`` for a loner).

        Examples
        --------
        >>> from realpolitik import analyse_network, load_scenario
        >>> df = analyse_network(load_scenario("syria-2020")).to_frame()
        >>> list(df.columns), df.index.name, len(df)
        (['camp', 'bloc'], 'actor', 10)
        """
        camp = {a: k + 1 for k, members in enumerate(self.frustration.camps) for a in members}
        bloc = {a: k + 1 for k, members in enumerate(self.blocs.blocs) for a in members}
        return pd.DataFrame(
            {
                "camp": pd.array([camp.get(a) for a in self.actors], dtype="Int64"),
                "bloc": pd.array([bloc.get(a) for a in self.actors], dtype="Int64"),
            },
            index=pd.Index(self.actors, name="actor"),
        )

    def to_dict(self) -> dict[str, Any]:
        """Plain data for JSON (``balance``, ``frustration``, ``camps``, ``commitment_gaps``, ...).

        ``commitment_gaps`` is a list of ``[a, b]`` actor-id pairs; the details are in
        ``commitment_gap_details``.
        """
        gaps = self.commitment_gaps
        return {
            "actors": list(self.actors),
            "n_edges": self.n_edges,
            "balance": self.balance.to_dict(),
            "frustration": self.frustration.to_dict(),
            "weighted_frustration": self.weighted_frustration.to_dict(),
            "camps": [list(c) for c in self.frustration.camps],
            "unattached": list(self.frustration.unattached),
            "blocs": [list(b) for b in self.blocs.blocs],
            "bloc_details": self.blocs.to_dict(),
            "commitment_gaps": [[a, b] for a, b in zip(gaps["a"], gaps["b"], strict=True)],
            "commitment_gap_details": _records(gaps),
            "position_gaps": _records(self.position_gaps),
        }


def _records(df: pd.DataFrame) -> list[dict[str, Any]]:
    out = []
    for row in df.to_dict(orient="records"):
        clean = {}
        for k, v in row.items():
            if isinstance(v, np.generic):
                v = v.item()
            if isinstance(v, float) and not np.isfinite(v):
                v = None
            clean[str(k)] = v
        out.append(clean)
    return out


def analyse_network(
    scenario: Scenario,
    *,
    margin: float = 0.05,
    weighting: SalienceWeighting = "product",
    method: FrustrationMethod = "auto",
    seed: SeedLike | None = 0,
) -> NetworkReport:
    """Balance, frustration and camps, blocs, commitment gaps and position gaps of a scenario.

    Parameters
    ----------
    scenario : Scenario
    margin : float
        See :func:`position_gaps`.
    weighting : {"product", "min"}
        See :func:`issue_affinity`.
    method : {"auto", "exact", "heuristic"}
        See :func:`frustration`.
    seed : int, Generator or None
        Seed of the heuristics (only used on large graphs).

    Returns
    -------
    NetworkReport
    """
    rng = check_random_state(seed)
    G = signed_graph(scenario)
    state, actor_ids, _ = scenario.to_state()
    affinity, _, n_shared = issue_affinity(
        state.position, state.salience, state.present, weighting=weighting
    )
    return NetworkReport(
        actors=tuple(actor_ids),
        n_edges=G.number_of_edges(),
        balance=triad_balance(G),
        frustration=frustration(G, method=method, seed=rng),
        weighted_frustration=frustration(G, weighted=True, method=method, seed=rng),
        blocs=blocs(G, method=method, seed=rng),
        commitment_gaps=commitment_gaps(G),
        position_gaps=position_gaps(G, affinity, n_shared, nodes=actor_ids, margin=margin),
    )
