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

from clerk.documents.model import AgendaDoc
from clerk.documents.pack import PackDoc, PackPart, with_pages
from clerk.files import write_whole

from .actions import write_actions
from .agenda import write_agenda
from .notes import write_notes
from .office import Office
from .pdf_tools import Converter, Source, Stamper

Progress = Callable[[str, int, int], None]
PLACEHOLDER = (999, 999)  # the front sheet without its page ranges, as a key for its length
FIRST_PAGE, NEXT_PAGES = 20, 30  # a guess of the front sheet's length: entries on its first page, on each next


@dataclass
class PackResult:
    path: Path
    pages: int
    ranges: dict[int, tuple[int, int]]  # agenda item id → pages in this pack
    converted: list[str] = field(default_factory=list)  # what LibreOffice converted this time
    soffice_seconds: float = 0.0
    message: str = ""  # what a Word pack lacks


def assemble(
    pack: PackDoc, out: Path, *, cache: Path, profile: Path | None = None, progress: Progress | None = None
) -> PackResult:
    """Write ``pack`` to ``out`` (already checked): a PDF, or a .docx beside it without LibreOffice.
    ``cache`` keeps LibreOffice's conversions between builds; ``profile`` is LibreOffice's private
    profile, kept between builds (a temporary one without it)."""
    say = progress or (lambda _step, _done, _total: None)
    from .pdf import find_soffice

    soffice = find_soffice()
    if soffice is None:
        return _word_pack(pack, out.with_suffix(".docx"), say)
    with Office(soffice, profile) as office:
        converter = Converter(cache, office)
        sources = {p.name: s for p in pack.parts if (s := _source(p)) is not None}
        steps = _Steps(say, len(converter.missing(sources)) + 4)  # and the front sheet, joining, saving, done
        converting = steps.converting
        readers = _Readers()
        batch = converter.begin(sources, converting)
        ready = converter.ready(batch)  # converted before, and the PDF reports: joined as LibreOffice converts the rest
        parts = _Parts(pack, {p.name: _pdf_of(p, ready) for p in pack.parts if p.name not in batch.todo}, readers)
        pdfs = converter.end(batch, converting, each=parts.place)  # each put in its place as the next converts
        files = {p.name: _pdf_of(p, pdfs) for p in pack.parts}
        writer = parts.writer
        # The front sheet's length, before its page ranges are known: as last time for this agenda
        # (whatever its ranges), else a guess; when it comes out longer or shorter, it is made again.
        draft = _front(with_pages(pack.front, {p.code: PLACEHOLDER for p in pack.parts})).key
        front_pages = converter.remembered(draft) or _guess_pages(pack.front)
        for _attempt in range(3):
            ranges = _ranges(pack.parts, files, front_pages, readers)
            sheet = with_pages(pack.front, {p.code: ranges[p.item_id] for p in pack.parts})
            front_pdf = converter.pdfs({"front": _front(sheet)}, converting)["front"]
            if readers.pages(front_pdf) == front_pages:
                break
            front_pages = readers.pages(front_pdf)
        converter.remember(draft, front_pages)
        office.finish()  # LibreOffice closes while the pack is joined
        steps.next("Joining, with bookmarks and page numbers")
        _finish(writer, pack, front_pdf, files, readers)
        steps.next("Saving the pack")
        pages = len(writer.pages)
        write_whole(out, writer.write, elsewhere="choose another place to save the pack")
        steps.done()
    return PackResult(out, pages, ranges, converter.converted, converter.seconds)


def _guess_pages(front: AgendaDoc) -> int:
    entries = sum(len(section.entries) for section in front.sections)
    return 1 + -(-max(0, entries - FIRST_PAGE) // NEXT_PAGES)


class _Steps:
    """The progress: one step per document LibreOffice converts, then joining and saving."""

    def __init__(self, say: Progress, total: int) -> None:
        self.say, self.total, self.at = say, total, 0

    def next(self, step: str) -> None:
        self.at += 1
        self.total = max(self.total, self.at + 1)  # the front sheet once more, when its length changed
        self.say(step, self.at, self.total)

    def converting(self, label: str) -> None:
        self.next(f"Converting {label} with LibreOffice")

    def done(self) -> None:
        self.say("Done", self.total, self.total)


class _Readers:
    """Each PDF read once in a build."""

    def __init__(self) -> None:
        self.read: dict[Path, PdfReader] = {}

    def __call__(self, pdf: Path) -> PdfReader:
        if pdf not in self.read:
            self.read[pdf] = PdfReader(str(pdf))
        return self.read[pdf]

    def pages(self, pdf: Path) -> int:
        return len(self(pdf).pages)


def _front(sheet: AgendaDoc) -> Source:
    return Source.of_data(
        ("front sheet", sheet), lambda target: write_agenda(sheet, target, page_numbers=False), "the front sheet"
    )


def _source(part: PackPart) -> Source | None:
    """The part's Word document: the notes or the action log (written only if not converted
    before), a Word report."""
    if part.notes is not None:
        notes = part.notes
        return Source.of_data(("notes", notes), lambda target: write_notes(notes, target, page_numbers=False), part.title)
    if part.actions is not None:
        actions = part.actions
        return Source.of_data(("actions", actions), lambda target: write_actions(actions, target, page_numbers=False), part.title)
    if part.path is not None and not part.is_pdf:
        return Source.of_file(part.path, part.title)
    return None


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


def _ranges(
    parts: tuple[PackPart, ...], files: dict[str, Path], front_pages: int, readers: _Readers
) -> dict[int, tuple[int, int]]:
    ranges, page = {}, front_pages + 1
    for p in parts:
        n = readers.pages(files[p.name])
        ranges[p.item_id] = (page, page + n - 1)
        page += n
    return ranges


class _Parts:
    """The pack's parts joined in order: those ready at once, then each in its place as it comes
    (in order: LibreOffice converts them in the pack's order)."""

    def __init__(self, pack: PackDoc, ready: dict[str, Path], readers: _Readers) -> None:
        self.pack, self.readers, self.ready = pack, readers, dict(ready)
        self.writer = PdfWriter()
        for p in pack.parts:
            if p.name in ready:
                self.writer.append(readers(ready[p.name]), import_outline=False)

    def place(self, name: str, pdf: Path) -> None:
        page = 0
        for p in self.pack.parts:
            if p.name == name:
                self.writer.merge(page, self.readers(pdf), import_outline=False)
                self.ready[name] = pdf
                return
            if p.name in self.ready:
                page += self.readers.pages(self.ready[p.name])


def _finish(writer: PdfWriter, pack: PackDoc, front: Path, files: dict[str, Path], readers: _Readers) -> None:
    """The front sheet put first, a bookmark for it and for each part, every page stamped."""
    front_pages = readers.pages(front)
    writer.merge(0, readers(front), import_outline=False)
    writer.add_outline_item(title="Agenda", page_number=0)
    headings = pack.headings
    sections: dict[str, IndirectObject] = {}
    start = front_pages
    for p in pack.parts:
        heading = headings.get(p.section, p.section)
        if heading and p.section not in sections:
            sections[p.section] = writer.add_outline_item(title=heading, page_number=start)
        writer.add_outline_item(title=p.title, page_number=start, parent=sections.get(p.section))  # numbered items: no sections
        start += readers.pages(files[p.name])
    stamp = Stamper(writer)
    for n, page in enumerate(writer.pages, start=1):
        stamp(page, number=f"Page {n}", banner=pack.banner)
    writer.compress_identical_objects(remove_duplicates=True, remove_unreferenced=True)


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
