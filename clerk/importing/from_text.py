"""From a file to what importing it would store: its text (.txt or .docx), the one check that
the text reads as notes at all, then the plan (clerk.importing.planning). Reads only; writes
nothing."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import InvalidInput
from .notes_text import ImportedNotes, parse_notes

if TYPE_CHECKING:
    from ..storage import Store
    from .plan import ImportPlan


def read_text(path: Path) -> str:
    """The plain text of a .txt or .docx file, one paragraph a line."""
    from ..wording_import import UNREADABLE

    try:
        if path.suffix.lower() == ".docx":
            import docx

            return "\n".join(p.text for p in docx.Document(str(path)).paragraphs)
        return path.read_text(encoding="utf-8-sig", errors="replace")
    except Exception as exc:  # a broken or foreign file: one line for the clerk
        raise InvalidInput(UNREADABLE.format(name=path.name)) from exc


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
