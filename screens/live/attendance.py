"""Attendance from the live screen: F3 goes to the attendance panel; typing part of a name
and Enter checks the person in; on the list, single letters mark apologies, absences,
substitutes, the chair, late arrivals and early departures, or add someone."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from ..widgets.form import Field, Form
from ..widgets.keys import focus_now
from ..widgets.menu import Menu
from .host import Live
from .minutes import MinuteKeys
from .panels import AttendancePanel


class AttendanceKeys:
    def __init__(self, screen: Live, minutes: MinuteKeys) -> None:
        self.screen = screen
        self.minutes = minutes

    def attendance(self) -> None:
        self.screen.show_panel("attendance")
        focus_now(self.screen.query_one(AttendancePanel).filter)

    def _person(self, person_id: int | None) -> Any:
        rows = self.screen.view.attendance if self.screen.view else ()
        return next((r for r in rows if r.person_id == person_id), None)

    def person_chosen(self, event: AttendancePanel.Chosen) -> None:
        if event.option_id == "add":
            self.add_person_dialog(event.query)
        elif event.option_id.startswith("person-"):
            self.attend("present", int(event.option_id.split("-")[1]))
        elif event.query.strip():
            self.add_person_dialog(event.query)

    def act(self, event: AttendancePanel.Act) -> None:
        event.stop()
        if event.what == "add":
            self.add_person_dialog(event.text)
        elif event.person_id is not None:
            self.attend(event.what, event.person_id)
        else:
            self.screen.notify("Highlight a person first: type part of the name, or ↑/↓ in the list.", severity="warning")

    def attend(self, what: str, person_id: int) -> None:
        if self.screen.read_only:
            return
        att = self.screen.meeting.attendance
        row = self._person(person_id)
        view = self.screen.view
        if view is None:
            return
        if what == "substitute":
            others = [r.name for r in view.attendance if r.person_id != person_id and r.role is None]
            self.screen.ask(
                Form(
                    f"Substitute for {row.name}",
                    [Field("name", "Who is substituting (pick, or type a new name: Mr A Smith)", kind="pick", picks=others)],
                ),
                lambda values: values and values["name"] and self._attendance_change(att.substitute, person_id, values["name"]),
            )
            return
        calls: dict[str, tuple[Callable[..., Any], dict[str, Any]]] = {
            "present": (att.present, {"minute_id": self.screen.minute_id, "now": self.screen.now()}),
            "apologies": (att.mark, {"status": "apologies"}),
            "absent": (att.mark, {"status": "absent"}),
            "unmark": (att.mark, {"status": None}),
            "chair": (att.chair, {}),
            "arrived": (att.arrived, {"minute_id": self.screen.minute_id, "now": self.screen.now()}),
            "left": (att.left, {"minute_id": self.screen.minute_id, "now": self.screen.now()}),
        }
        fn, kwargs = calls[what]
        change = self._attendance_change(fn, person_id, **kwargs)
        if change is not None:
            done = {
                "present": "present",
                "apologies": "apologies",
                "absent": "absent",
                "unmark": "unmarked",
                "chair": "in the chair",
                "arrived": "arrived",
                "left": "left",
            }[what]
            panel = self.screen.query_one(AttendancePanel)
            panel.filter.value = ""
            panel.filter.placeholder = f"✓ {row.surname if row else ''} {done}. Next name…"
        if change is not None and change.offer is not None:
            offer = change.offer
            self.screen.ask(
                Menu(
                    f"Minute “{offer.title}”?",
                    offer.body,
                    [
                        ("enter", f"Add minute {view.next_number}: {offer.title} (its text is editable)", "yes"),
                        ("n", "No minute", "no"),
                    ],
                ),
                lambda choice: self.minutes.add_minute({"title": offer.title}, offer.body) if choice == "yes" else None,
            )

    def _attendance_change(self, fn: Any, *args: Any, **kwargs: Any) -> Any:
        self.screen.save_now()
        done = self.screen.attempt(fn, *args, **kwargs)
        if done:
            self.minutes.after_record_change(done.value.changed_minutes)
        return done.value

    def add_person_dialog(self, name: str) -> None:
        if self.screen.read_only:
            return
        fields = [
            Field("name", "Name, with title (Ms A Gilmour)", name.strip()),
            Field("role", "Role, if in attendance as an officer (empty: also present)"),
        ]

        def done(values: dict[str, str] | None) -> None:
            if (
                values
                and values["name"]
                and self._attendance_change(self.screen.meeting.attendance.add_attendee, values["name"], values["role"])
                is not None
            ):
                panel = self.screen.query_one(AttendancePanel)
                panel.filter.value = ""
                panel.filter.placeholder = f"✓ {values['name']} added. Next name…"

        self.screen.ask(Form("Add a person", fields), done)
