"""Two clerks on one minute: two real processes save the same minute's text at the same
moment, round after round, on SQLite and on a real PostgreSQL server. The paragraphs are
never doubled; a save based on text the other window has since changed is refused with a
plain message, and the text stored is always one writer's, whole."""

from __future__ import annotations

import multiprocessing

import pytest

from clerk.body import parse
from clerk.live import lock as live_lock
from clerk.live.meeting import LiveMeeting
from clerk.services import content, minutes
from clerk.services.minute_text import MinuteChanged
from clerk.storage import Store

from .live_helpers import build_demo_agenda

ROUNDS = 30


def text_of(writer: int, round_: int) -> str:
    return (
        "The partnership noted the report.\n\nMembers asked about the community trigger.\n\n"
        f"RESOLVED that the update of round {round_} from window {writer} be noted."
    )


def writer(
    db: str, holder: live_lock.Holder, meeting_id: int, minute_id: int, number: int, versioned: bool, barrier, results
) -> None:
    """One clerk's window: each round it reads the minute, waits for the other, then saves
    (by the live autosave, or by the plain save every other round) and looks at what is stored."""
    store = Store.open(db)
    refused: list[str] = []
    saved = 0
    try:
        for round_ in range(ROUNDS):
            based_on = {"base_version": content.content(store, minute_id).minute.version} if versioned else {}
            text = text_of(number, round_)
            barrier.wait(60)
            try:
                if round_ % 2:
                    changed = content.set_body(store, minute_id, text, **based_on)
                else:
                    changed = LiveMeeting(store, meeting_id, holder).save_text(minute_id, text, **based_on)
                saved += bool(changed)
            except MinuteChanged as exc:
                refused.append(str(exc))
            barrier.wait(60)
            body = content.content(store, minute_id).body
            if len(parse(body)) != 3:
                raise AssertionError(f"round {round_}: the minute's paragraphs were doubled:\n{body}")
        results.put((number, saved, refused, None))
    except BaseException as exc:
        barrier.abort()
        results.put((number, saved, refused, f"{type(exc).__name__}: {exc}"))
    finally:
        store.close()


def both_save(db: str, versioned: bool) -> tuple[Store, int, list[tuple[int, int, list[str], str | None]]]:
    store = Store.open(db)
    built = build_demo_agenda(store)
    holder = live_lock.Holder.here()
    assert live_lock.acquire(store, built.held_id, holder).granted
    minute = minutes.add_minute(store, built.held_id, "Community Trigger")
    ctx = multiprocessing.get_context("spawn")
    barrier, results = ctx.Barrier(2), ctx.Queue()
    procs = [
        ctx.Process(target=writer, args=(db, holder, built.held_id, minute.id, n, versioned, barrier, results)) for n in (1, 2)
    ]
    for p in procs:
        p.start()
    got = [results.get(timeout=180) for _ in procs]
    for p in procs:
        p.join(30)
    return store, minute.id, got


def stored_once(store: Store, minute_id: int) -> str:
    body = content.content(store, minute_id).body
    paragraphs = [p.text for p in parse(body)]
    assert len(paragraphs) == len(set(paragraphs)) == 3, f"paragraphs doubled:\n{body}"
    assert body in {text_of(n, r) for n in (1, 2) for r in range(ROUNDS)}
    return body


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def database(request, tmp_path) -> str:
    if request.param == "sqlite":
        return str(tmp_path / "clerk.db")
    return request.getfixturevalue("pg_server").new_database()


def test_two_windows_saving_one_minute_at_once_never_double_it(database):
    store, minute_id, got = both_save(database, versioned=False)
    try:
        assert all(error is None for *_rest, error in got), got
        stored_once(store, minute_id)
    finally:
        store.close()


def test_the_window_saving_over_a_newer_text_is_refused_plainly(database):
    store, minute_id, got = both_save(database, versioned=True)
    try:
        assert all(error is None for *_rest, error in got), got
        saved = sum(s for _n, s, _r, _e in got)
        refused = [message for *_first, messages, _e in got for message in messages]
        assert saved == ROUNDS and len(refused) == ROUNDS  # each round: one window wins, the other is told
        assert set(refused) == {"Minute 64 was changed in another window since this one read it; nothing was overwritten."}
        stored_once(store, minute_id)
        assert content.content(store, minute_id).minute.version == ROUNDS
    finally:
        store.close()


def test_a_save_rewrites_only_the_paragraphs_that_changed(store, demo):
    """A word typed rewrites its paragraph in place; the others keep their rows (and the search
    index its entries); paragraphs gone are deleted, new ones added, and one set remains."""
    from sqlmodel import col, select

    from clerk.body import Para
    from clerk.models import Minute, Paragraph, ParagraphKind
    from clerk.services.minute_text import replace_paragraphs_in
    from clerk.services.search import search

    def rows(session, minute_id):
        found = session.exec(select(Paragraph).where(Paragraph.minute_id == minute_id).order_by(col(Paragraph.position)))
        return [(p.id, p.position, p.text) for p in found]

    with store.read() as s:
        minute = s.exec(select(Minute).where(Minute.meeting_id == demo.next_meeting_id)).first()
    if minute is None:
        from clerk.services import minutes

        minute = minutes.add_minute(store, demo.next_meeting_id, "Any other business")
    texts = ["First paragraph.", "Second paragraph.", "Third paragraph."]
    with store.write() as s:
        replace_paragraphs_in(s, minute.id, [Para(ParagraphKind.TEXT, t, True) for t in texts])
    with store.read() as s:
        before = rows(s, minute.id)
    with store.write() as s:
        saved = replace_paragraphs_in(
            s, minute.id, [Para(ParagraphKind.TEXT, t, True) for t in ["First paragraph.", "Second paragraph, zebracrossing."]]
        )
    assert saved.changed
    assert search(store, "zebracrossing", restricted=True).hits
    with store.read() as s:
        after = rows(s, minute.id)
    assert after[0] == before[0]  # untouched: the same row
    assert after[1][0] == before[1][0] and after[1][2] == "Second paragraph, zebracrossing."
    assert len(after) == 2 and before[2][0] not in [r[0] for r in after]
    with store.write() as s:
        replace_paragraphs_in(s, minute.id, [Para(ParagraphKind.TEXT, t, True) for t in ["A.", "B.", "C.", "D."]])
    with store.read() as s:
        assert [(r[1], r[2]) for r in rows(s, minute.id)] == [(0, "A."), (1, "B."), (2, "C."), (3, "D.")]
    assert not search(store, "zebracrossing", restricted=True).hits  # the index followed the rewrite
