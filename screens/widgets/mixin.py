"""The bases of mixins made for Textual's nodes: to the type checker a DOMNode (``self.app``,
``run_worker``) or a Widget (``self.screen`` too), at run time a plain class. A real Widget base would not do: Textual
inherits CSS along the first DOMNode base only, so a widget made of such a mixin and, say,
TextArea would lose TextArea's styles."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from textual.dom import DOMNode as NodeMixin
    from textual.widget import Widget as WidgetMixin
else:
    NodeMixin = WidgetMixin = object

__all__ = ["NodeMixin", "WidgetMixin"]
