"""The settings' "Add a member": the person's details, role and the day they are a member from.
A name that is someone already in clerk joins that person to the committee; a name that only
looks like someone (same surname and initials, another title) asks "Same as …?" with the two
side by side, and a no makes someone new (clerk.services.people holds the rule)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from clerk.services.committees import display_name
from clerk.services.common import parse_date
from clerk.services.people import SamePerson, join_committee, member_from
from clerk.wording import long_date

from .base import ClerkScreen
from .widgets.dialog import open_dialog
from .widgets.form import Field, Form
from .widgets.menu import Menu, side_by_side

Name = tuple[str, str, str]  # title, forenames, surname, as typed


class AddMember:
    def __init__(self, screen: ClerkScreen, committee_id: int, fields: list[Field], done: Callable[[Any], None]) -> None:
        self.screen, self.committee_id, self.fields, self.done = screen, committee_id, fields, done
        self.answers: dict[Name, dict[str, Any]] = {}  # "Same as …?" answered, for the name it was asked of
        self.form: Form | None = None

    def open(self) -> None:
        start, planned = member_from(self.screen.store, self.committee_id, self.screen.today())
        hint = (
            f"Member from {long_date(start)}: the committee's earliest meeting not yet held, so they are offered for it."
            if planned
            else "Member from today: the committee has no meeting planned."
        )
        hint += " A name already in clerk joins that person; one that only looks like someone is asked about."
        self.form = Form("Add a member", [*self.fields, Field("start", "Member from", long_date(start))], self.submit, intro=hint)
        self.screen.app.push_screen(self.form, self.done)

    def submit(self, values: dict[str, Any]) -> bool:
        values = dict(values)
        role, represents, surname = values.pop("role"), values.pop("represents"), values.pop("surname")
        text = str(values.pop("start", "")).strip()
        start = parse_date(text) if text else self.screen.today()
        name = (values.get("title", ""), values.get("forenames", ""), surname)
        try:
            join_committee(
                self.screen.store,
                self.committee_id,
                surname,
                role,
                represents=represents,
                start_date=start,
                **self.answers.get(name, {}),
                **values,
            )
        except SamePerson as exc:
            self._ask(name, exc)
            raise
        return True

    def _ask(self, name: Name, exc: SamePerson) -> None:
        typed = " ".join(p for p in name if p)
        form = self.form
        about = form.values().get("organisation", "") if form else ""
        people = exc.people
        message = "\n\n".join(
            side_by_side(
                typed, about, display_name(p), ", ".join(b for b in (p.job_title, p.organisation) if b) or "no role on record"
            )
            for p in people
        )
        choices = [("n", f"No: {typed} is someone new", "new")]
        choices += [
            ("y" if i == 0 else str(i + 1), f"Yes: the same as {display_name(p)}", f"same-{p.id}") for i, p in enumerate(people)
        ]

        def answered(choice: str | None) -> None:
            if choice is None or form is None:
                return  # back at the form, nothing lost
            self.answers[name] = {"new": True} if choice == "new" else {"person_id": int(choice.removeprefix("same-"))}
            form.action_save()

        others = " or ".join(display_name(p) for p in people)
        open_dialog(self.screen.app, Menu(f"Same as {others}?", message, choices), answered)
