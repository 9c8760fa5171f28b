"""Opening the record for use: the store, upgraded, with the work an upgrade leaves done by the
rules of the record (signed notes from before clerk froze them get their frozen copy). The
command line and the app open the record here."""

from __future__ import annotations

from typing import Any

from .services.signoff import freeze_unfrozen
from .storage import Store


def open_store(target: Any = None) -> Store:
    """``Store.open(target)``, then any signed notes without a frozen copy given theirs."""
    store = Store.open(target)
    try:
        freeze_unfrozen(store)
    except BaseException:
        store.close()
        raise
    return store
