"""The forward plan (work programme): items a committee expects at a future meeting, kept before
that meeting's agenda exists, and items carried from a meeting that deferred or withdrew them.
Importable from clerk.models as well."""

from __future__ import annotations

import datetime as dt
from enum import StrEnum

from sqlalchemy import Column, Text
from sqlmodel import Field, SQLModel

from .kinds import ItemKind


class PlanStatus(StrEnum):
    PLANNED = "planned"  # waiting for its meeting's agenda
    ON_AGENDA = "on_agenda"  # put on the agenda (agenda_item_id says where, while the item is there)
    DROPPED = "dropped"  # the clerk declined it; not offered again


class PlannedItem(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    committee_id: int = Field(foreign_key="committee.id", index=True, ondelete="CASCADE")
    meeting_date: dt.date = Field(index=True)  # the meeting it is planned for, whether or not set up yet
    meeting_id: int | None = Field(default=None, foreign_key="meeting.id", index=True, ondelete="SET NULL")  # once set up
    title: str = ""
    presenter: str = ""  # the author or presenter, as written ("Shafick Peerbux")
    kind: ItemKind = ItemKind.REPORT
    section: str = "B"  # where it is expected on a lettered agenda
    restricted: bool = False
    exempt_paragraph: int | None = None
    note: str = Field(default="", sa_column=Column(Text, nullable=False, default=""))  # its history, put under the item
    status: PlanStatus = PlanStatus.PLANNED
    from_minute_id: int | None = Field(default=None, foreign_key="minute.id", ondelete="SET NULL")  # deferred there
    agenda_item_id: int | None = Field(default=None, foreign_key="agendaitem.id", ondelete="SET NULL")
    added_at: dt.datetime | None = None
