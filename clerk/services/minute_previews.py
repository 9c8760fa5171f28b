"""What a change to a meeting's minutes would do, without doing it: the change is made in a
transaction that is always rolled back, and its renumbering is returned (the clerk sees
"65 → 64: B1" before saying yes)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from sqlmodel import Session

from ..ids import id_of
from ..models import Committee
from ..storage import Store
from .common import get, scheme_of
from .minutes import Change, add_minute_in, delete_minute_in, move_minute_in


class _Rollback(Exception):
    pass


def preview(store: Store, op: Callable[[Session], list[Change]]) -> list[Change]:
    """Run ``op`` in a transaction that is always rolled back, and return its changes."""
    box: list[list[Change]] = []
    try:
        with store.write() as session:
            box.append(op(session))
            raise _Rollback
    except _Rollback:
        pass
    return box[0]


def preview_add(store: Store, meeting_id: int, title: str, **kw: Any) -> list[Change]:
    def op(session: Session) -> list[Change]:
        minute, changes = add_minute_in(session, meeting_id, title, **kw)
        label = scheme_of(get(session, Committee, minute.committee_id, "committee")).format(minute.number, minute.series)
        minute_id = id_of(minute)  # flushed by add_minute_in
        return [Change(minute_id, meeting_id, minute.title, None, label)] + [c for c in changes if c.minute_id != minute_id]

    return preview(store, op)


def preview_move(store: Store, minute_id: int, to_index: int) -> list[Change]:
    return preview(store, lambda s: move_minute_in(s, minute_id, to_index))


def preview_delete(store: Store, minute_id: int) -> list[Change]:
    return preview(store, lambda s: delete_minute_in(s, minute_id))
