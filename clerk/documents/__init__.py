"""The documents clerk writes, as plain data: agenda, notes (full and public), bound volume.

The data classes are light; the builders, which read the record through the ORM, are imported
when first asked for, so the writers in ``exports`` (which take the data) do not load the ORM."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .model import AgendaDoc, AgendaEntry, AgendaSection, Appendix, Heading, MinuteBlock, NotesDoc, VolumeDoc

if TYPE_CHECKING:
    from .agenda import build_agenda
    from .notes import build_notes, build_volume

__all__ = [
    "AgendaDoc",
    "AgendaEntry",
    "AgendaSection",
    "Appendix",
    "Heading",
    "MinuteBlock",
    "NotesDoc",
    "VolumeDoc",
    "build_agenda",
    "build_notes",
    "build_volume",
]

_BUILDERS = {"build_agenda": "agenda", "build_notes": "notes", "build_volume": "notes"}


def __getattr__(name: str) -> Any:
    if name in _BUILDERS:
        from importlib import import_module

        value = getattr(import_module(f".{_BUILDERS[name]}", __name__), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
