"""Running Monte Carlo chunks on local worker processes (standard library only).

:func:`iter_chunks` runs ``fn(plan, start, stop)`` for every chunk on a
:class:`concurrent.futures.ProcessPoolExecutor` and yields each result as it finishes, so the
caller stores it and lets it go (no list of every chunk's results). The plan is sent to each
worker once, by the pool's initializer, not with every task. At most ``2 × workers`` chunks are
in flight, which bounds the memory of results waiting to be stored.

Chunks are seeded by their run indices, not by the process that runs them, so the numbers are
the same as one process gives, bit for bit.

How workers start (:func:`start_method`): on Linux, when this process runs no other thread,
by ``fork``: a worker starts in milliseconds with everything already imported, and sets the
mmap threshold below with glibc's ``mallopt``. Otherwise (macOS, Windows, or a thread such as a progress
bar's, where forking can deadlock the child) by ``spawn``: a fresh interpreter that pays about
1 s of CPU importing realpolitik, numpy and pandas, once per worker per call, and starts with
glibc's ``MALLOC_MMAP_THRESHOLD_`` of :data:`realpolitik.simulate._dask.WORKER_ENV`, which
speeds the engine up by about a third (docs/montecarlo.md). Either way the workers are direct
children, whose CPU time the parent's ``getrusage(RUSAGE_CHILDREN)`` counts.
"""

from __future__ import annotations

import multiprocessing
import os
import sys
import threading
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from contextlib import contextmanager, nullcontext
from typing import Any

from realpolitik.exceptions import InputError
from realpolitik.simulate._dask import WORKER_ENV  # the constant only: Dask is not imported

#: The plan of this worker process (set once by :func:`_init`).
_PLAN: Any = None
_FN: Callable[[Any, int, int], dict[str, Any]] | None = None


def _init(fn: Callable[[Any, int, int], dict[str, Any]], plan: Any, tune: bool) -> None:
    global _PLAN, _FN
    _PLAN, _FN = plan, fn
    if tune:
        _tune_malloc()


#: glibc's ``mallopt`` parameter number of the mmap threshold (``M_MMAP_THRESHOLD``).
_M_MMAP_THRESHOLD = -3


def _tune_malloc() -> None:
    """Give a forked worker the mmap threshold a spawned one reads from :data:`WORKER_ENV`.

    A forked process has its allocator set up already, so the variable would come too late;
    glibc's ``mallopt`` sets the same parameter at run time. Called only when the user has not
    set the variable (glibc applied theirs); a C library without ``mallopt`` keeps its default.
    """
    name = "MALLOC_MMAP_THRESHOLD_"
    try:
        import ctypes

        libc = ctypes.CDLL("libc.so.6")
        libc.mallopt(_M_MMAP_THRESHOLD, int(WORKER_ENV[name]))
    except (OSError, AttributeError):  # musl and other C libraries: keep their default
        pass


def _run(index: int, start: int, stop: int) -> tuple[int, dict[str, Any]]:
    assert _FN is not None
    return index, _FN(_PLAN, start, stop)


def default_workers() -> int:
    """One worker per core this process may use.

    Examples
    --------
    >>> default_workers() >= 1
    True
    """
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


def check_workers(workers: object) -> int:
    """``workers`` as an int >= 1 (None: :func:`default_workers`).

    Raises
    ------
    InputError
        For anything else.
    """
    if workers is None:
        return default_workers()
    if isinstance(workers, bool) or not isinstance(workers, int) or workers < 1:
        raise InputError(f"workers must be an integer >= 1; got {workers!r}")
    return workers


@contextmanager
def _worker_environment() -> Iterator[None]:
    saved = {k: os.environ.get(k) for k in WORKER_ENV}
    os.environ.update({k: os.environ.get(k) or v for k, v in WORKER_ENV.items()})
    try:
        yield
    finally:
        for k, v in saved.items():
            if v is None:
                os.environ.pop(k, None)
            else:
                os.environ[k] = v


def start_method() -> str:
    """``fork`` on Linux with no other thread running, else ``spawn`` (see the module notes).

    Examples
    --------
    >>> start_method() in ("fork", "spawn")
    True
    """
    if sys.platform.startswith("linux") and threading.active_count() == 1:
        return "fork"
    return "spawn"


def iter_chunks(
    fn: Callable[[Any, int, int], dict[str, Any]],
    plan: Any,
    chunks: Sequence[tuple[int, int]],
    workers: int | None = None,
) -> Iterator[tuple[int, dict[str, Any]]]:
    """Yield ``(index, fn(plan, *chunks[index]))`` for every chunk, in the order they finish.

    Parameters
    ----------
    fn : callable
        A pure, picklable (module-level) function of the plan and a run range.
    plan : object
        Picklable; sent to every worker once.
    chunks : sequence of (int, int)
        Run ranges ``[start, stop)``.
    workers : int, optional
        Worker processes (default: one per core).

    Examples
    --------
    >>> from realpolitik.simulate._local import iter_chunks
    >>> sorted(i for i, _ in iter_chunks(divmod_chunk, 7, [(0, 2), (2, 4)], workers=2))
    [0, 1]
    """
    n_workers = min(check_workers(workers), max(1, len(chunks)))
    pending: set[Future[tuple[int, dict[str, Any]]]] = set()
    queue = iter(enumerate(chunks))
    method = start_method()
    # A spawned worker reads the malloc variable at start; a forked one calls mallopt instead.
    tune = method == "fork" and "MALLOC_MMAP_THRESHOLD_" not in os.environ
    with (
        _worker_environment() if method != "fork" else nullcontext(),
        ProcessPoolExecutor(
            max_workers=n_workers,
            mp_context=multiprocessing.get_context(method),
            initializer=_init,
            initargs=(fn, plan, tune),
        ) as pool,
    ):
        while True:
            while len(pending) < 2 * n_workers:
                item = next(queue, None)
                if item is None:
                    break
                index, (start, stop) = item
                pending.add(pool.submit(_run, index, start, stop))
            if not pending:
                return
            done, pending = wait(pending, return_when=FIRST_COMPLETED)
            for fut in done:
                yield fut.result()


def divmod_chunk(plan: Any, start: int, stop: int) -> dict[str, Any]:
    """A trivial chunk function for the doctest: ``{"q": [divmod(k, plan) for k in range]}``."""
    return {"q": [divmod(k, plan) for k in range(start, stop)]}


__all__ = ["WORKER_ENV", "check_workers", "default_workers", "iter_chunks"]
