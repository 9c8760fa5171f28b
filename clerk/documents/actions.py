"""The action log's documents built from the record: the matters-arising paper that goes into
a meeting's pack under its "Action log / matters arising" item, and the chasing report of
open actions by owner."""

from __future__ import annotations

import datetime as dt

from ..models import Committee, Meeting
from ..services.actions import ActionRow, by_owner, list_actions, matters_arising
from ..services.common import get
from ..storage import Store
from ..wording_actions import (
    CHASE_COLUMNS,
    MATTERS_ARISING_TITLE,
    PAPER_COLUMNS,
    chase_heading,
    chase_intro,
    chase_title,
    due_label,
    matters_arising_intro,
    minute_cell,
    no_actions_sentence,
    no_open_actions,
    paper_heading,
    restricted_mark,
)
from .actions_doc import ActionsDoc, ActionTable


def _minute(r: ActionRow) -> str:
    return minute_cell(r.minute, r.meeting_date)


def build_matters_arising(store: Store, meeting_id: int) -> ActionsDoc:
    """The paper for the meeting's matters arising: only public actions (the pack is public)."""
    rows, since = matters_arising(store, meeting_id)
    with store.read() as session:
        meeting = get(session, Meeting, meeting_id, "meeting")
        committee = get(session, Committee, meeting.committee_id, "committee")
    table = ActionTable(
        MATTERS_ARISING_TITLE,
        matters_arising_intro(committee.body_noun, since),
        PAPER_COLUMNS,
        tuple((_minute(r), r.action, r.owner, r.status_text(), r.progress) for r in rows),
        no_actions_sentence(since),
    )
    return ActionsDoc(committee.organisation, committee.name.upper(), paper_heading(meeting.date), (table,), committee.paper_size)


def build_chase(
    store: Store,
    *,
    owner: str | None = None,
    committee_id: int | None = None,
    restricted: bool = False,
    today: dt.date | None = None,
) -> ActionsDoc:
    """Each owner's open actions, one table an owner, for chasing them. A restricted minute's
    actions only when ``restricted`` (the document is then marked not for publication)."""
    day = today or dt.date.today()
    rows = list_actions(store, committee_id=committee_id, open_only=True, owner=owner, public=not restricted)
    tables = []
    for name, theirs in by_owner(rows).items():
        cells = tuple(
            (
                _minute(r),
                restricted_mark(r.action) if r.restricted else r.action,
                due_label(r.due),
                r.status_text(),
                r.progress,
            )
            for r in theirs
        )
        tables.append(ActionTable(chase_title(name), chase_intro(name, len(theirs), day), CHASE_COLUMNS, cells))
    organisation, name, paper = "", "", "A4"
    if committee_id is not None:
        with store.read() as session:
            committee = get(session, Committee, committee_id, "committee")
        organisation, name, paper = committee.organisation, committee.name.upper(), committee.paper_size
    heading = chase_heading(day)
    if not tables:
        tables.append(ActionTable(heading, "", CHASE_COLUMNS, (), no_open_actions(owner)))
    return ActionsDoc(organisation, name, heading, tuple(tables), paper, restricted=any(r.restricted for r in rows))
