"""The site's search without a server: at publish time every published minute and agenda item
becomes an entry of ``search/index.js`` (plain JSON inside, read by ``search/search.js`` in the
reader's browser). The search page lists every entry as a link, so without JavaScript it is a
plain list the browser's own Find searches. Built from the site's data, so only public text."""

from __future__ import annotations

import json
from dataclasses import dataclass

from clerk.documents.model import MinuteBlock
from clerk.documents.render import minute_heading, minute_parts
from clerk.documents.site_model import SiteCommittee, SiteDoc, SiteMeeting
from clerk.wording_site import file_slug

FOLDER = "search/"


@dataclass(frozen=True)
class SearchEntry:
    url: str  # from the site's root: "kcsp/2014-07-08/#minute-66"
    title: str  # "66. Community Trigger (Item B1)", "Item B1. Community Trigger"
    meeting: str  # "Kent Community Safety Partnership – Tuesday, 8 July 2014"
    text: str  # the minute's or item's words, on one line


def search_entries(site: SiteDoc) -> list[SearchEntry]:
    return [e for c in site.committees for m in reversed(c.meetings) for e in _of_meeting(c, m)]


def _of_meeting(c: SiteCommittee, m: SiteMeeting) -> list[SearchEntry]:
    page = f"{c.slug}/{m.slug}/"
    where = f"{c.name} – {m.date_label}"
    blocks = [b for b in (m.notes.blocks if m.notes else ()) if isinstance(b, MinuteBlock)]
    out = [
        SearchEntry(
            f"{page}#minute-{file_slug(b.number)}",
            minute_heading(b, " "),
            where,
            _flat(" ".join(text for _part, text in minute_parts(b, " ")[1:])),
        )
        for b in blocks
    ]
    minuted = {b.number for b in blocks}
    for section in m.agenda.sections if m.agenda else ():
        for entry in section.entries:
            if any(n in minuted for n in m.minutes_of_item.get(entry.code, ())):
                continue  # its minute is the entry
            words = " ".join((*entry.sub_items, entry.note))
            out.append(
                SearchEntry(f"{page}#item-{file_slug(entry.code)}", f"Item {entry.code}. {entry.title}", where, _flat(words))
            )
    return out


def _flat(text: str) -> str:
    return " ".join(text.split())


def search_index(entries: list[SearchEntry]) -> str:
    """The entries as a script that sets ``window.clerkSearchIndex``: one entry a line."""
    lines = ",\n".join(json.dumps([e.url, e.title, e.meeting, e.text], ensure_ascii=False) for e in entries)
    return f"window.clerkSearchIndex = [\n{lines}\n];\n"


def by_meeting(entries: list[SearchEntry]) -> list[tuple[str, list[SearchEntry]]]:
    """The entries grouped by their meeting, in order: the search page's list."""
    out: list[tuple[str, list[SearchEntry]]] = []
    for e in entries:
        if not out or out[-1][0] != e.meeting:
            out.append((e.meeting, []))
        out[-1][1].append(e)
    return out
