"""The memberships imported notes make: each spans the meetings whose notes name the person as
a member (present, substituting or sending apologies), from the first to the last; a person
named at the committee's latest meeting with minutes is a member still. Whatever order the notes
are imported in, the memberships come out the same, and an older meeting's members do not
appear, unmarked, at a newer meeting that does not name them.

Only memberships an import made are spanned so: those that start on the day of an imported
meeting naming the person (a membership set up by hand starts on another day, or on none, and
is never changed here)."""

from __future__ import annotations

import datetime as dt

from sqlmodel import Session, col, select

from ..kinds import AttendanceStatus, Role
from ..models import Attendance, Meeting, Membership, Minute

NAMED = (AttendanceStatus.PRESENT.value, AttendanceStatus.SUBSTITUTE.value, AttendanceStatus.APOLOGIES.value)


def settle(session: Session, committee_id: int, day: dt.date, roles: dict[int, Role]) -> None:
    """Span the committee's import-made memberships over the meetings naming their people; those
    named at the meeting of ``day`` (just imported) take the role its notes give (``roles``)
    when it is the latest meeting naming them."""
    held = session.exec(
        select(col(Meeting.id), col(Meeting.date), col(Meeting.numbered_from))
        .where(Meeting.committee_id == committee_id)
        .where(col(Meeting.id).in_(select(Minute.meeting_id).where(Minute.committee_id == committee_id)))
    ).all()
    if not held:
        return
    dates = {mid: date for mid, date, _first in held}
    imported = {date for _mid, date, first in held if first is not None}
    latest = max(dates.values())
    named: dict[int, list[dt.date]] = {}
    for person_id, meeting_id in session.exec(
        select(col(Attendance.person_id), col(Attendance.meeting_id)).where(
            col(Attendance.meeting_id).in_(list(dates)), col(Attendance.status).in_(NAMED)
        )
    ).all():
        named.setdefault(person_id, []).append(dates[meeting_id])
    rows = session.exec(select(Membership).where(Membership.committee_id == committee_id)).all()
    count: dict[int, int] = {}
    for row in rows:
        count[row.person_id] = count.get(row.person_id, 0) + 1
    for row in rows:
        days = sorted(named.get(row.person_id, []))
        if count[row.person_id] > 1 or not days or row.start_date not in imported or row.start_date not in days:
            continue
        row.start_date, row.end_date = days[0], (None if days[-1] == latest else days[-1])
        if days[-1] == day and row.person_id in roles:
            row.role = roles[row.person_id]
        session.add(row)
    session.flush()
