"""The agenda front sheet in Word, laid out as the seed's: AGENDA, the committee, when and where,
who to ask, the unrestricted sections, then the restricted items, and the publication date."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from pathlib import Path

from docx.document import Document as DocxDocument
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_TAB_ALIGNMENT
from docx.shared import Cm

from clerk.documents.model import AgendaDoc, AgendaEntry
from clerk.wording import exempt_note, item_label
from clerk.wording_meetings import CLOSED_NOTICE, OPEN_NOTICE

from .docx_base import Style, StyleSpec, decorate, ensure_styles, open_template, para, save, text
from .docx_properties import properties

STYLES = {
    "Clerk Agenda Title": StyleSpec(bold=True, size=16, align="center", after_pt=6),
    "Clerk Agenda Committee": StyleSpec(bold=True, size=14, align="center", after_pt=12),
    "Clerk Agenda Details": StyleSpec(after_pt=0),
    "Clerk Agenda Refreshments": StyleSpec(italic=True, before_pt=12, after_pt=12),
    "Clerk Agenda Part": StyleSpec(bold=True, before_pt=12, after_pt=0, keep_with_next=True),
    "Clerk Agenda Notice": StyleSpec(italic=True, after_pt=12),
    "Clerk Agenda Section": StyleSpec(bold=True, before_pt=12, after_pt=6, keep_with_next=True),
    "Clerk Agenda Item": StyleSpec(left_cm=1.5, hanging_cm=1.5, after_pt=4),
    "Clerk Agenda Sub-item": StyleSpec(left_cm=2.5, hanging_cm=0.5, after_pt=2),
    "Clerk Agenda Item Note": StyleSpec(left_cm=1.5, after_pt=6),
    "Clerk Agenda Foot": StyleSpec(before_pt=24),
}


def write_agenda(agenda: AgendaDoc, out: Path | str, *, page_numbers: bool = True) -> Path:
    doc = open_template(agenda.template, agenda.paper)
    s = ensure_styles(doc, STYLES)
    item_style = s["Clerk Agenda Item"].style
    if not any(round(t.position.cm) == 16 for t in item_style.paragraph_format.tab_stops):
        item_style.paragraph_format.tab_stops.add_tab_stop(Cm(16), WD_TAB_ALIGNMENT.RIGHT)
    para(doc, s["Clerk Agenda Title"], agenda.title)
    para(doc, s["Clerk Agenda Committee"], agenda.committee)
    _details(doc, s, agenda)
    if agenda.refreshments:
        para(doc, s["Clerk Agenda Refreshments"], agenda.refreshments)
    open_sections = [sec for sec in agenda.sections if not sec.restricted]
    closed_sections = [sec for sec in agenda.sections if sec.restricted]
    if open_sections:
        para(doc, s["Clerk Agenda Part"], "UNRESTRICTED ITEMS")
        para(doc, s["Clerk Agenda Notice"], OPEN_NOTICE)
    for section in open_sections:
        if section.heading:  # numbered items have no sections
            para(doc, s["Clerk Agenda Section"], section.heading)
        _entries(doc, s, section.entries)
    for section in closed_sections:
        para(doc, s["Clerk Agenda Part"], section.heading)
        para(doc, s["Clerk Agenda Notice"], CLOSED_NOTICE)
        _entries(doc, s, section.entries)
    if agenda.published:
        para(doc, s["Clerk Agenda Foot"], agenda.published)
    decorate(doc, [], page_numbers)
    properties(
        doc,
        title=f"{agenda.committee.title()}: {agenda.title.capitalize()}, {agenda.when}",
        subject=agenda.title.capitalize(),
        when=dt.datetime.now(dt.UTC),
    )
    return save(doc, out)


def _details(doc: DocxDocument, s: dict[str, Style], agenda: AgendaDoc) -> None:
    """When and where on the left, who to ask on the right, in a table without borders."""
    left = [agenda.when, agenda.venue]
    right = [
        f"Ask for: {agenda.ask_for}" if agenda.ask_for else "",
        f"Telephone: {agenda.telephone}" if agenda.telephone else "",
        agenda.email,
    ]
    table = doc.add_table(rows=1, cols=2)
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    for column, cell, lines, width in zip(table.columns, table.rows[0].cells, (left, right), (Cm(9.5), Cm(6.5)), strict=False):
        column.width = cell.width = width
        lines = [line for line in lines if line]
        cell.paragraphs[0].style = s["Clerk Agenda Details"].style
        cell.paragraphs[0].add_run(text(lines[0] if lines else ""))
        for line in lines[1:]:
            cell.add_paragraph(text(line), style=s["Clerk Agenda Details"].style)


def _entries(doc: DocxDocument, s: dict[str, Style], entries: Iterable[AgendaEntry]) -> None:
    for entry in entries:
        runs = [f"{item_label(entry.code)}\t{entry.title}"]
        if entry.pages:
            runs.append(f"\t{entry.pages}")
        para(doc, s["Clerk Agenda Item"], *runs)
        for sub in entry.sub_items:
            para(doc, s["Clerk Agenda Sub-item"], f"-\t{sub}")
        if entry.restricted and entry.exempt_paragraph and not entry.code.startswith("D"):
            para(doc, s["Clerk Agenda Item Note"], exempt_note(entry.exempt_paragraph))
        if entry.note:
            para(doc, s["Clerk Agenda Item Note"], entry.note)
