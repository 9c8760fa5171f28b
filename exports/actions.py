"""The action log in Word: the matters-arising paper (a table of minute, action, owner, status
and update) and the chasing report (a table an owner, each on its own page). Pure: it is handed
the document data (``clerk.documents.actions_doc.ActionsDoc``) and lays it out on A4."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from docx.document import Document as DocxDocument

from clerk.documents.actions_doc import ActionsDoc, ActionTable

from .docx_base import Style, StyleSpec, decorate, ensure_styles, open_template, page_break, para, save
from .docx_properties import properties
from .docx_table import text_table

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
    text_table(doc, s["Clerk Actions Cell"], table.columns, table.rows)
