"""Progress bars on stderr for the commands that can run longer than a second.

A bar is drawn only when stderr is a terminal and ``--quiet`` is not given: piped or logged
output, ``--format json`` written to a file and the tests stay byte for byte what they were.
The bar is transient (erased when the work ends) and never touches stdout.

The engines report progress through an optional ``progress(done, total)`` callback (called per
chunk of runs, per model or per article); :func:`progress` yields that callback, or ``None``
when nothing is to be drawn, so that an engine then does no extra work at all.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager

from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    SpinnerColumn,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)

from realpolitik.cli import _app
from realpolitik.cli._options import QuietOption

#: A callback ``progress(done, total)``, or None when no progress is shown.
ProgressFn = Callable[[int, int], None] | None

# Only one live display may be drawn at once (``runs rerun`` runs another command inside its
# own bar): an inner request for a bar gets None.
_active = False


def showing(quiet: bool) -> bool:
    """Whether a bar would be drawn: not ``quiet``, stderr a terminal, no bar already drawn."""
    return not quiet and not _active and _app.err_console.is_terminal


@contextmanager
def progress(label: str, unit: str = "", *, quiet: bool = False) -> Iterator[ProgressFn]:
    """A transient progress bar on stderr, or ``None`` (see :func:`showing`).

    The bar pulses until the first ``progress(done, total)`` call gives it a total; then it
    shows done/total ``unit``, the time spent and an estimate of the time left.

    Examples
    --------
    Off when quiet (and whenever stderr is not a terminal):

    >>> with progress("Monte Carlo", "runs", quiet=True) as update:
    ...     update is None
    True
    """
    global _active
    if not showing(quiet):
        yield None
        return
    bar = Progress(
        SpinnerColumn(),
        TextColumn(f"[bold]{_app.escape(label)}"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn(unit),
        TimeElapsedColumn(),
        TimeRemainingColumn(),
        console=_app.err_console,
        transient=True,
        # Never wrap stdout: the command's output stays exactly what it is without the bar.
        redirect_stdout=False,
        redirect_stderr=False,
    )
    _active = True
    try:
        with bar:
            task = bar.add_task(label, total=None)

            def update(done: int, total: int) -> None:
                bar.update(task, completed=done, total=total)

            yield update
    finally:
        _active = False


@contextmanager
def silenced(quiet: bool = True) -> Iterator[None]:
    """While inside (and ``quiet``), :func:`progress` draws no bar (``runs rerun --quiet``)."""
    global _active
    before = _active
    _active = before or quiet
    try:
        yield
    finally:
        _active = before


__all__ = ["ProgressFn", "QuietOption", "progress", "showing", "silenced"]
