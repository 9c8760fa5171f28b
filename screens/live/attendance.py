"""Attendance from the live screen: F3 goes to the attendance panel; typing part of a name
and Enter checks the person in, or adds a known person or the one line typed (see arrivals);
ctrl+y copies the previous meeting's attendance; on the list, single letters mark apologies,
absences, substitutes, the chair, late arrivals and early departures, or add someone. After
each mark the filter is ready for the next name and the highlight stays on the person marked."""

from __future__ import annotations

from typing import Any

from .arrivals import Arrivals
from .dialogs import ChoiceDialog, FormDialog, FormField, focus_now
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
        if event.option_id == "copy":
            self.copy_previous()
        elif event.option_id == "add":
            self.add_person(event.query)
        elif event.option_id.startswith("known-"):
            self.add_person("", int(event.option_id.split("-")[1]))
        elif event.option_id.startswith("person-"):
            self.attend("present", int(event.option_id.split("-")[1]))
        elif event.query.strip():
            self.add_person(event.query)

    def act(self, event: AttendancePanel.Act) -> None:
        event.stop()
        if event.what == "add":
            self.add_person(event.text)
        elif event.what == "copy":
            self.copy_previous()
        elif event.what in ("officer", "guest") and event.person_id is not None:
            if not self.screen.read_only:
                self._arrivals.start("", event.person_id, kind=event.what)
        elif event.person_id is not None:
            self.attend(event.what, event.person_id)
        else:
            self.screen.notify("Highlight a person first: type part of the name, or ↑/↓ in the list.", severity="warning")

    def attend(self, what: str, person_id: int) -> None:
        if self.screen.read_only:
            return
        att = self.screen.meeting.attendance
        row = self._person(person_id)
        if what == "substitute":
            others = [r.name for r in self.screen.view.attendance if r.person_id != person_id and r.role is None]
            others += [k.name for k in self.screen.view.known]
            self.screen.ask(
                FormDialog(
                    f"Substitute for {row.name}",
                    [FormField("name", "Who is substituting (pick, or type a new name: Mr A Smith)", choices=others)],
                ),
                lambda values: (
                    values
                    and values["name"]
                    and self._arrivals.start(values["name"], kind="substitute", substitute_for=person_id)
                ),
            )
            return
        calls = {
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
            self._next_name(person_id, f"✓ {row.surname if row else ''} {done}. Next name…")
        if change is not None and change.offer is not None:
            offer = change.offer
            self.screen.ask(
                ChoiceDialog(
                    f"Minute “{offer.title}”?",
                    offer.body,
                    [
                        ("enter", f"Add minute {self.screen.view.next_number}: {offer.title} (its text is editable)", "yes"),
                        ("n", "No minute", "no"),
                    ],
                ),
                lambda choice: choice == "yes" and self.minutes.add_minute({"title": offer.title}, offer.body),
            )

    def _attendance_change(self, fn: Any, *args: Any, **kwargs: Any) -> Any:
        self.screen.save_now()
        done = self.screen.attempt(fn, *args, **kwargs)
        if done:
            self.minutes.after_record_change(done.value.changed_minutes)
        return done.value

    def _next_name(self, person_id: int | None, said: str) -> None:
        """Ready for the next name: the filter empty and focused, the highlight on the person just marked."""
        panel = self.screen.query_one(AttendancePanel)
        panel.stay_on(person_id)
        panel.filter.value = ""
        panel.filter.placeholder = said
        if self.screen.app.screen is self.screen:
            focus_now(panel.filter)

    @property
    def _arrivals(self) -> Arrivals:
        return Arrivals(self.screen, self._attendance_change, self._added)

    def _added(self, change: Any, said: str) -> None:
        row = self._person(change.person_id)
        self._next_name(change.person_id, f"✓ {row.surname if row else ''}: {said}. Next name…")

    def add_person(self, text: str, person_id: int | None = None) -> None:
        """A line typed ("Ms C Gatward, Kent Police") or a known person chosen (see Arrivals)."""
        if self.screen.read_only:
            return
        if not text.strip() and person_id is None:
            self._next_name(None, "Someone new: Ms C Gatward, Kent Police")
            return
        self._arrivals.start(text, person_id)

    def copy_previous(self) -> None:
        if self.screen.read_only:
            return
        self.screen.save_now()
        done = self.screen.attempt(self.screen.meeting.attendance.copy_previous)
        if done:
            copied, change = done.value
            self.minutes.after_record_change(change.changed_minutes)
            self._next_name(None, f"✓ {copied.people} copied from {copied.date}. Correct them, or next name…")
