"""What the live screen's preview shows is what the Word notes print: for every minute of the
demo's 8 July 2014 meeting, with an action, a vote, a declaration and an arrival added, the
preview's lines equal the minute's paragraphs read back from the exported .docx."""

from __future__ import annotations

import datetime as dt

import pytest
from textual.widgets import Static

from clerk.body import numbers_paragraphs
from clerk.demo import load_demo
from clerk.documents import build_notes
from clerk.documents.blocks import minute_source
from clerk.live.view import live_view
from clerk.services import attendance, content
from exports.notes import write_notes
from screens.live.status import render_preview

from .docx_read import styled
from .live_pilot import live_app, ready

ENDS = {"Clerk Minute Heading", "Clerk Session Heading", "Clerk Approval", "Clerk Signature", "Clerk Appendix Title"}


def printed_minutes(path) -> dict[str, list[str]]:
    """Each minute's printed paragraphs, by number: its heading and what follows up to the next."""
    out: dict[str, list[str]] = {}
    current: list[str] | None = None
    for style, text in styled(path):
        if style == "Clerk Minute Heading":
            current = out.setdefault(text.split(".", 1)[0], [])
        elif style in ENDS:
            current = None
        if current is not None:
            current.append(text.replace("\t", " "))
    return out


def shown(preview: str) -> list[str]:
    """The preview's lines, as text: the indent of a point is layout, not text."""
    return [line.strip() for line in preview.split("\n\n")]


@pytest.fixture
def july(store):
    demo = load_demo(store)
    rows = {int(m.number): m.id for m in live_view(store, demo.held_meeting_id).minutes}
    content.add_action(store, rows[66], "Jim Parris", "report the agreed criteria", due_date=dt.date(2014, 10, 14))
    content.add_vote(
        store,
        rows[67],
        "that the Agreement for 2014-17 be approved",
        12,
        1,
        1,
        named_against="Mr A Stewart",
        named_abstaining="Ms Z Cooke",
    )
    content.add_vote(store, rows[67], "", 13, 0, 1)
    content.add_vote(store, rows[67], "that the review be deferred", 6, 6, 1, casting="against")
    content.add_vote(store, rows[66], "that the criteria be agreed", 0, 0, outcome="carried")  # a show of hands
    b2 = next(m.item_id for m in live_view(store, demo.held_meeting_id).minutes if m.number == "67")
    content.add_declaration(
        store,
        demo.held_meeting_id,
        "Mr A Stewart",
        "a director of a company bidding for the work",
        agenda_item_id=b2,
        interest="disclosable pecuniary",
        participation="left the room",
    )
    content.add_declaration(
        store, demo.held_meeting_id, "Mr S Bone-Knell", "Employed by Kent Fire and Rescue", minute_id=rows[68]
    )
    people = {r.name: r.person_id for r in attendance.list_attendance(store, demo.held_meeting_id)}
    brett = next(pid for name, pid in people.items() if "Brett" in name)
    attendance.arrive_or_leave(store, demo.held_meeting_id, brett, arrived=False, minute_id=rows[69], at=dt.time(11, 30))
    return demo, rows


def test_the_preview_of_every_minute_is_what_the_notes_print(store, july, tmp_path):
    demo, rows = july
    printed = printed_minutes(write_notes(build_notes(store, demo.held_meeting_id), tmp_path / "notes.docx"))
    assert sorted(printed, key=int) == [str(n) for n in range(64, 75)]
    for number, minute_id in rows.items():
        current = content.content(store, minute_id)  # as the live screen loads the minute into its editor
        preview = render_preview(minute_source(store, minute_id), current.body, numbers_paragraphs(current.paragraphs))
        assert shown(preview) == printed[str(number)], f"minute {number}"
    # the lines the preview used to word its own way are among them
    assert "Action – Jim Parris: report the agreed criteria (by 14 October 2014)" in printed["66"]
    assert (
        "On the motion that the Agreement for 2014-17 be approved: For 12; Against 1 (Mr A Stewart); Abstentions 1 (Ms Z Cooke)."
        " The motion was carried."
    ) in printed["67"]
    assert "Recorded vote: For 13; Against 0; Abstentions 1. The motion was carried." in printed["67"]
    assert (
        "On the motion that the review be deferred: For 6; Against 6; Abstentions 1. There being an equality of votes, "
        "the Chairman gave a casting vote against the motion and it was lost."
    ) in printed["67"]
    assert "The motion that the criteria be agreed was carried." in printed["66"]
    # a Disclosable Pecuniary Interest declared at the start, said again at the item the member left the room for
    assert (
        "Mr A Stewart, having declared a Disclosable Pecuniary Interest, left the room during consideration of this item."
    ) in printed["67"]
    assert any(line.startswith("Mr S Bone-Knell declared an interest") for line in printed["68"])
    assert any("left the meeting at 11.30am during this item." in line for line in printed["69"])


async def test_the_live_screen_shows_that_preview(store, july, tmp_path):
    """The screen's own preview panel, opened on minute 67 with its votes, reads as printed."""
    demo, rows = july
    printed = printed_minutes(write_notes(build_notes(store, demo.held_meeting_id), tmp_path / "notes.docx"))
    app = live_app(store, demo.held_meeting_id)
    async with app.run_test(size=(170, 45)) as pilot:
        screen = await ready(pilot)
        screen.load_minute(rows[67])
        panel = screen.query_one("#preview-panel")
        for _ in range(4):  # F12 steps through the panels; one of them shows the preview
            if panel.display:
                break
            await pilot.press("f12")
        assert panel.display
        screen.update_labels()
        preview = str(screen.query_one("#preview", Static).content)
        assert shown(preview) == printed["67"]
