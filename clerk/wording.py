"""The house style: every date, time, list, label and stock sentence that reaches a document
or the screen is written here, once. The services and documents decide *what* is said;
this module says *how*, in the words of the council's own notes and agendas."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from .errors import InvalidInput

# -- dates and times -------------------------------------------------------------------------


def ordinal(n: int) -> str:
    """1st, 2nd, 3rd, 11th, 21st."""
    if 10 <= n % 100 <= 20:
        return f"{n}th"
    return f"{n}{ {1: 'st', 2: 'nd', 3: 'rd'}.get(n % 10, 'th') }"


def long_date(date: dt.date) -> str:
    """8 July 2014 (no leading zero), as the notes write dates in their text."""
    return f"{date.day} {date:%B %Y}"


def day_date(date: dt.date, *, comma: bool = True) -> str:
    """Tuesday, 8 July 2014 (the notes' opening line, the agenda's foot); without ``comma``,
    Tuesday 8 July 2014 as a sentence on the screen names the day."""
    return f"{date:%A}{',' if comma else ''} {date.day} {date:%B %Y}"


def short_date(date: dt.date) -> str:
    """Tue 8 Jul 2014, where the screen is narrow (the status line, the list of meetings)."""
    return f"{date:%a} {date.day} {date:%b %Y}"


def clock(t: dt.time | None, *, spaced: bool = False) -> str:
    """2.00pm as the notes write times; 10.00 am (``spaced``) as the agenda front sheet does."""
    if t is None:
        return ""
    half = "am" if t.hour < 12 else "pm"
    return f"{t.hour % 12 or 12}.{t.minute:02d}{' ' if spaced else ''}{half}"


def agenda_when(date: dt.date, time: dt.time | None) -> str:
    """Wednesday, 21st March, 2018, at 10.00 am (the agenda front sheet)."""
    text = f"{date:%A}, {ordinal(date.day)} {date:%B}, {date.year}"
    return text + (f", at {clock(time, spaced=True)}" if time is not None else "")


# -- lists, counts and labels ----------------------------------------------------------------


def join_and(items: Sequence[str]) -> str:
    """ "A", "A and B", "A, B and C" as the notes write lists; empty entries are left out."""
    items = [i for i in items if i]
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]


def plural(n: int, word: str, words: str | None = None) -> str:
    """1 item, 3 items, 2 sub-items."""
    return f"{n} {word if n == 1 else (words or word + 's')}"


def page_label(first: int, last: int | None = None) -> str:
    """(Pages 9 36) as the agenda front sheet writes a range; (Page 9) for one page."""
    last = first if last is None else last
    return f"(Pages {first} {last})" if last != first else f"(Page {first})"


PAGES_RULE = "Pages are written 9-36, or 9 for one page."


def page_range(text: str | None) -> tuple[int, int] | None:
    """What the clerk types for an item's pages: "9-36", "9–36", "9" or nothing (None)."""
    pages = str(text or "").replace(" ", "").replace("–", "-")
    if not pages:
        return None
    first, _, last = pages.partition("-")
    if not first.isdigit() or (last and not last.isdigit()):
        from .errors import InvalidInput

        raise InvalidInput(PAGES_RULE)
    return int(first), int(last or first)


def page_range_text(first: int | None, last: int | None) -> str:
    """The range as the clerk types it back: "9-36", "9" or ""."""
    if first is None:
        return ""
    return f"{first}-{last}" if last not in (None, first) else str(first)


def detached_sentence(code: str, filename: str, kind: str = "") -> str:
    """What the agenda builder and ``clerk detach`` say once an item's report is taken off."""
    after = {"verbal": f" {code} is now Verbal.", "to_follow": f" {code}'s report is to follow."}.get(kind, "")
    return f"Detached {filename} from {code}; it stays in the item's history.{after}"


# -- Schedule 12A ----------------------------------------------------------------------------

PARAGRAPH_RULE = "The Schedule 12A paragraph is a number from 1 to 7."
EXEMPT_SENTENCE = "Exempt under paragraph {n} of Part 1 of Schedule 12A to the Local Government Act 1972"


def exempt_paragraph(value: Any, *, needed: bool = True) -> int | None:
    """The Schedule 12A paragraph given (1 to 7, typed or stored); None when none is given and
    none is needed. Anything else is refused with one line."""
    typed = str(value if value is not None else "").strip()
    if not typed and not needed:
        return None
    if not typed.isdigit() or not 1 <= int(typed) <= 7:
        raise InvalidInput(PARAGRAPH_RULE)
    return int(typed)


def exempt_sentence(paragraph: int | str) -> str:
    """What the public notes print in place of a restricted minute's text."""
    return EXEMPT_SENTENCE.format(n=paragraph) + "."


def exempt_note(paragraph: int | str) -> str:
    """The agenda's line under a restricted item outside Part D."""
    return f"Restricted: exempt under paragraph {paragraph} of Part 1 of Schedule 12A"


def exclusion_wording(committee: Any, paragraph: Any, items: int = 1) -> str:
    """The committee's resolution to exclude the press and public for the following item (or
    ``items``), with its paragraph, or paragraphs ("paragraphs 1 and 7") when the items differ.
    The committee's text may say {items} ("item"/"items"), {involves} ("it involves"/"they
    involve") and {paragraph}."""
    given = paragraph if isinstance(paragraph, list | tuple) else [paragraph]
    paras = [str(p) for p in given if p not in (None, "")]
    text = str(committee.exclusion_wording)
    if len(paras) > 1:
        text = text.replace("paragraph {paragraph}", "paragraphs {paragraph}")
    fields = {
        "paragraph": join_and(paras) or "⟨paragraph⟩",
        "items": "item" if items == 1 else "items",
        "involves": "it involves" if items == 1 else "they involve",
    }
    try:
        return text.format(**fields)
    except (KeyError, IndexError, ValueError):
        return str(committee.exclusion_wording)


EXCLUSION_TITLE = "Exclusion of the Press and Public"


def private_session_intro(body_noun: str, omitted: int | None = None) -> str:
    """The line under PRIVATE SESSION; ``omitted`` when the public version leaves them out."""
    if omitted is None:
        return f"The {body_noun} considered the following items in private session."
    return f"The {body_noun} considered {plural(omitted, 'item')} in private session, not minuted in this version."


# -- the notes of the previous meeting (A3) --------------------------------------------------


def approval_wording(date_label: str, chair_title: str, amendments: str = "") -> str:
    """RESOLVED that[, subject to …,] the notes of the meeting held on 8 July 2014 were a correct
    record and that they be signed by the Chairman."""
    subject = f", subject to {amendments.strip().rstrip('.')}," if amendments.strip() else ""
    return (
        f"RESOLVED that{subject} the notes of the meeting held on {date_label} were a correct record "
        f"and that they be signed by the {chair_title}."
    )


def approved_line(approved_on: dt.date | None, amendments: str = "") -> str:
    """Approved as a correct record on 14 October 2014[, subject to …]. (under signed notes)"""
    text = f"Approved as a correct record on {long_date(approved_on)}" if approved_on else "Approved as a correct record"
    return text + (f", subject to {amendments.rstrip('.')}." if amendments else ".")


# -- stock sentences -------------------------------------------------------------------------

APOLOGIES_START = "Apologies were received from"
NO_APOLOGIES = "No apologies were received."
NO_DECLARATIONS = "No declarations of interest were made."


def apologies_sentence(sent: Sequence[str], substitutes: Sequence[tuple[str, str]] = ()) -> str:
    """Apologies were received from A and B. C was present as a substitute for A."""
    text = f"{APOLOGIES_START} {join_and(list(sent))}." if sent else NO_APOLOGIES
    for name, absent in substitutes:
        text += f" {name} was present as a substitute for {absent}."
    return text


def item_reference(code: str, number: str = "") -> str:
    """ "(Item B1)" after a minute's title; nothing where the minute has its item's number
    (numbered items: minute 3 is item 3)."""
    return f"(Item {code})" if code and code != number else ""


def item_label(code: str) -> str:
    """How an agenda prints an item's code: "B1", or "3." for numbered items."""
    return f"{code}." if code.isdigit() else code


# the kinds of interest the Localism Act 2011 and the code of conduct name, and what the member then did
INTERESTS = {
    "disclosable_pecuniary": "a Disclosable Pecuniary Interest",
    "other_registrable": "an Other Registrable Interest",
    "non_registrable": "a Non-Registrable Interest",
}
AN_INTEREST = "an interest"  # the kind not said (and every declaration recorded before the kinds)
PARTICIPATION = {
    "left": "left the room during consideration of {the} item",
    "no_part": "took no part in the discussion or vote on {the} item",
    "dispensation": "spoke on {the} item under a dispensation",
}


def declaration_sentence(d: Any, row: Any, *, public: bool = True) -> str:
    """ "Mr X declared a Disclosable Pecuniary Interest in Item B2 (title): nature. Mr X left the
    room during consideration of the item." The nature is left out of the public wording when
    the clerk marked it restricted; a declaration recorded without its kind says "an interest"."""
    where = f"Item {row.code} ({row.title})" if row is not None else "the business of the meeting"
    kind = INTERESTS.get(getattr(d, "interest", ""), AN_INTEREST)
    nature = "" if d.nature_restricted and public else f": {d.nature.rstrip('.')}"
    then = PARTICIPATION.get(getattr(d, "participation", ""))
    return f"{d.member_name} declared {kind} in {where}{nature}." + (
        f" {d.member_name} {then.format(the='the')}." if then and row is not None else ""
    )


def declaration_at_item(d: Any) -> str:
    """What the minute of the item itself says of a declaration made under A2: "Mr X, having
    declared a Disclosable Pecuniary Interest, left the room during consideration of this item." """
    kind = INTERESTS.get(getattr(d, "interest", ""), AN_INTEREST)
    then = PARTICIPATION.get(getattr(d, "participation", ""))
    if then:
        return f"{d.member_name}, having declared {kind}, {then.format(the='this')}."
    return f"{d.member_name} had declared {kind} in this item."


def vice_chair_sentences(chair_title: str, vice_chair_title: str) -> tuple[str, str]:
    """The title and sentence of the minute when the vice-chair takes the chair."""
    return (
        f"{vice_chair_title} in the Chair",
        f"As the {chair_title} was not able to attend the meeting the {vice_chair_title} took the chair.",
    )


def state_sentence(state: str, next_date: str = "") -> str:
    """The sentence for an item withdrawn or deferred ("" for any other state)."""
    if state == "withdrawn":
        return "This item was withdrawn."
    if state == "deferred":
        return f"This item was deferred to the next meeting{f' on {next_date}' if next_date else ''}."
    return ""


def movement_line(who: str, arrived: bool, at: dt.time | None) -> str:
    """X arrived at 10.25am during this item. / X left the meeting during this item."""
    verb = "arrived" if arrived else "left the meeting"
    return f"{who} {verb} at {clock(at)} during this item." if at else f"{who} {verb} during this item."


def action_line(owner: str, description: str = "", due: dt.date | None = None) -> str:
    """Action – Jim Parris: description (by 14 October 2014)."""
    return f"Action – {owner}" + (f": {description}" if description else "") + (f" (by {long_date(due)})" if due else "")


OUTCOMES = ("carried", "lost")
CASTING = ("for", "against")  # the chair's casting vote, given only when the votes are equal


def vote_line(v: Any, chair_title: str = "Chairman") -> str:
    """On the motion …: For 9 (names); Against 2; Abstentions 1. The motion was carried.
    (or "Recorded vote: …"; "The motion … was lost." when the votes were not counted)"""

    def part(label: str, count: int, names: str) -> str:
        return f"{label} {count}" + (f" ({names})" if names else "")

    outcome, casting = getattr(v, "outcome", ""), getattr(v, "casting", "")
    counted = any((v.votes_for, v.votes_against, v.abstentions, v.named_for, v.named_against, v.named_abstaining))
    if outcome and not counted:
        return f"The motion {v.motion} was {outcome}." if v.motion else f"The motion was {outcome}."
    counts = [
        part("For", v.votes_for, v.named_for),
        part("Against", v.votes_against, v.named_against),
        part("Abstentions", v.abstentions, v.named_abstaining),
    ]
    motion = f"On the motion {v.motion}: " if v.motion else "Recorded vote: "
    line = motion + "; ".join(counts) + "."
    if casting:
        line += f" There being an equality of votes, the {chair_title} gave a casting vote {casting} the motion"
        return line + f" and it was {outcome}."
    if outcome and v.votes_for == v.votes_against:
        return line + f" There being an equality of votes, the motion was {outcome}."
    return line + (f" The motion was {outcome}." if outcome else "")
