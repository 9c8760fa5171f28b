"""The house style, in the seeds' own phrases, and the rule that each piece of it lives once:
in clerk/wording.py."""

from __future__ import annotations

import ast
import datetime as dt
from pathlib import Path
from types import SimpleNamespace

import pytest

from clerk import wording as w
from clerk import wording_meetings as wm
from clerk.errors import InvalidInput
from clerk.models import Committee

ROOT = Path(__file__).resolve().parent.parent
SEEDS = Path("/work/shared/seeds")


def seed(name: str) -> str:
    return (SEEDS / name).read_text(encoding="utf-8") if (SEEDS / name).exists() else ""


def test_dates_as_the_notes_and_agenda_write_them():
    assert w.long_date(dt.date(2014, 3, 18)) == "18 March 2014"  # "Notes of meeting held on 18 March 2014"
    assert w.day_date(dt.date(2014, 7, 8)) == "Tuesday, 8 July 2014"  # the notes' opening line
    assert w.day_date(dt.date(2018, 3, 13)) == "Tuesday, 13 March 2018"  # the agenda's foot
    assert w.day_date(dt.date(2014, 4, 14), comma=False) == "Monday 14 April 2014"
    assert w.agenda_when(dt.date(2018, 3, 21), dt.time(10)) == "Wednesday, 21st March, 2018, at 10.00 am"
    assert w.agenda_when(dt.date(2018, 3, 21), None) == "Wednesday, 21st March, 2018"
    assert w.short_date(dt.date(2014, 7, 8)) == "Tue 8 Jul 2014"
    assert [w.ordinal(n) for n in (1, 2, 3, 4, 11, 12, 13, 21, 22, 23, 31, 111)] == [
        "1st",
        "2nd",
        "3rd",
        "4th",
        "11th",
        "12th",
        "13th",
        "21st",
        "22nd",
        "23rd",
        "31st",
        "111th",
    ]
    if seed("kcsp-2018-03-21-agenda-pack.txt"):
        text = seed("kcsp-2018-03-21-agenda-pack.txt")
        assert w.agenda_when(dt.date(2018, 3, 21), dt.time(10)) in text
        assert w.day_date(dt.date(2018, 3, 13)) in text
        assert w.day_date(dt.date(2017, 10, 11)) in text


def test_times_as_the_notes_and_front_sheet_write_them():
    assert w.clock(dt.time(14)) == "2.00pm"
    assert w.clock(dt.time(10, 25)) == "10.25am"
    assert w.clock(dt.time(12, 5)) == "12.05pm"
    assert w.clock(dt.time(0, 30)) == "12.30am"
    assert w.clock(dt.time(10), spaced=True) == "10.00 am"
    assert w.clock(None) == ""
    # "72. Date of next meeting - 14 October 2014 at 2.00pm (Item C1)"
    assert wm.next_meeting_when(dt.date(2014, 10, 14), dt.time(14)) == "14 October 2014 at 2.00pm"
    assert wm.next_meeting_when(dt.date(2014, 10, 14), None) == "14 October 2014"
    assert wm.next_meeting_sentence(
        "Kent Community Safety Partnership", dt.date(2018, 7, 18), dt.time(10), "Darent Room, Sessions House, Maidstone"
    ) == (
        "The next meeting of the Kent Community Safety Partnership will be held on 18 July 2018, 10.00am, "
        "Darent Room, Sessions House, Maidstone."
    )
    if seed("kcsp-2014-07-08-notes.txt"):
        assert "Date of next meeting - " + wm.next_meeting_when(dt.date(2014, 10, 14), dt.time(14)) in seed(
            "kcsp-2014-07-08-notes.txt"
        )


def test_lists_counts_and_page_labels():
    assert w.join_and([]) == ""
    assert w.join_and(["Ms C Gatward"]) == "Ms C Gatward"
    assert w.join_and(["Ms C Gatward", "Mr S Nolan"]) == "Ms C Gatward and Mr S Nolan"  # ALSO PRESENT
    assert (
        w.join_and(["Ms D Fitch", "", "Mr M Campbell (Policy Officer)", "Mr J Parris"])
        == "Ms D Fitch, Mr M Campbell (Policy Officer) and Mr J Parris"
    )
    assert w.plural(1, "item") == "1 item" and w.plural(3, "item") == "3 items" and w.plural(0, "vote") == "0 votes"
    assert w.plural(2, "clear working day") == "2 clear working days"
    assert w.page_label(9, 36) == "(Pages 9 36)"  # "B1 Kent Community Safety Agreement Review (Pages 9 36)"
    assert w.page_label(3, 8) == "(Pages 3 8)"
    assert w.page_label(41) == "(Page 41)" and w.page_label(41, 41) == "(Page 41)"
    if seed("kcsp-2018-03-21-agenda-pack.txt"):
        assert f"Agreement Review {w.page_label(9, 36)}" in seed("kcsp-2018-03-21-agenda-pack.txt")


def test_the_a3_resolution_and_the_approval_line():
    # the 2018 pack's notes of 11 October 2017, minute A3, word for word
    said = w.approval_wording("19 July 2017", "Chairman")
    assert said == (
        "RESOLVED that the notes of the meeting held on 19 July 2017 were a correct record "
        "and that they be signed by the Chairman."
    )
    if seed("kcsp-2018-03-21-agenda-pack.txt"):
        assert said in seed("kcsp-2018-03-21-agenda-pack.txt")
    assert w.approval_wording("8 July 2014", "Chairman", "the spelling of Kenworth in minute 69.") == (
        "RESOLVED that, subject to the spelling of Kenworth in minute 69, the notes of the meeting held on "
        "8 July 2014 were a correct record and that they be signed by the Chairman."
    )
    assert w.approval_wording("8 July 2014", "Chair", "   ").startswith("RESOLVED that the notes")
    assert w.approved_line(dt.date(2014, 10, 14)) == "Approved as a correct record on 14 October 2014."
    assert (
        w.approved_line(None, "the correction of a name.") == "Approved as a correct record, subject to the correction of a name."
    )


def test_schedule_12a_paragraph_one_to_seven():
    assert [w.exempt_paragraph(n) for n in (1, "7", " 3 ")] == [1, 7, 3]
    assert w.exempt_paragraph("", needed=False) is None and w.exempt_paragraph(None, needed=False) is None
    for bad in (0, 8, "x", "", "2.5", -1):
        with pytest.raises(InvalidInput, match="a number from 1 to 7"):
            w.exempt_paragraph(bad)
    assert w.exempt_sentence(3) == "Exempt under paragraph 3 of Part 1 of Schedule 12A to the Local Government Act 1972."
    assert w.exempt_note(1) == "Restricted: exempt under paragraph 1 of Part 1 of Schedule 12A"
    committee = Committee(name="Kent Community Safety Partnership")
    said = w.exclusion_wording(committee, 1)
    assert said.startswith("RESOLVED that under Section 100A of the Local Government Act 1972 the public be excluded")
    assert "paragraph 1 of Part 1 of Schedule 12A of the Act." in said
    assert "⟨paragraph⟩" in w.exclusion_wording(committee, None)
    broken = SimpleNamespace(exclusion_wording="Excluded under {para}.")
    assert w.exclusion_wording(broken, 2) == "Excluded under {para}."  # the clerk's own text, kept as typed
    assert w.private_session_intro("Partnership") == "The Partnership considered the following items in private session."
    assert (
        w.private_session_intro("Partnership", 1)
        == "The Partnership considered 1 item in private session, not minuted in this version."
    )


def test_stock_sentences():
    assert w.vice_chair_sentences("Chairman", "Vice-Chairman") == (
        "Vice-Chairman in the Chair",  # minute 64 of 2014
        "As the Chairman was not able to attend the meeting the Vice-Chairman took the chair.",
    )
    assert w.state_sentence("withdrawn") == "This item was withdrawn."
    assert (
        w.state_sentence("deferred", "14 October 2014 at 2.00pm")
        == "This item was deferred to the next meeting on 14 October 2014 at 2.00pm."
    )
    assert w.state_sentence("deferred") == "This item was deferred to the next meeting."
    assert w.state_sentence("taken") == ""
    assert w.apologies_sentence([]) == "No apologies were received."
    assert w.apologies_sentence(["Ms C Allen", "Mr P Carter"], [("Mr A Stewart", "Mr P Carter")]) == (
        "Apologies were received from Ms C Allen and Mr P Carter. Mr A Stewart was present as a substitute for Mr P Carter."
    )
    d = SimpleNamespace(member_name="Mr D Coleman", nature="Member of KALA.", nature_restricted=True)
    row = SimpleNamespace(code="B2", title="Kent Community Safety Agreement")
    assert (
        w.declaration_sentence(d, row, public=False)
        == "Mr D Coleman declared an interest in Item B2 (Kent Community Safety Agreement): Member of KALA."
    )
    assert w.declaration_sentence(d, row) == "Mr D Coleman declared an interest in Item B2 (Kent Community Safety Agreement)."
    assert (
        w.declaration_sentence(d, None, public=False)
        == "Mr D Coleman declared an interest in the business of the meeting: Member of KALA."
    )
    assert w.action_line("Jim Parris") == "Action – Jim Parris"
    assert (
        w.action_line("DCI Andy Prichard", "report on MARAC capacity", dt.date(2014, 10, 14))
        == "Action – DCI Andy Prichard: report on MARAC capacity (by 14 October 2014)"
    )
    assert w.movement_line("Mr S Bone-Knell", True, dt.time(10, 25)) == "Mr S Bone-Knell arrived at 10.25am during this item."
    assert w.movement_line("Ms A Brett", False, None) == "Ms A Brett left the meeting during this item."
    vote = SimpleNamespace(
        motion="that the Agreement be approved",
        votes_for=9,
        against=0,
        votes_against=2,
        abstentions=1,
        named_for="",
        named_against="Mr X, Ms Y",
        named_abstaining="",
    )
    assert w.vote_line(vote) == "On the motion that the Agreement be approved: For 9; Against 2 (Mr X, Ms Y); Abstentions 1."
    assert w.vote_line(SimpleNamespace(**{**vars(vote), "motion": ""})).startswith("Recorded vote: For 9;")


# -- one of each, in clerk/wording.py --------------------------------------------------------

ONCE = {
    "long_date",
    "day_date",
    "short_date",
    "clock",
    "time_label",
    "join_names",
    "join_and",
    "approval_wording",
    "previous_notes_wording",
    "page_label",
    "plural",
    "ordinal",
    "exempt_paragraph",
    "exclusion_wording",
    "declaration_sentence",
    "declaration_at_item",
    "vote_line",
    "action_line",
}


def _sources() -> list[Path]:
    return [p for folder in ("clerk", "screens", "exports") for p in sorted((ROOT / folder).rglob("*.py"))]


def _checks_one_to_seven(node: ast.AST) -> bool:
    """``1 <= x <= 7`` (or ``not 1 <= x <= 7``): the Schedule 12A paragraph check."""
    if not isinstance(node, ast.Compare) or len(node.comparators) != 2:
        return False
    values = [node.left, *node.comparators]
    consts = [v.value for v in values if isinstance(v, ast.Constant)]
    return consts == [1, 7]


def _writes_a_month(node: ast.AST) -> bool:
    """f"{d.day} {d:%B %Y}" or d.strftime("%d %B %Y"): a long date written out by hand (reading
    one, as parse_date does with strptime, is not writing it)."""
    spec = ""
    if isinstance(node, ast.FormattedValue) and node.format_spec is not None:
        spec = "".join(v.value for v in ast.walk(node.format_spec) if isinstance(v, ast.Constant) and isinstance(v.value, str))
    elif isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "strftime" and node.args:
        arg = node.args[0]
        spec = arg.value if isinstance(arg, ast.Constant) and isinstance(arg.value, str) else ""
    return "%B %Y" in spec


def test_each_rule_of_the_house_style_is_defined_once():
    own = ROOT / "clerk" / "wording.py"
    found: list[str] = []
    for path in _sources():
        if path == own:
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
        for node in ast.walk(tree):
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)) and node.name in ONCE:
                found.append(f"{path.relative_to(ROOT)}:{node.lineno} defines {node.name}")
            if _checks_one_to_seven(node):
                found.append(f"{path.relative_to(ROOT)}:{node.lineno} checks a paragraph is 1 to 7")
            if _writes_a_month(node):
                found.append(f"{path.relative_to(ROOT)}:{node.lineno} writes a date itself")
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and "were a correct record" in node.value:
                found.append(f"{path.relative_to(ROOT)}:{node.lineno} writes the A3 resolution itself")
    assert found == []
    defined = {n.name for n in ast.walk(ast.parse(own.read_text(encoding="utf-8"))) if isinstance(n, ast.FunctionDef)}
    assert {"long_date", "clock", "join_and", "approval_wording", "exempt_paragraph", "page_label"} <= defined


def test_the_check_finds_what_it_looks_for():
    """The walk above is not vacuous: the forms it forbids are recognised."""
    tree = ast.parse(
        "def long_date(d):\n    return 1 <= d <= 7 or not 1 <= int(d) <= 7 or f'{d:%B %Y}' or d.strftime('%d %B %Y')\n"
    )
    assert sum(_checks_one_to_seven(n) for n in ast.walk(tree)) == 2
    assert sum(_writes_a_month(n) for n in ast.walk(tree)) == 2
    assert any(isinstance(n, ast.FunctionDef) and n.name in ONCE for n in ast.walk(tree))
