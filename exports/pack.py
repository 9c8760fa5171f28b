"""The agenda pack: the front sheet, the previous meeting's notes, then every report in agenda
order, as one PDF with a bookmark per item and the pack's page numbers; the front sheet shows
each item's pages ("B1 … (Pages 9 36)").

Pure: it is handed the pack's data (``clerk.documents.pack.PackDoc``) and report files, and
returns the page ranges; storing them is the caller's. Without LibreOffice it joins the Word
documents instead.
"""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from pypdf import PdfReader, PdfWriter
from pypdf.generic import IndirectObject

from clerk.documents.pack import PackDoc, PackPart, with_pages
from clerk.files import write_whole

from .actions import write_actions
from .agenda import write_agenda
from .notes import write_notes
from .pdf_tools import Converter, page_count, stamp

Progress = Callable[[str, int, int], None]
PLACEHOLDER = (999, 999)  # the widest page range, for the first draft of the front sheet


@dataclass
class PackResult:
    path: Path
    pages: int
    ranges: dict[int, tuple[int, int]]  # agenda item id → pages in this pack
    converted: list[str] = field(default_factory=list)  # what LibreOffice converted this time
    soffice_seconds: float = 0.0
    message: str = ""  # what a Word pack lacks


def assemble(pack: PackDoc, out: Path, *, cache: Path, progress: Progress | None = None) -> PackResult:
    """Write ``pack`` to ``out`` (already checked): a PDF, or a .docx beside it without LibreOffice.
    ``cache`` keeps LibreOffice's conversions between builds."""
    say = progress or (lambda _step, _done, _total: None)
    from .pdf import find_soffice

    if find_soffice() is None:
        return _word_pack(pack, out.with_suffix(".docx"), say)
    with tempfile.TemporaryDirectory(prefix="clerk-pack-") as tmp:
        tmp_path = Path(tmp)
        converter = Converter(cache)
        docx = _docx_of(pack.parts, tmp_path)
        total = 5
        say("Converting the documents with LibreOffice", 1, total)
        draft = {p.code: PLACEHOLDER for p in pack.parts}
        docx["front"] = write_agenda(with_pages(pack.front, draft), tmp_path / "front-draft.docx", page_numbers=False)
        pdfs = converter.pdfs(docx)
        files = {p.name: _pdf_of(p, pdfs) for p in pack.parts}
        say("Counting pages", 2, total)
        front_pdf = pdfs["front"]
        front_pages = page_count(front_pdf)
        for _attempt in range(3):  # the ranges go into the front sheet; if its length changes, again
            ranges = _ranges(pack.parts, files, front_pages)
            codes = {p.code: ranges[p.item_id] for p in pack.parts}
            sheet = write_agenda(with_pages(pack.front, codes), tmp_path / "front.docx", page_numbers=False)
            front_pdf = converter.pdfs({"front": sheet})["front"]
            if page_count(front_pdf) == front_pages:
                break
            front_pages = page_count(front_pdf)
        say("Joining, with bookmarks and page numbers", 3, total)
        writer = _join(pack, front_pdf, files)
        say("Saving the pack", 4, total)
        pages = len(writer.pages)
        write_whole(out, writer.write, elsewhere="choose another place to save the pack")
        say("Done", total, total)
        return PackResult(out, pages, ranges, converter.converted, converter.seconds)


def _docx_of(parts: tuple[PackPart, ...], tmp: Path) -> dict[str, Path]:
    """The Word documents of the parts: the notes and the action log written now, the Word reports as attached."""
    docx = {}
    for p in parts:
        if p.notes is not None:
            docx[p.name] = write_notes(p.notes, tmp / f"{p.name}.docx", page_numbers=False)
        elif p.actions is not None:
            docx[p.name] = write_actions(p.actions, tmp / f"{p.name}.docx", page_numbers=False)
        elif p.path is not None and not p.is_pdf:
            docx[p.name] = p.path
    return docx


def _pdf_of(part: PackPart, pdfs: dict[str, Path]) -> Path:
    """The part's PDF: converted from its Word document, or the PDF report as attached."""
    if part.name in pdfs:
        return pdfs[part.name]
    if part.path is None:
        raise ValueError(f"the pack's part {part.name} has neither a Word document nor a PDF")
    return part.path


def _ranges(parts: tuple[PackPart, ...], files: dict[str, Path], front_pages: int) -> dict[int, tuple[int, int]]:
    ranges, page = {}, front_pages + 1
    for p in parts:
        n = page_count(files[p.name])
        ranges[p.item_id] = (page, page + n - 1)
        page += n
    return ranges


def _join(pack: PackDoc, front: Path, files: dict[str, Path]) -> PdfWriter:
    writer = PdfWriter()
    writer.append(PdfReader(str(front)), import_outline=False)
    writer.add_outline_item("Agenda", 0)
    headings = pack.headings
    sections: dict[str, IndirectObject] = {}
    for p in pack.parts:
        start = len(writer.pages)
        writer.append(PdfReader(str(files[p.name])), import_outline=False)
        heading = headings.get(p.section, p.section)
        if heading and p.section not in sections:
            sections[p.section] = writer.add_outline_item(heading, start)
        writer.add_outline_item(p.title, start, parent=sections.get(p.section))  # numbered items: no sections
    for n, page in enumerate(writer.pages, start=1):
        stamp(page, number=f"Page {n}", banner=pack.banner)
        page.compress_content_streams()
    writer.compress_identical_objects(remove_duplicates=True, remove_unreferenced=True)
    return writer


def _word_pack(pack: PackDoc, out: Path, say: Progress) -> PackResult:
    """Without LibreOffice: one Word document, front sheet, notes and the Word reports."""
    from docx import Document
    from docxcompose.composer import Composer

    say("Joining the Word documents (LibreOffice is not installed)", 1, 2)
    with tempfile.TemporaryDirectory(prefix="clerk-pack-") as tmp:
        docx = _docx_of(pack.parts, Path(tmp))
        front = write_agenda(pack.front, Path(tmp) / "front.docx", page_numbers=False)
        composer = Composer(Document(str(front)))
        missing = []
        for p in pack.parts:
            if p.name not in docx:
                missing.append(p.title)
                continue
            composer.doc.add_page_break()
            composer.append(Document(str(docx[p.name])))
        from .docx_base import save

        save(composer.doc, out)
    message = (
        "LibreOffice is not installed, so this is a Word pack: page numbers on the front sheet are left out "
        "(update fields in Word after checking)"
        + (f", and these PDF reports are not in it: {', '.join(missing)}" if missing else "")
        + ". Install LibreOffice (apt install libreoffice-writer-nogui) for the PDF pack."
    )
    say("Done", 2, 2)
    return PackResult(out, 0, {}, message=message)
