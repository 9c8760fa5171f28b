"""The public record as a website, as plain data: what ``clerk.documents.site`` reads from the
record (public versions only) and ``exports.site`` lays out as pages, documents and feeds."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from .calendar import CalendarFeed
from .model import AgendaDoc, NotesDoc
from .pack import PackDoc
from .table import TableDoc


@dataclass(frozen=True)
class SiteFile:
    """A document offered beside a meeting's page: written from ``doc`` (an agenda or the public
    notes) or copied from ``path`` (an attached report); ``digest`` changes when its content does."""

    name: str  # its file name in the meeting's folder: "agenda.docx", "b1-community-safety-agreement.pdf"
    label: str  # the link's text: "Agenda (Word document)"
    digest: str
    code: str = ""  # the agenda item it belongs to ("B1"); "" for the meeting's own papers
    doc: AgendaDoc | NotesDoc | None = None
    path: Path | None = None
    pack: PackDoc | None = None  # the public agenda pack, assembled as a PDF


@dataclass(frozen=True)
class SiteMeeting:
    meeting_id: int
    slug: str  # "2014-07-08": its folder under the committee's
    date: dt.date
    title: str  # "Kent Community Safety Partnership, Tuesday, 8 July 2014"
    date_label: str  # "Tuesday, 8 July 2014"
    time_label: str  # "2.00pm"
    venue: str
    contact: str
    contact_phone: str
    contact_email: str
    cancelled: bool
    states: tuple[str, ...]  # "Agenda published on …", "Approved as a correct record on …"
    agenda: AgendaDoc | None  # the public agenda
    agenda_published: dt.date | None  # None while the agenda shown is a draft
    notes: NotesDoc | None  # the public notes
    minutes_of_item: dict[str, tuple[str, ...]]  # item code -> the numbers of its minutes
    attendance: tuple[tuple[str, str], ...]  # ("PRESENT", "…"), ("APOLOGIES", "…")
    files: tuple[SiteFile, ...]
    previous_item: str = ""  # the code of the item that approves the previous meeting's notes ("A3")
    links: dict[str, tuple[str, str]] = field(default_factory=dict)  # item code -> (href, text): that meeting's page


@dataclass(frozen=True)
class Decision:
    meeting_slug: str
    date_label: str
    number: str  # "66"
    title: str
    resolutions: tuple[str, ...]  # the RESOLVED paragraphs and their points, as printed


@dataclass(frozen=True)
class Member:
    name: str
    role: str  # "Chairman", "Member"
    represents: str


@dataclass(frozen=True)
class FeedEntry:
    key: str  # "kcsp/2014-07-08/agenda": stable, the root of the entry's id
    title: str
    path: str  # "kcsp/2014-07-08/" : the page it links to
    published: dt.date
    digest: str  # changes when the document does: the entry's updated date moves then


@dataclass(frozen=True)
class SiteLook:
    """The council's own look: its stylesheet (an address, linked after clerk's) and the HTML of
    its header and footer, set by the clerk (``clerk committee --site-stylesheet``)."""

    stylesheet: str = ""
    header: str = ""
    footer: str = ""


@dataclass(frozen=True)
class SiteCommittee:
    slug: str  # "kcsp"
    name: str
    organisation: str
    minutes_word: str  # "Notes", "Minutes"
    members: tuple[Member, ...]
    meetings: tuple[SiteMeeting, ...]  # in date order
    attendance: tuple[tuple[str, TableDoc], ...]  # ("2014/15", its table), newest first
    decisions: tuple[Decision, ...]  # newest meeting first
    calendar: CalendarFeed
    entries: tuple[FeedEntry, ...]
    look: SiteLook = SiteLook()


@dataclass(frozen=True)
class SiteDoc:
    title: str
    instance: str  # the database's own identity: feed ids from two databases never collide
    today: dt.date
    committees: tuple[SiteCommittee, ...]
    calendar: CalendarFeed  # every committee's meetings
    problems: tuple[str, ...] = ()  # what was left out, and why (a restricted minute with no paragraph)
    look: SiteLook = SiteLook()  # the pages of the whole site (its index, search): the first committee's that sets one
