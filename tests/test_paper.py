"""UK paper: agendas, notes, volumes and packs are A4 unless the committee says Letter; a
council template's own page setup wins."""

from __future__ import annotations

import datetime as dt

import pytest
from docx import Document
from pypdf import PdfReader

from clerk.cli.publishing import ExportChoice, build_pack
from clerk.cli.publishing import export_document as run
from clerk.errors import InvalidInput
from clerk.services import agenda
from clerk.services.committees import update_committee
from clerk.services.reports import attach_report

from .test_pack import report_docx

A4_MM = (210.0, 297.0)
LETTER_MM = (215.9, 279.4)


def page_mm(path) -> set[tuple[float, float]]:
    return {(round(s.page_width.mm, 1), round(s.page_height.mm, 1)) for s in Document(str(path)).sections}


def export(store, demo, tmp_path, kind: str, **kw):
    meeting = demo.next_meeting_id if kind == "agenda" else demo.held_meeting_id
    choice = ExportChoice(
        kind,
        tmp_path / f"{kind}.{'pdf' if kw.get('pdf') else 'docx'}",
        meeting_id=meeting,
        committee_id=demo.committee_id,
        start=dt.date(2014, 5, 1),
        end=dt.date(2015, 4, 30),
        **kw,
    )
    return run(store, choice)


@pytest.mark.parametrize("kind", ["agenda", "notes", "volume"])
def test_word_documents_are_a4(store, demo, tmp_path, kind):
    assert page_mm(export(store, demo, tmp_path, kind)) == {A4_MM}


def test_the_word_pack_is_a4(store, demo, tmp_path, monkeypatch):
    monkeypatch.setenv("CLERK_SOFFICE", "none")
    agenda.add_item(store, demo.next_meeting_id, "B", "Kent Community Safety Agreement Review")
    report_docx(tmp_path / "csa.docx", "Kent Community Safety Agreement Review", 1)
    attach_report(store, demo.next_meeting_id, "B1", tmp_path / "csa.docx")
    result = build_pack(store, demo.next_meeting_id, tmp_path / "pack.pdf")
    assert result.path.suffix == ".docx"
    assert A4_MM in page_mm(result.path) and LETTER_MM not in page_mm(result.path)


def test_the_pdf_is_a4(store, demo, tmp_path):
    pdf = export(store, demo, tmp_path, "agenda", pdf=True)
    for page in PdfReader(str(pdf)).pages:
        width, height = float(page.mediabox.width), float(page.mediabox.height)
        assert (round(width * 25.4 / 72), round(height * 25.4 / 72)) == (210, 297)


def test_a_committee_may_print_on_letter(store, demo, tmp_path):
    update_committee(store, demo.committee_id, paper_size="letter")
    assert page_mm(export(store, demo, tmp_path, "agenda")) == {LETTER_MM}
    with pytest.raises(InvalidInput, match="use A4 or Letter"):
        update_committee(store, demo.committee_id, paper_size="foolscap")


def test_the_templates_own_page_setup_wins(store, demo, tmp_path):
    from docx.shared import Mm

    template = Document()
    template.sections[0].page_width, template.sections[0].page_height = Mm(148), Mm(210)  # A5
    template.save(str(tmp_path / "council.docx"))
    update_committee(store, demo.committee_id, template_path=str(tmp_path / "council.docx"))
    assert page_mm(export(store, demo, tmp_path, "notes")) == {(148.0, 210.0)}
