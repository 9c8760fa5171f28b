"""The committee screen's year keys: t shows the attendance record of the current municipal
year, y sets the year's meeting dates at once ("every second Tuesday in March, July, October")."""

from __future__ import annotations

from typing import Any, Protocol

from .base import ScreenParts
from .widgets.form import Field, Form, Values


class CommitteeParts(ScreenParts, Protocol):
    committee_id: int
    committee: Any

    def today(self) -> Any: ...


class CommitteeYear:
    def __init__(self, screen: CommitteeParts) -> None:
        self.screen = screen

    def _year(self) -> int:
        from clerk.numbering import municipal_year

        return municipal_year(self.screen.today(), self.screen.committee.year_start_month)

    def attendance(self) -> None:
        """The attendance record of the current municipal year ([ and ] step through the years)."""
        from .attendance_screen import AttendanceScreen

        self.screen.app.push_screen(AttendanceScreen(self.screen.committee_id, self._year()))

    def schedule(self) -> None:
        """A form for a year's dates; the dates it would set show under it as they are typed."""
        from clerk.services.common import parse_time
        from clerk.services.schedule import parse_rule, plan_year, schedule_year
        from clerk.wording import long_date

        store, committee_id = self.screen.store, self.screen.committee_id
        year = self._year() + 1

        def rule_of(values: Values) -> Any:
            return parse_rule(str(values["day"]), str(values["months"]))

        def note(values: Values) -> str:
            try:
                rule = rule_of(values)
                planned = plan_year(store, committee_id, rule, int(values["year"]))
            except Exception as exc:  # an unfinished rule, as it is typed: say why, not a traceback
                return str(exc) if type(exc).__name__ == "InvalidInput" or isinstance(exc, ValueError) else ""
            marks = {True: " (already set)", False: ""}
            return "; ".join(
                long_date(p.date) + (" (bank holiday)" if p.holiday and not p.existing else marks[p.existing]) for p in planned
            )

        def submit(values: Values) -> Any:
            from clerk.errors import InvalidInput

            if not str(values["year"]).strip().isdigit():
                raise InvalidInput("Give the municipal year by the year it starts, such as 2026 for 2026/27.")
            at = parse_time(str(values["time"])) if str(values["time"]).strip() else None
            extra = {"start_time": at} if at else {}
            return schedule_year(store, committee_id, rule_of(values), int(values["year"]), **extra)

        fields = [
            Field("year", "Municipal year", str(year), placeholder=f"{year} for {year}/{(year + 1) % 100:02d}"),
            Field("day", "Day of the month", "second Tuesday", placeholder="second Tuesday, last Wednesday"),
            Field("months", "Months", "", placeholder="March, July, October"),
            Field("time", "Start time", "10:00", placeholder="10:00"),
        ]
        form = Form(f"Set the year's meetings: {self.screen.committee.name}", fields, submit, note=note)
        self.screen.app.push_screen(form, self._set)

    def _set(self, made: Any) -> None:
        if made is not None:
            self.screen.notify(f"Set {len(made)} meeting{'s' if len(made) != 1 else ''}.", title="Meetings")
