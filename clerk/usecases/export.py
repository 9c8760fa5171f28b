"""One export from start to finish: the output path checked, the document data read from the
record, signed notes checked against their hash, then the data handed to ``write`` (the Word or
PDF writer the composition root passes in). The command line and the app's export dialog both
call ``export``."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from ..documents import AgendaDoc, NotesDoc, VolumeDoc, build_agenda, build_notes, build_volume
from ..errors import InvalidInput
from ..files import check_writable, output_path
from ..storage import Store

KINDS = ("notes", "agenda", "volume")
Progress = Callable[[str], None]
Document = AgendaDoc | NotesDoc | VolumeDoc
# write(data, out, pdf=..., progress=...) -> the path written
Writer = Callable[..., Path]


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


def export(
    store: Store, choice: ExportChoice, write: Writer, progress: Progress | None = None, *, warn: Progress | None = None
) -> Path:
    """``warn`` hears, before anything is written, of signed notes whose stored text no longer
    matches their content hash (they are still exported, as signed)."""
    from ..services.signoff import tamper_warnings

    say = progress or (lambda _step: None)
    if choice.kind not in KINDS:
        raise InvalidInput(f"'{choice.kind}' is not something clerk exports; choose notes, agenda or volume.")
    out = check_writable(
        output_path(
            choice.out,
            ".pdf" if choice.pdf else ".docx",
            hint=("name a .pdf file for a PDF" if choice.pdf else "name a .docx file, or ask for a PDF (--pdf)"),
        )
    )
    say("Reading the record")
    warnings: list[str] = []
    data: Document
    if choice.kind == "agenda":
        data = build_agenda(store, _need(choice.meeting_id))
    elif choice.kind == "notes":
        data = build_notes(store, _need(choice.meeting_id), public=choice.public)
        warnings = tamper_warnings(store, [_need(choice.meeting_id)])
    else:
        if choice.committee_id is None or choice.start is None or choice.end is None:
            raise InvalidInput("A bound volume needs a committee and a date range.")
        if choice.end < choice.start:
            raise InvalidInput("The volume's range ends before it starts.")
        data = build_volume(store, choice.committee_id, choice.start, choice.end, public=choice.public)
        if not data.notes:
            raise InvalidInput("No minuted meetings fall in that range.")
        warnings = tamper_warnings(store, committee_id=choice.committee_id, start=choice.start, end=choice.end)
    for warning in warnings:
        (warn or say)(warning)
    return write(data, out, pdf=choice.pdf, progress=say)


def _need(meeting_id: int | None) -> int:
    if meeting_id is None:
        raise InvalidInput("Choose a meeting first.")
    return meeting_id
