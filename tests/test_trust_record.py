"""The record as printed can be trusted: the Declarations minute says each declaration once,
a minute taken in private session keeps its Schedule 12A paragraph in the public notes, and
no placeholder (⟨paragraph⟩, ⟨date⟩) ever reaches a document."""

from __future__ import annotations

import datetime as dt

import pytest

from clerk.documents import build_agenda, build_notes
from clerk.errors import ClerkError, InvalidInput
from clerk.live import lock
from clerk.live.meeting import LiveMeeting
from clerk.services import meetings
from exports.agenda import write_agenda
from exports.notes import write_notes

from .docx_read import all_text, paragraphs
from .live_helpers import build_demo_agenda

NOW = dt.datetime(2014, 7, 8, 10, 5)


@pytest.fixture
def built(store):
    return build_demo_agenda(store)


@pytest.fixture
def me(store, built):
    holder = lock.Holder.here()
    assert lock.acquire(store, built.held_id, holder).granted
    return holder


def test_three_declarations_print_once_each(store, built, me, tmp_path):
    LiveMeeting(store, built.held_id, me).take_item(built.items["A1"], now=NOW)
    a2 = LiveMeeting(store, built.held_id, me).take_item(built.items["A2"], now=NOW).minute_id
    LiveMeeting(store, built.held_id, me).record.add_declaration(
        "Mr David Coleman", "He is a director of KALA", "B2", minute_id=a2
    )
    LiveMeeting(store, built.held_id, me).record.add_declaration("Mrs A Allen", "She sits on a housing board", minute_id=a2)
    LiveMeeting(store, built.held_id, me).record.add_declaration("Mr M Smith", "He chairs a local charity", "", minute_id=a2)
    LiveMeeting(store, built.held_id, me).take_item(built.items["B1"], now=NOW)
    text = paragraphs(write_notes(build_notes(store, built.held_id), tmp_path / "notes.docx"))
    for nature in ("He is a director of KALA", "She sits on a housing board", "He chairs a local charity"):
        assert sum(nature in p for p in text) == 1, nature
    said = [p for p in text if p.strip()]
    repeated = {p for p in said if said.count(p) > 1 and "declared" in p}
    assert repeated == set()


def _minuted_in_private(store, built, me, paragraph: str = "3") -> int:
    """The clerk excludes the press and public (paragraph 3), then minutes a matter raised in
    private that is on no agenda item, and returns to public session."""
    LiveMeeting(store, built.held_id, me).take_item(built.items["A1"], now=NOW)
    LiveMeeting(store, built.held_id, me).go_private(paragraph=paragraph, now=NOW)
    mid = LiveMeeting(store, built.held_id, me).add_minute("Staffing of the partnership team", "A confidential matter.", now=NOW)
    LiveMeeting(store, built.held_id, me).go_public()
    LiveMeeting(store, built.held_id, me).take_item(built.items["C1"], now=NOW)
    return mid


def test_a_minute_taken_in_private_session_keeps_its_paragraph(store, built, me, tmp_path):
    _minuted_in_private(store, built, me)
    text = " ".join(paragraphs(write_notes(build_notes(store, built.held_id, public=True), tmp_path / "public.docx")))
    assert "Exempt under paragraph 3 of Part 1 of Schedule 12A to the Local Government Act 1972." in text
    assert "A confidential matter" not in text


def test_excluding_the_public_needs_the_paragraph(store, built, me):
    """A paragraph outside 1–7 is refused; none given is refused when no restricted item to come
    has one of its own to lend."""
    from clerk.services.agenda import update_item

    with pytest.raises(InvalidInput, match="paragraph"):
        LiveMeeting(store, built.held_id, me).go_private(paragraph="9", now=NOW)
    for code in ("D1", "D2"):
        update_item(store, built.items[code], exempt_paragraph=None)
    with pytest.raises(InvalidInput, match="paragraph"):
        LiveMeeting(store, built.held_id, me).go_private(paragraph="", now=NOW)


def test_a_missing_paragraph_is_named_by_the_export(store, built, me, tmp_path):
    from clerk.services.content import update_minute

    mid = _minuted_in_private(store, built, me)
    update_minute(store, mid, exempt_paragraph=None)
    with pytest.raises(ClerkError, match=r"Minute \d+ \(Staffing of the partnership team\).*paragraph"):
        build_notes(store, built.held_id, public=True)


def test_a_placeholder_typed_into_a_minute_is_named_by_the_export(store, built, me):
    mid = LiveMeeting(store, built.held_id, me).take_item(built.items["B1"], now=NOW).minute_id
    LiveMeeting(store, built.held_id, me).save_text(mid, "The notes of the meeting held on ⟨date⟩ were agreed.")
    with pytest.raises(ClerkError, match=r"Minute \d+ .*⟨date⟩"):
        build_notes(store, built.held_id)


def _every_document(store, meeting_ids, tmp_path) -> list[str]:
    out = []
    for mid in meeting_ids:
        out.append(all_text(write_agenda(build_agenda(store, mid), tmp_path / f"agenda-{mid}.docx")))
        for public in (False, True):
            try:
                doc = build_notes(store, mid, public=public)
            except ClerkError:
                continue
            out.append(all_text(write_notes(doc, tmp_path / f"notes-{mid}-{public}.docx")))
    return out


def test_no_document_of_the_demo_holds_a_placeholder(store, demo, tmp_path):
    ids = [m.id for m in meetings.list_meetings(store)]
    texts = _every_document(store, ids, tmp_path)
    assert len(texts) >= len(ids) + 2
    assert [t for t in texts if "⟨" in t] == []


def test_no_document_of_a_meeting_minuted_in_private_holds_a_placeholder(store, built, me, tmp_path):
    _minuted_in_private(store, built, me)
    offer = LiveMeeting(store, built.held_id, me).exclusion_offer(built.items["D1"])
    assert offer is not None and offer.paragraphs
    LiveMeeting(store, built.held_id, me).go_private(paragraph=str(offer.paragraphs[0]), now=NOW)
    LiveMeeting(store, built.held_id, me).take_item(built.items["D1"], now=NOW)
    LiveMeeting(store, built.held_id, me).go_public()
    texts = _every_document(store, [built.held_id, built.next_id], tmp_path)
    assert len(texts) == 6
    assert [t for t in texts if "⟨" in t] == []
