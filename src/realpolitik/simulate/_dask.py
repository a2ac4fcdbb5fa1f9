"""Running Monte Carlo chunks on Dask. The only module that imports Dask, and only when called.

Each chunk is one task ``fn(plan, start, stop)``; the plan (plain arrays) is scattered to every
worker once. Chunks are seeded by their run indices, not by where they run, so the gathered
results are the same numbers the local engine gives.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from contextlib import ExitStack
from typing import Any

from realpolitik.exceptions import InputError

INSTALL_HINT = "install realpolitik[dask] (pip install 'realpolitik[dask]')"

#: Environment of the worker processes of the clusters started here. Dask sets
#: ``MALLOC_TRIM_THRESHOLD_``, which also freezes glibc's mmap threshold at 128 KiB, so that
#: every engine array is mmap'ed and freed page by page: the EUM engine then runs 2-3 times
#: slower than in a plain process. A 32 MiB mmap threshold restores (and beats) the default
#: speed; workers of an existing cluster benefit from the same variable.
WORKER_ENV = {"MALLOC_MMAP_THRESHOLD_": str(32 * 1024 * 1024)}


def _distributed() -> Any:
    """Import ``dask.distributed`` or say how to install it."""
    try:
        import dask.distributed as distributed
    except ImportError:
        raise InputError(
            f"the Dask engine needs dask.distributed, which is missing: {INSTALL_HINT}"
        ) from None
    return distributed


def local_cluster(n_workers: int | None = None, processes: bool = True) -> Any:
    """Start a ``distributed.LocalCluster`` of single-threaded workers tuned for the engine.

    Parameters
    ----------
    n_workers : int, optional
        Number of workers (by default one per core).
    processes : bool
        Worker processes (True) or threads of this process.

    Raises
    ------
    InputError
        If Dask is not installed.
    """
    distributed = _distributed()
    import dask

    env = {f"distributed.nanny.pre-spawn-environ.{k}": v for k, v in WORKER_ENV.items()}
    with dask.config.set(env):
        return distributed.LocalCluster(
            n_workers=n_workers,
            threads_per_worker=1,
            processes=processes,
            dashboard_address=None,
        )


def run_chunks(
    fn: Callable[[Any, int, int], dict[str, Any]],
    plan: Any,
    chunks: Sequence[tuple[int, int]],
    scheduler: Any = None,
    progress: Callable[[int, int], None] | None = None,
) -> list[dict[str, Any]]:
    """Run ``fn(plan, start, stop)`` for every chunk on Dask; results in chunk order.

    A list of every chunk's results: :func:`iter_chunks` is the form that keeps one at a time.
    The parameters are those of :func:`iter_chunks`, plus ``progress``, called as
    ``progress(runs_done, runs_total)`` as chunks finish.
    """
    total = sum(stop - start for start, stop in chunks)
    results: list[dict[str, Any] | None] = [None] * len(chunks)
    done = 0
    for index, part in iter_chunks(fn, plan, chunks, scheduler=scheduler):
        results[index] = part
        start, stop = chunks[index]
        done += stop - start
        if progress is not None:
            progress(done, total)
    return [r for r in results if r is not None]


def iter_chunks(
    fn: Callable[[Any, int, int], dict[str, Any]],
    plan: Any,
    chunks: Sequence[tuple[int, int]],
    scheduler: Any = None,
) -> Iterator[tuple[int, dict[str, Any]]]:
    """Yield ``(index, fn(plan, *chunks[index]))`` for every chunk, in the order they finish.

    Each result is fetched from its worker when it finishes and released there at once, so
    neither the client nor the cluster holds more than the results not yet consumed.

    Parameters
    ----------
    fn : callable
        A pure, picklable function of the plan and a run range.
    plan : object
        Picklable; scattered to every worker once.
    chunks : sequence of (int, int)
        Run ranges ``[start, stop)``.
    scheduler : str or distributed.Client, optional
        A scheduler address (``tcp://host:8786``) to connect to, a Client to use as is, or
        None to start a local cluster for this call with :func:`local_cluster` (one
        single-threaded worker process per core, with :data:`WORKER_ENV`).

    Raises
    ------
    InputError
        If Dask is not installed, or the scheduler cannot be reached.
    """
    distributed = _distributed()
    with ExitStack() as stack:
        if isinstance(scheduler, distributed.Client):
            client = scheduler
        elif scheduler is None:
            cluster = stack.enter_context(local_cluster())
            client = stack.enter_context(distributed.Client(cluster))
        elif isinstance(scheduler, str):
            try:
                client = stack.enter_context(distributed.Client(scheduler, timeout="10s"))
            except (OSError, TimeoutError) as exc:
                raise InputError(
                    f"cannot reach the Dask scheduler at {scheduler!r}: {exc}; start one with "
                    "`dask scheduler` or leave --scheduler out for a local cluster"
                ) from None
        else:
            raise InputError(
                f"scheduler must be an address such as 'tcp://127.0.0.1:8786' or a "
                f"distributed.Client; got {scheduler!r}"
            )
        [plan_future] = client.scatter([plan], broadcast=True)
        futures = [
            client.submit(fn, plan_future, start, stop, pure=False) for start, stop in chunks
        ]
        index = {f.key: k for k, f in enumerate(futures)}
        finished = distributed.as_completed(futures)
        del futures  # as_completed holds each future until it is yielded
        try:
            for fut in finished:
                part = fut.result()
                k = index[fut.key]
                fut.release()
                yield k, part
        finally:
            client.cancel([plan_future])


__all__ = ["INSTALL_HINT", "WORKER_ENV", "iter_chunks", "local_cluster", "run_chunks"]
