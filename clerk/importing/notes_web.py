"""Reading the minutes a council's web page publishes (the ModernGov "Agenda and minutes" page,
the layout of the KCSP minutes of 25 March 2025) into the same ImportedNotes as printed notes.

The page gives "Committee - Tuesday, 25th March, 2025 10.00 am", Venue:, Contact:, then "Items /
No. Item" and each item: its number alone on a line, its title (with the link's "pdf icon PDF 1
MB"), any lines under the title (sub-items, "Additional documents:"), and after "Minutes:" the
minute's text. The minutes carry the item numbers, so the numbering restarts at 1 each meeting.

An item with no "Minutes:" (the page's "1. Introduction") is kept as a minute with no text: its
number was used on the agenda and in the published record, and the next minute follows it. Where
the page cut the text short ("...  view the full minutes text for item 7.") the minute keeps what
was shown, ending in "…", and is marked ``truncated`` so the full text can be fetched."""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass, field
from datetime import date, datetime

from .notes_minute import MinuteReader as _Minute
from .notes_people import people
from .notes_text import ImportedMinute, ImportedNotes, NotesHeading, clean_lines

_WEB_HEADING = re.compile(
    r"^(?P<committee>\S.*?)\s+[-–]\s+(?P<date>(?:\w+day,?\s+)?\d{1,2}(?:st|nd|rd|th)?\s+[A-Za-z]+,?\s+\d{4})"
    r"(?:,?\s+(?:at\s+)?(?P<time>\d{1,2}(?:[.:]\d{2})?\s*[ap]\.?m\.?))?\s*$"
)
_PAGE_TITLE = re.compile(r"^(?:agenda and minutes|minutes|agenda, decisions and minutes|decisions)$", re.IGNORECASE)
_VENUE = re.compile(r"^Venue\s*:\s*(.*)$", re.IGNORECASE)
_CONTACT = re.compile(r"^Contact\s*:\s*(.*)$", re.IGNORECASE)
_EMAIL = re.compile(r"\s*(?:E-?mail(?: address)?\s*:?\s*)?(\S+@[\w.-]+\w)", re.IGNORECASE)
_GAVE_APOLOGIES = re.compile(
    r"\bapologies(?: for absence)?\s+(?:were|had been|have been)?\s*(?:received|given|tendered)?\s*(?:from|by)\s+(.+?)(?:\.\s|\.?$)",
    re.IGNORECASE,
)
_FURNITURE = re.compile(r"^(?:Items|Items\s+No\.?\s+Item|No\.?\s+Item|Item|Attendance(?: details)?)$", re.IGNORECASE)
_DOCUMENTS = re.compile(r"^Additional documents\s*:?$", re.IGNORECASE)
_LIST = re.compile(r"^(Also present|In attendance|Apologies(?: for absence)?|Present)\s*[:\-–]\s*(.*)$", re.IGNORECASE)
_LISTS = {"present": "present", "also present": "also_present", "in attendance": "in_attendance"}
_ITEM_NUMBER = re.compile(r"^(\d{1,3})\.?$")
_ITEM_LINE = re.compile(r"^(\d{1,3})\.\s+(\S.*)$")  # "3. Title", when a copy puts the two on one line
_MINUTES = re.compile(r"^(?:Minutes|Decision)\s*:\s*(.*)$", re.IGNORECASE)
_LINK = re.compile(r"\s*pdf icon\s*(?:PDF\s+[\d.,]+\s*[KMG]?B)?\s*$", re.IGNORECASE)
_CUT = re.compile(r"\s*(?:\.\.\.|…)?\s*view the full minutes text for item\s+\d+\.?\s*$", re.IGNORECASE)
_SUB_LINE = re.compile(r"^(?:[o§▪■]\s+)")


def is_web_minutes(text: str) -> bool:
    """Whether the text opens as a web page's minutes: "Committee - Tuesday, 25th March, 2025 10.00 am"
    among its first lines, and an "Items" list after it."""
    lines = clean_lines(text)[:12]
    return any(_WEB_HEADING.match(line) and _date(line) for line in lines) and any(
        _FURNITURE.match(line) for line in clean_lines(text)[:80]
    )


def _is_title(line: str) -> bool:
    """Whether the line after a bare number reads as an item's title, not a paragraph's text."""
    return 0 < len(line) < 200 and not line.endswith((".", ":", ";", ","))


def _item_start(line: str, following: str | None, expected: int, current: _Item | None) -> tuple[str, int] | None:
    """The title of the item that ``line`` starts, and how many more lines it takes (the title's
    line after a number alone); None when the line does not start the next item. Inside a
    minute's numbered paragraphs, the paragraph's own next number is not read as an item."""
    bare, joined = _ITEM_NUMBER.match(line), _ITEM_LINE.match(line)
    found = bare or joined
    if found is None or int(found.group(1)) != expected:
        return None
    within = current is not None and current.in_minutes and not current.minute.after_resolved
    if within and current is not None and sum(p.numbered for p in current.minute.paras) + 1 == expected:
        return None  # the minute's next numbered paragraph
    title = _LINK.sub("", (following or "") if bare else found.group(2)).strip()
    return (title, 1 if bare else 0) if _is_title(title) else None


def _date(text: str) -> date | None:
    m = _WEB_HEADING.match(text)
    if not m:
        return None
    words = re.sub(r"^\w+day,?\s+", "", m.group("date"))
    words = re.sub(r"(\d)(st|nd|rd|th)\b", r"\1", words).replace(",", "")
    try:
        return datetime.strptime(words, "%d %B %Y").date()
    except ValueError:
        return None


@dataclass
class _Item:
    minute: _Minute
    described: list[str] = field(default_factory=list)
    in_minutes: bool = False
    truncated: bool = False

    def add(self, line: str) -> None:
        cut = _CUT.search(line)
        if cut:
            self.truncated = True
            line = line[: cut.start()].rstrip()
            if not line:
                return
            line += " …"
        if self.in_minutes:
            self.minute.add(line)
        elif not self.described and not _SUB_LINE.match(line) and line[:1].islower():
            self.minute.title = f"{self.minute.title} {line}"  # a title broken over two lines
        else:
            self.described.append(_SUB_LINE.sub("", _LINK.sub("", line)))

    def frozen(self) -> ImportedMinute:
        return dataclasses.replace(self.minute.frozen(), described=tuple(self.described), truncated=self.truncated)


def _apologies_minuted(minutes: tuple[ImportedMinute, ...]) -> list[str]:
    """The names in an "Apologies" minute's "Apologies were received from …": the attendance the
    page gives no list for."""
    for minute in minutes:
        if minute.title.lower().startswith("apologies"):
            for paragraph in minute.paragraphs:
                if said := _GAVE_APOLOGIES.search(paragraph.text):
                    return [said.group(1)]
    return []


def parse_web(text: str) -> ImportedNotes:
    """The minutes on a web page, as far as they can be read; what cannot be placed is listed."""
    heading: NotesHeading | None = None
    venue, contact, email = "", "", ""
    lists: dict[str, list[str]] = {}
    current_list: str | None = None
    items: list[_Item] = []
    unplaced: list[str] = []
    lines = clean_lines(text)
    i = 0
    while i < len(lines):
        line, following = lines[i], lines[i + 1] if i + 1 < len(lines) else None
        i += 1
        expected = items[-1].minute.number + 1 if items else 1
        start = _item_start(line, following, expected, items[-1] if items else None) if heading else None
        if start is not None:
            items.append(_Item(_Minute(expected, start[0], None)))
            current_list, i = None, i + start[1]
            continue
        if heading is None and _WEB_HEADING.match(line) and _date(line):
            m = _WEB_HEADING.match(line)
            assert m is not None
            heading = NotesHeading("", "Minutes", m.group("committee"), "", _date(line), m.group("time"))
            continue
        if (not items and (_PAGE_TITLE.match(line) or _FURNITURE.match(line))) or _DOCUMENTS.match(line):
            continue
        if not items and (place := _VENUE.match(line)):
            venue = place.group(1).strip()
            continue
        if not items and (who := _CONTACT.match(line)):
            found = _EMAIL.search(who.group(1))
            contact, email = _EMAIL.sub("", who.group(1)).strip(" ,;"), found.group(1) if found else ""
            continue
        listed = _LIST.match(line)
        if listed and not items:
            word = listed.group(1).lower()
            current_list = _LISTS.get(word, "apologies")
            lists.setdefault(current_list, []).append(listed.group(2))
            continue
        if items and (said := _MINUTES.match(line)):
            items[-1].in_minutes = True
            if said.group(1):
                items[-1].add(said.group(1))
            continue
        if items:
            items[-1].add(line)
        elif current_list is not None and heading is not None:
            lists[current_list].append(line)
        else:
            unplaced.append(line)
    if heading is not None:
        heading = dataclasses.replace(heading, venue=venue, contact=contact, contact_email=email)
    minutes = tuple(item.frozen() for item in items)
    if "apologies" not in lists:
        lists["apologies"] = _apologies_minuted(minutes)
    return ImportedNotes(
        heading=heading,
        **{name: people(" ".join(parts)) for name, parts in lists.items()},
        sessions=(),
        minutes=minutes,
        appendix=(),
        unplaced=tuple(unplaced),
        declarations="",
        approved="",
        preface=(),
    )
