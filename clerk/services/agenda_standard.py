"""Standard items (A1 Apologies, A2 Declarations of Interest, A3 Notes of the previous meeting,
C1 Date of next meeting, and extras such as the Election of Vice-Chairman), and starting an
agenda from another meeting's."""

from __future__ import annotations

from sqlmodel import Session, select

from ..errors import InvalidInput
from ..ids import id_of
from ..models import AgendaItem, Committee, ItemKind, Meeting, MeetingStatus
from ..storage import Store
from ..wording import long_date
from ..wording_actions import MATTERS_ARISING_KEY, MATTERS_ARISING_TITLE
from ..wording_meetings import next_meeting_sentence
from .agenda import (
    APOLOGIES,
    DECLARATIONS,
    EXCLUSION_TITLE,
    NEXT_MEETING,
    PREVIOUS_NOTES,
    VICE_CHAIR_ELECTION,
    _meeting_for_edit,
    _siblings,
    add_item_in,
    settle,
)
from .agenda_rows import EXCLUSION, AgendaRow, ordered_rows, rows_of
from .agenda_rows import meeting_items as _items
from .common import ensure_editable, get
from .meeting_order import earlier_than, later_than, newest_first, oldest_first, order_key

# (standard key, section, title) in the order a new agenda gets them
STANDARD_ITEMS: tuple[tuple[str, str, str], ...] = (
    (APOLOGIES, "A", "Apologies"),
    (DECLARATIONS, "A", "Declarations of Interest"),
    (PREVIOUS_NOTES, "A", "Notes of meeting held on {previous}"),
    (NEXT_MEETING, "C", "Date of next meeting"),
)
EXTRA_STANDARD_ITEMS: dict[str, tuple[str, str]] = {
    VICE_CHAIR_ELECTION: ("A", "Election of {vice_chair}"),
    "minutes_of_last_meeting": ("A", "Minutes of the meeting held on {previous}"),
    MATTERS_ARISING_KEY: ("A", MATTERS_ARISING_TITLE),  # its paper is made from the action log
    EXCLUSION: ("C", EXCLUSION_TITLE),
}


def standard_kind(key: str) -> ItemKind:
    """A standard item has no paper, except matters arising (its paper is made from the action log)."""
    return ItemKind.REPORT if key == MATTERS_ARISING_KEY else ItemKind.STANDARD


def standard_key(committee: Committee, title: str) -> str:
    """Which standard item a title read from an agenda is ("" for none): its words up to the date."""
    wanted = " ".join(title.split()).casefold()
    templates = [(k, t) for k, _s, t in STANDARD_ITEMS] + [(k, t) for k, (_s, t) in EXTRA_STANDARD_ITEMS.items()]
    for key, template in templates:
        words = template.format(previous="\0", vice_chair=committee.vice_chair_title, chair=committee.chair_title)
        fixed = words.split("\0")[0].strip().casefold()
        if fixed and wanted.startswith(fixed):
            return key
    return ""


def previous_meeting(session: Session, meeting: Meeting) -> Meeting | None:
    """The committee's meeting before this one (not cancelled), if any."""
    q = select(Meeting).where(Meeting.committee_id == meeting.committee_id, earlier_than(order_key(meeting)))
    q = q.where(Meeting.status != MeetingStatus.CANCELLED)
    return session.exec(q.order_by(*newest_first()).limit(1)).first()


def meetings_after(session: Session, meeting: Meeting, limit: int | None = None) -> list[Meeting]:
    """The committee's meetings set after this one (not cancelled), in date order; the first
    ``limit`` of them when given."""
    q = select(Meeting).where(Meeting.committee_id == meeting.committee_id, later_than(order_key(meeting)))
    q = q.where(Meeting.status != MeetingStatus.CANCELLED).order_by(*oldest_first())
    return list(session.exec(q if limit is None else q.limit(limit)).all())


def next_meeting(session: Session, meeting: Meeting) -> Meeting | None:
    return next(iter(meetings_after(session, meeting, limit=1)), None)


def next_meeting_note(committee: Committee, later: Meeting | None) -> str:
    if later is None:
        return ""
    return next_meeting_sentence(committee.name, later.date, later.start_time, later.venue)


def standard_title(session: Session, meeting: Meeting, key: str, template: str) -> str:
    committee = get(session, Committee, meeting.committee_id, "committee")
    previous = previous_meeting(session, meeting)
    previous_date = long_date(previous.date) if previous else "⟨date⟩"
    return template.format(previous=previous_date, vice_chair=committee.vice_chair_title, chair=committee.chair_title)


def add_standard_items_in(session: Session, meeting: Meeting) -> list[AgendaItem]:
    committee = get(session, Committee, meeting.committee_id, "committee")
    out = []
    for key, section, template in STANDARD_ITEMS:
        note = next_meeting_note(committee, next_meeting(session, meeting)) if key == NEXT_MEETING else ""
        out.append(
            add_item_in(
                session,
                id_of(meeting),
                section,
                standard_title(session, meeting, key, template),
                kind=ItemKind.STANDARD,
                standard=key,
                note=note,
            )
        )
    return out


def add_extra_standard_item(store: Store, meeting_id: int, key: str) -> AgendaItem:
    if key not in EXTRA_STANDARD_ITEMS:
        raise InvalidInput(f"'{key}' is not a standard item; choose one of: " + ", ".join(EXTRA_STANDARD_ITEMS) + ".")
    section, template = EXTRA_STANDARD_ITEMS[key]
    with store.write() as session:
        meeting = _meeting_for_edit(session, meeting_id)
        at = 0 if key == VICE_CHAIR_ELECTION else None
        item = add_item_in(
            session,
            meeting_id,
            section,
            standard_title(session, meeting, key, template),
            kind=standard_kind(key),
            standard=key,
            at=at,
        )
        settle(session, meeting_id)
        return item


def refresh_standard_items_in(session: Session, meeting: Meeting) -> None:
    """Fill A3's previous date and C1's next meeting from the meetings as they now stand,
    where the clerk has not changed the wording."""
    ensure_editable(meeting)
    committee = get(session, Committee, meeting.committee_id, "committee")
    for item in _items(session, id_of(meeting)):
        if (
            item.standard == PREVIOUS_NOTES
            and item.title.startswith("Notes of meeting held on")
            and previous_meeting(session, meeting)
        ):
            item.title = standard_title(session, meeting, PREVIOUS_NOTES, STANDARD_ITEMS[2][2])
            session.add(item)
        elif item.standard == NEXT_MEETING and (not item.note or item.note.startswith("The next meeting of")):
            item.note = next_meeting_note(committee, next_meeting(session, meeting))
            session.add(item)
    session.flush()


def refresh_standard_items(store: Store, meeting_id: int) -> None:
    with store.write() as session:
        refresh_standard_items_in(session, _meeting_for_edit(session, meeting_id))


def copy_agenda(store: Store, from_meeting_id: int, to_meeting_id: int, *, replace: bool = True) -> list[AgendaRow]:
    """Start an agenda from another meeting's: same items and sub-items, no page ranges;
    the standard items' dates follow the new meeting."""
    with store.write() as session:
        target = _meeting_for_edit(session, to_meeting_id)
        source = get(session, Meeting, from_meeting_id, "meeting")
        if source.committee_id != target.committee_id:
            raise InvalidInput("An agenda is copied from a meeting of the same committee.")
        if replace:
            for item in _items(session, to_meeting_id):
                if item.parent_id is None:
                    for sub in _siblings(session, to_meeting_id, item.section, item.id):
                        session.delete(sub)
                    session.delete(item)
            session.flush()
        committee = get(session, Committee, target.committee_id, "committee")
        std_titles = {k: t for k, _s, t in STANDARD_ITEMS} | {k: t for k, (_s, t) in EXTRA_STANDARD_ITEMS.items()}
        source_items = _items(session, from_meeting_id)
        for row in ordered_rows(source_items):
            if row.parent_id is not None:
                continue
            title = (
                standard_title(session, target, row.standard, std_titles[row.standard])
                if row.standard in std_titles
                else row.title
            )
            note = next_meeting_note(committee, next_meeting(session, target)) if row.standard == NEXT_MEETING else ""
            new = add_item_in(
                session,
                to_meeting_id,
                row.section,
                title,
                kind=row.kind,
                presenter=row.presenter,
                standard=row.standard,
                restricted=row.restricted,
                exempt_paragraph=row.exempt_paragraph,
                note=note,
            )
            for sub_row in ordered_rows(source_items):
                if sub_row.parent_id == row.id:
                    add_item_in(
                        session,
                        to_meeting_id,
                        row.section,
                        sub_row.title,
                        parent_id=new.id,
                        kind=sub_row.kind,
                        presenter=sub_row.presenter,
                        restricted=sub_row.restricted,
                    )
        settle(session, to_meeting_id)
        session.flush()
        return rows_of(session, to_meeting_id)


def previous_meeting_of(store: Store, meeting_id: int) -> Meeting | None:
    with store.read() as session:
        return previous_meeting(session, get(session, Meeting, meeting_id, "meeting"))
