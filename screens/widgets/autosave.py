"""Never lose a word: the text being typed is handed over here (cheaply, by a timer, not on
every key) and written by a thread; ``flush`` writes at once (item switch, quit).

Writes are serialised and each takes the newest text of its minute, so an older text can
never overwrite a newer one whichever thread writes. A failed write keeps its text pending
and is tried again on the next flush.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from typing import Any


class Autosaver:
    def __init__(self, save: Callable[[int, str], Any]) -> None:
        self._save = save
        self._pending: dict[int, str] = {}
        self._pending_lock = threading.Lock()
        self._write_lock = threading.Lock()
        self.saved_at: float | None = None  # time.monotonic() of the last write
        self.last_error: BaseException | None = None
        self.writes = 0

    def put(self, minute_id: int, text: str) -> None:
        with self._pending_lock:
            self._pending[minute_id] = text

    def pending(self, minute_id: int) -> str | None:
        """The minute's text not stored yet (a write failed or is still to come), if any."""
        with self._pending_lock:
            return self._pending.get(minute_id)

    @property
    def dirty(self) -> bool:
        return bool(self._pending)

    def flush(self) -> bool:
        """Write everything pending; True when all of it is stored."""
        with self._write_lock:
            with self._pending_lock:
                batch, self._pending = self._pending, {}
            items = list(batch.items())
            for n, (minute_id, text) in enumerate(items):
                try:
                    self._save(minute_id, text)
                except BaseException as exc:
                    with self._pending_lock:
                        for mid, unsaved in items[n:]:
                            self._pending.setdefault(mid, unsaved)  # a newer text put meanwhile wins
                    self.last_error = exc
                    return False
                self.writes += 1
            if batch:
                self.saved_at = time.monotonic()
                self.last_error = None
            return True
