"""One way in for a file of notes or minutes: its text from .txt, .docx or .pdf, the layout it
is in (printed notes, or a web page's minutes), and a clear refusal when it is not notes at all."""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path

from ..errors import InvalidInput
from .notes_text import LINE_BREAK, ImportedNotes, clean_lines, parse_notes
from .notes_web import is_web_minutes, parse_web

_NOTES_LINE = re.compile(r"^\W*(?:NOTES|MINUTES)\s+of\s+(?:a|the)\b", re.MULTILINE)


class NotNotes(InvalidInput):
    """The file holds no notes or minutes clerk can read."""


def file_text(path: Path) -> str:
    """The plain text of a .txt, .docx or .pdf file, one paragraph a line ("" when it has none);
    InvalidInput when it cannot be read (a broken file, an old .doc, an image)."""
    from ..wording_import import UNREADABLE

    suffix = path.suffix.lower()
    try:
        if suffix == ".docx":
            return _docx_text(path)
        if suffix == ".pdf":
            from .pdf_text import pdf_text

            return pdf_text(path)
        text = path.read_text(encoding="utf-8-sig", errors="replace")
        if "\x00" in text[:4096]:
            raise ValueError("a binary file")  # an old .doc, a spreadsheet, an image
        return text
    except Exception as exc:  # a broken or foreign file: one line for the clerk
        raise InvalidInput(UNREADABLE.format(name=path.name)) from exc


def read_text(path: Path) -> str:
    """The file's text; NotNotes when there is none (an empty file, a scanned PDF)."""
    from ..wording_import import EMPTY, NO_TEXT

    text = file_text(path)
    if not text.strip():
        raise NotNotes((NO_TEXT if path.suffix.lower() == ".pdf" else EMPTY).format(name=path.name))
    return text


def _docx_text(path: Path) -> str:
    """A Word document's text in the order of its body: each paragraph a line, and each table
    cell's paragraphs in turn (notes set out in a table: the minute's number in one cell, its
    text in the next; an agenda's when and where in a table), a merged cell once."""
    import docx
    from docx.table import Table

    lines: list[str] = []
    for block in docx.Document(str(path)).iter_inner_content():
        if isinstance(block, Table):
            for row in block.rows:
                seen: set[int] = set()
                for cell in row.cells:
                    if id(cell._tc) not in seen:
                        seen.add(id(cell._tc))
                        lines += [paragraph.text for paragraph in cell.paragraphs]
        else:
            lines.append(block.text.replace("\n", LINE_BREAK))  # a line kept inside the paragraph
    return "\n".join(lines)


def _with_preface(text: str, notes: ImportedNotes) -> ImportedNotes:
    """An agenda pack's front sheet, before the notes it carries, is the preface, not lines lost."""
    found = _NOTES_LINE.search(text)
    before = clean_lines(text[: found.start()]) if found else []
    if not before or before[0].upper() != "AGENDA":
        return notes
    n = 0
    while n < len(notes.unplaced) and n < len(before) and notes.unplaced[n] == before[n]:
        n += 1
    return dataclasses.replace(notes, preface=notes.unplaced[:n], unplaced=notes.unplaced[n:])


def parse_any(text: str, *, whole_lines: bool = False) -> ImportedNotes:
    """The notes in ``text`` in whichever layout it is written; ``whole_lines``: each line is a
    whole paragraph (a Word file's)."""
    if is_web_minutes(text):
        return parse_web(text)
    return _with_preface(text, parse_notes(text, whole_lines=whole_lines))


def read_notes(path: Path) -> ImportedNotes:
    """The notes or minutes in the file; NotNotes when it holds none (a report, an empty file)."""
    from ..wording_import import NOT_NOTES

    notes = parse_any(read_text(path), whole_lines=path.suffix.lower() == ".docx")
    if (notes.heading is None or not notes.minutes) and path.suffix.lower() == ".pdf":
        from .pdf_text import layout_text

        notes = parse_any(layout_text(path))  # a PDF whose paragraphs no blank line parts (clerk's own notes)
    if notes.heading is None or not notes.minutes:
        raise NotNotes(NOT_NOTES.format(name=path.name))
    return notes
