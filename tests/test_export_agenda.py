"""The agenda front sheet in Word, read back against the seed's 21 March 2018 agenda."""

from __future__ import annotations

from clerk.cli import main
from clerk.documents import build_agenda
from exports.agenda import write_agenda

from .docx_read import paragraphs
from .seed_2018 import build_2018


def table_text(path) -> list[str]:
    from docx import Document

    return [c.text for t in Document(str(path)).tables for row in t.rows for c in row.cells]


def test_the_2018_front_sheet(store, tmp_path):
    _c, m = build_2018(store)
    out = write_agenda(build_agenda(store, m.id), tmp_path / "agenda.docx")
    text = paragraphs(out)
    assert text[:2] == ["AGENDA", "KENT COMMUNITY SAFETY PARTNERSHIP"]
    details = "\n".join(table_text(out))
    assert "Wednesday, 21st March, 2018, at 10.00 am" in details and "Medway Room, Sessions House" in details
    assert (
        "Ask for: Joel Cook / Anna Taylor" in details
        and "Telephone: 03000 416892" in details
        and "joel.cook@kent.gov.uk" in details
    )
    body = [t for t in text if t]
    expected = [
        "Tea/Coffee will be available 15 minutes before the meeting.",
        "UNRESTRICTED ITEMS",
        "(During these items the meeting is likely to be open to the public)",
        "A. Committee Business",
        "A1\tApologies",
        "A2\tDeclarations of Interest",
        "A3\tNotes of meeting held on 11 October 2017\t(Pages 3 8)",
        "B. Matters for Discussion",
        "B1\tKent Community Safety Agreement Review\t(Pages 9 36)",
        "B2\tKCSP Working Group update\t(Pages 37 40)",
        "B3\tDomestic Abuse Updates\t(Verbal)",
        "-\tDomestic Abuse and Sexual Violence Executive Group",
        "-\tIntegrated Domestic Abuse Services Commissioning Update",
        "B4\tKent and Medway Road Casualty Reduction Partnership\t(Pages 41 44)",
        "B5\tMental Health and Policing Oversight Board Update\t(Verbal)",
        "B6\tKent Community Safety Team Update\t(Verbal)",
        "B7\tKent and Medway Gangs Strategy\t(to follow)",
        "C. Matters for Information",
        "C1\tDate of next meeting",
        "The next meeting of the Kent Community Safety Partnership will be held on 18 July 2018, 10.00am, Darent Room, Sessions House, Maidstone.",
        "D - RESTRICTED ITEM(S)",
        "Meeting not open to the press and public and reports not for publication",
        "D1\tThe PREVENT Duty and Home Office Dovetail Pilot",
        "D2\tDomestic Homicide Reviews (DHRs) update",
        "Tuesday, 13 March 2018",
    ]
    assert body[2:] == expected


def test_the_demo_agenda_from_the_cli(store, demo, tmp_path, capsys):
    out = tmp_path / "a.docx"
    assert main(["--db", str(store.target.path), "export", "agenda", "2014-10-14", "--out", str(out)]) == 0
    assert "A3\tNotes of meeting held on 8 July 2014" in paragraphs(out)


def test_an_agenda_on_a_template(store, tmp_path):
    from docx import Document

    from clerk.services.committees import update_committee

    template = Document()
    template.sections[0].header.paragraphs[0].text = "KCC Democratic Services"
    template.save(tmp_path / "t.docx")
    c, m = build_2018(store)
    update_committee(store, c.id, template_path=str(tmp_path / "t.docx"))
    out = write_agenda(build_agenda(store, m.id), tmp_path / "agenda.docx")
    assert "A3\tNotes of meeting held on 11 October 2017\t(Pages 3 8)" in paragraphs(out)
    assert Document(str(out)).sections[0].header.paragraphs[0].text == "KCC Democratic Services"
