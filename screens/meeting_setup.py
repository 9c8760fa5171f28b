"""Meeting setup: date, start time, venue, "Ask for" (the meeting's contact officer, telephone and
email, from the committee's for a new meeting), when the agenda is published (warned when it
leaves fewer than five clear working days), and the tea/coffee line. New meetings get the
standard items on their agenda."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from clerk.wording import long_date

from .widgets.form import Field, Form, Values

if TYPE_CHECKING:
    from clerk.models import Meeting
    from clerk.storage import Store

REFRESHMENTS = "Tea/Coffee will be available 15 minutes before the meeting."


def _parse(values: dict[str, Any]) -> dict[str, Any]:
    from clerk.services.common import clean_text, parse_date, parse_optional_date, parse_time

    return {
        "date": parse_date(values["date"] or ""),
        "start_time": parse_time(values["time"]),
        "venue": clean_text(values["venue"]).strip(),
        **{key: clean_text(values[key]).strip() for key in ("contact", "contact_phone", "contact_email")},
        "agenda_published": parse_optional_date(values["published"]),
        "refreshments": REFRESHMENTS if values["refreshments"] else "",
    }


def meeting_form(store: Store, committee_id: int, meeting: Meeting | None = None) -> Form:
    """A form for a new meeting (``meeting`` None) or for changing one; it returns the meeting id."""
    from clerk.services.committees import find_committee
    from clerk.services.meetings import contact_defaults

    committee = find_committee(store, committee_id)
    contact = {key: getattr(meeting, key) for key in ("contact", "contact_phone", "contact_email")} if meeting else None
    contact = contact or contact_defaults(committee)
    fields = [
        Field("date", "Date", long_date(meeting.date) if meeting else "", placeholder="21 March 2018 or 2018-03-21"),
        Field(
            "time",
            "Start time",
            meeting.start_time.strftime("%H:%M") if meeting and meeting.start_time else "10:00",
            placeholder="10:00 or 2.00pm",
        ),
        Field("venue", "Venue", meeting.venue if meeting else committee.default_venue),
        Field("contact", "Ask for", contact["contact"]),
        Field("contact_phone", "Telephone", contact["contact_phone"]),
        Field("contact_email", "Email", contact["contact_email"]),
        Field(
            "published",
            "Agenda published",
            long_date(meeting.agenda_published) if meeting and meeting.agenda_published else "",
            placeholder="the day the agenda goes out",
        ),
        Field("refreshments", "Tea/coffee line", bool(meeting.refreshments) if meeting else False, kind="check"),
    ]

    def note(values: dict[str, Any]) -> str:
        from clerk.calendar import publication_warning
        from clerk.services.meetings import date_warnings

        if not str(values.get("date") or "").strip():
            return ""  # nothing typed yet: nothing to warn about
        parsed = _parse(values)
        notes = date_warnings(store, committee_id, parsed["date"], meeting.id if meeting else None)
        warning = publication_warning(parsed["agenda_published"], parsed["date"], committee.holidays)
        return "\n".join(["⚠ " + n for n in [*notes, warning] if n])

    def submit(values: Values) -> int | None:
        from clerk.services import meetings

        parsed = _parse(values)
        if meeting is None:
            return meetings.create_meeting(store, committee_id, **parsed).id
        date = parsed.pop("date")
        assert meeting.id is not None  # a stored meeting has its id
        meetings.update_meeting(store, meeting.id, date=date if date != meeting.date else None, **parsed)
        return meeting.id

    title = f"{'New meeting' if meeting is None else 'Meeting details'}: {committee.name}"
    return Form(title, fields, submit, note=note)
