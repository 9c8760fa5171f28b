"""The documents clerk writes, as plain data: agenda, notes (full and public), bound volume."""

from .agenda import build_agenda
from .model import AgendaDoc, AgendaEntry, AgendaSection, Appendix, Heading, MinuteBlock, NotesDoc, VolumeDoc
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
