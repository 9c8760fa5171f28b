"""The agenda pack: build time for six reports of 20 pages (plus the front sheet and the
previous notes), with the share of it spent inside LibreOffice; then a rebuild with nothing
changed and one with one report changed, same run.

Run: .venv/bin/python bench/pack.py
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

sys.path[0] = str(Path(__file__).resolve().parent.parent)  # the project first

from docx import Document
from docx.enum.text import WD_BREAK

from clerk.cli.publishing import build_pack
from clerk.demo import load_demo
from clerk.services import agenda
from clerk.services.reports import attach_report
from clerk.storage import Store

TEXT = "The Kent Community Safety Partnership is asked to note the progress made against the action plan. " * 6


def report(path: Path, title: str, pages: int, note: str = "") -> Path:
    doc = Document()
    doc.add_heading(title, 1)
    for n in range(pages):
        doc.add_paragraph(f"{note}{TEXT}")
        doc.add_paragraph(TEXT)
        if n < pages - 1:
            doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
    doc.save(path)
    return path


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        store = Store.open(tmp / "bench.db")
        meeting = load_demo(store).next_meeting_id
        for n in range(1, 7):
            agenda.add_item(store, meeting, "B", f"Report {n}")
            attach_report(store, meeting, f"B{n}", report(tmp / f"r{n}.docx", f"Report {n}", 20))
        rows = []
        for label, change in (
            ("first build (nothing cached)", None),
            ("rebuild, nothing changed", None),
            ("rebuild, one report changed", 3),
        ):
            if change:
                attach_report(store, meeting, f"B{change}", report(tmp / "changed.docx", f"Report {change}", 20, "Revised. "))
            started = time.perf_counter()
            result = build_pack(store, meeting, tmp / "pack.pdf")
            total = time.perf_counter() - started
            rows.append((label, total, result.soffice_seconds, len(result.converted), result.pages))
        store.close()
    print("agenda pack: 6 reports of 20 pages, front sheet and previous notes")
    for label, total, lo, converted, pages in rows:
        share = f"{lo / total:5.0%}" if total else "  -"
        print(f"  {label:30} {total:6.2f} s   inside LibreOffice {lo:6.2f} s ({share})   converted {converted}   {pages} pages")


if __name__ == "__main__":
    main()
