"""What a change of a committee's numbering settings would do, said before it is made."""

from __future__ import annotations

from typing import Any

from ..models import MeetingStatus
from ..storage import Store
from ..wording import long_date, plural
from .committees import NUMBERING_FIELDS, preview_update
from .meetings import list_meetings


def numbering_preview(store: Store, committee_id: int, **values: Any) -> str:
    """What a change of the numbering settings would do, for the settings screen: the minutes
    renumbered, and that signed notes keep their numbers."""
    changes = preview_update(store, committee_id, **values) if values else []
    parts = []
    if changes:
        shown = "; ".join(ch.describe() for ch in changes[:4])
        parts.append(f"This renumbers {plural(len(changes), 'minute')}: {shown}" + ("; …" if len(changes) > 4 else ""))
    if values.keys() & NUMBERING_FIELDS:
        signed = [r for r in list_meetings(store, committee_id) if r.status is MeetingStatus.SIGNED and r.minutes]
        if len(signed) == 1:
            parts.append(f"Signed notes keep their numbers: {long_date(signed[0].date)} ({signed[0].minutes}).")
        elif signed:
            parts.append(
                f"Signed notes keep their numbers: {len(signed)} meetings, the latest {long_date(signed[-1].date)} ({signed[-1].minutes})."
            )
        if signed:
            parts.append("The change applies to unsigned notes only.")
    if len(parts) > 1 and not parts[0].endswith(("…", ".")):
        parts[0] += "."
    return " ".join(parts)
