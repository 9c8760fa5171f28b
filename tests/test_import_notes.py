"""Reading existing notes: the KCSP notes of 8 July 2014 and 11 October 2017, clean and ragged."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

from clerk.cli import main as run_commands
from clerk.importing.notes_people import people
from clerk.importing.notes_text import parse_notes
from clerk.kinds import ParagraphKind

SEEDS = Path(__file__).resolve().parent.parent.parent / "shared" / "seeds"
NOTES_2014 = SEEDS / "kcsp-2014-07-08-notes.txt"
PACK_2018 = SEEDS / "kcsp-2018-03-21-agenda-pack.txt"

TITLES_2014 = {
    64: ("Vice-Chairman in the Chair", None),
    65: ("Notes of meeting held on 18 March 2014", "A3"),
    66: ("Community Trigger Criteria & Review Process in Kent", "B1"),
    67: ("Kent Community Safety Agreement - Development of a New Agreement and Performance Update", "B2"),
    68: ("MARAC Event", "B3"),
    69: ("Kent and Medway Reducing Reoffending Board (KMRRB) - verbal update", "B4"),
    70: ("Stocktake, audit and review of Community Safety Services Update - Presentation", "B5"),
    71: ("Community Safety Conference - verbal report", "B6"),
    72: ("Date of next meeting - 14 October 2014 at 2.00pm", "C1"),
    73: ("Domestic Homicide Reviews (DHR's) - update report", "D1"),
    74: ("New Communities - verbal update", "D2"),
}


def text_2014() -> str:
    if not NOTES_2014.exists():
        pytest.skip("the seeds are not beside the repository")
    return NOTES_2014.read_text(encoding="utf-8")


def ragged(text: str) -> str:
    """As text taken from a PDF reads: page footers, long lines broken mid-sentence, minute numbers alone."""
    out: list[str] = []
    for n, line in enumerate(text.split("\n")):
        if n % 17 == 0:
            out += ["", f"Page {n // 17 + 1}", ""]
        minute = re.match(r"^(#+ )?(\d{2})\. (.*)$", line)
        if minute:
            out += [f"{minute.group(2)}.", minute.group(3)]
        elif len(line) > 120 and not line.lstrip("- ").startswith("("):
            cut = line.index(" ", 60)
            out += [line[:cut], "", line[cut + 1 :]]
        else:
            out.append(line)
    return "\n".join(out)


def test_the_2014_notes_give_minutes_64_to_74_with_titles_and_items():
    notes = parse_notes(text_2014())
    assert {m.number: (m.title, m.item) for m in notes.minutes} == TITLES_2014
    h = notes.heading
    assert h is not None and (h.organisation, h.word, h.committee) == (
        "KENT COUNTY COUNCIL",
        "NOTES",
        "Kent Community Safety Partnership",
    )
    assert h.venue == "Medway Room, Sessions House, County Hall, Maidstone" and h.date == dt.date(2014, 7, 8)
    assert [m.session for m in notes.minutes] == ["UNRESTRICTED ITEMS"] * 9 + ["PRIVATE SESSION"] * 2
    assert notes.sessions[1] == ("PRIVATE SESSION", "The Partnership considered the following items in private session.")
    assert notes.unplaced == ()
    assert notes.appendix[0] == "Minute Item 70"  # the presentation after the notes is not minute 74's text


def test_the_2014_attendance_as_the_seed_lists_it():
    notes = parse_notes(text_2014())
    assert len(notes.present) == 14 and len(notes.also_present) == 2 and len(notes.in_attendance) == 4
    coleman = notes.present[0]
    assert (coleman.title, coleman.forenames, coleman.surname) == ("Mr", "David", "Coleman")
    assert coleman.vice_chair and coleman.presiding and not coleman.chair
    assert [p for p in notes.present if p.chair] == []
    assert [p.surname for p in notes.present[4:6]] == ["Brett", "Cooke"]  # "Ms A Brett. Ms Z Cooke."
    rabey = notes.present[11]
    assert (rabey.title, rabey.surname) == ("Acting Chief Superintendent", "Rabey")
    fitch = notes.in_attendance[2]
    assert fitch.surname == "Fitch" and fitch.role == "Democratic Services Manager (Council)"


def test_paragraphs_points_and_actions_of_2014():
    minutes = {m.number: m for m in parse_notes(text_2014()).minutes}
    assert minutes[66].actions == ("Jim Parris",) and minutes[68].actions == ("DCI Andy Prichard",)
    assert [p.numbered for p in minutes[69].paragraphs] == [True] * 6
    assert len(minutes[66].paragraphs) == 4 and not any(p.numbered for p in minutes[66].paragraphs)
    # minute 70's paragraph (3) is broken over a blank line in the seed: one paragraph again
    assert (
        minutes[70]
        .paragraphs[2]
        .text.endswith(
            "with this proposal and to create a means for District Councils"
            " to link into countywide partners who were responsible for"
            " service provision was emphasised."
        )
    )
    assert [p.kind for p in minutes[73].paragraphs] == [ParagraphKind.TEXT] * 2 + [ParagraphKind.POINT] * 4


def test_a_ragged_copy_gives_the_same_minutes():
    clean = parse_notes(text_2014())
    rough = parse_notes(ragged(text_2014()))
    assert rough.minutes == clean.minutes
    assert rough.present == clean.present and rough.unplaced == ()


def test_the_2017_notes_inside_the_2018_pack_give_161_to_171_with_resolutions():
    if not PACK_2018.exists():
        pytest.skip("the seeds are not beside the repository")
    notes = parse_notes(PACK_2018.read_text(encoding="utf-8"))
    assert [m.number for m in notes.minutes] == list(range(161, 172))
    assert notes.heading is not None and notes.heading.date == dt.date(2017, 10, 11)
    assert all(len(m.resolutions) == 1 for m in notes.minutes)
    assert notes.minutes[0].resolutions[0].text.startswith("RESOLVED that the notes of the meeting held on 19 July 2017")
    assert [p.kind for p in notes.minutes[1].paragraphs][-4:] == [ParagraphKind.RESOLUTION] + [ParagraphKind.POINT] * 3
    hill, rivers = notes.present[:2]
    assert hill.chair and hill.honours == ("OBE",) and (hill.forenames, hill.surname) == ("P M", "Hill")
    assert rivers.vice_chair and len(notes.present) == 19
    assert notes.minutes[9].title == "Domestic Homicide Reviews (DHRs) - update"  # "170.Domestic"


def test_substitutes_and_apologies():
    (sub,) = people("Mr A Smith (Substitute for Mr B Jones)")
    assert sub.substitute_for == "Mr B Jones" and sub.surname == "Smith"
    notes = parse_notes(
        "NOTES of a meeting of the Board held at the Hall on Monday, 3 March 2025.\n"
        "PRESENT: Ms C Allen (Chair)\nAPOLOGIES: Mr D Black and Mrs E White\n\n1. Welcome\n\nThe Chair welcomed all.\n"
    )
    assert [p.surname for p in notes.apologies] == ["Black", "White"] and notes.present[0].chair
    assert [(m.number, m.title) for m in notes.minutes] == [(1, "Welcome")]


def test_the_dry_run_names_the_minutes(tmp_path, capsys):
    assert run_commands(["import", "notes", str(NOTES_2014) if NOTES_2014.exists() else "x", "--dry-run"]) == 0
    out = capsys.readouterr().out
    assert "64. Vice-Chairman in the Chair" in out and "74. New Communities - verbal update (Item D2)" in out
    assert "Mr David Coleman (Vice-Chairman; in the Chair)" in out and "Not placed: 0 lines" in out


def test_a_report_is_refused(tmp_path, capsys):
    report = tmp_path / "report.txt"
    report.write_text("Summary\n\nThis report details the annual review.\n", encoding="utf-8")
    assert run_commands(["import", "notes", str(report), "--dry-run"]) == 2
    assert "does not read as notes" in capsys.readouterr().err


def test_a_word_copy_reads_as_the_text(tmp_path, capsys):
    import docx

    document = docx.Document()
    for line in text_2014().split("\n"):
        document.add_paragraph(line)
    path = tmp_path / "notes.docx"
    document.save(str(path))
    assert run_commands(["import", "notes", str(path), "--dry-run"]) == 0
    out = capsys.readouterr().out
    assert "64. Vice-Chairman in the Chair" in out and "74. New Communities" in out
    assert "70. Stocktake, audit and review of Community Safety Services Update - Presentation (Item B5): 6 paragraphs" in out


def test_the_2014_seed_withdraws_71_and_its_agreements_are_text():
    minutes = {m.number: m for m in parse_notes(text_2014()).minutes}
    assert [n for n, m in minutes.items() if m.outcome] == [71] and minutes[71].outcome == "withdrawn"
    assert minutes[71].title == "Community Safety Conference - verbal report"  # the sentence says it, not the title
    for n in (66, 67):  # "It was agreed that …": the minute's text, not a RESOLVED block
        assert minutes[n].paragraphs[-1].text.startswith("It was agreed") and minutes[n].resolutions == ()
