"""The agenda: lettered sections, items coded by position (A1, B7 ...), sub-items, standard items.

Codes are never stored: they follow the items' positions within their section, so
moving an item renumbers the codes around it and nothing else.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from sqlmodel import Session, col, select

from ..errors import InvalidInput
from ..models import SECTION_LETTERS, AgendaItem, Committee, ItemKind, Meeting
from ..storage import Store
from .common import clean_text, ensure_editable, get, long_date

APOLOGIES, DECLARATIONS, PREVIOUS_NOTES, NEXT_MEETING = "apologies", "declarations", "previous_notes", "next_meeting"
VICE_CHAIR_ELECTION = "vice_chair_election"

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
    "matters_arising": ("A", "Matters arising"),
    "exclusion": ("C", "Exclusion of the press and public"),
}


@dataclass(frozen=True)
class AgendaRow:
    """An agenda item as screens and exports see it."""

    id: int
    code: str  # "B3"; a sub-item has its parent's code
    section: str
    position: int
    parent_id: int | None
    title: str
    presenter: str
    kind: ItemKind
    standard: str
    restricted: bool
    exempt_paragraph: int | None
    page_from: int | None
    page_to: int | None
    note: str

    @property
    def is_sub_item(self) -> bool:
        return self.parent_id is not None

    @property
    def pages(self) -> str:
        """"(Pages 9 36)", "(Verbal)", "(to follow)" or ""."""
        if self.kind is ItemKind.VERBAL:
            return "(Verbal)"
        if self.kind is ItemKind.TO_FOLLOW:
            return "(to follow)"
        if self.page_from is not None:
            to = self.page_to if self.page_to is not None else self.page_from
            return f"(Pages {self.page_from} {to})" if to != self.page_from else f"(Page {self.page_from})"
        return ""


def _check_section(section: str) -> str:
    s = (section or "").strip().upper()
    if s not in SECTION_LETTERS:
        raise InvalidInput(f"'{section}' is not an agenda section; use A, B, C or D.")
    return s


def _meeting_for_edit(session: Session, meeting_id: int) -> Meeting:
    meeting = get(session, Meeting, meeting_id, "meeting")
    ensure_editable(meeting)
    return meeting


def _items(session: Session, meeting_id: int) -> list[AgendaItem]:
    return list(session.exec(
        select(AgendaItem).where(AgendaItem.meeting_id == meeting_id).order_by(AgendaItem.section, AgendaItem.position, AgendaItem.id)
    ).all())


def ordered_rows(items: list[AgendaItem]) -> list[AgendaRow]:
    """Items in agenda order, each top-level item followed by its sub-items, with codes."""
    top: dict[str, list[AgendaItem]] = {s: [] for s in SECTION_LETTERS}
    subs: dict[int, list[AgendaItem]] = {}
    for item in items:
        if item.parent_id is None:
            top.setdefault(item.section, []).append(item)
        else:
            subs.setdefault(item.parent_id, []).append(item)
    rows: list[AgendaRow] = []
    for section in SECTION_LETTERS:
        for n, item in enumerate(sorted(top[section], key=lambda i: (i.position, i.id)), start=1):
            code = f"{section}{n}"
            rows.append(_row(item, code))
            for sub in sorted(subs.get(item.id, []), key=lambda i: (i.position, i.id)):
                rows.append(_row(sub, code))
    return rows


def _row(item: AgendaItem, code: str) -> AgendaRow:
    return AgendaRow(
        id=item.id, code=code, section=item.section, position=item.position, parent_id=item.parent_id,
        title=item.title, presenter=item.presenter, kind=ItemKind(item.kind), standard=item.standard,
        restricted=item.restricted, exempt_paragraph=item.exempt_paragraph,
        page_from=item.page_from, page_to=item.page_to, note=item.note,
    )


def list_items(store: Store, meeting_id: int) -> list[AgendaRow]:
    with store.read() as session:
        get(session, Meeting, meeting_id, "meeting")
        return ordered_rows(_items(session, meeting_id))


def item_code(store: Store, item_id: int) -> str:
    with store.read() as session:
        item = get(session, AgendaItem, item_id, "agenda item")
        return next(r.code for r in ordered_rows(_items(session, item.meeting_id)) if r.id == item_id)


def _siblings(session: Session, meeting_id: int, section: str, parent_id: int | None) -> list[AgendaItem]:
    q = select(AgendaItem).where(AgendaItem.meeting_id == meeting_id)
    if parent_id is None:
        q = q.where(AgendaItem.section == section, col(AgendaItem.parent_id).is_(None))
    else:
        q = q.where(AgendaItem.parent_id == parent_id)
    return sorted(session.exec(q).all(), key=lambda i: (i.position, i.id))


def _reposition(session: Session, items: list[AgendaItem]) -> None:
    for n, item in enumerate(items):
        if item.position != n:
            item.position = n
            session.add(item)


def _validate(values: dict[str, Any]) -> dict[str, Any]:
    out = dict(values)
    for key in ("title", "presenter", "note"):
        if key in out and out[key] is not None:
            out[key] = clean_text(out[key]).strip()
    if "title" in out and not out["title"]:
        raise InvalidInput("An agenda item needs a title.")
    if "kind" in out:
        try:
            out["kind"] = ItemKind(out["kind"])
        except ValueError:
            raise InvalidInput(f"'{out['kind']}' is not a kind of item; use report, verbal, to_follow or standard.") from None
    if out.get("exempt_paragraph") is not None:
        para = int(out["exempt_paragraph"])
        if not 1 <= para <= 7:
            raise InvalidInput("Schedule 12A has paragraphs 1 to 7; give one of those.")
        out["exempt_paragraph"] = para
    for a, b in (("page_from", "page_to"),):
        if out.get(a) is not None and out.get(b) is not None and out[b] < out[a]:
            raise InvalidInput("A page range ends on or after the page it starts on.")
    return out


def add_item_in(session: Session, meeting_id: int, section: str, title: str, *, at: int | None = None,
                parent_id: int | None = None, **values: Any) -> AgendaItem:
    _meeting_for_edit(session, meeting_id)
    section = _check_section(section)
    values = _validate({"title": title, **values})
    if parent_id is not None:
        parent = get(session, AgendaItem, parent_id, "agenda item")
        if parent.meeting_id != meeting_id:
            raise InvalidInput("A sub-item belongs to an item of the same meeting.")
        if parent.parent_id is not None:
            raise InvalidInput("Sub-items cannot have sub-items of their own.")
        section = parent.section
        values.setdefault("restricted", parent.restricted)
        values.setdefault("kind", ItemKind.STANDARD)
    if section == "D":
        values.setdefault("restricted", True)
    siblings = _siblings(session, meeting_id, section, parent_id)
    index = len(siblings) if at is None else max(0, min(at, len(siblings)))
    item = AgendaItem(meeting_id=meeting_id, section=section, parent_id=parent_id, **values)
    session.add(item)
    siblings.insert(index, item)
    _reposition(session, siblings)
    session.flush()
    return item


def add_item(store: Store, meeting_id: int, section: str, title: str, **values: Any) -> AgendaItem:
    with store.write() as session:
        return add_item_in(session, meeting_id, section, title, **values)


def update_item(store: Store, item_id: int, **values: Any) -> AgendaItem:
    values = _validate(values)
    with store.write() as session:
        item = get(session, AgendaItem, item_id, "agenda item")
        _meeting_for_edit(session, item.meeting_id)
        if "section" in values and _check_section(values["section"]) != item.section:
            raise InvalidInput("Use move to another section to change an item's section.")
        values.pop("section", None)
        for key, value in values.items():
            if key in {"id", "meeting_id", "parent_id", "position"} or not hasattr(item, key):
                raise InvalidInput(f"Agenda items have no setting '{key}'.")
            setattr(item, key, value)
        if item.page_from is not None and item.page_to is not None and item.page_to < item.page_from:
            raise InvalidInput("A page range ends on or after the page it starts on.")
        session.add(item)
        session.flush()
        return item


def delete_item(store: Store, item_id: int) -> None:
    with store.write() as session:
        item = get(session, AgendaItem, item_id, "agenda item")
        _meeting_for_edit(session, item.meeting_id)
        section, parent_id, meeting_id = item.section, item.parent_id, item.meeting_id
        for sub in _siblings(session, meeting_id, section, item.id):
            session.delete(sub)
        session.delete(item)
        session.flush()
        _reposition(session, _siblings(session, meeting_id, section, parent_id))


def move_item(store: Store, item_id: int, delta: int) -> AgendaItem:
    """Up (-1) or down (+1). A top-level item at the edge of its section moves into the
    next section (to its end when going up, its start when going down)."""
    with store.write() as session:
        item = get(session, AgendaItem, item_id, "agenda item")
        _meeting_for_edit(session, item.meeting_id)
        siblings = _siblings(session, item.meeting_id, item.section, item.parent_id)
        index = next(i for i, s in enumerate(siblings) if s.id == item.id)
        target = index + delta
        if 0 <= target < len(siblings):
            siblings.insert(target, siblings.pop(index))
            _reposition(session, siblings)
        elif item.parent_id is None:
            letters = SECTION_LETTERS
            pos = letters.index(item.section) + (1 if delta > 0 else -1)
            if 0 <= pos < len(letters):
                _move_to_section(session, item, letters[pos], at=0 if delta > 0 else None)
        session.flush()
        session.refresh(item)
        return item


def _move_to_section(session: Session, item: AgendaItem, section: str, at: int | None = None) -> None:
    old = _siblings(session, item.meeting_id, item.section, None)
    old = [s for s in old if s.id != item.id]
    _reposition(session, old)
    new = _siblings(session, item.meeting_id, section, None)
    index = len(new) if at is None else max(0, min(at, len(new)))
    new.insert(index, item)
    item.section = section
    if section == "D":
        item.restricted = True
    for sub in _siblings(session, item.meeting_id, "", item.id):
        sub.section = section
        session.add(sub)
    _reposition(session, new)
    session.add(item)


def move_to_section(store: Store, item_id: int, section: str, at: int | None = None) -> AgendaItem:
    section = _check_section(section)
    with store.write() as session:
        item = get(session, AgendaItem, item_id, "agenda item")
        _meeting_for_edit(session, item.meeting_id)
        if item.parent_id is not None:
            raise InvalidInput("A sub-item moves with its item; move the item instead.")
        if section != item.section:
            _move_to_section(session, item, section, at)
        session.flush()
        session.refresh(item)
        return item


# -- standard items and copying ---------------------------------------------------------

def previous_meeting(session: Session, meeting: Meeting) -> Meeting | None:
    rows = session.exec(select(Meeting).where(Meeting.committee_id == meeting.committee_id, Meeting.id != meeting.id)).all()
    key = (meeting.date, meeting.start_time or dt.time(0), meeting.id)
    earlier = [m for m in rows if (m.date, m.start_time or dt.time(0), m.id) < key and m.status != "cancelled"]
    return max(earlier, key=lambda m: (m.date, m.start_time or dt.time(0), m.id), default=None)


def next_meeting(session: Session, meeting: Meeting) -> Meeting | None:
    rows = session.exec(select(Meeting).where(Meeting.committee_id == meeting.committee_id, Meeting.id != meeting.id)).all()
    key = (meeting.date, meeting.start_time or dt.time(0), meeting.id)
    later = [m for m in rows if (m.date, m.start_time or dt.time(0), m.id) > key and m.status != "cancelled"]
    return min(later, key=lambda m: (m.date, m.start_time or dt.time(0), m.id), default=None)


def time_label(t: dt.time | None) -> str:
    """2.00pm, 10.00am: as the notes write times."""
    if t is None:
        return ""
    hour = t.hour % 12 or 12
    return f"{hour}.{t.minute:02d}{'am' if t.hour < 12 else 'pm'}"


def next_meeting_note(committee: Committee, later: Meeting | None) -> str:
    if later is None:
        return ""
    when = long_date(later.date) + (f", {time_label(later.start_time)}" if later.start_time else "")
    where = f", {later.venue}" if later.venue else ""
    return f"The next meeting of the {committee.name} will be held on {when}{where}."


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
        out.append(add_item_in(session, meeting.id, section, standard_title(session, meeting, key, template),
                               kind=ItemKind.STANDARD, standard=key, note=note))
    return out


def add_extra_standard_item(store: Store, meeting_id: int, key: str) -> AgendaItem:
    if key not in EXTRA_STANDARD_ITEMS:
        raise InvalidInput(f"'{key}' is not a standard item; choose one of: " + ", ".join(EXTRA_STANDARD_ITEMS) + ".")
    section, template = EXTRA_STANDARD_ITEMS[key]
    with store.write() as session:
        meeting = _meeting_for_edit(session, meeting_id)
        at = 0 if key == VICE_CHAIR_ELECTION else None
        return add_item_in(session, meeting_id, section, standard_title(session, meeting, key, template),
                           kind=ItemKind.STANDARD, standard=key, at=at)


def refresh_standard_items_in(session: Session, meeting: Meeting) -> None:
    """Fill A3's previous date and C1's next meeting from the meetings as they now stand,
    where the clerk has not changed the wording."""
    ensure_editable(meeting)
    committee = get(session, Committee, meeting.committee_id, "committee")
    for item in _items(session, meeting.id):
        if item.standard == PREVIOUS_NOTES and item.title.startswith("Notes of meeting held on") and previous_meeting(session, meeting):
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
            title = standard_title(session, target, row.standard, std_titles[row.standard]) if row.standard in std_titles else row.title
            note = next_meeting_note(committee, next_meeting(session, target)) if row.standard == NEXT_MEETING else ""
            new = add_item_in(session, to_meeting_id, row.section, title, kind=row.kind, presenter=row.presenter,
                              standard=row.standard, restricted=row.restricted, exempt_paragraph=row.exempt_paragraph, note=note)
            for sub in ordered_rows(source_items):
                if sub.parent_id == row.id:
                    add_item_in(session, to_meeting_id, row.section, sub.title, parent_id=new.id, kind=sub.kind,
                                presenter=sub.presenter, restricted=sub.restricted)
        session.flush()
        return ordered_rows(_items(session, to_meeting_id))
