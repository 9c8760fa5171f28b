"""Typing into the live minute editor, against a bare TextArea, in the same run.

A 20-year database (200 meetings × 40 minutes) is built; the live screen is opened on a new
meeting with one item taken; 500 characters are typed into its minute, one key at a time,
about as fast as a quick typist (30 ms apart), and the same into a bare TextArea app whose
text area is the floor: the same size as the minute editor, soft-wrapped, with line numbers
in its gutter. The garbage collector stays on in both.
For each key: the CPU time spent from posting the key until the frame after it was drawn
(``time.process_time``, so sleeps cost nothing and the autosave thread's work counts), and
the wall time from posting the key to Textual's first callback after the next screen refresh.
Then the cost of one autosave (the live service: lock check, version check, parse, write,
commit) against its floor: an ORM get + set + commit of the same paragraph in the same
database through SQLModel.

Each run does all three; the summary gives each figure's median over the runs and its
min–max (the machine may be shared: read the ratios, not the times).

    python bench/keystrokes.py [RUNS]     # RUNS defaults to 5
"""

from __future__ import annotations

import os
import sys

sys.path[0] = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))  # the project first

import asyncio
import datetime as dt
import gc
import statistics
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from sqlmodel import select
from textual import events
from textual.app import App
from textual.widgets import TextArea

from clerk.body import parse, render
from clerk.live.lock import Holder
from clerk.live.meeting import LiveMeeting
from clerk.models import Committee, Meeting, MeetingStatus, Minute, NumberingScheme, Paragraph
from clerk.services import agenda, meetings
from clerk.services.content import content
from clerk.storage import Store
from screens.app import ClerkApp
from screens.live.screen import LiveScreen

MEETINGS, MINUTES, KEYS, GAP = 200, 40, 500, 0.03
TEXT = (
    "Mr Parris introduced the report on the community trigger and members asked about the criteria. "
    "It was agreed that a further report be considered at the next meeting of the Partnership.\n\n"
) * 5


def build(path: Path) -> tuple[Store, int, int]:
    """The 20-year database, and a new meeting with one item taken: (store, meeting, minute)."""
    store = Store.open(path)
    with store.write() as s:
        c = Committee(name="Kent Community Safety Partnership", numbering_scheme=NumberingScheme.CONTINUOUS)
        s.add(c)
        s.flush()
        number = 0
        for n in range(MEETINGS):
            m = Meeting(committee_id=c.id, date=dt.date(2005, 1, 10) + dt.timedelta(days=36 * n), status=MeetingStatus.SIGNED)
            s.add(m)
            s.flush()
            for seq in range(MINUTES):
                number += 1
                minute = Minute(committee_id=c.id, meeting_id=m.id, seq=seq, number=number, title=f"Item {seq + 1}")
                s.add(minute)
                s.flush()
                s.add_all(
                    [
                        Paragraph(minute_id=minute.id, position=p, text=f"Paragraph {p + 1} of minute {number}. " * 8)
                        for p in range(3)
                    ]
                )
        committee_id = c.id
    meeting = meetings.create_meeting(store, committee_id, dt.date(2026, 10, 14))
    item = agenda.add_item(store, meeting.id, "B", "Community Safety Agreement")
    live = LiveMeeting(store, meeting.id, Holder.here())
    live.acquire()
    minute_id = live.take_item(item.id).minute_id
    live.release()
    return store, meeting.id, minute_id


class Frames:
    """Both apps report the next frame after each change the same way."""

    def setup_frames(self) -> None:
        self.frame = asyncio.Event()
        self.frame_at = 0.0

    def on_text_area_changed(self, _event) -> None:
        self.call_after_refresh(self._framed)

    def _framed(self) -> None:
        self.frame_at = time.perf_counter()
        self.frame.set()


class BareApp(Frames, App):
    """The floor: one text area the size of the minute editor, soft-wrapped, with line numbers."""

    def __init__(self, size: tuple[int, int]) -> None:
        super().__init__()
        self.area_size = size

    def compose(self):
        area = TextArea(soft_wrap=True, show_line_numbers=True)
        area.styles.width, area.styles.height = self.area_size
        yield area

    def on_mount(self) -> None:
        self.query_one(TextArea).focus()


class LiveApp(Frames, ClerkApp):
    CSS_PATH = str(Path(sys.modules[ClerkApp.__module__].__file__).with_name("app.tcss"))


def key_of(ch: str) -> tuple[str, str]:
    if ch == "\n":
        return "enter", "\r"
    return ("space" if ch == " " else ch), ch


@dataclass
class Typed:
    cpu: list[float]  # per key, to its frame
    latency: list[float]  # per key, to its frame
    total: float  # CPU per key over the whole typing, timers and threads included
    full_gcs: list[float]  # the pause of each full (generation 2) collection while typing
    full_gcs_cpu: list[float]  # and its CPU time


class FullCollections:
    """The length of each full garbage collection while it is installed."""

    def __init__(self) -> None:
        self.pauses: list[float] = []  # wall time (what the clerk waits)
        self.cpu: list[float] = []  # CPU time (the collection's own work, without the machine's load)
        self._started = (0.0, 0.0)

    def __call__(self, phase: str, info: dict) -> None:
        if info["generation"] != 2:
            return
        if phase == "start":
            self._started = (time.perf_counter(), time.process_time())
        else:
            self.pauses.append(time.perf_counter() - self._started[0])
            self.cpu.append(time.process_time() - self._started[1])

    def __enter__(self) -> FullCollections:
        gc.callbacks.append(self)
        return self

    def __exit__(self, *_exc) -> None:
        gc.callbacks.remove(self)


async def type_into(app) -> Typed:
    with FullCollections() as full:
        return await _type_into(app, full)


async def _type_into(app, full: FullCollections) -> Typed:
    cpu, latency = [], []
    total_cpu = time.process_time()
    for ch in TEXT[:KEYS]:
        app.frame.clear()
        key, char = key_of(ch)
        c0, t0 = time.process_time(), time.perf_counter()
        app.post_message(events.Key(key, char))
        await asyncio.wait_for(app.frame.wait(), 5)
        c1 = time.process_time()
        cpu.append(c1 - c0)
        latency.append(app.frame_at - t0)
        await asyncio.sleep(GAP)
    return Typed(cpu, latency, (time.process_time() - total_cpu) / KEYS, full.pauses, full.cpu)


async def bench_bare(size: tuple[int, int]) -> Typed:
    app = BareApp(size)
    app.setup_frames()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        return await type_into(app)


async def bench_live(store: Store, meeting_id: int, minute_id: int) -> tuple[Typed, str, tuple[int, int]]:
    app = LiveApp(store, start=lambda: LiveScreen(meeting_id))
    app.setup_frames()
    async with app.run_test(size=(120, 40)) as pilot:
        for _ in range(200):
            await pilot.pause()
            if isinstance(app.screen, LiveScreen) and app.screen.minute_id == minute_id:
                break
        else:
            raise SystemExit("the live screen did not open")
        size = app.screen.editor.outer_size
        result = await type_into(app)
        app.screen.save_now()
        stored = app.screen.editor.text
    return result, stored, (size.width, size.height)


@dataclass
class Saves:
    wall: list[float]
    cpu: list[float]


def bench_saves(store: Store, meeting_id: int, minute_id: int, n: int = 200) -> tuple[Saves, Saves]:
    live = LiveMeeting(store, meeting_id, Holder.here())
    live.acquire()
    autosave = Saves([], [])
    for i in range(n):
        text = TEXT[: 200 + i]
        c0, t0 = time.process_time(), time.perf_counter()
        live.save_text(minute_id, text)
        autosave.wall.append(time.perf_counter() - t0)
        autosave.cpu.append(time.process_time() - c0)
    live.release()
    with store.read() as s:
        pid = s.exec(select(Paragraph.id).where(Paragraph.minute_id == minute_id)).first()
    floor = Saves([], [])
    for i in range(n):
        c0, t0 = time.process_time(), time.perf_counter()
        with store.write() as s:  # the ORM's get + set + commit of the same paragraph
            paragraph = s.get(Paragraph, pid)
            assert paragraph is not None
            paragraph.text = TEXT[: 200 + i]
            s.add(paragraph)
        floor.wall.append(time.perf_counter() - t0)
        floor.cpu.append(time.process_time() - c0)
    return autosave, floor


def reset(store: Store, meeting_id: int, minute_id: int) -> None:
    """The minute empty again, for the next run to type into."""
    live = LiveMeeting(store, meeting_id, Holder.here())
    live.acquire()
    live.save_text(minute_id, "")
    live.release()


def p95(xs: list[float]) -> float:
    return statistics.quantiles(xs, n=20)[18]


FIGURES = (
    ("CPU per key to its frame, median", "ms"),
    ("CPU per key to its frame, p95", "ms"),
    ("key to next frame, median", "ms"),
    ("key to next frame, p95", "ms"),
    ("CPU per key, all included", "ms"),  # timers, the autosave thread, the heartbeat
    ("one autosave, median", "ms"),
    ("one autosave, p95", "ms"),
    ("one autosave, CPU median", "ms"),
    ("full GCs while typing (count)", ""),
    ("longest full GC while typing", "ms"),
    ("most CPU of one full GC", "ms"),
)


def figures(typed: Typed, saves: Saves) -> list[float]:
    return [
        statistics.median(typed.cpu),
        p95(typed.cpu),
        statistics.median(typed.latency),
        p95(typed.latency),
        typed.total,
        statistics.median(saves.wall),
        p95(saves.wall),
        statistics.median(saves.cpu),
        len(typed.full_gcs) / 1e3,  # printed ×1000
        max(typed.full_gcs, default=0.0),
        max(typed.full_gcs_cpu, default=0.0),
    ]


def spread(xs: list[float], unit: float = 1e3) -> str:
    return f"{statistics.median(xs) * unit:7.3f} ({min(xs) * unit:.3f}–{max(xs) * unit:.3f})"


async def one_run(store: Store, meeting_id: int, minute_id: int) -> tuple[list[float], list[float]]:
    reset(store, meeting_id, minute_id)
    gc.collect()
    live, typed, size = await bench_live(store, meeting_id, minute_id)
    stored = content(store, minute_id).body
    assert stored == render(parse(typed)) == render(parse(TEXT[:KEYS])), "what was typed is not what was stored"
    gc.collect()
    bare = await bench_bare(size)
    autosave, floor = bench_saves(store, meeting_id, minute_id)
    return figures(live, autosave), figures(bare, floor)


async def main(runs: int) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "clerk.db"
        t0 = time.perf_counter()
        store, meeting_id, minute_id = build(path)
        print(
            f"20-year database: {MEETINGS} meetings × {MINUTES} minutes, built in {time.perf_counter() - t0:.1f}s "
            f"({path.stat().st_size / 1e6:.1f} MB); GC on; {KEYS} keys, {GAP * 1000:.0f} ms apart, {runs} runs"
        )
        print("floors: a bare TextArea of the editor's size with line numbers; an ORM get + set + commit of the paragraph")
        results = []
        for n in range(runs):
            live, bare = await one_run(store, meeting_id, minute_id)
            results.append((live, bare))
            print(
                f"run {n + 1}: CPU/key {live[0] * 1e3:.3f} vs {bare[0] * 1e3:.3f} ms ({live[0] / bare[0]:.2f}×), "
                f"key→frame p95 {live[3] * 1e3:.3f} vs {bare[3] * 1e3:.3f} ms, "
                f"autosave {live[5] * 1e3:.3f} vs {bare[5] * 1e3:.3f} ms ({live[5] / bare[5]:.2f}×), "
                f"its CPU {live[7] * 1e3:.3f} vs {bare[7] * 1e3:.3f} ms ({live[7] / bare[7]:.2f}×)",
                flush=True,
            )
        store.close()
    print(f"\n{'median (min–max) over runs':<36} {'clerk':>24} {'floor':>24} {'ratio':>22}")
    for i, (label, unit) in enumerate(FIGURES):
        live_xs = [live[i] for live, _ in results]
        bare_xs = [bare[i] for _, bare in results]
        ratio = f"{spread([live[i] / bare[i] for live, bare in results], 1):>21}×" if all(bare_xs) else ""
        print(f"{label:<36} {spread(live_xs):>21} {unit:>2} {spread(bare_xs):>21} {unit:>2} {ratio}")


if __name__ == "__main__":
    sys.exit(asyncio.run(main(int(sys.argv[1]) if len(sys.argv) > 1 else 5)))
