"""One minute of imported notes, read line by line: its paragraphs (text, numbered, lettered
points, RESOLVED blocks), its "Action – Name" lines, the lines the record itself adds under it
(arrivals, declarations, votes), the public version's exemption sentence, and whether its item
was withdrawn or deferred. Pure: no database."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from ..body import Para
from ..kinds import ParagraphKind
from ..wording import EXEMPT_SENTENCE

LINE_BREAK = "\u2028"  # a line break kept inside a paragraph (a Word file's soft break), read as "\n"
ITEM = re.compile(r"\s*\(\s*Item\s+([A-Z]?\d{1,3}[a-z]?)\s*\)\s*$", re.IGNORECASE)
_ACTION = re.compile(r"^Action\b\s*(?:[-–—:]\s*|\s+)(\S.*)$")
_DUE = re.compile(r"\s*\(by\s+(?:\w+day,?\s+)?(\d{1,2}(?:st|nd|rd|th)?\s+\w+\s+\d{4})\)\s*$")
_RESOLVED = re.compile(r"^RESOLVED\b")  # "It was agreed" and "AGREED" are the minute's text, not resolutions
_NUMBERED = re.compile(r"^(?:\((\d{1,3})\)|(\d{1,3})\.(?!\d))\s*")
_POINT = re.compile(r"^(?:\(([a-z]|[ivx]+)\)|([a-z])[.)])\s+")
_BULLET = re.compile(r"^[-*•·–]\s+")
_TERMINAL = (".", ":", ";", "?", "!", ")", '"', "”")
_EXEMPT = re.compile("^" + re.escape(EXEMPT_SENTENCE).replace(r"\{n\}", r"(\d{1,2})") + r"\.?$", re.IGNORECASE)
# what the record adds under a minute (clerk/wording.py): arrivals and departures, a declaration
# at its item, votes; read apart so they are not taken for the minute's own paragraphs
_NOTE = re.compile(
    r"^(?:.+\s(?:arrived|left the meeting)(?:\sat\s\S+)?\sduring this item\."
    r"|.+, having declared .+, .+ this item\."
    r"|.+ had declared .+ in this item\."
    r"|(?:On the motion .+?: |Recorded vote: )For \d+.*)$"
)
_MOVEMENT = re.compile(r"^(?P<who>.+?)\s(?P<verb>arrived|left the meeting)(?:\sat\s(?P<at>\S+))?\sduring this item\.$")
_VOTE = re.compile(
    r"^(?:On the motion (?P<motion>.+?): (?=For \d)|Recorded vote: )"
    r"For (?P<for>\d+)(?: \((?P<named_for>[^)]*)\))?; Against (?P<against>\d+)(?: \((?P<named_against>[^)]*)\))?; "
    r"Abstentions (?P<abstentions>\d+)(?: \((?P<named_abstaining>[^)]*)\))?\.(?P<rest>.*)$"
)
_CASTING = re.compile(r"gave a casting vote (for|against) the motion")
# a withdrawn or deferred item: "(Withdrawn)" after the title, or a sentence saying so ("This item
# was withdrawn.", "As the Chairman was not able to join the meeting for this item it was withdrawn.")
_TITLE_OUTCOME = re.compile(r"\s*(?:[-–—:]\s*|\(\s*|\[\s*)(?:item\s+)?(withdrawn|deferred)\s*[)\]]?\s*$", re.IGNORECASE)
_OUTCOME = re.compile(
    r"^(?:this\s+)?item\s+(withdrawn|deferred)\b|\bitem\b[^.]*?\b(?:was|been|is|be)\s+(withdrawn|deferred)\b"
    r"|^(withdrawn|deferred)\.?$",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class ImportedAction:
    """One "Action – Jim Parris: description (by 14 October 2014)" line."""

    owner: str
    description: str = ""
    due: date | None = None


@dataclass(frozen=True)
class ImportedVote:
    """One "On the motion …: For 9 (names); Against 2; Abstentions 1. …" line (clerk.wording.vote_line)."""

    motion: str
    votes_for: int
    votes_against: int
    abstentions: int
    named_for: str = ""
    named_against: str = ""
    named_abstaining: str = ""
    casting: str = ""  # the chair's casting vote: "for" or "against"


def vote(line: str) -> ImportedVote | None:
    """The vote a note line records, if it records one."""
    m = _VOTE.match(line)
    if m is None:
        return None
    casting = _CASTING.search(m.group("rest"))
    return ImportedVote(
        m.group("motion") or "",
        int(m.group("for")),
        int(m.group("against")),
        int(m.group("abstentions")),
        m.group("named_for") or "",
        m.group("named_against") or "",
        m.group("named_abstaining") or "",
        casting.group(1) if casting else "",
    )


@dataclass(frozen=True)
class ImportedMinute:
    number: int
    title: str
    item: str | None  # "B3" of "(Item B3)"
    session: str | None  # "UNRESTRICTED ITEMS", "PRIVATE SESSION" ...
    paragraphs: tuple[Para, ...] = ()
    actions: tuple[str, ...] = ()  # the owners' names of "Action – Name" lines
    outcome: str | None = None  # "withdrawn" or "deferred": the item was not taken
    exempt_paragraph: int | None = None  # the public version's "Exempt under paragraph 3 of …"
    action_details: tuple[ImportedAction, ...] = ()  # each action line whole: owner, description, due
    notes: tuple[str, ...] = ()  # arrivals, departures, declarations and votes printed under it
    described: tuple[str, ...] = ()  # a web page's lines under the item's title: sub-items, documents
    truncated: bool = False  # the text ends where a web page cut it short ("view the full minutes text")

    @property
    def resolutions(self) -> tuple[Para, ...]:
        return tuple(p for p in self.paragraphs if p.kind is ParagraphKind.RESOLUTION)

    @property
    def action_items(self) -> tuple[ImportedAction, ...]:
        """Each action whole; when ``actions`` was given without its details, its owners alone."""
        if tuple(a.owner for a in self.action_details) == self.actions:
            return self.action_details
        return tuple(ImportedAction(owner) for owner in self.actions)


def written_date(text: str) -> date | None:
    """8 July 2014, Tuesday, 8th July 2014 ..., or None."""
    from ..errors import InvalidInput
    from ..services.common import parse_date

    try:
        return parse_date(text)
    except InvalidInput:
        return None


def action(text: str) -> ImportedAction:
    """The owner, description and date of what follows "Action – "."""
    due = None
    m = _DUE.search(text)
    if m and written_date(m.group(1)):
        due, text = written_date(m.group(1)), text[: m.start()]
    owner, _, description = text.partition(": ")
    return ImportedAction(owner.strip(), description.strip(), due)


def movement(line: str) -> tuple[str, bool, str | None] | None:
    """Who arrived (True) or left (False) during the minute, and the time written, if the line says so."""
    m = _MOVEMENT.match(line)
    return (m.group("who"), m.group("verb") == "arrived", m.group("at")) if m else None


def outcome_of(title: str, paragraphs: tuple[Para, ...]) -> tuple[str, str | None]:
    """The title without a "(Withdrawn)" mark, and "withdrawn", "deferred" or None."""
    m = _TITLE_OUTCOME.search(title)
    if m and m.start() > 0:
        return title[: m.start()].strip(), m.group(1).lower()
    for p in paragraphs:
        if p.kind is ParagraphKind.TEXT:
            found = _OUTCOME.search(p.text)
            if found:
                return title, next(g for g in found.groups() if g).lower()
    return title, None


@dataclass
class MinuteReader:
    """A minute being read; ``whole_lines`` when each line is a whole paragraph (a Word file)."""

    number: int
    title: str
    session: str | None
    whole_lines: bool = False
    item: str | None = None
    paras: list[Para] = field(default_factory=list)
    actions: list[ImportedAction] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    exempt: int | None = None
    after_resolved: bool = False

    def frozen(self) -> ImportedMinute:
        paras = tuple(Para(p.kind, p.text.replace(LINE_BREAK, "\n"), p.numbered) for p in self.paras)
        title, outcome = outcome_of(
            " ".join(self.title.replace(LINE_BREAK, " ").split()), paras
        )  # "(Withdrawn)" before or after "(Item B6)"
        m = ITEM.search(title)
        item = self.item
        if m:
            item, title = m.group(1).upper(), title[: m.start()].strip()
        if outcome is None:
            title, outcome = outcome_of(title, paras)
        return ImportedMinute(
            self.number,
            title,
            item,
            self.session,
            paras,
            tuple(a.owner for a in self.actions),
            outcome,
            self.exempt,
            tuple(self.actions),
            tuple(self.notes),
        )

    def add(self, line: str) -> None:
        """One line of the minute's body."""
        bare = _BULLET.sub("", line)
        item = ITEM.fullmatch(" " + bare)
        if item and not self.paras and self.item is None:
            self.item = item.group(1).upper()
            return
        if not self.paras and self.item is None and not self.whole_lines and ITEM.search(bare) and bare is line:
            self.title = f"{self.title} {bare}"  # a title broken over two lines, its "(Item B5)" on the second
            return
        found = _ACTION.match(bare)
        if found:
            self.actions.append(action(found.group(1)))
            return
        exempt = _EXEMPT.match(bare)
        if exempt and not self.paras:
            self.exempt = int(exempt.group(1))
            return
        if _NOTE.match(bare) and bare is line:
            self.notes.append(bare)
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
            rest = bare[number.end() :].strip()
            resolved = bool(_RESOLVED.match(rest))  # "(5) RESOLVED that …": the committee numbers resolutions
            self.paras.append(Para(ParagraphKind.RESOLUTION if resolved else ParagraphKind.TEXT, rest, True))
            self.after_resolved = resolved
            return
        last = self.paras[-1] if self.paras else None
        lower, open_end = bare[:1].islower(), last is not None and not last.text.rstrip().endswith(_TERMINAL)
        # a Word paragraph is whole unless it reads as a sentence broken in two (a copy made from a PDF)
        joins = (lower and open_end) if self.whole_lines else (lower or open_end)
        if joins and last is not None and bare is line:
            self.paras[-1] = Para(last.kind, f"{last.text} {bare}".lstrip(), last.numbered)
        elif not self.paras and bare is line and bare[:1].islower() and not self.whole_lines:
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
