from __future__ import annotations

import os
import stat

import pytest

from realpolitik.cli._app import write_atomic


def test_writes_with_normal_mode_and_replaces(tmp_path):
    out = tmp_path / "a.txt"
    write_atomic(out, "one")
    mask = os.umask(0o022)
    os.umask(mask)
    assert stat.S_IMODE(out.stat().st_mode) == 0o666 & ~mask
    write_atomic(out, "two")
    assert out.read_text() == "two"


def test_failure_leaves_destination_and_no_temporary(tmp_path):
    out = tmp_path / "a.txt"
    out.write_text("keep")

    def boom(path):
        path.write_text("half")
        raise RuntimeError("interrupted")

    with pytest.raises(RuntimeError):
        write_atomic(out, boom)
    assert out.read_text() == "keep"
    assert [p.name for p in tmp_path.iterdir()] == ["a.txt"]
