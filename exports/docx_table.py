"""A Word table of text: a bold heading row repeated on every page it runs onto, then the rows,
each cell in one paragraph style; numeric columns set right. Shared by every table report."""

from __future__ import annotations

from collections.abc import Sequence

from docx.document import Document as DocxDocument
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt
from docx.table import Table

from .docx_base import Style, text


def text_table(
    doc: DocxDocument, style: Style, columns: Sequence[str], rows: Sequence[Sequence[str]], numeric: Sequence[int] = ()
) -> Table:
    grid: Table = doc.add_table(rows=1, cols=len(columns))
    if "Table Grid" in [s.name for s in doc.styles]:
        grid.style = doc.styles["Table Grid"]
    mark = OxmlElement("w:tblHeader")  # the heading row repeats at the top of each page
    mark.set(qn("w:val"), "true")
    grid.rows[0]._tr.get_or_add_trPr().append(mark)
    for cell, name in zip(grid.rows[0].cells, columns, strict=True):
        cell.paragraphs[0].style = style.style
        cell.paragraphs[0].add_run(text(name)).bold = True
    for values in rows:
        row = grid.add_row()  # type: ignore[no-untyped-call]
        for i, (cell, value) in enumerate(zip(row.cells, values, strict=True)):
            p = cell.paragraphs[0]
            p.style = style.style
            p.add_run(text(value)).font.size = Pt(10)
            if i in numeric:
                p.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    return grid
