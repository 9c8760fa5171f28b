"""Adding someone from the attendance panel in one line (``Ms C Gatward, Kent Police``) or by
choosing a known person: only what clerk cannot guess is asked, one key each: whether a name
that looks like someone in clerk is that person (the two side by side), whether the newcomer
is a member, an officer, a guest or a substitute, an officer's role, whom a substitute
stands in for."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from clerk.live.arrivals import GUEST, MEMBER, OFFICER, SUBSTITUTE, Arrival
from clerk.wording import long_date

from ..widgets.form import Field, Form
from ..widgets.menu import Menu, side_by_side
from .host import Live

LABELS = {MEMBER: "member, present", OFFICER: "in attendance", GUEST: "also present", SUBSTITUTE: "substitute"}


class Arrivals:
    """One person added: ``start`` asks what it must, then adds; ``done`` gets the change."""

    def __init__(self, screen: Live, change: Callable[..., Any], done: Callable[[Any, str], None]) -> None:
        self.screen = screen
        self.change = change  # the attendance key handler's way of making a change (saves, refreshes)
        self.done = done  # (the change, what to say) once added

    def start(self, text: str = "", person_id: int | None = None, *, kind: str = "", substitute_for: int | None = None) -> None:
        att = self.screen.meeting.attendance
        outcome = self.screen.attempt(att.arrival, text, person_id=person_id)
        if not outcome:
            return
        arrival: Arrival = outcome.value
        if arrival.person is None and arrival.similar:
            self._same_or_new(text, arrival, kind, substitute_for)
        else:
            self._kind(
                text, arrival, person_id or (arrival.person.person_id if arrival.person else None), False, kind, substitute_for
            )

    def _same_or_new(self, text: str, arrival: Arrival, kind: str, substitute_for: int | None) -> None:
        typed = arrival.line.name
        about = arrival.line.detail
        message = "\n\n".join(side_by_side(typed, about, k.name, k.about) for k in arrival.similar)
        choices = [("n", f"No: {typed} is someone new", "new")]
        for i, k in enumerate(arrival.similar):
            choices.append(("y" if i == 0 else str(i + 1), f"Yes: the same as {k.name}", f"same-{k.person_id}"))
        others = " or ".join(k.name for k in arrival.similar)

        def answered(choice: str | None) -> None:
            if choice == "new":
                self._kind(text, arrival, None, True, kind, substitute_for)
            elif choice and choice.startswith("same-"):
                person_id = int(choice.split("-")[1])
                again = self.screen.attempt(self.screen.meeting.attendance.arrival, text, person_id=person_id)
                if again:
                    self._kind(text, again.value, person_id, False, kind, substitute_for)

        self.screen.ask(Menu(f"Same as {others}?", message, choices), answered)

    def _kind(self, text: str, arrival: Arrival, person_id: int | None, new: bool, kind: str, sub_for: int | None) -> None:
        name = arrival.line.name if arrival.person is None else arrival.person.name
        known_kind = kind or arrival.kind
        if known_kind:
            self._role(text, arrival, person_id, new, known_kind, sub_for)
            return
        view = self.screen.view
        if view is None:
            return
        detail = f" ({arrival.line.detail})" if arrival.line.detail else ""
        date = long_date(view.date)
        choices = [
            ("m", f"Member of the {view.body_noun}, present (a member from {date})", MEMBER),
            ("o", "Officer in attendance, with a role", OFFICER),
            ("g", "Guest: also present", GUEST),
            ("s", "Substitute for a member", SUBSTITUTE),
        ]

        def chosen(answer: str | None) -> None:
            if answer:
                self._role(text, arrival, person_id, new, answer, sub_for)

        self.screen.ask(Menu(f"Add {name}{detail} as", "", choices), chosen)

    def _role(self, text: str, arrival: Arrival, person_id: int | None, new: bool, kind: str, sub_for: int | None) -> None:
        members = [r for r in self.screen.view.attendance if r.role is not None] if self.screen.view else []

        def role_given(values: dict[str, str] | None) -> None:
            if values and values["role"]:
                self._add(text, person_id, new, kind, values["role"], sub_for)

        def member_given(values: dict[str, str] | None) -> None:
            if values:
                self._add(
                    text, person_id, new, kind, "", next((r.person_id for r in members if r.name == values["member"]), None)
                )

        if kind == OFFICER and not arrival.role:
            field = Field("role", "Their role, as the notes print it", placeholder="Community Safety Manager")
            self.screen.ask(Form("Their role", [field]), role_given)
        elif kind == SUBSTITUTE and sub_for is None:
            field = Field("member", "The member they stand in for", kind="pick", picks=[r.name for r in members])
            self.screen.ask(Form("Substitute for", [field]), member_given)
        else:
            self._add(text, person_id, new, kind, arrival.role, sub_for)

    def _add(self, text: str, person_id: int | None, new: bool, kind: str, role: str, sub_for: int | None) -> None:
        att = self.screen.meeting.attendance
        change = self.change(
            att.add,
            text,
            kind,
            person_id=person_id,
            new=new,
            role=role,
            substitute_for=sub_for,
            minute_id=self.screen.minute_id,
            now=self.screen.now(),
        )
        if change is not None:
            self.done(change, f"{LABELS[kind]}" + (f" ({role})" if kind == OFFICER and role else ""))
