"""The action log: every action minuted, with its owner, due date, status (open, done or
superseded), the day that last changed and a one-line update, and the minute it came from.

The log moves on after the minutes are signed: closing an action writes its status, never the
minute. The signed record's hash (``signoff.content_of``) holds what the minute says of the
action (owner, description, due date), not its status, so a signed meeting stays as signed.
An action of a restricted minute is restricted: it is listed for the clerk, marked, and never
goes into a paper for the public (``public=True``)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlmodel import Session, col, select

from ..errors import InvalidInput
from ..ids import id_of
from ..kinds import ActionStatus
from ..models import Action, Committee, Meeting, Minute, Person
from ..storage import Store
from ..wording_actions import action_text, already_sentence, status_label
from .common import clean_text, get, scheme_of

MAX_UPDATE = 300  # characters in the one-line update


@dataclass(frozen=True)
class ActionRow:
    id: int
    committee_id: int
    committee: str
    meeting_id: int
    meeting_date: dt.date
    minute_id: int
    minute: str  # its number as the notes print it: "66"
    minute_title: str
    restricted: bool
    description: str
    owner: str
    owner_person_id: int | None
    due: dt.date | None
    status: str  # ActionStatus
    status_on: dt.date | None
    progress: str  # the one-line update

    @property
    def action(self) -> str:
        return action_text(self.description, self.minute_title)

    @property
    def is_open(self) -> bool:
        return self.status == ActionStatus.OPEN

    def status_text(self, *, short: bool = False) -> str:
        return status_label(self.status, self.status_on, short=short)


def _words(name: str) -> list[str]:
    return name.replace(".", " ").replace(",", " ").lower().split()


def owner_matches(typed: str, *names: str) -> bool:
    """People matched as elsewhere in clerk: by their words, case and full stops aside, and an
    initial for a forename ("J Parris" is Jim Parris; "Prichard" is DCI Andy Prichard)."""
    wanted = _words(typed)
    for name in names:
        words = _words(name)
        if wanted and all(w in words or (len(w) == 1 and any(x.startswith(w) for x in words)) for w in wanted):
            return True
    return False


def _rows(session: Session, actions: list[Action]) -> list[ActionRow]:
    minutes = {m.id: m for m in session.exec(select(Minute).where(col(Minute.id).in_({a.minute_id for a in actions}))).all()}
    meetings = {
        m.id: m for m in session.exec(select(Meeting).where(col(Meeting.id).in_({m.meeting_id for m in minutes.values()}))).all()
    }
    committees = {c.id: c for c in session.exec(select(Committee)).all()}
    out = []
    for a in actions:
        minute = minutes[a.minute_id]
        meeting = meetings[minute.meeting_id]
        committee = committees[minute.committee_id]
        out.append(
            ActionRow(
                id_of(a),
                id_of(committee),
                committee.name,
                id_of(meeting),
                meeting.date,
                id_of(minute),
                scheme_of(committee).format(minute.number, minute.series),
                minute.title,
                minute.restricted,
                a.description,
                a.owner_name,
                a.owner_person_id,
                a.due_date,
                a.status,
                a.status_on,
                a.progress,
            )
        )
    return sorted(out, key=lambda r: (r.committee, r.meeting_date, minutes[r.minute_id].seq, r.minute_id, r.id))


def list_actions_in(
    session: Session,
    *,
    committee_id: int | None = None,
    open_only: bool = False,
    owner: str | None = None,
    before: dt.date | None = None,
    public: bool = False,
) -> list[ActionRow]:
    """The log, oldest meeting first. ``before``: only actions of meetings held before that day;
    ``public``: none of a restricted minute's."""
    q = select(Action).join(Minute, col(Minute.id) == col(Action.minute_id))
    if committee_id is not None:
        q = q.where(Minute.committee_id == committee_id)
    if open_only:
        q = q.where(Action.status == ActionStatus.OPEN.value)
    if public:
        q = q.where(Minute.restricted == False)  # noqa: E712
    actions = list(session.exec(q).all())
    rows = _rows(session, actions) if actions else []
    if before is not None:
        rows = [r for r in rows if r.meeting_date < before]
    if owner is not None and owner.strip():
        people = {p.id: p for p in session.exec(select(Person)).all()}
        rows = [r for r in rows if owner_matches(owner, r.owner, *_person_names(people.get(r.owner_person_id)))]
    return rows


def _person_names(person: Person | None) -> tuple[str, ...]:
    if person is None:
        return ()
    return (" ".join(p for p in (person.title, person.forenames, person.surname) if p),)


def list_actions(
    store: Store,
    *,
    committee_id: int | None = None,
    open_only: bool = False,
    owner: str | None = None,
    public: bool = False,
) -> list[ActionRow]:
    with store.read() as session:
        return list_actions_in(session, committee_id=committee_id, open_only=open_only, owner=owner, public=public)


def get_action(store: Store, action_id: int) -> ActionRow:
    with store.read() as session:
        return _rows(session, [get(session, Action, action_id, "action")])[0]


def _one_line(note: str) -> str:
    line = " ".join(clean_text(note or "").split())
    if len(line) > MAX_UPDATE:
        raise InvalidInput(f"An update is one line of at most {MAX_UPDATE} characters; this one has {len(line)}.")
    return line


def _move(store: Store, action_id: int, status: ActionStatus | None, note: str | None, on: dt.date | None) -> ActionRow:
    """The one write of the log: a new status and/or update, dated. The minute is not touched."""
    day = on or dt.date.today()
    line = None if note is None else _one_line(note)
    with store.write() as session:
        action = get(session, Action, action_id, "action")
        if status is not None and action.status == status.value:
            raise InvalidInput(already_sentence(action_id, action.status, action.status_on))
        if status is None and not line:
            raise InvalidInput("Type the update: one line on how the action stands.")
        if status is not None:
            action.status = status.value
        if line:
            action.progress = line
        action.status_on = day
        session.add(action)
        session.flush()
        return _rows(session, [action])[0]


def close_action(store: Store, action_id: int, note: str | None = None, on: dt.date | None = None) -> ActionRow:
    """Done, on ``on`` (today), with the update ``note`` when given (the earlier one stays otherwise)."""
    return _move(store, action_id, ActionStatus.DONE, note, on)


def supersede_action(store: Store, action_id: int, note: str | None = None, on: dt.date | None = None) -> ActionRow:
    """Overtaken by events or by a later action: no longer chased, not done."""
    return _move(store, action_id, ActionStatus.SUPERSEDED, note, on)


def reopen_action(store: Store, action_id: int, note: str | None = None, on: dt.date | None = None) -> ActionRow:
    return _move(store, action_id, ActionStatus.OPEN, note, on)


def note_action(store: Store, action_id: int, note: str, on: dt.date | None = None) -> ActionRow:
    """A new one-line update; the status stays."""
    return _move(store, action_id, None, note, on)


def matters_arising_in(session: Session, meeting_id: int) -> tuple[list[ActionRow], dt.date | None]:
    """The paper for ``meeting_id``'s matters arising: the committee's public actions from
    earlier meetings that are open, or were closed since the previous meeting; and that
    meeting's date (None when there was none)."""
    from .agenda_standard import previous_meeting

    meeting = get(session, Meeting, meeting_id, "meeting")
    previous = previous_meeting(session, meeting)
    since = previous.date if previous is not None else None
    rows = list_actions_in(session, committee_id=meeting.committee_id, before=meeting.date, public=True)
    chosen = [r for r in rows if r.is_open or (since is not None and r.status_on is not None and r.status_on >= since)]
    return chosen, since


def matters_arising(store: Store, meeting_id: int) -> tuple[list[ActionRow], dt.date | None]:
    with store.read() as session:
        return matters_arising_in(session, meeting_id)


def by_owner(rows: list[ActionRow]) -> dict[str, list[ActionRow]]:
    """Rows grouped by owner as written, owners in alphabetical order of surname (the last word)."""
    groups: dict[str, list[ActionRow]] = {}
    for r in rows:
        groups.setdefault(r.owner, []).append(r)
    return dict(sorted(groups.items(), key=lambda kv: (_words(kv[0])[-1:] or [""], kv[0].lower())))


def matters_arising_offer(store: Store, meeting_id: int) -> str | None:
    """What the agenda builder offers for the meeting: the action log item, with how many
    actions are open, while the agenda lacks it and earlier meetings have actions."""
    from ..wording_actions import MATTERS_ARISING_KEY
    from ..wording_actions import matters_arising_offer as offer
    from .agenda_rows import meeting_items

    with store.read() as session:
        if any(i.standard == MATTERS_ARISING_KEY for i in meeting_items(session, meeting_id)):
            return None
        rows, since = matters_arising_in(session, meeting_id)
    if not rows:
        return None
    return offer(sum(r.is_open for r in rows), since)
