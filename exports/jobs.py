"""One export from start to finish: the document data from the record, the Word file, and the
PDF when asked. The command line and the app's export dialog both call ``run``."""

from __future__ import annotations

import datetime as dt
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from clerk.documents import build_agenda, build_notes, build_volume
from clerk.errors import InvalidInput
from clerk.files import check_writable, output_path
from clerk.storage import Store

from .agenda import write_agenda
from .notes import write_notes, write_volume

KINDS = ("notes", "agenda", "volume")
Progress = Callable[[str], None]


@dataclass(frozen=True)
class ExportChoice:
    kind: str  # notes, agenda, volume
    out: Path
    meeting_id: int | None = None
    public: bool = False
    pdf: bool = False
    committee_id: int | None = None  # volume
    start: dt.date | None = None
    end: dt.date | None = None


def run(store: Store, choice: ExportChoice, progress: Progress | None = None, *, warn: Progress | None = None) -> Path:
    """``warn`` hears, before anything is written, of signed notes whose stored text no longer
    matches their content hash (they are still exported, as signed)."""
    from clerk.services.signoff import tamper_warnings

    say = progress or (lambda _step: None)
    if choice.kind not in KINDS:
        raise InvalidInput(f"'{choice.kind}' is not something clerk exports; choose notes, agenda or volume.")
    out = check_writable(output_path(choice.out, ".pdf" if choice.pdf else ".docx", hint=(
        "name a .pdf file for a PDF" if choice.pdf else "name a .docx file, or ask for a PDF (--pdf)")))
    say("Reading the record")
    warnings: list[str] = []
    if choice.kind == "agenda":
        write, data = write_agenda, build_agenda(store, _need(choice.meeting_id))
    elif choice.kind == "notes":
        write, data = write_notes, build_notes(store, _need(choice.meeting_id), public=choice.public)
        warnings = tamper_warnings(store, [choice.meeting_id])
    else:
        if choice.committee_id is None or choice.start is None or choice.end is None:
            raise InvalidInput("A bound volume needs a committee and a date range.")
        if choice.end < choice.start:
            raise InvalidInput("The volume's range ends before it starts.")
        write, data = write_volume, build_volume(store, choice.committee_id, choice.start, choice.end, public=choice.public)
        if not data.notes:
            raise InvalidInput("No minuted meetings fall in that range.")
        warnings = tamper_warnings(store, committee_id=choice.committee_id, start=choice.start, end=choice.end)
    for warning in warnings:
        (warn or say)(warning)
    if not choice.pdf:
        say("Writing the Word document")
        return write(data, out)
    from .pdf import docx_to_pdf

    with tempfile.TemporaryDirectory(prefix="clerk-export-") as tmp:
        say("Writing the Word document")
        docx = write(data, Path(tmp) / (out.stem + ".docx"))
        say("Converting to PDF with LibreOffice")
        return docx_to_pdf(docx, out)


def _need(meeting_id: int | None) -> int:
    if meeting_id is None:
        raise InvalidInput("Choose a meeting first.")
    return meeting_id


def municipal_year_range(year: int, start_month: int = 5) -> tuple[dt.date, dt.date]:
    """The municipal year starting in ``year``: 1 May 2014 to 30 April 2015 by default."""
    if not 1900 <= year <= 2999:
        raise InvalidInput(f"{year} is not a municipal year; give the year it starts, such as 2014 for 2014/15.")
    start = dt.date(year, start_month, 1)
    end = dt.date(year + 1, start_month, 1) - dt.timedelta(days=1)
    return start, end
