"""An agenda item's current report (the one not superseded), and the rule that an item with one
attached is not made Verbal or a standard item: the report would go on into the pack under an
item that says it has no paper. Apart from ``reports`` so that ``agenda`` can ask it."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlmodel import Session, col, select

from ..errors import InvalidInput
from ..models import Attachment


def current_report(session: Session, item_id: int | None) -> Attachment | None:
    return session.exec(
        select(Attachment)
        .where(Attachment.agenda_item_id == item_id, Attachment.superseded == False)  # noqa: E712
        .order_by(col(Attachment.id).desc())
    ).first()


def refuse_paperless(session: Session, item_id: int | None, rows: Sequence[Any]) -> None:
    """``rows``: the meeting's agenda rows, for the item's code."""
    current = current_report(session, item_id)
    if current is not None:
        code = next(r.code for r in rows if r.id == item_id)
        raise InvalidInput(
            f"{code} has its report attached ({current.filename}): detach it first (u in the agenda, or "
            "`clerk detach`), which can make the item Verbal."
        )
