"""The agenda pack as plain data: the front sheet, the parts that follow it in order (the
previous meeting's notes, then each report), and the banner every page carries."""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path

from ..wording import page_label
from .actions_doc import ActionsDoc
from .model import AgendaDoc, NotesDoc

NOT_FOR_PUBLICATION = "NOT FOR PUBLICATION"
PACK_KINDS = ("public", "restricted", "supplement")


@dataclass(frozen=True)
class PackPart:
    name: str  # "notes", "B1": unique within the pack
    code: str  # the agenda item it sits under ("A3", "B1")
    title: str  # its bookmark
    section: str  # the heading its item is under: its section letter; numbered items: "" or "D"
    item_id: int
    notes: NotesDoc | None = None  # the previous meeting's notes, to be written
    actions: ActionsDoc | None = None  # the matters-arising paper, to be written
    path: Path | None = None  # a report's file
    is_pdf: bool = False


@dataclass(frozen=True)
class PackDoc:
    kind: str  # PACK_KINDS
    front: AgendaDoc  # with the page ranges stored so far
    parts: tuple[PackPart, ...]

    @property
    def banner(self) -> str:
        return NOT_FOR_PUBLICATION if self.kind == "restricted" else ""

    @property
    def headings(self) -> dict[str, str]:
        return {section.letter: section.heading for section in self.front.sections}


def with_pages(agenda: AgendaDoc, pages: dict[str, tuple[int, int]]) -> AgendaDoc:
    """The same front sheet with these items' pages (by code) shown as in the pack."""
    return replace(
        agenda,
        sections=tuple(
            replace(
                section,
                entries=tuple(
                    replace(entry, pages=page_label(*pages[entry.code])) if entry.code in pages else entry
                    for entry in section.entries
                ),
            )
            for section in agenda.sections
        ),
    )
