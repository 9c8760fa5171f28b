"""The record: plain SQLModel tables for committees, people, meetings, agendas and minutes.

The rules (numbering, freezing signed notes, validation) live in the services,
not here; these classes only say what is stored."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Column, Index, LargeBinary, Text, UniqueConstraint
from sqlmodel import Field, SQLModel

from .kinds import (  # re-exported: the record's choices are importable with its tables
    SECTION_LETTERS,
    ActionStatus,
    AgendaStyle,
    AttendanceStatus,
    ItemKind,
    MeetingStatus,
    MinuteState,
    NumberingScheme,
    ParagraphKind,
    Role,
)
from .models_plan import PlannedItem, PlanStatus
from .wording_meetings import EXCLUSION_RESOLUTION

__all__ = [
    "SECTION_LETTERS",
    "ActionStatus",
    "AgendaStyle",
    "AttendanceStatus",
    "ItemKind",
    "MeetingStatus",
    "MinuteState",
    "NumberingScheme",
    "ParagraphKind",
    "PlanStatus",
    "PlannedItem",
    "Role",
]


class Committee(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    name: str = Field(index=True, unique=True)
    organisation: str = ""  # heading, e.g. KENT COUNTY COUNCIL
    minutes_word: str = "MINUTES"  # NOTES or MINUTES
    body_noun: str = "Committee"  # "The Partnership considered ..."
    section_a: str = "Committee Business"
    section_b: str = "Matters for Discussion"
    section_c: str = "Matters for Information"
    section_d: str = "Restricted"
    agenda_style: str = "lettered"  # AgendaStyle, stored as its text
    numbering_scheme: NumberingScheme = NumberingScheme.CONTINUOUS
    numbering_start: int = 1  # first number clerk gives (a body moving onto clerk: 161)
    year_start_month: int = 5  # municipal year starts in May
    number_format: str = "{n}"  # or "{n}/{year}"
    quorum: int | None = None
    default_venue: str = ""
    contact_name: str = ""
    contact_phone: str = ""
    contact_email: str = ""
    template_path: str = ""
    paper_size: str = "A4"  # or "Letter"; a council template's own page setup wins
    exclusion_wording: str = EXCLUSION_RESOLUTION  # {items}, {involves}, {paragraph} filled in
    public_restricted: str = "summary"  # "summary" (number, title, exemption) or "omit"
    chair_title: str = "Chairman"  # or "Chair"
    vice_chair_title: str = "Vice-Chairman"  # or "Vice-Chair"
    resolution_style: str = "apart"  # RESOLVED blocks unnumbered, or "numbered": "(5) RESOLVED that …"
    report_deadline_days: int = 5  # reports are due this many working days before the agenda is published
    holidays: str = "england_wales"  # whose bank holidays count against working days (clerk.calendar.NATIONS)
    # the published site in the council's own look: its stylesheet's address, its header and footer HTML
    site_stylesheet: str = ""
    site_header: str = Field(default="", sa_column=Column(Text, nullable=False, default=""))
    site_footer: str = Field(default="", sa_column=Column(Text, nullable=False, default=""))
    retired: bool = False


class Person(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    title: str = ""  # Mr, Ms, Dr, Cllr, Acting Chief Superintendent
    forenames: str = ""  # as written: "David" or initials "P M"
    surname: str = Field(index=True)
    honours: str = ""  # OBE
    organisation: str = ""
    job_title: str = ""
    email: str = ""
    phone: str = ""


class Membership(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    committee_id: int = Field(foreign_key="committee.id", index=True, ondelete="CASCADE")
    person_id: int = Field(foreign_key="person.id", index=True, ondelete="CASCADE")
    role: Role = Role.MEMBER
    represents: str = ""  # the body a partnership member speaks for (KALA, Kent Police)
    start_date: dt.date | None = None
    end_date: dt.date | None = None


class Meeting(SQLModel, table=True):
    __table_args__ = (Index("ix_meeting_committee_date", "committee_id", "date"),)  # the nearest meeting before a date
    id: int | None = Field(default=None, primary_key=True)
    committee_id: int = Field(foreign_key="committee.id", index=True, ondelete="CASCADE")
    date: dt.date = Field(index=True)
    start_time: dt.time | None = None
    venue: str = ""
    contact: str = ""  # "Ask for": this meeting's contact officer (from the committee's when it is created)
    contact_phone: str = ""
    contact_email: str = ""
    agenda_published: dt.date | None = None
    refreshments: str = ""  # "Tea/Coffee will be available 15 minutes before the meeting."
    status: MeetingStatus = MeetingStatus.DRAFT
    started_at: dt.datetime | None = None
    ended_at: dt.datetime | None = None
    signed_minutes: str = ""  # "64–74": the numbers its notes were signed with (their frozen copy's), for lists
    numbered_from: int | None = None  # imported notes: the number their first minute had; numbering goes on from there


class AgendaItem(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    meeting_id: int = Field(foreign_key="meeting.id", index=True, ondelete="CASCADE")
    section: str = "B"  # A, B, C or D
    position: int = 0  # order within the section; the code (B3) follows it
    parent_id: int | None = Field(default=None, foreign_key="agendaitem.id", ondelete="CASCADE")
    title: str = ""
    presenter: str = ""
    kind: ItemKind = ItemKind.REPORT
    standard: str = ""  # apologies, declarations, previous_notes, next_meeting, ...
    restricted: bool = False
    exempt_paragraph: int | None = None  # Schedule 12A paragraph
    page_from: int | None = None
    page_to: int | None = None
    note: str = Field(default="", sa_column=Column(Text, nullable=False, default=""))  # a line under the item
    note_public: bool = False  # a restricted item's note prints on the public agenda only when the clerk says so


class Attendance(SQLModel, table=True):
    __table_args__ = (UniqueConstraint("meeting_id", "person_id"),)
    id: int | None = Field(default=None, primary_key=True)
    meeting_id: int = Field(foreign_key="meeting.id", index=True, ondelete="CASCADE")
    person_id: int = Field(foreign_key="person.id", ondelete="CASCADE")
    status: AttendanceStatus = AttendanceStatus.PRESENT
    substitute_for_id: int | None = Field(default=None, foreign_key="person.id")
    role: str = ""  # for IN ATTENDANCE: "Community Safety Manager"
    in_chair: bool = False
    position: int = 0  # order in the PRESENT list
    arrived_minute_id: int | None = Field(default=None, foreign_key="minute.id", ondelete="SET NULL")
    arrived_at: dt.time | None = None
    left_minute_id: int | None = Field(default=None, foreign_key="minute.id", ondelete="SET NULL")
    left_at: dt.time | None = None


class Minute(SQLModel, table=True):
    """One numbered minute. ``series`` groups numbers that must be unique together:
    "" for continuous numbering, the meeting id for per-meeting numbering, the
    municipal year for yearly numbering."""

    __table_args__ = (
        UniqueConstraint("committee_id", "series", "number", name="uq_minute_number"),
        Index("ix_minute_meeting_number", "meeting_id", "number"),  # a meeting's first and last number, at once
    )
    id: int | None = Field(default=None, primary_key=True)
    committee_id: int = Field(foreign_key="committee.id", index=True, ondelete="CASCADE")
    meeting_id: int = Field(foreign_key="meeting.id", index=True, ondelete="CASCADE")
    seq: int = 0  # order taken within the meeting
    series: str = ""
    number: int | None = None  # None only for a moment, while the meeting is renumbered
    title: str = ""
    agenda_item_id: int | None = Field(default=None, foreign_key="agendaitem.id", index=True, ondelete="SET NULL")
    state: MinuteState = MinuteState.TAKEN
    restricted: bool = False
    exempt_paragraph: int | None = None
    taken_at: dt.time | None = None
    version: int = 0  # counts the changes to its paragraphs: a save based on an older one is refused


class Paragraph(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    minute_id: int = Field(foreign_key="minute.id", index=True, ondelete="CASCADE")
    position: int = 0
    kind: ParagraphKind = ParagraphKind.TEXT
    numbered: bool = True  # shown as (1), (2) ... when the minute numbers its paragraphs
    text: str = Field(default="", sa_column=Column(Text, nullable=False, default=""))


class Action(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    minute_id: int = Field(foreign_key="minute.id", index=True, ondelete="CASCADE")
    position: int = 0
    description: str = ""
    owner_person_id: int | None = Field(default=None, foreign_key="person.id", ondelete="SET NULL")
    owner_name: str = ""  # as written: "Jim Parris", "DCI Andy Prichard"
    due_date: dt.date | None = None
    # the action log, kept apart from the minute's text (a signed minute's actions still move on)
    status: str = "open"  # ActionStatus, stored as its text
    status_on: dt.date | None = None  # the day the status or update last changed
    progress: str = Field(default="", sa_column=Column(Text, nullable=False, default=""))  # the one-line update


class Declaration(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    meeting_id: int = Field(foreign_key="meeting.id", index=True, ondelete="CASCADE")
    person_id: int | None = Field(default=None, foreign_key="person.id", ondelete="SET NULL")
    member_name: str = ""
    agenda_item_id: int | None = Field(default=None, foreign_key="agendaitem.id", ondelete="SET NULL")
    minute_id: int | None = Field(default=None, foreign_key="minute.id", ondelete="SET NULL")
    nature: str = ""
    nature_restricted: bool = False  # the nature would reveal exempt information: only the full notes say it
    interest: str = ""  # the Localism Act's kind (clerk.wording.INTERESTS); "" when not said
    participation: str = ""  # left the room, took no part, spoke under a dispensation (clerk.wording.PARTICIPATION)


class Vote(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    minute_id: int = Field(foreign_key="minute.id", index=True, ondelete="CASCADE")
    position: int = 0
    motion: str = ""
    votes_for: int = 0
    votes_against: int = 0
    abstentions: int = 0
    named_for: str = ""  # names, comma separated, when a recorded vote is asked for
    named_against: str = ""
    named_abstaining: str = ""
    outcome: str = ""  # carried or lost (clerk.wording.OUTCOMES); "" when not said
    casting: str = ""  # the chair's casting vote on equal votes: for or against; "" when none


class Attachment(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    minute_id: int | None = Field(default=None, foreign_key="minute.id", index=True, ondelete="CASCADE")
    agenda_item_id: int | None = Field(default=None, foreign_key="agendaitem.id", ondelete="CASCADE")
    filename: str = ""
    sha256: str = ""
    content_type: str = ""
    added_at: dt.datetime | None = None
    superseded: bool = False


class Blob(SQLModel, table=True):
    """The bytes of an attached report or file, under their SHA-256 (Attachment.sha256), so
    the record, its backups and every colleague sharing it hold them."""

    sha256: str = Field(primary_key=True)
    size: int = 0
    content: bytes = Field(sa_column=Column(LargeBinary, nullable=False))


class SignOff(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    meeting_id: int = Field(foreign_key="meeting.id", unique=True, ondelete="CASCADE")
    approved_at_meeting_id: int | None = Field(default=None, foreign_key="meeting.id")
    approved_on: dt.date | None = None
    amendments: str = Field(default="", sa_column=Column(Text, nullable=False, default=""))
    content_hash: str = ""
    signed_at: dt.datetime | None = None
    # the notes as signed (clerk.documents.snapshot), full and public: later exports use these
    snapshot_full: str = Field(default="", sa_column=Column(Text, nullable=False, default=""))
    snapshot_public: str = Field(default="", sa_column=Column(Text, nullable=False, default=""))


class LiveSession(SQLModel, table=True):
    """A meeting being minuted live: where the clerk is, whether the press and public are
    excluded, and which app holds it (a lock kept alive by a heartbeat)."""

    meeting_id: int = Field(foreign_key="meeting.id", primary_key=True, ondelete="CASCADE")
    current_minute_id: int | None = Field(default=None, foreign_key="minute.id", ondelete="SET NULL")
    private: bool = False  # in private session: minutes taken now are restricted
    exempt_paragraph: int | None = None  # the Schedule 12A paragraph the press and public were excluded under
    holder: str = ""  # token of the app minuting it; "" when none
    holder_host: str = ""
    holder_pid: int = 0
    holder_user: str = ""
    locked_at: dt.datetime | None = None  # UTC
    heartbeat_at: dt.datetime | None = None  # UTC


class Meta(SQLModel, table=True):
    """Key/value facts about the database itself, such as the schema version."""

    __tablename__ = "clerk_meta"
    key: str = Field(primary_key=True)
    value: str = ""
