"""Widgets the screens share: the one form and its fields, the menu, the file picker, the minute editor, lines that repaint alone."""
