"""The demo's 8 July 2014 meeting rebuilt without its minutes or attendance: the committee,
its people and members, the agenda as published, and the next meeting (14 October 2014)."""

from __future__ import annotations

from dataclasses import dataclass

from sqlmodel import select

from clerk.demo import demo_data
from clerk.models import Minute, Paragraph
from clerk.services import agenda, agenda_standard, committees, meetings
from clerk.storage import Store


@dataclass(frozen=True)
class Built:
    committee_id: int
    held_id: int
    next_id: int
    people: dict[str, int]
    items: dict[str, int]


def build_demo_agenda(store: Store) -> Built:
    data = demo_data()
    values = dict(data["committee"])
    committee = committees.create_committee(store, values.pop("name"), **values)
    people: dict[str, int] = {}
    for p in data["people"]:
        fields = {k: p.get(k, "") for k in ("title", "forenames", "honours", "organisation", "job_title")}
        people[p["key"]] = committees.add_person(store, p["surname"], **fields).id
        if p.get("role"):
            committees.add_member(store, committee.id, people[p["key"]], p["role"], represents=p.get("organisation", ""))
    # The next meeting first: creating it after would refresh 8 July's A3 title from the
    # meetings in clerk, which do not include 18 March 2014.
    nxt = data["next"]
    later = meetings.create_meeting(store, committee.id, nxt["date"], start_time=nxt["start_time"], venue=nxt["venue"])
    held = data["held"]
    meeting = meetings.create_meeting(
        store, committee.id, held["date"], standard_items=False, start_time=held["start_time"], venue=held["venue"]
    )
    items = {}
    for item in held["agenda"]:
        values = {k: item[k] for k in ("presenter", "kind", "standard", "exempt_paragraph", "note") if k in item}
        items[item["key"]] = agenda.add_item(store, meeting.id, item["section"], item["title"], **values).id
    meetings.set_status(store, meeting.id, "published")
    agenda_standard.refresh_standard_items(store, later.id)
    return Built(committee.id, meeting.id, later.id, people, items)


def stored_minutes(store: Store, meeting_id: int) -> list[tuple[int, str, str, bool, str]]:
    """(number, title, state, restricted, body) in the order taken."""
    out = []
    with store.read() as s:
        for m in s.exec(select(Minute).where(Minute.meeting_id == meeting_id).order_by(Minute.seq)).all():
            paras = s.exec(select(Paragraph).where(Paragraph.minute_id == m.id).order_by(Paragraph.position)).all()
            out.append((m.number, m.title, str(m.state), m.restricted, "\n\n".join(p.text for p in paras)))
    return out
