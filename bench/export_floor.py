"""The floor of bench/export.py: the obvious script, python-docx and sqlite3 only. It reads the
rows with sqlite3 and writes one paragraph per row, looking each style up by name, the way
python-docx's documentation shows. Imports nothing of clerk, so it can run as its own process.

Run: python bench/export_floor.py DB OUT MEETING_ID [MEETING_ID ...]
"""

from __future__ import annotations

import sqlite3
import sys

from docx import Document
from docx.enum.style import WD_STYLE_TYPE

STYLE_NAMES = [
    "Clerk Organisation",
    "Clerk Committee",
    "Clerk Minute Heading",
    "Clerk Numbered Paragraph",
    "Clerk Resolution",
]


def floor(db: str, meeting_ids: list[int], out: str) -> None:
    """Rows from sqlite3, one paragraph per row, styles by name."""
    con = sqlite3.connect(db)
    doc = Document()
    for name in STYLE_NAMES:
        doc.styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
    for meeting_id in meeting_ids:
        doc.add_paragraph("KENT COUNTY COUNCIL", style="Clerk Organisation")
        doc.add_paragraph("KENT COMMUNITY SAFETY PARTNERSHIP", style="Clerk Committee")
        for minute_id, num, title in con.execute(
            "SELECT id, number, title FROM minute WHERE meeting_id = ? ORDER BY seq", (meeting_id,)
        ):
            doc.add_paragraph(f"{num}.\t{title}", style="Clerk Minute Heading")
            rows = con.execute(
                "SELECT kind, text, numbered FROM paragraph WHERE minute_id = ? ORDER BY position", (minute_id,)
            ).fetchall()
            counted = [r for r in rows if r[0].lower() == "text" and r[2]]
            n = 0
            for kind, text, numbered in rows:
                if kind.lower() == "resolution":
                    doc.add_paragraph(text, style="Clerk Resolution")
                    continue
                label = ""
                if numbered and len(counted) >= 2:
                    n += 1
                    label = f"({n})\t"
                doc.add_paragraph(label + text, style="Clerk Numbered Paragraph")
    doc.save(out)
    con.close()


if __name__ == "__main__":
    floor(sys.argv[1], [int(a) for a in sys.argv[3:]], sys.argv[2])
