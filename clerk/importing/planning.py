"""Planning an import, reading only: which committee the notes belong to, whether their meeting
is already there, how each person named matches the people clerk knows (the rule of
clerk.services.people: never merged on a look-alike), and whether the minute numbers fit the
committee's numbering."""

from __future__ import annotations

import datetime as dt

from sqlmodel import Session, col, select

from .. import wording_import as words
from ..ids import id_of
from ..kinds import NumberingScheme, Role
from ..models import Committee, Meeting, Membership, Minute, Person
from ..numbering import range_label
from ..services.committees import display_name
from ..services.common import scheme_of
from ..services.people import find_person
from ..storage import Store
from ..wording import long_date
from .notes_people import ImportedPerson
from .notes_text import ImportedNotes
from .plan import LISTS, ImportPlan, PersonMatch


def plan_import(store: Store, notes: ImportedNotes, *, committee: str | None = None) -> ImportPlan:
    """What storing ``notes`` would do; writes nothing. ``committee``: the name the clerk gave
    (the one committee whose name holds it, or a new one), instead of the heading's."""
    return plan_for(store, notes, committee, partial=committee is not None)


def plan_for(store: Store, notes: ImportedNotes, committee: str | None, *, partial: bool) -> ImportPlan:
    """``plan_import``; ``partial``: the committee may be named by part of its name."""
    heading = notes.heading
    name = " ".join((committee or (heading.committee if heading else "")).split())
    problems: list[str] = []
    if heading is None or heading.date is None:
        problems.append(words.NO_DATE)
    if not notes.minutes:
        problems.append(words.NO_MINUTES)
    if not name:
        problems.append(words.NO_COMMITTEE)
    numbers = [m.number for m in notes.minutes]
    if numbers and numbers != list(range(numbers[0], numbers[0] + len(numbers))):
        problems.append(words.NOT_IN_SEQUENCE.format(numbers=", ".join(map(str, numbers))))
    with store.read() as session:
        found = committee_named(session, name, partial=partial)
        if isinstance(found, str):
            problems.append(found)
            found = None
        meeting_id = None
        if found is not None and heading is not None and heading.date is not None and numbers:
            meeting_id, clash = _same_meeting(session, found, heading.date, numbers)
            problems += clash
            if meeting_id is None and not clash:
                problems += _numbering_problems(session, found, heading.date, numbers)
        people = tuple(
            match_person(session, p, listed, id_of(found) if found else None) for listed in LISTS for p in getattr(notes, listed)
        )
    return ImportPlan(
        notes=notes,
        committee_name=found.name if found is not None else name,
        committee_id=id_of(found) if found is not None else None,
        meeting_id=meeting_id,
        people=people,
        problems=tuple(problems),
    )


def committee_named(session: Session, name: str, *, partial: bool = False) -> Committee | str | None:
    """The committee called ``name`` (any case); with ``partial`` (a name the clerk typed), the
    one committee whose name contains it. None: none is; a sentence: several are."""
    wanted = name.lower()
    rows = session.exec(select(Committee)).all()
    exact = [c for c in rows if c.name.lower() == wanted]
    if exact or not partial:
        return exact[0] if exact else None
    some = [c for c in rows if wanted and wanted in c.name.lower()]
    if len(some) > 1:
        return words.SEVERAL_COMMITTEES.format(name=name, names=", ".join(c.name for c in some))
    return some[0] if some else None


def _minutes_by_meeting(session: Session, committee_id: int) -> list[tuple[Meeting, list[Minute]]]:
    meetings = session.exec(select(Meeting).where(Meeting.committee_id == committee_id)).all()
    minutes = session.exec(select(Minute).where(Minute.committee_id == committee_id).order_by(col(Minute.seq))).all()
    out = [(m, [x for x in minutes if x.meeting_id == m.id]) for m in meetings]
    return [(m, rows) for m, rows in out if rows]


def _same_meeting(session: Session, committee: Committee, date: dt.date, numbers: list[int]) -> tuple[int | None, list[str]]:
    """The committee's meeting on ``date`` that already holds these minutes, or why the notes
    cannot go in beside a meeting of that day holding others."""
    for meeting, rows in _minutes_by_meeting(session, id_of(committee)):
        if meeting.date != date:
            continue
        held = [r.number for r in rows]
        if held == numbers:
            return id_of(meeting), []
        return None, [words.OTHER_MINUTES.format(date=long_date(date), range=range_label(held, scheme_of(committee)))]
    return None, []


def _numbering_problems(session: Session, committee: Committee, date: dt.date, numbers: list[int]) -> list[str]:
    """Numbers that would not fit the committee's numbering: the same numbers as another
    meeting's in the same series, or numbers out of date order (continuous numbering; within a
    municipal year under yearly numbering). Per-meeting numbering fits any numbers."""
    scheme = scheme_of(committee)
    if scheme.kind is NumberingScheme.PER_MEETING:
        return []
    series = scheme.series(0, date)
    lo, hi = numbers[0], numbers[-1]
    for meeting, rows in sorted(_minutes_by_meeting(session, id_of(committee)), key=lambda mr: mr[0].date):
        held = [r.number for r in rows if r.number is not None]
        if not held or scheme.series(id_of(meeting), meeting.date) != series:
            continue
        before, after = meeting.date < date, meeting.date > date
        if (before and max(held) >= lo) or (after and min(held) <= hi) or (not before and not after):
            return [
                words.NUMBERS_CLASH.format(
                    range=range_label(numbers, scheme),
                    date=long_date(date),
                    other=long_date(meeting.date),
                    other_range=range_label(held, scheme),
                    scheme=words.SCHEME_WORDS[scheme.kind],
                    committee=committee.name,
                )
            ]
    return []


def match_person(session: Session, p: ImportedPerson, listed: str, committee_id: int | None) -> PersonMatch:
    """How one name of the notes matches the people clerk knows."""
    exact, alike = find_person(session, p.title, p.forenames, p.surname)
    if exact is not None:
        return PersonMatch(p, listed, id_of(exact), words.matched(display_name(exact), _role(session, exact, committee_id)))
    if alike:
        return PersonMatch(p, listed, None, words.not_merged([display_name(x) for x in alike]))
    return PersonMatch(p, listed, None, words.NEW_PERSON)


def _role(session: Session, person: Person, committee_id: int | None) -> Role | None:
    if committee_id is None:
        return None
    row = session.exec(
        select(Membership).where(Membership.committee_id == committee_id, Membership.person_id == id_of(person))
    ).first()
    return Role(row.role) if row is not None else None
