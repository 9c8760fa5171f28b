"""The rules of a vote taken in the room: who may be named in it (the members present at that
moment), and its outcome (carried or lost, as the counts and the chair's casting vote decide)."""

from __future__ import annotations

from dataclasses import dataclass

from sqlmodel import Session, select

from ..errors import InvalidInput
from ..models import AttendanceStatus, Meeting, Minute, Person, Vote
from ..storage import Store
from ..wording import CASTING, OUTCOMES, join_and
from .attendance import attendance_rows
from .committees import display_name
from .common import clean_text, ensure_editable, get

VOTING = (AttendanceStatus.PRESENT, AttendanceStatus.SUBSTITUTE)


@dataclass(frozen=True)
class Voter:
    person_id: int
    name: str  # "Mr P M Hill", as a named vote lists them (no honours: the names are comma separated)
    forms: frozenset[str]  # what a clerk may type for them: the name, "Paul Hill", "Mr Hill", "Hill"


def _words(text: str) -> str:
    return " ".join(text.lower().replace(",", " ").split())


def members_present_at(session: Session, meeting_id: int, minute_id: int | None) -> list[Voter]:
    """The members (and substitutes) in the room during the minute: present, arrived by then
    and not gone. One who left during that minute or before it is not offered; nor is one who
    arrives later. With no minute, those present now."""
    minutes = {m.id: m.seq for m in session.exec(select(Minute).where(Minute.meeting_id == meeting_id)).all()}
    at = minutes.get(minute_id) if minute_id is not None else None
    people = {p.id: p for p in session.exec(select(Person)).all()}
    out = []
    for row in attendance_rows(session, meeting_id):
        is_member = row.role is not None or row.status is AttendanceStatus.SUBSTITUTE
        if not is_member or row.status not in VOTING:
            continue
        if row.arrived_minute_id in minutes and at is not None and minutes[row.arrived_minute_id] > at:
            continue  # arrived after this minute
        if row.left_at is not None or row.left_minute_id is not None:
            left = minutes.get(row.left_minute_id) if row.left_minute_id is not None else None
            if at is None or left is None or left <= at:
                continue  # left during this minute or before it
        p = people[row.person_id]
        name = display_name(p, with_honours=False)
        forms = {name, row.name, f"{p.forenames} {p.surname}", f"{p.title} {p.surname}", p.surname}
        out.append(Voter(row.person_id, name, frozenset(_words(f) for f in forms if f.strip())))
    return out


def check_named(session: Session, meeting_id: int, minute_id: int, named: dict[str, str]) -> None:
    """Everyone named in a recorded vote is a member present at that minute, named once. Not
    checked while no member is recorded present (the attendance not taken)."""
    voters = members_present_at(session, meeting_id, minute_id)
    if not voters:
        return
    seen: dict[int, str] = {}
    for names in named.values():
        for name in (n for n in names.split(", ") if n):
            hits = [v for v in voters if _words(name) in v.forms]
            if len(hits) != 1:
                label = get(session, Minute, minute_id, "minute").title
                raise InvalidInput(
                    f"{name} is not one of the members present during “{label}”; name one of "
                    f"{join_and([v.name for v in voters])}."
                    if not hits
                    else f"{name} could be any of {join_and([v.name for v in hits])}; give the full name."
                )
            if hits[0].person_id in seen:
                raise InvalidInput(f"{hits[0].name} is named twice in the vote ({seen[hits[0].person_id]} and {name}).")
            seen[hits[0].person_id] = name


def outcome_of(votes_for: int, votes_against: int, counted: bool, outcome: str = "", casting: str = "") -> tuple[str, str]:
    """(outcome, casting): carried when more voted for, lost when more voted against; on equal
    votes the chair's casting vote decides, and with none the motion is lost. A vote not
    counted (a show of hands) has the outcome the clerk gives. An outcome that the counts
    contradict is refused."""
    outcome, casting = outcome.strip().lower(), casting.strip().lower()
    if outcome and outcome not in OUTCOMES:
        raise InvalidInput(f"A motion is {join_and(list(OUTCOMES)).replace(' and ', ' or ')}, not “{outcome}”.")
    if casting and casting not in CASTING:
        raise InvalidInput("The chair's casting vote is for or against the motion.")
    if casting and (not counted or votes_for != votes_against):
        raise InvalidInput(
            f"The chair gives a casting vote only when the votes are equal (For {votes_for}, Against {votes_against})."
        )
    if not counted:
        return outcome, ""
    if votes_for == votes_against:
        decided = "carried" if casting == "for" else "lost"
    else:
        decided = "carried" if votes_for > votes_against else "lost"
    if outcome and outcome != decided:
        raise InvalidInput(
            f"For {votes_for}, Against {votes_against}"
            + (f" and the casting vote {casting}" if casting else "")
            + f": the motion was {decided}, not {outcome}."
        )
    return decided, casting


def add_vote_in(
    session: Session,
    minute_id: int,
    motion: str,
    votes_for: int,
    votes_against: int,
    abstentions: int = 0,
    *,
    outcome: str = "",
    casting: str = "",
    **named: str,
) -> Vote:
    """A vote; its outcome follows the counts (see ``voting.outcome_of``)."""
    if min(votes_for, votes_against, abstentions) < 0:
        raise InvalidInput("Votes are counted from 0.")
    minute = get(session, Minute, minute_id, "minute")
    ensure_editable(get(session, Meeting, minute.meeting_id, "meeting"))
    named = {k: clean_text(v).strip() for k, v in named.items() if k in {"named_for", "named_against", "named_abstaining"}}
    counted = any((votes_for, votes_against, abstentions, *named.values()))
    outcome, casting = outcome_of(votes_for, votes_against, counted, outcome, casting)
    count = len(session.exec(select(Vote.id).where(Vote.minute_id == minute_id)).all())
    vote = Vote(
        minute_id=minute_id,
        position=count,
        motion=clean_text(motion).strip(),
        votes_for=votes_for,
        votes_against=votes_against,
        abstentions=abstentions,
        outcome=outcome,
        casting=casting,
        named_for=named.get("named_for", ""),
        named_against=named.get("named_against", ""),
        named_abstaining=named.get("named_abstaining", ""),
    )
    session.add(vote)
    session.flush()
    return vote


def add_vote(
    store: Store, minute_id: int, motion: str, votes_for: int, votes_against: int, abstentions: int = 0, **named: str
) -> Vote:
    with store.write() as session:
        return add_vote_in(session, minute_id, motion, votes_for, votes_against, abstentions, **named)
