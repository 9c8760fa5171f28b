"""The layering holds: the domain never imports the UI, exporters are pure, screens hold no SQL."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_import_contracts_hold():
    result = subprocess.run([sys.executable, "-m", "importlinter.cli", "--no-cache"], cwd=ROOT, capture_output=True, text=True)
    if result.returncode != 0 and "No module named" in result.stderr:
        result = subprocess.run(
            [str(Path(sys.executable).with_name("lint-imports")), "--no-cache"], cwd=ROOT, capture_output=True, text=True
        )
    assert result.returncode == 0, result.stdout + result.stderr


def test_importing_clerk_has_no_side_effects(tmp_path):
    """Importing every domain module creates no folder, file or engine."""
    code = (
        "import importlib, pkgutil, clerk, clerk.services;"
        "[importlib.import_module(m.name) for p in (clerk, clerk.services) for m in pkgutil.iter_modules(p.__path__, p.__name__ + '.')]"
    )
    env = {
        "HOME": str(tmp_path),
        "XDG_DATA_HOME": str(tmp_path / "data"),
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
        "PATH": "/usr/bin:/bin",
    }
    subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, check=True)
    assert sorted(p.name for p in tmp_path.iterdir()) == []
