"""The notes of a meeting in Word, in the house style of the seed's notes, and the bound volume.

Minute numbers are literal text ("64."), never Word's automatic numbering, which renumbers
when a clerk edits, merges or pastes.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from docx.document import Document as DocxDocument

from clerk.documents.model import Appendix, Heading, MinuteBlock, NotesDoc, VolumeDoc
from clerk.documents.render import minute_parts

from .docx_base import Style, StyleSpec, decorate, ensure_styles, open_template, page_break, para, save
from .docx_properties import properties

STYLES = {
    "Clerk Organisation": StyleSpec(bold=True, align="center", after_pt=0),
    "Clerk Committee": StyleSpec(bold=True, align="center", after_pt=12),
    "Clerk Opening": StyleSpec(align="justify", after_pt=12),
    "Clerk Attendance": StyleSpec(align="justify", after_pt=12),
    "Clerk Session Heading": StyleSpec(bold=True, before_pt=12, after_pt=6, keep_with_next=True),
    "Clerk Session Intro": StyleSpec(after_pt=12),
    "Clerk Minute Heading": StyleSpec(bold=True, left_cm=1.27, hanging_cm=1.27, before_pt=12, after_pt=6, keep_with_next=True),
    "Clerk Paragraph": StyleSpec(align="justify", left_cm=1.27),
    "Clerk Numbered Paragraph": StyleSpec(align="justify", left_cm=2.27, hanging_cm=1.0),
    "Clerk Point": StyleSpec(align="justify", left_cm=3.27, hanging_cm=1.0),
    "Clerk Resolution": StyleSpec(align="justify", left_cm=1.27),
    "Clerk Resolution Point": StyleSpec(align="justify", left_cm=2.27, hanging_cm=1.0),
    "Clerk Note": StyleSpec(italic=True, left_cm=1.27),
    "Clerk Action": StyleSpec(bold=True, left_cm=1.27),
    "Clerk Exempt": StyleSpec(italic=True, left_cm=1.27),
    "Clerk Approval": StyleSpec(italic=True, before_pt=12),
    "Clerk Signature": StyleSpec(before_pt=36, after_pt=0),
    "Clerk Appendix Title": StyleSpec(bold=True, size=14, after_pt=12),
    "Clerk Appendix Heading": StyleSpec(bold=True, before_pt=12, keep_with_next=True),
    "Clerk Appendix Text": StyleSpec(),
    "Clerk Appendix Bullet": StyleSpec(left_cm=1.0, hanging_cm=0.5, after_pt=2),
    "Clerk Volume Title": StyleSpec(bold=True, size=16, align="center", before_pt=120, after_pt=24),
}

_RESOLVED = re.compile(r"^(\(\d+\)\t)?(RESOLVED)\b(.*)$", re.S)  # "(5)\tRESOLVED that …" when numbered


def write_notes(notes: NotesDoc, out: Path | str, *, page_numbers: bool = True) -> Path:
    doc = open_template(notes.template, notes.paper)
    styles = ensure_styles(doc, STYLES)
    render_notes(doc, styles, notes)
    decorate(doc, notes.marks, page_numbers)
    _properties(doc, notes)
    return save(doc, out)


def write_volume(volume: VolumeDoc, out: Path | str) -> Path:
    """All the notes one after another, each on new pages, numbers as stored (continuous)."""
    doc = open_template(volume.template, volume.paper)
    styles = ensure_styles(doc, STYLES)
    para(doc, styles["Clerk Organisation"], volume.organisation)
    para(doc, styles["Clerk Volume Title"], volume.committee.upper())
    para(doc, styles["Clerk Committee"], volume.title + (" (public version)" if volume.public else ""))
    for notes in volume.notes:
        page_break(doc)
        render_notes(doc, styles, notes)
    marks = (
        []
        if volume.public or not any(n.marks and "RESTRICTED" in " ".join(n.marks) for n in volume.notes)
        else ["RESTRICTED – NOT FOR PUBLICATION"]
    )
    decorate(doc, marks)
    last = max((n.signed_at for n in volume.notes if n.signed_at), default=None)
    properties(
        doc,
        title=f"{volume.committee}: {volume.title}",
        subject="Bound volume" + (" (public)" if volume.public else ""),
        when=last if last and all(not n.draft for n in volume.notes) else None,
    )
    return save(doc, out)


def render_notes(doc: DocxDocument, styles: dict[str, Style], notes: NotesDoc) -> None:
    s = styles
    if notes.organisation:
        para(doc, s["Clerk Organisation"], notes.organisation.upper())
    para(doc, s["Clerk Committee"], notes.committee)
    para(doc, s["Clerk Opening"], *_opening_runs(notes.opening))
    for label, names in notes.attendance:
        para(doc, s["Clerk Attendance"], (f"{label}: ", True), names)
    for block in notes.blocks:
        if isinstance(block, Heading):
            para(doc, s["Clerk Session Heading"], block.text)
            if block.intro:
                para(doc, s["Clerk Session Intro"], block.intro)
        else:
            _minute(doc, s, block)
    if notes.approved:
        para(doc, s["Clerk Approval"], notes.approved)
    para(doc, s["Clerk Signature"], f"{notes.chair_title} ....................................................")
    para(doc, s["Clerk Signature"], "Date ............................................................")
    for appendix in notes.appendices:
        page_break(doc)
        para(doc, s["Clerk Appendix Title"], appendix.title)
        para(doc, s["Clerk Appendix Text"], appendix.name)
        _appendix_body(doc, s, appendix)


def _opening_runs(opening: str) -> list[tuple[str, bool] | str]:
    word, _, rest = opening.partition(" ")
    return [(word, True), " " + rest]


_STYLE = {
    "heading": "Clerk Minute Heading",
    "exempt": "Clerk Exempt",
    "paragraph": "Clerk Paragraph",
    "numbered": "Clerk Numbered Paragraph",
    "point": "Clerk Point",
    "resolution": "Clerk Resolution",
    "numbered resolution": "Clerk Numbered Paragraph",
    "resolution point": "Clerk Resolution Point",
    "note": "Clerk Note",
    "action": "Clerk Action",
}


def _minute(doc: DocxDocument, s: dict[str, Style], block: MinuteBlock) -> None:
    """The minute's parts as clerk.documents gives them (the live preview shows the same)."""
    for part, text in minute_parts(block):
        match = _RESOLVED.match(text) if part.endswith("resolution") else None
        runs = [*([match.group(1)] if match.group(1) else []), ("RESOLVED", True), match.group(3)] if match else [text]
        para(doc, s[_STYLE[part]], *runs)


def _appendix_body(doc: DocxDocument, s: dict[str, Style], appendix: Appendix) -> None:
    if appendix.kind == "text":
        for line in appendix.lines:
            stripped = line.strip()
            if not stripped:
                continue
            if stripped.startswith("#"):
                para(doc, s["Clerk Appendix Heading"], stripped.lstrip("#").strip())
            elif stripped[:2] in ("- ", "* ", "• "):
                para(doc, s["Clerk Appendix Bullet"], "•\t" + stripped[2:])
            else:
                para(doc, s["Clerk Appendix Text"], stripped)
    elif appendix.kind == "docx" and appendix.path is not None:
        from docx import Document

        try:
            for p in Document(str(appendix.path)).paragraphs:
                if p.text.strip():
                    para(doc, s["Clerk Appendix Text"], p.text)
        except Exception:  # a damaged attachment must not stop the notes
            para(doc, s["Clerk Appendix Text"], f"(The attached document {appendix.name} could not be read.)")
    else:
        para(doc, s["Clerk Appendix Text"], f"(Attached separately: {appendix.name}.)")


def _properties(doc: DocxDocument, notes: NotesDoc) -> None:
    """The approval itself is in the body (it may be long); the properties hold only what
    never outgrows Word's 255 characters: the state and the content hash."""
    state = "draft" if notes.draft else "signed"
    comments = f"Signed notes. Content hash (SHA-256): {notes.content_hash}" if notes.content_hash else ""
    when = notes.signed_at
    if when is None and notes.meeting_date is not None and not notes.draft:
        when = dt.datetime.combine(notes.meeting_date, dt.time(0))
    custom = {"Clerk state": state}
    if notes.content_hash:
        custom["Clerk content hash (SHA-256)"] = notes.content_hash
    properties(
        doc,
        title=notes.title,
        subject="Notes (public version)" if notes.public else "Notes (full version)",
        keywords=f"{state}, {'public' if notes.public else 'full'}",
        comments=comments,
        identifier=notes.content_hash,
        when=when,
        custom=custom,
    )
