"""The house style, continued (clerk/wording.py holds the rest): what a search says about each
thing it found and about what it found in all, the same on the command line and in the app."""

from __future__ import annotations

import datetime as dt

from .wording import long_date, plural

RESTRICTED_MARK = "RESTRICTED"
KIND_NAMES = {1: "minute", 2: "paragraph", 3: "action", 4: "agenda item", 5: "attached file"}
RESOLUTION = "resolution"


def hit_place(committee: str, date: dt.date, minute: str, kind: str) -> str:
    """Minute 66 (paragraph), 8 July 2014, Kent Community Safety Partnership: what and when
    first, so a narrow screen cuts the committee's name short, not the minute."""
    where = f"Minute {minute} ({kind})" if minute else kind[:1].upper() + kind[1:]
    return f"{where}, {long_date(date)}, {committee}"


def found_line(query: str, shown: int, more: bool, restricted: bool) -> str:
    """What a search found in all, and whether restricted text was searched."""
    query = query.strip() if '"' in query else f"“{query.strip()}”"
    if not shown:
        line = f"Nothing found for {query}."
    else:
        line = f"{'The best ' if more else ''}{plural(shown, 'match', 'matches')} for {query}" + (
            " (more: narrow the search, or name a committee)." if more else "."
        )
    return line + (" Restricted text searched: not for publication." if restricted else "")
