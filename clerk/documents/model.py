"""What the documents say, decided in the domain; the writers in ``exports`` only lay it out.

A public document is built without the restricted text in the first place, so no writer can
leak what it was never given.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from ..body import Numbered
from ..errors import InvalidInput

PAPER_SIZES = {"A4": (210.0, 297.0), "Letter": (215.9, 279.4)}  # width, height in mm; A4 unless a committee says


PLACEHOLDER = re.compile(r"⟨[^⟩]*⟩?")


def missing_value(where: str, texts: Iterable[str | None]) -> None:
    """A placeholder such as ⟨date⟩ or ⟨paragraph⟩ never reaches a document: say what is missing, and where."""
    for t in texts:
        found = PLACEHOLDER.search(t or "")
        if found:
            raise InvalidInput(
                f"{where} still reads {found.group(0)}: type the {found.group(0).strip('⟨⟩') or 'missing value'} "
                "in its place before exporting."
            )


@dataclass(frozen=True)
class AgendaEntry:
    code: str  # "B3" or "3"
    title: str
    pages: str  # "(Pages 9 36)", "(Verbal)", "(to follow)", ""
    sub_items: tuple[str, ...] = ()
    note: str = ""  # "The next meeting ... will be held on ..."
    restricted: bool = False
    exempt_paragraph: int | None = None


@dataclass(frozen=True)
class AgendaSection:
    letter: str  # "A"; numbered items: "" (public) or "D" (restricted)
    heading: str  # "A. Committee Business", "D - RESTRICTED ITEM(S)"; numbered items: "" or "RESTRICTED ITEM(S)"
    entries: tuple[AgendaEntry, ...]
    restricted: bool = False


@dataclass(frozen=True)
class AgendaDoc:
    organisation: str
    committee: str
    when: str  # "Wednesday, 21st March, 2018, at 10.00 am"
    venue: str
    ask_for: str
    telephone: str
    email: str
    refreshments: str
    sections: tuple[AgendaSection, ...]
    published: str  # "Tuesday, 13 March 2018" or ""
    title: str = "AGENDA"  # "SUPPLEMENTARY AGENDA"
    template: Path | None = None
    paper: str = "A4"  # PAPER_SIZES; a template's own page setup wins


@dataclass(frozen=True)
class MinuteBlock:
    number: str  # "64"
    title: str
    item_ref: str  # "(Item A3)" or ""
    paragraphs: tuple[Numbered, ...] = ()
    lines_after: tuple[str, ...] = ()  # declarations, arrivals and departures, votes
    actions: tuple[str, ...] = ()  # "Action – Jim Parris"
    exempt: str = ""  # the public version's sentence in place of a restricted minute's text
    restricted: bool = False


@dataclass(frozen=True)
class Heading:
    text: str  # "UNRESTRICTED ITEMS", "PRIVATE SESSION"
    intro: str = ""  # "The Partnership considered the following items in private session."


@dataclass(frozen=True)
class Appendix:
    title: str  # "Minute Item 70"
    name: str  # the attached file's name
    kind: str  # "text", "docx", "pdf", "other"
    lines: tuple[str, ...] = ()  # for text: Markdown-ish lines ("# ", "- ", "1. ")
    path: Path | None = None  # for docx/pdf: a working copy of the stored bytes
    sha256: str = ""  # the stored bytes (clerk.blobs)


@dataclass(frozen=True)
class NotesDoc:
    organisation: str
    committee: str
    opening: str  # "NOTES of a meeting of ... on Tuesday, 8 July 2014."
    attendance: tuple[tuple[str, str], ...]  # ("PRESENT", "Mr David Coleman (Vice-Chairman, in the Chair), ...")
    blocks: tuple[MinuteBlock | Heading, ...]
    appendices: tuple[Appendix, ...] = ()
    chair_title: str = "Chairman"
    public: bool = False
    draft: bool = True
    approved: str = ""  # "Approved as a correct record on 14 October 2014."
    content_hash: str = ""
    title: str = ""  # document property
    meeting_date: dt.date | None = None
    signed_at: dt.datetime | None = None
    template: Path | None = None
    marks: tuple[str, ...] = field(default=())  # header marks: "DRAFT", "RESTRICTED – NOT FOR PUBLICATION"
    paper: str = "A4"


@dataclass(frozen=True)
class VolumeDoc:
    committee: str
    organisation: str
    title: str  # "Notes of meetings, 1 May 2014 to 30 April 2015"
    notes: tuple[NotesDoc, ...]
    public: bool = False
    template: Path | None = None
    paper: str = "A4"
