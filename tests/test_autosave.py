"""The autosaver: the newest text of each minute is written, an older one never overwrites it,
and a failed write keeps its text for the next try."""

from __future__ import annotations

import threading

from screens.widgets.autosave import Autosaver


def test_the_newest_text_is_written_once():
    stored: dict[int, str] = {}
    saver = Autosaver(lambda mid, text: stored.__setitem__(mid, text))
    saver.put(1, "a")
    saver.put(1, "ab")
    saver.put(2, "x")
    assert saver.dirty and saver.flush()
    assert stored == {1: "ab", 2: "x"} and saver.writes == 2 and not saver.dirty
    assert saver.flush() and saver.writes == 2  # nothing pending: nothing written


def test_a_failed_write_keeps_its_text_and_a_newer_one_wins():
    stored: dict[int, str] = {}
    fail = {"on": True}

    def save(mid: int, text: str) -> None:
        if fail["on"]:
            raise OSError("database is locked")
        stored[mid] = text

    saver = Autosaver(save)
    saver.put(1, "first")
    saver.put(2, "other")
    assert not saver.flush()
    assert isinstance(saver.last_error, OSError) and saver.dirty and stored == {}
    saver.put(1, "first, then more")
    fail["on"] = False
    assert saver.flush()
    assert stored == {1: "first, then more", 2: "other"} and saver.last_error is None


def test_threads_flushing_at_once_end_with_the_last_text():
    stored: dict[int, str] = {}
    order: list[str] = []

    def save(mid: int, text: str) -> None:
        order.append(text)
        stored[mid] = text

    saver = Autosaver(save)
    texts = [f"text {n}" for n in range(300)]

    def typist() -> None:
        for t in texts:
            saver.put(1, t)

    def flusher() -> None:
        for _ in range(300):
            saver.flush()

    threads = [threading.Thread(target=typist), threading.Thread(target=flusher), threading.Thread(target=flusher)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    saver.flush()
    assert stored[1] == "text 299"
    positions = [texts.index(t) for t in order]
    assert positions == sorted(positions)  # never an older text after a newer one
