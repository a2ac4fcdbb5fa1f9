"""The coalition rule of ``docs/coalitions.md`` in plain loops.

The tests and benchmarks check :func:`realpolitik.analysis.coalitions.group_coalitions`
against it.
"""

from __future__ import annotations

from typing import Any

from realpolitik.analysis.coalitions import CLOSENESS


def reference_groups(
    position: Any, present: Any, affinity: Any, within: float = CLOSENESS
) -> list[list[list[int]]]:
    """Per issue, the coalitions as sorted lists of actor indices, by the rule in words.

    Examples
    --------
    >>> reference_groups([[20.0], [28.0], [35.0], [38.0]], [[True]] * 4,
    ...                  [[0, 0, 0, 0], [0, 0, 0, 0], [0, 0, 0, -0.3], [0, 0, -0.3, 0]])
    [[[0], [1, 2], [3]]]
    """
    n, m = len(position), len(position[0])
    out: list[list[list[int]]] = []
    for k in range(m):
        groups = [[i] for i in range(n) if present[i][k]]
        while True:
            best: tuple[float, int, int] | None = None
            for ga in range(len(groups)):
                for gb in range(ga + 1, len(groups)):
                    far = 0.0
                    hostile = False
                    for i in groups[ga]:
                        for j in groups[gb]:
                            far = max(far, abs(float(position[i][k]) - float(position[j][k])))
                            if affinity[i][j] < 0 or affinity[j][i] < 0:
                                hostile = True
                    if hostile or far > within + 1e-9:
                        continue
                    # Groups are kept sorted by their lowest member, so the first pair found at
                    # the smallest distance is the tie-break of the rule.
                    if best is None or far < best[0]:
                        best = (far, ga, gb)
            if best is None:
                break
            _, ga, gb = best
            groups[ga] = sorted(groups[ga] + groups[gb])
            del groups[gb]
            groups.sort(key=lambda g: g[0])
        out.append(sorted(groups))
    return out


__all__ = ["reference_groups"]
