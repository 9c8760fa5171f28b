"""Storing an agenda read from a front sheet: the committee (found by name, or created with the
sheet's section wording and contact), the meeting with the agenda published, and its items, all
through the services, in one transaction. A meeting already there on that date is compared:
the same agenda changes nothing, a different one is refused and nothing is stored."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlmodel import col, select

from ..errors import InvalidInput
from ..ids import id_of
from ..kinds import AgendaStyle, ItemKind, MeetingStatus
from ..models import Committee, Meeting
from ..services.agenda import add_item
from ..services.agenda_rows import EXCLUSION, AgendaRow, rows_of
from ..services.agenda_standard import standard_key, standard_kind
from ..services.committees import create_committee, find_committee
from ..services.common import parse_time
from ..services.meetings import create_meeting, set_status
from ..storage import Store
from ..wording_import_agenda import NO_COMMITTEE, different_agenda, item_key_line, items_differ_in_number
from .agenda_text import AgendaImport, ImportedAgenda, ImportedItem, committee_name
from .agenda_text import ItemKey as Key


def _committee(store: Store, agenda: ImportedAgenda, named: str | None) -> tuple[str, Committee | None]:
    name = (named or "").strip() or committee_name(agenda.committee)
    if not name:
        raise InvalidInput(NO_COMMITTEE)
    with store.read() as session:
        wanted = name.casefold()
        found = [c for c in session.exec(select(Committee)).all() if c.name.casefold() == wanted]
    if found:
        return found[0].name, found[0]
    if named and named.strip():
        try:
            committee = find_committee(store, named)  # part of a name, or an id
            return committee.name, committee
        except InvalidInput:
            pass
    return name, None


def _key(item: ImportedItem) -> Key:
    marker = item.marker.value if item.marker else ""
    return (item.code, " ".join(item.title.split()).casefold(), marker, item.pages, item.sub_items)


def _row_keys(rows: list[AgendaRow]) -> list[Key]:
    out: list[Key] = []
    for row in rows:
        if row.parent_id is not None:
            continue
        marker = row.kind.value if row.kind in (ItemKind.VERBAL, ItemKind.TO_FOLLOW) else ""
        pages = (row.page_from, row.page_to or row.page_from) if row.page_from is not None else None
        subs = tuple(r.title for r in rows if r.parent_id == row.id)
        out.append((row.code, " ".join(row.title.split()).casefold(), marker, pages, subs))
    return out


def existing_meeting(store: Store, committee: Committee | None, date: dt.date) -> tuple[Meeting, list[Key]] | None:
    if committee is None:
        return None
    with store.read() as session:
        q = select(Meeting).where(Meeting.committee_id == id_of(committee), Meeting.date == date)
        q = q.where(Meeting.status != MeetingStatus.CANCELLED).order_by(col(Meeting.id))
        meeting = session.exec(q).first()
        return (meeting, _row_keys(rows_of(session, id_of(meeting)))) if meeting else None


def import_agenda(store: Store, agenda: ImportedAgenda, *, committee: str | None = None, dry_run: bool = False) -> AgendaImport:
    """Store ``agenda`` (one that ``is_agenda``), or on ``dry_run`` only check that it could be."""
    assert agenda.date is not None
    name, found = _committee(store, agenda, committee)
    start = parse_time(agenda.time.replace(".m", "m").replace("m.", "m")) if agenda.time else None
    there = existing_meeting(store, found, agenda.date)
    if there is not None:
        meeting, keys = there
        wanted = [_key(i) for i in agenda.items]
        if keys != wanted:
            diff = next((item_key_line(a, b) for a, b in zip(wanted, keys, strict=False) if a != b), None)
            raise InvalidInput(different_agenda(name, agenda.date, diff or items_differ_in_number(len(keys), len(wanted))))
        return AgendaImport(name, False, meeting.id, False)
    if dry_run:
        return AgendaImport(name, found is None, None, False)
    with store.transaction():
        target = found or create_committee(store, name, **_committee_values(agenda))
        values = _meeting_values(agenda, start)
        meeting = create_meeting(store, id_of(target), agenda.date, standard_items=False, refresh_previous=False, **values)
        for item in agenda.items:
            _add(store, target, id_of(meeting), item)
        set_status(store, id_of(meeting), MeetingStatus.PUBLISHED)
    return AgendaImport(name, found is None, meeting.id, True)


def _committee_values(agenda: ImportedAgenda) -> dict[str, Any]:
    values: dict[str, Any] = {f"section_{letter.lower()}": words for letter, words in agenda.sections if words}
    if agenda.numbered:
        values["agenda_style"] = AgendaStyle.NUMBERED.value
    values.update(organisation=agenda.organisation, default_venue=agenda.venue)
    values.update(contact_name=agenda.contact, contact_phone=agenda.phone, contact_email=agenda.email)
    return values


def _meeting_values(agenda: ImportedAgenda, start: dt.time | None) -> dict[str, Any]:
    return {
        "start_time": start,
        "venue": agenda.venue,
        "contact": agenda.contact,
        "contact_phone": agenda.phone,
        "contact_email": agenda.email,
        "agenda_published": agenda.published,
        "refreshments": agenda.refreshments,
    }


def _add(store: Store, committee: Committee, meeting_id: int, item: ImportedItem) -> None:
    key = standard_key(committee, item.title)
    kind = item.marker or (standard_kind(key) if key else ItemKind.REPORT)
    section = item.section or ("D" if item.restricted else "C" if key == EXCLUSION else "B")
    first, last = item.pages or (None, None)
    added = add_item(
        store,
        meeting_id,
        section,
        item.title,
        kind=kind,
        standard=key,
        presenter=item.presenter,
        restricted=item.restricted,
        exempt_paragraph=item.exempt_paragraph,
        page_from=first,
        page_to=last,
        note=item.note,
    )
    for sub in item.sub_items:
        add_item(store, meeting_id, section, sub, parent_id=added.id)
