"""Export, side by side in one run: clerk's notes of 40 minutes and a bound volume of 500 minutes
(loading from the database included) against the plain script of bench/export_floor.py, which
loads the same rows with sqlite3 and writes the same styled paragraphs the obvious way (styles by
name), and imports nothing of clerk.

Two figures per document, each from alternating runs (clerk, floor, clerk, floor, …) and printed
as the ratio clerk / floor of wall time, median and min–max over the pairs, beside its goal, and
the median ratio of CPU time (this process's and its children's), which load moves less:

- in-process: the export function against the floor function, both already imported;
- whole process: ``clerk --db DB export notes|volume … --out FILE`` launched as a subprocess,
  from launch to exit with the file written, against ``python bench/export_floor.py`` likewise.

Run: .venv/bin/python bench/export.py [runs]
"""

from __future__ import annotations

import datetime as dt
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path[0] = str(Path(__file__).resolve().parent.parent)  # the project first

from bench.export_floor import floor
from clerk.documents import build_notes, build_volume
from clerk.models import Meeting, MeetingStatus, Minute, Paragraph, ParagraphKind
from clerk.services import committees
from clerk.storage import Store
from exports.notes import write_notes, write_volume

COMMITTEE = "Kent Community Safety Partnership"
GOALS = {  # (in-process, whole process): clerk / floor at most
    "notes, 40 minutes": (0.5, 1.0),
    "volume, 500 minutes": (0.4, 0.5),
}
TEXT = (
    "Mr Peerbux explained that the Community Safety Agreement was now a rolling document that would be "
    "reviewed and refreshed annually along with the associated action plan. "
)


def build(store: Store, minutes_per_meeting: list[int]) -> tuple[int, list[int]]:
    c = committees.create_committee(store, COMMITTEE, organisation="KENT COUNTY COUNCIL", minutes_word="NOTES", numbering_start=1)
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


def cpu() -> float:
    """CPU seconds of this process and of its finished children (less moved by load than wall time)."""
    me, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return me.ru_utime + me.ru_stime + kids.ru_utime + kids.ru_stime


def pairs(clerk_fn: Callable[[], object], floor_fn: Callable[[], object], runs: int) -> list[tuple[float, ...]]:
    """(clerk wall, floor wall, clerk CPU, floor CPU) seconds of each pair, alternating, after one
    warm-up of each."""
    clerk_fn(), floor_fn()
    out = []
    for _ in range(runs):
        times = []
        for fn in (clerk_fn, floor_fn):
            t, c = time.perf_counter(), cpu()
            fn()
            times.append((time.perf_counter() - t, cpu() - c))
        (cw, cc), (fw, fc) = times
        out.append((cw, fw, cc, fc))
    return out


def row(name: str, goal: float, times: list[tuple[float, ...]]) -> str:
    ratios = [t[0] / t[1] for t in times]
    med = statistics.median(ratios)
    cpu_ratio = statistics.median(t[2] / t[3] for t in times)
    clerk_ms = statistics.median(t[0] for t in times) * 1000
    floor_ms = statistics.median(t[1] for t in times) * 1000
    verdict = "ok" if med <= goal else "over"
    return (
        f"  {name:34} {med:5.2f}x ({min(ratios):.2f}–{max(ratios):.2f})  goal ≤ {goal:.2f}x {verdict:4}"
        f"  clerk {clerk_ms:6.0f} ms  floor {floor_ms:6.0f} ms  CPU {cpu_ratio:5.2f}x"
    )


def process(argv: list[str], out: Path) -> Callable[[], None]:
    """Launch ``argv`` and wait for it to exit, the file written."""

    def go() -> None:
        out.unlink(missing_ok=True)
        subprocess.run(argv, check=True, stdout=subprocess.DEVNULL)
        if not out.is_file():
            raise SystemExit(f"{argv[0]} exited without writing {out}")

    return go


def clerk_command() -> list[str]:
    """The installed ``clerk`` script beside this Python, else ``python -m clerk.cli``."""
    script = Path(sys.executable).parent / "clerk"
    return [str(script)] if script.is_file() else [sys.executable, "-m", "clerk.cli"]


def main(runs: int = 5) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        store = Store.open(tmp / "bench.db")
        committee_id, ids = build(store, [40] * 12 + [20])
        one = ids[0]
        db = str(store.target.path)
        start, end = dt.date(2000, 1, 1), dt.date(2100, 1, 1)
        clerk = [*clerk_command(), "--db", db, "export"]
        plain = [sys.executable, str(Path(__file__).with_name("export_floor.py"))]
        cases = {
            "notes, 40 minutes": (
                lambda: write_notes(build_notes(store, one), tmp / "n.docx"),
                lambda: floor(db, [one], str(tmp / "fn.docx")),
                process([*clerk, "notes", str(one), "--out", str(tmp / "pn.docx")], tmp / "pn.docx"),
                process([*plain, db, str(tmp / "pfn.docx"), str(one)], tmp / "pfn.docx"),
            ),
            "volume, 500 minutes": (
                lambda: write_volume(build_volume(store, committee_id, start, end), tmp / "v.docx"),
                lambda: floor(db, ids, str(tmp / "fv.docx")),
                process(
                    [*clerk, "volume", "-c", COMMITTEE, "--from", f"{start}", "--to", f"{end}", "--out", str(tmp / "pv.docx")],
                    tmp / "pv.docx",
                ),
                process([*plain, db, str(tmp / "pfv.docx"), *map(str, ids)], tmp / "pfv.docx"),
            ),
        }
        load = os.getloadavg()[0]
        print(f"export: clerk / plain python-docx, median (min–max) of {runs} alternating runs; load {load:.1f}")
        for name, (clerk_fn, floor_fn, clerk_proc, floor_proc) in cases.items():
            inproc, whole = GOALS[name]
            print(row(f"{name}, in-process", inproc, pairs(clerk_fn, floor_fn, runs)))
            print(row(f"{name}, whole process", whole, pairs(clerk_proc, floor_proc, runs)))
        store.close()


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 5)
