"""What a minute says: its title, paragraphs and resolutions, actions, declarations,
recorded votes and attachments. Every edit is refused once the notes are signed."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlmodel import Session, col, select

from ..blobs import keep_in, read_source
from ..body import Para, parse, render
from ..errors import InvalidInput
from ..models import (
    Action,
    AgendaItem,
    Attachment,
    Declaration,
    Meeting,
    Minute,
    MinuteState,
    Paragraph,
    ParagraphKind,
    Person,
    Vote,
)
from ..storage import Store
from .common import clean_text, ensure_editable, get
from .minute_text import Saved, replace_paragraphs_in
from .voting import add_vote, add_vote_in  # noqa: F401  (votes have their own module)


@dataclass
class MinuteContent:
    minute: Minute
    paragraphs: list[Para] = field(default_factory=list)
    actions: list[Action] = field(default_factory=list)
    votes: list[Vote] = field(default_factory=list)
    attachments: list[Attachment] = field(default_factory=list)

    @property
    def body(self) -> str:
        return render(self.paragraphs)


def _editable_minute(session: Session, minute_id: int) -> Minute:
    minute = get(session, Minute, minute_id, "minute")
    ensure_editable(get(session, Meeting, minute.meeting_id, "meeting"))
    return minute


def content_in(session: Session, minute_id: int) -> MinuteContent:
    minute = get(session, Minute, minute_id, "minute")
    paras = session.exec(
        select(Paragraph).where(Paragraph.minute_id == minute_id).order_by(col(Paragraph.position), col(Paragraph.id))
    ).all()
    return MinuteContent(
        minute=minute,
        paragraphs=[Para(ParagraphKind(p.kind), p.text, p.numbered) for p in paras],
        actions=list(
            session.exec(select(Action).where(Action.minute_id == minute_id).order_by(col(Action.position), col(Action.id))).all()
        ),
        votes=list(
            session.exec(select(Vote).where(Vote.minute_id == minute_id).order_by(col(Vote.position), col(Vote.id))).all()
        ),
        attachments=list(
            session.exec(
                select(Attachment)
                .where(Attachment.minute_id == minute_id, Attachment.superseded == False)  # noqa: E712
                .order_by(col(Attachment.id))
            ).all()
        ),
    )


def content(store: Store, minute_id: int) -> MinuteContent:
    with store.read() as session:
        return content_in(session, minute_id)


def set_paragraphs_in(session: Session, minute_id: int, paragraphs: list[Para], base_version: int | None = None) -> Saved:
    """Replace the minute's paragraphs (see ``minute_text``); false (nothing written) when unchanged."""
    _editable_minute(session, minute_id)
    paragraphs = [Para(p.kind, clean_text(p.text).strip(), p.numbered) for p in paragraphs if clean_text(p.text).strip()]
    return replace_paragraphs_in(session, minute_id, paragraphs, base_version)


def set_body(store: Store, minute_id: int, text: str, numbered: bool = True, base_version: int | None = None) -> Saved:
    """Store what the clerk typed (see ``clerk.body``)."""
    with store.write() as session:
        return set_paragraphs_in(session, minute_id, parse(clean_text(text), numbered), base_version)


def set_paragraphs(store: Store, minute_id: int, paragraphs: list[Para]) -> Saved:
    with store.write() as session:
        return set_paragraphs_in(session, minute_id, paragraphs)


def update_minute_in(session: Session, minute_id: int, **values: Any) -> Minute:
    minute = _editable_minute(session, minute_id)
    allowed = {"title", "restricted", "exempt_paragraph", "state", "taken_at", "agenda_item_id"}
    for key, value in values.items():
        if key not in allowed:
            raise InvalidInput(f"Minutes have no setting '{key}'.")
        if key == "title":
            value = clean_text(value).strip()
            if not value:
                raise InvalidInput("A minute needs a title.")
        if key == "state":
            try:
                value = MinuteState(value)
            except ValueError:
                raise InvalidInput(f"'{value}' is not a state; use taken, withdrawn or deferred.") from None
        if key == "agenda_item_id" and value is not None:
            item = get(session, AgendaItem, value, "agenda item")
            if item.meeting_id != minute.meeting_id:
                raise InvalidInput("That agenda item belongs to another meeting.")
        setattr(minute, key, value)
    session.add(minute)
    session.flush()
    return minute


def update_minute(store: Store, minute_id: int, **values: Any) -> Minute:
    with store.write() as session:
        return update_minute_in(session, minute_id, **values)


# -- actions and declarations (votes: voting.py) ----------------------------------------


def add_action_in(
    session: Session,
    minute_id: int,
    owner_name: str,
    description: str = "",
    *,
    owner_person_id: int | None = None,
    due_date: dt.date | None = None,
) -> Action:
    _editable_minute(session, minute_id)
    owner_name = clean_text(owner_name).strip()
    if owner_person_id is not None and not owner_name:
        person = get(session, Person, owner_person_id, "person")
        owner_name = " ".join(p for p in (person.forenames, person.surname) if p)
    if not owner_name:
        raise InvalidInput("An action needs an owner.")
    count = len(session.exec(select(Action.id).where(Action.minute_id == minute_id)).all())
    action = Action(
        minute_id=minute_id,
        position=count,
        owner_name=owner_name,
        owner_person_id=owner_person_id,
        description=clean_text(description).strip(),
        due_date=due_date,
    )
    session.add(action)
    session.flush()
    return action


def add_action(store: Store, minute_id: int, owner_name: str, description: str = "", **kw: Any) -> Action:
    with store.write() as session:
        return add_action_in(session, minute_id, owner_name, description, **kw)


def delete_action(store: Store, action_id: int) -> None:
    with store.write() as session:
        action = get(session, Action, action_id, "action")
        _editable_minute(session, action.minute_id)
        session.delete(action)


def add_declaration_in(
    session: Session,
    meeting_id: int,
    member_name: str,
    nature: str,
    *,
    person_id: int | None = None,
    agenda_item_id: int | None = None,
    minute_id: int | None = None,
    nature_restricted: bool = False,
    interest: str = "",
    participation: str = "",
) -> Declaration:
    """``nature_restricted``: the nature would reveal exempt information, so the public notes
    say only who declared an interest in which item. ``interest`` is the Act's kind and
    ``participation`` what the member then did, as keys or as a clerk types them."""
    from .interests import interest_key, participation_key

    ensure_editable(get(session, Meeting, meeting_id, "meeting"))
    interest, participation = interest_key(interest), participation_key(participation)
    member_name = clean_text(member_name).strip()
    if person_id is not None and not member_name:
        from .committees import display_name

        member_name = display_name(get(session, Person, person_id, "person"), with_honours=False)
    if not member_name:
        raise InvalidInput("A declaration needs the member who made it.")
    nature = clean_text(nature).strip()
    if not nature:
        raise InvalidInput("Say the nature of the interest declared.")
    declaration = Declaration(
        meeting_id=meeting_id,
        person_id=person_id,
        member_name=member_name,
        agenda_item_id=agenda_item_id,
        minute_id=minute_id,
        nature=nature,
        nature_restricted=bool(nature_restricted),
        interest=interest,
        participation=participation,
    )
    session.add(declaration)
    session.flush()
    return declaration


def add_declaration(store: Store, meeting_id: int, member_name: str, nature: str, **kw: Any) -> Declaration:
    with store.write() as session:
        return add_declaration_in(session, meeting_id, member_name, nature, **kw)


def declarations(store: Store, meeting_id: int) -> list[Declaration]:
    with store.read() as session:
        return list(
            session.exec(select(Declaration).where(Declaration.meeting_id == meeting_id).order_by(col(Declaration.id))).all()
        )


# -- attachments ------------------------------------------------------------------------


def attach_to_minute(store: Store, minute_id: int, source: Path | str, name: str | None = None) -> Attachment:
    """Attach a file (a presentation) to a minute; it is printed as an appendix "Minute Item N"."""
    with store.read() as session:
        _editable_minute(session, minute_id)
    data = read_source(source)
    src = Path(source)
    with store.write() as session:
        _editable_minute(session, minute_id)
        digest = keep_in(session, data)
        attachment = Attachment(
            minute_id=minute_id,
            filename=clean_text(name or src.name),
            sha256=digest,
            content_type=src.suffix.lower().lstrip("."),
            added_at=dt.datetime.now(dt.UTC),
        )
        session.add(attachment)
        session.flush()
        return attachment


def attachment_suffix(attachment: Attachment) -> str:
    return f".{attachment.content_type}" if attachment.content_type else ""
