"""What importing the text of a file (as clerk.importing.reading reads it, and as the clerk may
have mended it) would store: the notes in it, then the plan (clerk.importing.planning). Reads
only; writes nothing."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .reading import notes_in

if TYPE_CHECKING:
    from ..storage import Store
    from .plan import ImportPlan


def plan_text(store: Store, text: str, *, name: str, committee: str | None = None, whole_lines: bool = False) -> ImportPlan:
    """What storing the notes in ``text`` (of the file ``name``; ``whole_lines`` as
    clerk.importing.reading.notes_text says) would do, for the committee named (or the
    heading's); NotNotes when the text holds none."""
    from .planning import plan_import

    notes = notes_in(text, name=name, whole_lines=whole_lines)
    return plan_import(store, notes, committee=(committee or "").strip() or None)
