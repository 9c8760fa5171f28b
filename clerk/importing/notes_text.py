"""Reading the plain text of council notes or minutes (the layout of the KCSP notes of 2014 and
2017) into a frozen tree: heading, attendance, sessions, minutes with their paragraphs,
resolutions and actions, and every line that could not be placed. Pure: no database.

Ragged text is expected (text taken from PDFs): page headers and footers are dropped, lines
broken mid-sentence are joined, and a minute number alone on its line joins the title after it."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime

from ..body import Para
from ..kinds import ParagraphKind
from .notes_people import ImportedPerson, people

_HEADING = re.compile(
    r"^(?P<word>NOTES|MINUTES)\s+of\s+(?:a|the)\s+(?:\w+\s+)?meeting\s+of\s+(?:the\s+)?(?P<committee>.+?)\s+"
    r"held\s+(?:in|at)\s+(?P<venue>.+?)\s+on\s+(?P<date>(?:\w+day,?\s+)?\d{1,2}(?:st|nd|rd|th)?\s+\w+\s+\d{4})"
    r"(?:,?\s+(?:at|from)\s+(?P<time>\d{1,2}(?:[.:]\d{2})?\s*[ap]\.?m\.?))?",
    re.IGNORECASE,
)
_LISTS = {
    "PRESENT": "present",
    "ALSO PRESENT": "also_present",
    "IN ATTENDANCE": "in_attendance",
    "APOLOGIES": "apologies",
    "APOLOGIES FOR ABSENCE": "apologies",
}
_LIST = re.compile(r"^(ALSO PRESENT|IN ATTENDANCE|APOLOGIES FOR ABSENCE|APOLOGIES|PRESENT)\s*[:\-–]\s*(.*)$")
_SESSION = re.compile(r"^(UNRESTRICTED ITEMS|RESTRICTED ITEMS|EXEMPT ITEMS|PRIVATE SESSION|PUBLIC SESSION)$", re.I)
_PAGE = re.compile(r"^(?:page\s+\d+(?:\s+of\s+\d+)?|-\s*\d+\s*-|\d+\s*/\s*\d+)$", re.IGNORECASE)
_MINUTE = re.compile(r"^(\d{1,4})\.\s*(\S.*)$")
_BARE_NUMBER = re.compile(r"^(\d{1,4})\.?$")
_ITEM = re.compile(r"\s*\(\s*Item\s+([A-Z]?\d{1,3}[a-z]?)\s*\)\s*$", re.IGNORECASE)
_ACTION = re.compile(r"^Action\b\s*(?:[-–—:]\s*|\s+)(\S.*)$")
_RESOLVED = re.compile(r"^RESOLVED\b")
_NUMBERED = re.compile(r"^(?:\((\d{1,3})\)|(\d{1,3})\.(?!\d))\s*")
_POINT = re.compile(r"^(?:\(([a-z]|[ivx]+)\)|([a-z])[.)])\s+")
_BULLET = re.compile(r"^[-*•·–]\s+")
_END = re.compile(r"^(?:Minute Item\s+\d+|APPENDIX\b|Appendix\s+\w+$|By:\s)", re.IGNORECASE)
_TERMINAL = (".", ":", ";", "?", "!", ")", '"', "”")


@dataclass(frozen=True)
class NotesHeading:
    organisation: str
    word: str  # NOTES or MINUTES, as written
    committee: str
    venue: str
    date: date | None
    time: str | None
    contact: str = ""  # the contact officer a web page names
    contact_email: str = ""


@dataclass(frozen=True)
class ImportedMinute:
    number: int
    title: str
    item: str | None  # "B3" of "(Item B3)"
    session: str | None  # "UNRESTRICTED ITEMS", "PRIVATE SESSION" ...
    paragraphs: tuple[Para, ...] = ()
    actions: tuple[str, ...] = ()  # the names of "Action – Name" lines
    described: tuple[str, ...] = ()  # a web page's lines under the item's title: sub-items, documents
    truncated: bool = False  # the text ends where a web page cut it short ("view the full minutes text")

    @property
    def resolutions(self) -> tuple[Para, ...]:
        return tuple(p for p in self.paragraphs if p.kind is ParagraphKind.RESOLUTION)


@dataclass(frozen=True)
class ImportedNotes:
    heading: NotesHeading | None
    present: tuple[ImportedPerson, ...] = ()
    also_present: tuple[ImportedPerson, ...] = ()
    in_attendance: tuple[ImportedPerson, ...] = ()
    apologies: tuple[ImportedPerson, ...] = ()
    sessions: tuple[tuple[str, str], ...] = ()  # each session heading and any sentence under it
    minutes: tuple[ImportedMinute, ...] = ()
    appendix: tuple[str, ...] = ()  # the lines after the last minute that start an appendix
    unplaced: tuple[str, ...] = ()
    preface: tuple[str, ...] = ()  # the lines before the notes in an agenda pack: its front sheet


def clean_lines(text: str) -> list[str]:
    """The text's lines without markup, blank lines and page footers."""
    out: list[str] = []
    for raw in text.replace("\r\n", "\n").replace("\f", "\n").split("\n"):
        line = re.sub(r"^#{1,6}\s*", "", raw.strip())
        line = line.replace("**", "").replace("(*", "(").replace("*)", ")").strip()
        if line and not _PAGE.match(line):
            out.append(" ".join(line.split()))
    return out


def _date(text: str) -> date | None:
    text = re.sub(r"^\w+day,?\s+", "", text.strip())
    text = re.sub(r"(\d)(st|nd|rd|th)\b", r"\1", text)
    try:
        return datetime.strptime(text, "%d %B %Y").date()
    except ValueError:
        return None


@dataclass
class _Minute:
    number: int
    title: str
    session: str | None
    item: str | None = None
    paras: list[Para] = field(default_factory=list)
    actions: list[str] = field(default_factory=list)
    after_resolved: bool = False

    def frozen(self) -> ImportedMinute:
        title = self.title.strip()
        m = _ITEM.search(title)
        item = self.item
        if m:
            item, title = m.group(1).upper(), title[: m.start()].strip()
        return ImportedMinute(self.number, title, item, self.session, tuple(self.paras), tuple(self.actions))

    def add(self, line: str) -> None:
        """One line of the minute's body."""
        bare = _BULLET.sub("", line)
        item = _ITEM.fullmatch(" " + bare)
        if item and not self.paras and self.item is None:
            self.item = item.group(1).upper()
            return
        action = _ACTION.match(bare)
        if action:
            self.actions.append(action.group(1).strip())
            return
        if _RESOLVED.match(bare):
            self.paras.append(Para(ParagraphKind.RESOLUTION, bare, False))
            self.after_resolved = True
            return
        point = _POINT.match(bare)
        if point:
            self.paras.append(Para(ParagraphKind.POINT, bare[point.end() :].strip(), False))
            return
        number = _NUMBERED.match(bare)
        if number:
            self.paras.append(Para(ParagraphKind.TEXT, bare[number.end() :].strip(), True))
            self.after_resolved = False
            return
        last = self.paras[-1] if self.paras else None
        continues = last is not None and (bare[:1].islower() or not last.text.rstrip().endswith(_TERMINAL))
        if continues and last is not None and bare is line:
            self.paras[-1] = Para(last.kind, f"{last.text} {bare}".lstrip(), last.numbered)
        elif not self.paras and bare is line and bare[:1].islower():
            self.title = f"{self.title} {bare}"  # a title broken over two lines
        elif (
            bare is not line
            and last is not None
            and (self.after_resolved or last.text.endswith(":") or last.kind is ParagraphKind.POINT)
        ):
            self.paras.append(Para(ParagraphKind.POINT, bare, False))
        else:
            self.paras.append(Para(ParagraphKind.TEXT, bare, False))
            self.after_resolved = False


def _is_title(rest: str, following: str | None) -> bool:
    """Whether "N. rest" reads as a minute's heading rather than a numbered paragraph."""
    if _ITEM.search(rest) or (following is not None and _ITEM.fullmatch(" " + following)):
        return True
    return len(rest) < 160 and not rest.rstrip().endswith((".", ":", ";"))


def parse_notes(text: str) -> ImportedNotes:
    """The notes in ``text``, as far as they can be read; what cannot be placed is listed."""
    lines = clean_lines(text)
    heading: NotesHeading | None = None
    lists: dict[str, list[str]] = {}
    sessions: list[list[str]] = []
    minutes: list[_Minute] = []
    unplaced: list[str] = []
    appendix: list[str] = []
    current_list: str | None = None
    session: str | None = None
    minute: _Minute | None = None
    pending: int | None = None  # a minute number alone on its line
    i = 0
    while i < len(lines):
        line = lines[i]
        following = lines[i + 1] if i + 1 < len(lines) else None
        i += 1
        expected = minutes[-1].number + 1 if minutes else None
        if appendix:
            appendix.append(line)
            continue
        if heading is None:
            m = _HEADING.match(line)
            joined, at = line, i
            for extra in lines[i : i + 3] if re.match(r"^(NOTES|MINUTES)\b", line) else []:
                if m:
                    break
                joined = f"{joined} {extra}"
                m = _HEADING.match(joined)
                i += 1  # a heading broken over lines: the lines joined are used
            if m:
                before = [ln for ln in lines[max(0, at - 3) : at - 1] if ln.isupper()]
                organisation = before[0] if len(before) >= 2 else ""
                del unplaced[len(unplaced) - len(before) :]  # the organisation and committee lines
                heading = NotesHeading(
                    organisation, m.group("word"), m.group("committee"), m.group("venue"), _date(m.group("date")), m.group("time")
                )
            else:
                unplaced.append(line)
            continue
        bare = _BARE_NUMBER.match(line)
        if bare and (expected is None or int(bare.group(1)) == expected) and following and heading:
            pending = int(bare.group(1))
            continue
        if pending is not None:
            line, pending = f"{pending}. {line}", None
        listed = _LIST.match(line)
        if listed and not minutes:
            current_list = _LISTS[listed.group(1)]
            lists.setdefault(current_list, []).append(listed.group(2))
            continue
        if _SESSION.match(line):
            session, minute, current_list = line.upper(), None, None
            sessions.append([session])
            continue
        if _END.match(line) and minutes:
            appendix.append(line)
            continue
        m = _MINUTE.match(line)
        if m and (expected is None or int(m.group(1)) == expected) and _is_title(m.group(2), following):
            minute, current_list = _Minute(int(m.group(1)), m.group(2), session), None
            minutes.append(minute)
            continue
        if minute is not None:
            minute.add(line)
        elif current_list is not None:
            lists[current_list].append(line)  # a list carried over a line break
        elif sessions:
            sessions[-1].append(line)
        else:
            unplaced.append(line)
    return ImportedNotes(
        heading=heading,
        **{name: people(" ".join(parts)) for name, parts in lists.items()},
        sessions=tuple((s[0], " ".join(s[1:])) for s in sessions),
        minutes=tuple(m.frozen() for m in minutes),
        appendix=tuple(appendix),
        unplaced=tuple(unplaced),
        preface=(),
    )
