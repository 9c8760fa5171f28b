"""Text for the live screen's status line, the line under the minute, and the numbered
preview: plain functions of what the services returned."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from textual.content import Content

from clerk.wording import plural, short_date


def short_name(name: str) -> str:
    """Kent Community Safety Partnership → KCSP."""
    letters = "".join(w[0] for w in name.split() if w[:1].isupper())
    return letters if len(letters) >= 2 else name


def elapsed(started: dt.datetime | None, now: dt.datetime, status: str = "in_progress") -> str:
    """ "0:42 in" while the meeting runs; "held", "signed" afterwards; "not started" before."""
    if status in ("held", "signed"):
        return status
    if started is None:
        return "not started"
    in_progress = status == "in_progress"
    now_aware = now if now.tzinfo else now.astimezone()
    seconds = int((now_aware - started).total_seconds())
    if not in_progress or not 0 <= seconds < 12 * 3600:
        return f"began {started.astimezone():%H.%M}"
    return f"{seconds // 3600}:{seconds % 3600 // 60:02d} in"


def render_status(view: Any, now: dt.datetime, saved: str, width: int) -> Content:
    name = view.committee if width >= 120 else short_name(view.committee)
    date = short_date(view.date)
    quorum = ""
    if view.quorum is not None:
        quorum = f" / quorum {view.quorum}" + (" ✓" if view.quorate else " ✗")
    parts: list[tuple[str, str] | str] = [
        (f" {name} ", "bold"),
        f"· {date} · ",
        (f"{now:%H:%M:%S}", "bold"),
        f" · {elapsed(view.started_at, now, view.status.value)} · ",
        (f"{view.present} present{quorum}", "$error" if view.quorate is False else ""),
    ]
    if view.private:
        parts += [" · ", ("PRIVATE SESSION", "bold $warning")]
    if saved:
        parts += [" · ", (saved, "bold $error" if saved.startswith("NOT") else "$text-muted")]
    return Content.assemble(*parts)


def render_info(current: Any, label: str, lines: Sequence[str]) -> str:
    """The line under the editor: the paragraph the cursor is in, and what is attached."""
    if current is None:
        return ""
    bits = [f"¶ {label}" if label else "¶ –"]
    paragraphs = sum(1 for i, line in enumerate(lines) if line.strip() and (i == 0 or not lines[i - 1].strip()))
    bits.append(plural(paragraphs, "paragraph"))
    bits += [f"Action – {a.owner_name}" for a in current.actions]
    if current.votes:
        bits.append(plural(len(current.votes), "vote"))
    if current.attachments:
        bits.append(f"📎 {len(current.attachments)}")
    return " · ".join(bits)


def render_preview(source: Any, text: str, numbered: bool = True) -> str:
    """The minute as the notes will print it, made from the same block as the Word notes:
    numbered paragraphs, points, declarations, arrivals, votes and actions."""
    from clerk.documents.render import minute_lines, typed_block

    if source is None:
        return "The minute will show here as it will print, numbered."
    return "\n\n".join(minute_lines(typed_block(source, text, numbered)))
