"""The typer application and the helpers every command shares: output format, errors, writing."""

from __future__ import annotations

import json
import os
import sys
import tempfile
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, NoReturn

import typer
from rich.console import Console

from realpolitik.cli._lazy import LazyGroup, attach, extra_hint, missing_modules
from realpolitik.exceptions import RealpolitikError, ScenarioError

if TYPE_CHECKING:
    from rich.table import Table

    from realpolitik.scenario.model import Scenario

app = typer.Typer(
    cls=LazyGroup,
    name="realpolitik",
    help=(
        "Strategic analysis of international politics as an explicit, testable model: "
        "forecast bargaining outcomes, replay shocks, find Plan B partners."
    ),
    no_args_is_help=True,
    add_completion=True,  # --install-completion / --show-completion (bash, zsh, fish, PowerShell)
    context_settings={"help_option_names": ["-h", "--help"]},
    pretty_exceptions_enable=False,
    rich_markup_mode=None,  # help texts are plain: "realpolitik[dask]" must print as written
)


def _print_version(value: bool) -> None:
    if value:
        from realpolitik import __version__

        sys.stdout.write(f"realpolitik {__version__}\n")
        raise typer.Exit(0)


@app.callback()
def _main(
    version: Annotated[
        bool,
        typer.Option(
            "--version",
            "-V",
            help="Print the version and exit.",
            callback=_print_version,
            is_eager=True,
        ),
    ] = False,
) -> None:
    """Strategic analysis of international politics as an explicit, testable model."""


console = Console(soft_wrap=False)
err_console = Console(stderr=True, soft_wrap=True)

#: Exit code for user mistakes (bad files, unknown names, bad options).
EXIT_USAGE = 2


def fail(message: str, code: int = EXIT_USAGE) -> NoReturn:
    """Print ``message`` to stderr and exit with ``code`` (2 for user mistakes)."""
    err_console.print(f"[bold red]error:[/] {message}", highlight=False, markup=True)
    raise typer.Exit(code)


attach(app, fail)


def require_extra(extra: str, what: str) -> None:
    """Exit 2 with the install line when the optional ``extra`` that ``what`` needs is missing.

    ``what`` names the feature in the message (``"report"``, ``"--engine dask"``).
    """
    missing = missing_modules(extra)
    if missing:
        fail(
            escape(
                f"{what} needs {', '.join(missing)}, which "
                f"{'is' if len(missing) == 1 else 'are'} not installed: {extra_hint(extra)}"
            )
        )


#: The scenario the running command loaded (see :func:`load`): errors found while working on it
#: name it, so that every problem line says which file it is about.
_source: ContextVar[str | None] = ContextVar("realpolitik_cli_source", default=None)


def load(name_or_path: str) -> Scenario:
    """Load a scenario for a command; later errors of the command name it (see user_errors)."""
    from realpolitik.scenario import load_scenario

    scenario = load_scenario(name_or_path)
    _source.set(str(name_or_path))
    return scenario


@contextmanager
def user_errors() -> Iterator[None]:
    """Turn every :class:`RealpolitikError` into a message on stderr and exit code 2.

    An error raised after :func:`load` (a shock that cannot apply, a forecast that is not
    finite, a model past the memory limit) is prefixed with the scenario's file or name.
    """
    token = _source.set(None)
    try:
        yield
    except ScenarioError as exc:
        n = len(exc.problems)
        err_console.print(
            f"[bold red]error:[/] {n} problem{'s' if n != 1 else ''} found", highlight=False
        )
        for p in exc.problems:
            err_console.print(f"  {p}", highlight=False, markup=False)
        raise typer.Exit(EXIT_USAGE) from None
    except RealpolitikError as exc:
        source = _source.get()
        message = str(exc)
        if source and not message.startswith(source):
            message = f"{source}: {message}"
        fail(escape(message))
    finally:
        _source.reset(token)


def plural(n: int, word: str) -> str:
    """``1 issue``, ``2 issues``."""
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


def titled_table(**kwargs: Any) -> Table:
    """A rich ``Table`` (same keywords; titles left-justified) at least as wide as its title.

    Rich folds a title to its table's width, so a narrow table under a long title printed the
    title over several lines of a few words each; here the table widens instead, up to the
    terminal's width.
    """
    from rich.table import Table
    from rich.text import Text

    kwargs.setdefault("title_justify", "left")
    title = kwargs.get("title")
    if title and kwargs.get("min_width") is None:
        kwargs["min_width"] = min(Text.from_markup(str(title)).cell_len, console.width)
    return Table(**kwargs)


def no_status_quo_note(s: Scenario, models: Iterable[str]) -> str | None:
    """What a "–" under nash means, when nash is shown and an issue has no status quo."""
    if "nash" not in models:
        return None
    missing = [i.id for i in s.issues if i.status_quo is None]
    if not missing:
        return None
    return (
        "–: nash bargains from the status quo (no agreement), which the file does not give for "
        f"{', '.join(missing)} (set status_quo: on the issue, 0–100)."
    )


def escape(text: str) -> str:
    """Escape rich markup in user text."""
    from rich.markup import escape as _escape

    return _escape(text)


def _json_default(obj: Any) -> Any:
    if hasattr(obj, "isoformat"):
        return obj.isoformat()
    raise TypeError(f"cannot write {type(obj).__name__} as JSON")


def print_json(data: Any) -> None:
    """Print ``data`` as JSON on stdout (no rich markup, no wrapping)."""
    text = json.dumps(data, indent=2, ensure_ascii=False, allow_nan=False, default=_json_default)
    sys.stdout.write(text + "\n")
    sys.stdout.flush()


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def write_atomic(path: str | Path, write: Callable[[Path], None] | str | bytes) -> Path:
    """Write a file atomically: to a temporary file in the same folder, then rename.

    ``write`` is the content (str or bytes) or a function that writes to the temporary path.
    On any error the temporary file is removed and the destination is untouched.
    """
    dest = Path(path)
    folder = dest.parent if str(dest.parent) else Path(".")
    if not folder.is_dir():
        raise RealpolitikError(f"cannot write {dest}: folder {folder} does not exist")
    if dest.is_dir():
        raise RealpolitikError(f"cannot write {dest}: it is a folder; give a file name")
    tmp: Path | None = None
    try:
        fd, tmp_name = tempfile.mkstemp(prefix=f".{dest.name}.", suffix=".tmp", dir=folder)
        tmp = Path(tmp_name)
        os.close(fd)
        # mkstemp makes the file private; give it the mode a plain open() would have.
        os.chmod(tmp, dest.stat().st_mode & 0o777 if dest.exists() else 0o666 & ~_umask())
        if isinstance(write, str):
            tmp.write_text(write, encoding="utf-8")
        elif isinstance(write, bytes):
            tmp.write_bytes(write)
        else:
            write(tmp)
        _fsync(tmp)  # the bytes are on disk before the name points at them
        os.replace(tmp, dest)
        tmp = None
        _fsync(folder, directory=True)  # and so is the rename
    except BaseException:
        # Also on KeyboardInterrupt and on SIGTERM (main() turns it into SystemExit).
        if tmp is not None:
            tmp.unlink(missing_ok=True)
        raise
    return dest


def _fsync(path: Path, *, directory: bool = False) -> None:
    """Flush a file's (or a folder's) data to disk; folders cannot be opened on some systems."""
    try:
        fd = os.open(path, os.O_RDONLY | (getattr(os, "O_DIRECTORY", 0) if directory else 0))
    except OSError:
        if directory:
            return
        raise
    try:
        os.fsync(fd)
    except OSError:
        if not directory:
            raise
    finally:
        os.close(fd)
