"""Never lose a word: the real app is killed with SIGKILL while the clerk types, at random
moments, and restarted; every key typed more than a second before the kill is stored, and
the app reopens at the minute it was on. A second app on the same meeting gets a read-only
view and writes nothing."""

from __future__ import annotations

import os
import random
import sqlite3

from clerk.body import parse, render
from clerk.services import content, live
from clerk.storage import Store

from .live_helpers import build_demo_agenda
from .live_pilot import live_app, ready
from .pty_app import PtyApp
from .settled import settled

WORDS = ("the partnership noted the report and asked for an update on the community trigger criteria "
         "at the next meeting members welcomed the progress made by the safety team").split()


def normal(text: str) -> str:
    """The text as the minute stores it (paragraphs, trimmed)."""
    return render(parse(text))


def typing(rng: random.Random, n: int) -> str:
    out = "\n\n"  # each round starts a new paragraph
    while len(out) < n:
        out += rng.choice(WORDS) + (" " if rng.random() > 0.1 else ".\n\n")
    return out


def stored_body(db, meeting_id: int) -> str:
    store = Store.open(db)
    try:
        view = live.live_view(store, meeting_id)
        minute = view.current
        assert minute is not None and minute.number == "64", "the app did not keep its place"
        return content.content(store, minute.id).body
    finally:
        store.close()


def integrity(db) -> str:
    conn = sqlite3.connect(db)
    try:
        return conn.execute("PRAGMA integrity_check").fetchone()[0]
    finally:
        conn.close()


def test_kill_9_at_random_moments_loses_at_most_the_last_second(tmp_path):
    seed = int.from_bytes(os.urandom(4), "little")
    rng = random.Random(seed)
    db = tmp_path / "clerk.db"
    store = Store.open(db)
    held = build_demo_agenda(store).held_id
    store.close()

    app = PtyApp("--db", str(db), "live", "2014-07-08")
    app.wait_for("No minute yet")
    app.press("f2")
    app.type("b1")
    app.press("enter")
    app.wait_for("64. Community Trigger")
    previous = ""
    for round_ in range(5):
        if round_:
            app = PtyApp("--db", str(db), "live")  # no meeting given: the one in progress
            app.wait_for("64. Community Trigger")  # reopened where it was
        text = typing(rng, 400)
        killer_after = rng.uniform(0.6, 4.0)
        sent = 0
        started = None
        for ch in text:
            app.type(ch, delay=rng.uniform(0.01, 0.05))
            sent += 1
            started = started or app.sent[-1][0]
            if app.sent[-1][0] - started >= killer_after:
                break
        killed_at = app.kill()
        safe = sum(1 for t, _ch in app.sent if t < killed_at - 1.0)
        body = stored_body(db, held)
        candidates = [k for k in range(sent + 1) if normal(previous + text[:k]) == body]
        where = f"(seed {seed}, round {round_}, killed {killer_after:.2f}s in, {sent} keys sent, {safe} more than 1s before)"
        assert candidates, f"the stored text is not what was typed {where}:\n{body!r}\n{(previous + text[:sent])!r}"
        assert max(candidates) >= safe, f"only {max(candidates)} of the keys typed were stored {where}"
        print(f"round {round_}: {sent} keys sent, {max(candidates)} stored, {safe} typed more than 1s before the kill")
        assert integrity(db) == "ok"
        previous = body


async def test_a_second_app_gets_a_read_only_view(tmp_path):
    db = tmp_path / "clerk.db"
    store = Store.open(db)
    built = build_demo_agenda(store)
    first = PtyApp("--db", str(db), "live", "2014-07-08")
    try:
        first.wait_for("No minute yet")
        first.press("f2")
        first.type("b1")
        first.press("enter")
        first.wait_for("64. Community Trigger")
        first.type("Jim Parris introduced the report.")
        first.press("ctrl+s")
        first.wait_for("saved ")  # stored before the second app reads it
        app = live_app(store, built.held_id)
        async with app.run_test(size=(100, 30)) as pilot:
            screen = await ready(pilot)
            assert screen.read_only and screen.editor.read_only
            assert "being minuted in another clerk window" in screen.lock_message
            assert f"process {first.pid}" in screen.lock_message
            assert "Jim Parris introduced the report." in screen.editor.text  # it follows the other window
            await pilot.press(*"overwritten", "f2", "b", "2", "enter", "ctrl+l")
            await settled(pilot)
            assert screen.read_only  # taking over a live window is refused
        first.type(" It was agreed.")
        assert first.quit() == 0
    finally:
        first.close()
    minute = live.live_view(store, built.held_id).minutes
    assert [m.number for m in minute] == ["64"]  # the read-only view took nothing
    assert content.content(store, minute[0].id).body == "Jim Parris introduced the report. It was agreed."
    assert integrity(db) == "ok"
    store.close()


async def test_a_read_only_view_takes_over_when_the_other_app_dies(tmp_path):
    db = tmp_path / "clerk.db"
    store = Store.open(db)
    built = build_demo_agenda(store)
    first = PtyApp("--db", str(db), "live", "2014-07-08")
    first.wait_for("No minute yet")
    app = live_app(store, built.held_id)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await ready(pilot)
        assert screen.read_only
        first.kill()
        await pilot.press("ctrl+l")
        await settled(pilot)
        assert not screen.read_only and not screen.lock_message
        await pilot.press("f2", "b", "1", "enter", *"Taken over.")
        await pilot.press("ctrl+q")
    rows = live.live_view(store, built.held_id).minutes
    assert content.content(store, rows[0].id).body == "Taken over."
    store.close()
