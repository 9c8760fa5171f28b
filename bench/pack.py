"""The agenda pack against its floor, in the same run: LibreOffice converting the same documents
in one call, outside clerk (``soffice --headless --convert-to pdf --outdir D f1.docx f2.docx …``,
timed as a subprocess, with a private profile LibreOffice has run with before).

- first build (nothing cached) vs converting the front sheet, the previous notes and the six
  reports of 20 pages in one call;
- rebuild after one report changed vs converting that one report.

Each run starts from a new database (nothing cached); the first run warms LibreOffice's profiles
(clerk's and the floor's) and is not counted. Run: .venv/bin/python bench/pack.py [runs]
"""

from __future__ import annotations

import os
import shutil
import statistics
import subprocess
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
from clerk.usecases.pack import gather
from exports.actions import write_actions
from exports.agenda import write_agenda
from exports.notes import write_notes
from exports.pdf import find_soffice

TEXT = "The Kent Community Safety Partnership is asked to note the progress made against the action plan. " * 6
GOAL = 1.3


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


def soffice(profile: Path, docs: list[Path], outdir: Path) -> float:
    """The floor: one LibreOffice call converting ``docs``, timed from outside."""
    cmd = [
        find_soffice() or "soffice",
        f"-env:UserInstallation=file://{profile}",
        "--headless",
        "--convert-to",
        "pdf",
        "--outdir",
        str(outdir),
        *map(str, docs),
    ]
    started = time.perf_counter()
    subprocess.run(cmd, check=True, capture_output=True, env={**os.environ, "HOME": str(profile)})
    seconds = time.perf_counter() - started
    missing = [d.name for d in docs if not (outdir / f"{d.stem}.pdf").is_file()]
    assert not missing, f"the floor did not convert {missing}"
    return seconds


def pack_documents(store: Store, meeting: int, folder: Path) -> list[Path]:
    """The Word documents the pack converts: the front sheet as built (its page ranges now
    stored), the previous notes (and an action log, when the agenda has one), the reports."""
    pack = gather(store, meeting, "public")
    folder.mkdir()
    docs = [write_agenda(pack.front, folder / "front.docx", page_numbers=False)]
    for p in pack.parts:
        if p.notes is not None:
            docs.append(write_notes(p.notes, folder / "notes.docx", page_numbers=False))
        elif p.actions is not None:
            docs.append(write_actions(p.actions, folder / f"{p.name}.docx", page_numbers=False))
        elif p.path is not None and not p.is_pdf:
            docs.append(shutil.copyfile(p.path, folder / f"{p.name}.docx"))
    return docs


def one_run(tmp: Path, profile: Path) -> dict[str, float]:
    store = Store.open(tmp / "bench.db")
    try:
        meeting = load_demo(store).next_meeting_id
        for n in range(1, 7):
            agenda.add_item(store, meeting, "B", f"Report {n}")
            attach_report(store, meeting, f"B{n}", report(tmp / f"r{n}.docx", f"Report {n}", 20))
        row = {}
        started = time.perf_counter()
        first = build_pack(store, meeting, tmp / "pack.pdf")
        row["first"] = time.perf_counter() - started
        docs = pack_documents(store, meeting, tmp / "docs")
        assert len(docs) == len(set(first.converted)), (docs, first.converted)
        row["first floor"] = soffice(profile, docs, tmp / "floor-all")
        started = time.perf_counter()
        build_pack(store, meeting, tmp / "pack.pdf")
        row["unchanged"] = time.perf_counter() - started
        changed = report(tmp / "changed.docx", "Report 3", 20, "Revised. ")
        attach_report(store, meeting, "B3", changed)
        started = time.perf_counter()
        rebuilt = build_pack(store, meeting, tmp / "pack.pdf")
        row["rebuild"] = time.perf_counter() - started
        assert rebuilt.converted == ["B3"], rebuilt.converted
        assert rebuilt.ranges == first.ranges
        row["rebuild floor"] = soffice(profile, [changed], tmp / "floor-one")
        row["pages"] = first.pages
        return row
    finally:
        store.close()


def spread(values: list[float], unit: str = "") -> str:
    return f"{statistics.median(values):5.2f}{unit} ({min(values):.2f}–{max(values):.2f})"


def main() -> None:
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 5
    rows = []
    with tempfile.TemporaryDirectory(prefix="clerk-bench-pack-") as top:
        top_path = Path(top)
        os.environ["CLERK_DATA_DIR"] = str(top_path / "data")  # clerk's own folders, kept between runs
        profile = top_path / "floor-profile"
        for n in range(runs + 1):
            run = top_path / f"run{n}"
            run.mkdir()
            row = one_run(run, profile)
            if n:  # the first run warms both profiles
                rows.append(row)
            shutil.rmtree(run)
    print(f"agenda pack: 6 reports of 20 pages, front sheet and previous notes ({rows[0]['pages']:.0f} pages); {runs} runs")
    print("  median (min–max)                     clerk            LibreOffice alone    ratio            goal")
    for label, key in (("first build (nothing cached)", "first"), ("rebuild, one report changed", "rebuild")):
        ratios = [r[key] / r[f"{key} floor"] for r in rows]
        clerk = spread([r[key] for r in rows], " s")
        floor = spread([r[f"{key} floor"] for r in rows], " s")
        print(f"  {label:34} {clerk}  {floor}  {spread(ratios, '×')}  ≤ {GOAL}×")
    print(f"  rebuild, nothing changed           {spread([r['unchanged'] for r in rows], ' s')}")


if __name__ == "__main__":
    main()
