"""Reading more layouts and kinds of file: the minutes a web page publishes (KCSP, 25 March 2025),
an agenda pack's front sheet before the notes it carries, PDFs made by LibreOffice from the seeds
(running heads, "Page N" footers, paragraphs broken over lines and pages), and the refusals."""

from __future__ import annotations

import datetime as dt
import os
import re
from pathlib import Path

import docx
import pytest
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from pypdf import PdfReader

from clerk.cli import main as run_commands
from clerk.importing.notes_text import parse_notes
from clerk.importing.pdf_text import reflowed, unwrapped, without_running_lines
from clerk.importing.reading import parse_any, read_notes
from clerk.kinds import ParagraphKind
from clerk.services import content, meetings
from clerk.storage import Store
from exports.pdf import find_soffice, to_pdf

from .helpers import minutes_of

SEEDS = Path(__file__).resolve().parent.parent.parent / "shared" / "seeds"
NOTES_2014 = SEEDS / "kcsp-2014-07-08-notes.txt"
PACK_2018 = SEEDS / "kcsp-2018-03-21-agenda-pack.txt"
MINUTES_2025 = SEEDS / "kcsp-2025-03-25-agenda-and-minutes.txt"
REPORT_2016 = SEEDS / "kcsa-2016-annual-review-report.txt"

TITLES_2025 = [
    "Introduction",
    "Notes of the meeting held on 21 November 2024",
    "Kent Police and Crime Plan 2025-2029",
    "Kent Community Safety Agreement Review and Refresh",
    "Kent Community Safety Partnership Working Group Update",
    "Kent and Medway Road Safety Update",
    "Kent & Medway Serious Violence Duty Update",
    "Dates of Future Meetings",
    "Kent and Medway Domestic Abuse Related Death Reviews Update",
    "Kent and Medway PREVENT Duty Delivery Board Update",
]
NEEDS_OFFICE = pytest.mark.skipif(
    find_soffice() is None and os.environ.get("CLERK_REQUIRE_SERVICES") != "1",
    reason="LibreOffice is not installed",
)


def seed(path: Path) -> str:
    if not path.exists():
        pytest.skip("the seeds are not beside the repository")
    return path.read_text(encoding="utf-8")


def summary(notes):
    return [(m.number, m.title, m.item, len(m.resolutions)) for m in notes.minutes]


def test_the_2025_web_minutes_number_from_1_with_the_page_heading():
    notes = parse_any(seed(MINUTES_2025))
    h = notes.heading
    assert h is not None and (h.committee, h.date, h.time) == (
        "Kent Community Safety Partnership",
        dt.date(2025, 3, 25),
        "10.00 am",
    )
    assert (h.venue, h.contact, h.contact_email) == ("Online", "Gaetano Romagnuolo", "gaetano.romagnuolo@kent.gov.uk")
    assert [m.number for m in notes.minutes] == list(range(1, 11))
    assert [m.title for m in notes.minutes] == TITLES_2025  # "pdf icon PDF 1 MB" is the link, not the title
    assert notes.unplaced == ()


def test_the_web_minutes_paragraphs_resolutions_and_cuts():
    minutes = {m.number: m for m in parse_any(seed(MINUTES_2025)).minutes}
    assert minutes[1].paragraphs == ()  # no "Minutes:" on the page: a minute with no text, number kept
    assert [len(m.resolutions) for m in minutes.values()] == [0] + [1] * 9
    four = minutes[4]
    assert [p.kind for p in four.paragraphs][-4:] == [ParagraphKind.RESOLUTION] + [ParagraphKind.POINT] * 3
    assert four.paragraphs[-1].text == "note the duty for partners to attend the Scrutiny Committee."
    three = [p for p in minutes[3].paragraphs if p.kind is ParagraphKind.POINT]
    assert [p.text for p in three] == [
        "Protecting People",
        "Protecting Places",
        "Protecting Property",
        "Productive Partnerships.",
    ]
    assert sum(p.numbered for p in minutes[6].paragraphs) == 9
    assert [n for n, m in minutes.items() if m.truncated] == [5, 7]
    assert minutes[7].resolutions[0].text == "RESOLVED that the Kent Community Safety Partnership note the contents of the …"
    assert minutes[8].described == (
        "Thursday, 3 July 2025 at 10am",
        "Thursday, 20 November 2025 at 10am",
        "Tuesday, 31 March 2026 at 10am",
    )


def test_attendance_on_a_web_page():
    notes = parse_any(
        "Planning Committee - Wednesday, 2nd April, 2025 2.00 pm\n\nVenue: Council Chamber, Town Hall\n\n"
        "Present: Councillor A Brown (Chair), Councillor B Green (Vice-Chair) and Councillor C White\n"
        "Apologies: Councillor D Black\n\nItems\nNo. Item\n\n1.\n\nMinutes of the last meeting\n\nMinutes:\n\n"
        "RESOLVED that the minutes be approved.\n"
    )
    assert notes.heading is not None and notes.heading.venue == "Council Chamber, Town Hall"
    assert [(p.surname, p.chair, p.vice_chair) for p in notes.present] == [
        ("Brown", True, False),
        ("Green", False, True),
        ("White", False, False),
    ]
    assert [p.surname for p in notes.apologies] == ["Black"] and notes.minutes[0].title == "Minutes of the last meeting"


def test_apologies_and_the_contact_a_cabinet_page_gives():
    notes = parse_any(
        "Cabinet - Monday, 3rd March, 2025 10.00 am\nVenue: Council Chamber, Sessions House, Maidstone\n"
        "Contact: Democratic Services 03000 416478, Email: democratic.services@kent.gov.uk\nItems\nNo. Item\n"
        "1.\nApologies and Substitutes\nMinutes:\nApologies for absence were received from Mr R Gough and "
        "Mrs S Prendergast. Mr D Watkins was present as a substitute.\n2.\nDeclarations of Interest\nMinutes:\n"
        "There were no declarations of interest.\n"
    )
    h = notes.heading
    assert h is not None and (h.contact, h.contact_email) == (
        "Democratic Services 03000 416478",
        "democratic.services@kent.gov.uk",
    )
    assert [p.surname for p in notes.apologies] == ["Gough", "Prendergast"]
    assert [m.title for m in notes.minutes] == ["Apologies and Substitutes", "Declarations of Interest"]


def test_the_layout_is_chosen_by_the_text():
    assert [m.number for m in parse_any(seed(NOTES_2014)).minutes] == list(range(64, 75))
    assert parse_any(seed(NOTES_2014)).minutes == parse_notes(seed(NOTES_2014)).minutes


def test_an_agenda_packs_front_sheet_is_the_preface_not_lines_lost():
    notes = parse_any(seed(PACK_2018))
    assert [m.number for m in notes.minutes] == list(range(161, 172))
    assert notes.preface[0] == "AGENDA" and notes.preface[-1] == "Tuesday, 13 March 2018" and len(notes.preface) == 33
    assert notes.unplaced == ()


def word_copy(text: str, path: Path) -> Path:
    """The text as a Word document with a running head and a "Page N" footer, as councils print."""
    document = docx.Document()
    section = document.sections[0]
    section.header.paragraphs[0].text = "Kent Community Safety Partnership"
    footer = section.footer.paragraphs[0]
    footer.add_run("Page ")
    run = footer.add_run()._r
    for kind, instruction in (("begin", None), (None, "PAGE"), ("end", None)):
        element = OxmlElement("w:fldChar" if kind else "w:instrText")
        if kind:
            element.set(qn("w:fldCharType"), kind)
        else:
            element.text = instruction
        run.append(element)
    for line in text.split("\n"):
        document.add_paragraph(line)
    document.save(str(path))
    return path


@pytest.fixture(scope="session")
def seed_pdfs(tmp_path_factory) -> dict[str, Path]:
    """The 2014 notes, the 2018 pack and the 2025 minutes as PDFs, made by LibreOffice in one run."""
    if find_soffice() is None and os.environ.get("CLERK_REQUIRE_SERVICES") != "1":
        pytest.skip("LibreOffice is not installed")
    folder = tmp_path_factory.mktemp("seed-pdfs")
    names = {"2014": NOTES_2014, "2018": PACK_2018, "2025": MINUTES_2025}
    sources = [word_copy(seed(path), folder / f"kcsp-{key}.docx") for key, path in names.items()]
    return dict(zip(names, to_pdf(sources, folder / "pdf"), strict=True))


@NEEDS_OFFICE
@pytest.mark.parametrize(("key", "path"), [("2014", NOTES_2014), ("2018", PACK_2018), ("2025", MINUTES_2025)])
def test_a_pdf_gives_the_same_minutes_as_the_text(seed_pdfs, key, path):
    assert len(PdfReader(str(seed_pdfs[key])).pages) > 3  # headers and footers repeat on every page
    text, pdf = parse_any(seed(path)), read_notes(seed_pdfs[key])
    assert summary(pdf) == summary(text) and pdf.heading == text.heading
    assert pdf.present == text.present and pdf.in_attendance == text.in_attendance
    assert pdf.unplaced == () and pdf.preface == text.preface
    assert pdf.minutes == text.minutes  # every paragraph, a web address broken at its hyphen too


@NEEDS_OFFICE
@pytest.mark.parametrize(("key", "path"), [("2014", NOTES_2014), ("2018", PACK_2018), ("2025", MINUTES_2025)])
def test_pypdfs_text_gives_the_same_minutes_too(seed_pdfs, key, path):
    """Without poppler, pypdf's text (no blank lines between paragraphs) is unwrapped to the same minutes."""
    pages = [page.extract_text() for page in PdfReader(str(seed_pdfs[key])).pages]
    notes, text = parse_any(unwrapped(without_running_lines(pages))), parse_any(seed(path))
    assert notes.minutes == text.minutes and notes.present == text.present and notes.unplaced == ()


@NEEDS_OFFICE
def test_the_dry_run_of_a_pdf(seed_pdfs, capsys):
    assert run_commands(["import", "notes", str(seed_pdfs["2014"]), "--dry-run"]) == 0
    out = capsys.readouterr().out
    assert "67. Kent Community Safety Agreement - Development of a New Agreement and Performance Update (Item B2)" in out
    assert "Not placed: 0 lines" in out


def image_only_pdf(path: Path) -> Path:
    """A one-page PDF holding only a picture, as a scanner makes: no text at all."""
    image = b"<< /Type /XObject /Subtype /Image /Width 2 /Height 2 /ColorSpace /DeviceGray /BitsPerComponent 8 /Length 4 >>"
    draw = b"q 500 0 0 700 40 60 cm /Im0 Do Q"
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /XObject << /Im0 4 0 R >> >> /Contents 5 0 R >>",
        image + b"\nstream\n\x00\xff\xff\x00\nendstream",
        b"<< /Length %d >>\nstream\n" % len(draw) + draw + b"\nendstream",
    ]
    out, offsets = bytearray(b"%PDF-1.4\n"), []
    for n, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % n + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    path.write_bytes(bytes(out))
    return path


def refused(capsys, path: Path) -> str:
    assert run_commands(["import", "notes", str(path), "--dry-run"]) == 2
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1 and "expected" in err
    return err


def test_a_report_an_empty_file_and_a_scan_are_refused_in_one_line(tmp_path, capsys):
    seed(REPORT_2016)
    assert "does not read as notes or minutes" in refused(capsys, REPORT_2016)
    empty = tmp_path / "empty.txt"
    empty.write_text("\n \n", encoding="utf-8")
    assert "is empty" in refused(capsys, empty)
    blank = tmp_path / "blank.docx"
    docx.Document().save(str(blank))
    assert "is empty" in refused(capsys, blank)
    assert "no text to read" in refused(capsys, image_only_pdf(tmp_path / "scan.pdf"))
    broken = tmp_path / "broken.pdf"
    broken.write_bytes(b"not a PDF at all")
    assert "cannot be read" in refused(capsys, broken)
    old_word = tmp_path / "notes.doc"
    old_word.write_bytes(b"\xd0\xcf\x11\xe0\x00\x00binary")
    assert "cannot be read" in refused(capsys, old_word)


def test_a_copy_with_number_and_title_on_one_line_reads_the_same():
    """Copied from the page's table, "1." and "Introduction" come on one line; paragraph numbers may stand alone."""
    text = seed(MINUTES_2025)
    one_line = re.sub(r"(?m)^(\d{1,2})\.\s*\n\s*\n(?=[A-Z])", r"\1. ", text)
    assert "1. Introduction" in one_line and "6. Kent and Medway Road Safety Update" in one_line
    numbers_alone = re.sub(r"(?m)^(\d)\.\s+(?=[A-Z][a-z])", r"\1.\n", one_line)
    for copy in (one_line, numbers_alone):
        assert parse_any(copy).minutes == parse_any(text).minutes and parse_any(copy).unplaced == ()


def test_a_browsers_print_of_the_page_drops_its_running_heads_and_footers():
    """Printed from a browser: a dated head and the address with "n/N" on every page, pages cut anywhere."""
    lines = seed(MINUTES_2025).split("\n")
    chunks = [lines[n : n + 23] for n in range(0, len(lines), 23)]
    pages = [
        "\n".join(
            [
                f"25/03/2025, 14:{10 + n:02d} Agenda for Kent Community Safety Partnership on Tuesday, 25th March, 2025, 10.00 am",
                *chunk,
                f"https://democracy.kent.gov.uk/ieListDocuments.aspx?CId=123&MId=456 {n + 1}/{len(chunks)}",
            ]
        )
        for n, chunk in enumerate(chunks)
    ]
    notes = parse_any(without_running_lines(pages))
    assert notes.minutes == parse_any(seed(MINUTES_2025)).minutes and notes.unplaced == ()


def test_notes_set_out_in_a_word_table_read_as_the_text(tmp_path):
    """Some councils' Word notes put each minute's number in one cell and its title and text in the next."""
    document = docx.Document()
    text = seed(NOTES_2014)
    before, _, after = text.partition("#### 64.")
    for line in before.split("\n"):
        document.add_paragraph(line)
    table = document.add_table(rows=0, cols=2)
    for block in re.split(r"\n(?=#+ \d{2}\. )", "#### 64." + after):
        number, _, rest = block.partition(". ")
        row = table.add_row().cells
        row[0].text = number.lstrip("# ") + "."
        row[1].text = rest
    path = tmp_path / "table.docx"
    document.save(str(path))
    notes = read_notes(path)
    assert notes.minutes == parse_any(text).minutes and notes.present == parse_any(text).present


def test_pdftotexts_blocks_are_joined_into_paragraphs_but_labels_stand_alone():
    text = "Additional documents:\nMinutes:\n1. Mr X said that\nit was so.\n· \n\nProtecting People\n3.\nKent Update"
    assert reflowed(text).split("\n") == [
        "Additional documents:",
        "Minutes:",
        "1. Mr X said that it was so.",
        "· Protecting People",
        "3.",
        "Kent Update",
    ]


def test_the_dry_run_of_the_web_minutes(capsys):
    assert run_commands(["import", "notes", str(MINUTES_2025), "--dry-run"]) == 0
    out = capsys.readouterr().out
    assert "Minutes of Kent Community Safety Partnership, Tuesday, 25 March 2025 at 10.00 am, held online" in out
    assert "1. Introduction: 0 paragraphs, 0 resolutions, 0 actions; no minute text" in out
    assert out.count("cut short on the web page") == 2 and "Not placed: 0 lines" in out


def stored_meeting(db: Path):
    """The one meeting in the database, its minutes by number, and each minute's paragraphs."""
    store = Store.open(db)
    try:
        (row,) = meetings.list_meetings(store)
        meeting = meetings.find_meeting(store, row.id)
        got = {m.number: m for m in minutes_of(store, row.id)}
        return meeting, got, {n: content.content(store, m.id).paragraphs for n, m in got.items()}
    finally:
        store.close()


@pytest.mark.parametrize("kind", ["txt", "pdf"])
def test_the_2025_minutes_stored_on_an_empty_database_number_from_1(tmp_path, capsys, kind, request):
    seed(MINUTES_2025)
    source = request.getfixturevalue("seed_pdfs")["2025"] if kind == "pdf" else MINUTES_2025
    db = tmp_path / "clerk.db"
    assert run_commands(["--db", str(db), "import", "notes", str(source)]) == 0
    assert "Imported the meeting of 25 March 2025: 10 minutes" in capsys.readouterr().out
    meeting, got, paragraphs = stored_meeting(db)
    assert meeting.date == dt.date(2025, 3, 25) and meeting.start_time == dt.time(10, 0) and meeting.venue == "Online"
    assert (meeting.contact, meeting.contact_email) == ("Gaetano Romagnuolo", "gaetano.romagnuolo@kent.gov.uk")
    assert sorted(got) == list(range(1, 11)) and [got[n].title for n in range(1, 11)] == TITLES_2025
    assert list(paragraphs[1]) == []  # Introduction: its number, no text
    assert [p.kind for p in paragraphs[4]][-4:] == [ParagraphKind.RESOLUTION] + [ParagraphKind.POINT] * 3
