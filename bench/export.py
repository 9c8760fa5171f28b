"""Export, side by side in one run: clerk's notes of 40 minutes and a bound volume of 500 minutes
(loading from the database included) against a plain python-docx script that loads the same
rows with sqlite3 and writes the same styled paragraphs the obvious way (styles by name).

Run: .venv/bin/python bench/export.py
"""

from __future__ import annotations

import datetime as dt
import sqlite3
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path[0] = str(Path(__file__).resolve().parent.parent)  # the project first

from docx import Document
from docx.enum.style import WD_STYLE_TYPE

from clerk.body import Para, number
from clerk.documents import build_notes, build_volume
from clerk.models import Meeting, MeetingStatus, Minute, Paragraph, ParagraphKind
from clerk.services import committees
from clerk.storage import Store
from exports.notes import STYLES, write_notes, write_volume

TEXT = (
    "Mr Peerbux explained that the Community Safety Agreement was now a rolling document that would be "
    "reviewed and refreshed annually along with the associated action plan. "
)


def build(store: Store, minutes_per_meeting: list[int]) -> tuple[int, list[int]]:
    c = committees.create_committee(
        store, "Kent Community Safety Partnership", organisation="KENT COUNTY COUNCIL", minutes_word="NOTES", numbering_start=1
    )
    ids, number = [], 0
    with store.write() as s:
        for i, count in enumerate(minutes_per_meeting):
            m = Meeting(
                committee_id=c.id,
                date=dt.date(2014 + i // 5, 1 + (i % 5) * 2, 10),
                venue="Medway Room",
                status=MeetingStatus.HELD,
            )
            s.add(m)
            s.flush()
            ids.append(m.id)
            rows = []
            for seq in range(count):
                number += 1
                rows.append(
                    Minute(committee_id=c.id, meeting_id=m.id, seq=seq, number=number, title=f"Item {seq} of the meeting")
                )
            s.add_all(rows)
            s.flush()
            for minute in rows:
                s.add_all([Paragraph(minute_id=minute.id, position=p, text=TEXT * 3) for p in range(3)])
                s.add(
                    Paragraph(
                        minute_id=minute.id, position=3, kind=ParagraphKind.RESOLUTION, text="RESOLVED that the report be noted."
                    )
                )
    return c.id, ids


def floor(db: Path, meeting_ids: list[int], out: Path) -> None:
    """The obvious script: rows from sqlite3, one paragraph per row, styles by name."""
    con = sqlite3.connect(db)
    doc = Document()
    for name in STYLES:
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
            for item in number([Para(ParagraphKind(k.lower()), t, bool(n)) for k, t, n in rows]):
                style = "Clerk Resolution" if item.kind is ParagraphKind.RESOLUTION else "Clerk Numbered Paragraph"
                doc.add_paragraph(f"{item.label}\t{item.text}" if item.label else item.text, style=style)
    doc.save(str(out))
    con.close()


def timed(fn, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return statistics.median(times)


def main(repeat: int = 5) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        store = Store.open(tmp / "bench.db")
        committee_id, ids = build(store, [40] * 12 + [20])
        one = ids[0]
        start, end = dt.date(2000, 1, 1), dt.date(2100, 1, 1)
        cases = {
            "notes, 40 minutes": (
                lambda: write_notes(build_notes(store, one), tmp / "n.docx"),
                lambda: floor(store.target.path, [one], tmp / "fn.docx"),
            ),
            "volume, 500 minutes": (
                lambda: write_volume(build_volume(store, committee_id, start, end), tmp / "v.docx"),
                lambda: floor(store.target.path, ids, tmp / "fv.docx"),
            ),
        }
        print(f"export, median of {repeat} runs, loading included")
        for name, (clerk_fn, floor_fn) in cases.items():
            clerk_fn(), floor_fn()  # warm
            c, f = timed(clerk_fn, repeat), timed(floor_fn, repeat)
            print(f"  {name:20} clerk {c * 1000:7.0f} ms   plain python-docx {f * 1000:7.0f} ms   ratio {c / f:5.2f}x")
        store.close()


if __name__ == "__main__":
    main()
