"""A meeting part-way through, made with the services: for snapshots and trying the screen."""

from __future__ import annotations

import datetime as dt

from clerk.demo import demo_data
from clerk.services import live, live_attendance as att, live_decisions as dec, live_lock as lock
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
    for key in ("coleman", "allen", "beaumont", "coffey", "boneknell", "brett", "davison", "hicks", "kadir", "martin",
                "king", "rabey", "smith", "stewart"):
        att.check_in(store, m, me, built.people[key], now=at)
    att.set_status(store, m, me, built.people["hill"], "apologies")
    att.add_person(store, m, me, "Ms C Gatward")
    att.add_person(store, m, me, "Mr J Parris", "Community Safety Manager")
    att.add_person(store, m, me, "Ms A Gilmour", "Kent & Medway Domestic Violence Co-ordinator")
    offer = att.take_chair(store, m, me, built.people["coleman"]).offer
    live.add_free_minute(store, m, me, offer.title, seed[0]["body"].strip(), now=at)
    for n, code in enumerate(("A3", "B1", "B2", "B3", "B4"), start=1):
        minute = live.take_item(store, m, me, built.items[code], now=at + dt.timedelta(minutes=10 * n)).minute_id
        live.save_body(store, m, me, minute, seed[n]["body"].strip())
        if code == "B1":
            dec.add_action(store, m, me, minute, "Mr J Parris", "Report the agreed criteria", dt.date(2014, 10, 14))
    att.check_in(store, m, me, built.people["cooke"], minute_id=minute, now=dt.datetime(2014, 7, 8, 10, 40))
    att.arrive_or_leave(store, m, me, built.people["brett"], arrived=False, minute_id=minute, now=dt.datetime(2014, 7, 8, 11, 30))
    dec.set_item_state(store, m, me, "withdrawn", "As the Chairman was not able to join the meeting for this item it was withdrawn.",
                       item_id=built.items["B6"], now=at)
    current = live.take_item(store, m, me, built.items["B5"], now=at + dt.timedelta(minutes=90)).minute_id
    live.save_body(store, m, me, current, "Chief Superintendent Sean Beautridge gave a presentation on the Community Safety "
                   "Stocktake.\n\nSean Nolan welcomed the statement of intent.\n- sharing best practice\n- starting small\n\n"
                   "RESOLVED that the first phase of the review be approved.")
    dec.add_vote(store, m, me, current, "That the first phase be approved", 12, 1, 1)
    if private:
        dec.go_private(store, m, me, paragraph="1", with_minute=False)
        d1 = live.take_item(store, m, me, built.items["D1"], now=at + dt.timedelta(minutes=100)).minute_id
        live.save_body(store, m, me, d1, seed[9]["body"].strip())
    lock.release(store, m, me)
    return built
