"""A report that is a table: the attendance record, the action log, a chasing list. One set of
rows feeds the screen, the Word document and the CSV file alike."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class TableDoc:
    organisation: str  # "KENT COUNTY COUNCIL", or ""
    title: str  # "Attendance record"
    subtitle: str  # "Kent Community Safety Partnership: 1 May 2014 to 30 April 2015"
    columns: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    short_columns: tuple[str, ...] = ()  # the same columns' headings for a narrow screen
    notes: tuple[str, ...] = ()  # lines under the table: how the figures are counted
    numeric: tuple[int, ...] = ()  # columns set right-aligned (counts, percentages)
    marks: tuple[str, ...] = ()  # header marks, such as RESTRICTED – NOT FOR PUBLICATION
    template: Path | None = None
    paper: str = "A4"
    landscape: bool = False
