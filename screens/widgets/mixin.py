"""The base of a mixin made for widgets: to the type checker it is a Widget (so ``self.app``,
``self.screen`` are known), at run time a plain class. A real Widget base would not do: Textual
inherits CSS along the first DOMNode base only, so a widget made of such a mixin and, say,
TextArea would lose TextArea's styles."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from textual.widget import Widget as WidgetMixin
else:
    WidgetMixin = object

__all__ = ["WidgetMixin"]
