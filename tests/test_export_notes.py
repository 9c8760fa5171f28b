"""The notes in Word, read back: every part, in the seed's order and wording."""

from __future__ import annotations

import re

import pytest
from docx import Document

from clerk.documents import build_notes, build_volume
from clerk.services import content, minutes
from clerk.services.signoff import approve_previous
from exports.notes import write_notes, write_volume

from .docx_read import header_text, paragraphs, part, styled

SEED_TITLES = {
    64: "Vice-Chairman in the Chair",
    65: "Notes of meeting held on 18 March 2014 (Item A3)",
    66: "Community Trigger Criteria & Review Process in Kent (Item B1)",
    67: "Kent Community Safety Agreement - Development of a New Agreement and Performance Update (Item B2)",
    68: "MARAC Event (Item B3)",
    69: "Kent and Medway Reducing Reoffending Board (KMRRB) - verbal update (Item B4)",
    70: "Stocktake, audit and review of Community Safety Services Update - Presentation (Item B5)",
    71: "Community Safety Conference - verbal report (Item B6)",
    72: "Date of next meeting - 14 October 2014 at 2.00pm (Item C1)",
    73: "Domestic Homicide Reviews (DHR's) - update report (Item D1)",
    74: "New Communities - verbal update (Item D2)",
}


@pytest.fixture
def notes_docx(store, demo, tmp_path):
    return write_notes(build_notes(store, demo.held_meeting_id), tmp_path / "notes.docx")


def minute_headings(path) -> list[tuple[int, str]]:
    out = []
    for style, text in styled(path):
        if style == "Clerk Minute Heading":
            number, title = text.split(".\t", 1)
            out.append((int(number), title))
    return out


def test_the_minutes_run_64_to_74_with_the_seeds_titles(notes_docx):
    assert minute_headings(notes_docx) == sorted(SEED_TITLES.items())


def test_the_opening_and_attendance(notes_docx):
    text = paragraphs(notes_docx)
    assert text[:3] == [
        "KENT COUNTY COUNCIL",
        "KENT COMMUNITY SAFETY PARTNERSHIP",
        "NOTES of a meeting of the Kent Community Safety Partnership held in the Medway Room, Sessions House, "
        "County Hall, Maidstone on Tuesday, 8 July 2014.",
    ]
    present = next(t for t in text if t.startswith("PRESENT: "))
    assert present.startswith("PRESENT: Mr David Coleman (Vice-Chairman, in the Chair), Ms C Allen, Dr S Beaumont")
    assert present.endswith("Mr M Smith and Mr A Stewart")
    assert "Acting Chief Superintendent A. Rabey" in present
    assert "ALSO PRESENT: Ms C Gatward and Mr S Nolan" in text
    assert (
        "IN ATTENDANCE: Ms A Gilmour (Kent & Medway Domestic Violence Co-ordinator), Mr J Parris (Community Safety "
        "Manager), Ms D Fitch (Democratic Services Manager (Council)) and Mr M Campbell (Policy Officer)"
    ) in text
    assert "APOLOGIES: Mr P M Hill, OBE" in text


def test_sessions_paragraphs_actions_and_appendix(notes_docx):
    text = paragraphs(notes_docx)
    assert text.index("UNRESTRICTED ITEMS") < text.index("64.\tVice-Chairman in the Chair")
    private = text.index("PRIVATE SESSION")
    assert text[private + 1] == "The Partnership considered the following items in private session."
    assert private < text.index("73.\t" + SEED_TITLES[73]) and private > text.index("72.\t" + SEED_TITLES[72])
    assert text.index("Action – Jim Parris") > text.index("66.\t" + SEED_TITLES[66])
    assert "Action – DCI Andy Prichard" in text
    numbered = [t for t in text if re.match(r"^\(\d\)\t", t)]
    assert numbered[0].startswith("(1)\tAndy Rabey (Kent Police) updated the Partnership")
    assert [t[:3] for t in text if re.match(r"^\([a-d]\)\t", t)] == ["(a)", "(b)", "(c)", "(d)"]
    assert "As the Chairman was not able to join the meeting for this item it was withdrawn." in text
    appendix = text.index("Minute Item 70")
    assert "Terms of reference (1)" in text[appendix:] and "•\tEnormous amount of work" in text[appendix:]
    assert text.index("Chairman ....................................................") < appendix


def test_styles_numbers_as_text_and_properties(notes_docx):
    doc = Document(str(notes_docx))
    names = {p.style.name for p in doc.paragraphs}
    assert {
        "Clerk Minute Heading",
        "Clerk Paragraph",
        "Clerk Numbered Paragraph",
        "Clerk Point",
        "Clerk Action",
        "Clerk Session Heading",
        "Clerk Attendance",
    } <= names
    body = part(notes_docx)
    assert body.count("w:numPr") == 0, "Word auto-numbering in the body"
    assert 'instr="PAGE"' in part(notes_docx, "word/footer1.xml")
    assert doc.core_properties.author == "clerk" and "8 July 2014" in doc.core_properties.title
    assert "DRAFT" in header_text(notes_docx) and "RESTRICTED – NOT FOR PUBLICATION" in header_text(notes_docx)


def test_resolutions_are_bold_with_their_lettered_list(store, demo, tmp_path):
    first = minutes.add_minute(store, demo.next_meeting_id, "Kent Community Safety Agreement Update")
    content.set_body(store, first.id, "Mr Peerbux explained.\n\nRESOLVED that the KCSP note:\n- the progress\n- the reports")
    out = write_notes(build_notes(store, demo.next_meeting_id), tmp_path / "oct.docx")
    doc = Document(str(out))
    resolution = next(p for p in doc.paragraphs if p.text.startswith("RESOLVED"))
    assert resolution.runs[0].text == "RESOLVED" and resolution.runs[0].bold
    assert resolution.text == "RESOLVED that the KCSP note:"
    after = [p.text for p in doc.paragraphs if p.style.name == "Clerk Resolution Point"]
    assert after == ["(a)\tthe progress", "(b)\tthe reports"]
    assert [t for t in paragraphs(out) if t.startswith("75.")] == ["75.\tKent Community Safety Agreement Update"]


def test_signed_notes_say_so_and_export_the_same_twice(store, demo, tmp_path):
    signoff, _wording = approve_previous(store, demo.next_meeting_id)
    one = write_notes(build_notes(store, demo.held_meeting_id), tmp_path / "one.docx")
    two = write_notes(build_notes(store, demo.held_meeting_id), tmp_path / "two.docx")
    assert paragraphs(one) == paragraphs(two)
    assert "Approved as a correct record on 14 October 2014." in paragraphs(one)
    for path in (one, two):
        props = Document(str(path)).core_properties
        assert props.identifier == signoff.content_hash and signoff.content_hash in props.comments
        assert props.keywords.startswith("signed")
    assert "DRAFT" not in header_text(one)


def test_a_template_keeps_its_letterhead_and_styles(store, demo, tmp_path):
    template = Document()
    template.sections[0].header.paragraphs[0].text = "Kent County Council letterhead"
    template.add_paragraph("Sessions House, Maidstone")
    style = template.styles.add_style("Clerk Minute Heading", 1)
    style.font.size = 203200  # 16pt, the council's choice
    template.save(tmp_path / "kcc.docx")
    from clerk.services.committees import update_committee

    update_committee(store, demo.committee_id, template_path=str(tmp_path / "kcc.docx"))
    out = write_notes(build_notes(store, demo.held_meeting_id), tmp_path / "notes.docx")
    doc = Document(str(out))
    assert doc.paragraphs[0].text == "Sessions House, Maidstone"
    assert "Kent County Council letterhead" in header_text(out)
    assert doc.styles["Clerk Minute Heading"].font.size == 203200
    assert minute_headings(out) == sorted(SEED_TITLES.items())


def test_a_dotx_template_opens(store, demo, tmp_path):
    import shutil
    import zipfile

    Document().save(tmp_path / "plain.docx")
    with zipfile.ZipFile(tmp_path / "plain.docx") as src, zipfile.ZipFile(tmp_path / "kcc.dotx", "w") as dst:
        for item in src.infolist():
            data = src.read(item.filename)
            if item.filename == "[Content_Types].xml":
                data = data.replace(b"document.main+xml", b"template.main+xml")
            dst.writestr(item, data)
    shutil.copy(tmp_path / "kcc.dotx", tmp_path / "copy.dotx")
    from clerk.services.committees import update_committee

    update_committee(store, demo.committee_id, template_path=str(tmp_path / "copy.dotx"))
    out = write_notes(build_notes(store, demo.held_meeting_id), tmp_path / "notes.docx")
    assert len(minute_headings(out)) == 11


@pytest.mark.parametrize("bad", ["missing", "broken"])
def test_a_template_gone_missing_or_corrupt_is_a_plain_message(store, demo, tmp_path, bad):
    from clerk.errors import InvalidInput
    from clerk.services.committees import update_committee

    template = tmp_path / "kcc.docx"
    Document().save(template)
    update_committee(store, demo.committee_id, template_path=str(template))
    if bad == "missing":
        template.unlink()
    else:
        template.write_bytes(b"PK\x03\x04 not really a zip")
    with pytest.raises(InvalidInput, match="template"):
        write_notes(build_notes(store, demo.held_meeting_id), tmp_path / "notes.docx")
    assert not (tmp_path / "notes.docx").exists()


def test_setting_a_template_that_is_not_one_is_refused(store, demo, tmp_path):
    from clerk.errors import InvalidInput
    from clerk.services.committees import update_committee

    (tmp_path / "letter.docx").write_text("not a Word file")
    with pytest.raises(InvalidInput, match="not a valid Word file"):
        update_committee(store, demo.committee_id, template_path=str(tmp_path / "letter.docx"))
    with pytest.raises(InvalidInput, match=r"give a \.docx or \.dotx"):
        update_committee(store, demo.committee_id, template_path=str(tmp_path / "letter.doc"))


def test_the_bound_volume_runs_on(store, demo, tmp_path):
    minutes.add_minute(store, demo.next_meeting_id, "Apologies")
    import datetime as dt

    out = write_volume(build_volume(store, demo.committee_id, dt.date(2014, 5, 1), dt.date(2015, 4, 30)), tmp_path / "v.docx")
    numbers = [n for n, _ in minute_headings(out)]
    assert numbers == list(range(64, 76))
    text = paragraphs(out)
    assert text[1] == "KENT COMMUNITY SAFETY PARTNERSHIP" and text.count("KENT COUNTY COUNCIL") == 3
