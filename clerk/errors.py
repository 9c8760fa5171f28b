"""One small hierarchy of errors whose message is written for the clerk, not the programmer."""


class ClerkError(Exception):
    """A problem the user can act on. ``str(error)`` is one plain sentence."""


class NotFound(ClerkError):
    pass


class InvalidInput(ClerkError):
    pass


class StorageError(ClerkError):
    pass


class DatabaseLocked(StorageError):
    pass


class NumberingError(ClerkError):
    """A change that would break the minute numbers."""


class FrozenRecord(ClerkError):
    """An edit to signed notes: their text and numbers never change."""
