"""The agenda: items stored in sections A–D by position, sub-items, moves. Their codes (A1, B7 …
or 1, 2, 3 … under numbered style) are derived in ``agenda_rows``; the standard items (A1–A3, C1,
the Vice-Chairman election) and copying an agenda: ``agenda_standard``.

Under numbered style the sections are not shown: moves go from item to item across them, the
restricted items follow the exclusion of the press and public (added when the first one is), and
the meeting's minutes, numbered after the items, follow a change of the agenda.
"""

from __future__ import annotations

from typing import Any

from sqlmodel import Session, col, select

from ..errors import InvalidInput
from ..models import SECTION_LETTERS, AgendaItem, ItemKind, Meeting, Minute
from ..storage import Store
from ..wording import exempt_paragraph
from .agenda_rows import EXCLUSION, AgendaRow, numbered_meeting, numbered_rank, rows_of, top_level_order
from .agenda_rows import meeting_items as _items
from .agenda_rows import ordered_rows as ordered_rows  # where callers have long found it
from .attached import refuse_paperless
from .common import clean_text, ensure_editable, get, lock_committee

APOLOGIES, DECLARATIONS, PREVIOUS_NOTES, NEXT_MEETING = "apologies", "declarations", "previous_notes", "next_meeting"
VICE_CHAIR_ELECTION = "vice_chair_election"
EXCLUSION_TITLE = "Exclusion of the press and public"
ACROSS_EXCLUSION = (
    "With numbered items the restricted items come last, directly after the exclusion of the press and public: "
    "mark an item restricted, or not restricted, to move it across."
)


def _check_section(section: str) -> str:
    s = (section or "").strip().upper()
    if s not in SECTION_LETTERS:
        raise InvalidInput(f"'{section}' is not an agenda section; use A, B, C or D.")
    return s


def _meeting_for_edit(session: Session, meeting_id: int) -> Meeting:
    meeting = get(session, Meeting, meeting_id, "meeting")
    ensure_editable(meeting)
    return meeting


def list_items(store: Store, meeting_id: int) -> list[AgendaRow]:
    with store.read() as session:
        get(session, Meeting, meeting_id, "meeting")
        return rows_of(session, meeting_id)


def item_code(store: Store, item_id: int) -> str:
    with store.read() as session:
        item = get(session, AgendaItem, item_id, "agenda item")
        return next(r.code for r in rows_of(session, item.meeting_id) if r.id == item_id)


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
        out["exempt_paragraph"] = exempt_paragraph(out["exempt_paragraph"])
    for a, b in (("page_from", "page_to"),):
        if out.get(a) is not None and out.get(b) is not None and out[b] < out[a]:
            raise InvalidInput("A page range ends on or after the page it starts on.")
    return out


def add_item_in(
    session: Session,
    meeting_id: int,
    section: str,
    title: str,
    *,
    at: int | None = None,
    parent_id: int | None = None,
    **values: Any,
) -> AgendaItem:
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
        values["restricted"] = True  # D is "Restricted items": nothing in it is public
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
        if values.get("restricted") and not values.get("parent_id") and numbered_meeting(session, meeting_id):
            section, values["at"] = "D", values.get("at") if section == "D" else None  # numbered: after the exclusion item
        item = add_item_in(session, meeting_id, section, title, **values)
        settle(session, meeting_id)
        return item


def settle(session: Session, meeting_id: int) -> None:
    """After a change to a numbered-style agenda: restricted items need the exclusion of the
    press and public before them, and the meeting's minutes follow the item numbers."""
    if not numbered_meeting(session, meeting_id):
        return
    add_exclusion_in(session, meeting_id)
    if session.exec(select(Minute.id).where(Minute.meeting_id == meeting_id)).first() is not None:
        from .minutes import renumber

        meeting = get(session, Meeting, meeting_id, "meeting")
        renumber(session, lock_committee(session, meeting.committee_id), meeting)


def add_exclusion_in(session: Session, meeting_id: int) -> None:
    """Under numbered style, a meeting with restricted items has the exclusion of the press and
    public before them (added when missing: the first restricted item, or a switch of style)."""
    session.flush()
    top = [i for i in _items(session, meeting_id) if i.parent_id is None]
    if any(numbered_rank(i) == 2 for i in top) and not any(i.standard == EXCLUSION for i in top):
        add_item_in(session, meeting_id, "C", EXCLUSION_TITLE, kind=ItemKind.STANDARD, standard=EXCLUSION)


def update_item(store: Store, item_id: int, **values: Any) -> AgendaItem:
    values = _validate(values)
    with store.write() as session:
        item = get(session, AgendaItem, item_id, "agenda item")
        _meeting_for_edit(session, item.meeting_id)
        if "section" in values and _check_section(values["section"]) != item.section:
            raise InvalidInput("Use move to another section to change an item's section.")
        values.pop("section", None)
        if values.get("kind") in (ItemKind.VERBAL, ItemKind.STANDARD):  # not while a report is attached
            refuse_paperless(session, item.id, rows_of(session, item.meeting_id))
        numbered = item.parent_id is None and numbered_meeting(session, item.meeting_id)
        if numbered and values.get("restricted") is not None and values["restricted"] != (numbered_rank(item) == 2):
            # numbered: across the exclusion item, to the nearest place on the other side of it
            if values["restricted"]:
                _move_to_section(session, item, "D", at=0)
            else:
                _move_to_section(session, item, "C")
            item.restricted = values["restricted"]
        if item.section == "D" and values.get("restricted") is False:
            raise InvalidInput("Items in section D are always restricted: move the item to another section to take it in public.")
        for key, value in values.items():
            if key in {"id", "meeting_id", "parent_id", "position"} or not hasattr(item, key):
                raise InvalidInput(f"Agenda items have no setting '{key}'.")
            setattr(item, key, value)
        if item.page_from is not None and item.page_to is not None and item.page_to < item.page_from:
            raise InvalidInput("A page range ends on or after the page it starts on.")
        session.add(item)
        settle(session, item.meeting_id)
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
        settle(session, meeting_id)


def move_item(store: Store, item_id: int, delta: int) -> AgendaItem:
    """Up (-1) or down (+1). A top-level item at the edge of its section moves into the
    next section (to its end when going up, its start when going down)."""
    with store.write() as session:
        item = get(session, AgendaItem, item_id, "agenda item")
        _meeting_for_edit(session, item.meeting_id)
        if item.parent_id is None and numbered_meeting(session, item.meeting_id):
            _move_numbered(session, item, delta)
            settle(session, item.meeting_id)
            session.flush()
            session.refresh(item)
            return item
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


def _move_numbered(session: Session, item: AgendaItem, delta: int) -> None:
    """Past the next item up or down, whichever section it is stored in; never across the
    exclusion of the press and public."""
    rank = numbered_rank(item)
    order = [i for i in top_level_order(_items(session, item.meeting_id), True) if numbered_rank(i) == rank]
    target = next(k for k, i in enumerate(order) if i.id == item.id) + delta
    if not 0 <= target < len(order):
        if (rank, delta > 0) in ((0, False), (2, True)):
            return  # already the first (or last) item
        raise InvalidInput(ACROSS_EXCLUSION)
    neighbour = order[target]
    siblings = [s for s in _siblings(session, item.meeting_id, neighbour.section, None) if s.id != item.id]
    at = next(k for k, s in enumerate(siblings) if s.id == neighbour.id) + (1 if delta > 0 else 0)
    if neighbour.section == item.section:
        siblings.insert(at, item)
        _reposition(session, siblings)
    else:
        _move_to_section(session, item, neighbour.section, at)


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
            settle(session, item.meeting_id)
        session.flush()
        session.refresh(item)
        return item
