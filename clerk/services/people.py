"""People: the one rule that says whether a name typed is someone already in clerk (the live
screen's arrivals and the settings' "Add a member" both ask it), and joining a committee
without making a second record of someone.

The rule: the same surname, title and forenames is the same person; the same surname and
initials (or no initials on one side) under another title or forenames only looks alike and
is asked about, never merged; anyone else is someone new."""

from __future__ import annotations

import datetime as dt

from sqlmodel import Session, col, select

from ..errors import InvalidInput
from ..ids import id_of
from ..kinds import MeetingStatus
from ..models import Meeting, Membership, Person, Role
from ..storage import Store
from ..wording import long_date
from .committees import MemberRow, _person_values, add_member, display_name, list_members
from .common import get

NOT_YET_HELD = (MeetingStatus.DRAFT.value, MeetingStatus.PUBLISHED.value, MeetingStatus.IN_PROGRESS.value)


class SamePerson(InvalidInput):
    """The name typed may be someone already in clerk: say whether it is (never guessed)."""

    def __init__(self, typed: str, others: list[str], people: list[Person] | None = None) -> None:
        super().__init__(f"{typed} may be {' or '.join(others)}: say whether it is the same person.")
        self.people = list(people or [])  # the look-alikes, to show beside the name typed


def _initials(forenames: str) -> str:
    return "".join(w[0] for w in forenames.replace(".", " ").split()).lower()


def _same_words(a: str, b: str) -> bool:
    return " ".join(a.replace(".", " ").lower().split()) == " ".join(b.replace(".", " ").lower().split())


def find_person(session: Session, title: str, forenames: str, surname: str) -> tuple[Person | None, list[Person]]:
    """(the person the name is exactly, the people it only looks like: same surname and
    initials, another title or forenames)."""
    people = session.exec(select(Person).where(Person.surname != "")).all()
    same_surname = [p for p in people if p.surname.lower() == surname.strip().lower()]
    exact = [p for p in same_surname if _same_words(p.title, title) and _same_words(p.forenames, forenames)]
    if exact:
        return min(exact, key=lambda p: p.id or 0), []
    mine = _initials(forenames)
    alike = [p for p in same_surname if not mine or not _initials(p.forenames) or _initials(p.forenames) == mine]
    return None, alike


def member_from(store: Store, committee_id: int, today: dt.date | None = None) -> tuple[dt.date, bool]:
    """The day a member added in the settings is a member from: the committee's earliest
    meeting not yet held (so they are offered for it), or today when none is; and whether a
    meeting gave it."""
    with store.read() as session:
        first = session.exec(
            select(Meeting)
            .where(Meeting.committee_id == committee_id, col(Meeting.status).in_(NOT_YET_HELD))
            .order_by(col(Meeting.date))
        ).first()
    return (first.date, True) if first is not None else (today or dt.date.today(), False)


def join_committee(
    store: Store,
    committee_id: int,
    surname: str,
    role: Role | str = Role.MEMBER,
    *,
    represents: str = "",
    start_date: dt.date | None = None,
    person_id: int | None = None,
    new: bool = False,
    **person: str,
) -> MemberRow:
    """A member, and the person when they are new. The person is the one chosen (``person_id``),
    the one named exactly, or someone new; a name that only looks like someone is refused
    (SamePerson) unless ``new`` says it is someone new. Details the record lacks are filled in
    from those typed; a detail on record is never overwritten."""
    values = _person_values({"surname": surname, **person})
    with store.transaction() as session:
        if person_id is not None:
            found: Person | None = get(session, Person, person_id, "person")
        else:
            found, alike = find_person(session, values.get("title", ""), values.get("forenames", ""), values["surname"])
            if found is None and alike and not new:
                typed = display_name(Person(**values))
                raise SamePerson(typed, [display_name(p) for p in alike], alike)
        if found is not None:
            for key, value in values.items():
                if value and not getattr(found, key):
                    setattr(found, key, value)
            session.add(found)
            _not_yet_a_member(session, committee_id, found, start_date)
        else:
            found = Person(**values)
            session.add(found)
        session.flush()
        m = add_member(store, committee_id, id_of(found), role, represents=represents, start_date=start_date)
    return next(r for r in list_members(store, committee_id) if r.membership_id == m.id)


def _not_yet_a_member(session: Session, committee_id: int, person: Person, start: dt.date | None) -> None:
    day = start or dt.date.today()
    for m in session.exec(
        select(Membership).where(Membership.committee_id == committee_id, Membership.person_id == id_of(person))
    ).all():
        if m.end_date is None or m.end_date >= day:
            since = f" (since {long_date(m.start_date)})" if m.start_date else ""
            raise InvalidInput(f"{display_name(person)} is already a member{since}: edit that membership instead.")
