"""Restricted text never reaches a public export. A canary string is planted in every restricted
field; no public document (notes, bound volume, PDF, through the CLI) may contain any of them,
and the full version must (so the test has teeth)."""

from __future__ import annotations

import datetime as dt
import subprocess

import pytest

from clerk.cli import main
from clerk.documents import build_notes, build_volume
from clerk.services import agenda, content, minutes
from exports.notes import write_notes, write_volume

from .docx_read import all_text
from .helpers import minutes_of

CANARIES = {
    "text": "CANARY-TEXT-7f3a",
    "resolution": "CANARY-RESOLVED-19bc",
    "point": "CANARY-POINT-5e21",
    "action owner": "CANARY-OWNER-88aa",
    "action": "CANARY-ACTION-0d4c",
    "declaration": "CANARY-DECLARED-c1c1",
    "item declaration": "CANARY-ITEMDECL-2b2b",
    "vote": "CANARY-VOTE-6a6a",
    "vote names": "CANARY-VOTER-3c3c",
    "attachment name": "CANARY-FILE-9f9f",
    "attachment text": "CANARY-SLIDE-4e4e",
    "restricted under C": "CANARY-UNDER-C-7777",
}


@pytest.fixture
def planted(store, demo, tmp_path):
    """Minute 73 (restricted, D1) and a restricted item under C carry a canary in every field."""
    held = demo.held_meeting_id
    m73 = next(m for m in minutes_of(store, held) if m.number == 73)
    content.set_body(store, m73.id, f"{CANARIES['text']} about a case.\n\nRESOLVED that {CANARIES['resolution']}:\n- {CANARIES['point']}")
    content.add_action(store, m73.id, CANARIES["action owner"], CANARIES["action"])
    content.add_declaration(store, held, "Mr M Smith", CANARIES["declaration"], minute_id=m73.id)
    content.add_declaration(store, held, "Ms E Martin", CANARIES["item declaration"], agenda_item_id=m73.agenda_item_id)
    content.add_vote(store, m73.id, CANARIES["vote"], 5, 2, 1, named_for=CANARIES["vote names"])
    slides = tmp_path / f"{CANARIES['attachment name']}.md"
    slides.write_text(f"# Briefing\n\n- {CANARIES['attachment text']}\n")
    content.attach_to_minute(store, m73.id, slides)
    # a restricted item may sit outside D (a restricted item under C)
    from clerk.services import meetings

    meetings.set_status(store, held, "in_progress")
    item = agenda.add_item(store, held, "C", "Staffing matter", restricted=True, exempt_paragraph=1)
    under_c = minutes.add_minute(store, held, "Staffing matter", agenda_item_id=item.id, at=8)
    content.set_body(store, under_c.id, CANARIES["restricted under C"])
    meetings.set_status(store, held, "held")
    return held


def leaks(text: str) -> list[str]:
    return [name for name, canary in CANARIES.items() if canary in text]


def test_the_full_version_holds_every_canary(store, planted, tmp_path):
    out = write_notes(build_notes(store, planted), tmp_path / "full.docx")
    assert leaks(all_text(out)) == list(CANARIES)


@pytest.mark.parametrize("setting", ["summary", "omit"])
def test_public_notes_hold_none(store, demo, planted, tmp_path, setting):
    from clerk.services.committees import update_committee

    update_committee(store, demo.committee_id, public_restricted=setting)
    doc = build_notes(store, planted, public=True)
    assert leaks(repr(doc)) == []  # not even in the data handed to the writer
    out = write_notes(doc, tmp_path / "public.docx")
    text = all_text(out)
    assert leaks(text) == []
    if setting == "summary":
        assert "Exempt under paragraph 1 of Part 1 of Schedule 12A to the Local Government Act 1972." in text
        assert "Domestic Homicide Reviews" in text
    else:
        assert "Domestic Homicide Reviews" not in text


def test_public_volume_holds_none(store, demo, planted, tmp_path):
    volume = build_volume(store, demo.committee_id, dt.date(2014, 1, 1), dt.date(2014, 12, 31), public=True)
    assert leaks(repr(volume)) == []
    assert leaks(all_text(write_volume(volume, tmp_path / "volume.docx"))) == []


def test_signed_public_notes_hold_none(store, demo, planted, tmp_path):
    from clerk.services.signoff import approve_previous

    approve_previous(store, demo.next_meeting_id)
    assert leaks(all_text(write_notes(build_notes(store, planted, public=True), tmp_path / "p.docx"))) == []
    assert len(leaks(all_text(write_notes(build_notes(store, planted), tmp_path / "f.docx")))) == len(CANARIES)


def test_the_cli_public_exports_and_pdf_hold_none(store, demo, planted, tmp_path, capsys):
    db = str(store.target.path)
    assert main(["--db", db, "export", "notes", str(planted), "--public", "--out", str(tmp_path / "n.docx")]) == 0
    assert main(["--db", db, "export", "volume", "-c", "Kent", "--year", "2014", "--public", "--out", str(tmp_path / "v.docx")]) == 0
    assert leaks(all_text(tmp_path / "n.docx")) == [] and leaks(all_text(tmp_path / "v.docx")) == []
    from exports.pdf import find_soffice

    if find_soffice() is None:
        pytest.skip("LibreOffice is not installed")
    assert main(["--db", db, "export", "notes", str(planted), "--public", "--pdf", "--out", str(tmp_path / "n.pdf")]) == 0
    text = subprocess.run(["pdftotext", str(tmp_path / "n.pdf"), "-"], capture_output=True, text=True, check=True).stdout
    assert "Exempt under paragraph 1" in " ".join(text.split())
    assert leaks(text) == []
