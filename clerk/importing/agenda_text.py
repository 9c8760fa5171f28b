"""Reading the plain text of an agenda front sheet (the layout of the KCSP agenda of 21 March
2018, and of the agendas clerk writes) into a frozen record: the committee, when and where, who
to ask, the sections A–D with their wording, each item with its code, title, "(Verbal)", "(to
follow)", page range, presenter, sub-items and restricted mark, the publication date, and every
line that could not be placed. Pure: no database.

The front sheet ends at its publication date: an agenda pack goes on with the previous notes and
the reports, which are counted (``after``), not read."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field, replace
from typing import Any

from ..kinds import ItemKind
from ..wording_meetings import CLOSED_NOTICE, OPEN_NOTICE

_DAY = r"(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s+)"
_DATE = _DAY + r"?(\d{1,2})(?:st|nd|rd|th)?\s+([A-Z][a-z]+),?\s+(\d{4})"
_TIME = r"(\d{1,2}(?:[.:]\d{2})?\s*[ap]\.?\s?m\.?)"
_WHEN = re.compile(rf"^{_DATE}(?:,?\s+(?:at\s+)?{_TIME})?\s*(.*)$", re.IGNORECASE)
_PUBLISHED = re.compile(rf"^{_DAY}{_DATE}$", re.IGNORECASE)
_TITLE = re.compile(r"^((?:SUPPLEMENTARY\s+)?AGENDA)$", re.IGNORECASE)
_ASK = re.compile(r"\b(?:Ask for\s*:?|Contact(?: officer)?\s*:)\s*(.*)$", re.IGNORECASE)
_LABELS = re.compile(r"^(Date|Time|Venue|Place)\s*:\s*(\S.*)$", re.IGNORECASE)
_PHONE = re.compile(r"^(?:Telephone|Tel|Phone)\b\.?\s*:?\s*(.*)$", re.IGNORECASE)
_DIGITS = re.compile(r"^[\d\s/+()–-]{3,}$")
_EMAIL = re.compile(r"^(?:E-?mail\s*:?\s*)?(\S+@\S+(?:.*\S+@\S+)?)$", re.IGNORECASE)
_REFRESHMENTS = re.compile(r"^(?:tea|coffee|refreshments)\b.*\bavailable\b", re.IGNORECASE)
_PART = re.compile(r"^(UNRESTRICTED|RESTRICTED|EXEMPT)\s+ITEM(?:S|\(S\))?$", re.IGNORECASE)
_SECTION = re.compile(r"^([A-D])\s*(?:\.|-|–|:)\s*([A-Za-z].*?)(?:\s+ITEMS?|\s+ITEM\(S\))?$")
_BULLET = re.compile(r"^[-•*·–]\s*")
_ITEM = re.compile(r"^([A-D])(\d{1,2})\.?\s+(\S.*)$")
_NUMBERED_ITEM = re.compile(r"^(\d{1,2})\.\s+(\S.*)$")
_PAGES = re.compile(r"\s*\(?\s*Pages?\s+(\d{1,4})(?:\s*[-–]?\s*(\d{1,4}))?\s*\)?$", re.IGNORECASE)
_VERBAL = re.compile(r"\s*\(\s*Verbal\s*\)$", re.IGNORECASE)
_TO_FOLLOW = re.compile(r"\s*\(\s*to\s+follow\s*\)$", re.IGNORECASE)
_PRESENTER = re.compile(r"^(?:Presenter|Presented by|Report (?:of|by))\s*:?\s*(\S.*)$", re.IGNORECASE)
_PRESENTER_TAIL = re.compile(r"\s*(?:\(\s*(?:Presenter|Presented by)\s*:?\s*([^)]+)\)|[-–]\s*Presented by\s*:?\s*(.+))$", re.I)
_EXEMPT = re.compile(  # "exempt under paragraph 3 of Part 1 of Schedule 12A", "(Exempt – paragraph 3)"
    r"(?:\bexempt\b[^.()]*?\bparagraph|\bparagraph)\s+(\d)\s+of\s+(?:Part\s+1\s+of\s+)?Schedule\s+12A"
    r"|\(\s*(?:exempt|restricted)\b[\s:–-]*(?:under\s+)?paragraph\s+(\d)\s*\)",
    re.IGNORECASE,
)
ItemKey = tuple[str, str, str, tuple[int, int] | None, tuple[str, ...]]  # what two agendas are compared on
_SMALL = {"and", "of", "the", "for", "in", "on", "to", "a", "an", "with"}


@dataclass(frozen=True)
class ImportedItem:
    code: str  # "B3", or "3" on a numbered agenda
    section: str  # "A" … "D"; "" on a numbered agenda
    title: str
    marker: ItemKind | None = None  # VERBAL or TO_FOLLOW when the sheet says so
    pages: tuple[int, int] | None = None
    presenter: str = ""
    restricted: bool = False
    exempt_paragraph: int | None = None
    sub_items: tuple[str, ...] = ()
    note: str = ""  # a line under the item ("The next meeting … will be held on …")


@dataclass(frozen=True)
class ImportedAgenda:
    title: str = ""  # "AGENDA"
    organisation: str = ""
    committee: str = ""  # as the sheet names it, in capitals or not
    date: dt.date | None = None
    time: str = ""  # "10.00 am", as written
    venue: str = ""
    contact: str = ""
    phone: str = ""
    email: str = ""
    refreshments: str = ""
    published: dt.date | None = None
    sections: tuple[tuple[str, str], ...] = ()  # ("A", "Committee Business") …
    items: tuple[ImportedItem, ...] = ()
    unplaced: tuple[str, ...] = ()
    after: int = 0  # lines after the front sheet (the rest of a pack), not read

    @property
    def numbered(self) -> bool:
        return bool(self.items) and all(not i.section for i in self.items)

    @property
    def is_agenda(self) -> bool:
        return self.date is not None and bool(self.items)


@dataclass(frozen=True)
class AgendaImport:
    """What importing a sheet did (or, on a dry run, would do)."""

    committee: str
    new_committee: bool
    meeting_id: int | None  # None on a dry run that would create it
    stored: bool  # False: a dry run, or the same agenda was already there


def committee_name(text: str) -> str:
    """ "KENT COMMUNITY SAFETY PARTNERSHIP" as a name: "Kent Community Safety Partnership"."""
    if not text.isupper():
        return text
    words = text.lower().split()
    return " ".join(w if n and w in _SMALL else w[:1].upper() + w[1:] for n, w in enumerate(words))


def _date(day: str, month: str, year: str) -> dt.date | None:
    try:
        return dt.datetime.strptime(f"{day} {month[:3]} {year}", "%d %b %Y").date()
    except ValueError:
        return None


def _loose(text: str) -> str:
    return re.sub(r"[^a-z ]", "", text.lower()).strip()


_NOTICES = {_loose(OPEN_NOTICE), _loose(CLOSED_NOTICE)}


@dataclass
class _Reader:
    fields: dict[str, Any] = field(default_factory=dict)
    capitals: list[str] = field(default_factory=list)
    sections: dict[str, str] = field(default_factory=dict)
    items: list[ImportedItem] = field(default_factory=list)
    unplaced: list[str] = field(default_factory=list)
    in_items: bool = False
    restricted_part: bool = False
    section: str = ""
    phone_open: bool = False

    def header(self, line: str) -> None:
        f = self.fields
        if self.phone_open and _DIGITS.match(line):
            f["phone"] = f"{f.get('phone', '')} {line}".strip()
            return
        self.phone_open = False
        label = _LABELS.match(line)
        if label and label.group(1).lower() in ("venue", "place", "time"):
            f["venue" if label.group(1).lower() != "time" else "time"] = label.group(2)
            return
        line = label.group(2) if label else line
        when = _WHEN.match(line) if "date" not in f else None
        ask = _ASK.search(line)
        if when and _date(*when.group(1, 2, 3)):
            f["date"], f["time"] = _date(*when.group(1, 2, 3)), (when.group(4) or "").strip()
            line = when.group(5).strip()
            if not line:
                return
            ask = _ASK.search(line)
        if ask:
            contact, _, email = re.sub(r"\s*\bE-?mail\s*:\s*", "\0", ask.group(1), flags=re.I).partition("\0")
            f["contact"] = contact.strip()
            if email.strip():
                f["email"] = email.strip()
            if line[: ask.start()].strip():
                self.header(line[: ask.start()].strip())
            return
        if (m := _PHONE.match(line)) is not None:
            f["phone"], self.phone_open = m.group(1).strip(), True
        elif (m := _EMAIL.match(line)) is not None:
            f["email"] = m.group(1)
        elif _REFRESHMENTS.match(line):
            f["refreshments"] = line
        elif _TITLE.match(line) and "title" not in f:
            f["title"] = line.upper()
        elif "date" not in f and line.isupper():
            self.capitals.append(line)
        elif "date" in f and "venue" not in f:
            f["venue"] = line
        else:
            self.unplaced.append(line)

    def body(self, line: str) -> bool:
        """One line among the items; False when it is the publication date (the end of the sheet)."""
        if (m := _PART.match(line)) is not None:
            self.restricted_part = m.group(1).upper() != "UNRESTRICTED"
            return True
        if _loose(line) in _NOTICES:
            return True
        bare = _BULLET.sub("", line)
        if (m := _ITEM.match(bare)) is not None:
            self._item(f"{m.group(1)}{m.group(2)}", m.group(1), m.group(3))
            return True
        if (m := _NUMBERED_ITEM.match(bare)) is not None and not any(i.section for i in self.items):
            self._item(m.group(1), "", m.group(2))
            return True
        if (m := _SECTION.match(line)) is not None:
            self.section, wording = m.group(1), m.group(2).strip(" -–")
            self.sections[self.section] = committee_name(wording)
            self.restricted_part = self.section == "D"
            return True
        if (m := _PUBLISHED.match(line)) is not None and self.items:
            self.fields["published"] = _date(*m.group(1, 2, 3))
            return False
        if _PART.match(bare) is None and self.items:
            return self._under(line, bare != line)
        self.unplaced.append(line)
        return True

    def _item(self, code: str, section: str, text: str) -> None:
        title, marker, pages, presenter = _markers(text)
        exempt = _EXEMPT.search(title)
        if exempt:
            title = title[: exempt.start()].rstrip(" ([-–:").removesuffix("Restricted").rstrip(" ([-–:")
        restricted = self.restricted_part or section == "D" or exempt is not None
        paragraph = int(exempt.group(1) or exempt.group(2)) if exempt else None
        self.items.append(ImportedItem(code, section, title, marker, pages, presenter, restricted, paragraph))

    def _under(self, line: str, bulleted: bool) -> bool:
        """A line under the last item: a sub-item, its presenter, its exemption or its note."""
        last = self.items[-1]
        bare = _BULLET.sub("", line)
        if (exempt := _EXEMPT.search(line)) is not None:
            last = replace(last, restricted=True, exempt_paragraph=int(exempt.group(1) or exempt.group(2)))
        elif (m := _PRESENTER.match(bare)) is not None and not last.presenter:
            last = replace(last, presenter=m.group(1).strip())
        elif bulleted:
            last = replace(last, sub_items=(*last.sub_items, bare))
        else:
            last = replace(last, note=f"{last.note} {line}".strip())
        self.items[-1] = last
        return True


def _markers(text: str) -> tuple[str, ItemKind | None, tuple[int, int] | None, str]:
    """The title without its trailing "(Verbal)", "(to follow)", "(Pages 9 36)" and presenter."""
    marker: ItemKind | None = None
    pages: tuple[int, int] | None = None
    presenter = ""
    while True:
        if (m := _VERBAL.search(text)) is not None:
            marker = ItemKind.VERBAL
        elif (m := _TO_FOLLOW.search(text)) is not None:
            marker = ItemKind.TO_FOLLOW
        elif (m := _PAGES.search(text)) is not None and m.start() > 0:
            first = int(m.group(1))
            pages = (first, int(m.group(2) or first))
        elif (m := _PRESENTER_TAIL.search(text)) is not None and m.start() > 0:
            presenter = (m.group(1) or m.group(2)).strip()
        else:
            return text.strip(), marker, pages, presenter
        text = text[: m.start()].rstrip()


def parse_agenda(text: str) -> ImportedAgenda:
    """The front sheet in ``text``; ``is_agenda`` says whether one was found at all."""
    reader = _Reader()
    lines = [re.sub(r"\s+", " ", raw).strip() for raw in text.replace("\r", "").split("\n")]
    lines = [line for line in lines if line]
    after = 0
    for n, line in enumerate(lines):
        starts = _PART.match(line) or _SECTION.match(line) or _ITEM.match(_BULLET.sub("", line))
        if not reader.in_items and starts and "date" in reader.fields:
            reader.in_items = True
        if not reader.in_items:
            reader.header(line)
        elif not reader.body(line):
            after = len(lines) - n - 1
            break
    f = reader.fields
    committee = reader.capitals[-1] if reader.capitals else ""
    organisation = reader.capitals[-2] if len(reader.capitals) > 1 else ""
    return ImportedAgenda(
        title=str(f.get("title", "")),
        organisation=organisation,
        committee=committee,
        date=f.get("date"),
        time=str(f.get("time", "")),
        venue=str(f.get("venue", "")),
        contact=str(f.get("contact", "")),
        phone=str(f.get("phone", "")),
        email=str(f.get("email", "")),
        refreshments=str(f.get("refreshments", "")),
        published=f.get("published"),
        sections=tuple(reader.sections.items()),
        items=tuple(reader.items),
        unplaced=tuple(reader.unplaced),
        after=after,
    )
