"""Limits on the size of inputs and computations, checked before any work starts.

A scenario is a few dozen actors and issues; the limits below are far above that and far below
what exhausts a laptop. Each is checked before the work it bounds: the file's size before it is
read, the number of actors and issues before the scenario is validated, and the memory a model
would take before it allocates anything. A refusal names the limit and how to raise it.

=========================  =============  ===================================  ===============
limit                      default        raised by                            checked
=========================  =============  ===================================  ===============
file size                  10 MB          ``REALPOLITIK_MAX_FILE_MB``          before reading
actors                     5,000          ``REALPOLITIK_MAX_ACTORS``           before validating
issues                     2,000          ``REALPOLITIK_MAX_ISSUES``           before validating
model memory               1,024 MB       ``REALPOLITIK_MAX_MEMORY_MB``        before a model run
model work (EUM family)    20 million     ``REALPOLITIK_MAX_WORK``             before a forecast
=========================  =============  ===================================  ===============

The environment variables are read at each check, so ``REALPOLITIK_MAX_ACTORS=20000
realpolitik forecast big.csv`` raises the limit for one command; :func:`limits` does the same
from Python for a block of code.

The memory a model takes is estimated from the arrays it builds, measured with
``tracemalloc`` on random states (``benchmarks``-style, 200 to 800 actors): the expected
utility model holds about 131 bytes per actor pair and issue (its ``(n, n, m)`` pair arrays,
a dozen of them alive at once) and nothing that grows with the rounds, beyond the round record
of ``(rounds + 1) × n × m`` positions; the baselines hold a few ``n × m`` arrays. The default
of 1,024 MB admits about 2,500 actors on one issue or 800 on ten, which the model runs in well
under a minute on one core (it takes about 3 s for 1,000 actors on one issue).

The work of a forecast is counted in **actor-pair rounds**: for each model of the expected
utility family (``eum``, ``eum-rel``) the most rounds it may run (``--rounds``, else its own
cap: 10 for ``eum``, 100 for ``eum-rel``) × actors² × issues, summed over the models and
multiplied by 51 with the stability figure (its 50 perturbed draws and the point forecast).
``eum-rel`` on a scenario with relations also weighs every voter's lean to every pair, an
``actors³`` term counted at :data:`RELATION_COST` of a pair. Measured with ``process_time`` on a
loaded two-core machine (random states, 200 to 1,000 actors, 10 rounds), a round costs about
0.45 µs of CPU per actor pair and issue and the relations 0.05 to 0.06 µs per voter, pair and
issue; so the default of 20 million bounds a forecast at about 9 s of CPU at worst, and at a
few seconds where ``eum-rel`` converges early (it usually does). The built-in scenarios and
``examples/scenarios`` need at most 0.14 million (``syria-2020``; 7.2 million with the stability
figure, 0.6 s of CPU), and the DEU III backtest (30 actors, 364 issues: 3.3 million for
``eum``'s 10 rounds; it runs the engines directly, unchecked) is far below it. The baselines and
the other models cost a few arrays per actor and issue and are not counted.
"""

from __future__ import annotations

import math
import os
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, replace
from typing import Any

from realpolitik.exceptions import LimitError, Problem, ScenarioTooLargeError

#: Bytes the ``eum`` model holds per (actor, actor, issue) triple, measured (see above) plus
#: a fifth for headroom.
EUM_BYTES_PER_PAIR = 160
#: Bytes any model holds per (actor, issue) cell and recorded round.
BYTES_PER_CELL = 64

_MB = 1_000_000


@dataclass(frozen=True)
class Limits:
    """The limits in force (see the module's table).

    Parameters
    ----------
    max_file_mb : float
        Largest file read as a scenario, in MB (10⁶ bytes).
    max_actors, max_issues : int
        Most actors and issues of one scenario.
    max_memory_mb : float
        Most memory one model run may take, in MB.
    max_work : float
        Most work one forecast may take, in millions of actor-pair rounds (module docstring).
    """

    max_file_mb: float = 10.0
    max_actors: int = 5000
    max_issues: int = 2000
    max_memory_mb: float = 1024.0
    max_work: float = 20.0


#: Each limit's environment variable.
ENV: dict[str, str] = {
    "max_file_mb": "REALPOLITIK_MAX_FILE_MB",
    "max_actors": "REALPOLITIK_MAX_ACTORS",
    "max_issues": "REALPOLITIK_MAX_ISSUES",
    "max_memory_mb": "REALPOLITIK_MAX_MEMORY_MB",
    "max_work": "REALPOLITIK_MAX_WORK",
}

_override: Limits | None = None


def _from_env(name: str, default: float) -> float:
    raw = os.environ.get(ENV[name])
    if raw is None or not raw.strip():
        return default
    try:
        value = float(raw)
    except ValueError:
        value = math.nan
    if not (value > 0 and math.isfinite(value)):
        raise ScenarioTooLargeError(
            [Problem(ENV[name], "", f"expected a positive number; found {raw[:40]!r}")]
        )
    return value


def current() -> Limits:
    """The limits in force: those of :func:`limits`, else the environment's, else the defaults.

    Examples
    --------
    >>> current().max_actors >= 1000
    True
    """
    if _override is not None:
        return _override
    base = Limits()
    return Limits(
        max_file_mb=_from_env("max_file_mb", base.max_file_mb),
        max_actors=int(_from_env("max_actors", base.max_actors)),
        max_issues=int(_from_env("max_issues", base.max_issues)),
        max_memory_mb=_from_env("max_memory_mb", base.max_memory_mb),
        max_work=_from_env("max_work", base.max_work),
    )


@contextmanager
def limits(**changes: float) -> Iterator[Limits]:
    """Use other limits inside a ``with`` block (keywords are the fields of :class:`Limits`).

    Examples
    --------
    >>> with limits(max_actors=3) as lim:
    ...     lim.max_actors
    3
    """
    global _override
    before = _override
    _override = replace(current(), **changes)  # type: ignore[arg-type]
    try:
        yield _override
    finally:
        _override = before


def _refuse(filename: str, message: str, field: str) -> ScenarioTooLargeError:
    return ScenarioTooLargeError(
        [Problem(filename, "", f"{message} (set {ENV[field]} to raise the limit)")]
    )


def check_file_size(n_bytes: int, filename: str) -> None:
    """Refuse a file larger than ``max_file_mb`` before it is read.

    Examples
    --------
    >>> with limits(max_file_mb=1):
    ...     check_file_size(2_500_000, "big.yaml")
    Traceback (most recent call last):
    ...
    realpolitik.exceptions.ScenarioTooLargeError: big.yaml: the file is 2.5 MB; the limit is 1 MB (set REALPOLITIK_MAX_FILE_MB to raise the limit)
    """
    lim = current()
    if n_bytes > lim.max_file_mb * _MB:
        raise _refuse(
            filename,
            f"the file is {n_bytes / _MB:,.1f} MB; the limit is {lim.max_file_mb:,g} MB",
            "max_file_mb",
        )


def check_text_size(text: str, filename: str) -> None:
    """Refuse text longer than ``max_file_mb`` (counted in characters) before it is parsed."""
    # A character is at least one byte of UTF-8: this never refuses what check_file_size allows.
    check_file_size(len(text), filename)


def check_counts(data: Mapping[str, Any], filename: str) -> None:
    """Refuse a document with more actors or issues than the limits, before it is validated.

    Examples
    --------
    >>> with limits(max_actors=2):
    ...     check_counts({"actors": [{}, {}, {}], "issues": []}, "s.yaml")
    Traceback (most recent call last):
    ...
    realpolitik.exceptions.ScenarioTooLargeError: s.yaml: 3 actors; the limit is 2 (set REALPOLITIK_MAX_ACTORS to raise the limit)
    """
    lim = current()
    for key, field, most in (
        ("actors", "max_actors", lim.max_actors),
        ("issues", "max_issues", lim.max_issues),
    ):
        items = data.get(key)
        if isinstance(items, range):  # a count only (len() of a huge range overflows)
            n = max(0, items.stop - items.start)
        elif isinstance(items, list | tuple):
            n = len(items)
        else:
            continue
        if n > most:
            raise _refuse(filename, f"{n:,} {key}; the limit is {most:,}", field)


def model_bytes(model: str, n_actors: int, n_issues: int, n_rounds: int = 0) -> int:
    """The memory a run of ``model`` takes, estimated before it starts (bytes).

    Examples
    --------
    >>> model_bytes("eum", 1000, 1) // 1_000_000
    160
    >>> model_bytes("mean", 1000, 1) < 1_000_000
    True
    """
    cells = n_actors * n_issues * (n_rounds + 2) * BYTES_PER_CELL
    pairs = n_actors * n_actors * n_issues * EUM_BYTES_PER_PAIR if model == "eum" else 0
    return int(cells + pairs)


def check_model(
    model: str, n_actors: int, n_issues: int, n_rounds: int, source: str = "the scenario"
) -> None:
    """Refuse a model run that would take more than ``max_memory_mb``, before it allocates.

    ``source`` names the input in the message (a file name, or the scenario's title).

    Examples
    --------
    >>> check_model("eum", 20_000, 1, 10, "big.csv")
    Traceback (most recent call last):
    ...
    realpolitik.exceptions.LimitError: big.csv: the eum model needs about 64,015 MB for 20,000 actors × 1 issue(s); the limit is 1,024 MB (set REALPOLITIK_MAX_MEMORY_MB to raise the limit)
    """
    lim = current()
    need = model_bytes(model, n_actors, n_issues, n_rounds)
    if need > lim.max_memory_mb * _MB:
        raise LimitError(
            f"{source}: the {model} model needs about {need / _MB:,.0f} MB for {n_actors:,} "
            f"actors × {n_issues:,} issue(s); the limit is {lim.max_memory_mb:,g} MB "
            f"(set {ENV['max_memory_mb']} to raise the limit)"
        )


#: What the relations of ``eum-rel`` cost per (voter, pair, issue), as a share of a pair's round
#: (measured: 0.05–0.06 µs against 0.45 µs; see the module's docstring).
RELATION_COST = 1 / 8

#: The models whose work :func:`model_work` counts (rounds over actor pairs).
EUM_FAMILY = ("eum", "eum-rel")


def model_work(
    model: str, n_actors: int, n_issues: int, n_rounds: int, *, related: bool = False
) -> int:
    """The actor-pair rounds a run of ``model`` may take (0 outside :data:`EUM_FAMILY`).

    ``related``: the scenario has relations, which ``eum-rel`` weighs for every voter and pair.

    Examples
    --------
    >>> model_work("eum", 1000, 2, 10)
    20000000
    >>> model_work("eum-rel", 100, 1, 100, related=True)  # 100 rounds × 100² × (1 + 100/8)
    13500000
    >>> model_work("mean", 1000, 2, 10)
    0
    """
    if model not in EUM_FAMILY:
        return 0
    per_pair = 1 + (n_actors * RELATION_COST if related and model == "eum-rel" else 0)
    return round(n_rounds * n_actors * n_actors * n_issues * per_pair)


def check_work(
    work: Mapping[str, int], n_actors: int, n_issues: int, source: str = "the scenario"
) -> None:
    """Refuse a forecast whose models' work (``{model: actor-pair rounds}``) exceeds ``max_work``.

    Checked before any model runs; ``source`` names the input in the message.

    Examples
    --------
    >>> check_work({"eum": 20_000_000, "eum-rel": 200_000_000}, 1000, 2, "big.csv")
    Traceback (most recent call last):
    ...
    realpolitik.exceptions.LimitError: big.csv: the eum, eum-rel models need about 220 million actor-pair rounds (rounds × actors² × issues) for 1,000 actors × 2 issue(s); the limit is 20 million (set REALPOLITIK_MAX_WORK to raise the limit, or ask for fewer --rounds or other --model)
    """
    lim = current()
    need = sum(work.values())
    if need > lim.max_work * 1e6:
        names = ", ".join(m for m, w in work.items() if w > 0)
        raise LimitError(
            f"{source}: the {names} model{'s need' if ', ' in names else ' needs'} about "
            f"{need / 1e6:,.0f} million actor-pair rounds (rounds × actors² × issues) for "
            f"{n_actors:,} actors × {n_issues:,} issue(s); the limit is {lim.max_work:,g} "
            f"million (set {ENV['max_work']} to raise the limit, or ask for fewer --rounds "
            "or other --model)"
        )


__all__ = [
    "ENV",
    "RELATION_COST",
    "EUM_FAMILY",
    "Limits",
    "check_counts",
    "check_file_size",
    "check_model",
    "check_text_size",
    "check_work",
    "current",
    "limits",
    "model_bytes",
    "model_work",
]
