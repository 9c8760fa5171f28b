"""Typing into the live minute editor, against a bare TextArea, in the same run.

A 20-year database (200 meetings × 40 minutes) is built; the live screen is opened on a new
meeting with one item taken; 500 characters are typed into its minute, one key at a time,
about as fast as a quick typist (30 ms apart), and the same into a bare TextArea app.
For each key: the CPU time spent from posting the key until the frame after it was drawn
(``time.process_time``, so sleeps cost nothing and the autosave thread's work counts), and
the wall time from posting the key to Textual's first callback after the next screen refresh.
Then the cost of one autosave (the live service: lock check, parse, write, commit) against
one bare SQLite commit of the same paragraph in the same file.

    python bench/keystrokes.py            # prints medians, p95s and ratios
"""

from __future__ import annotations

import os
import sys

sys.path[0] = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))  # the project first

import asyncio
import datetime as dt
import gc
import sqlite3
import statistics
import tempfile
import time
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
    def compose(self):
        yield TextArea(soft_wrap=True)

    def on_mount(self) -> None:
        self.query_one(TextArea).focus()


class LiveApp(Frames, ClerkApp):
    CSS_PATH = str(Path(sys.modules[ClerkApp.__module__].__file__).with_name("app.tcss"))


def key_of(ch: str) -> tuple[str, str]:
    if ch == "\n":
        return "enter", "\r"
    return ("space" if ch == " " else ch), ch


async def type_into(app, pilot) -> tuple[list[float], list[float], float]:
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
    return cpu, latency, (time.process_time() - total_cpu) / KEYS


async def bench_bare() -> tuple[list[float], list[float], float]:
    app = BareApp()
    app.setup_frames()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        return await type_into(app, pilot)


async def bench_live(store: Store, meeting_id: int, minute_id: int) -> tuple[list[float], list[float], float, str]:
    app = LiveApp(store, start=lambda: LiveScreen(meeting_id))
    app.setup_frames()
    async with app.run_test(size=(120, 40)) as pilot:
        for _ in range(200):
            await pilot.pause()
            if isinstance(app.screen, LiveScreen) and app.screen.minute_id == minute_id:
                break
        else:
            raise SystemExit("the live screen did not open")
        result = await type_into(app, pilot)
        app.screen.save_now()
        stored = app.screen.editor.text
    return (*result, stored)


def bench_saves(store: Store, meeting_id: int, minute_id: int, path: Path, n: int = 200) -> tuple[list[float], list[float]]:
    live = LiveMeeting(store, meeting_id, Holder.here())
    live.acquire()
    autosave = []
    for i in range(n):
        text = TEXT[: 200 + i]
        t0 = time.perf_counter()
        live.save_text(minute_id, text)
        autosave.append(time.perf_counter() - t0)
    live.release()
    with store.read() as s:
        pid = s.exec(select(Paragraph.id).where(Paragraph.minute_id == minute_id)).first()
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = NORMAL")
    bare = []
    for i in range(n):
        t0 = time.perf_counter()
        conn.execute("BEGIN IMMEDIATE")
        conn.execute("UPDATE paragraph SET text = ? WHERE id = ?", (TEXT[: 200 + i], pid))
        conn.execute("COMMIT")
        bare.append(time.perf_counter() - t0)
    conn.close()
    return autosave, bare


def p95(xs: list[float]) -> float:
    return statistics.quantiles(xs, n=20)[18]


def row(label: str, live_xs: list[float], bare_xs: list[float], unit: float = 1e3, suffix: str = "ms") -> None:
    lm, bm = statistics.median(live_xs), statistics.median(bare_xs)
    lp, bp = p95(live_xs), p95(bare_xs)
    print(
        f"{label:<28} live {lm * unit:8.3f} / {lp * unit:8.3f} {suffix}   bare {bm * unit:8.3f} / {bp * unit:8.3f} {suffix}"
        f"   ratio {lm / bm:5.2f}× / {lp / bp:5.2f}×"
    )


async def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "clerk.db"
        t0 = time.perf_counter()
        store, meeting_id, minute_id = build(path)
        print(
            f"20-year database: {MEETINGS} meetings × {MINUTES} minutes, built in {time.perf_counter() - t0:.1f}s "
            f"({path.stat().st_size / 1e6:.1f} MB)"
        )
        gc.collect()
        bare_cpu, bare_lat, bare_total = await bench_bare()
        gc.collect()
        live_cpu, live_lat, live_total, typed = await bench_live(store, meeting_id, minute_id)
        stored = content(store, minute_id).body
        assert stored == render(parse(typed)) == render(parse(TEXT[:KEYS])), "what was typed is not what was stored"
        print(f"{KEYS} keys, {GAP * 1000:.0f} ms apart; median / p95 (p95 shows garbage-collection pauses)")
        row("CPU per key (to its frame)", live_cpu, bare_cpu)
        row("key to next frame", live_lat, bare_lat)
        print(
            f"{'CPU per key, all included':<28} live {live_total * 1e3:8.3f} ms   bare {bare_total * 1e3:8.3f} ms"
            f"   ratio {live_total / bare_total:5.2f}×  (timers, autosave thread, heartbeat)"
        )
        autosave, bare = bench_saves(store, meeting_id, minute_id, path)
        row("one autosave vs one commit", autosave, bare)
        store.close()


if __name__ == "__main__":
    sys.exit(asyncio.run(main()))
