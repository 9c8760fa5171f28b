"""Committees, people and memberships."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from sqlmodel import Session, col, select

from ..body import resolution_style
from ..errors import InvalidInput
from ..files import check_template
from ..ids import id_of
from ..models import AgendaStyle, Committee, Meeting, MeetingStatus, Membership, NumberingScheme, Person, Role
from ..numbering import validate_format
from ..storage import Store
from .common import as_id, get, lock_committee
from .minutes import Change, renumber

NUMBERING_FIELDS = {"agenda_style", "numbering_scheme", "numbering_start", "year_start_month", "number_format"}


def _check(values: dict[str, Any]) -> None:
    if "name" in values and not str(values["name"]).strip():
        raise InvalidInput("A committee needs a name.")
    if "numbering_start" in values and int(values["numbering_start"]) < 1:
        raise InvalidInput("The first minute number must be 1 or more.")
    if "year_start_month" in values and not 1 <= int(values["year_start_month"]) <= 12:
        raise InvalidInput("The municipal year starts in a month from 1 (January) to 12 (December).")
    if "number_format" in values:
        validate_format(values["number_format"])
    if values.get("template_path"):
        values["template_path"] = check_template(values["template_path"])
    if "quorum" in values and values["quorum"] not in (None, ""):
        try:
            values["quorum"] = int(values["quorum"])
        except (TypeError, ValueError):
            raise InvalidInput("The quorum is a number of members, such as 3.") from None
        if values["quorum"] < 1:
            raise InvalidInput("The quorum is at least one member.")
    elif "quorum" in values:
        values["quorum"] = None
    if "report_deadline_days" in values:
        typed = str(values["report_deadline_days"]).strip()
        if not typed.isdigit() or int(typed) > 60:
            raise InvalidInput("Reports are due a number of working days before publication, from 0 to 60.")
        values["report_deadline_days"] = int(typed)
    if "holidays" in values:
        from ..calendar import nation

        values["holidays"] = nation(values["holidays"])
    if "minutes_word" in values:
        values["minutes_word"] = str(values["minutes_word"]).strip().upper() or "MINUTES"
    if "public_restricted" in values and values["public_restricted"] not in ("summary", "omit"):
        raise InvalidInput("The public version either summarises restricted minutes (summary) or leaves them out (omit).")
    if "resolution_style" in values:
        values["resolution_style"] = resolution_style(values["resolution_style"])
    if "paper_size" in values:
        from ..documents.model import PAPER_SIZES

        size = {k.lower(): k for k in PAPER_SIZES}.get(str(values["paper_size"] or "").strip().lower())
        if size is None:
            raise InvalidInput(f"'{values['paper_size']}' is not a paper size clerk prints on; use {' or '.join(PAPER_SIZES)}.")
        values["paper_size"] = size
    if "agenda_style" in values:
        try:
            values["agenda_style"] = AgendaStyle(str(values["agenda_style"]).strip().lower()).value
        except ValueError:
            raise InvalidInput(
                f"'{values['agenda_style']}' is not an agenda style; use lettered (A1 … D2) or numbered (1, 2, 3 …)."
            ) from None
    if "numbering_scheme" in values:
        try:
            values["numbering_scheme"] = NumberingScheme(values["numbering_scheme"])
        except ValueError:
            raise InvalidInput(
                f"'{values['numbering_scheme']}' is not a numbering scheme; use continuous, per_meeting or municipal_year."
            ) from None


def create_committee(store: Store, name: str, **values: Any) -> Committee:
    values["name"] = name
    _check(values)
    with store.write() as session:
        if session.exec(select(Committee).where(Committee.name == name.strip())).first():
            raise InvalidInput(f"There is already a committee called {name.strip()}.")
        committee = Committee(**{**values, "name": name.strip()})
        session.add(committee)
        session.flush()
        return committee


def update_committee_in(session: Session, committee_id: int, **values: Any) -> tuple[Committee, list[Change]]:
    """Returns the committee and the minutes renumbered (``minutes.Change``)."""
    committee = lock_committee(session, committee_id)
    if "name" in values:
        values["name"] = str(values["name"]).strip()
        clash = session.exec(select(Committee).where(Committee.name == values["name"], Committee.id != committee_id)).first()
        if clash:
            raise InvalidInput(f"There is already a committee called {values['name']}.")
    for key, value in values.items():
        if not hasattr(committee, key) or key == "id":
            raise InvalidInput(f"Committees have no setting '{key}'.")
        setattr(committee, key, value)
    session.add(committee)
    session.flush()
    if values.get("agenda_style") == AgendaStyle.NUMBERED:
        _exclusions_in(session, committee_id)
    changes = renumber(session, committee, keep_signed=True) if NUMBERING_FIELDS & values.keys() else []
    return committee, changes


def _exclusions_in(session: Session, committee_id: int) -> None:
    """Switched to numbered items: each unsigned meeting with restricted items gets the exclusion
    of the press and public before them (signed meetings never change)."""
    from .agenda import add_exclusion_in

    frozen = (MeetingStatus.SIGNED.value, MeetingStatus.CANCELLED.value)
    for meeting in session.exec(select(Meeting).where(Meeting.committee_id == committee_id)).all():
        if meeting.status not in frozen:
            add_exclusion_in(session, id_of(meeting))


def update_committee(store: Store, committee_id: int, **values: Any) -> Committee:
    """Change settings; a change to the numbering renumbers the unsigned meetings (and is
    refused if it would change signed ones)."""
    _check(values)
    with store.write() as session:
        committee, _changes = update_committee_in(session, committee_id, **values)
        session.refresh(committee)
        return committee


def preview_update(store: Store, committee_id: int, **values: Any) -> list[Change]:
    """The minutes a settings change would renumber, without changing anything."""
    from .minute_previews import preview

    _check(values)
    return preview(store, lambda session: update_committee_in(session, committee_id, **values)[1])


def list_committees(store: Store, include_retired: bool = False) -> list[Committee]:
    with store.read() as session:
        q = select(Committee).order_by(col(Committee.name))
        if not include_retired:
            q = q.where(Committee.retired == False)  # noqa: E712
        return list(session.exec(q).all())


def find_committee(store: Store, name_or_id: str | int) -> Committee:
    with store.read() as session:
        if as_id(name_or_id) is not None:
            return get(session, Committee, as_id(name_or_id), "committee")
        text = str(name_or_id).strip().lower()
        if not text:
            raise InvalidInput("No committee was named; give its name (or part of it) or its id.")
        rows = session.exec(select(Committee)).all()
        exact = [c for c in rows if c.name.lower() == text]
        if exact:
            return exact[0]
        partial = [c for c in rows if text in c.name.lower()]
        if len(partial) == 1:
            return partial[0]
        if not partial:
            raise InvalidInput(f"No committee is called '{name_or_id}'.")
        raise InvalidInput(f"'{name_or_id}' matches {len(partial)} committees: " + ", ".join(c.name for c in partial) + ".")


def add_person(store: Store, surname: str, **values: Any) -> Person:
    if not surname.strip():
        raise InvalidInput("A person needs a surname.")
    with store.write() as session:
        person = Person(surname=surname.strip(), **values)
        session.add(person)
        session.flush()
        return person


def add_member(store: Store, committee_id: int, person_id: int, role: Role | str = Role.MEMBER, **values: Any) -> Membership:
    try:
        role = Role(role)
    except ValueError:
        raise InvalidInput(f"'{role}' is not a role; use chair, vice_chair, member or substitute.") from None
    with store.write() as session:
        get(session, Committee, committee_id, "committee")
        get(session, Person, person_id, "person")
        membership = Membership(committee_id=committee_id, person_id=person_id, role=role, **values)
        session.add(membership)
        session.flush()
        return membership


def display_name(person: Person, *, with_honours: bool = True) -> str:
    """Mr P M Hill, OBE — title, forenames or initials, surname, honours."""
    name = " ".join(p for p in (person.title, person.forenames, person.surname) if p)
    if with_honours and person.honours:
        name += f", {person.honours}"
    return name


# -- people and memberships -----------------------------------------------------------------

PERSON_FIELDS = ("title", "forenames", "surname", "honours", "organisation", "job_title", "email", "phone")


@dataclass(frozen=True)
class MemberRow:
    membership_id: int
    person_id: int
    name: str
    role: Role
    represents: str
    start_date: dt.date | None
    end_date: dt.date | None
    person: Person

    @property
    def current(self) -> bool:
        return self.end_date is None or self.end_date >= dt.date.today()


def _person_values(values: dict[str, Any]) -> dict[str, Any]:
    from .common import clean_text

    out = {}
    for key, value in values.items():
        if key not in PERSON_FIELDS:
            raise InvalidInput(f"People have no detail '{key}'.")
        out[key] = clean_text(value or "").strip()
    if "surname" in out and not out["surname"]:
        raise InvalidInput("A person needs a surname.")
    return out


def update_person(store: Store, person_id: int, **values: Any) -> Person:
    values = _person_values(values)
    with store.write() as session:
        person = get(session, Person, person_id, "person")
        for key, value in values.items():
            setattr(person, key, value)
        session.add(person)
        session.flush()
        return person


def list_members(store: Store, committee_id: int, *, include_past: bool = True) -> list[MemberRow]:
    """Members by role (chair, vice-chair, members, substitutes), then surname."""
    order = {Role.CHAIR: 0, Role.VICE_CHAIR: 1, Role.MEMBER: 2, Role.SUBSTITUTE: 3}
    with store.read() as session:
        rows = session.exec(
            select(Membership, Person)
            .join(Person, col(Person.id) == Membership.person_id)
            .where(Membership.committee_id == committee_id)
        ).all()
    out = [
        MemberRow(id_of(m), id_of(p), display_name(p), Role(m.role), m.represents, m.start_date, m.end_date, p) for m, p in rows
    ]
    if not include_past:
        out = [r for r in out if r.current]
    return sorted(out, key=lambda r: (not r.current, order[r.role], r.person.surname.lower(), r.person.forenames.lower()))


def update_membership(store: Store, membership_id: int, **values: Any) -> Membership:
    with store.write() as session:
        membership = get(session, Membership, membership_id, "membership")
        for key, value in values.items():
            if key == "role":
                try:
                    value = Role(value)
                except ValueError:
                    raise InvalidInput(f"'{value}' is not a role; use chair, vice_chair, member or substitute.") from None
            elif key not in ("represents", "start_date", "end_date"):
                raise InvalidInput(f"Memberships have no setting '{key}'.")
            setattr(membership, key, value)
        if membership.start_date and membership.end_date and membership.end_date < membership.start_date:
            raise InvalidInput("A membership ends on or after the day it starts.")
        session.add(membership)
        session.flush()
        return membership


def retire_member(store: Store, membership_id: int, end_date: dt.date | None = None) -> Membership:
    """The member leaves the committee: their membership ends (today by default); past notes
    still name them."""
    return update_membership(store, membership_id, end_date=end_date or dt.date.today())
