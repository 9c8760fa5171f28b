"""A minute's text is replaced in one place, whole, once.

Every save first locks the minute's row (on PostgreSQL; on SQLite the write transaction
already holds the only write lock), so two saves of one minute at once queue instead of
interleaving: the old paragraphs are deleted and the new ones inserted in the same
transaction, and two sets never both remain. Each change counts up the minute's
``version``; a save that says which version its text was based on is refused with
``MinuteChanged`` when another window has changed the minute since, so nothing is overwritten
unseen.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from sqlalchemy import delete, insert, update
from sqlalchemy.orm.attributes import set_committed_value
from sqlmodel import Session, col, select

from ..body import Para
from ..errors import ClerkError, NotFound
from ..models import Committee, Minute, Paragraph, ParagraphKind
from .common import get, scheme_of


class MinuteChanged(ClerkError):
    """The minute's text was changed elsewhere after this window read it."""

    def __init__(self, message: str, minute_id: int, version: int) -> None:
        super().__init__(message)
        self.minute_id = minute_id
        self.version = version  # the version now stored: a save based on it may overwrite


@dataclass(frozen=True)
class Saved:
    """What a save did: whether the text changed, and the minute's version now."""

    changed: bool
    version: int

    def __bool__(self) -> bool:
        return self.changed


def replace_paragraphs_in(
    session: Session, minute_id: int, wanted: list[Para] | Callable[[list[Para]], list[Para]], base_version: int | None = None
) -> Saved:
    """Make the minute's paragraphs ``wanted`` (or what ``wanted(current)`` gives). Nothing is
    written when they are unchanged. With ``base_version``, a minute changed since that
    version is refused (MinuteChanged); without it the save goes after any other."""
    row = session.exec(
        select(col(Minute.version), col(Minute.number), col(Minute.series), col(Minute.committee_id))
        .where(col(Minute.id) == minute_id)
        .with_for_update()
    ).first()
    if row is None:
        raise NotFound(f"There is no minute with id {minute_id}.")
    stored_version, number, series, committee_id = row
    current = [
        Para(ParagraphKind(kind), text, numbered)
        for kind, text, numbered in session.exec(
            select(col(Paragraph.kind), col(Paragraph.text), col(Paragraph.numbered))
            .where(Paragraph.minute_id == minute_id)
            .order_by(col(Paragraph.position), col(Paragraph.id))
        ).all()
    ]
    paragraphs = wanted(current) if callable(wanted) else wanted
    if paragraphs == current:
        return Saved(False, stored_version)
    if base_version is not None and base_version != stored_version:
        label = scheme_of(get(session, Committee, committee_id, "committee")).format(number, series)
        raise MinuteChanged(
            f"Minute {label} was changed in another window since this one read it; nothing was overwritten.",
            minute_id,
            stored_version,
        )
    session.execute(delete(Paragraph).where(col(Paragraph.minute_id) == minute_id))
    if paragraphs:
        session.execute(
            insert(Paragraph),
            [
                {"minute_id": minute_id, "position": n, "kind": p.kind, "text": p.text, "numbered": p.numbered}
                for n, p in enumerate(paragraphs)
            ],
        )
    version = stored_version + 1
    session.execute(update(Minute).where(col(Minute.id) == minute_id).values(version=version))
    loaded = session.identity_map.get(session.identity_key(Minute, minute_id))
    if loaded is not None:
        set_committed_value(loaded, "version", version)  # a Minute already read in this session says so too
    return Saved(True, version)
