"""Committees, people and memberships."""

from __future__ import annotations

from typing import Any

from sqlmodel import select

from ..errors import InvalidInput
from ..models import Committee, Membership, NumberingScheme, Person, Role
from ..numbering import validate_format
from ..storage import Store
from .common import get, lock_committee
from .minutes import renumber

_NUMBERING_FIELDS = {"numbering_scheme", "numbering_start", "year_start_month", "number_format"}


def _check(values: dict[str, Any]) -> None:
    if "name" in values and not str(values["name"]).strip():
        raise InvalidInput("A committee needs a name.")
    if "numbering_start" in values and int(values["numbering_start"]) < 1:
        raise InvalidInput("The first minute number must be 1 or more.")
    if "year_start_month" in values and not 1 <= int(values["year_start_month"]) <= 12:
        raise InvalidInput("The municipal year starts in a month from 1 (January) to 12 (December).")
    if "number_format" in values:
        validate_format(values["number_format"])
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


def update_committee(store: Store, committee_id: int, **values: Any) -> Committee:
    """Change settings; a change to the numbering renumbers the unsigned meetings (and is
    refused if it would change signed ones)."""
    _check(values)
    with store.write() as session:
        committee = lock_committee(session, committee_id)
        for key, value in values.items():
            if not hasattr(committee, key):
                raise InvalidInput(f"Committees have no setting '{key}'.")
            setattr(committee, key, value)
        session.add(committee)
        session.flush()
        if _NUMBERING_FIELDS & values.keys():
            renumber(session, committee)
        session.refresh(committee)
        return committee


def list_committees(store: Store, include_retired: bool = False) -> list[Committee]:
    with store.read() as session:
        q = select(Committee).order_by(Committee.name)
        if not include_retired:
            q = q.where(Committee.retired == False)  # noqa: E712
        return list(session.exec(q).all())


def find_committee(store: Store, name_or_id: str | int) -> Committee:
    with store.read() as session:
        if isinstance(name_or_id, int) or str(name_or_id).isdigit():
            return get(session, Committee, int(name_or_id), "committee")
        text = str(name_or_id).strip().lower()
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
