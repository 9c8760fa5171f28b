"""From the text of a file to what importing it would store: the one check that the text reads
as notes at all, then the plan (clerk.importing.store). Reads only; writes nothing."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..errors import InvalidInput
from .notes_text import parse_notes

if TYPE_CHECKING:
    from ..storage import Store
    from .store import ImportPlan


def plan_text(store: Store, text: str, *, name: str, committee: str | None = None) -> ImportPlan:
    """The plan for the notes in ``text`` (read from the file ``name``), for the committee named
    (or the heading's); refused with one line when the text does not read as notes."""
    from ..wording_import import NOT_NOTES
    from .store import plan_import

    found = parse_notes(text)
    if found.heading is None or not found.minutes:
        raise InvalidInput(NOT_NOTES.format(name=name))
    return plan_import(store, found, committee=(committee or "").strip() or None)
