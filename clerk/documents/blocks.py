"""A minute as the notes print it, made one way for the Word notes and for the live screen's
preview: what the record adds under the minute's paragraphs (declarations, arrivals and
departures, votes, actions) is read here, and the paragraphs are joined to it by
``minute_block``; ``minute_lines`` gives the block as plain lines of text."""

from __future__ import annotations

from typing import TypeVar

from sqlmodel import Session, col, select

from ..ids import id_of
from ..models import Action, AgendaItem, Attendance, Committee, Declaration, Meeting, Minute, Paragraph, Person, Vote
from ..services.agenda import DECLARATIONS
from ..services.agenda_rows import AgendaRow, is_numbered, ordered_rows
from ..services.committees import display_name
from ..services.common import get, scheme_of
from ..storage import Store
from ..wording import action_line, declaration_at_item, declaration_sentence, item_reference, movement_line, vote_line
from .render import MinuteSource, minute_block, minute_lines, minute_parts, typed_block  # noqa: F401  (the renderer)

HIDDEN = object()  # a declaration the public version does not print at all

_Listed = TypeVar("_Listed", Action, Vote, Paragraph)  # what a minute holds in order


class MeetingRecord:
    """What the minutes of one meeting print besides their paragraphs, read once."""

    def __init__(self, session: Session, meeting_id: int, *, public: bool) -> None:
        self.meeting = get(session, Meeting, meeting_id, "meeting")
        self.committee = get(session, Committee, self.meeting.committee_id, "committee")
        self.scheme = scheme_of(self.committee)
        self.resolutions_numbered = self.committee.resolution_style == "numbered"
        self.public = public
        items = list(session.exec(select(AgendaItem).where(AgendaItem.meeting_id == meeting_id)).all())
        self.rows = {r.id: r for r in ordered_rows(items, is_numbered(self.committee))}
        self.by_item = {i.id: i for i in items}
        self.minutes = list(
            session.exec(select(Minute).where(Minute.meeting_id == meeting_id).order_by(col(Minute.seq), col(Minute.id))).all()
        )
        ids = [id_of(m) for m in self.minutes]
        self.actions = grouped(session, Action, ids)
        self.votes = grouped(session, Vote, ids)
        self.declarations = list(
            session.exec(select(Declaration).where(Declaration.meeting_id == meeting_id).order_by(col(Declaration.id))).all()
        )
        self.records = list(session.exec(select(Attendance).where(Attendance.meeting_id == meeting_id)).all())
        self.people = {p.id: p for p in session.exec(select(Person)).all()} if self.records else {}
        declarations_minute = next(
            (m.id for m in self.minutes if m.agenda_item_id and self.by_item[m.agenda_item_id].standard == DECLARATIONS), None
        )
        self.placed = _declarations_placed(self.declarations, self.minutes, declarations_minute, public)
        self.sentence = {
            id_of(d): declaration_sentence(d, self.row_of(d.agenda_item_id), public=public) for d in self.declarations
        }
        self.at_item = _declarations_at_item(self.declarations, self.minutes, self.placed)
        # words a public version never prints, even where an older Declarations minute still holds them
        self.forbidden = frozenset(
            declaration_sentence(d, self.row_of(d.agenda_item_id), public=False)
            for d in self.declarations
            if public and (self.placed[id_of(d)] is HIDDEN or d.nature_restricted)
        )

    def row_of(self, item_id: int | None) -> AgendaRow | None:
        return None if item_id is None else self.rows.get(item_id)

    def label(self, m: Minute) -> str:
        return self.scheme.format(m.number, m.series)

    def item_ref(self, m: Minute) -> str:
        return item_reference(self.rows[m.agenda_item_id].code, self.label(m)) if m.agenda_item_id in self.rows else ""

    def source(self, m: Minute) -> MinuteSource:
        movements = []
        for r in self.records:
            who = display_name(self.people[r.person_id]) if r.person_id in self.people else ""
            if r.arrived_minute_id == m.id:
                movements.append(movement_line(who, True, r.arrived_at))
            if r.left_minute_id == m.id:
                movements.append(movement_line(who, False, r.left_at))
        return MinuteSource(
            self.label(m),
            m.title,
            self.item_ref(m),
            m.restricted,
            declarations=tuple(self.sentence[id_of(d)] for d in self.declarations if self.placed[id_of(d)] == m.id)
            + tuple(self.at_item.get(id_of(m), ())),
            movements=tuple(movements),
            votes=tuple(vote_line(v, self.committee.chair_title) for v in self.votes.get(id_of(m), [])),
            actions=tuple(action_line(a.owner_name, a.description, a.due_date) for a in self.actions.get(id_of(m), [])),
            forbidden=self.forbidden,
            resolutions_numbered=self.resolutions_numbered,
        )


def minute_source(store: Store, minute_id: int) -> MinuteSource:
    """What the full notes print under this minute besides its paragraphs (the live preview's part)."""
    with store.read() as session:
        minute = get(session, Minute, minute_id, "minute")
        record = MeetingRecord(session, minute.meeting_id, public=False)
        return record.source(next(m for m in record.minutes if m.id == minute_id))


def _declarations_placed(
    declarations: list[Declaration], minutes: list[Minute], declarations_minute: int | None, public: bool
) -> dict[int, object]:
    """The minute that prints each declaration (None: the attendance part; HIDDEN: none).

    A declaration made inside a restricted minute is restricted with it. One made in public
    stays public, naming its item; when the clerk marked its nature restricted, the public
    words leave the nature out and the full version gives it under the restricted item's minute."""
    private_ids = {m.id for m in minutes if m.restricted}
    item_minute = {m.agenda_item_id: m.id for m in minutes if m.agenda_item_id and m.restricted}
    placed: dict[int, object] = {}
    for d in declarations:
        if d.minute_id in private_ids:
            placed[id_of(d)] = HIDDEN if public else d.minute_id
        elif d.nature_restricted and not public and d.agenda_item_id in item_minute:
            placed[id_of(d)] = item_minute[d.agenda_item_id]
        else:
            placed[id_of(d)] = d.minute_id or declarations_minute
    return placed


def _declarations_at_item(
    declarations: list[Declaration], minutes: list[Minute], placed: dict[int, object]
) -> dict[int, list[str]]:
    """What the minute of an item says of the declarations made about it elsewhere (under A2):
    who had declared which kind of interest and whether they left the room, took no part or
    spoke under a dispensation. None for a declaration this version does not print, nor for
    one that gives neither (as every one recorded before these were asked), so notes already
    written read as they did."""
    item_minute: dict[int, int] = {}
    for m in minutes:
        if m.agenda_item_id is not None:
            item_minute.setdefault(m.agenda_item_id, id_of(m))
    out: dict[int, list[str]] = {}
    for d in declarations:
        at = item_minute.get(d.agenda_item_id) if d.agenda_item_id is not None and (d.interest or d.participation) else None
        if at is not None and placed[id_of(d)] is not HIDDEN and placed[id_of(d)] != at:
            out.setdefault(at, []).append(declaration_at_item(d))
    return out


def grouped(session: Session, model: type[_Listed], minute_ids: list[int]) -> dict[int, list[_Listed]]:
    """Each minute's actions, votes or paragraphs, in their order."""
    out: dict[int, list[_Listed]] = {}
    if minute_ids:
        q = select(model).where(col(model.minute_id).in_(minute_ids)).order_by(col(model.position), col(model.id))
        for row in session.exec(q).all():
            out.setdefault(row.minute_id, []).append(row)
    return out
