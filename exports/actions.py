"""The action log in Word: the matters-arising paper (a table of minute, action, owner, status
and update) and the chasing report (a table an owner, each on its own page). Pure: it is handed
the document data (``clerk.documents.actions_doc.ActionsDoc``) and lays it out on A4."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from docx.document import Document as DocxDocument
from docx.shared import Pt

from clerk.documents.actions_doc import ActionsDoc, ActionTable

from .docx_base import Style, StyleSpec, decorate, ensure_styles, open_template, page_break, para, save, text
from .docx_properties import properties

NOT_FOR_PUBLICATION = "RESTRICTED – NOT FOR PUBLICATION"
STYLES = {
    "Clerk Actions Organisation": StyleSpec(bold=True, size=12, align="center", after_pt=0),
    "Clerk Actions Committee": StyleSpec(bold=True, size=14, align="center", after_pt=6),
    "Clerk Actions Heading": StyleSpec(align="center", after_pt=12),
    "Clerk Actions Title": StyleSpec(bold=True, size=13, before_pt=6, after_pt=6, keep_with_next=True),
    "Clerk Actions Intro": StyleSpec(after_pt=8),
    "Clerk Actions Cell": StyleSpec(size=10, after_pt=0),
}


def write_actions(data: ActionsDoc, out: Path | str, *, page_numbers: bool = True) -> Path:
    doc = open_template(None, data.paper)
    s = ensure_styles(doc, STYLES)
    for n, table in enumerate(data.tables):
        if n:
            page_break(doc)
        if data.organisation:
            para(doc, s["Clerk Actions Organisation"], data.organisation)
        if data.committee:
            para(doc, s["Clerk Actions Committee"], data.committee)
        para(doc, s["Clerk Actions Heading"], data.heading)
        para(doc, s["Clerk Actions Title"], table.title)
        if table.intro:
            para(doc, s["Clerk Actions Intro"], table.intro)
        _table(doc, s, table)
    decorate(doc, [NOT_FOR_PUBLICATION if data.restricted else ""], page_numbers)
    properties(doc, title=f"{data.committee.title()}: {data.title}".strip(": "), subject=data.title, when=dt.datetime.now(dt.UTC))
    return save(doc, out)


def _table(doc: DocxDocument, s: dict[str, Style], table: ActionTable) -> None:
    if not table.rows:
        para(doc, s["Clerk Actions Intro"], table.empty)
        return
    grid = doc.add_table(rows=1, cols=len(table.columns))
    grid.style = "Table Grid"
    for cell, name in zip(grid.rows[0].cells, table.columns, strict=True):
        cell.paragraphs[0].style = s["Clerk Actions Cell"].style
        run = cell.paragraphs[0].add_run(text(name))
        run.bold = True
    for row in table.rows:
        cells = grid.add_row().cells
        for cell, value in zip(cells, row, strict=True):
            cell.paragraphs[0].style = s["Clerk Actions Cell"].style
            cell.paragraphs[0].add_run(text(value)).font.size = Pt(10)
