"""Reading the plain text of council notes or minutes (the layout of the KCSP notes of 2014 and
2017) into a frozen tree: heading, attendance, sessions, minutes with their paragraphs,
resolutions and actions, and every line that could not be placed. Pure: no database.

Ragged text is expected (text taken from PDFs): page headers and footers are dropped, lines
broken mid-sentence are joined, and a minute number alone on its line joins the title after it.
Clerk's own exported notes read back to the record they were printed from (the round trip)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from ..wording import APOLOGIES_START
from .notes_minute import ITEM, LINE_BREAK, ImportedMinute, MinuteReader, written_date
from .notes_people import ImportedPerson, people

__all__ = ["LINE_BREAK", "ImportedMinute", "ImportedNotes", "NotesHeading", "clean_lines", "parse_notes"]

_HEADING = re.compile(
    r"^(?P<word>NOTES|MINUTES)\s+of\s+(?:a|the)\s+(?:\w+\s+)?meeting\s+of\s+(?:the\s+)?(?P<committee>.+?)\s+"
    r"held(?:\s+(?:in|at)\s+(?:the\s+)?(?P<venue>.+?)|\s+(?P<online>online|virtually|remotely))?\s+on\s+(?P<date>(?:\w+day,?\s+)?\d{1,2}(?:st|nd|rd|th)?\s+\w+\s+\d{4})"
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
_LABEL = re.compile(r"^\((?:\d{1,3}|[a-z]|[ivx]+)\)$")
# the signature lines, and the marks a PDF's page header repeats ("DRAFT", "RESTRICTED – NOT FOR PUBLICATION")
_MARK = r"(?:DRAFT|RESTRICTED\s*[–-]\s*NOT FOR PUBLICATION)"
_DROPPED = re.compile(rf"^(?:[A-Za-z -]{{1,40}}\s*\.{{8,}}|{_MARK}(?:\s*[·•|]\s*{_MARK})*)$")
_DECLARATIONS = re.compile(r"^DECLARATIONS OF INTEREST\s*[:\-–]\s*(.*)$")
_APPROVED = re.compile(r"^Approved as a correct record\b")
_END = re.compile(r"^(?:Minute Item\s+\d+|APPENDIX\b|Appendix\s+\w+$|By:\s)", re.IGNORECASE)


@dataclass(frozen=True)
class NotesHeading:
    organisation: str
    word: str  # NOTES or MINUTES, as written
    committee: str
    venue: str  # "Medway Room, Sessions House, …" (the notes' "held in the …" without "the"); "Online"
    date: date | None
    time: str | None
    contact: str = ""  # the contact officer a web page names
    contact_email: str = ""


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
    declarations: str = ""  # the text of a "DECLARATIONS OF INTEREST:" line before the minutes
    approved: str = ""  # "Approved as a correct record on 14 October 2014." under signed notes
    preface: tuple[str, ...] = ()  # the lines before the notes in an agenda pack: its front sheet


def clean_lines(text: str) -> list[str]:
    """The text's lines without markup, blank lines and page footers."""
    out: list[str] = []
    for raw in text.replace("\r\n", "\n").replace("\f", "\n").split("\n"):
        line = re.sub(r"^#{1,6}\s*", "", raw.strip())
        line = line.replace("**", "").replace("(*", "(").replace("*)", ")").strip()
        if line and not _PAGE.match(line) and not _DROPPED.match(line):
            out.append(LINE_BREAK.join(" ".join(part.split()) for part in line.split(LINE_BREAK)))
    return out


def _is_title(rest: str, following: str | None) -> bool:
    """Whether "N. rest" reads as a minute's heading rather than a numbered paragraph."""
    if ITEM.search(rest) or (following is not None and ITEM.fullmatch(" " + following)):
        return True
    return len(rest) < 160 and not rest.rstrip().endswith((".", ":", ";"))


def _minuted_apologies(minutes: list[ImportedMinute]) -> list[str]:
    """The names of "Apologies were received from A and B." when the apologies are minuted (the
    notes then print no APOLOGIES line); a substitute's sentence after it is not a name."""
    for m in minutes:
        for p in m.paragraphs:
            if p.text.startswith(APOLOGIES_START):
                names = p.text[len(APOLOGIES_START) :]
                return [re.sub(r"\.\s+\S[^.]*? was present as a substitute for .*$", "", names).strip().rstrip(".")]
    return []


def _fits(n: int, last: int | None, after_heading: bool) -> bool:
    """Whether ``n`` can be the next minute's number: one more than the last; after a session
    heading a gap is allowed (the public version leaves out the private items)."""
    return last is None or n == last + 1 or (after_heading and n > last)


def _heading(lines: list[str], i: int) -> tuple[NotesHeading | None, int, int]:
    """The heading starting at ``lines[i]`` (perhaps broken over lines), the index after it, and
    how many capitalised lines before it it took (the organisation and the committee)."""
    line = lines[i]
    m = _HEADING.match(line)
    at = i + 1
    for extra in lines[i + 1 : i + 4] if re.match(r"^(NOTES|MINUTES)\b", line) else []:
        if m:
            break
        line = f"{line} {extra}"
        m = _HEADING.match(line)
        at += 1  # a heading broken over lines: the lines joined are used
    if not m:
        return None, i + 1, 0
    before = [ln for ln in lines[max(0, i - 2) : i] if ln.isupper()]
    venue = m.group("venue") or (m.group("online") or "").capitalize()
    when = written_date(m.group("date"))
    organisation = before[0] if len(before) >= 2 else ""
    return NotesHeading(organisation, m.group("word"), m.group("committee"), venue, when, m.group("time")), at, len(before)


def parse_notes(text: str, *, whole_lines: bool = False) -> ImportedNotes:
    """The notes in ``text``, as far as they can be read; what cannot be placed is listed.
    ``whole_lines``: each line is a whole paragraph (a Word file's), never joined to the next."""
    lines = clean_lines(text)
    heading: NotesHeading | None = None
    lists: dict[str, list[str]] = {}
    sessions: list[list[str]] = []
    minutes: list[MinuteReader] = []
    unplaced: list[str] = []
    appendix: list[str] = []
    declarations = approved = ""
    current_list: str | None = None
    session: str | None = None
    minute: MinuteReader | None = None
    pending: str | None = None  # a minute number, or a paragraph's "(1)" or "(a)", alone on its line
    i = 0
    while i < len(lines):
        if heading is None:
            heading, after, took = _heading(lines, i)
            if heading is None:
                unplaced.append(lines[i])
            else:
                del unplaced[len(unplaced) - took :]  # the organisation and committee lines
            i = after
            continue
        line = lines[i]
        following = lines[i + 1] if i + 1 < len(lines) else None
        i += 1
        last = minutes[-1].number if minutes else None
        if appendix:
            appendix.append(line)
            continue
        bare = _BARE_NUMBER.match(line)
        if bare and _fits(int(bare.group(1)), last, minute is None) and following:
            pending = f"{bare.group(1)}."
            continue
        if _LABEL.match(line) and minute is not None and following:
            pending = line
            continue
        if pending is not None:
            line, pending = f"{pending} {line}", None
        listed = _LIST.match(line)
        if listed and not minutes:
            current_list = _LISTS[listed.group(1)]
            lists.setdefault(current_list, []).append(listed.group(2))
            continue
        declared = _DECLARATIONS.match(line)
        if declared and not minutes:
            declarations, current_list = declared.group(1), None
            continue
        if _SESSION.match(line):
            session, minute, current_list = line.upper(), None, None
            sessions.append([session])
            continue
        if _APPROVED.match(line) and minutes:
            approved, minute = line, None
            continue
        if _END.match(line) and minutes:
            appendix.append(line)
            continue
        m = _MINUTE.match(line)
        if m and _fits(int(m.group(1)), last, minute is None) and _is_title(m.group(2), following):
            minute, current_list = MinuteReader(int(m.group(1)), m.group(2), session, whole_lines), None
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
    read = [m.frozen() for m in minutes]
    if "apologies" not in lists:
        lists["apologies"] = _minuted_apologies(read)
    return ImportedNotes(
        heading=heading,
        **{name: people(" ".join(parts)) for name, parts in lists.items()},
        sessions=tuple((s[0], " ".join(s[1:])) for s in sessions),
        minutes=tuple(read),
        appendix=tuple(appendix),
        unplaced=tuple(unplaced),
        declarations=declarations,
        approved=approved,
        preface=(),
    )
