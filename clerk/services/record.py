"""The meeting's record as data, for archiving: whole, or with only its public fields.

The public record leaves out what the public notes leave out: the text, actions, votes and
files of restricted minutes, the declarations made inside them, and a declaration's nature
the clerk marked restricted. Restricted minutes keep their number, title and paragraph, as
the public notes print them."""

from __future__ import annotations

from typing import Any

from sqlmodel import Session, col, select

from ..models import Action, Declaration, Minute
from .signoff import content_of

WITHHELD = ("paragraphs", "actions", "votes", "attachments", "action_log")


def record_of(session: Session, meeting_id: int, *, public: bool = False) -> dict[str, Any]:
    """``{"restricted_text": bool, ...content_of}``: the first key says whether the record
    holds text that is not for publication."""
    whole = _with_action_log(session, meeting_id, content_of(session, meeting_id))
    public_part = _public(session, meeting_id, whole)
    chosen = public_part if public else whole
    restricted = not public and (whole != public_part or _marked(session, meeting_id))
    return {"restricted_text": restricted, **chosen}


def _with_action_log(session: Session, meeting_id: int, whole: dict[str, Any]) -> dict[str, Any]:
    """Each minute's actions as they stand now (status, its day, the update): kept beside the
    signed content, not in it, so the log moves on without touching a signed record."""
    minutes = session.exec(select(Minute).where(Minute.meeting_id == meeting_id).order_by(col(Minute.seq), col(Minute.id))).all()
    log = []
    for m in minutes:
        acts = session.exec(select(Action).where(Action.minute_id == m.id).order_by(col(Action.position), col(Action.id))).all()
        log.append([[a.status, a.status_on.isoformat() if a.status_on else None, a.progress] for a in acts])
    return {**whole, "minutes": [{**entry, "action_log": entries} for entry, entries in zip(whole["minutes"], log, strict=True)]}


def _marked(session: Session, meeting_id: int) -> bool:
    """Restricted parts that carry no text yet (a restricted minute with no paragraphs) still
    make the whole record one not to publish."""
    return bool(
        session.exec(select(Minute.id).where(Minute.meeting_id == meeting_id, Minute.restricted == True)).first()  # noqa: E712
        or session.exec(
            select(Declaration.id).where(Declaration.meeting_id == meeting_id, Declaration.nature_restricted == True)  # noqa: E712
        ).first()
    )


def _public(session: Session, meeting_id: int, whole: dict[str, Any]) -> dict[str, Any]:
    private = set(session.exec(select(Minute.id).where(Minute.meeting_id == meeting_id, Minute.restricted == True)).all())  # noqa: E712
    minutes = [{**m, **{k: [] for k in WITHHELD}} if m["restricted"] else m for m in whole["minutes"]]
    declarations = session.exec(
        select(Declaration).where(Declaration.meeting_id == meeting_id).order_by(col(Declaration.id))
    ).all()
    shown = [
        [d.member_name, d.person_id, d.agenda_item_id, d.minute_id, "" if d.nature_restricted else d.nature]
        + ([d.interest, d.participation] if d.interest or d.participation else [])
        for d in declarations
        if d.minute_id not in private
    ]
    return {**whole, "minutes": minutes, "declarations": shown}
