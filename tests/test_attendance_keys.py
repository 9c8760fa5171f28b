"""The tmux replay of bench/attendance_keys.py: a real clerk, a fresh data folder, the
attendance of 14 October 2014 typed in; the key count is printed, the attendance checked."""

from __future__ import annotations

import importlib.util
import shutil
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parent.parent / "bench" / "attendance_keys.py"


@pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed")
def test_the_attendance_replayed_in_tmux_is_recorded(capsys):
    spec = importlib.util.spec_from_file_location("attendance_keys", BENCH)
    assert spec is not None and spec.loader is not None
    bench = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(bench)
    got = bench.main()
    assert len(got["present"]) == 16 and "Cllr A Gulvin" in got["present"] and "Ms C Gatward" in got["present"]
    assert sorted(got["apologies"]) == ["Mr P M Hill, OBE", "Ms A Brett"]
    assert len(got["in_attendance"]) == 7
    assert "Mr S Beaumont (Community Safety Analyst)" in got["in_attendance"] and "Dr S Beaumont" in got["present"]
    assert "keys." in capsys.readouterr().out
