"""The agenda of 21 March 2018 (the seed's front sheet), built through the services."""

from __future__ import annotations

import datetime as dt

from clerk.services import agenda, agenda_standard, committees, meetings

ITEMS = [
    ("B", "Kent Community Safety Agreement Review", "report", ()),
    ("B", "KCSP Working Group update", "report", ()),
    (
        "B",
        "Domestic Abuse Updates",
        "verbal",
        ("Domestic Abuse and Sexual Violence Executive Group", "Integrated Domestic Abuse Services Commissioning Update"),
    ),
    ("B", "Kent and Medway Road Casualty Reduction Partnership", "report", ()),
    ("B", "Mental Health and Policing Oversight Board Update", "verbal", ()),
    ("B", "Kent Community Safety Team Update", "verbal", ()),
    ("B", "Kent and Medway Gangs Strategy", "to_follow", ()),
    ("D", "The PREVENT Duty and Home Office Dovetail Pilot", "report", ()),
    ("D", "Domestic Homicide Reviews (DHRs) update", "report", ()),
]


def build_2018(store):
    c = committees.create_committee(
        store,
        "Kent Community Safety Partnership",
        organisation="KENT COUNTY COUNCIL",
        minutes_word="NOTES",
        contact_name="Joel Cook / Anna Taylor",
        contact_phone="03000 416892",
        contact_email="joel.cook@kent.gov.uk",
        default_venue="Medway Room, Sessions House, County Hall, Maidstone",
        numbering_start=161,
    )
    meetings.create_meeting(store, c.id, "2017-10-11")
    m = meetings.create_meeting(
        store,
        c.id,
        "2018-03-21",
        start_time=dt.time(10),
        agenda_published=dt.date(2018, 3, 13),
        refreshments="Tea/Coffee will be available 15 minutes before the meeting.",
    )
    meetings.create_meeting(store, c.id, "2018-07-18", start_time=dt.time(10), venue="Darent Room, Sessions House, Maidstone")
    agenda_standard.refresh_standard_items(store, m.id)
    pages = {
        "Kent Community Safety Agreement Review": (9, 36),
        "KCSP Working Group update": (37, 40),
        "Kent and Medway Road Casualty Reduction Partnership": (41, 44),
    }
    for section, title, kind, subs in ITEMS:
        at = None
        frm, to = pages.get(title, (None, None))
        item = agenda.add_item(store, m.id, section, title, kind=kind, at=at, page_from=frm, page_to=to)
        for sub in subs:
            agenda.add_item(store, m.id, section, sub, parent_id=item.id)
    a3 = next(r for r in agenda.list_items(store, m.id) if r.code == "A3")
    agenda.update_item(store, a3.id, page_from=3, page_to=8)
    return c, m
