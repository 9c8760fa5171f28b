"""A table report (clerk.documents.table.TableDoc) as a Word document or a CSV file."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_TABLE_ALIGNMENT

from clerk.documents.table import TableDoc

from .docx_base import StyleSpec, decorate, ensure_styles, open_template, para, save, text
from .docx_properties import properties
from .docx_table import text_table

STYLES = {
    "Clerk Organisation": StyleSpec(bold=True, align="center", after_pt=0),
    "Clerk Committee": StyleSpec(bold=True, align="center", after_pt=12),
    "Clerk Table Title": StyleSpec(bold=True, size=14, align="center", after_pt=6),
    "Clerk Table Text": StyleSpec(size=10, after_pt=0),
    "Clerk Table Note": StyleSpec(italic=True, size=10, before_pt=6, after_pt=0),
}


def write_table(table: TableDoc, out: Path | str) -> Path:
    doc = open_template(table.template, table.paper)
    if table.landscape:
        for section in doc.sections:
            section.orientation = WD_ORIENT.LANDSCAPE
            section.page_width, section.page_height = section.page_height, section.page_width
    s = ensure_styles(doc, STYLES)
    if table.organisation:
        para(doc, s["Clerk Organisation"], table.organisation)
    para(doc, s["Clerk Table Title"], table.title)
    para(doc, s["Clerk Committee"], table.subtitle)
    grid = text_table(doc, s["Clerk Table Text"], table.columns, table.rows, table.numeric)
    grid.alignment = WD_TABLE_ALIGNMENT.CENTER
    for line in table.notes:
        para(doc, s["Clerk Table Note"], line)
    decorate(doc, table.marks)
    properties(doc, title=f"{table.title}: {table.subtitle}", subject=table.title)
    return save(doc, out)


def _cell(value: str) -> str:
    """A cell a spreadsheet shows as text, never runs as a formula (a name such as "=SUM(…)")."""
    value = text(value)
    if value[:1] in ("=", "+", "-", "@") and not value.lstrip("+-").replace(".", "", 1).replace("%", "").isdigit():
        return "'" + value
    return value


def table_csv(table: TableDoc) -> bytes:
    """The same rows as CSV (UTF-8 with a byte-order mark, which Excel needs to read the pound sign)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow([_cell(v) for v in table.columns])
    writer.writerows([_cell(v) for v in row] for row in table.rows)
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")
