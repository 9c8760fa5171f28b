"""The dialogs that record a declaration of interest (F8 d) and a vote (F8 v). Each offers the
members present during the minute, and saves through one method of ``LiveMeeting.record``
while the form is still open (its submit): a refusal is shown under the fields and nothing typed is lost."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from clerk.errors import ClerkError
from clerk.services.interests import INTEREST_CHOICES, PARTICIPATION_CHOICES, STAYED
from clerk.wording import CASTING, OUTCOMES

from ..widgets.form import Field, Form, Values
from .host import Live


def present_names(screen: Live, minute_id: int | None) -> list[str]:
    """The members in the room during the minute (clerk decides who they are)."""
    return [v.name for v in screen.meeting.record.voters(minute_id)]


def ask_declaration(screen: Live, members: list[str], after: Callable[[list[int]], None]) -> None:
    current = screen.view.minute(screen.minute_id) if screen.view else None
    codes = [f"{i.row.code} {i.row.title}" for i in screen.view.items if not i.row.is_sub_item] if screen.view else []
    fields = [
        Field("member", "Member", kind="pick", picks=present_names(screen, screen.minute_id) or members),
        Field("item", "Item (code)", current.item_code if current else "", kind="pick", picks=codes),
        Field("interest", "Interest (Localism Act)", placeholder="not said", kind="pick", picks=list(INTEREST_CHOICES.values())),
        Field("nature", "Nature of the interest"),
        Field("then", "The member then …", placeholder=STAYED, kind="pick", picks=[*PARTICIPATION_CHOICES.values(), STAYED]),
        Field("secret", "Nature restricted (exempt information)?", False, kind="check"),
    ]

    def save(values: Values) -> list[int]:
        screen.save_now()
        return screen.meeting.record.add_declaration(
            values["member"],
            values["nature"],
            values["item"].split(" ")[0],
            minute_id=screen.minute_id,
            nature_restricted=bool(values["secret"]),
            interest=values["interest"],
            participation=values["then"],
        )

    def done(changed: list[int] | None) -> None:
        if changed is not None:
            after(changed)

    screen.ask(Form("Declaration of interest", fields, save), done)


def ask_vote(screen: Live, minute_id: int) -> None:
    names = present_names(screen, minute_id)

    def number(text: str) -> int | None:
        if text.strip() and not text.strip().isdigit():
            raise ClerkError(f"Give the number {text.strip()} as digits, or leave it empty.")
        return int(text) if text.strip() else None

    def save(values: Values) -> Any:
        return screen.meeting.record.add_vote(
            minute_id,
            values["motion"],
            number(values["for"]),
            number(values["against"]),
            number(values["abstain"]),
            named_for=values["named_for"],
            named_against=values["named_against"],
            named_abstaining=values["named_abstaining"],
            outcome=values["outcome"],
            casting=values["casting"],
        )

    def done(vote: Any) -> None:
        if vote is not None:
            screen.load_minute(minute_id)

    fields = [
        Field("motion", "Motion"),
        Field("for", "For"),
        Field("against", "Against"),
        Field("abstain", "Abstentions"),
        Field("named_for", "Recorded vote – for (names, commas)", kind="pick", picks=names),
        Field("named_against", "Recorded vote – against", kind="pick", picks=names),
        Field("named_abstaining", "Recorded vote – abstaining", kind="pick", picks=names),
        Field("outcome", "Carried or lost (empty: as counted)", kind="pick", picks=list(OUTCOMES)),
        Field("casting", "Chair's casting vote, when the votes are equal: for / against", kind="pick", picks=list(CASTING)),
    ]
    note = f"Members present: {len(names)}" if names else ""
    title = "Vote (counts, or names when a recorded vote is asked for)"
    screen.ask(Form(title, fields, save, intro=note), done)
