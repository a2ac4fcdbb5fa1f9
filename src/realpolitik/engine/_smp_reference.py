"""A slow, loop-by-loop SMP round, written from the steps of :mod:`realpolitik.engine.smp`.

Every quantity is computed one actor (or pair, or triple) at a time in the order KTAB's
description gives, with no array tricks, so that the vectorised :func:`smp_step` can be checked
against it. Not for use outside tests.
"""

from __future__ import annotations

import math

import numpy as np

from realpolitik._types import FloatArray, IntArray


def _dist(p: list[list[float]], s: list[list[float]], i: int, x: list[float]) -> float:
    num = sum((s[i][k] * (p[i][k] - x[k])) ** 2 for k in range(len(x)))
    den = sum(s[i][k] ** 2 for k in range(len(x)))
    return math.sqrt(num / den)


def _value(d: float, r: float) -> float:
    return (1 - d) * (1 + d * r) if d <= 1 else (1 - d) * (1 + r)


def _chances(value: list[list[float]], weight: list[float]) -> list[float]:
    n_opt = len(value[0])
    win = [[0.5] * n_opt for _ in range(n_opt)]
    for a in range(n_opt):
        for b in range(n_opt):
            if a == b:
                continue
            cab, cba = 1e-8, 1e-8
            for k, w in enumerate(weight):
                v = w * (value[k][a] - value[k][b])
                if v > 0:
                    cab += v
                else:
                    cba -= v
            win[a][b] = cab / (cab + cba)
    prod = []
    for a in range(n_opt):
        x = 1.0
        for b in range(n_opt):
            x *= win[a][b]
        prod.append(x)
    total = sum(prod)
    return [x / total for x in prod]


def _round4(x: float) -> float:
    return math.floor(0.5 + x * 10000.0) / 10000.0


def smp_step_reference(
    position: FloatArray, salience: FloatArray, capability: FloatArray
) -> tuple[FloatArray, IntArray]:
    """One SMP round with loops; returns the new positions and each actor's target (-1: none)."""
    p = [list(map(float, row)) for row in position]
    s = [list(map(float, row)) for row in salience]
    c = [float(x) for x in capability]
    n = len(p)
    d = [[_dist(p, s, i, p[j]) for j in range(n)] for i in range(n)]
    # Risk attitudes from the chances of the positions, with risk-neutral values.
    chance = _chances([[_value(d[a][b], 0.0) for b in range(n)] for a in range(n)], c)
    lo, hi = min(chance), max(chance)
    r = [0.0 if hi - lo <= 1e-15 else (3 * x - hi - 2 * lo) / (2 * (hi - lo)) for x in chance]

    def u(h: int, a: int, b: int) -> float:
        return _value(d[a][b], (2 * r[h] + r[a]) / 3)

    tot = [sum(row) for row in s]
    target = [-1] * n
    prob_of = [0.0] * n
    for i in range(n):
        best, best_gain, best_p = -1, -1.0, 0.0
        for j in range(n):
            if j == i:
                continue
            vi = tot[i] * c[i] * (u(i, i, i) - u(i, i, j))
            vj = tot[j] * c[j] * (u(i, j, i) - u(i, j, j))
            side_i = 1e-10 + max(vi, 0) + max(vj, 0)
            side_j = 1e-10 + max(-vi, 0) + max(-vj, 0)
            chij, chji = side_i, side_j
            for m in range(n):
                if m in (i, j):
                    continue
                wn = tot[m] * c[m]
                uni, unj, unn = u(i, m, i), u(i, m, j), u(i, m, m)
                vn = wn * (uni - unj)
                ci = side_i + max(vn, 0)
                cj = side_j + max(-vn, 0)
                pin = ci / (ci + cj)
                # Semi-committed third party: the three positions after each little contest.
                u_ik_j = pin * (uni + uni + unn) + (1 - pin) * (unj + unj + unj)
                u_i_jk = pin * (uni + uni + uni) + (1 - pin) * (unj + unj + unn)
                vote = wn * (u_ik_j - u_i_jk)
                if vote > 0:
                    chij += vote
                else:
                    chji -= vote
            pij = chij / (chij + chji)
            uii, uij = u(i, i, i), u(i, i, j)
            gain = (1 - tot[j]) * (2 * uii) + tot[j] * (pij * 2 * uii + (1 - pij) * 2 * uij)
            gain -= uii + uij
            if gain > 1e-5 and gain > best_gain:
                best, best_gain, best_p = j, gain, pij
        target[i] = best
        prob_of[i] = best_p
    # Bargains, queued per actor in the order of the initiators.
    queues: list[list[tuple[int, int, list[float], list[float]] | None]] = [[] for _ in range(n)]
    for i in range(n):
        queues[i].append(None)  # the status quo
        j = target[i]
        if j < 0:
            continue
        pi, pj = prob_of[i], 1 - prob_of[i]
        bi, bj = [], []
        for k in range(len(p[i])):
            wi = s[i][k] ** 2 * pi**2
            wj = s[j][k] ** 2 * pj**2
            bi.append(_round4(((wi + 1e-6) * p[i][k] + wj * p[j][k]) / (wi + 1e-6 + wj)))
            bj.append(_round4((wi * p[i][k] + (1e-6 + wj) * p[j][k]) / (wi + 1e-6 + wj)))
        queues[i].append((i, j, bi, bj))
        queues[j].append((i, j, bi, bj))
    new = [row[:] for row in p]
    for k in range(n):
        values = []
        for a in range(n):
            row = []
            for b in queues[k]:
                if b is None:
                    row.append(sum(_value(d[a][m], r[a]) for m in range(n)) / n)
                    continue
                ii, jj, bi, bj = b
                total = _value(_dist(p, s, a, bi), r[a]) + _value(_dist(p, s, a, bj), r[a])
                total += sum(_value(d[a][m], r[a]) for m in range(n) if m not in (ii, jj))
                row.append(total / n)
            values.append(row)
        ch = _chances(values, c)
        pick = queues[k][max(range(len(ch)), key=lambda m: (ch[m], -m))]
        if pick is not None:
            new[k] = pick[2] if pick[0] == k else pick[3]
    return np.array(new, dtype=np.float64), np.array(target, dtype=np.int64)


__all__ = ["smp_step_reference"]
