"""The agenda pack: the front sheet, the previous meeting's notes, then every report in agenda
order, as one PDF with a bookmark per item and the pack's page numbers; the front sheet shows
each item's pages ("B1 … (Pages 9 36)").

Three packs: the public one (restricted reports left out, their items still listed), the
restricted one (only those reports, marked not for publication) and the supplement (reports
that were "to follow", with their own front sheet; the main pack is not renumbered).
"""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from pypdf import PdfReader, PdfWriter

from clerk.documents import build_agenda, build_notes
from clerk.errors import InvalidInput
from clerk.files import check_writable, files_dir, output_path, write_whole
from clerk.services.agenda import list_items, previous_meeting_of
from clerk.services.reports import Report, report_file, reports, set_page_ranges
from clerk.storage import Store

from .agenda import write_agenda
from .notes import write_notes
from .pdf_tools import Converter, page_count, stamp

Progress = Callable[[str, int, int], None]
PLACEHOLDER = (999, 999)  # the widest page range, for the first draft of the front sheet
NOT_FOR_PUBLICATION = "NOT FOR PUBLICATION"


@dataclass
class PackResult:
    path: Path
    pages: int
    ranges: dict[int, tuple[int, int]]  # agenda item id → pages in this pack
    converted: list[str] = field(default_factory=list)  # what LibreOffice converted this time
    soffice_seconds: float = 0.0
    message: str = ""  # what a Word pack lacks


@dataclass
class Part:
    name: str  # "front", "notes", "B1"
    title: str  # bookmark
    section: str  # "" for the front sheet and notes
    item_id: int | None
    docx: Path | None = None
    pdf: Path | None = None


def build_pack(store: Store, meeting_id: int, out: Path | str, *, kind: str = "public",
               progress: Progress | None = None) -> PackResult:
    """``kind``: "public", "restricted" or "supplement"."""
    say = progress or (lambda _step, _done, _total: None)
    out = check_writable(output_path(out, ".pdf", hint="the pack is a PDF; name a .pdf file"),
                         elsewhere="choose another place to save the pack")
    chosen = _chosen_reports(store, meeting_id, kind)
    from .pdf import find_soffice

    if find_soffice() is None:
        return _word_pack(store, meeting_id, out.with_suffix(".docx"), kind, chosen, say)
    with tempfile.TemporaryDirectory(prefix="clerk-pack-") as tmp:
        tmp_path = Path(tmp)
        converter = Converter(files_dir(store.target.path) / "pdf-cache")
        parts = _parts(store, meeting_id, kind, chosen, tmp_path)
        total = 5
        say("Converting the documents with LibreOffice", 1, total)
        docs = {p.name: p.docx for p in parts if p.docx is not None}
        front = parts[0]
        draft = {p.item_id: PLACEHOLDER for p in parts[1:] if p.item_id is not None}
        docs["front"] = _front_sheet(store, meeting_id, kind, chosen, draft, tmp_path / "front-draft.docx")
        pdfs = converter.pdfs(docs)
        for p in parts:
            p.pdf = pdfs.get(p.name, p.pdf)
        say("Counting pages", 2, total)
        front_pages = page_count(front.pdf)
        for _attempt in range(3):  # the ranges go into the front sheet; if its length changes, again
            ranges = _ranges(parts, front_pages)
            docx = _front_sheet(store, meeting_id, kind, chosen, ranges, tmp_path / "front.docx")
            front.pdf = converter.pdfs({"front": docx})["front"]
            if page_count(front.pdf) == front_pages:
                break
            front_pages = page_count(front.pdf)
        say("Joining, with bookmarks and page numbers", 3, total)
        agenda = build_agenda(store, meeting_id)
        headings = {sec.letter: sec.heading for sec in agenda.sections}
        writer = _join(parts, headings, banner=NOT_FOR_PUBLICATION if kind == "restricted" else "")
        say("Saving the pack", 4, total)
        pages = len(writer.pages)
        write_whole(out, writer.write, elsewhere="choose another place to save the pack")
        if kind == "public":
            set_page_ranges(store, meeting_id, ranges)
        say("Done", total, total)
        return PackResult(out, pages, ranges, converter.converted, converter.seconds)


def _chosen_reports(store: Store, meeting_id: int, kind: str) -> list[Report]:
    if kind not in ("public", "restricted", "supplement"):
        raise InvalidInput(f"'{kind}' is not a pack; build the public, restricted or supplement pack.")
    every = reports(store, meeting_id)
    if kind == "public":
        return [r for r in every if not r.restricted and not r.to_follow]
    if kind == "restricted":
        chosen = [r for r in every if r.restricted]
        if not chosen:
            raise InvalidInput("No restricted item has a report yet; there is no restricted pack to build.")
        return chosen
    chosen = [r for r in every if r.to_follow and not r.restricted]
    if not chosen:
        raise InvalidInput("No item marked to follow has its report yet; there is no supplement to build.")
    return chosen


def _parts(store: Store, meeting_id: int, kind: str, chosen: list[Report], tmp: Path) -> list[Part]:
    parts = [Part("front", "Agenda", "", None)]
    if kind == "public":
        previous = previous_meeting_of(store, meeting_id)
        a3 = next((r for r in list_items(store, meeting_id) if r.standard == "previous_notes"), None)
        if previous is not None and a3 is not None:
            from clerk.services.meetings import list_meetings

            minuted = {r.id for r in list_meetings(store, previous.committee_id) if r.minute_count}
            if previous.id in minuted:
                docx = write_notes(build_notes(store, previous.id, public=True), tmp / "notes.docx", page_numbers=False)
                parts.append(Part("notes", f"{a3.code} {a3.title}", a3.section, a3.id, docx=docx))
    for r in chosen:
        part = Part(r.code, f"{r.code} {r.title}", r.code[0], r.item_id)
        path = report_file(store, r)
        if r.kind == "pdf":
            part.pdf = path
        else:
            part.docx = path
        parts.append(part)
    return parts


def _front_sheet(store, meeting_id, kind, chosen, ranges, out: Path) -> Path:
    if kind == "public":
        agenda = build_agenda(store, meeting_id, ranges=ranges)
    elif kind == "restricted":
        agenda = build_agenda(store, meeting_id, ranges=ranges, only={r.item_id for r in chosen},
                              title=f"AGENDA: RESTRICTED ITEMS ({NOT_FOR_PUBLICATION})")
    else:
        agenda = build_agenda(store, meeting_id, ranges=ranges, only={r.item_id for r in chosen}, title="SUPPLEMENTARY AGENDA")
    return write_agenda(agenda, out, page_numbers=False)


def _ranges(parts: list[Part], front_pages: int) -> dict[int, tuple[int, int]]:
    ranges, page = {}, front_pages + 1
    for p in parts[1:]:
        n = page_count(p.pdf)
        if p.item_id is not None:
            ranges[p.item_id] = (page, page + n - 1)
        page += n
    return ranges


def _join(parts: list[Part], headings: dict[str, str], banner: str) -> PdfWriter:
    writer = PdfWriter()
    sections: dict[str, object] = {}
    for p in parts:
        start = len(writer.pages)
        writer.append(PdfReader(str(p.pdf)), import_outline=False)
        if not p.section:
            writer.add_outline_item(p.title, start)
            continue
        if p.section not in sections:
            sections[p.section] = writer.add_outline_item(headings.get(p.section, p.section), start)
        writer.add_outline_item(p.title, start, parent=sections[p.section])
    for n, page in enumerate(writer.pages, start=1):
        stamp(page, number=f"Page {n}", banner=banner)
        page.compress_content_streams()
    writer.compress_identical_objects(remove_duplicates=True, remove_unreferenced=True)
    return writer


def _word_pack(store, meeting_id, out: Path, kind, chosen, say) -> PackResult:
    """Without LibreOffice: one Word document, front sheet, notes and the Word reports."""
    from docx import Document
    from docxcompose.composer import Composer

    say("Joining the Word documents (LibreOffice is not installed)", 1, 2)
    with tempfile.TemporaryDirectory(prefix="clerk-pack-") as tmp:
        parts = _parts(store, meeting_id, kind, chosen, Path(tmp))
        front = _front_sheet(store, meeting_id, kind, chosen, {}, Path(tmp) / "front.docx")
        composer = Composer(Document(str(front)))
        missing = []
        for p in parts[1:]:
            if p.docx is None:
                missing.append(p.title)
                continue
            composer.doc.add_page_break()
            composer.append(Document(str(p.docx)))
        from .docx_base import save

        save(composer.doc, out)
    message = ("LibreOffice is not installed, so this is a Word pack: page numbers on the front sheet are left out "
               "(update fields in Word after checking)" + (f", and these PDF reports are not in it: {', '.join(missing)}" if missing else "")
               + ". Install LibreOffice (apt install libreoffice-writer-nogui) for the PDF pack.")
    say("Done", 2, 2)
    return PackResult(out, 0, {}, message=message)
