"""The dialogs that record a declaration of interest (F8 d) and a vote (F8 v). Each offers the
members present during the minute, and saves through one method of ``LiveMeeting.record``
while the dialog is still open: a refusal is shown under the fields and nothing typed is lost."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from clerk.errors import ClerkError
from clerk.services.interests import INTEREST_CHOICES, PARTICIPATION_CHOICES, STAYED
from clerk.wording import CASTING, OUTCOMES

from .dialogs import FormDialog, FormField
from .host import Live


def saving(call: Callable[[dict[str, str]], Any], kept: list[Any]) -> Callable[[dict[str, str]], str | None]:
    """A dialog check that saves: the refusal's message, or None once saved (the result kept)."""

    def check(values: dict[str, str]) -> str | None:
        try:
            kept.append(call(values))
        except ClerkError as exc:
            return str(exc)
        return None

    return check


def present_names(screen: Live, minute_id: int | None) -> list[str]:
    """The members in the room during the minute (clerk decides who they are)."""
    return [v.name for v in screen.meeting.record.voters(minute_id)]


def ask_declaration(screen: Live, members: list[str], after: Callable[[list[int]], None]) -> None:
    current = screen.view.minute(screen.minute_id) if screen.view else None
    codes = [f"{i.row.code} {i.row.title}" for i in screen.view.items if not i.row.is_sub_item] if screen.view else []
    fields = [
        FormField("member", "Member", choices=present_names(screen, screen.minute_id) or members),
        FormField("item", "Item (code)", current.item_code if current else "", choices=codes),
        FormField("interest", "Interest (Localism Act)", placeholder="not said", choices=list(INTEREST_CHOICES.values())),
        FormField("nature", "Nature of the interest"),
        FormField("then", "The member then …", placeholder=STAYED, choices=[*PARTICIPATION_CHOICES.values(), STAYED]),
        FormField("secret", "Nature restricted (exempt information)? y/n", "n", choices=["n", "y"]),
    ]
    changed: list[Any] = []

    def save(values: dict[str, str]) -> list[int]:
        screen.save_now()
        return screen.meeting.record.add_declaration(
            values["member"],
            values["nature"],
            values["item"].split(" ")[0],
            minute_id=screen.minute_id,
            nature_restricted=values.get("secret", "").strip().lower().startswith("y"),
            interest=values["interest"],
            participation=values["then"],
        )

    def done(values: dict[str, str] | None) -> None:
        if values and changed:
            after(changed[0])

    screen.ask(FormDialog("Declaration of interest", fields, validate=saving(save, changed)), done)


def ask_vote(screen: Live, minute_id: int) -> None:
    names = present_names(screen, minute_id)

    def number(text: str) -> int | None:
        if text.strip() and not text.strip().isdigit():
            raise ClerkError(f"Give the number {text.strip()} as digits, or leave it empty.")
        return int(text) if text.strip() else None

    def save(values: dict[str, str]) -> Any:
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

    def done(values: dict[str, str] | None) -> None:
        if values and saved:
            screen.load_minute(minute_id)

    saved: list[Any] = []
    fields = [
        FormField("motion", "Motion"),
        FormField("for", "For"),
        FormField("against", "Against"),
        FormField("abstain", "Abstentions"),
        FormField("named_for", "Recorded vote – for (names, commas)", choices=names),
        FormField("named_against", "Recorded vote – against", choices=names),
        FormField("named_abstaining", "Recorded vote – abstaining", choices=names),
        FormField("outcome", "Carried or lost (empty: as counted)", choices=list(OUTCOMES)),
        FormField("casting", "Chair's casting vote, when the votes are equal: for / against", choices=list(CASTING)),
    ]
    note = f"Members present: {len(names)}" if names else ""
    title = "Vote (counts, or names when a recorded vote is asked for)"
    screen.ask(FormDialog(title, fields, note=note, validate=saving(save, saved)), done)
