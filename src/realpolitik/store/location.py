"""Where the run store lives: the platform's data folder, unless an option or variable says.

Precedence: the ``--store PATH`` option, then the ``REALPOLITIK_STORE`` environment variable,
then the data folder of the platform (``$XDG_DATA_HOME/realpolitik`` or
``~/.local/share/realpolitik`` on Linux and other Unix systems, ``%APPDATA%\\realpolitik`` on
Windows, ``~/Library/Application Support/realpolitik`` on macOS). A path that is a folder (or
ends with a separator) holds the store as ``runs.sqlite``; the value ``off`` turns recording off.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Mapping
from pathlib import Path

#: The store's file name inside a folder.
STORE_FILE = "runs.sqlite"

#: The environment variable naming the store (a file, a folder, or ``off``).
STORE_ENV = "REALPOLITIK_STORE"


def data_dir(
    platform: str | None = None,
    environ: Mapping[str, str] | None = None,
    home: Path | None = None,
) -> Path:
    """The platform's folder for realpolitik's data (not created here).

    Examples
    --------
    >>> data_dir("linux", {"XDG_DATA_HOME": "/data"}, Path("/home/ann")).as_posix()
    '/data/realpolitik'
    >>> data_dir("linux", {}, Path("/home/ann")).as_posix()
    '/home/ann/.local/share/realpolitik'
    >>> data_dir("darwin", {}, Path("/Users/ann")).as_posix()
    '/Users/ann/Library/Application Support/realpolitik'
    >>> data_dir("win32", {"APPDATA": "C:/Users/ann/AppData/Roaming"}, Path("C:/Users/ann")).name
    'realpolitik'
    """
    platform = sys.platform if platform is None else platform
    environ = os.environ if environ is None else environ
    home = Path.home() if home is None else home
    if platform.startswith("win"):
        base = environ.get("APPDATA")
        root = Path(base) if base else home / "AppData" / "Roaming"
    elif platform == "darwin":
        root = home / "Library" / "Application Support"
    else:
        xdg = environ.get("XDG_DATA_HOME", "")
        # The XDG spec: a relative value is invalid and must be ignored.
        root = Path(xdg) if xdg and Path(xdg).is_absolute() else home / ".local" / "share"
    return root / "realpolitik"


def store_path(
    option: str | Path | None = None, environ: Mapping[str, str] | None = None
) -> Path | None:
    """The store file to use, or None when recording is turned off (``off``).

    Examples
    --------
    >>> store_path("/tmp/x.sqlite", {}).as_posix()
    '/tmp/x.sqlite'
    >>> store_path(None, {"REALPOLITIK_STORE": "off"}) is None
    True
    """
    environ = os.environ if environ is None else environ
    value = str(option) if option is not None else environ.get(STORE_ENV, "")
    if value.strip().lower() in ("off", "none", "0"):
        return None
    if not value:
        return data_dir(environ=environ) / STORE_FILE
    path = Path(value).expanduser()
    if path.is_dir() or value.endswith(("/", os.sep)):
        return path / STORE_FILE
    return path
