"""Every paragraph of the Word notes carries its named style, read back with python-docx: the
writer sets each paragraph's style id itself, so a wrong or unknown id would read as "Normal"."""

from __future__ import annotations

import datetime as dt

import pytest
from docx import Document

from clerk.documents import Heading, MinuteBlock, NotesDoc, build_notes, build_volume
from clerk.documents.render import minute_parts
from clerk.services import committees, content, minutes
from exports.notes import STYLES, write_notes, write_volume

# The style each part of a minute prints in (clerk.documents.render.minute_parts names the parts).
PART_STYLE = {
    "heading": "Clerk Minute Heading",
    "exempt": "Clerk Exempt",
    "paragraph": "Clerk Paragraph",
    "numbered": "Clerk Numbered Paragraph",
    "point": "Clerk Point",
    "resolution": "Clerk Resolution",
    "numbered resolution": "Clerk Numbered Paragraph",
    "resolution point": "Clerk Resolution Point",
    "note": "Clerk Note",
    "action": "Clerk Action",
}
APPENDIX_BODY = {"Clerk Appendix Heading", "Clerk Appendix Bullet", "Clerk Appendix Text"}
PAGE_BREAK = ("Normal", "")  # a paragraph holding only a page break, in no style of its own


def expected(notes: NotesDoc) -> list[tuple[str, str] | str]:
    """(style, text) of each paragraph the notes print, in order; an appendix's body, whose lines
    become headings, bullets or text, as the style set "appendix body" until the next part."""
    out: list[tuple[str, str] | str] = []
    if notes.organisation:
        out.append(("Clerk Organisation", notes.organisation.upper()))
    out += [("Clerk Committee", notes.committee), ("Clerk Opening", notes.opening)]
    out += [("Clerk Attendance", f"{label}: {names}") for label, names in notes.attendance]
    for block in notes.blocks:
        if isinstance(block, Heading):
            out.append(("Clerk Session Heading", block.text))
            if block.intro:
                out.append(("Clerk Session Intro", block.intro))
        else:
            assert isinstance(block, MinuteBlock)
            out += [(PART_STYLE[part], text) for part, text in minute_parts(block)]
    if notes.approved:
        out.append(("Clerk Approval", notes.approved))
    out.append(("Clerk Signature", f"{notes.chair_title} ...................................................."))
    out.append(("Clerk Signature", "Date ............................................................"))
    for appendix in notes.appendices:
        out += [PAGE_BREAK, ("Clerk Appendix Title", appendix.title), ("Clerk Appendix Text", appendix.name), "appendix body"]
    return out


def read_back(path) -> list[tuple[str, str]]:
    doc = Document(str(path))
    return [(p.style.name, p.text) for p in doc.paragraphs]


def matches(got: list[tuple[str, str]], want: list[tuple[str, str] | str]) -> None:
    i = 0
    for item in want:
        if item == "appendix body":
            while i < len(got) and got[i][0] in APPENDIX_BODY:
                i += 1
            continue
        assert i < len(got), f"the document ends before {item}"
        assert got[i] == item, f"paragraph {i}: {got[i]} where {item} was expected"
        i += 1
    assert i == len(got), f"paragraphs left over: {got[i:]}"


@pytest.mark.parametrize("public", [False, True], ids=["full", "public"])
def test_every_paragraph_of_the_notes_reads_back_in_its_style(store, demo, tmp_path, public):
    minute = minutes.add_minute(store, demo.held_meeting_id, "Any other business")
    content.set_body(store, minute.id, "First.\n\nSecond,\tafter a tab.\n\n- a point\n- another\n\nRESOLVED that it be noted.")
    notes = build_notes(store, demo.held_meeting_id, public=public)
    out = write_notes(notes, tmp_path / "notes.docx")
    got = read_back(out)
    matches(got, expected(notes))
    used = {style for style, _ in got} - {"Normal"}
    assert used <= set(STYLES) and len(used) >= 10
    assert [p for p in got if p[0] == "Normal"] == [PAGE_BREAK] * len(notes.appendices)


def test_every_paragraph_of_a_volume_reads_back_in_its_style(store, demo, tmp_path):
    volume = build_volume(store, demo.committee_id, dt.date(2014, 5, 1), dt.date(2015, 4, 30))
    got = read_back(write_volume(volume, tmp_path / "volume.docx"))
    want: list[tuple[str, str] | str] = [
        ("Clerk Organisation", volume.organisation),
        ("Clerk Volume Title", volume.committee.upper()),
        ("Clerk Committee", volume.title),
    ]
    for notes in volume.notes:
        want += [PAGE_BREAK, *expected(notes)]
    matches(got, want)


def test_a_template_style_of_the_same_name_is_the_one_used(store, demo, tmp_path):
    """A council's template that defines "Clerk Paragraph" under its own id keeps it: the
    paragraphs point at the template's style, not at a new one."""
    template = Document()
    template.styles.add_style("Clerk Paragraph", 1).style_id = "CouncilBody"
    template.save(str(tmp_path / "council.docx"))
    committees.update_committee(store, demo.committee_id, template_path=str(tmp_path / "council.docx"))
    out = write_notes(build_notes(store, demo.held_meeting_id), tmp_path / "notes.docx")
    doc = Document(str(out))
    body = [p for p in doc.paragraphs if p.style.name == "Clerk Paragraph"]
    assert body and all(p.style.style_id == "CouncilBody" for p in body)
