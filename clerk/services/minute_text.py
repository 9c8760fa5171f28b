"""A minute's text is replaced in one place, whole, once.

Every save first locks the minute's row (on PostgreSQL; on SQLite the write transaction
already holds the only write lock), so two saves of one minute at once queue instead of
interleaving: in one transaction each paragraph that changed is rewritten in place, those no
longer there deleted and new ones added, so two sets never both remain (and a word typed
rewrites one paragraph, not the minute). Each change counts up the minute's
``version``; a save that says which version its text was based on is refused with
``MinuteChanged`` when another window has changed the minute since, so nothing is overwritten
unseen.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from sqlalchemy import bindparam, delete, insert, select, update
from sqlalchemy.orm.attributes import set_committed_value
from sqlmodel import Session

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


# Built once: the autosave runs them every half second, and a statement built anew is
# constructed and keyed again on every call. On the tables, so no ORM work is done per row.
_MINUTES, _PARAGRAPHS = Minute.__table__, Paragraph.__table__  # type: ignore[attr-defined]
_MINUTE_ROW = (
    select(_MINUTES.c.version, _MINUTES.c.number, _MINUTES.c.series, _MINUTES.c.committee_id)
    .where(_MINUTES.c.id == bindparam("b_minute"))
    .with_for_update()
)
_CURRENT = (
    select(_PARAGRAPHS.c.id, _PARAGRAPHS.c.position, _PARAGRAPHS.c.kind, _PARAGRAPHS.c.text, _PARAGRAPHS.c.numbered)
    .where(_PARAGRAPHS.c.minute_id == bindparam("b_minute"))
    .order_by(_PARAGRAPHS.c.position, _PARAGRAPHS.c.id)
)
_REWRITE = (
    update(_PARAGRAPHS)
    .where(_PARAGRAPHS.c.id == bindparam("b_id"))
    .values(
        position=bindparam("b_position"), kind=bindparam("b_kind"), text=bindparam("b_text"), numbered=bindparam("b_numbered")
    )
)
_DELETE = delete(_PARAGRAPHS).where(_PARAGRAPHS.c.id.in_(bindparam("b_ids", expanding=True)))
_INSERT = insert(_PARAGRAPHS)
_VERSION = update(_MINUTES).where(_MINUTES.c.id == bindparam("b_minute")).values(version=bindparam("b_version"))


def replace_paragraphs_in(
    session: Session, minute_id: int, wanted: list[Para] | Callable[[list[Para]], list[Para]], base_version: int | None = None
) -> Saved:
    """Make the minute's paragraphs ``wanted`` (or what ``wanted(current)`` gives). Nothing is
    written when they are unchanged. With ``base_version``, a minute changed since that
    version is refused (MinuteChanged); without it the save goes after any other."""
    session.flush()  # what the session holds is written first, as a query through it would
    conn = session.connection()
    row = conn.execute(_MINUTE_ROW, {"b_minute": minute_id}).first()
    if row is None:
        raise NotFound(f"There is no minute with id {minute_id}.")
    stored_version, number, series, committee_id = row
    rows = conn.execute(_CURRENT, {"b_minute": minute_id}).all()
    current = [Para(ParagraphKind(kind), text, numbered) for _id, _position, kind, text, numbered in rows]
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
    rewrite = [
        {"b_id": row[0], "b_position": n, "b_kind": new.kind, "b_text": new.text, "b_numbered": new.numbered}
        for n, (row, old, new) in enumerate(zip(rows, current, paragraphs, strict=False))
        if (row[1], old) != (n, new)
    ]
    if rewrite:
        conn.execute(_REWRITE, rewrite)
    if len(rows) > len(paragraphs):
        conn.execute(_DELETE, {"b_ids": [row[0] for row in rows[len(paragraphs) :]]})
    for gone in [o for o in session.identity_map.values() if isinstance(o, Paragraph) and o.minute_id == minute_id]:
        session.expunge(gone)  # a paragraph read earlier in this session may say something else now
    if len(paragraphs) > len(rows):
        conn.execute(
            _INSERT,
            [
                {"minute_id": minute_id, "position": n, "kind": p.kind, "text": p.text, "numbered": p.numbered}
                for n, p in enumerate(paragraphs)
                if n >= len(rows)
            ],
        )
    version = stored_version + 1
    conn.execute(_VERSION, {"b_minute": minute_id, "b_version": version})
    loaded = session.identity_map.get(session.identity_key(Minute, minute_id))
    if loaded is not None:
        set_committed_value(loaded, "version", version)  # a Minute already read in this session says so too
    return Saved(True, version)
