"""``clerk plan`` and ``clerk deadlines`` as the README shows them, and bad input answered with
one line and exit code 2."""

from __future__ import annotations

import pytest

from clerk.cli import main

from .test_cli import one_line_exit_2, run


@pytest.fixture
def db(tmp_path, capsys) -> str:
    path = str(tmp_path / "clerk.db")
    assert main(["--db", path, "demo"]) == 0
    capsys.readouterr()
    return path


def test_plan_a_report_and_list_the_deadlines(db, capsys, monkeypatch):
    monkeypatch.setenv("COLUMNS", "100")
    code, out, _ = run(
        capsys, "--db", db, "plan", "add", "--committee", "Kent", "--date", "2014-10-14", "Domestic Abuse Strategy",
        "--author", "Jim Parris",
    )  # fmt: skip
    assert code == 0 and "added to its agenda for Kent Community Safety Partnership, 14 October 2014" in out
    code, out, _ = run(
        capsys, "--db", db, "plan", "add", "-c", "Kent", "--date", "2015-01-13", "Annual report", "--author", "Shafick Peerbux"
    )
    assert code == 0 and "“Annual report” planned for Kent Community Safety Partnership, 13 January 2015." in out
    code, out, _ = run(capsys, "--db", db, "plan", "--all")
    assert code == 0 and "on the agenda" in out and "Shafick Peerbux" in out and "planned" in out
    code, out, _ = run(capsys, "--db", db, "deadlines", "--committee", "Kent", "--on", "2014-10-01")
    lines = out.splitlines()
    assert code == 0 and lines[0].split() == ["Due", "Meeting", "Report", "Author"]
    assert "Mon 29 Sep 2014" in lines[1] and "B1 Domestic Abuse Strategy" in lines[1] and "Jim Parris" in lines[1]
    assert lines[2].startswith("Overdue by 2 days")
    assert "Wed 24 Dec 2014" in out and "Annual report (planned)" in out and "Due in 84 days" in out
    code, out, _ = run(capsys, "--db", db, "plan", "move", "2", "--date", "2014-10-14")
    assert code == 0 and "now planned for 14 October 2014" in out
    code, out, _ = run(capsys, "--db", db, "plan", "drop", "1")
    assert code == 0 and "is off the plan" in out
    code, out, _ = run(capsys, "--db", db, "deadlines", "--on", "2014-10-01")
    assert "Domestic Abuse" not in out and "B1 Annual report" in out


def test_nothing_due_is_said_plainly(db, capsys):
    code, out, _ = run(capsys, "--db", db, "deadlines")
    assert code == 0 and out == "No reports are expected at meetings to come.\n"
    code, out, _ = run(capsys, "--db", db, "plan")
    assert code == 0 and "Nothing is planned" in out


@pytest.mark.parametrize(
    ("argv", "said"),
    [
        (["plan", "add", "-c", "Kent", "--date", "2014-07-08", "Too late"], "has been held"),
        (["plan", "add", "-c", "Kent", "--date", "soon", "Annual report"], "is not a date"),
        (["plan", "add", "-c", "Nobody", "--date", "2015-01-13", "Annual report"], "No committee is called"),
        (["plan", "add", "-c", "Kent", "--date", "2015-01-13", "Staffing", "--restricted", "8"], "1 to 7"),
        (["plan", "add", "-c", "Kent", "--date", "2015-01-13", "Annual report", "--section", "E"], "not an agenda section"),
        (["plan", "add", "-c", "Kent", "--date", "2015-01-13", "Annual report", "--kind", "standard"], "is not one of"),
        (["plan", "move", "99", "--date", "2015-01-13"], "no planned item with id 99"),
        (["deadlines", "--on", "tomorrow"], "is not a date"),
    ],
)
def test_bad_input_gets_one_line(db, capsys, argv, said):
    assert said in one_line_exit_2(capsys, "--db", db, *argv)
