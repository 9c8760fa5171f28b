"""A DataTable shown from keyed rows of plain text, redrawn by what changed: shown again with the
same rows in the same order, only the cells whose text differs are updated (a list reloaded
after a meeting changed redraws that meeting); otherwise its rows are replaced. Cells are
prebuilt ``Text``: shown as written (a "[" in a venue is not markup) and measured once."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Self

from rich.text import Text
from textual.widgets import DataTable

Row = tuple[str, Sequence[str]]  # (key, cells)


def cell(text: str) -> Text:
    return Text(text, no_wrap=True, end="")


class KeyedTable(DataTable):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._shown: list[tuple[str, tuple[str, ...]]] = []

    def clear(self, columns: bool = False) -> Self:
        self._shown = []
        return super().clear(columns)

    def show(self, rows: Sequence[Row]) -> bool:
        """Show ``rows``; true when they replaced the rows shown (the cursor is back at the top),
        false when only changed cells were updated (the cursor stays where it was)."""
        new = [(key, tuple(cells)) for key, cells in rows]
        if self.row_count == len(self._shown) and [k for k, _ in new] == [k for k, _ in self._shown]:
            columns = [column.key for column in self.ordered_columns]
            for (key, cells), (_, old) in zip(new, self._shown, strict=True):
                if cells != old:
                    for column, text, before in zip(columns, cells, old, strict=False):
                        if text != before:
                            self.update_cell(key, column, cell(text), update_width=True)
            self._shown = new
            return False
        self.clear()
        for key, cells in new:
            self.add_row(*map(cell, cells), key=key)
        self._shown = new
        return True
