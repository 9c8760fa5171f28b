"""Agenda items in agenda order with their codes: the one place codes are derived.

A committee's agenda style decides them. Lettered (Kent 2014–2018): sections A–D, items
numbered within their section (A1, A2 … B7). Numbered (ModernGov, Kent 2025): items 1, 2, 3 …
with no sections, the restricted items last, directly after the exclusion of the press and
public. Codes are never stored: they follow the items' places, so moving an item renumbers
the codes around it and nothing else.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlmodel import Session, col, select

from ..models import SECTION_LETTERS, AgendaItem, AgendaStyle, Committee, ItemKind, Meeting
from ..wording import page_label

EXCLUSION = "exclusion"
RESTRICTED_PART = "D"  # the group restricted items are shown under, in either style


@dataclass(frozen=True)
class AgendaRow:
    """An agenda item as screens and exports see it."""

    id: int
    code: str  # "B3" or "3"; a sub-item has its parent's code
    section: str
    position: int
    parent_id: int | None
    title: str
    presenter: str
    kind: ItemKind
    standard: str
    restricted: bool
    exempt_paragraph: int | None
    page_from: int | None
    page_to: int | None
    note: str
    note_public: bool = False  # a restricted item's note is printed only when the clerk says so
    group: str = ""  # the heading it is shown under: its section letter; numbered: "" or "D" (restricted)

    @property
    def is_sub_item(self) -> bool:
        return self.parent_id is not None

    @property
    def pages(self) -> str:
        """ "(Pages 9 36)", "(Verbal)", "(to follow)" or ""."""
        if self.kind is ItemKind.VERBAL:
            return "(Verbal)"
        if self.kind is ItemKind.TO_FOLLOW:
            return "(to follow)"
        if self.page_from is not None:
            return page_label(self.page_from, self.page_to)
        return ""


def is_numbered(committee: Committee) -> bool:
    return committee.agenda_style == AgendaStyle.NUMBERED


def numbered_rank(item: AgendaItem) -> int:
    """Under numbered style: the public items, then the exclusion item, then the restricted items."""
    if item.restricted or item.section == RESTRICTED_PART:
        return 2
    return 1 if item.standard == EXCLUSION else 0


def top_level_order(items: list[AgendaItem], numbered: bool) -> list[AgendaItem]:
    """The top-level items in agenda order."""
    top = [i for i in items if i.parent_id is None]

    def key(i: AgendaItem) -> tuple[int, int, int, int]:
        section = SECTION_LETTERS.index(i.section) if i.section in SECTION_LETTERS else len(SECTION_LETTERS)
        return (numbered_rank(i) if numbered else 0, section, i.position, _ident(i))

    return sorted(top, key=key)


def ordered_rows(items: list[AgendaItem], numbered: bool = False) -> list[AgendaRow]:
    """Items in agenda order, each top-level item followed by its sub-items, with codes."""
    subs: dict[int, list[AgendaItem]] = {}
    for item in items:
        if item.parent_id is not None:
            subs.setdefault(item.parent_id, []).append(item)
    rows: list[AgendaRow] = []
    counts: dict[str, int] = {}
    for n, item in enumerate(top_level_order(items, numbered), start=1):
        if numbered:
            code, group = str(n), RESTRICTED_PART if numbered_rank(item) == 2 else ""
        else:
            counts[item.section] = counts.get(item.section, 0) + 1
            code, group = f"{item.section}{counts[item.section]}", item.section
        rows.append(_row(item, code, group))
        for sub in sorted(subs.get(_ident(item), []), key=lambda i: (i.position, _ident(i))):
            rows.append(_row(sub, code, group))
    return rows


def meeting_items(session: Session, meeting_id: int) -> list[AgendaItem]:
    return list(
        session.exec(
            select(AgendaItem)
            .where(AgendaItem.meeting_id == meeting_id)
            .order_by(col(AgendaItem.section), col(AgendaItem.position), col(AgendaItem.id))
        ).all()
    )


def numbered_meeting(session: Session, meeting_id: int) -> bool:
    meeting = session.get(Meeting, meeting_id)
    committee = session.get(Committee, meeting.committee_id) if meeting else None
    return committee is not None and is_numbered(committee)


def rows_of(session: Session, meeting_id: int) -> list[AgendaRow]:
    """The meeting's agenda in order, coded in its committee's style."""
    return ordered_rows(meeting_items(session, meeting_id), numbered_meeting(session, meeting_id))


def group_headings(committee: Committee) -> dict[str, str]:
    """What each group of items is headed by on screen: "A. Committee Business" …; numbered
    style heads only the restricted items."""
    if is_numbered(committee):
        return {RESTRICTED_PART: f"{committee.section_d.upper()} ITEM(S)"}
    return {letter: f"{letter}. {getattr(committee, f'section_{letter.lower()}')}" for letter in SECTION_LETTERS}


def section_rows(committee: Committee, rows: list[AgendaRow]) -> list[tuple[str, str]]:
    """The builder's heading rows, (group, label): every section under lettered style, so an
    empty one can be added to; under numbered style none, or the restricted part's once it has items."""
    if not is_numbered(committee):
        return [(letter, getattr(committee, f"section_{letter.lower()}")) for letter in SECTION_LETTERS]
    restricted = any(r.group == RESTRICTED_PART for r in rows)
    return [("", ""), (RESTRICTED_PART, group_headings(committee)[RESTRICTED_PART] if restricted else "")]


def _ident(item: AgendaItem) -> int:
    if item.id is None:
        raise ValueError("An agenda item has a code once it is stored.")
    return item.id


def _row(item: AgendaItem, code: str, group: str) -> AgendaRow:
    return AgendaRow(
        id=_ident(item),
        code=code,
        section=item.section,
        position=item.position,
        parent_id=item.parent_id,
        title=item.title,
        presenter=item.presenter,
        kind=ItemKind(item.kind),
        standard=item.standard,
        restricted=item.restricted,
        exempt_paragraph=item.exempt_paragraph,
        page_from=item.page_from,
        page_to=item.page_to,
        note=item.note,
        note_public=item.note_public,
        group=group,
    )
