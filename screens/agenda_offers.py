"""The agenda builder's offers: items planned for the meeting and not on its agenda yet, and the
items the meeting before deferred or withdrew, each with its history. One is added to the
agenda, or declined so it is not offered again."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .agenda_host import Agenda
from .widgets.menu import Menu

if TYPE_CHECKING:
    from clerk.services.plan_offers import Offer

SOURCES = {"plan": "planned", "deferred": "deferred", "withdrawn": "withdrawn"}


def offer_about(offer: Offer) -> str:
    """Its history, or "planned, Tim Woodhouse"."""
    return offer.note.rstrip(".") or ", ".join(p for p in (SOURCES[offer.source], offer.presenter) if p)


def offer_label(offer: Offer) -> str:
    """Prevent update (planned, Tim Woodhouse) / MARAC Event (Deferred from 8 July 2014, minute 68)"""
    return f"{offer.title} ({offer_about(offer)})"


class AgendaOffers:
    def __init__(self, screen: Agenda) -> None:
        self.screen = screen

    def show(self) -> None:
        from clerk.services.plan_offers import offers

        found = self.screen.attempt(offers, self.screen.store, self.screen.meeting_id)
        if not found:
            return
        offered: list[Offer] = found.value[:9]
        if not offered:
            self.screen.notify("Nothing is offered: no planned item is waiting and the last meeting deferred nothing.")
            return
        by_key = {o.key: o for o in offered}
        choices = [(str(n), offer_label(o), o.key) for n, o in enumerate(offered, start=1)]

        def chosen(key: str | None) -> None:
            if key is not None:
                self.decide(by_key[key])

        self.screen.app.push_screen(
            Menu("Offered for this meeting", "Planned for it, or deferred or withdrawn at the last meeting.", choices),
            chosen,
        )

    def decide(self, offer: Offer) -> None:
        from clerk.services.plan_offers import decline_offer, take_offer

        def chosen(answer: str | None) -> None:
            store, meeting_id = self.screen.store, self.screen.meeting_id
            if answer == "add":
                added = self.screen.attempt(take_offer, store, meeting_id, offer.key)
                if added:
                    self.screen.notify(f"Added “{offer.title}” to the agenda.")
                    self.screen.changed(added.value.id)
            elif answer == "decline" and self.screen.attempt(decline_offer, store, meeting_id, offer.key):
                self.screen.notify(f"“{offer.title}” is not offered again.")
                self.screen.reload()

        choices = [("a", "Add it to the agenda", "add"), ("d", "Do not offer it again", "decline")]
        self.screen.app.push_screen(Menu(offer.title, offer_about(offer) + ".", choices), chosen)
