"""What importing notes would do, before anything is stored: the committee, the meeting, each
person and how they were matched, and why storing would be refused. Plain frozen data, shown by
``clerk import notes --dry-run`` and the app's preview (clerk.wording_import.preview_lines)."""

from __future__ import annotations

from dataclasses import dataclass

from .notes_people import ImportedPerson
from .notes_text import ImportedNotes

LISTS = ("present", "also_present", "in_attendance", "apologies")  # PersonMatch.listed, in the notes' order


@dataclass(frozen=True)
class PersonMatch:
    imported: ImportedPerson
    listed: str  # "present" | "also_present" | "in_attendance" | "apologies"
    person_id: int | None  # the existing person it matched; None = will be added
    how: str  # one line for the clerk: "matches Mr P M Hill (member)", "new person", ...


@dataclass(frozen=True)
class ImportPlan:
    notes: ImportedNotes
    committee_name: str
    committee_id: int | None  # None = the committee will be created
    meeting_id: int | None  # the meeting already holding these minutes: storing changes nothing
    people: tuple[PersonMatch, ...]
    problems: tuple[str, ...]  # why storing would be refused (clashing minute numbers, no date...)


@dataclass(frozen=True)
class ImportResult:
    meeting_id: int
    stored: bool  # False when the same notes were already there (nothing changed)
    people_added: int
    minutes: int
