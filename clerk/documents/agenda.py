"""The agenda front sheet, as the seeds': sections A–D with codes A1 … (2018), or items 1, 2, 3 …
with no sections (2025); page ranges; the restricted part."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from ..models import SECTION_LETTERS, Committee, Meeting
from ..services.agenda_rows import RESTRICTED_PART, AgendaRow, group_headings, is_numbered, rows_of
from ..services.common import get
from ..storage import Store
from ..wording import agenda_when, day_date, page_label
from .model import AgendaDoc, AgendaEntry, AgendaSection, missing_value


def section_heading(committee: Committee, letter: str) -> str:
    """ "A. Committee Business", "D - RESTRICTED ITEM(S)"; numbered items: only "RESTRICTED ITEM(S)"."""
    if is_numbered(committee):
        return group_headings(committee).get(letter, "")
    title = getattr(committee, f"section_{letter.lower()}")
    return f"D - {title.upper()} ITEM(S)" if letter == "D" else f"{letter}. {title}"


def entries(rows: Iterable[AgendaRow], ranges: dict[int, tuple[int, int]] | None = None) -> list[AgendaEntry]:
    """Top-level items with their sub-items' titles; ``ranges`` overrides stored page ranges."""
    rows = list(rows)
    out = []
    for row in rows:
        if row.parent_id is not None:
            continue
        pages = row.pages
        if ranges and row.id in ranges:
            first, last = ranges[row.id]
            pages = page_label(first, last)
        subs = tuple(r.title for r in rows if r.parent_id == row.id)
        note = row.note if not row.restricted or row.note_public else ""  # the agenda is public
        missing_value(f"Item {row.code} ({row.title})", [row.title, note, *subs])
        out.append(AgendaEntry(row.code, row.title, pages, subs, note, row.restricted, row.exempt_paragraph))
    return out


def build_agenda(
    store: Store,
    meeting_id: int,
    *,
    ranges: dict[int, tuple[int, int]] | None = None,
    only: set[int] | None = None,
    title: str = "AGENDA",
) -> AgendaDoc:
    """``only`` keeps just those items (a supplementary agenda)."""
    with store.read() as session:
        meeting = get(session, Meeting, meeting_id, "meeting")
        committee = get(session, Committee, meeting.committee_id, "committee")
        rows = rows_of(session, meeting_id)
    if only is not None:
        rows = [r for r in rows if r.id in only or r.parent_id in only]
    sections = []
    groups = ("", RESTRICTED_PART) if is_numbered(committee) else SECTION_LETTERS
    for group in groups:
        found = entries([r for r in rows if r.group == group], ranges)
        if found:
            heading = section_heading(committee, group)
            sections.append(AgendaSection(group, heading, tuple(found), restricted=group == RESTRICTED_PART))
    return AgendaDoc(
        organisation=committee.organisation,
        committee=committee.name.upper(),
        when=agenda_when(meeting.date, meeting.start_time),
        venue=meeting.venue,
        ask_for=meeting.contact,  # the meeting's own officer, with their number (not the committee's)
        telephone=meeting.contact_phone,
        email=meeting.contact_email,
        refreshments=meeting.refreshments,
        sections=tuple(sections),
        published=day_date(meeting.agenda_published) if meeting.agenda_published else "",
        title=title,
        template=Path(committee.template_path) if committee.template_path else None,
        paper=committee.paper_size,
    )
