"""The round trip's two sides in one shape: a meeting's record as the database holds it (read
through the services) and as the importer reads it back from the exported notes. Each side is a
plain dict, so a failing comparison shows the difference."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from clerk.body import number
from clerk.cli import main as run_commands
from clerk.importing.notes_people import ImportedPerson
from clerk.importing.notes_text import ImportedNotes, parse_notes
from clerk.importing.reading import read_text
from clerk.kinds import ParagraphKind
from clerk.models import AttendanceStatus, Role
from clerk.services import agenda, attendance, committees, content
from clerk.services.meetings import find_meeting
from clerk.storage import Store
from clerk.wording import movement_line, vote_line

from .helpers import minutes_of


def export(db: Path, meeting_id: int, folder: Path, *, public: bool) -> Path:
    """The notes as `clerk export notes` writes them."""
    out = folder / f"notes-{meeting_id}{'-public' if public else ''}.docx"
    args = ["--db", str(db), "export", "notes", str(meeting_id), "-o", str(out)] + (["--public"] if public else [])
    assert run_commands(args) == 0
    return out


def read_back(path: Path) -> ImportedNotes:
    return parse_notes(read_text(path), whole_lines=True)


def _kind(kind: ParagraphKind, numbered: bool) -> str:
    if kind is ParagraphKind.TEXT:
        return "numbered" if numbered else "text"
    return kind.value  # "point", "resolution"


def _name(p: ImportedPerson) -> str:
    name = " ".join(x for x in (p.title, p.forenames, p.surname) if x)
    return name + "".join(f", {h}" for h in p.honours)


def stored(store: Store, meeting_id: int, *, public: bool) -> dict[str, Any]:
    """What the notes should say, from the database: the meeting, who attended and each minute
    (paragraphs labelled as they print: a lone paragraph is never numbered)."""
    meeting = find_meeting(store, meeting_id)
    committee = committees.find_committee(store, meeting.committee_id)
    items = {row.id: row for row in agenda.list_items(store, meeting_id)}
    rows = [r for r in attendance.list_attendance(store, meeting_id) if r.status is not None]
    present = [r for r in rows if r.status in (AttendanceStatus.PRESENT, AttendanceStatus.SUBSTITUTE)]
    in_list = [r for r in present if r.role is not None or r.status is AttendanceStatus.SUBSTITUTE]
    minutes = []
    for m in minutes_of(store, meeting_id):
        if public and m.restricted and committee.public_restricted == "omit":
            continue
        c = content.content(store, m.id)
        item = items.get(m.agenda_item_id) if m.agenda_item_id else None
        code = item.code if item else None
        hidden = public and m.restricted
        paras = number(c.paragraphs, committee.resolution_style == "numbered")
        exempt = m.exempt_paragraph or (item.exempt_paragraph if item else None)
        minutes.append(
            {
                "number": m.number,
                "title": m.title,
                "item": code if code and code != str(m.number) else None,
                "private": m.restricted,
                "outcome": None if m.state == "taken" else m.state,
                "exempt": exempt if hidden else None,
                "paragraphs": [] if hidden else [(_kind(p.kind, bool(p.label)), p.text) for p in paras],
                "actions": [] if hidden else [(a.owner_name, a.description, a.due_date) for a in c.actions],
                "notes": []
                if hidden
                else [movement_line(r.name, True, r.arrived_at) for r in rows if r.arrived_minute_id == m.id]
                + [movement_line(r.name, False, r.left_at) for r in rows if r.left_minute_id == m.id]
                + [vote_line(v, committee.chair_title) for v in c.votes],
            }
        )
    return {
        "heading": (committee.organisation, committee.minutes_word, committee.name, meeting.venue, meeting.date),
        "present": sorted(
            (r.name, r.role is Role.CHAIR, r.role is Role.VICE_CHAIR, r.in_chair, r.substitute_for or None) for r in in_list
        ),
        "also_present": sorted(
            r.name for r in rows if r.status is AttendanceStatus.ALSO_PRESENT or (r in present and r not in in_list)
        ),
        "in_attendance": sorted((r.name, r.job or None) for r in rows if r.status is AttendanceStatus.IN_ATTENDANCE),
        "apologies": sorted(r.name for r in rows if r.status is AttendanceStatus.APOLOGIES),
        "minutes": minutes,
    }


def read(notes: ImportedNotes) -> dict[str, Any]:
    """The same shape, from what the importer read."""
    h = notes.heading
    assert h is not None
    return {
        "heading": (h.organisation, h.word, h.committee, h.venue, h.date),
        "present": sorted((_name(p), p.chair, p.vice_chair, p.presiding, p.substitute_for) for p in notes.present),
        "also_present": sorted(_name(p) for p in notes.also_present),
        "in_attendance": sorted((_name(p), p.role) for p in notes.in_attendance),
        "apologies": sorted(_name(p) for p in notes.apologies),
        "minutes": [
            {
                "number": m.number,
                "title": m.title,
                "item": m.item,
                "private": m.session == "PRIVATE SESSION",
                "outcome": m.outcome,
                "exempt": m.exempt_paragraph,
                "paragraphs": [(_kind(p.kind, p.numbered), p.text) for p in m.paragraphs],
                "actions": [(a.owner, a.description, a.due) for a in m.action_details],
                "notes": list(m.notes),
            }
            for m in notes.minutes
        ],
    }
