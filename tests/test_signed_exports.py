"""Signed notes export whatever their amendments say: any length, control characters,
right-to-left text. The approval and the content hash are in the document (body and a custom
property), never in a core property Word limits to 255 characters."""

from __future__ import annotations

import zipfile

import pytest
from docx import Document

from clerk.cli import main
from clerk.cli.publishing import ExportChoice
from clerk.cli.publishing import export_document as run
from clerk.services.signoff import approve_previous
from exports.pdf import find_soffice

from .docx_read import all_text, paragraphs

RTL = "تصحيح اسم السيدة ألين في المحضر ٦٩"  # Arabic: the correction of Ms Allen's name in minute 69


def amendment(length: int) -> str:
    words = "the correction of the spelling of Kenworth in minute 69 and of Ms C Allen's name in the list of those present "
    return (words * (length // len(words) + 1))[:length].strip()


def custom_properties(path) -> str:
    with zipfile.ZipFile(path) as z:
        return z.read("docProps/custom.xml").decode("utf-8") if "docProps/custom.xml" in z.namelist() else ""


@pytest.mark.parametrize(
    "text",
    [
        amendment(100),
        amendment(300),
        amendment(3000),
        "the bell\x07 and tab\x0b removed, " + amendment(260),
        RTL + " " + amendment(200),
    ],
    ids=["100", "300", "3000", "control", "rtl"],
)
def test_signed_notes_and_the_volume_export_with_any_amendment(store, demo, tmp_path, text):
    signoff, _wording = approve_previous(store, demo.next_meeting_id, text)
    kept = signoff.amendments
    assert len(kept) >= min(len(text), 100) - 2
    for public in (False, True):
        out = run(store, ExportChoice("notes", tmp_path / f"notes-{public}.docx", meeting_id=demo.held_meeting_id, public=public))
        body = "\n".join(paragraphs(out))
        assert kept.rstrip(".") in body
        props = Document(str(out)).core_properties
        assert props.identifier == signoff.content_hash and props.keywords.startswith("signed")
        assert signoff.content_hash in custom_properties(out)
        assert all(len(v or "") <= 255 for v in (props.title, props.subject, props.keywords, props.comments))
    volume = run(
        store,
        ExportChoice("volume", tmp_path / "volume.docx", committee_id=demo.committee_id, start=demo_start(), end=demo_end()),
    )
    assert kept.rstrip(".") in "\n".join(paragraphs(volume))


def demo_start():
    import datetime as dt

    return dt.date(2014, 5, 1)


def demo_end():
    import datetime as dt

    return dt.date(2015, 4, 30)


def test_cli_approve_with_a_300_character_amendment_then_export(tmp_path, capsys):
    db, text = str(tmp_path / "demo.db"), amendment(300)
    assert len(text) >= 295
    assert main(["--db", db, "demo"]) == 0
    assert main(["--db", db, "approve", "2014-10-14", "--amendments", text]) == 0
    out = tmp_path / "n.docx"
    assert main(["--db", db, "export", "notes", "2014-07-08", "--out", str(out)]) == 0, capsys.readouterr().err
    body = "\n".join(paragraphs(out))
    assert f"Approved as a correct record on 14 October 2014, subject to {text.rstrip('.')}." in body
    assert text in all_text(out)
    assert (
        main(
            [
                "--db",
                db,
                "export",
                "volume",
                "--committee",
                "Kent Community Safety Partnership",
                "--year",
                "2014",
                "--out",
                str(tmp_path / "v.docx"),
            ]
        )
        == 0
    )
    assert text.rstrip(".") in "\n".join(paragraphs(tmp_path / "v.docx"))


@pytest.mark.skipif(
    find_soffice() is None and __import__("os").environ.get("CLERK_REQUIRE_SERVICES") != "1",
    reason="LibreOffice is not installed",
)
def test_the_next_meetings_pack_holds_notes_signed_with_a_long_amendment(tmp_path, capsys):
    from pypdf import PdfReader

    db, text = str(tmp_path / "demo.db"), amendment(3000)
    assert main(["--db", db, "demo"]) == 0
    assert main(["--db", db, "approve", "2014-10-14", "--amendments", text]) == 0
    capsys.readouterr()
    out = tmp_path / "pack.pdf"
    assert main(["--db", db, "pack", "2014-10-14", "--out", str(out)]) == 0, capsys.readouterr().err
    words = " ".join(" ".join(page.extract_text() or "" for page in PdfReader(str(out)).pages).split())
    assert "Approved as a correct record on 14 October 2014, subject to the correction of the spelling of Kenworth" in words
