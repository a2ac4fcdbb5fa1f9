"""A bounded pool of worker processes for the dashboard's heavy computations.

Monte Carlo runs, escalation trees, Plan B, explanations and reports take from a fraction of a
second to minutes; run in the server's own threads they hold the interpreter and its threads
while light requests (the scenario list, a validation, a forecast of a small scenario) wait.
Here each heavy request runs in one of ``n_workers`` processes, with a time limit: a computation
that passes it is stopped (its process is killed and replaced) and answered with 413. Requests
wait for a free worker at most ``queue_seconds`` (then 429, "busy").

There are :data:`DEFAULT_WORKERS` workers (one core fewer than the machine has), so that the
server's own process, which answers the light requests, keeps a core; when the workers are as
many as the cores (one core), they run at a lower scheduling priority
(:data:`WORKER_NICENESS`) instead.

Workers are started with the ``spawn`` method (no copy of the server's threads or sockets) when
first needed and reused; errors a user can act on come back as the same
:class:`~realpolitik.exceptions.RealpolitikError` (a :class:`ScenarioError` with its problems).
"""

from __future__ import annotations

import atexit
import multiprocessing
import os
import threading
import traceback
from collections.abc import Callable
from multiprocessing.connection import Connection
from typing import Any

from realpolitik.exceptions import RealpolitikError, ScenarioError

#: Worker processes (``REALPOLITIK_SERVER_WORKERS`` overrides): one core stays with the server,
#: for the light requests.
DEFAULT_WORKERS = max(1, min(2, (os.cpu_count() or 1) - 1))
#: Seconds one heavy computation may take (``REALPOLITIK_SERVER_TIME_LIMIT`` overrides).
DEFAULT_TIME_LIMIT = 60.0
#: Seconds a worker process may take to start (import the package).
STARTUP_SECONDS = 120.0
#: Seconds a heavy request may wait for a free worker.
DEFAULT_QUEUE_SECONDS = 30.0
#: How much lower the workers' scheduling priority is than the server's (``os.nice``) when
#: they are as many as the cores: the server process, which answers the light requests, then
#: gets the processor first. Not otherwise: on a machine shared with other programs a niced
#: worker yields to all of them, and a report took minutes (measured on 2 cores at a load of 8).
WORKER_NICENESS = 10


class ComputationTooLongError(RealpolitikError):
    """A computation passed the per-request time limit, or its worker died (out of memory)."""


class BusyError(RealpolitikError):
    """Every worker stayed busy for longer than a request may wait."""


def _worker_main(conn: Connection, niceness: int = 0) -> None:  # pragma: no cover - a child
    """Answer jobs ``(function, args)`` with ``("ok", value)`` or ``("error", ...)`` forever."""
    if niceness and hasattr(os, "nice"):  # POSIX; on Windows it keeps the server's priority
        try:
            os.nice(niceness)
        except OSError:  # pragma: no cover - not allowed here: run at the same priority
            pass
    import realpolitik.server.computations  # noqa: F401  the jobs' code, before the first job

    conn.send(("ready",))
    while True:
        try:
            job = conn.recv()
        except (EOFError, OSError, KeyboardInterrupt):
            return
        fn, args = job
        try:
            conn.send(("ok", fn(*args)))
        except ScenarioError as exc:
            conn.send(("scenario-error", type(exc), exc.problems))
        except RealpolitikError as exc:
            conn.send(("user-error", type(exc), str(exc)))
        except BaseException:  # noqa: BLE001 - a bug: its traceback goes to the server's log
            conn.send(("bug", None, traceback.format_exc()))


class _Worker:
    def __init__(self, ctx: Any, niceness: int = 0) -> None:
        self.conn, child = ctx.Pipe()
        self.process = ctx.Process(target=_worker_main, args=(child, niceness), daemon=True)
        self.process.start()
        child.close()
        # Starting Python and importing the package is not part of any request's time limit.
        if not self.conn.poll(STARTUP_SECONDS) or self.conn.recv() != ("ready",):
            self.stop()
            raise ComputationTooLongError("a worker process of the dashboard did not start")

    def stop(self) -> None:
        if self.process.is_alive():
            self.process.kill()
        self.process.join(5)
        self.conn.close()


def _rebuild(kind: str, cls: Any, payload: Any) -> BaseException:
    if kind == "scenario-error":
        return cls(payload)
    if kind == "user-error":
        exc = cls.__new__(cls)
        Exception.__init__(exc, payload)
        return exc
    return RuntimeError(f"a computation failed in a worker process:\n{payload}")


class WorkerPool:
    """``n_workers`` processes that run picklable functions, each call within ``time_limit``."""

    def __init__(
        self,
        n_workers: int = DEFAULT_WORKERS,
        time_limit: float = DEFAULT_TIME_LIMIT,
        queue_seconds: float = DEFAULT_QUEUE_SECONDS,
    ) -> None:
        self.n_workers = n_workers
        self.time_limit = time_limit
        self.queue_seconds = queue_seconds
        self._ctx = multiprocessing.get_context("spawn")
        self._idle: list[_Worker] = []
        self._lock = threading.Lock()
        self._slots = threading.BoundedSemaphore(n_workers)
        #: The workers' niceness: :data:`WORKER_NICENESS` when they leave the server no core.
        self.niceness = WORKER_NICENESS if n_workers >= (os.cpu_count() or 1) else 0

    def _take(self) -> _Worker:
        with self._lock:
            while self._idle:
                worker = self._idle.pop()
                if worker.process.is_alive():
                    return worker
                worker.stop()
        return _Worker(self._ctx, self.niceness)

    def run(self, fn: Callable[..., Any], *args: Any) -> Any:
        """Run ``fn(*args)`` in a worker; raise what it raised (user errors) or a limit error."""
        if not self._slots.acquire(timeout=self.queue_seconds):
            raise BusyError(
                f"the dashboard is busy: {self.n_workers} heavy computation(s) are running and "
                f"none finished within {self.queue_seconds:g} s; try again in a moment"
            )
        try:
            worker = self._take()
            try:
                worker.conn.send((fn, args))
                ready = worker.conn.poll(self.time_limit)
                answer = worker.conn.recv() if ready else None
            except (EOFError, OSError):
                answer = ("died", None, None)
            if answer is None or answer[0] == "died":
                worker.stop()
                reason = (
                    f"took longer than the dashboard's limit of {self.time_limit:g} s"
                    if answer is None
                    else "stopped (out of memory?)"
                )
                raise ComputationTooLongError(
                    f"the computation {reason}; ask for fewer runs or a smaller scenario, or "
                    "run it from the command line"
                )
            with self._lock:
                self._idle.append(worker)
        finally:
            self._slots.release()
        if answer[0] == "ok":
            return answer[1]
        raise _rebuild(*answer)

    def close(self) -> None:
        """Stop every idle worker."""
        with self._lock:
            for worker in self._idle:
                worker.stop()
            self._idle.clear()


_pool: WorkerPool | None = None
_pool_lock = threading.Lock()


def shared_pool() -> WorkerPool:
    """The process-wide pool (created at first use; settings from the environment)."""
    global _pool
    with _pool_lock:
        if _pool is None:
            workers = int(os.environ.get("REALPOLITIK_SERVER_WORKERS", DEFAULT_WORKERS))
            limit = float(os.environ.get("REALPOLITIK_SERVER_TIME_LIMIT", DEFAULT_TIME_LIMIT))
            _pool = WorkerPool(max(1, workers), limit)
            atexit.register(_pool.close)
        return _pool


__all__ = [
    "DEFAULT_TIME_LIMIT",
    "DEFAULT_WORKERS",
    "WORKER_NICENESS",
    "BusyError",
    "ComputationTooLongError",
    "WorkerPool",
    "shared_pool",
]
