"""A meeting part-way through, made with the services: for snapshots and trying the screen."""

from __future__ import annotations

import datetime as dt

from clerk.demo import demo_data
from clerk.live import lock
from clerk.live.meeting import LiveMeeting
from clerk.storage import Store

from .live_helpers import Built, build_demo_agenda

CLOCK = dt.datetime(2014, 7, 8, 11, 42, 5)


def part_way(store: Store, *, private: bool = False) -> Built:
    """8 July 2014 at 11.42: attendance taken, 64–69 minuted, B6 withdrawn; with ``private``
    the meeting has gone into private session and D1 is being minuted."""
    built = build_demo_agenda(store)
    seed = demo_data()["held"]["minutes"]
    me = lock.Holder.here()
    lock.acquire(store, built.held_id, me)
    m = built.held_id
    at = dt.datetime(2014, 7, 8, 10, 0)
    for key in (
        "coleman",
        "allen",
        "beaumont",
        "coffey",
        "boneknell",
        "brett",
        "davison",
        "hicks",
        "kadir",
        "martin",
        "king",
        "rabey",
        "smith",
        "stewart",
    ):
        LiveMeeting(store, m, me).attendance.present(built.people[key], now=at)
    LiveMeeting(store, m, me).attendance.mark(built.people["hill"], "apologies")
    LiveMeeting(store, m, me).attendance.add_attendee("Ms C Gatward")
    LiveMeeting(store, m, me).attendance.add_attendee("Mr J Parris", "Community Safety Manager")
    LiveMeeting(store, m, me).attendance.add_attendee("Ms A Gilmour", "Kent & Medway Domestic Violence Co-ordinator")
    offer = LiveMeeting(store, m, me).attendance.chair(built.people["coleman"]).offer
    LiveMeeting(store, m, me).add_minute(offer.title, seed[0]["body"].strip(), now=at)
    for n, code in enumerate(("A3", "B1", "B2", "B3", "B4"), start=1):
        minute = LiveMeeting(store, m, me).take_item(built.items[code], now=at + dt.timedelta(minutes=10 * n)).minute_id
        LiveMeeting(store, m, me).save_text(minute, seed[n]["body"].strip())
        if code == "B1":
            LiveMeeting(store, m, me).record.add_action(
                minute, "Mr J Parris", "Report the agreed criteria", dt.date(2014, 10, 14)
            )
    LiveMeeting(store, m, me).attendance.present(built.people["cooke"], minute_id=minute, now=dt.datetime(2014, 7, 8, 10, 40))
    LiveMeeting(store, m, me).attendance.left(built.people["brett"], minute_id=minute, now=dt.datetime(2014, 7, 8, 11, 30))
    LiveMeeting(store, m, me).set_item_state(
        "withdrawn",
        "As the Chairman was not able to join the meeting for this item it was withdrawn.",
        item_id=built.items["B6"],
        now=at,
    )
    current = LiveMeeting(store, m, me).take_item(built.items["B5"], now=at + dt.timedelta(minutes=90)).minute_id
    LiveMeeting(store, m, me).save_text(
        current,
        "Chief Superintendent Sean Beautridge gave a presentation on the Community Safety "
        "Stocktake.\n\nSean Nolan welcomed the statement of intent.\n- sharing best practice\n- starting small\n\n"
        "RESOLVED that the first phase of the review be approved.",
    )
    LiveMeeting(store, m, me).record.add_vote(current, "That the first phase be approved", 12, 1, 1)
    if private:
        LiveMeeting(store, m, me).go_private(paragraph="1", with_minute=False)
        d1 = LiveMeeting(store, m, me).take_item(built.items["D1"], now=at + dt.timedelta(minutes=100)).minute_id
        LiveMeeting(store, m, me).save_text(d1, seed[9]["body"].strip())
    lock.release(store, m, me)
    return built
