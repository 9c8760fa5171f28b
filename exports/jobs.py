"""One document to a file: the Word writer for its kind, and the PDF through LibreOffice when
asked. Pure: it is handed the document data, it never reads the record."""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from pathlib import Path

from clerk.documents.model import AgendaDoc, NotesDoc, VolumeDoc

from .agenda import write_agenda
from .notes import write_notes, write_volume

Progress = Callable[[str], None]


def write_document(
    data: AgendaDoc | NotesDoc | VolumeDoc, out: Path, *, pdf: bool = False, progress: Progress | None = None
) -> Path:
    """Write ``data`` to ``out`` (already checked): Word, or a PDF converted from it."""
    say = progress or (lambda _step: None)
    write = write_agenda if isinstance(data, AgendaDoc) else write_volume if isinstance(data, VolumeDoc) else write_notes
    if not pdf:
        say("Writing the Word document")
        return write(data, out)  # type: ignore[arg-type]
    from .pdf import docx_to_pdf

    with tempfile.TemporaryDirectory(prefix="clerk-export-") as tmp:
        say("Writing the Word document")
        docx = write(data, Path(tmp) / (out.stem + ".docx"))  # type: ignore[arg-type]
        say("Converting to PDF with LibreOffice")
        return docx_to_pdf(docx, out)
