"""The public record as a website, read from the record: per committee its members, meetings,
attendance record, decisions and calendar; per meeting its public agenda, public notes (a
restricted minute is its number, title and Schedule 12A paragraph, as the public notes print
it, or nothing), attendance and the reports of its public items. Nothing here is restricted:
the public versions are built without the restricted text in the first place."""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib

from sqlmodel import col, select

from ..errors import InvalidInput
from ..ids import id_of
from ..models import Committee, Meeting, MeetingStatus, Minute, Role
from ..numbering import municipal_year, municipal_year_range
from ..services.agenda import PREVIOUS_NOTES
from ..services.agenda_rows import rows_of
from ..services.attendance import attendance_rows
from ..services.attendance_record import TOOK_PLACE, attendance_record
from ..services.calendar_feed import UK, calendar_feed, instance_id
from ..services.committees import find_committee, list_committees, list_members
from ..services.common import scheme_of
from ..services.reports import report_file, reports
from ..storage import Store
from ..wording import clock, day_date
from ..wording_attendance import role_label
from ..wording_site import (
    ALL_COMMITTEES,
    CANCELLED,
    SITE_TITLE,
    agenda_state,
    committee_slug,
    document_label,
    feed_entry_title,
    file_slug,
    is_decision,
    meeting_page_title,
    minutes_state,
    period_heading,
    previous_notes_link,
    signed_line,
)
from .agenda import build_agenda
from .calendar import CalendarFeed
from .model import AgendaDoc, MinuteBlock, NotesDoc
from .notes import build_notes
from .people import attendance_lines
from .render import minute_parts
from .site_model import Decision, FeedEntry, Member, SiteCommittee, SiteDoc, SiteFile, SiteLook, SiteMeeting
from .table import TableDoc

MINUTED = (MeetingStatus.HELD, MeetingStatus.SIGNED)  # a meeting under way publishes no notes yet
RESOLVED_PARTS = ("resolution", "numbered resolution", "resolution point")
AGREED_PARTS = ("paragraph", "numbered")
RESERVED = (
    "search",
)  # the site's own folders: no committee takes their names  # "It was agreed that …" in notes written before RESOLVED


def _unnumbered(text: str) -> str:
    """The paragraph without its printed number: "(6) It was agreed …" -> "It was agreed …"."""
    return text.split(" ", 1)[1] if text.startswith("(") and " " in text else text


def digest_of(doc: object) -> str:
    return hashlib.sha256(repr(doc).encode("utf-8")).hexdigest()


def build_site(
    store: Store,
    *,
    committee: str | None = None,
    start: dt.date | None = None,
    drafts: bool = False,
    today: dt.date | None = None,
) -> SiteDoc:
    """Every committee (or the one named), its meetings from ``start`` on; ``drafts``: a future
    meeting's agenda is shown, marked a draft, before it is published."""
    today = today or dt.date.today()
    # a retired committee keeps its published record
    chosen = [find_committee(store, committee)] if committee else list_committees(store, include_retired=True)
    problems: list[str] = []
    slugs: set[str] = set(RESERVED)
    out = []
    for c in sorted(chosen, key=lambda c: id_of(c)):  # the older committee keeps a shared slug
        slug = _unique(committee_slug(c.name), slugs)
        out.append(_committee(store, c, slug, start, drafts, today, problems))
    out.sort(key=lambda c: c.name.lower())
    events = tuple(e for c in out for e in c.calendar.events)
    look = next((c.look for c in out if c.look != SiteLook()), SiteLook())
    feed = CalendarFeed(ALL_COMMITTEES, UK, events)
    return SiteDoc(SITE_TITLE, instance_id(store), today, tuple(out), feed, tuple(problems), look)


def _unique(slug: str, taken: set[str]) -> str:
    n, found = 1, slug
    while found in taken:
        n += 1
        found = f"{slug}-{n}"
    taken.add(found)
    return found


def _committee(
    store: Store, c: Committee, slug: str, start: dt.date | None, drafts: bool, today: dt.date, problems: list[str]
) -> SiteCommittee:
    members = tuple(
        Member(r.name, "Substitute" if r.role is Role.SUBSTITUTE else role_label(c, r.role), r.represents)
        for r in list_members(store, id_of(c), include_past=False)
    )
    with store.read() as session:
        query = select(Meeting).where(Meeting.committee_id == c.id)
        if start is not None:
            query = query.where(col(Meeting.date) >= start)
        rows = list(session.exec(query.order_by(col(Meeting.date), col(Meeting.start_time), col(Meeting.id))).all())
    slugs: set[str] = set()
    meetings = _linked(c, [_meeting(store, c, m, _unique(m.date.isoformat(), slugs), drafts, problems) for m in rows])
    feed = calendar_feed(store, id_of(c), past=True, today=today)
    events = tuple(e for e in feed.events if start is None or _day(e.start) >= start)
    return SiteCommittee(
        slug=slug,
        name=c.name,
        organisation=c.organisation,
        minutes_word=c.minutes_word.capitalize(),
        members=members,
        meetings=meetings,
        attendance=_attendance(store, c, rows),
        decisions=tuple(d for m in reversed(meetings) for d in _decisions(m)),
        calendar=dataclasses.replace(feed, events=events),
        entries=tuple(e for m in meetings for e in _entries(c, slug, m)),
        look=SiteLook(c.site_stylesheet, c.site_header, c.site_footer),
    )


def _linked(c: Committee, meetings: list[SiteMeeting]) -> tuple[SiteMeeting, ...]:
    """Each agenda's "notes of the previous meeting" item links to that meeting's page."""
    out, last = [], None
    for m in meetings:
        if m.previous_item and last is not None:
            link = (f"../{last.slug}/", previous_notes_link(c.minutes_word, last.date))
            m = dataclasses.replace(m, links={m.previous_item: link})
        out.append(m)
        last = m if m.notes is not None else last
    return tuple(out)


def _day(when: dt.date | dt.datetime) -> dt.date:
    return when.date() if isinstance(when, dt.datetime) else when


def _meeting(store: Store, c: Committee, m: Meeting, slug: str, drafts: bool, problems: list[str]) -> SiteMeeting:
    status = MeetingStatus(m.status)
    cancelled = status is MeetingStatus.CANCELLED
    published = m.agenda_published is not None or status is not MeetingStatus.DRAFT
    title = meeting_page_title(c.name, m.date)
    agenda: AgendaDoc | None = None
    notes: NotesDoc | None = None
    with store.read() as session:
        rows = rows_of(session, id_of(m))
        minutes = list(session.exec(select(Minute).where(Minute.meeting_id == m.id).order_by(col(Minute.seq))).all())
        attendance = attendance_rows(session, id_of(m)) if status in TOOK_PLACE else []
    try:
        if rows and not cancelled and (published or drafts):
            agenda = build_agenda(store, id_of(m))
        if minutes and status in MINUTED:
            notes = build_notes(store, id_of(m), public=True)
    except InvalidInput as exc:
        problems.append(f"{title}: {exc}")
    scheme = scheme_of(c)
    codes = {r.id: r.code for r in rows}
    by_item: dict[str, list[str]] = {}
    for minute in minutes:
        if minute.agenda_item_id in codes:
            by_item.setdefault(codes[minute.agenda_item_id], []).append(scheme.format(minute.number, minute.series))
    states = [CANCELLED] if cancelled else []
    if agenda is not None:
        states.append(agenda_state(published, m.agenda_published))
    if notes is not None:
        states += [s for s in (minutes_state(c.minutes_word, notes.approved), signed_line(notes.signed_at)) if s]
    return SiteMeeting(
        meeting_id=id_of(m),
        slug=slug,
        date=m.date,
        title=title,
        date_label=day_date(m.date),
        time_label=clock(m.start_time),
        venue=m.venue,
        contact=m.contact,
        contact_phone=m.contact_phone,
        contact_email=m.contact_email,
        cancelled=cancelled,
        states=tuple(states),
        agenda=agenda,
        agenda_published=(m.agenda_published or m.date) if agenda is not None and published else None,
        notes=notes,
        minutes_of_item={code: tuple(labels) for code, labels in by_item.items()},
        attendance=tuple(attendance_lines(attendance, c, apologies_minuted=False)) if notes is not None else (),
        files=tuple(_files(store, c, id_of(m), agenda, notes)),
        previous_item=next((r.code for r in rows if r.standard == PREVIOUS_NOTES and r.parent_id is None), ""),
    )


def _files(store: Store, c: Committee, meeting_id: int, agenda: AgendaDoc | None, notes: NotesDoc | None) -> list[SiteFile]:
    out = []
    if agenda is not None:
        out.append(SiteFile("agenda.docx", document_label("Agenda", ".docx"), digest_of(agenda), doc=agenda))
    if notes is not None:
        word = c.minutes_word.capitalize()
        out.append(
            SiteFile(f"{word.lower()}.docx", document_label(f"{word}, public version", ".docx"), digest_of(notes), doc=notes)
        )
    if agenda is not None:
        for r in reports(store, meeting_id):
            if r.restricted:  # a restricted item's report is never published, nor its file's name
                continue
            name = f"{r.code.lower()}-{file_slug(r.filename.rsplit('.', 1)[0])}.{r.kind}"
            out.append(SiteFile(name, document_label(r.filename, f".{r.kind}"), r.sha256, r.code, path=report_file(store, r)))
    return out


def _decisions(m: SiteMeeting) -> list[Decision]:
    out = []
    for block in m.notes.blocks if m.notes is not None else ():
        if isinstance(block, MinuteBlock) and not block.restricted:
            parts = minute_parts(block, " ")
            said = tuple(text for part, text in parts if part in RESOLVED_PARTS)
            said = said or tuple(text for part, text in parts if part in AGREED_PARTS and is_decision(_unnumbered(text)))
            if said:
                out.append(Decision(m.slug, m.date_label, block.number, block.title, said))
    return out


def _attendance(store: Store, c: Committee, meetings: list[Meeting]) -> tuple[tuple[str, TableDoc], ...]:
    years = sorted({municipal_year(m.date, c.year_start_month) for m in meetings if MeetingStatus(m.status) in TOOK_PLACE})
    out = []
    for year in reversed(years):
        first, last = municipal_year_range(year, c.year_start_month)
        out.append((period_heading(first, last), attendance_record(store, id_of(c), first, last).table()))
    return tuple(out)


def _entries(c: Committee, slug: str, m: SiteMeeting) -> list[FeedEntry]:
    out = []
    path = f"{slug}/{m.slug}/"
    if m.agenda is not None and m.agenda_published is not None:
        title = feed_entry_title(c.name, "agenda", m.date)
        out.append(FeedEntry(f"{path}agenda", title, path, m.agenda_published, digest_of(m.agenda)))
    if m.notes is not None:
        day = m.notes.signed_at.date() if m.notes.signed_at else m.date
        word = c.minutes_word.lower()
        out.append(FeedEntry(f"{path}{word}", feed_entry_title(c.name, word, m.date), path, day, digest_of(m.notes)))
    return out
