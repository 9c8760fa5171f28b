"""The linters keep the code as the project describes it: ruff's rules, ruff's format and mypy's types, as
configured in pyproject.toml, pass on the whole repository."""

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.parametrize(
    "tool", [["ruff", "check", "."], ["ruff", "format", "--check", "."], ["mypy"]], ids=["ruff", "format", "mypy"]
)
def test_the_linters_pass(tool):
    result = subprocess.run([sys.executable, "-m", *tool], cwd=ROOT, capture_output=True, text=True, check=False)
    assert result.returncode == 0, f"{' '.join(tool)} failed:\n{result.stdout}{result.stderr}"


def test_the_screens_have_no_excuses_from_mypy():
    """No module of the app is excused a check: no ``disable_error_code`` naming ``screens``."""
    import tomllib

    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    excused = [
        module
        for override in config["tool"]["mypy"]["overrides"]
        if override.get("disable_error_code") or override.get("ignore_errors")
        for module in ([override["module"]] if isinstance(override["module"], str) else override["module"])
        if module.startswith("screens")
    ]
    assert excused == []


def test_the_domain_and_the_writers_are_excused_no_check():
    """clerk and exports are checked strictly, every module of them: no override there turns a
    check off (the screens' list of excuses is theirs to shrink)."""
    import tomllib

    overrides = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["mypy"]["overrides"]
    for override in overrides:
        modules = override["module"] if isinstance(override["module"], list) else [override["module"]]
        ours = [m for m in modules if m.split(".")[0] in ("clerk", "exports")]
        if ours:
            excused = {k for k in override if k in ("disable_error_code", "ignore_errors", "ignore_missing_imports")}
            assert not excused, f"{', '.join(ours)} excused from {', '.join(sorted(excused))}"
            assert all(value is True for key, value in override.items() if key != "module"), override
