"""From the text of a file to what importing it would store: the one check that the text reads
as notes at all, then the plan (clerk.importing.planning). Reads only; writes nothing."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..errors import InvalidInput
from .notes_text import ImportedNotes, parse_notes

if TYPE_CHECKING:
    from ..storage import Store
    from .plan import ImportPlan


def notes_in(text: str, *, name: str) -> ImportedNotes:
    """The notes in ``text`` (read from the file ``name``); refused with one line when the text
    does not read as notes (no heading, no numbered minute)."""
    from ..wording_import import NOT_NOTES

    found = parse_notes(text)
    if found.heading is None or not found.minutes:
        raise InvalidInput(NOT_NOTES.format(name=name))
    return found


def plan_text(store: Store, text: str, *, name: str, committee: str | None = None) -> ImportPlan:
    """What storing the notes in ``text`` would do, for the committee named (or the heading's)."""
    from .planning import plan_import

    return plan_import(store, notes_in(text, name=name), committee=(committee or "").strip() or None)
