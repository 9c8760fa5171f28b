"""What clerk prints to a terminal: text from the record or from the command line shown as it
is, never obeyed. A control character (escape, BEL, a C1 control) could clear the screen or
retitle the window; each is shown as a visible escape such as \\x1b instead."""

from __future__ import annotations

import re
from pathlib import Path

_CONTROLS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def printable(text: object) -> str:
    """``text`` safe to print: newlines kept, every other control character escaped."""
    return _CONTROLS.sub(
        lambda m: f"\\x{ord(m.group()):02x}" if ord(m.group()) < 0x100 else f"\\u{ord(m.group()):04x}", str(text)
    )


def say(text: object, err: bool = False) -> None:
    """Print a line of the command line's that may hold data (names, titles, paths)."""
    import click

    click.echo(printable(text), err=err)


def wrote(asked: Path | str, path: Path | str, extra: str = "") -> None:
    """``Wrote notes.docx``, saying so when clerk added the extension to the name given."""
    asked = Path(asked).expanduser()
    added = f" ({Path(path).suffix} added to the name given)" if asked.suffix == "" and asked != Path(path) else ""
    say(f"Wrote {path}{extra}{added}")
