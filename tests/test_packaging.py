"""How clerk is installed: the version options, the PostgreSQL driver as an extra with a plain
line when it is missing, and a built wheel that carries the templates, styles and demo data."""

from __future__ import annotations

import re
import subprocess
import sys
import tomllib
import zipfile
from pathlib import Path

import pytest

import clerk
from clerk.cli import main

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = ("clerk", "screens", "exports")


@pytest.mark.parametrize("flag", ["--version", "-V"])
def test_the_version(flag, capsys):
    assert main([flag]) == 0
    assert capsys.readouterr().out == f"clerk, version {clerk.__version__}\n"


def test_postgresql_without_its_driver_says_how_to_install_it(tmp_path, capsys, monkeypatch):
    """The driver is the ``postgres`` extra: a laptop with only SQLite does not have it. The import
    is made to fail as it does when psycopg is not installed."""
    monkeypatch.setitem(sys.modules, "psycopg", None)  # `import psycopg` raises ImportError
    monkeypatch.chdir(tmp_path)
    code = main(["--db", "postgresql://clerk@localhost/clerk", "meetings"])
    out, err = capsys.readouterr()
    assert code == 2
    assert err == "clerk: PostgreSQL needs its driver, which is not installed: pip install 'clerk[postgres]'\n"
    assert out == ""
    assert list(tmp_path.iterdir()) == []


def _package_data() -> set[str]:
    """Every file of the three packages that is not Python: templates, styles, demo data."""
    return {
        p.relative_to(ROOT).as_posix()
        for package in PACKAGES
        for p in (ROOT / package).rglob("*")
        if p.is_file() and p.suffix not in {".py", ".pyc"} and "__pycache__" not in p.parts
    }


def test_the_wheel_carries_the_package_data_and_licence(tmp_path):
    subprocess.run(
        [sys.executable, "-m", "hatchling", "build", "-t", "wheel", "-d", str(tmp_path)],
        cwd=ROOT,
        check=True,
        capture_output=True,
    )
    (wheel,) = tmp_path.glob("clerk-*.whl")
    with zipfile.ZipFile(wheel) as zf:
        names = set(zf.namelist())
        metadata = zf.read(f"clerk-{clerk.__version__}.dist-info/METADATA").decode()
    data = _package_data()
    assert {"clerk/data/kcsp_2014.toml", "screens/app.tcss", "screens/live/live.tcss", "exports/site_templates/base.html"} <= data
    assert data <= names, sorted(data - names)
    assert f"clerk-{clerk.__version__}.dist-info/licenses/LICENSE" in names
    assert "License-Expression: MIT" in metadata
    assert "Provides-Extra: postgres" in metadata
    assert not any(line.startswith("Requires-Dist: psycopg") and "extra" not in line for line in metadata.splitlines())


def test_ci_runs_the_readmes_test_command_with_the_pinned_versions():
    """.ci/run runs exactly the README's test command, which installs the versions in
    constraints.txt; every requirement in pyproject.toml is pinned there."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    command = next(line for line in readme.splitlines() if "pip install" in line and "[test]" in line)
    assert "-c constraints.txt" in command
    assert command in (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines()
    pinned = {
        line.split("==")[0].lower().replace("_", "-")
        for line in (ROOT / "constraints.txt").read_text(encoding="utf-8").splitlines()
        if "==" in line
    }
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    wanted = project["dependencies"] + [r for extra in project["optional-dependencies"].values() for r in extra]
    names = {re.split(r"[\[<>=~! ]", r, maxsplit=1)[0].lower() for r in wanted} - {"clerk"}
    assert names <= pinned, sorted(names - pinned)


def _completion(tmp_path: Path, **env: str) -> str:
    import os

    done = subprocess.run(
        [sys.executable, "-m", "clerk.cli"],
        env={**os.environ, "CLERK_DATA_DIR": str(tmp_path), **env},
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    return done.stdout


def test_shell_completion_as_the_readme_gives_it(tmp_path):
    """`eval "$(_CLERK_COMPLETE=bash_source clerk)"` prints the script (it does not open the app),
    and the script's call completes commands and their subcommands."""
    assert "_clerk_completion" in _completion(tmp_path, _CLERK_COMPLETE="bash_source")
    assert "compdef clerk" in _completion(tmp_path, _CLERK_COMPLETE="zsh_source")
    assert _completion(tmp_path, _CLERK_COMPLETE="bash_complete", COMP_WORDS="clerk ex", COMP_CWORD="1").split() == [
        "plain,export"
    ]
    words = _completion(tmp_path, _CLERK_COMPLETE="bash_complete", COMP_WORDS="clerk export ", COMP_CWORD="2").split()
    assert {"plain,agenda", "plain,notes"} <= set(words)
    assert list(tmp_path.iterdir()) == []
