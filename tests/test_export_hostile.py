"""Whatever the clerk types or pastes (control characters, very long paragraphs, right-to-left
text, emoji, lone surrogates) goes through every export without a crash or an invalid file."""

from __future__ import annotations

import tempfile
from pathlib import Path

from docx import Document
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from clerk.documents import build_agenda, build_notes
from clerk.services import agenda, content, minutes
from exports.agenda import write_agenda
from exports.notes import write_notes

HOSTILE = st.one_of(
    st.text(min_size=1, max_size=200),  # anything, control characters and surrogates included
    st.text(alphabet="\u05d0\u05d1\u05d2\u0627\u0644\u202e\u200f ", min_size=1, max_size=80),  # right-to-left
    st.text(alphabet="😀🏛️👩‍⚖️\u0000\u0007\u000b\u001f\ufffe\uffff\ud800", min_size=1, max_size=50),
    st.builds(lambda s, n: s * n, st.text(min_size=1, max_size=20), st.integers(500, 3000)),  # very long
)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(title=HOSTILE, body=HOSTILE, owner=HOSTILE, item=HOSTILE)
def test_hostile_text_exports_cleanly(store, demo, title, body, owner, item):
    meeting = demo.next_meeting_id
    try:
        row = agenda.add_item(store, meeting, "B", item)
    except Exception as exc:  # only the plain refusal of an empty title is allowed
        assert "needs a title" in str(exc)
        row = None
    try:
        minute = minutes.add_minute(
            store, meeting, title if title.strip() else "Untitled", agenda_item_id=row.id if row else None
        )
    except Exception as exc:
        assert "title" in str(exc)
        return
    content.set_body(store, minute.id, body)
    if owner.strip() and any(c.isprintable() and not c.isspace() for c in owner):
        try:
            content.add_action(store, minute.id, owner)
        except Exception as exc:
            assert "owner" in str(exc)
    with tempfile.TemporaryDirectory() as tmp:
        notes = write_notes(build_notes(store, meeting), Path(tmp) / "n.docx")
        again = Document(str(notes))  # the file opens again
        assert any(p.text.startswith(f"{minute.number}.") for p in again.paragraphs)
        a = write_agenda(build_agenda(store, meeting), Path(tmp) / "a.docx")
        assert Document(str(a)).paragraphs[0].text == "AGENDA"
    minutes.delete_minute(store, minute.id)
    if row:
        agenda.delete_item(store, row.id)
