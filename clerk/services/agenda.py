"""The agenda: lettered sections, items coded by position (A1, B7 ...), sub-items. The standard
items (A1–A3, C1, the Vice-Chairman election) and copying an agenda: ``agenda_standard``.

Codes are never stored: they follow the items' positions within their section, so
moving an item renumbers the codes around it and nothing else.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlmodel import Session, col, select

from ..errors import InvalidInput
from ..ids import id_of
from ..models import SECTION_LETTERS, AgendaItem, ItemKind, Meeting
from ..storage import Store
from ..wording import exempt_paragraph, page_label
from .common import clean_text, ensure_editable, get

APOLOGIES, DECLARATIONS, PREVIOUS_NOTES, NEXT_MEETING = "apologies", "declarations", "previous_notes", "next_meeting"
VICE_CHAIR_ELECTION = "vice_chair_election"


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
    note_public: bool = False  # a restricted item's note is printed only when the clerk says so

    @property
    def is_sub_item(self) -> bool:
        return self.parent_id is not None

    @property
    def pages(self) -> str:
        """ "(Pages 9 36)", "(Verbal)", "(to follow)" or ""."""
        if self.kind is ItemKind.VERBAL:
            return "(Verbal)"
        if self.kind is ItemKind.TO_FOLLOW:
            return "(to follow)"
        if self.page_from is not None:
            return page_label(self.page_from, self.page_to)
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
    return list(
        session.exec(
            select(AgendaItem)
            .where(AgendaItem.meeting_id == meeting_id)
            .order_by(col(AgendaItem.section), col(AgendaItem.position), col(AgendaItem.id))
        ).all()
    )


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
            for sub in sorted(subs.get(id_of(item), []), key=lambda i: (i.position, i.id)):
                rows.append(_row(sub, code))
    return rows


def _row(item: AgendaItem, code: str) -> AgendaRow:
    return AgendaRow(
        id=id_of(item),
        code=code,
        section=item.section,
        position=item.position,
        parent_id=item.parent_id,
        title=item.title,
        presenter=item.presenter,
        kind=ItemKind(item.kind),
        standard=item.standard,
        restricted=item.restricted,
        exempt_paragraph=item.exempt_paragraph,
        page_from=item.page_from,
        page_to=item.page_to,
        note=item.note,
        note_public=item.note_public,
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
        return add_item_in(session, meeting_id, section, title, **values)


def update_item(store: Store, item_id: int, **values: Any) -> AgendaItem:
    values = _validate(values)
    with store.write() as session:
        item = get(session, AgendaItem, item_id, "agenda item")
        _meeting_for_edit(session, item.meeting_id)
        if "section" in values and _check_section(values["section"]) != item.section:
            raise InvalidInput("Use move to another section to change an item's section.")
        values.pop("section", None)
        if item.section == "D" and values.get("restricted") is False:
            raise InvalidInput("Items in section D are always restricted: move the item to another section to take it in public.")
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
