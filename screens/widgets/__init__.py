"""Widgets the screens share: typed fields, the file picker, the minute editor, lines that repaint alone."""
