"""The agenda pack, with real LibreOffice and pypdf: page ranges that point at the right pages,
bookmarks that match, a cache that converts only what changed, restricted reports kept out of
the public pack, a supplement that leaves the main pack alone, and a Word pack without LibreOffice."""

from __future__ import annotations

import shutil
import subprocess

import pytest
from docx import Document
from docx.enum.text import WD_BREAK
from pypdf import PdfReader

from clerk.cli.publishing import build_pack
from clerk.demo import load_demo
from clerk.errors import InvalidInput
from clerk.services import agenda
from clerk.services.reports import attach_report, history
from clerk.storage import Store
from exports.pdf import find_soffice

from .settled import settled, until

pytestmark = pytest.mark.skipif(
    find_soffice() is None and __import__("os").environ.get("CLERK_REQUIRE_SERVICES") != "1",
    reason="LibreOffice is not installed",
)
CANARY = "CANARY-RESTRICTED-REPORT-5150"
REPORTS = [  # code, title, pages, kind
    ("B1", "Kent Community Safety Agreement Review", 4, "docx"),
    ("B2", "KCSP Working Group update", 2, "docx"),
    ("B3", "Kent and Medway Road Casualty Reduction Partnership", 3, "pdf"),
    ("B4", "Mental Health and Policing Oversight Board Update", 1, "docx"),
]


def report_docx(path, title: str, pages: int, extra: str = "") -> None:
    doc = Document()
    doc.add_heading(title, 1)
    for n in range(pages):
        doc.add_paragraph(f"{title}, page {n + 1}. {extra}")
        if n < pages - 1:
            doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
    doc.save(path)


def as_pdf(docx, folder):
    from exports.pdf import to_pdf

    [pdf] = to_pdf([docx], folder)
    return pdf


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("pack")
    store = Store.open(tmp / "clerk.db")
    demo = load_demo(store)
    meeting = demo.next_meeting_id
    for code, title, pages, kind in REPORTS:
        agenda.add_item(store, meeting, "B", title)
        source = tmp / f"{code}.docx"
        report_docx(source, title, pages)
        attach_report(store, meeting, code, as_pdf(source, tmp / "pdf") if kind == "pdf" else source)
    agenda.add_item(store, meeting, "B", "Kent and Medway Gangs Strategy", kind="to_follow")
    agenda.add_item(store, meeting, "D", "Domestic Homicide Reviews (DHRs) update", exempt_paragraph=1)
    report_docx(tmp / "D1.docx", "Domestic Homicide Reviews (DHRs) update", 2, extra=CANARY)
    attach_report(store, meeting, "D1", tmp / "D1.docx")
    result = build_pack(store, meeting, tmp / "pack.pdf")
    yield store, meeting, result, tmp
    store.close()


def page_texts(path) -> list[str]:
    return [" ".join((p.extract_text() or "").split()) for p in PdfReader(str(path)).pages]


def test_each_item_starts_on_the_page_its_range_states(built):
    store, meeting, result, _tmp = built
    texts = page_texts(result.path)
    rows = {r.code: r for r in agenda.list_items(store, meeting) if r.parent_id is None}
    for code, title, pages, _kind in REPORTS:
        first, last = result.ranges[rows[code].id]
        assert last - first + 1 == pages
        assert texts[first - 1].startswith(title), (code, texts[first - 1][:80])
        assert (rows[code].page_from, rows[code].page_to) == (first, last)  # stored for the agenda
    a3 = rows["A3"]
    assert "KENT COUNTY COUNCIL KENT COMMUNITY SAFETY PARTNERSHIP NOTES of a meeting" in texts[a3.page_from - 1]
    front = texts[0]
    b1 = rows["B1"]
    assert f"B1 Kent Community Safety Agreement Review (Pages {b1.page_from} {b1.page_to})" in front
    assert "B5 Kent and Medway Gangs Strategy (to follow)" in front
    assert "D1 Domestic Homicide Reviews (DHRs) update" in front  # listed, its report left out
    assert all(f"Page {n}" in t for n, t in enumerate(texts, start=1))
    assert len(texts) == result.pages == 1 + (a3.page_to - a3.page_from + 1) + sum(p for *_x, p, _k in REPORTS)


def test_bookmarks_match_the_ranges(built):
    store, meeting, result, _tmp = built
    reader = PdfReader(str(result.path))
    marks = {}

    def walk(outline, parent=""):
        for item in outline:
            if isinstance(item, list):
                walk(item, parent)
            else:
                marks[item.title] = reader.get_destination_page_number(item) + 1

    walk(reader.outline)
    rows = {r.code: r for r in agenda.list_items(store, meeting) if r.parent_id is None}
    assert marks["Agenda"] == 1
    for code in ("A3", "B1", "B2", "B3", "B4"):
        assert marks[f"{code} {rows[code].title}"] == rows[code].page_from
    assert marks["B. Matters for Discussion"] == rows["B1"].page_from
    assert not any("Domestic Homicide" in title for title in marks)


def test_the_public_pack_holds_no_restricted_report(built):
    _store, _meeting, result, _tmp = built
    assert not any(CANARY in t for t in page_texts(result.path))
    out = subprocess.run(["pdftotext", str(result.path), "-"], capture_output=True, text=True, check=True).stdout
    assert CANARY not in out


def test_the_restricted_pack_holds_it_marked_not_for_publication(built):
    store, meeting, _result, tmp = built
    restricted = build_pack(store, meeting, tmp / "restricted.pdf", kind="restricted")
    texts = page_texts(restricted.path)
    assert texts[0].startswith("AGENDA: RESTRICTED ITEMS (NOT FOR PUBLICATION)")
    assert any(CANARY in t for t in texts)
    assert all("NOT FOR PUBLICATION" in t for t in texts)


def test_a_rebuild_after_one_report_changes_converts_one_file(built):
    store, meeting, result, tmp = built
    again = build_pack(store, meeting, tmp / "again.pdf")
    assert again.converted == []  # nothing changed: nothing converted
    report_docx(tmp / "B2-v2.docx", "KCSP Working Group update", 2, extra="Revised after the working group met.")
    attach_report(store, meeting, "B2", tmp / "B2-v2.docx")
    rebuilt = build_pack(store, meeting, tmp / "rebuilt.pdf")
    assert rebuilt.converted == ["B2"]
    assert rebuilt.ranges == result.ranges
    b2 = next(r for r in agenda.list_items(store, meeting) if r.code == "B2")
    assert [a.superseded for a in history(store, b2.id)] == [True, False]  # the old report kept


def test_the_supplement_leaves_the_main_pack_alone(built):
    store, meeting, result, tmp = built
    report_docx(tmp / "gangs.docx", "Kent and Medway Gangs Strategy", 2)
    attach_report(store, meeting, "B5", tmp / "gangs.docx")
    supplement = build_pack(store, meeting, tmp / "supplement.pdf", kind="supplement")
    texts = page_texts(supplement.path)
    assert texts[0].startswith("SUPPLEMENTARY AGENDA") and "B5 Kent and Medway Gangs Strategy (Pages 2 3)" in texts[0]
    assert texts[1].startswith("Kent and Medway Gangs Strategy")
    main = build_pack(store, meeting, tmp / "main-again.pdf")
    assert main.ranges == result.ranges and main.pages == result.pages


def test_reports_that_are_not_word_or_pdf_are_refused(built, tmp_path):
    store, meeting, _result, _tmp = built
    fake = tmp_path / "report.docx"
    fake.write_text("This is a text file called .docx")
    with pytest.raises(InvalidInput, match="not a Word document"):
        attach_report(store, meeting, "B1", fake)
    broken = tmp_path / "report.pdf"
    broken.write_bytes(b"%PDF-1.4 then nothing")
    with pytest.raises(InvalidInput, match="cannot be read"):
        attach_report(store, meeting, "B1", broken)
    report_docx(tmp_path / "real.docx", "A report", 1)
    with pytest.raises(InvalidInput, match="no item Z9"):
        attach_report(store, meeting, "Z9", tmp_path / "real.docx")


def test_without_libreoffice_a_word_pack(built, monkeypatch):
    store, meeting, _result, tmp = built
    monkeypatch.setenv("CLERK_SOFFICE", "none")
    result = build_pack(store, meeting, tmp / "nolo.pdf")
    assert result.path.suffix == ".docx" and result.path.exists()
    assert "LibreOffice is not installed" in result.message and "B3 Kent and Medway Road Casualty" in result.message
    text = "\n".join(p.text for p in Document(str(result.path)).paragraphs)
    assert "Kent Community Safety Agreement Review, page 4." in text and CANARY not in text


def test_the_cli(built, tmp_path, capsys):
    from clerk.cli import main

    store, _meeting, _result, _tmp = built
    shutil.copy(store.target.path, tmp_path / "copy.db")
    db = str(store.target.path)
    assert main(["--db", db, "pack", "2014-10-14", "--out", str(tmp_path / "p.pdf")]) == 0
    assert "Wrote" in capsys.readouterr().out
    assert main(["--db", db, "pack", "2014-10-14", "--out", str(tmp_path / "no" / "p.pdf")]) == 2
    assert main(["--db", db, "attach", "2014-10-14", "B1", str(tmp_path / "missing.docx")]) == 2


async def test_attach_and_pack_from_the_agenda_builder(store, demo, tmp_path):
    from clerk.cli.app import publishing
    from screens.agenda_builder import AgendaScreen
    from screens.app import ClerkApp

    from .test_agenda_keyboard import type_text

    agenda.add_item(store, demo.next_meeting_id, "B", "Kent Community Safety Agreement Review")
    report_docx(tmp_path / "csa.docx", "Kent Community Safety Agreement Review", 3)
    app = ClerkApp(store, publishing=publishing())
    async with app.run_test(size=(100, 30)) as pilot:
        await settled(pilot)
        await app.push_screen(AgendaScreen(demo.next_meeting_id))
        await settled(pilot)
        table = app.screen.query_one("#agenda")
        b1 = next(r for r in app.screen.rows if r.code == "B1")
        table.move_cursor(row=table.get_row_index(str(b1.id)))
        await pilot.press("f")  # the file picker: ctrl+l to type a path
        await settled(pilot)
        await pilot.press("ctrl+l", "ctrl+u")
        await type_text(pilot, str(tmp_path / "csa.docx"))
        await pilot.press("enter")
        await settled(pilot)
        assert "✓" in str(app.screen.query_one("#agenda").get_row(str(b1.id))[2])
        await pilot.press("p")
        await settled(pilot)
        await pilot.press("enter", "ctrl+u")
        await type_text(pilot, str(tmp_path / "pack.pdf"))
        await pilot.press("enter")
        await settled(pilot)
        assert "Saved" in str(app.screen.query_one("#pack-step").render())
        await pilot.press("escape")
        await settled(pilot)
        paper = str(app.screen.query_one("#agenda").get_row(str(b1.id))[2])
    rows = {r.code: r for r in agenda.list_items(store, demo.next_meeting_id)}
    assert paper == f"✓ {rows['B1'].page_from}-{rows['B1'].page_to}"  # the pack's range, whole
    assert page_texts(tmp_path / "pack.pdf")[rows["B1"].page_from - 1].startswith("Kent Community Safety Agreement Review")


async def test_the_file_picker_chooses_from_the_keyboard(tmp_path):
    """Folders first, only the kinds asked for; Enter on a file chooses it; Backspace goes up."""
    from textual.app import App

    from screens.widgets.file_picker import FilePicker

    (tmp_path / "papers").mkdir()
    report_docx(tmp_path / "papers" / "csa.docx", "Report", 1)
    (tmp_path / "papers" / "notes.txt").write_text("not offered")
    chosen = []

    class Host(App):
        def on_mount(self) -> None:
            self.push_screen(FilePicker("Report", (".docx", ".pdf"), folder=tmp_path / "papers"), chosen.append)

    async with Host().run_test(size=(80, 24)) as pilot:
        tree = pilot.app.screen.query_one("#picker-tree")
        await until(pilot, lambda: tree.root.children, "the folder is listed")
        assert [c.label.plain for c in tree.root.children] == ["csa.docx"]
        await pilot.press("backspace")
        await settled(pilot)
        assert pilot.app.screen.folder == tmp_path.resolve()
        await pilot.press("ctrl+l", "ctrl+u")
        for ch in str(tmp_path / "papers" / "csa.docx"):
            await pilot.press(ch if ch != " " else "space")
        await pilot.press("enter")
        await settled(pilot)
    assert chosen == [tmp_path / "papers" / "csa.docx"]
