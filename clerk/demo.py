"""``clerk demo``: the Kent Community Safety Partnership as its 8 July 2014 notes record it
(minutes 64–74), and its next meeting, 14 October 2014, its agenda published on 6 October.

The data ships inside the package (``clerk/data``). Loading twice adds nothing.
"""

from __future__ import annotations

import datetime as dt
import tomllib
from dataclasses import dataclass
from importlib import resources
from typing import Any

from sqlmodel import select

from .body import parse
from .ids import id_of
from .models import AttendanceStatus, Committee, Meeting, MeetingStatus
from .storage import Store

DATA = "kcsp_2014.toml"


@dataclass(frozen=True)
class DemoSummary:
    committee_id: int
    held_meeting_id: int
    next_meeting_id: int
    created: bool


def demo_data() -> dict[str, Any]:
    return tomllib.loads(resources.files("clerk.data").joinpath(DATA).read_text(encoding="utf-8"))


def load_demo(store: Store) -> DemoSummary:
    data = demo_data()
    name = data["committee"]["name"]
    with store.read() as session:
        existing = session.exec(select(Committee).where(Committee.name == name)).first()
        if existing is not None:
            meetings = {m.date: id_of(m) for m in session.exec(select(Meeting).where(Meeting.committee_id == existing.id)).all()}
            held, nxt = meetings.get(data["held"]["date"]), meetings.get(data["next"]["date"])
            if held is not None and nxt is not None:
                return DemoSummary(id_of(existing), held, nxt, created=False)
    with store.transaction():
        return _build(store, data, existing)


def _build(store: Store, data: dict[str, Any], committee: Committee | None) -> DemoSummary:
    from .services import agenda, attendance, committees, content, meetings, minutes

    if committee is None:
        values = dict(data["committee"])
        committee = committees.create_committee(store, values.pop("name"), **values)
    people: dict[str, int] = {}
    for p in data["people"]:
        fields = {k: p.get(k, "") for k in ("title", "forenames", "honours", "organisation", "job_title", "email", "phone")}
        person = committees.add_person(store, p["surname"], **fields)
        people[p["key"]] = id_of(person)
        if p.get("role"):
            committees.add_member(store, id_of(committee), id_of(person), p["role"], represents=p.get("organisation", ""))

    held_data = data["held"]
    held = meetings.create_meeting(
        store,
        id_of(committee),
        held_data["date"],
        standard_items=False,
        start_time=held_data["start_time"],
        venue=held_data["venue"],
        agenda_published=held_data.get("agenda_published"),
    )
    items: dict[str, int] = {}
    for item in held_data["agenda"]:
        values = {k: item[k] for k in ("presenter", "kind", "standard", "exempt_paragraph", "note") if k in item}
        items[item["key"]] = id_of(agenda.add_item(store, id_of(held), item["section"], item["title"], **values))

    for p in data["people"]:
        status = AttendanceStatus(p["attends"])
        role = p.get("job_title", "") if status is AttendanceStatus.IN_ATTENDANCE else ""
        attendance.mark(store, id_of(held), people[p["key"]], status, role=role)
        if p.get("in_chair"):
            attendance.set_chair(store, id_of(held), people[p["key"]])

    meetings.set_status(store, id_of(held), MeetingStatus.IN_PROGRESS)
    for m in held_data["minutes"]:
        item_id = items.get(m.get("item", ""))
        minute = minutes.add_minute(store, id_of(held), m["title"], agenda_item_id=item_id, state=m.get("state", "taken"))
        content.set_paragraphs(store, id_of(minute), parse(m["body"].strip(), numbered=m.get("numbered", True)))
        for action in m.get("actions", []):
            content.add_action(store, id_of(minute), action["owner"], action.get("description", ""))
        if m.get("attachment"):
            source = resources.files("clerk.data").joinpath(m["attachment"])
            with resources.as_file(source) as path:
                content.attach_to_minute(store, id_of(minute), path, name=m.get("attachment_name"))
    meetings.set_status(store, id_of(held), MeetingStatus.HELD)

    next_data = data["next"]
    nxt = meetings.create_meeting(
        store,
        id_of(committee),
        next_data["date"],
        start_time=next_data["start_time"],
        venue=next_data["venue"],
        agenda_published=next_data.get("agenda_published"),
    )
    return DemoSummary(id_of(committee), id_of(held), id_of(nxt), created=True)


def demo_date() -> dt.date:
    held: dt.date = demo_data()["held"]["date"]  # TOML reads a bare date as a date
    return held


ITEMS_2025 = (  # the 2025 seed's agenda (numbered items, no sections): (stored section, title, standard, kind)
    ("A", "Introduction", "", "standard"),
    ("A", "Notes of the meeting held on 21 November 2024", "previous_notes", "report"),
    ("B", "Kent Police and Crime Plan 2025-2029", "", "report"),
    ("B", "Kent Community Safety Agreement Review and Refresh", "", "report"),
    ("B", "Kent Community Safety Partnership Working Group Update", "", "report"),
    ("B", "Kent and Medway Road Safety Update", "", "report"),
    ("B", "Kent & Medway Serious Violence Duty Update", "", "report"),
    ("C", "Dates of Future Meetings", "next_meeting", "standard"),
    ("C", "Kent and Medway Domestic Abuse Related Death Reviews Update", "", "report"),
    ("C", "Kent and Medway PREVENT Duty Delivery Board Update", "", "report"),
)
NAME_2025 = "Kent Community Safety Partnership (2025)"


def load_numbered_demo(store: Store) -> DemoSummary:
    """The same body in 2025, numbering its items 1–10 with no sections: its 25 March 2025
    meeting with a draft agenda, to minute live (the minutes take the items' numbers)."""
    from .services import agenda, committees, meetings

    with store.read() as session:
        existing = session.exec(select(Committee).where(Committee.name == NAME_2025)).first()
        if existing is not None:
            found = {m.date: id_of(m) for m in session.exec(select(Meeting).where(Meeting.committee_id == existing.id)).all()}
            return DemoSummary(
                id_of(existing), found.get(dt.date(2024, 11, 21)) or 0, found.get(dt.date(2025, 3, 25)) or 0, False
            )
    with store.transaction():
        committee = committees.create_committee(
            store,
            NAME_2025,
            organisation="KENT COUNTY COUNCIL",
            minutes_word="NOTES",
            body_noun="Partnership",
            agenda_style="numbered",
        )
        committee_id = id_of(committee)
        held = meetings.create_meeting(store, committee_id, dt.date(2024, 11, 21), standard_items=False, venue="Online")
        nxt = meetings.create_meeting(
            store, committee_id, dt.date(2025, 3, 25), standard_items=False, start_time=dt.time(10), venue="Online"
        )
        for section, title, standard, kind in ITEMS_2025:
            agenda.add_item(store, id_of(nxt), section, title, standard=standard, kind=kind)
        return DemoSummary(committee_id, id_of(held), id_of(nxt), created=True)
