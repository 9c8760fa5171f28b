"""Attendance from the live screen: F3 goes to the attendance panel; typing part of a name
and Enter checks the person in; on the list, single letters mark apologies, absences,
substitutes, the chair, late arrivals and early departures, or add someone."""

from __future__ import annotations

from typing import Any

from .dialogs import ChoiceDialog, FormDialog, FormField, focus_now
from .panels import AttendancePanel


class AttendanceActions:
    def action_attendance(self: Any) -> None:
        self.show_panel("attendance")
        focus_now(self.query_one(AttendancePanel).filter)

    def _person(self: Any, person_id: int | None) -> Any:
        rows = self.view.attendance if self.view else ()
        return next((r for r in rows if r.person_id == person_id), None)

    def person_chosen(self: Any, event: AttendancePanel.Chosen) -> None:
        if event.option_id == "add":
            self.add_person_dialog(event.query)
        elif event.option_id.startswith("person-"):
            self.attend("present", int(event.option_id.split("-")[1]))
        elif event.query.strip():
            self.add_person_dialog(event.query)

    def on_attendance_panel_act(self: Any, event: AttendancePanel.Act) -> None:
        event.stop()
        if event.what == "add":
            self.add_person_dialog(event.text)
        elif event.person_id is not None:
            self.attend(event.what, event.person_id)
        else:
            self.notify("Highlight a person first: type part of the name, or ↑/↓ in the list.",
                        severity="warning")

    def attend(self: Any, what: str, person_id: int) -> None:
        if self.read_only:
            return
        att = self.meeting.attendance
        row = self._person(person_id)
        if what == "substitute":
            others = [r.name for r in self.view.attendance if r.person_id != person_id and r.role is None]
            self.ask(FormDialog(f"Substitute for {row.name}", [
                FormField("name", "Who is substituting (pick, or type a new name: Mr A Smith)", choices=others)]),
                lambda values: values and values["name"] and self._attendance_change(att.substitute, person_id, values["name"]))
            return
        calls = {
            "present": (att.present, {"minute_id": self.minute_id, "now": self.now()}),
            "apologies": (att.mark, {"status": "apologies"}),
            "absent": (att.mark, {"status": "absent"}),
            "unmark": (att.mark, {"status": None}),
            "chair": (att.chair, {}),
            "arrived": (att.arrived, {"minute_id": self.minute_id, "now": self.now()}),
            "left": (att.left, {"minute_id": self.minute_id, "now": self.now()}),
        }
        fn, kwargs = calls[what]
        change = self._attendance_change(fn, person_id, **kwargs)
        if change is not None:
            done = {"present": "present", "apologies": "apologies", "absent": "absent", "unmark": "unmarked",
                    "chair": "in the chair", "arrived": "arrived", "left": "left"}[what]
            panel = self.query_one(AttendancePanel)
            panel.filter.value = ""
            panel.filter.placeholder = f"✓ {row.surname if row else ''} {done}. Next name…"
        if change is not None and change.offer is not None:
            offer = change.offer
            self.ask(ChoiceDialog(f"Minute “{offer.title}”?", offer.body, [
                ("enter", f"Add minute {self.view.next_number}: {offer.title} (its text is editable)", "yes"),
                ("n", "No minute", "no")]),
                lambda choice: choice == "yes" and self._new_minute({"title": offer.title}, offer.body))

    def _attendance_change(self: Any, fn: Any, *args: Any, **kwargs: Any) -> Any:
        self.save_now()
        done = self.attempt(fn, *args, **kwargs)
        if done:
            self.after_record_change(done.value.changed_minutes)
        return done.value

    def add_person_dialog(self: Any, name: str) -> None:
        if self.read_only:
            return
        fields = [FormField("name", "Name, with title (Ms A Gilmour)", name.strip()),
                  FormField("role", "Role, if in attendance as an officer (empty: also present)")]

        def done(values: dict[str, str] | None) -> None:
            if values and values["name"]:
                if self._attendance_change(self.meeting.attendance.add_attendee, values["name"], values["role"]) is not None:
                    panel = self.query_one(AttendancePanel)
                    panel.filter.value = ""
                    panel.filter.placeholder = f"✓ {values['name']} added. Next name…"

        self.ask(FormDialog("Add a person", fields), done)
