"""The action log's documents as plain data: the matters-arising paper for a meeting's pack and
the chasing report of each owner's open actions, a heading and tables of rows. The screen shows
them with ``action_lines`` and the Word writer (``exports.actions``) lays out the same data."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class ActionTable:
    title: str  # "Action log / matters arising", "Open actions: Jim Parris"
    intro: str
    columns: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    empty: str = ""  # said instead of an empty table


@dataclass(frozen=True)
class ActionsDoc:
    organisation: str  # KENT COUNTY COUNCIL
    committee: str  # KENT COMMUNITY SAFETY PARTNERSHIP
    heading: str  # "Meeting of Tuesday, 14 October 2014" or "Actions to chase, 2 October 2014"
    tables: tuple[ActionTable, ...]
    paper: str = "A4"
    restricted: bool = False  # holds a restricted minute's actions: marked not for publication

    @property
    def title(self) -> str:
        return self.tables[0].title if len(self.tables) == 1 else self.heading


def action_lines(doc: ActionsDoc) -> list[str]:
    """The document as lines of text, for the screen: the heading, then each table's title,
    intro and rows, one row a line with its cells joined by " · "."""
    lines = [line for line in (doc.committee, doc.heading) if line] + [""]
    for table in doc.tables:
        lines += [table.title, table.intro]
        if not table.rows:
            lines.append(table.empty)
        for row in table.rows:
            lines.append(" · ".join(cell for cell in row if cell))
        lines.append("")
    return lines
