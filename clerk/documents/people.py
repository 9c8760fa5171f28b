"""The attendance lines of the notes: PRESENT, ALSO PRESENT, IN ATTENDANCE, APOLOGIES."""

from __future__ import annotations

from ..models import AttendanceStatus, Committee, Role
from ..services.attendance import AttendanceRow
from ..wording import join_and


def _present_label(row: AttendanceRow, committee: Committee) -> str:
    marks: list[str] = []
    if row.role is Role.CHAIR:
        marks.append(committee.chair_title)
    elif row.role is Role.VICE_CHAIR:
        marks.append(committee.vice_chair_title)
    if row.in_chair:
        marks.append("in the Chair")
    if row.status is AttendanceStatus.SUBSTITUTE and row.substitute_for:
        marks.append(f"substitute for {row.substitute_for}")
    return f"{row.name} ({', '.join(marks)})" if marks else row.name


def attendance_lines(rows: list[AttendanceRow], committee: Committee, *, apologies_minuted: bool) -> list[tuple[str, str]]:
    """The person in the chair first, then the chair and vice-chair, then everyone else by
    surname, as the notes list them; officers with their roles."""
    present = [
        r
        for r in rows
        if r.status in (AttendanceStatus.PRESENT, AttendanceStatus.SUBSTITUTE)
        and (r.role is not None or r.status is AttendanceStatus.SUBSTITUTE)
    ]
    rank: dict[Role | None, int] = {Role.CHAIR: 1, Role.VICE_CHAIR: 2}
    present.sort(key=lambda r: (0 if r.in_chair else rank.get(r.role, 3), r.surname.lower(), r.name.lower()))
    also = [
        r for r in rows if r.status is AttendanceStatus.ALSO_PRESENT or (r.status is AttendanceStatus.PRESENT and r.role is None)
    ]
    officers = [r for r in rows if r.status is AttendanceStatus.IN_ATTENDANCE]
    apologies = [r for r in rows if r.status is AttendanceStatus.APOLOGIES]
    lines: list[tuple[str, str]] = []
    if present:
        lines.append(("PRESENT", join_and([_present_label(r, committee) for r in present])))
    if also:
        lines.append(("ALSO PRESENT", join_and([r.name for r in sorted(also, key=lambda r: r.position)])))
    if officers:
        lines.append(
            (
                "IN ATTENDANCE",
                join_and([f"{r.name} ({r.job})" if r.job else r.name for r in sorted(officers, key=lambda r: r.position)]),
            )
        )
    if apologies and not apologies_minuted:
        lines.append(("APOLOGIES", join_and([r.name for r in apologies])))
    return lines
